<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.context</name>
    <message>
      <source>The dossier could not be saved: {reason}</source>
      <translation>Không lưu được hồ sơ: {reason}</translation>
    </message>
  </context>
</TS>
