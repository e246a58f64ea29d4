<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.corner_editor</name>
    <message>
      <source>Adjust the corners</source>
      <translation>Chỉnh các góc</translation>
    </message>
    <message>
      <source>Photo with the four corners of the document</source>
      <translation>Ảnh chụp với bốn góc của giấy tờ</translation>
    </message>
    <message>
      <source>Magnified view of the corner being moved</source>
      <translation>Phóng to góc đang di chuyển</translation>
    </message>
    <message>
      <source>Drag the four blue handles onto the corners of the document.</source>
      <translation>Kéo bốn nút tròn màu xanh vào đúng bốn góc của giấy tờ.</translation>
    </message>
    <message>
      <source>Whole photo</source>
      <translation>Toàn bộ ảnh</translation>
    </message>
    <message>
      <source>Opening</source>
      <translation>Đang mở</translation>
    </message>
  </context>
</TS>
