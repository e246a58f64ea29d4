<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.print_export</name>
    <message>
      <source>Writing the PDF</source>
      <translation>Đang ghi tệp PDF</translation>
    </message>
    <message>
      <source>the file already exists</source>
      <translation>tệp đã tồn tại</translation>
    </message>
    <message>
      <source>Cover sheet</source>
      <translation>Trang bìa</translation>
    </message>
  </context>
</TS>
