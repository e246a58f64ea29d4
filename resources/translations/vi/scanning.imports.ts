<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>scanning.imports</name>
    <message>
      <source>The file is empty.</source>
      <translation>Tệp trống.</translation>
    </message>
    <message>
      <source>The image is empty.</source>
      <translation>Ảnh trống.</translation>
    </message>
    <message>
      <source>The PDF is damaged and cannot be read.</source>
      <translation>Tệp PDF bị hỏng, không đọc được.</translation>
    </message>
    <message>
      <source>The file is too large to be a scan or a photo.</source>
      <translation>Tệp quá lớn, không thể là ảnh chụp hay bản quét.</translation>
    </message>
    <message>
      <source>The file does not exist.</source>
      <translation>Tệp không tồn tại.</translation>
    </message>
    <message>
      <source>This is a folder, not a file.</source>
      <translation>Đây là thư mục, không phải tệp.</translation>
    </message>
    <message>
      <source>No permission to read the file.</source>
      <translation>Không có quyền đọc tệp.</translation>
    </message>
    <message>
      <source>The file cannot be read.</source>
      <translation>Không đọc được tệp.</translation>
    </message>
    <message>
      <source>The image is too large ({megapixels} megapixels; the limit is {limit}): it may be damaged or made to exhaust memory.</source>
      <translation>Ảnh quá lớn ({megapixels} megapixel; giới hạn là {limit}): ảnh có thể bị hỏng hoặc được tạo ra để làm cạn bộ nhớ.</translation>
    </message>
    <message>
      <source>The image declares an enormous size: it may be made to exhaust memory.</source>
      <translation>Ảnh khai báo kích thước khổng lồ: có thể được tạo ra để làm cạn bộ nhớ.</translation>
    </message>
    <message>
      <source>This is not an image or PDF that can be read (unknown or damaged format).</source>
      <translation>Đây không phải ảnh hay PDF đọc được (định dạng lạ hoặc bị hỏng).</translation>
    </message>
    <message>
      <source>The image is damaged and cannot be read.</source>
      <translation>Ảnh bị hỏng, không đọc được.</translation>
    </message>
    <message>
      <source>The image is truncated: only the part that could be decoded is shown.</source>
      <translation>Ảnh bị cắt cụt: chỉ hiển thị phần giải mã được.</translation>
    </message>
    <message>
      <source>Not enough memory to open the image.</source>
      <translation>Không đủ bộ nhớ để mở ảnh.</translation>
    </message>
    <message>
      <source>The PDF is protected by a password.</source>
      <translation>Tệp PDF được bảo vệ bằng mật khẩu.</translation>
    </message>
    <message>
      <source>The PDF has no pages.</source>
      <translation>Tệp PDF không có trang nào.</translation>
    </message>
    <message>
      <source>The PDF has too many pages to scan.</source>
      <translation>Tệp PDF có quá nhiều trang để quét.</translation>
    </message>
    <message>
      <source>The file has no page {number}.</source>
      <translation>Tệp không có trang {number}.</translation>
    </message>
    <message>
      <source>Page {number} of the PDF cannot be rendered.</source>
      <translation>Không hiển thị được trang {number} của tệp PDF.</translation>
    </message>
  </context>
</TS>
