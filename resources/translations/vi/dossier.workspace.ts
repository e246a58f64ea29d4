<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.workspace</name>
    <message>
      <source>duplicate id</source>
      <translation>mã bị trùng</translation>
    </message>
    <message>
      <source>a page (from 1) and four numbers are expected</source>
      <translation>cần một số trang (từ 1) và bốn số</translation>
    </message>
    <message>
      <source>a file with this name already exists</source>
      <translation>đã có một tệp trùng tên này</translation>
    </message>
    <message>
      <source>a dossier already exists in this folder</source>
      <translation>thư mục này đã có một hồ sơ</translation>
    </message>
    <message>
      <source>the folder is not empty</source>
      <translation>thư mục không trống</translation>
    </message>
    <message>
      <source>this folder does not contain a dossier (dossier.json)</source>
      <translation>thư mục này không chứa hồ sơ (dossier.json)</translation>
    </message>
    <message>
      <source>this dossier was made by a newer version of the app (format {version})</source>
      <translation>hồ sơ này được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {version})</translation>
    </message>
    <message>
      <source>path outside originals/</source>
      <translation>đường dẫn nằm ngoài thư mục originals/</translation>
    </message>
    <message>
      <source>path outside work/</source>
      <translation>đường dẫn nằm ngoài thư mục work/</translation>
    </message>
    <message>
      <source>no conversion from dossier format {version} is known</source>
      <translation>chưa có cách chuyển đổi hồ sơ từ định dạng {version}</translation>
    </message>
    <message>
      <source>the dossier file is damaged: {reason}</source>
      <translation>tệp hồ sơ bị hỏng: {reason}</translation>
    </message>
    <message>
      <source>path outside the dossier: {path}</source>
      <translation>đường dẫn nằm ngoài hồ sơ: {path}</translation>
    </message>
    <message>
      <source>cannot copy the file: {reason}</source>
      <translation>không sao chép được tệp: {reason}</translation>
    </message>
    <message>
      <source>no such file in the dossier: {id}</source>
      <translation>hồ sơ không có tệp này: {id}</translation>
    </message>
  </context>
</TS>
