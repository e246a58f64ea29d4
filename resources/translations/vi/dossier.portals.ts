<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.portals</name>
    <message>
      <source>an https:// address is expected</source>
      <translation>cần một địa chỉ https://</translation>
    </message>
    <message>
      <source>must be more than 0</source>
      <translation>phải lớn hơn 0</translation>
    </message>
    <message>
      <source>must be at least 8</source>
      <translation>phải từ 8 trở lên</translation>
    </message>
    <message>
      <source>{value!r} must match the file name</source>
      <translation>{value!r} phải trùng với tên tệp</translation>
    </message>
    <message>
      <source>unknown placeholder or bad format ({reason}); use {{index}}, {{slug}}, {{component_id}}, {{code}}</source>
      <translation>tên biến không có hoặc sai định dạng ({reason}); dùng {{index}}, {{slug}}, {{component_id}}, {{code}}</translation>
    </message>
  </context>
</TS>
