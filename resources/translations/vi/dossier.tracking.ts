<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.tracking</name>
    <message>
      <source>the portal's dossier code is empty</source>
      <translation>chưa nhập mã hồ sơ của cổng dịch vụ công</translation>
    </message>
    <message>
      <source>invalid date: {reason}</source>
      <translation>ngày không hợp lệ: {reason}</translation>
    </message>
  </context>
</TS>
