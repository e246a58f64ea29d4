<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.catalog</name>
    <message>
      <source>component id {value!r} is used twice</source>
      <translation>mã thành phần hồ sơ {value!r} bị dùng hai lần</translation>
    </message>
    <message>
      <source>procedure code {value!r} is used twice</source>
      <translation>mã thủ tục {value!r} bị dùng hai lần</translation>
    </message>
    <message>
      <source>must be at least 1</source>
      <translation>phải từ 1 trở lên</translation>
    </message>
    <message>
      <source>must not be negative</source>
      <translation>không được là số âm</translation>
    </message>
    <message>
      <source>an online service level is 1 to 4</source>
      <translation>mức độ dịch vụ công trực tuyến là từ 1 đến 4</translation>
    </message>
    <message>
      <source>{value!r} does not name a component</source>
      <translation>{value!r} không chỉ đến thành phần hồ sơ nào</translation>
    </message>
    <message>
      <source>{value!r} is not a valid id (lower-case letters, digits and dashes)</source>
      <translation>{value!r} không phải mã hợp lệ (chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang)</translation>
    </message>
    <message>
      <source>{value!r} is not a national procedure code like "1.001193"</source>
      <translation>{value!r} không phải mã thủ tục quốc gia dạng "1.001193"</translation>
    </message>
    <message>
      <source>cannot remove the file: {reason}</source>
      <translation>không xóa được tệp: {reason}</translation>
    </message>
    <message>
      <source>procedure code {value!r} is already in {other}</source>
      <translation>mã thủ tục {value!r} đã có trong {other}</translation>
    </message>
    <message>
      <source>The imported catalog was ignored: {reason}</source>
      <translation>Danh mục đã nhập bị bỏ qua: {reason}</translation>
    </message>
  </context>
</TS>
