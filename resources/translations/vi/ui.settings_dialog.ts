<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.settings_dialog</name>
    <message>
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>&amp;Dossier folder:</source>
      <translation>&amp;Thư mục hồ sơ:</translation>
    </message>
    <message>
      <source>Default &amp;portal:</source>
      <translation>&amp;Cổng dịch vụ công mặc định:</translation>
    </message>
    <message>
      <source>Clerk mode (many citizens a day)</source>
      <translation>Chế độ cán bộ một cửa (phục vụ nhiều công dân mỗi ngày)</translation>
    </message>
    <message>
      <source>A new language takes effect when the app restarts.</source>
      <translation>Ngôn ngữ mới có hiệu lực khi khởi động lại ứng dụng.</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Dossier folder</source>
      <translation>Thư mục hồ sơ</translation>
    </message>
  </context>
</TS>
