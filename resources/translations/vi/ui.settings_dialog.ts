<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.settings_dialog</name>
    <message>
      <source>Settings</source>
      <translation>Cài đặt</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
      <source>&amp;Dossier folder:</source>
      <translation>&amp;Thư mục hồ sơ:</translation>
    </message>
    <message>
      <source>Default &amp;portal:</source>
      <translation>&amp;Cổng dịch vụ công mặc định:</translation>
    </message>
    <message>
      <source>e.g. UBND xã Xuân Bắc</source>
      <translation>ví dụ: UBND xã Xuân Bắc</translation>
    </message>
    <message>
      <source>Printed as the receiving agency of procedures every commune handles (cover sheet, upload guide); empty: “UBND cấp xã”</source>
      <translation>In làm cơ quan tiếp nhận của các thủ tục mọi xã, phường đều giải quyết (trang bìa, hướng dẫn nộp); để trống: “UBND cấp xã”</translation>
    </message>
    <message>
      <source>Your co&amp;mmune:</source>
      <translation>&amp;Xã, phường của bạn:</translation>
    </message>
    <message>
      <source>&amp;Clerk mode (many citizens a day)</source>
      <translation>Chế độ cán bộ &amp;một cửa (nhiều công dân mỗi ngày)</translation>
    </message>
    <message>
      <source>The start page becomes the list of dossiers with the search box ready, and separator sheets are at hand</source>
      <translation>Trang đầu là danh sách hồ sơ với ô tìm kiếm sẵn sàng, và tờ phân cách luôn trong tầm tay</translation>
    </message>
    <message>
      <source>A new language takes effect when the app restarts.</source>
      <translation>Ngôn ngữ mới có hiệu lực khi khởi động lại ứng dụng.</translation>
    </message>
    <message>
      <source>Dossier folder</source>
      <translation>Thư mục hồ sơ</translation>
    </message>
  </context>
</TS>
