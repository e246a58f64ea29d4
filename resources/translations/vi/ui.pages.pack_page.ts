<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.pack_page</name>
    <message>
      <source>Pay at the receiving agency</source>
      <translation>Nộp tại cơ quan tiếp nhận</translation>
    </message>
    <message>
      <source>Pay online on the portal</source>
      <translation>Thanh toán trực tuyến trên cổng</translation>
    </message>
    <message>
      <source>Pay the postal service on delivery</source>
      <translation>Nộp cho bưu điện khi nhận kết quả</translation>
    </message>
    <message>
      <source>Portal to submit on</source>
      <translation>Cổng dịch vụ công để nộp hồ sơ</translation>
    </message>
    <message>
      <source>&amp;Portal:</source>
      <translation>Cổng dịch &amp;vụ công:</translation>
    </message>
    <message>
      <source>Result delivery:</source>
      <translation>Cách nhận kết quả:</translation>
    </message>
    <message>
      <source>How the fee is paid</source>
      <translation>Cách nộp phí, lệ phí</translation>
    </message>
    <message>
      <source>Free of charge: nothing to pay</source>
      <translation>Miễn phí: không phải nộp tiền</translation>
    </message>
    <message>
      <source>Fee pa&amp;yment:</source>
      <translation>Nộp &amp;phí, lệ phí:</translation>
    </message>
    <message>
      <source>Checklist</source>
      <translation>Danh mục kiểm tra</translation>
    </message>
    <message>
      <source>Upload guide</source>
      <translation>Hướng dẫn nộp</translation>
    </message>
    <message>
      <source>&amp;Export for upload</source>
      <translation>&amp;Xuất để tải lên</translation>
    </message>
    <message>
      <source>also a &amp;ZIP</source>
      <translation>kèm tệp &amp;ZIP</translation>
    </message>
    <message>
      <source>Export for p&amp;rinting</source>
      <translation>Xuất &amp;bản in</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;In…</translation>
    </message>
    <message>
      <source>T&amp;wo-sided</source>
      <translation>In &amp;hai mặt</translation>
    </message>
    <message>
      <source>Open the p&amp;ortal</source>
      <translation>Mở cổng &amp;dịch vụ công</translation>
    </message>
    <message>
      <source>Open the &amp;folder</source>
      <translation>&amp;Mở thư mục</translation>
    </message>
    <message>
      <source>Open the printable &amp;guide</source>
      <translation>Hướng dẫn &amp;nộp (bản in)</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Đang in</translation>
    </message>
    <message>
      <source>Exporting for printing</source>
      <translation>Đang xuất bản in</translation>
    </message>
    <message>
      <source>(change it in step 2)</source>
      <translation>(thay đổi ở bước 2)</translation>
    </message>
    <message>
      <source>Exporting for upload</source>
      <translation>Đang xuất để tải lên</translation>
    </message>
    <message>
      <source>Export a draft (incomplete)</source>
      <translation>Xuất bản nháp (chưa đầy đủ)</translation>
    </message>
    <message>
      <source>Exporting a draft (incomplete)</source>
      <translation>Đang xuất bản nháp (chưa đầy đủ)</translation>
    </message>
    <message>
      <source>Before compression: {size}</source>
      <translation>Trước khi nén: {size}</translation>
    </message>
    <message>
      <source>Export finished.</source>
      <translation>Đã xuất xong.</translation>
    </message>
    <message>
      <source>Draft exported: INCOMPLETE, not ready to submit.</source>
      <translation>Đã xuất bản nháp: CHƯA ĐẦY ĐỦ, chưa thể nộp.</translation>
    </message>
    <message>
      <source>Open or create a dossier first.</source>
      <translation>Hãy mở hoặc tạo một hồ sơ trước.</translation>
    </message>
    <message>
      <source>Export for upload</source>
      <translation>Xuất để tải lên</translation>
    </message>
    <message>
      <source>{files} file(s), {size} in all, in {folder}</source>
      <translation>{files} tệp, tổng {size}, trong {folder}</translation>
    </message>
    <message>
      <source>The procedure of this dossier is not in the catalog.</source>
      <translation>Thủ tục của hồ sơ này không có trong danh mục.</translation>
    </message>
    <message>
      <source>Print PDF: {path} ({pages} pages)</source>
      <translation>PDF để in: {path} ({pages} trang)</translation>
    </message>
    <message>
      <source>Replace the previous export in {folder}?</source>
      <translation>Thay thế bản xuất trước đó trong {folder}?</translation>
    </message>
    <message>
      <source>Package &amp; submit: {name} ({code})</source>
      <translation>Đóng gói &amp; nộp: {name} ({code})</translation>
    </message>
  </context>
</TS>
