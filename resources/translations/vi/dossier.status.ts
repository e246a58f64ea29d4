<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.status</name>
    <message>
      <source>No document of this procedure must be signed.</source>
      <translation>Thủ tục này không có giấy tờ bắt buộc ký số.</translation>
    </message>
    <message>
      <source>Not exported yet.</source>
      <translation>Chưa xuất hồ sơ.</translation>
    </message>
    <message>
      <source>This procedure has no form to fill.</source>
      <translation>Thủ tục này không có tờ khai cần điền.</translation>
    </message>
    <message>
      <source>Every form is saved.</source>
      <translation>Đã lưu mọi tờ khai.</translation>
    </message>
    <message>
      <source>No scanned pages yet.</source>
      <translation>Chưa có trang quét nào.</translation>
    </message>
    <message>
      <source>Every document that must be signed is signed.</source>
      <translation>Mọi giấy tờ bắt buộc ký số đều đã được ký.</translation>
    </message>
    <message>
      <source>Only an incomplete draft was exported.</source>
      <translation>Mới xuất bản nháp chưa đầy đủ.</translation>
    </message>
    <message>
      <source>Changed since the last export: export again.</source>
      <translation>Hồ sơ đã thay đổi sau lần xuất trước: hãy xuất lại.</translation>
    </message>
    <message>
      <source>Forms to fill: {names}</source>
      <translation>Tờ khai cần điền: {names}</translation>
    </message>
    <message>
      <source>{count} file(s) added.</source>
      <translation>Đã thêm {count} tệp.</translation>
    </message>
    <message>
      <source>{count} blocking problem(s): {first}</source>
      <translation>{count} lỗi cần sửa: {first}</translation>
    </message>
    <message>
      <source>Form(s) not saved yet: {names}</source>
      <translation>Tờ khai chưa lưu: {names}</translation>
    </message>
    <message>
      <source>Required document(s) without a file: {names}</source>
      <translation>Giấy tờ bắt buộc chưa có tệp: {names}</translation>
    </message>
    <message>
      <source>Larger than the portal allows ({limit} MB): {names}</source>
      <translation>Lớn hơn mức cổng dịch vụ công cho phép ({limit} MB): {names}</translation>
    </message>
    <message>
      <source>Must be signed, not signed yet: {names}</source>
      <translation>Bắt buộc ký số nhưng chưa ký: {names}</translation>
    </message>
    <message>
      <source>{count} file(s) signed.</source>
      <translation>Đã ký {count} tệp.</translation>
    </message>
    <message>
      <source>Exported for upload on {date}.</source>
      <translation>Đã xuất để tải lên ngày {date}.</translation>
    </message>
  </context>
</TS>
