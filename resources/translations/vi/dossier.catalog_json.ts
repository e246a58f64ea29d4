<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.catalog_json</name>
    <message>
      <source>a file is expected, not a folder</source>
      <translation>cần một tệp, không phải thư mục</translation>
    </message>
    <message>
      <source>the key appears twice</source>
      <translation>khóa này xuất hiện hai lần</translation>
    </message>
    <message>
      <source>the file is too large for a catalog ({size} MB)</source>
      <translation>tệp quá lớn, không phải tệp danh mục ({size} MB)</translation>
    </message>
  </context>
</TS>
