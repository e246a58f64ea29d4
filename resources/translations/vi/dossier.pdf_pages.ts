<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.pdf_pages</name>
    <message>
      <source>cannot read the image: {reason}</source>
      <translation>không đọc được ảnh: {reason}</translation>
    </message>
    <message>
      <source>cannot read the PDF: {reason}</source>
      <translation>không đọc được tệp PDF: {reason}</translation>
    </message>
    <message>
      <source>the image is too large ({pixels} million pixels)</source>
      <translation>ảnh quá lớn ({pixels} triệu điểm ảnh)</translation>
    </message>
  </context>
</TS>
