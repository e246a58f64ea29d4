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
      <source>could not be checked</source>
      <translation>không kiểm tra được</translation>
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
      <source>valid, unchanged since signing</source>
      <translation>hợp lệ, không thay đổi từ khi ký</translation>
    </message>
    <message>
      <source>valid, but changed after signing</source>
      <translation>hợp lệ, nhưng tệp đã thay đổi sau khi ký</translation>
    </message>
    <message>
      <source>INVALID</source>
      <translation>KHÔNG HỢP LỆ</translation>
    </message>
    <message>
      <source>the signature is in a form this app cannot check</source>
      <translation>chữ ký có dạng mà ứng dụng này không kiểm tra được</translation>
    </message>
    <message>
      <source>the certificate of {signer} has expired and nothing proves the signature was made before (no timestamp, no long-term validation data)</source>
      <translation>chứng thư số của {signer} đã hết hạn và không có gì chứng minh chữ ký được tạo trước đó (không có dấu thời gian, không có dữ liệu kiểm tra lâu dài)</translation>
    </message>
    <message>
      <source>the certificate of {signer} is not yet valid</source>
      <translation>chứng thư số của {signer} chưa có hiệu lực</translation>
    </message>
    <message>
      <source>the certificate of {signer} does not lead to a root in the trust list (root not trusted, or an intermediate certificate is missing)</source>
      <translation>chứng thư số của {signer} không dẫn tới chứng thư gốc nào trong danh sách tin cậy (chứng thư gốc chưa được tin cậy, hoặc thiếu chứng thư trung gian)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>không</translation>
    </message>
    <message>
      <source>the signature's data cannot be read: the structure of the file around it is damaged</source>
      <translation>không đọc được dữ liệu của chữ ký: cấu trúc tệp quanh chữ ký bị hỏng</translation>
    </message>
    <message>
      <source>the signature's content is malformed (it does not follow the CMS format)</source>
      <translation>nội dung chữ ký bị sai dạng (không theo định dạng CMS)</translation>
    </message>
    <message>
      <source>the signature does not follow the rules of PDF signatures and cannot be checked</source>
      <translation>chữ ký không theo quy tắc của chữ ký PDF nên không kiểm tra được</translation>
    </message>
    <message>
      <source>the signer's RSA key is only {bits} bits long; at least {min} bits are required</source>
      <translation>khóa RSA của người ký chỉ dài {bits} bit; cần ít nhất {min} bit</translation>
    </message>
    <message>
      <source>the certificate of {signer} is not trusted (root not in the trust list, or missing intermediate or revocation data)</source>
      <translation>chứng thư số của {signer} không được tin cậy (chứng thư gốc không có trong danh sách tin cậy, hoặc thiếu chứng thư trung gian hay dữ liệu thu hồi)</translation>
    </message>
    <message>
      <source>changes that are not allowed were made after signing: {what}</source>
      <translation>sau khi ký, tệp có thay đổi không được phép: {what}</translation>
    </message>
    <message>
      <source>changed after signing, and no later signature covers it: {what}</source>
      <translation>tệp đã thay đổi sau khi ký và không có chữ ký nào sau đó bao phủ thay đổi: {what}</translation>
    </message>
    <message>
      <source>Valid signature of {signer}, unchanged since signing; the certificate is trusted</source>
      <translation>Chữ ký của {signer} hợp lệ, tệp không thay đổi từ khi ký; chứng thư số được tin cậy</translation>
    </message>
    <message>
      <source>Valid signature of {signer}, unchanged since signing (certificate trust not checked: no trust list given)</source>
      <translation>Chữ ký của {signer} hợp lệ, tệp không thay đổi từ khi ký (độ tin cậy của chứng thư số không kiểm tra được: chưa có danh sách tin cậy)</translation>
    </message>
    <message>
      <source>unknown signer</source>
      <translation>người ký không xác định</translation>
    </message>
    <message>
      <source>Comparing the versions of the file</source>
      <translation>Đang so sánh các phiên bản của tệp</translation>
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
      <source>The file was damaged: it was repaired to be read, so its signatures could not be checked against the bytes they cover.</source>
      <translation>Tệp bị hỏng: tệp đã được sửa để đọc được, vì vậy không kiểm tra được chữ ký với đúng phần dữ liệu mà chữ ký bao phủ.</translation>
    </message>
    <message>
      <source>the PDF is protected by a password; give the password to check it</source>
      <translation>tệp PDF được bảo vệ bằng mật khẩu; hãy nhập mật khẩu để kiểm tra</translation>
    </message>
    <message>
      <source>valid from {start} to {end}</source>
      <translation>có hiệu lực từ {start} đến {end}</translation>
    </message>
    <message>
      <source>expired</source>
      <translation>đã hết hạn</translation>
    </message>
    <message>
      <source>not yet valid</source>
      <translation>chưa có hiệu lực</translation>
    </message>
    <message>
      <source>the certificate was {when} at the time proven by the timestamp ({time}); it is {span}</source>
      <translation>chứng thư số {when} vào thời điểm dấu thời gian chứng nhận ({time}); chứng thư {span}</translation>
    </message>
    <message>
      <source>the certificate was {when} at the signing time the signer claims ({time}); it is {span}</source>
      <translation>chứng thư số {when} vào thời điểm ký mà người ký khai ({time}); chứng thư {span}</translation>
    </message>
    <message>
      <source>they do not show on the pages</source>
      <translation>các thay đổi không hiện trên trang nào</translation>
    </message>
    <message>
      <source>the file is damaged; the version a signature covers cannot be found</source>
      <translation>tệp bị hỏng; không tìm được phiên bản mà chữ ký bao phủ</translation>
    </message>
    <message>
      <source>{bad} of {n} signatures have problems.</source>
      <translation>{bad} trong {n} chữ ký có vấn đề.</translation>
    </message>
    <message>
      <source>The signature has problems.</source>
      <translation>Chữ ký có vấn đề.</translation>
    </message>
    <message>
      <source>the PDF is encrypted in a way that cannot be opened here</source>
      <translation>tệp PDF được mã hóa theo cách không mở được ở đây</translation>
    </message>
    <message>
      <source>the list of form fields of the PDF is damaged, so its signatures cannot be found</source>
      <translation>danh sách ô biểu mẫu của tệp PDF bị hỏng nên không tìm được các chữ ký</translation>
    </message>
    <message>
      <source>the signature names {algorithm} as its digest algorithm, which is not a digest algorithm (it is a signature algorithm or unknown); the signature is malformed</source>
      <translation>chữ ký ghi {algorithm} làm thuật toán băm, nhưng đó không phải thuật toán băm (là thuật toán ký hoặc không rõ); chữ ký bị sai dạng</translation>
    </message>
    <message>
      <source>a document timestamp was added</source>
      <translation>một dấu thời gian cho tài liệu được thêm vào</translation>
    </message>
    <message>
      <source>the certificate's validity period could not be read</source>
      <translation>không đọc được thời hạn hiệu lực của chứng thư số</translation>
    </message>
    <message>
      <source>the signature does not cover the file in the standard way (unusual signed byte range), so parts of the file are not protected</source>
      <translation>chữ ký không bao phủ tệp theo cách chuẩn (vùng ký bất thường), nên có phần của tệp không được bảo vệ</translation>
    </message>
    <message>
      <source>and changes to the file's structure that are not allowed</source>
      <translation>và các thay đổi cấu trúc tệp không được phép</translation>
    </message>
    <message>
      <source>the changes after signing could not be checked</source>
      <translation>không kiểm tra được các thay đổi sau khi ký</translation>
    </message>
    <message>
      <source>INVALID: {reason}</source>
      <translation>KHÔNG HỢP LỆ: {reason}</translation>
    </message>
    <message>
      <source>Signature of {signer} is valid, but the file was changed after signing: {what}</source>
      <translation>Chữ ký của {signer} hợp lệ, nhưng tệp đã bị thay đổi sau khi ký: {what}</translation>
    </message>
    <message>
      <source>the file had to be repaired to be read, so this signature cannot be checked</source>
      <translation>tệp phải được sửa mới đọc được, nên không kiểm tra được chữ ký này</translation>
    </message>
    <message>
      <source>All {n} signatures are valid.</source>
      <translation>Cả {n} chữ ký đều hợp lệ.</translation>
    </message>
    <message>
      <source>The signature is valid.</source>
      <translation>Chữ ký hợp lệ.</translation>
    </message>
    <message>
      <source>form data changed that is not shown on any page</source>
      <translation>dữ liệu biểu mẫu thay đổi mà không hiện trên trang nào</translation>
    </message>
    <message>
      <source>and {n} more</source>
      <translation>và {n} thay đổi khác</translation>
    </message>
    <message>
      <source>the signer's elliptic-curve key is only {bits} bits long; at least {min} bits are required</source>
      <translation>khóa đường cong elliptic của người ký chỉ dài {bits} bit; cần ít nhất {min} bit</translation>
    </message>
    <message>
      <source>the signing time is not known; the certificate is {span}</source>
      <translation>không rõ thời điểm ký; chứng thư số {span}</translation>
    </message>
    <message>
      <source>the timestamp ({time}) proves the signature was made while the certificate was valid ({span})</source>
      <translation>dấu thời gian ({time}) chứng minh chữ ký được tạo khi chứng thư số còn hiệu lực ({span})</translation>
    </message>
    <message>
      <source>the signing time ({time}) is the signer's own claim, not proven by a timestamp; the certificate is {span}</source>
      <translation>thời điểm ký ({time}) do người ký tự khai, không có dấu thời gian chứng minh; chứng thư số {span}</translation>
    </message>
    <message>
      <source>the signer's claimed time ({claimed}) differs from the timestamp ({time})</source>
      <translation>thời điểm người ký khai ({claimed}) khác với dấu thời gian ({time})</translation>
    </message>
    <message>
      <source>the later changes were signed by {names}</source>
      <translation>các thay đổi sau đó đã được {names} ký</translation>
    </message>
    <message>
      <source>Checking signature {n}</source>
      <translation>Đang kiểm tra chữ ký {n}</translation>
    </message>
    <message>
      <source>there is no signature {n} (the file has {count})</source>
      <translation>không có chữ ký thứ {n} (tệp có {count} chữ ký)</translation>
    </message>
    <message>
      <source>signature {n} does not cover the file in the standard way; its version cannot be cut out</source>
      <translation>chữ ký thứ {n} không bao phủ tệp theo cách chuẩn; không tách được phiên bản của nó</translation>
    </message>
    <message>
      <source>the changes of this version could not be read</source>
      <translation>không đọc được các thay đổi của phiên bản này</translation>
    </message>
    <message>
      <source>the signature uses the digest algorithm {digest}, which is no longer safe</source>
      <translation>chữ ký dùng thuật toán băm {digest}, nay không còn an toàn</translation>
    </message>
    <message>
      <source>the signed content no longer matches the signature: the file was altered after {signer} signed it</source>
      <translation>nội dung được ký không còn khớp với chữ ký: tệp đã bị sửa sau khi {signer} ký</translation>
    </message>
    <message>
      <source>(and {n} more problem(s))</source>
      <translation>(và {n} vấn đề khác)</translation>
    </message>
    <message>
      <source>the certificate of {signer} was revoked by its CA</source>
      <translation>chứng thư số của {signer} đã bị nhà cung cấp thu hồi</translation>
    </message>
    <message>
      <source>the algorithms of the signature ({algorithms}) are not allowed together by the current rules</source>
      <translation>các thuật toán của chữ ký ({algorithms}) không được phép dùng cùng nhau theo quy định hiện hành</translation>
    </message>
    <message>
      <source>the signature value does not match the certificate of {signer} (cryptographically invalid)</source>
      <translation>giá trị chữ ký không khớp với chứng thư số của {signer} (sai về mật mã)</translation>
    </message>
  </context>
</TS>
