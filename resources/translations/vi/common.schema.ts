<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>common.schema</name>
    <message>
      <source>(top level)</source>
      <translation>(cấp ngoài cùng)</translation>
    </message>
    <message>
      <source>an object is expected</source>
      <translation>cần một đối tượng (object)</translation>
    </message>
    <message>
      <source>unknown key</source>
      <translation>khóa không được biết</translation>
    </message>
    <message>
      <source>invalid data in field {field}: {problem}</source>
      <translation>dữ liệu không hợp lệ ở trường {field}: {problem}</translation>
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
      <source>a whole number is expected</source>
      <translation>cần một số nguyên</translation>
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
      <source>file not found</source>
      <translation>không tìm thấy tệp</translation>
    </message>
    <message>
      <source>unexpected value {value!r}</source>
      <translation>giá trị không hợp lệ {value!r}</translation>
    </message>
    <message>
      <source>required field is missing</source>
      <translation>thiếu trường bắt buộc</translation>
    </message>
    <message>
      <source>{value!r} is not one of {allowed}</source>
      <translation>{value!r} không thuộc các giá trị {allowed}</translation>
    </message>
    <message>
      <source>{expected} is expected</source>
      <translation>cần {expected}</translation>
    </message>
    <message>
      <source>cannot read the file: {reason}</source>
      <translation>không đọc được tệp: {reason}</translation>
    </message>
    <message>
      <source>not valid JSON (line {line}, column {col})</source>
      <translation>không phải JSON hợp lệ (dòng {line}, cột {col})</translation>
    </message>
  </context>
</TS>
