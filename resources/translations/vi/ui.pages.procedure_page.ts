<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.procedure_page</name>
    <message>
      <source>Choose the procedure</source>
      <translation>Chọn thủ tục</translation>
    </message>
    <message>
      <source>Search as on the public-service portal: type the name, code or a keyword of the procedure, with or without diacritics. Press Enter or double-click to choose it.</source>
      <translation>Tìm như trên Cổng dịch vụ công: gõ tên, mã hoặc từ khóa của thủ tục, có dấu hay không dấu đều được. Nhấn Enter hoặc nhấp đúp để chọn.</translation>
    </message>
    <message>
      <source>Procedures found</source>
      <translation>Các thủ tục tìm thấy</translation>
    </message>
    <message>
      <source>Implementing agency</source>
      <translation>Cơ quan thực hiện</translation>
    </message>
    <message>
      <source>All agencies</source>
      <translation>Tất cả cơ quan</translation>
    </message>
    <message>
      <source>&amp;Agency:</source>
      <translation>Cơ &amp;quan:</translation>
    </message>
    <message>
      <source>&amp;Level:</source>
      <translation>Cấ&amp;p thực hiện:</translation>
    </message>
    <message>
      <source>Fiel&amp;d:</source>
      <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
      <source>Name, code or keyword, e.g. dang ky khai sinh</source>
      <translation>Tên, mã hoặc từ khóa, ví dụ: dang ky khai sinh</translation>
    </message>
    <message>
      <source>Search procedures</source>
      <translation>Tìm thủ tục</translation>
    </message>
    <message>
      <source>&amp;Search:</source>
      <translation>Tìm &amp;kiếm:</translation>
    </message>
    <message>
      <source>Number of procedures found</source>
      <translation>Số thủ tục tìm thấy</translation>
    </message>
    <message>
      <source>Summary of the selected procedure</source>
      <translation>Tóm tắt thủ tục đang chọn</translation>
    </message>
    <message>
      <source>Import updated catalog…</source>
      <translation>Nhập danh mục cập nhật…</translation>
    </message>
    <message>
      <source>Import an updated catalog file</source>
      <translation>Nhập tệp danh mục thủ tục cập nhật</translation>
    </message>
    <message>
      <source>&amp;Choose this procedure</source>
      <translation>C&amp;họn thủ tục này</translation>
    </message>
    <message>
      <source>Choose the selected procedure</source>
      <translation>Chọn thủ tục đang được chọn trong danh sách</translation>
    </message>
    <message>
      <source>All levels</source>
      <translation>Tất cả các cấp</translation>
    </message>
    <message>
      <source>All fields</source>
      <translation>Tất cả lĩnh vực</translation>
    </message>
    <message>
      <source>Import updated catalog</source>
      <translation>Nhập danh mục cập nhật</translation>
    </message>
    <message>
      <source>Catalog files (*.json)</source>
      <translation>Tệp danh mục (*.json)</translation>
    </message>
    <message>
      <source>No procedure found. Try fewer words or clear the filters.</source>
      <translation>Không tìm thấy thủ tục nào. Hãy bớt từ khóa hoặc bỏ bộ lọc.</translation>
    </message>
    <message>
      <source>{count} procedure(s) found</source>
      <translation>Tìm thấy {count} thủ tục</translation>
    </message>
    <message>
      <source>Choose another procedure</source>
      <translation>Chọn thủ tục khác</translation>
    </message>
    <message>
      <source>A dossier for another procedure is open. Create a new dossier for this procedure? The open dossier is saved and stays in its folder.</source>
      <translation>Đang mở hồ sơ của một thủ tục khác. Tạo hồ sơ mới cho thủ tục này? Hồ sơ đang mở được lưu lại và vẫn nằm trong thư mục của nó.</translation>
    </message>
  </context>
</TS>
