<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.main_window</name>
    <message>
      <source>Scroll left</source>
      <translation>Cuộn sang trái</translation>
    </message>
    <message>
      <source>Scroll right</source>
      <translation>Cuộn sang phải</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Tiến độ</translation>
    </message>
    <message>
      <source>Workflow steps</source>
      <translation>Các bước thực hiện</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Trang đầu</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Quay lại</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Tiếp theo</translation>
    </message>
    <message>
      <source>No dossier open</source>
      <translation>Chưa mở hồ sơ nào</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Tệp</translation>
    </message>
    <message>
      <source>&amp;New dossier</source>
      <translation>Hồ sơ &amp;mới</translation>
    </message>
    <message>
      <source>&amp;Open dossier…</source>
      <translation>&amp;Mở hồ sơ…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lưu</translation>
    </message>
    <message>
      <source>&amp;Export as .hoso file…</source>
      <translation>&amp;Xuất ra tệp .hoso…</translation>
    </message>
    <message>
      <source>&amp;Import .hoso file…</source>
      <translation>&amp;Nhập tệp .hoso…</translation>
    </message>
    <message>
      <source>&amp;Close dossier</source>
      <translation>Đóng &amp;hồ sơ</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>T&amp;hoát</translation>
    </message>
    <message>
      <source>&amp;Go</source>
      <translation>Đ&amp;i đến</translation>
    </message>
    <message>
      <source>Start page</source>
      <translation>Trang đầu</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Công cụ</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Phím tắt</translation>
    </message>
    <message>
      <source>&amp;About Hồ sơ số</source>
      <translation>&amp;Giới thiệu Hồ sơ số</translation>
    </message>
    <message>
      <source>Needs attention</source>
      <translation>Cần xem lại</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>Chưa bắt đầu</translation>
    </message>
    <message>
      <source>Export dossier</source>
      <translation>Xuất hồ sơ</translation>
    </message>
    <message>
      <source>Dossier files (*.hoso)</source>
      <translation>Tệp hồ sơ (*.hoso)</translation>
    </message>
    <message>
      <source>Import dossier</source>
      <translation>Nhập hồ sơ</translation>
    </message>
    <message>
      <source>About Hồ sơ số</source>
      <translation>Giới thiệu Hồ sơ số</translation>
    </message>
    <message>
      <source>Working…</source>
      <translation>Đang xử lý…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Đang hủy…</translation>
    </message>
    <message>
      <source>Open a dossier first.</source>
      <translation>Hãy mở một hồ sơ trước.</translation>
    </message>
    <message>
      <source>Exporting the dossier…</source>
      <translation>Đang xuất hồ sơ…</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Đang nhập…</translation>
    </message>
    <message>
      <source>Everywhere</source>
      <translation>Mọi nơi</translation>
    </message>
    <message>
      <source>New dossier for {name}: choose the procedure.</source>
      <translation>Hồ sơ mới cho {name}: hãy chọn thủ tục.</translation>
    </message>
    <message>
      <source>Exported to {path}</source>
      <translation>Đã xuất ra {path}</translation>
    </message>
  </context>
</TS>
