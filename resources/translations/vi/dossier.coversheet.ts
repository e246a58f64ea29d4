<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.coversheet</name>
    <message>
      <source>Receiving agency</source>
      <translation>Cơ quan tiếp nhận</translation>
    </message>
    <message>
      <source>Prepared on</source>
      <translation>Ngày lập</translation>
    </message>
    <message>
      <source>Digitally signed</source>
      <translation>Ký số</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Đã nhận</translation>
    </message>
    <message>
      <source>DOSSIER COVER SHEET</source>
      <translation>PHIẾU KÈM THEO HỒ SƠ</translation>
    </message>
    <message>
      <source>The officer ticks each component received. The QR code holds the SHA-256 of the manifest of the files uploaded to the portal.</source>
      <translation>Cán bộ tiếp nhận đánh dấu từng thành phần đã nhận. Mã QR chứa mã băm SHA-256 của bản kê các tệp đã tải lên cổng dịch vụ công.</translation>
    </message>
    <message>
      <source>Check code</source>
      <translation>Mã kiểm tra</translation>
    </message>
    <message>
      <source>Dossier cover sheet</source>
      <translation>Phiếu kèm theo hồ sơ</translation>
    </message>
    <message>
      <source>not included</source>
      <translation>không nộp</translation>
    </message>
    <message>
      <source>Dossier components</source>
      <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Tổng cộng</translation>
    </message>
    <message>
      <source>Receiving officer</source>
      <translation>Cán bộ tiếp nhận</translation>
    </message>
    <message>
      <source>(sign and write full name)</source>
      <translation>(ký, ghi rõ họ tên)</translation>
    </message>
  </context>
</TS>
