<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.signers</name>
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
  </context>
</TS>
