<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.page_canvas</name>
    <message>
      <source>Form page</source>
      <translation>Trang tờ khai</translation>
    </message>
  </context>
</TS>
