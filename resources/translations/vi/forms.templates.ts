<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.templates</name>
    <message>
      <source>no built-in form with id {id!r}</source>
      <translation>không có mẫu tờ khai có sẵn nào mang mã {id!r}</translation>
    </message>
  </context>
</TS>
