<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>common.fsutil</name>
    <message>
      <source>Could not write the file: {reason}</source>
      <translation>Không ghi được tệp: {reason}</translation>
    </message>
  </context>
</TS>
