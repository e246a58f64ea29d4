<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.pack</name>
    <message>
      <source>Not ready: fix the blocking problems first.</source>
      <translation>Chưa sẵn sàng: còn lỗi cần sửa trước khi xuất.</translation>
    </message>
    <message>
      <source>check a dossier against its procedure</source>
      <translation>kiểm tra hồ sơ theo thủ tục</translation>
    </message>
    <message>
      <source>export a dossier for upload and for printing</source>
      <translation>xuất hồ sơ để tải lên cổng và để in</translation>
    </message>
    <message>
      <source>export folder (created; replaced with --force)</source>
      <translation>thư mục xuất (được tạo mới; ghi đè khi có --force)</translation>
    </message>
    <message>
      <source>also write a ZIP of the files</source>
      <translation>ghi thêm một tệp ZIP chứa các tệp</translation>
    </message>
    <message>
      <source>also write one PDF for printing, with a cover sheet</source>
      <translation>ghi thêm một tệp PDF để in, có trang bìa</translation>
    </message>
    <message>
      <source>replace an existing export folder</source>
      <translation>thay thế thư mục xuất đã có</translation>
    </message>
    <message>
      <source>export even if the checklist has blocking problems (e.g. a required component missing); the manifest and the upload guide then say the dossier is incomplete</source>
      <translation>vẫn xuất dù danh mục kiểm tra còn lỗi cần sửa (ví dụ thiếu thành phần bắt buộc); khi đó manifest và hướng dẫn nộp ghi rõ hồ sơ chưa đầy đủ</translation>
    </message>
    <message>
      <source>record how the result is received and the fee paid</source>
      <translation>ghi lại cách nhận kết quả và cách nộp phí</translation>
    </message>
    <message>
      <source>receive the result at the office or by post</source>
      <translation>nhận kết quả tại cơ quan hoặc qua bưu điện</translation>
    </message>
    <message>
      <source>postal address for the result</source>
      <translation>địa chỉ nhận kết quả qua bưu điện</translation>
    </message>
    <message>
      <source>how the fee is paid</source>
      <translation>cách nộp phí, lệ phí</translation>
    </message>
    <message>
      <source>portal profile id (national, dongnai, opencps) or JSON file (default: the portal chosen for the dossier, else national)</source>
      <translation>mã hồ sơ cổng (national, dongnai, opencps) hoặc tệp JSON (mặc định: cổng đã chọn cho hồ sơ, nếu chưa chọn thì cổng quốc gia national)</translation>
    </message>
    <message>
      <source>procedure catalog JSON (default: the built-in catalog)</source>
      <translation>tệp JSON danh mục thủ tục (mặc định: danh mục có sẵn)</translation>
    </message>
    <message>
      <source>not given</source>
      <translation>chưa có</translation>
    </message>
    <message>
      <source>BLOCKING</source>
      <translation>CẦN SỬA</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>cảnh báo</translation>
    </message>
    <message>
      <source>Warning: this export is INCOMPLETE and not ready to submit.</source>
      <translation>Cảnh báo: bản xuất này CHƯA ĐẦY ĐỦ, chưa thể nộp.</translation>
    </message>
    <message>
      <source>{files} file(s), {size} in all (before compression: {inputs}), in {folder}</source>
      <translation>{files} tệp, tổng {size} (trước khi nén: {inputs}), trong {folder}</translation>
    </message>
    <message>
      <source>procedure {code} is not in the catalog</source>
      <translation>thủ tục {code} không có trong danh mục</translation>
    </message>
    <message>
      <source>Print PDF: {path} ({pages} pages, {size})</source>
      <translation>PDF để in: {path} ({pages} trang, {size})</translation>
    </message>
    <message>
      <source>signed</source>
      <translation>đã ký số</translation>
    </message>
  </context>
</TS>
