<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.components</name>
    <message>
      <source>no component number {number} in this procedure (1 to {count})</source>
      <translation>thủ tục này không có thành phần số {number} (từ 1 đến {count})</translation>
    </message>
    <message>
      <source>unknown component {id}; this procedure has: {ids}</source>
      <translation>không có thành phần {id}; thủ tục này gồm: {ids}</translation>
    </message>
    <message>
      <source>invalid component id {id} (lower-case letters, digits and '-')</source>
      <translation>mã thành phần {id} không hợp lệ (chỉ chữ thường, chữ số và '-')</translation>
    </message>
  </context>
</TS>
