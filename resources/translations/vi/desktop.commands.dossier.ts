<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.dossier</name>
    <message>
      <source>create and inspect dossier folders</source>
      <translation>tạo và xem thư mục hồ sơ</translation>
    </message>
    <message>
      <source>ACTION</source>
      <translation>THAO_TÁC</translation>
    </message>
    <message>
      <source>create a new dossier folder</source>
      <translation>tạo thư mục hồ sơ mới</translation>
    </message>
    <message>
      <source>procedure code, e.g. 1.001193</source>
      <translation>mã thủ tục, ví dụ 1.001193</translation>
    </message>
    <message>
      <source>applicant profile (JSON)</source>
      <translation>hồ sơ cá nhân người nộp (JSON)</translation>
    </message>
    <message>
      <source>add files to a component of a dossier</source>
      <translation>thêm tệp vào một thành phần hồ sơ</translation>
    </message>
    <message>
      <source>component number in the procedure, or its id</source>
      <translation>số thứ tự thành phần trong thủ tục, hoặc mã của nó</translation>
    </message>
    <message>
      <source>show a dossier</source>
      <translation>xem một hồ sơ</translation>
    </message>
    <message>
      <source>print JSON</source>
      <translation>in ra JSON</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Thủ tục</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>file(s)</source>
      <translation>tệp</translation>
    </message>
  </context>
</TS>
