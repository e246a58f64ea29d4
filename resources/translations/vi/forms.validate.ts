<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.validate</name>
    <message>
      <source>a personal ID number has exactly 12 digits</source>
      <translation>số định danh cá nhân phải có đúng 12 chữ số</translation>
    </message>
    <message>
      <source>an old ID number has 9 or 12 digits</source>
      <translation>số CMND cũ phải có 9 hoặc 12 chữ số</translation>
    </message>
    <message>
      <source>not a real date (write dd/mm/yyyy)</source>
      <translation>ngày không hợp lệ (ghi theo dạng dd/mm/yyyy)</translation>
    </message>
    <message>
      <source>the date of birth is in the future</source>
      <translation>ngày sinh nằm trong tương lai</translation>
    </message>
    <message>
      <source>this field is required</source>
      <translation>trường này bắt buộc phải điền</translation>
    </message>
    <message>
      <source>too long: at most {count} characters</source>
      <translation>quá dài: tối đa {count} ký tự</translation>
    </message>
    <message>
      <source>not a year (write 4 digits)</source>
      <translation>năm không hợp lệ (ghi 4 chữ số)</translation>
    </message>
    <message>
      <source>not a Vietnamese phone number (10 digits starting with 0)</source>
      <translation>không phải số điện thoại Việt Nam (10 chữ số, bắt đầu bằng 0)</translation>
    </message>
    <message>
      <source>not an e-mail address</source>
      <translation>không phải địa chỉ email</translation>
    </message>
  </context>
</TS>
