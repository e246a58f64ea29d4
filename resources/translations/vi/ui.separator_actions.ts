<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.separator_actions</name>
    <message>
      <source>Scans (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.heic *.heif *.webp *.bmp)</source>
      <translation>Bản quét (*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.heic *.heif *.webp *.bmp)</translation>
    </message>
    <message>
      <source>Save the separator sheets</source>
      <translation>Lưu tờ phân cách</translation>
    </message>
    <message>
      <source>by blank pages</source>
      <translation>theo trang trắng</translation>
    </message>
    <message>
      <source>by separator sheets</source>
      <translation>theo tờ phân cách</translation>
    </message>
    <message>
      <source>Making the separator sheets</source>
      <translation>Đang tạo tờ phân cách</translation>
    </message>
    <message>
      <source>Splitting the scanned stack</source>
      <translation>Đang tách chồng trang đã quét</translation>
    </message>
    <message>
      <source>Stack split {how}: {parts}.</source>
      <translation>Đã tách chồng trang {how}: {parts}.</translation>
    </message>
    <message>
      <source>separator sheets {code}.pdf</source>
      <translation>tờ phân cách {code}.pdf</translation>
    </message>
    <message>
      <source>{name}: {count} page(s)</source>
      <translation>{name}: {count} trang</translation>
    </message>
    <message>
      <source>Separator sheets saved: {file}. Print them and put each before its documents.</source>
      <translation>Đã lưu tờ phân cách: {file}. Hãy in ra và đặt mỗi tờ trước giấy tờ của nó.</translation>
    </message>
    <message>
      <source>{count} page(s) before the first separator sheet were left out.</source>
      <translation>Đã bỏ qua {count} trang đứng trước tờ phân cách đầu tiên.</translation>
    </message>
  </context>
</TS>
