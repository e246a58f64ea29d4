<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.signature_check</name>
    <message>
      <source>Choose a trusted root certificate</source>
      <translation>Chọn chứng thư gốc tin cậy</translation>
    </message>
    <message>
      <source>Certificates (*.pem *.crt *.cer *.der)</source>
      <translation>Chứng thư số (*.pem *.crt *.cer *.der)</translation>
    </message>
    <message>
      <source>Choose a PDF to check</source>
      <translation>Chọn tệp PDF cần kiểm tra</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Checking signatures…</source>
      <translation>Đang kiểm tra chữ ký…</translation>
    </message>
    <message>
      <source>Checking signatures</source>
      <translation>Đang kiểm tra chữ ký</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>Cấp bởi</translation>
    </message>
    <message>
      <source>Signing time</source>
      <translation>Thời gian ký</translation>
    </message>
    <message>
      <source>Timestamp</source>
      <translation>Dấu thời gian</translation>
    </message>
    <message>
      <source>Changes after signing</source>
      <translation>Thay đổi sau khi ký</translation>
    </message>
    <message>
      <source>Trust was not checked: add the root certificate of your CA to judge whether the signer is trusted.</source>
      <translation>Chưa kiểm tra độ tin cậy: hãy thêm chứng thư gốc của nhà cung cấp chữ ký số để biết người ký có được tin cậy không.</translation>
    </message>
  </context>
</TS>
