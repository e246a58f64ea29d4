<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.error_dialog</name>
    <message>
      <source>Error message</source>
      <translation>Thông báo lỗi</translation>
    </message>
    <message>
      <source>Error details</source>
      <translation>Chi tiết lỗi</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Chi tiết</translation>
    </message>
    <message>
      <source>Copy details</source>
      <translation>Sao chép chi tiết</translation>
    </message>
    <message>
      <source>An unexpected error occurred: {name}</source>
      <translation>Đã xảy ra lỗi không mong muốn: {name}</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Lỗi</translation>
    </message>
    <message>
      <source>Cannot continue</source>
      <translation>Không thể tiếp tục</translation>
    </message>
    <message>
      <source>Log file: {path}</source>
      <translation>Tệp nhật ký: {path}</translation>
    </message>
  </context>
</TS>
