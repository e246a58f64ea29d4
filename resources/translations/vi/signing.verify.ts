<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.verify</name>
    <message>
      <source>the whole file</source>
      <translation>toàn bộ tệp</translation>
    </message>
    <message>
      <source>an earlier version of the file</source>
      <translation>một phiên bản trước của tệp</translation>
    </message>
    <message>
      <source>unclear (non-standard byte range)</source>
      <translation>không rõ (vùng ký không chuẩn)</translation>
    </message>
    <message>
      <source>none</source>
      <translation>không có</translation>
    </message>
    <message>
      <source>allowed (form filling, signatures, timestamps)</source>
      <translation>được phép (điền biểu mẫu, ký thêm, dấu thời gian)</translation>
    </message>
    <message>
      <source>NOT allowed</source>
      <translation>KHÔNG được phép</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>không rõ</translation>
    </message>
    <message>
      <source>checked offline, from the data embedded in the file (B-LT)</source>
      <translation>đã kiểm tra ngoại tuyến, từ dữ liệu nhúng trong tệp (B-LT)</translation>
    </message>
    <message>
      <source>checked, with data fetched online</source>
      <translation>đã kiểm tra, bằng dữ liệu tải về qua mạng</translation>
    </message>
    <message>
      <source>not checked</source>
      <translation>chưa kiểm tra</translation>
    </message>
    <message>
      <source>unknown signer</source>
      <translation>người ký không xác định</translation>
    </message>
    <message>
      <source>Checked</source>
      <translation>Đã kiểm tra</translation>
    </message>
    <message>
      <source>The file has no signature.</source>
      <translation>Tệp không có chữ ký số nào.</translation>
    </message>
    <message>
      <source>{bad} of {n} signature(s) have problems.</source>
      <translation>{bad} trong {n} chữ ký có vấn đề.</translation>
    </message>
    <message>
      <source>the PDF is protected by a password; give the password to check it</source>
      <translation>tệp PDF được bảo vệ bằng mật khẩu; hãy nhập mật khẩu để kiểm tra</translation>
    </message>
    <message>
      <source>Valid signature of {signer} (certificate trust not checked: no trust list given)</source>
      <translation>Chữ ký của {signer} hợp lệ (chưa kiểm tra độ tin cậy của chứng thư số: chưa có danh sách tin cậy)</translation>
    </message>
    <message>
      <source>the signatures of the PDF cannot be read</source>
      <translation>không đọc được các chữ ký của tệp PDF</translation>
    </message>
    <message>
      <source>All {n} signature(s) are valid.</source>
      <translation>Cả {n} chữ ký đều hợp lệ.</translation>
    </message>
    <message>
      <source>the PDF is encrypted in a way that cannot be opened here</source>
      <translation>tệp PDF được mã hóa theo cách không mở được ở đây</translation>
    </message>
    <message>
      <source>INVALID: the document was changed after {signer} signed it</source>
      <translation>KHÔNG HỢP LỆ: tài liệu đã bị sửa sau khi {signer} ký</translation>
    </message>
    <message>
      <source>INVALID: the signature of {signer} is not cryptographically valid</source>
      <translation>KHÔNG HỢP LỆ: chữ ký của {signer} sai về mặt mật mã</translation>
    </message>
    <message>
      <source>INVALID: the certificate of {signer} was revoked by its CA</source>
      <translation>KHÔNG HỢP LỆ: chứng thư số của {signer} đã bị nhà cung cấp thu hồi</translation>
    </message>
    <message>
      <source>NOT OK: the signature of {signer} uses an algorithm that is no longer allowed</source>
      <translation>CÓ VẤN ĐỀ: chữ ký của {signer} dùng thuật toán không còn được chấp nhận</translation>
    </message>
    <message>
      <source>NOT OK: the signature of {signer} does not cover the file in the standard way</source>
      <translation>CÓ VẤN ĐỀ: chữ ký của {signer} không bao phủ tệp theo cách chuẩn</translation>
    </message>
    <message>
      <source>NOT OK: changes that are not allowed were made after {signer} signed</source>
      <translation>CÓ VẤN ĐỀ: tài liệu có thay đổi không được phép sau khi {signer} ký</translation>
    </message>
    <message>
      <source>Valid signature of {signer}; the certificate is trusted</source>
      <translation>Chữ ký của {signer} hợp lệ; chứng thư số được tin cậy</translation>
    </message>
    <message>
      <source>Signature of {signer} is intact, but the certificate is not trusted (root not in the trust list, or missing intermediate/revocation data)</source>
      <translation>Chữ ký của {signer} còn nguyên vẹn, nhưng chứng thư số chưa được tin cậy (chứng thư gốc không có trong danh sách tin cậy, hoặc thiếu chứng thư trung gian/thông tin thu hồi)</translation>
    </message>
    <message>
      <source>Checking signature {n}</source>
      <translation>Đang kiểm tra chữ ký {n}</translation>
    </message>
    <message>
      <source>INVALID: the signature cannot be checked ({reason})</source>
      <translation>KHÔNG HỢP LỆ: không kiểm tra được chữ ký ({reason})</translation>
    </message>
  </context>
</TS>
