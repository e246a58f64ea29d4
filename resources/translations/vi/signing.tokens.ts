<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.tokens</name>
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
      <source>not a PKCS#11 module (no C_GetFunctionList); maybe the CSP file</source>
      <translation>không phải thư viện PKCS#11 (không có C_GetFunctionList); có thể là tệp CSP</translation>
    </message>
    <message>
      <source>added by you</source>
      <translation>do bạn thêm</translation>
    </message>
    <message>
      <source>the token holds no certificate to sign with</source>
      <translation>token không có chứng thư số nào dùng để ký</translation>
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
      <source>the certificate {label} on the token is not one to sign with (a CA's certificate, or no key for it)</source>
      <translation>chứng thư {label} trên token không dùng để ký (là chứng thư của CA, hoặc token không có khóa cho nó)</translation>
    </message>
  </context>
</TS>
