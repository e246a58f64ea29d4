<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.details_page</name>
    <message>
      <source>Choose a procedure</source>
      <translation>Chọn thủ tục</translation>
    </message>
    <message>
      <source>Go to the step Choose procedure</source>
      <translation>Đến bước Chọn thủ tục</translation>
    </message>
    <message>
      <source>Procedure details</source>
      <translation>Thông tin thủ tục</translation>
    </message>
    <message>
      <source>Checklist of documents</source>
      <translation>Danh mục giấy tờ cần chuẩn bị</translation>
    </message>
    <message>
      <source>Notes on the selected document</source>
      <translation>Ghi chú về giấy tờ đang chọn</translation>
    </message>
    <message>
      <source>How you want to receive the result</source>
      <translation>Cách bạn muốn nhận kết quả</translation>
    </message>
    <message>
      <source>Address for the result by post</source>
      <translation>Địa chỉ nhận kết quả qua bưu chính</translation>
    </message>
    <message>
      <source>House number, street, commune, province</source>
      <translation>Số nhà, đường, xã/phường, tỉnh/thành phố</translation>
    </message>
    <message>
      <source>&amp;Receive the result:</source>
      <translation>&amp;Nhận kết quả:</translation>
    </message>
    <message>
      <source>Postal &amp;address:</source>
      <translation>Đị&amp;a chỉ nhận:</translation>
    </message>
    <message>
      <source>No procedure chosen yet. Choose one in the step “Choose procedure”.</source>
      <translation>Chưa chọn thủ tục. Hãy chọn ở bước “Chọn thủ tục”.</translation>
    </message>
    <message>
      <source>Document to prepare</source>
      <translation>Giấy tờ cần chuẩn bị</translation>
    </message>
    <message>
      <source>Required?</source>
      <translation>Bắt buộc</translation>
    </message>
    <message>
      <source>Original / copy</source>
      <translation>Bản chính / bản sao</translation>
    </message>
    <message>
      <source>Accepted formats</source>
      <translation>Định dạng</translation>
    </message>
    <message>
      <source>Must be signed?</source>
      <translation>Phải ký</translation>
    </message>
    <message>
      <source>Files in dossier</source>
      <translation>Tệp đã có</translation>
    </message>
    <message>
      <source>This form can be filled in the step “Fill forms”.</source>
      <translation>Tờ khai này điền được ở bước “Điền tờ khai”.</translation>
    </message>
    <message>
      <source>Procedure {code} is not in the catalog. Import an updated catalog.</source>
      <translation>Thủ tục {code} không có trong danh mục. Hãy nhập danh mục cập nhật.</translation>
    </message>
  </context>
</TS>
