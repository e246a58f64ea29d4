<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>scanning.pipeline</name>
    <message>
      <source>Scanning pages...</source>
      <translation>Đang quét các trang...</translation>
    </message>
    <message>
      <source>No page edge was found: the whole image is used.</source>
      <translation>Không tìm thấy mép giấy: dùng toàn bộ ảnh.</translation>
    </message>
    <message>
      <source>The resolution must be between 50 and 1200 DPI.</source>
      <translation>Độ phân giải phải từ 50 đến 1200 DPI.</translation>
    </message>
    <message>
      <source>The rotation must be 0, 90, 180, 270 or auto.</source>
      <translation>Góc xoay phải là 0, 90, 180, 270 hoặc auto (tự động).</translation>
    </message>
    <message>
      <source>The corners must be four points.</source>
      <translation>Các góc phải gồm đúng bốn điểm.</translation>
    </message>
    <message>
      <source>The page is still larger than the size limit at the lowest allowed quality.</source>
      <translation>Trang vẫn vượt giới hạn dung lượng dù đã ở chất lượng thấp nhất cho phép.</translation>
    </message>
    <message>
      <source>Unknown paper size: {value}</source>
      <translation>Khổ giấy không hợp lệ: {value}</translation>
    </message>
    <message>
      <source>Unknown mode: {value}</source>
      <translation>Chế độ không hợp lệ: {value}</translation>
    </message>
  </context>
</TS>
