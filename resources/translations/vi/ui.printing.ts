<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.printing</name>
    <message>
      <source>The printer could not be started.</source>
      <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
      <source>Printing page {n}</source>
      <translation>Đang in trang {n}</translation>
    </message>
  </context>
</TS>
