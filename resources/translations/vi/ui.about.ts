<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.about</name>
    <message>
      <source>Prepares the files of online public-service dossiers, offline.</source>
      <translation>Chuẩn bị các tệp của hồ sơ dịch vụ công trực tuyến, không cần mạng.</translation>
    </message>
    <message>
      <source>UI font: Noto Sans (SIL Open Font License 1.1).</source>
      <translation>Phông chữ giao diện: Noto Sans (Giấy phép SIL Open Font License 1.1).</translation>
    </message>
    <message>
      <source>Hồ sơ số {version}</source>
      <translation>Hồ sơ số {version}</translation>
    </message>
  </context>
</TS>
