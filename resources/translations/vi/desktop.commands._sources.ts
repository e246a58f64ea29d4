<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands._sources</name>
    <message>
      <source>procedure {code} is not in the catalog</source>
      <translation>thủ tục {code} không có trong danh mục</translation>
    </message>
    <message>
      <source>unknown portal profile: {name}</source>
      <translation>không rõ hồ sơ cổng dịch vụ công: {name}</translation>
    </message>
  </context>
</TS>
