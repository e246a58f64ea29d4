<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.cli</name>
    <message>
      <source>Hồ sơ số: prepare the files of an online public-service dossier (catalog, forms, scans, signatures, packaging).</source>
      <translation>Hồ sơ số: chuẩn bị các tệp của hồ sơ dịch vụ công trực tuyến (danh mục thủ tục, tờ khai, bản scan, chữ ký số, đóng gói).</translation>
    </message>
    <message>
      <source>language of messages (default: vi)</source>
      <translation>ngôn ngữ của thông báo (mặc định: vi)</translation>
    </message>
    <message>
      <source>COMMAND</source>
      <translation>LỆNH</translation>
    </message>
    <message>
      <source>unexpected error</source>
      <translation>lỗi không mong muốn</translation>
    </message>
  </context>
</TS>
