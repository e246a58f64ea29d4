<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.archive</name>
    <message>
      <source>the target folder exists and is not empty</source>
      <translation>thư mục đích đã tồn tại và không trống</translation>
    </message>
    <message>
      <source>the archive holds no dossier.json</source>
      <translation>tệp nén không chứa dossier.json</translation>
    </message>
    <message>
      <source>not a .hoso file (not a valid zip archive)</source>
      <translation>không phải tệp .hoso (không phải tệp zip hợp lệ)</translation>
    </message>
    <message>
      <source>absolute path in the archive: {name}</source>
      <translation>đường dẫn tuyệt đối trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>drive letter in the archive: {name}</source>
      <translation>tên ổ đĩa trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>backslash in a name in the archive: {name}</source>
      <translation>dấu gạch chéo ngược trong tên trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>path escaping the folder in the archive: {name}</source>
      <translation>đường dẫn trỏ ra ngoài thư mục trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>invalid name in the archive: {name}</source>
      <translation>tên không hợp lệ trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>unexpected entry in the archive: {name}</source>
      <translation>mục không mong đợi trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>the archive expands past the size limit ({limit} MB)</source>
      <translation>tệp nén khi giải nén vượt quá giới hạn dung lượng ({limit} MB)</translation>
    </message>
    <message>
      <source>too many entries in the archive ({count}, at most {limit})</source>
      <translation>tệp nén có quá nhiều mục ({count}, tối đa {limit})</translation>
    </message>
    <message>
      <source>file {name} of component {component} is missing or altered</source>
      <translation>tệp {name} của thành phần {component} bị thiếu hoặc đã bị thay đổi</translation>
    </message>
    <message>
      <source>link or special file in the archive: {name}</source>
      <translation>liên kết hoặc tệp đặc biệt trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>encrypted entry in the archive: {name}</source>
      <translation>mục được mã hóa trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>duplicate name in the archive: {name}</source>
      <translation>tên bị trùng trong tệp nén: {name}</translation>
    </message>
    <message>
      <source>the archive is damaged ({name}): {reason}</source>
      <translation>tệp nén bị hỏng ({name}): {reason}</translation>
    </message>
    <message>
      <source>the dossier in the archive is invalid: {reason}</source>
      <translation>hồ sơ trong tệp nén không hợp lệ: {reason}</translation>
    </message>
  </context>
</TS>
