<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.steps</name>
    <message>
      <source>Choose procedure</source>
      <translation>Chọn thủ tục</translation>
    </message>
    <message>
      <source>Information &amp; checklist</source>
      <translation>Thông tin &amp; danh mục giấy tờ</translation>
    </message>
    <message>
      <source>Fill forms</source>
      <translation>Điền tờ khai</translation>
    </message>
    <message>
      <source>Scan documents</source>
      <translation>Quét giấy tờ</translation>
    </message>
    <message>
      <source>Package &amp; submit</source>
      <translation>Đóng gói &amp; nộp</translation>
    </message>
    <message>
      <source>This step is not available in this version of the app.</source>
      <translation>Bước này chưa có trong phiên bản ứng dụng này.</translation>
    </message>
    <message>
      <source>Not available in this version.</source>
      <translation>Chưa có trong phiên bản này.</translation>
    </message>
  </context>
</TS>
