<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.profile_dialog</name>
    <message>
      <source>Full name</source>
      <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
      <source>Date of birth (dd/mm/yyyy)</source>
      <translation>Ngày sinh (dd/mm/yyyy)</translation>
    </message>
    <message>
      <source>Sex</source>
      <translation>Giới tính</translation>
    </message>
    <message>
      <source>Ethnicity</source>
      <translation>Dân tộc</translation>
    </message>
    <message>
      <source>Nationality</source>
      <translation>Quốc tịch</translation>
    </message>
    <message>
      <source>Personal ID number (12 digits)</source>
      <translation>Số định danh cá nhân (12 chữ số)</translation>
    </message>
    <message>
      <source>ID issued on</source>
      <translation>Ngày cấp giấy tờ</translation>
    </message>
    <message>
      <source>ID issued by</source>
      <translation>Nơi cấp giấy tờ</translation>
    </message>
    <message>
      <source>Permanent residence</source>
      <translation>Nơi thường trú</translation>
    </message>
    <message>
      <source>Current residence</source>
      <translation>Nơi ở hiện tại</translation>
    </message>
    <message>
      <source>Hometown</source>
      <translation>Quê quán</translation>
    </message>
    <message>
      <source>Place of birth</source>
      <translation>Nơi sinh</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Số điện thoại</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>Occupation</source>
      <translation>Nghề nghiệp</translation>
    </message>
    <message>
      <source>Relationship (to the person the form is about)</source>
      <translation>Quan hệ (với người được nêu trong tờ khai)</translation>
    </message>
    <message>
      <source>Citizen profile</source>
      <translation>Hồ sơ công dân</translation>
    </message>
  </context>
</TS>
