<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.signer_choice</name>
    <message>
      <source>Certificate files (*.p12 *.pfx)</source>
      <translation>Tệp chứng thư số (*.p12 *.pfx)</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
      <source>Choose the PKCS#11 module of your token</source>
      <translation>Chọn thư viện PKCS#11 của token</translation>
    </message>
    <message>
      <source>Libraries (*.dll *.so *.dylib)</source>
      <translation>Thư viện (*.dll *.so *.dylib)</translation>
    </message>
    <message>
      <source>Looking for tokens…</source>
      <translation>Đang tìm token…</translation>
    </message>
    <message>
      <source>Token PIN</source>
      <translation>Mã PIN của token</translation>
    </message>
    <message>
      <source>Looking for tokens</source>
      <translation>Đang tìm token</translation>
    </message>
    <message>
      <source>Certificate password</source>
      <translation>Mật khẩu chứng thư số</translation>
    </message>
    <message>
      <source>Find your token first, then choose a certificate.</source>
      <translation>Hãy tìm token trước, rồi chọn chứng thư số.</translation>
    </message>
    <message>
      <source>Choose a certificate file (.p12/.pfx) first.</source>
      <translation>Hãy chọn tệp chứng thư số (.p12/.pfx) trước.</translation>
    </message>
    <message>
      <source>Password of {name}:</source>
      <translation>Mật khẩu của {name}:</translation>
    </message>
    <message>
      <source>PIN of token {label}:</source>
      <translation>Mã PIN của token {label}:</translation>
    </message>
    <message>
      <source>No token found. Plug in your token, or add its module.</source>
      <translation>Không tìm thấy token. Hãy cắm token, hoặc thêm thư viện của token.</translation>
    </message>
    <message>
      <source>Wrong password. Try again.</source>
      <translation>Sai mật khẩu. Hãy nhập lại.</translation>
    </message>
    <message>
      <source>{subject} — {issuer} (token {label}, until {date})</source>
      <translation>{subject} — {issuer} (token {label}, hết hạn {date})</translation>
    </message>
    <message>
      <source>Token {label}: the PIN is locked.</source>
      <translation>Token {label}: mã PIN đã bị khóa.</translation>
    </message>
  </context>
</TS>
