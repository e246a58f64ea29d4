<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.packaging</name>
    <message>
      <source>“{name}” cannot fit within {limit} MB: the smallest size reached at {dpi} DPI is {size} MB</source>
      <translation>“{name}” không thể giảm xuống dưới {limit} MB: kích thước nhỏ nhất đạt được ở {dpi} DPI là {size} MB</translation>
    </message>
    <message>
      <source>the export target exists and is not a folder</source>
      <translation>đích xuất đã tồn tại và không phải là thư mục</translation>
    </message>
    <message>
      <source>the export folder is not empty</source>
      <translation>thư mục xuất không trống</translation>
    </message>
    <message>
      <source>Writing the manifest and the guide</source>
      <translation>Đang ghi bản kê và hướng dẫn nộp</translation>
    </message>
    <message>
      <source>Finishing</source>
      <translation>Đang hoàn tất</translation>
    </message>
    <message>
      <source>, of which {kept} MB are images that cannot be compressed further (black-and-white, masked or very small ones, kept as they are)</source>
      <translation>, trong đó {kept} MB là những ảnh không thể nén thêm (ảnh đen trắng, ảnh có mặt nạ hoặc ảnh rất nhỏ, được giữ nguyên)</translation>
    </message>
    <message>
      <source>“{name}” needs {count} files but the portal takes one file per component</source>
      <translation>“{name}” cần {count} tệp nhưng cổng chỉ nhận một tệp cho mỗi thành phần</translation>
    </message>
    <message>
      <source>the dossier is not ready for export: {reasons}</source>
      <translation>hồ sơ chưa sẵn sàng để xuất: {reasons}</translation>
    </message>
    <message>
      <source>INCOMPLETE export, not ready to submit: {reasons}</source>
      <translation>Bản xuất CHƯA ĐẦY ĐỦ, chưa thể nộp: {reasons}</translation>
    </message>
    <message>
      <source>“{name}”: signed file kept exactly as it is (not re-encoded)</source>
      <translation>“{name}”: tệp đã ký số được giữ nguyên (không nén lại)</translation>
    </message>
    <message>
      <source>“{name}”: fonts not embedded in the source ({fonts})</source>
      <translation>“{name}”: tệp gốc có phông chữ không được nhúng ({fonts})</translation>
    </message>
    <message>
      <source>Could not write the export: {reason}</source>
      <translation>Không ghi được bản xuất: {reason}</translation>
    </message>
    <message>
      <source>the signed file of “{name}” is {size} MB, over the limit of {limit} MB; a signed file cannot be compressed without breaking its signature</source>
      <translation>tệp đã ký số của “{name}” nặng {size} MB, vượt giới hạn {limit} MB; không thể nén tệp đã ký số mà không làm hỏng chữ ký</translation>
    </message>
    <message>
      <source>“{name}”: page images compressed to fit {limit} MB</source>
      <translation>“{name}”: đã nén hình ảnh các trang để vừa {limit} MB</translation>
    </message>
  </context>
</TS>
