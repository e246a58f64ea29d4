<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.page_preview</name>
    <message>
      <source>Page preview: drag a box to place the signature</source>
      <translation>Xem trước trang: kéo chuột để chọn vị trí chữ ký</translation>
    </message>
    <message>
      <source>No page to show</source>
      <translation>Không có trang để hiển thị</translation>
    </message>
  </context>
</TS>
