<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.checklist</name>
    <message>
      <source>make the component's PDF again in the scan step (Make PDF), then sign it in the Sign step: its pages are signed together as one PDF</source>
      <translation>tạo lại PDF của thành phần ở bước Quét giấy tờ (Tạo PDF), rồi ký ở bước Ký số: các trang được ký chung thành một PDF</translation>
    </message>
    <message>
      <source>remove the other files of this component, or remove the signed file and sign the component's file once it is complete</source>
      <translation>xóa các tệp khác của thành phần này, hoặc xóa tệp đã ký rồi ký tệp của thành phần khi đã đủ</translation>
    </message>
    <message>
      <source>this component must be digitally signed: {name}</source>
      <translation>thành phần này phải được ký số: {name}</translation>
    </message>
    <message>
      <source>{name} mixes a signed file with other files, and the portal takes one file per component (merging would break the signature). To fix it: {how}</source>
      <translation>{name} có cả tệp đã ký số lẫn tệp khác, mà cổng chỉ nhận một tệp cho mỗi thành phần (gộp lại sẽ làm hỏng chữ ký số). Cách sửa: {how}</translation>
    </message>
    <message>
      <source>“{name}” is uploaded as a Word file: {why}</source>
      <translation>“{name}” được tải lên dưới dạng tệp Word: {why}</translation>
    </message>
    <message>
      <source>the result is to be sent by post but no address is given</source>
      <translation>chọn nhận kết quả qua bưu điện nhưng chưa có địa chỉ</translation>
    </message>
    <message>
      <source>this procedure may not offer the chosen way of receiving the result</source>
      <translation>thủ tục này có thể không hỗ trợ cách nhận kết quả đã chọn</translation>
    </message>
    <message>
      <source>the applicant's name is empty</source>
      <translation>chưa có tên người nộp hồ sơ</translation>
    </message>
    <message>
      <source>“{name}” is a Word file, and the portal or this component takes only PDF or images here (or several files cannot be merged with it): {how}</source>
      <translation>“{name}” là tệp Word, nhưng cổng hoặc thành phần này chỉ nhận PDF hoặc ảnh (hoặc không thể ghép nhiều tệp với tệp Word): {how}</translation>
    </message>
    <message>
      <source>the file of this component is missing: {name}</source>
      <translation>không tìm thấy tệp của thành phần này: {name}</translation>
    </message>
    <message>
      <source>this file type cannot be exported; convert it to PDF first: {name}</source>
      <translation>không xuất được loại tệp này; hãy chuyển sang PDF trước: {name}</translation>
    </message>
    <message>
      <source>the signed file {file} is {size} MB, over the portal limit of {limit} MB; a signed file cannot be compressed</source>
      <translation>tệp đã ký số {file} nặng {size} MB, vượt giới hạn {limit} MB của cổng; không thể nén tệp đã ký số</translation>
    </message>
    <message>
      <source>{name} is {size} MB, over the limit of {limit} MB: images will be compressed</source>
      <translation>{name} nặng {size} MB, vượt giới hạn {limit} MB: hình ảnh sẽ được nén</translation>
    </message>
    <message>
      <source>the dossier is for procedure {dossier}, not {procedure}</source>
      <translation>hồ sơ này thuộc thủ tục {dossier}, không phải {procedure}</translation>
    </message>
    <message>
      <source>required component missing: {name}</source>
      <translation>thiếu thành phần bắt buộc: {name}</translation>
    </message>
    <message>
      <source>no format accepted by both the portal and the component for: {name}</source>
      <translation>không có định dạng nào được cả cổng và thành phần hồ sơ chấp nhận: {name}</translation>
    </message>
    <message>
      <source>files given for a component the procedure does not list: {id}</source>
      <translation>có tệp cho một thành phần không thuộc thủ tục: {id}</translation>
    </message>
  </context>
</TS>
