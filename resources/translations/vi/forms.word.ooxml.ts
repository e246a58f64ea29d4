<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.word.ooxml</name>
    <message>
      <source>this is not a Word document (.docx)</source>
      <translation>đây không phải tài liệu Word (.docx)</translation>
    </message>
    <message>
      <source>the Word document is too large to read</source>
      <translation>tài liệu Word quá lớn, không đọc được</translation>
    </message>
    <message>
      <source>the Word document is damaged and cannot be read: {reason}</source>
      <translation>tài liệu Word bị hỏng, không đọc được: {reason}</translation>
    </message>
  </context>
</TS>
