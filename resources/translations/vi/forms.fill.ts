<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.fill</name>
    <message>
      <source>the form is signed: it can only be filled as an editable copy (flattening would break the signature)</source>
      <translation>tờ khai đã được ký số: chỉ có thể điền thành bản còn chỉnh sửa được (làm phẳng sẽ làm hỏng chữ ký)</translation>
    </message>
    <message>
      <source>a signed and encrypted form cannot be filled here</source>
      <translation>không thể điền tờ khai vừa được ký số vừa được mã hóa</translation>
    </message>
    <message>
      <source>the form also has an XFA part; it is dropped, the normal fields are filled</source>
      <translation>tờ khai có thêm phần XFA; phần này bị bỏ, các trường thông thường được điền</translation>
    </message>
    <message>
      <source>no such field or blank in this form</source>
      <translation>tờ khai không có trường hoặc chỗ trống này</translation>
    </message>
    <message>
      <source>this field cannot be filled (signature or button)</source>
      <translation>không thể điền trường này (chữ ký hoặc nút bấm)</translation>
    </message>
    <message>
      <source>the value matches none of the choices: {value}</source>
      <translation>giá trị không khớp với lựa chọn nào: {value}</translation>
    </message>
    <message>
      <source>the copy is saved without the password protection</source>
      <translation>bản sao được lưu không kèm mật khẩu bảo vệ</translation>
    </message>
  </context>
</TS>
