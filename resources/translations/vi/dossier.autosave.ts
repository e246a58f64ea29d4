<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.autosave</name>
    <message>
      <source>autosave failed: {reason}</source>
      <translation>tự động lưu thất bại: {reason}</translation>
    </message>
  </context>
</TS>
