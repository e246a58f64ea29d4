<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.app</name>
    <message>
      <source>Hồ sơ số</source>
      <translation>Hồ sơ số</translation>
    </message>
  </context>
</TS>
