<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.api</name>
    <message>
      <source>the form also has an XFA part; it is ignored, the normal fields are used</source>
      <translation>tờ khai có thêm phần XFA; phần này được bỏ qua, dùng các trường thông thường</translation>
    </message>
  </context>
</TS>
