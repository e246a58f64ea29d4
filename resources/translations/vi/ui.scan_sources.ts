<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.scan_sources</name>
    <message>
      <source>Scanned stack</source>
      <translation>Chồng trang đã quét</translation>
    </message>
    <message>
      <source>Scanning</source>
      <translation>Đang quét</translation>
    </message>
    <message>
      <source>Folder the scanner saves into</source>
      <translation>Thư mục máy quét lưu tệp vào</translation>
    </message>
    <message>
      <source>Watching</source>
      <translation>Đang theo dõi</translation>
    </message>
    <message>
      <source>Scanning…</source>
      <translation>Đang quét…</translation>
    </message>
  </context>
</TS>
