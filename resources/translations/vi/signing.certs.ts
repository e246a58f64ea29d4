<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.certs</name>
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
  </context>
</TS>
