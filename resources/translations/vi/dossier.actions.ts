<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.actions</name>
    <message>
      <source>an address is needed to receive the result by post</source>
      <translation>cần có địa chỉ để nhận kết quả qua bưu điện</translation>
    </message>
    <message>
      <source>“{name}”: its pages have no PDF yet (new or edited pages): make the component's PDF in the scan step first (Make PDF), then sign it here</source>
      <translation>“{name}”: các trang chưa có PDF (trang mới thêm hoặc vừa sửa): hãy tạo PDF của thành phần ở bước Quét giấy tờ trước (Tạo PDF), rồi ký ở đây</translation>
    </message>
    <message>
      <source>“{name}” would be merged with the other files of its component on export (the portal takes one file per component), which breaks a signature: put the component's files in one PDF first, or remove the extra files</source>
      <translation>khi xuất, “{name}” sẽ được gộp với các tệp khác của thành phần (cổng chỉ nhận một tệp cho mỗi thành phần), việc gộp làm hỏng chữ ký số: hãy đưa các tệp của thành phần vào một PDF trước, hoặc xóa các tệp thừa</translation>
    </message>
    <message>
      <source>“{name}”: the portal takes this component as images (JPG), so a signed PDF would be converted and its signature lost</source>
      <translation>“{name}”: cổng nhận thành phần này dưới dạng ảnh (JPG), nên bản PDF đã ký sẽ bị chuyển đổi và mất chữ ký số</translation>
    </message>
    <message>
      <source>“{name}” is over the portal's limit of {limit} MB: export would compress it, which breaks a signature; make it smaller first (scan step)</source>
      <translation>“{name}” vượt giới hạn {limit} MB của cổng: khi xuất tệp sẽ bị nén lại, làm hỏng chữ ký số; hãy làm tệp nhỏ hơn trước (bước Quét giấy tờ)</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Đang nhập {name}</translation>
    </message>
    <message>
      <source>the component {id} has no page</source>
      <translation>thành phần {id} chưa có trang nào</translation>
    </message>
    <message>
      <source>unknown way of receiving the result: {value}</source>
      <translation>cách nhận kết quả không hợp lệ: {value}</translation>
    </message>
    <message>
      <source>unknown way of paying the fee: {value}</source>
      <translation>cách nộp phí không hợp lệ: {value}</translation>
    </message>
    <message>
      <source>cannot put the pages together: {reason}</source>
      <translation>không ghép được các trang: {reason}</translation>
    </message>
  </context>
</TS>
