<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.stamp</name>
    <message>
      <source>Signed by: {name}</source>
      <translation>Ký bởi: {name}</translation>
    </message>
    <message>
      <source>Signing time: {time}</source>
      <translation>Thời gian ký: {time}</translation>
    </message>
    <message>
      <source>Reason: {reason}</source>
      <translation>Lý do: {reason}</translation>
    </message>
    <message>
      <source>Location: {location}</source>
      <translation>Nơi ký: {location}</translation>
    </message>
    <message>
      <source>the stamp box is too small</source>
      <translation>khung chữ ký quá nhỏ</translation>
    </message>
    <message>
      <source>no blank space is large enough for the signature stamp; choose its place (drag a box on the page, or --visible PAGE/x1,y1,x2,y2) or sign invisibly</source>
      <translation>không có chỗ trống đủ lớn cho khung chữ ký; hãy chọn chỗ đặt (kéo chuột vẽ khung trên trang, hoặc --visible TRANG/x1,y1,x2,y2) hoặc ký ẩn</translation>
    </message>
    <message>
      <source>cannot read the stamp image (PNG expected)</source>
      <translation>không đọc được ảnh chữ ký (cần tệp PNG)</translation>
    </message>
    <message>
      <source>the stamp image is too large</source>
      <translation>ảnh chữ ký quá lớn</translation>
    </message>
    <message>
      <source>page {page} does not exist (the PDF has {count} pages)</source>
      <translation>không có trang {page} (tệp PDF có {count} trang)</translation>
    </message>
  </context>
</TS>
