<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.form_saving</name>
    <message>
      <source>Save the filled form</source>
      <translation>Lưu tờ khai đã điền</translation>
    </message>
    <message>
      <source>Saving the form</source>
      <translation>Đang lưu tờ khai</translation>
    </message>
    <message>
      <source>Saved {file}. {why}.</source>
      <translation>Đã lưu {file}. {why}.</translation>
    </message>
    <message>
      <source>Saved {editable} (the form is signed: no flattened copy).</source>
      <translation>Đã lưu {editable} (tờ khai đã được ký số nên không tạo bản làm phẳng).</translation>
    </message>
    <message>
      <source>Saved {editable} and, for upload, {flat}.</source>
      <translation>Đã lưu {editable} và bản để nộp trực tuyến {flat}.</translation>
    </message>
  </context>
</TS>
