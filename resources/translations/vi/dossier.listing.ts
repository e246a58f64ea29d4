<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.listing</name>
    <message>
      <source>cannot read the folder: {reason}</source>
      <translation>không đọc được thư mục: {reason}</translation>
    </message>
    <message>
      <source>no dossier.json in this folder</source>
      <translation>thư mục này không có dossier.json</translation>
    </message>
  </context>
</TS>
