<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.pdfio</name>
    <message>
      <source>not a file</source>
      <translation>không phải là tệp</translation>
    </message>
    <message>
      <source>this is a Word document, not a PDF; convert it first (hoso fill converts it when LibreOffice is installed)</source>
      <translation>đây là tài liệu Word, không phải PDF; hãy chuyển đổi trước (hoso fill tự chuyển khi máy có LibreOffice)</translation>
    </message>
    <message>
      <source>the file was damaged; it has been repaired, check the pages</source>
      <translation>tệp bị hỏng và đã được sửa; hãy kiểm tra lại các trang</translation>
    </message>
    <message>
      <source>the PDF is encrypted for a certificate holder; it cannot be opened here</source>
      <translation>tệp PDF được mã hóa cho người giữ chứng thư số; không thể mở tại đây</translation>
    </message>
    <message>
      <source>the password does not open this PDF</source>
      <translation>mật khẩu không mở được tệp PDF này</translation>
    </message>
    <message>
      <source>the PDF has no readable pages</source>
      <translation>tệp PDF không có trang nào đọc được</translation>
    </message>
    <message>
      <source>the file has structural errors; they were worked around</source>
      <translation>tệp có lỗi cấu trúc; đã được xử lý để đọc tiếp</translation>
    </message>
    <message>
      <source>the file is not a readable PDF ({reason})</source>
      <translation>tệp không phải là PDF đọc được ({reason})</translation>
    </message>
    <message>
      <source>the file is too large ({size} MB, at most {limit} MB)</source>
      <translation>tệp quá lớn ({size} MB, tối đa {limit} MB)</translation>
    </message>
    <message>
      <source>the PDF has too many pages ({count})</source>
      <translation>tệp PDF có quá nhiều trang ({count})</translation>
    </message>
    <message>
      <source>a page of the PDF cannot be read ({reason})</source>
      <translation>không đọc được một trang của tệp PDF ({reason})</translation>
    </message>
  </context>
</TS>
