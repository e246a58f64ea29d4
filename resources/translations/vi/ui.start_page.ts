<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.start_page</name>
    <message>
      <source>Welcome to Hồ sơ số</source>
      <translation>Chào mừng đến với Hồ sơ số</translation>
    </message>
    <message>
      <source>Prepare the files of an online public-service dossier: choose the procedure, fill the forms, scan the documents, sign and package them for the portal.</source>
      <translation>Chuẩn bị các tệp của hồ sơ dịch vụ công trực tuyến: chọn thủ tục, điền tờ khai, quét giấy tờ, ký số và đóng gói để nộp lên cổng dịch vụ công.</translation>
    </message>
    <message>
      <source>New dossier</source>
      <translation>Hồ sơ mới</translation>
    </message>
    <message>
      <source>Create a new dossier</source>
      <translation>Tạo hồ sơ mới</translation>
    </message>
    <message>
      <source>Open dossier…</source>
      <translation>Mở hồ sơ…</translation>
    </message>
    <message>
      <source>Open an existing dossier folder</source>
      <translation>Mở một thư mục hồ sơ đã có</translation>
    </message>
    <message>
      <source>Recent dossiers</source>
      <translation>Hồ sơ gần đây</translation>
    </message>
    <message>
      <source>Open dossier folder</source>
      <translation>Mở thư mục hồ sơ</translation>
    </message>
    <message>
      <source>No dossier yet. Press “New dossier” to start.</source>
      <translation>Chưa có hồ sơ nào. Bấm “Hồ sơ mới” để bắt đầu.</translation>
    </message>
  </context>
</TS>
