<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.qr</name>
    <message>
      <source>no QR code could be read; take the photo again, closer and with more light</source>
      <translation>không đọc được mã QR; hãy chụp lại gần hơn và đủ sáng hơn</translation>
    </message>
    <message>
      <source>this QR code is not the one of a chip ID card (CCCD)</source>
      <translation>mã QR này không phải của thẻ căn cước công dân gắn chip</translation>
    </message>
    <message>
      <source>the image is too large</source>
      <translation>ảnh quá lớn</translation>
    </message>
    <message>
      <source>the file is not a readable image</source>
      <translation>tệp không phải là ảnh đọc được</translation>
    </message>
  </context>
</TS>
