<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.profile_roles</name>
    <message>
      <source>Requester</source>
      <translation>Người yêu cầu</translation>
    </message>
    <message>
      <source>Father</source>
      <translation>Cha</translation>
    </message>
    <message>
      <source>Mother</source>
      <translation>Mẹ</translation>
    </message>
    <message>
      <source>Child</source>
      <translation>Con</translation>
    </message>
    <message>
      <source>Spouse</source>
      <translation>Vợ/chồng</translation>
    </message>
    <message>
      <source>The deceased</source>
      <translation>Người đã chết</translation>
    </message>
    <message>
      <source>Witness</source>
      <translation>Người làm chứng</translation>
    </message>
    <message>
      <source>Grantor (bên ủy quyền)</source>
      <translation>Bên ủy quyền</translation>
    </message>
    <message>
      <source>Grantee (người được ủy quyền)</source>
      <translation>Người được ủy quyền</translation>
    </message>
    <message>
      <source>The insured</source>
      <translation>Người tham gia bảo hiểm</translation>
    </message>
    <message>
      <source>Employer</source>
      <translation>Người sử dụng lao động</translation>
    </message>
    <message>
      <source>Guardian</source>
      <translation>Người giám hộ</translation>
    </message>
    <message>
      <source>Ward (người được giám hộ)</source>
      <translation>Người được giám hộ</translation>
    </message>
    <message>
      <source>The form itself</source>
      <translation>Thông tin chung của tờ khai</translation>
    </message>
    <message>
      <source>Delete profile</source>
      <translation>Xóa hồ sơ</translation>
    </message>
    <message>
      <source>Photo of the chip ID card</source>
      <translation>Ảnh chụp thẻ căn cước gắn chip</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.heic *.tif *.bmp)</source>
      <translation>Ảnh (*.jpg *.jpeg *.png *.heic *.tif *.bmp)</translation>
    </message>
    <message>
      <source>Other person {number}</source>
      <translation>Người khác {number}</translation>
    </message>
    <message>
      <source>Household member {number}</source>
      <translation>Thành viên hộ {number}</translation>
    </message>
    <message>
      <source>(nobody)</source>
      <translation>(không chọn)</translation>
    </message>
    <message>
      <source>Delete the profile of {name}? This cannot be undone.</source>
      <translation>Xóa hồ sơ của {name}? Không thể hoàn tác.</translation>
    </message>
    <message>
      <source>Reading the QR code</source>
      <translation>Đang đọc mã QR</translation>
    </message>
    <message>
      <source>{name} is the {role} of this form (change it above).</source>
      <translation>{name} là {role} của tờ khai này (đổi ở mục bên trên).</translation>
    </message>
    <message>
      <source>{name} saved: choose the role above.</source>
      <translation>Đã lưu {name}: hãy chọn vai trò ở mục bên trên.</translation>
    </message>
    <message>
      <source>Profile of {name} created from the QR code.</source>
      <translation>Đã tạo hồ sơ của {name} từ mã QR.</translation>
    </message>
  </context>
</TS>
