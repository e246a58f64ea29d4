<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>forms.profiles</name>
    <message>
      <source>invalid profile id {id!r}</source>
      <translation>mã hồ sơ không hợp lệ {id!r}</translation>
    </message>
    <message>
      <source>no profile with id {id!r}</source>
      <translation>không có hồ sơ nào mang mã {id!r}</translation>
    </message>
  </context>
</TS>
