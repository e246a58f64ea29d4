<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing</name>
    <message>
      <source>not a certificate file (PEM or DER expected)</source>
      <translation>không phải tệp chứng thư số (cần định dạng PEM hoặc DER)</translation>
    </message>
    <message>
      <source>the certificate is not valid yet (valid from {date})</source>
      <translation>chứng thư số chưa có hiệu lực (có hiệu lực từ {date})</translation>
    </message>
    <message>
      <source>the certificate expired on {date}</source>
      <translation>chứng thư số đã hết hạn ngày {date}</translation>
    </message>
    <message>
      <source>the certificate of {name} is not meant for signatures (no digital signature key usage); choose another certificate</source>
      <translation>chứng thư số của {name} không dùng để ký (thiếu mục đích sử dụng chữ ký số); hãy chọn chứng thư số khác</translation>
    </message>
    <message>
      <source>{problem}; a signature made with it will be reported as invalid</source>
      <translation>{problem}; chữ ký tạo bằng chứng thư số này sẽ bị báo là không hợp lệ</translation>
    </message>
    <message>
      <source>cannot read the certificate file: {reason}</source>
      <translation>không đọc được tệp chứng thư số: {reason}</translation>
    </message>
    <message>
      <source>Reading the PDF</source>
      <translation>Đang đọc tệp PDF</translation>
    </message>
    <message>
      <source>Signing</source>
      <translation>Đang ký</translation>
    </message>
    <message>
      <source>Writing the signed copy</source>
      <translation>Đang ghi bản đã ký</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>Đã ký</translation>
    </message>
    <message>
      <source>the PDF is protected by a password; give the password to sign it</source>
      <translation>tệp PDF được bảo vệ bằng mật khẩu; hãy nhập mật khẩu để ký</translation>
    </message>
    <message>
      <source>the PDF is encrypted for a certificate; this kind cannot be signed here</source>
      <translation>tệp PDF được mã hóa bằng chứng thư số; loại tệp này không ký được ở đây</translation>
    </message>
    <message>
      <source>wrong password for the PDF</source>
      <translation>mật khẩu của tệp PDF không đúng</translation>
    </message>
    <message>
      <source>the PDF is certified with 'no changes allowed': any new signature would invalidate the certification</source>
      <translation>tệp PDF đã được chứng nhận với chế độ «không cho phép thay đổi»: ký thêm sẽ làm mất hiệu lực chứng nhận</translation>
    </message>
    <message>
      <source>not a readable PDF file</source>
      <translation>không phải tệp PDF đọc được</translation>
    </message>
    <message>
      <source>the signed copy must be a new file, not the original</source>
      <translation>bản đã ký phải là một tệp mới, không được ghi đè tệp gốc</translation>
    </message>
    <message>
      <source>the PDF's certification data is damaged</source>
      <translation>dữ liệu chứng nhận của tệp PDF bị hỏng</translation>
    </message>
    <message>
      <source>signing failed: {reason}</source>
      <translation>ký không thành công: {reason}</translation>
    </message>
    <message>
      <source>{name} (signed)</source>
      <translation>{name} (đã ký)</translation>
    </message>
    <message>
      <source>signature level {level} needs a timestamp server (TSA) address</source>
      <translation>mức chữ ký {level} cần địa chỉ máy chủ cấp dấu thời gian (TSA)</translation>
    </message>
    <message>
      <source>the timestamp server did not answer: {reason}</source>
      <translation>máy chủ cấp dấu thời gian (TSA) không phản hồi: {reason}</translation>
    </message>
    <message>
      <source>cannot collect the certificate chain and revocation data: {reason}</source>
      <translation>không thu thập được chuỗi chứng thư số và thông tin thu hồi: {reason}</translation>
    </message>
    <message>
      <source>Signing {name}</source>
      <translation>Đang ký {name}</translation>
    </message>
    <message>
      <source>cannot read the file: {reason}</source>
      <translation>không đọc được tệp: {reason}</translation>
    </message>
    <message>
      <source>the signature field {name} is already signed</source>
      <translation>ô chữ ký {name} đã được ký</translation>
    </message>
    <message>
      <source>the certificate file holds no private key and certificate to sign with</source>
      <translation>tệp chứng thư số không chứa khóa bí mật và chứng thư số để ký</translation>
    </message>
    <message>
      <source>not a certificate file (.p12/.pfx expected)</source>
      <translation>không phải tệp chứng thư số (cần tệp .p12/.pfx)</translation>
    </message>
    <message>
      <source>wrong password for the certificate file (.p12/.pfx)</source>
      <translation>mật khẩu của tệp chứng thư số (.p12/.pfx) không đúng</translation>
    </message>
    <message>
      <source>Signed by: {name}</source>
      <translation>Ký bởi: {name}</translation>
    </message>
    <message>
      <source>Signing time: {time}</source>
      <translation>Thời gian ký: {time}</translation>
    </message>
    <message>
      <source>Reason: {reason}</source>
      <translation>Lý do: {reason}</translation>
    </message>
    <message>
      <source>Location: {location}</source>
      <translation>Nơi ký: {location}</translation>
    </message>
    <message>
      <source>the PDF has no pages</source>
      <translation>tệp PDF không có trang nào</translation>
    </message>
    <message>
      <source>the stamp box is too small</source>
      <translation>khung chữ ký quá nhỏ</translation>
    </message>
    <message>
      <source>cannot read the stamp image (PNG expected)</source>
      <translation>không đọc được ảnh chữ ký (cần tệp PNG)</translation>
    </message>
    <message>
      <source>the stamp image is too large</source>
      <translation>ảnh chữ ký quá lớn</translation>
    </message>
    <message>
      <source>page {page} does not exist (the PDF has {count} pages)</source>
      <translation>không có trang {page} (tệp PDF có {count} trang)</translation>
    </message>
    <message>
      <source>32-bit module, but this program runs as 64-bit (use the System32 copy)</source>
      <translation>thư viện 32-bit, nhưng chương trình chạy 64-bit (hãy dùng bản trong System32)</translation>
    </message>
    <message>
      <source>wrong PIN</source>
      <translation>mã PIN không đúng</translation>
    </message>
    <message>
      <source>not a library file</source>
      <translation>không phải tệp thư viện</translation>
    </message>
    <message>
      <source>64-bit module, but this program runs as 32-bit</source>
      <translation>thư viện 64-bit, nhưng chương trình chạy 32-bit</translation>
    </message>
    <message>
      <source>the PIN is locked after too many wrong tries; unlock it with the CA's token manager (PUK / SO PIN) or ask your CA</source>
      <translation>mã PIN đã bị khóa do nhập sai quá nhiều lần; hãy mở khóa bằng phần mềm quản lý token của nhà cung cấp (mã PUK / SO PIN) hoặc liên hệ nhà cung cấp chữ ký số</translation>
    </message>
    <message>
      <source>wrong PIN; one try left before the token locks</source>
      <translation>mã PIN không đúng; chỉ còn 1 lần thử trước khi token bị khóa</translation>
    </message>
    <message>
      <source>wrong PIN; only a few tries left before the token locks</source>
      <translation>mã PIN không đúng; chỉ còn vài lần thử trước khi token bị khóa</translation>
    </message>
    <message>
      <source>file not found</source>
      <translation>không tìm thấy tệp</translation>
    </message>
    <message>
      <source>not a PKCS#11 module (no C_GetFunctionList); maybe the CSP file</source>
      <translation>không phải thư viện PKCS#11 (không có C_GetFunctionList); có thể là tệp CSP</translation>
    </message>
    <message>
      <source>added by you</source>
      <translation>do bạn thêm</translation>
    </message>
    <message>
      <source>the token holds no certificate</source>
      <translation>token không chứa chứng thư số nào</translation>
    </message>
    <message>
      <source>the token was removed or its session closed; plug it in and try again</source>
      <translation>token đã bị rút ra hoặc phiên làm việc đã đóng; hãy cắm lại token và thử lại</translation>
    </message>
    <message>
      <source>this module does not recognise the token (wrong CA module?)</source>
      <translation>thư viện này không nhận ra token (có thể chọn nhầm thư viện của nhà cung cấp khác)</translation>
    </message>
    <message>
      <source>damaged or unknown library file</source>
      <translation>tệp thư viện bị hỏng hoặc không nhận dạng được</translation>
    </message>
    <message>
      <source>no token labelled {label} is plugged in</source>
      <translation>không có token nào mang nhãn {label} đang được cắm</translation>
    </message>
    <message>
      <source>the PIN has the wrong length or characters</source>
      <translation>mã PIN sai độ dài hoặc có ký tự không hợp lệ</translation>
    </message>
    <message>
      <source>the token refused the operation: {reason}</source>
      <translation>token từ chối thao tác: {reason}</translation>
    </message>
    <message>
      <source>cannot use this PKCS#11 module: {reason}</source>
      <translation>không dùng được thư viện PKCS#11 này: {reason}</translation>
    </message>
    <message>
      <source>the token has no certificate labelled {label}</source>
      <translation>token không có chứng thư số mang nhãn {label}</translation>
    </message>
    <message>
      <source>the PKCS#11 module could not be loaded: {reason}</source>
      <translation>không nạp được thư viện PKCS#11: {reason}</translation>
    </message>
    <message>
      <source>cannot read the tokens of this module: {reason}</source>
      <translation>không đọc được danh sách token của thư viện này: {reason}</translation>
    </message>
    <message>
      <source>the token has no usable key for this certificate: {reason}</source>
      <translation>token không có khóa dùng được cho chứng thư số này: {reason}</translation>
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
