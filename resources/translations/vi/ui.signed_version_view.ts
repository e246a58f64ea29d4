<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.signed_version_view</name>
    <message>
      <source>The file now</source>
      <translation>Tệp hiện tại</translation>
    </message>
    <message>
      <source>No change after signing is shown on the pages.</source>
      <translation>Không có thay đổi nào sau khi ký hiện trên các trang.</translation>
    </message>
    <message>
      <source>Changed after signing (marked in orange): {what}</source>
      <translation>Thay đổi sau khi ký (đánh dấu màu cam): {what}</translation>
    </message>
    <message>
      <source>As signed (version {n})</source>
      <translation>Lúc ký (phiên bản {n})</translation>
    </message>
  </context>
</TS>
