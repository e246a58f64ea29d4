<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>common.progress</name>
    <message>
      <source>Cancelled by the user.</source>
      <translation>Người dùng đã hủy.</translation>
    </message>
  </context>
</TS>
