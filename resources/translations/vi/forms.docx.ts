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
      <source>open it in Word, LibreOffice Writer or WPS Office, choose File &gt; Save As, pick the type Word Document (.docx) or PDF, then open the new file here</source>
      <translation>hãy mở tệp bằng Word, LibreOffice Writer hoặc WPS Office, chọn Tệp &gt; Lưu thành, chọn kiểu Word Document (.docx) hoặc PDF, rồi mở tệp mới tại đây</translation>
    </message>
    <message>
      <source>a Word file cannot carry a PDF digital signature: open it in Word and save it as PDF (File &gt; Save As &gt; PDF), then sign the PDF; or print it, sign by hand and scan it</source>
      <translation>tệp Word không mang được chữ ký số PDF: hãy mở tệp bằng Word và lưu thành PDF (Tệp &gt; Lưu thành &gt; PDF) rồi ký số tệp PDF; hoặc in ra, ký tay và scan lại</translation>
    </message>
    <message>
      <source>{program} could not convert the document: {how}</source>
      <translation>{program} không chuyển đổi được tài liệu: {how}</translation>
    </message>
    <message>
      <source>a PDF of this Word document needs Microsoft Word or LibreOffice, and neither is installed: {how}</source>
      <translation>cần Microsoft Word hoặc LibreOffice để tạo PDF từ tài liệu Word này, nhưng máy chưa cài chương trình nào: {how}</translation>
    </message>
    <message>
      <source>this is an old Word document (.doc) and neither Microsoft Word nor LibreOffice is installed to convert it: {how}</source>
      <translation>đây là tài liệu Word kiểu cũ (.doc) và máy chưa cài Microsoft Word hay LibreOffice để chuyển đổi: {how}</translation>
    </message>
    <message>
      <source>the Word document cannot be shown: {reason}</source>
      <translation>không hiển thị được tài liệu Word: {reason}</translation>
    </message>
  </context>
</TS>
