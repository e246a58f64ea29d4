<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>scanning.steps</name>
    <message>
      <source>Unknown page edit: {step}</source>
      <translation>Thao tác chỉnh trang không hợp lệ: {step}</translation>
    </message>
    <message>
      <source>Malformed page edit: {step}</source>
      <translation>Thao tác chỉnh trang sai cấu trúc: {step}</translation>
    </message>
  </context>
</TS>
