<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>common.schema</name>
    <message>
      <source>unknown key</source>
      <translation>khóa không được biết</translation>
    </message>
    <message>
      <source>a list is expected</source>
      <translation>cần một danh sách</translation>
    </message>
    <message>
      <source>a number is expected</source>
      <translation>cần một số</translation>
    </message>
    <message>
      <source>text</source>
      <translation>văn bản</translation>
    </message>
    <message>
      <source>true or false</source>
      <translation>true hoặc false</translation>
    </message>
    <message>
      <source>unexpected value {value!r}</source>
      <translation>giá trị không hợp lệ {value!r}</translation>
    </message>
    <message>
      <source>{value!r} is not one of {allowed}</source>
      <translation>{value!r} không thuộc các giá trị {allowed}</translation>
    </message>
    <message>
      <source>{expected} is expected</source>
      <translation>cần {expected}</translation>
    </message>
  </context>
</TS>
