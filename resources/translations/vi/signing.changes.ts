<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.changes</name>
    <message>
      <source>ticked</source>
      <translation>đã đánh dấu</translation>
    </message>
    <message>
      <source>not ticked</source>
      <translation>chưa đánh dấu</translation>
    </message>
    <message>
      <source>the printed content of page {page} changed</source>
      <translation>nội dung in trên trang {page} đã thay đổi</translation>
    </message>
    <message>
      <source>page {page} was added</source>
      <translation>trang {page} được thêm vào</translation>
    </message>
    <message>
      <source>field “{field}” was added on page {page}</source>
      <translation>ô “{field}” được thêm vào trang {page}</translation>
    </message>
    <message>
      <source>an annotation ({type}) on page {page} was changed</source>
      <translation>một chú thích ({type}) trên trang {page} đã bị sửa</translation>
    </message>
    <message>
      <source>an annotation ({type}) was added on page {page}</source>
      <translation>một chú thích ({type}) được thêm lên trang {page}</translation>
    </message>
    <message>
      <source>certificates and revocation data (OCSP/CRL) were added for long-term validation</source>
      <translation>chứng thư và dữ liệu thu hồi (OCSP/CRL) được thêm vào để kiểm tra lâu dài</translation>
    </message>
    <message>
      <source> (it reads: “{words}”)</source>
      <translation> (nội dung: “{words}”)</translation>
    </message>
    <message>
      <source>removed: “{words}”</source>
      <translation>bị xóa: “{words}”</translation>
    </message>
    <message>
      <source>added: “{words}”</source>
      <translation>thêm vào: “{words}”</translation>
    </message>
    <message>
      <source>page {page} was removed</source>
      <translation>trang {page} đã bị xóa</translation>
    </message>
    <message>
      <source>, reading “{text}”</source>
      <translation>, ghi “{text}”</translation>
    </message>
    <message>
      <source>field “{field}” was removed</source>
      <translation>ô “{field}” đã bị xóa</translation>
    </message>
    <message>
      <source>an annotation ({type}) was removed from page {page}</source>
      <translation>một chú thích ({type}) đã bị xóa khỏi trang {page}</translation>
    </message>
    <message>
      <source>field “{field}” on page {page}: “{before}” at signing, now “{after}”</source>
      <translation>ô “{field}” trên trang {page}: lúc ký là “{before}”, nay là “{after}”</translation>
    </message>
    <message>
      <source>field “{field}” on page {page} looks different although its value “{value}” did not change</source>
      <translation>ô “{field}” trên trang {page} hiển thị khác đi dù giá trị “{value}” không đổi</translation>
    </message>
  </context>
</TS>
