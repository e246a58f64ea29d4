<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>scanning.sources</name>
    <message>
      <source>WIA scanners are only available on Windows.</source>
      <translation>Máy quét WIA chỉ dùng được trên Windows.</translation>
    </message>
    <message>
      <source>The scanner did not answer in time.</source>
      <translation>Máy quét không phản hồi kịp thời.</translation>
    </message>
    <message>
      <source>The scanner reported an error: {message}</source>
      <translation>Máy quét báo lỗi: {message}</translation>
    </message>
    <message>
      <source>The scanner program {program} is not installed.</source>
      <translation>Chưa cài chương trình máy quét {program}.</translation>
    </message>
  </context>
</TS>
