<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.workspace</name>
    <message>
      <source>a whole number is expected</source>
      <translation>cần một số nguyên</translation>
    </message>
    <message>
      <source>(top level)</source>
      <translation>(cấp ngoài cùng)</translation>
    </message>
    <message>
      <source>an object is expected</source>
      <translation>cần một đối tượng (object)</translation>
    </message>
    <message>
      <source>invalid data in field {field}: {problem}</source>
      <translation>dữ liệu không hợp lệ ở trường {field}: {problem}</translation>
    </message>
    <message>
      <source>text is expected</source>
      <translation>cần một chuỗi văn bản</translation>
    </message>
    <message>
      <source>duplicate id</source>
      <translation>mã bị trùng</translation>
    </message>
    <message>
      <source>file not found</source>
      <translation>không tìm thấy tệp</translation>
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
      <source>not a regular file</source>
      <translation>không phải là tệp thông thường</translation>
    </message>
    <message>
      <source>the component id is empty</source>
      <translation>mã thành phần đang để trống</translation>
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
      <source>cannot read the file: {reason}</source>
      <translation>không đọc được tệp: {reason}</translation>
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
      <source>the file is empty</source>
      <translation>tệp trống</translation>
    </message>
    <message>
      <source>cannot create the folder: {reason}</source>
      <translation>không tạo được thư mục: {reason}</translation>
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
