<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.crash_notice</name>
    <message>
      <source>What happened is written in the log folder; you can send it to support.</source>
      <translation>Chi tiết sự cố được ghi trong thư mục nhật ký; bạn có thể gửi cho người hỗ trợ.</translation>
    </message>
    <message>
      <source>The app closed unexpectedly</source>
      <translation>Ứng dụng đã đóng bất thường</translation>
    </message>
    <message>
      <source>Your dossiers are saved automatically: nothing you entered is lost.</source>
      <translation>Hồ sơ của bạn được lưu tự động: những gì bạn đã nhập không bị mất.</translation>
    </message>
    <message>
      <source>The app closed unexpectedly last time (started {when}).</source>
      <translation>Lần trước ứng dụng đã đóng bất thường (mở lúc {when}).</translation>
    </message>
    <message>
      <source>The dossier “{name}” was saved automatically: nothing you entered is lost.</source>
      <translation>Hồ sơ “{name}” đã được lưu tự động: những gì bạn đã nhập không bị mất.</translation>
    </message>
  </context>
</TS>
