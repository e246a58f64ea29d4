<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.step_status</name>
    <message>
      <source>No document of this procedure must be signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not exported yet.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This procedure has no form to fill.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Every form is saved.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No scanned pages yet.</source>
      <translation>Chưa có trang quét nào.</translation>
    </message>
    <message>
      <source>Every document that must be signed is signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Changed since the last export: export again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ready to export.</source>
      <translation>Sẵn sàng để xuất.</translation>
    </message>
    <message>
      <source>Forms to fill: {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} file(s) added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} blocking problem(s): {first}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The procedure is not in the catalog.</source>
      <translation>Thủ tục không có trong danh mục.</translation>
    </message>
    <message>
      <source>Enter the postal address for the result.</source>
      <translation>Hãy nhập địa chỉ nhận kết quả qua bưu chính.</translation>
    </message>
    <message>
      <source>{count} value(s) need checking.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Form(s) not saved yet: {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Required document(s) without a file: {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Larger than the portal allows ({limit} MB): {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Must be signed, not signed yet: {names}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{count} file(s) signed.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Exported for upload on {date}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Procedure {code} is not in the catalog.</source>
      <translation>Thủ tục {code} không có trong danh mục.</translation>
    </message>
  </context>
</TS>
