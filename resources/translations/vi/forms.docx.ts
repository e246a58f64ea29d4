<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.docx</name>
    <message>
      <source>open it in Word or LibreOffice Writer, choose File &gt; Save As (or Export) &gt; PDF, then open the PDF here</source>
      <translation>hãy mở tệp bằng Word hoặc LibreOffice Writer, chọn Tệp &gt; Lưu thành (hoặc Xuất) &gt; PDF, rồi mở tệp PDF đó tại đây</translation>
    </message>
    <message>
      <source>this is a Word document and LibreOffice is not installed to convert it: {how}</source>
      <translation>đây là tài liệu Word và máy chưa cài LibreOffice để chuyển đổi: {how}</translation>
    </message>
    <message>
      <source>LibreOffice could not convert the document: {how}</source>
      <translation>LibreOffice không chuyển đổi được tài liệu: {how}</translation>
    </message>
  </context>
</TS>
