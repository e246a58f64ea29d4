<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.separators</name>
    <message>
      <source>Separator sheets</source>
      <translation>Tờ phân cách</translation>
    </message>
    <message>
      <source>The stack has no page.</source>
      <translation>Chồng trang không có trang nào.</translation>
    </message>
    <message>
      <source>SEPARATOR SHEET</source>
      <translation>TỜ PHÂN CÁCH HỒ SƠ</translation>
    </message>
    <message>
      <source>Put this sheet before the pages of this component.</source>
      <translation>Đặt tờ này trước các trang của thành phần hồ sơ này khi quét.</translation>
    </message>
    <message>
      <source>Reading page {number}</source>
      <translation>Đang đọc trang {number}</translation>
    </message>
    <message>
      <source>page {number} is a separator sheet of another procedure ({code})</source>
      <translation>trang {number} là tờ phân cách của thủ tục khác ({code})</translation>
    </message>
  </context>
</TS>
