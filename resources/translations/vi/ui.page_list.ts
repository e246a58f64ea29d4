<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.page_list</name>
    <message>
      <source>{size} KB</source>
      <translation>{size} KB</translation>
    </message>
  </context>
</TS>
