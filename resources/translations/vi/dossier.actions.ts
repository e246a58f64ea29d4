<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.actions</name>
    <message>
      <source>an address is needed to receive the result by post</source>
      <translation>cần có địa chỉ để nhận kết quả qua bưu điện</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Đang nhập {name}</translation>
    </message>
    <message>
      <source>the component {id} has no page</source>
      <translation>thành phần {id} chưa có trang nào</translation>
    </message>
    <message>
      <source>unknown way of receiving the result: {value}</source>
      <translation>cách nhận kết quả không hợp lệ: {value}</translation>
    </message>
    <message>
      <source>unknown way of paying the fee: {value}</source>
      <translation>cách nộp phí không hợp lệ: {value}</translation>
    </message>
  </context>
</TS>
