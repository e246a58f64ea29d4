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
      <source>Result received:</source>
      <translation>Nhận kết quả:</translation>
    </message>
    <message>
      <source>How the fee is paid</source>
      <translation>Cách nộp phí, lệ phí</translation>
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
      <source>Exported files</source>
      <translation>Các tệp đã xuất</translation>
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
      <source>Checklist of the dossier components</source>
      <translation>Danh mục kiểm tra các thành phần hồ sơ</translation>
    </message>
    <message>
      <source>Component</source>
      <translation>Thành phần</translation>
    </message>
    <message>
      <source>Required</source>
      <translation>Bắt buộc</translation>
    </message>
    <message>
      <source>Size / limit</source>
      <translation>Dung lượng / giới hạn</translation>
    </message>
    <message>
      <source>Export a &amp;draft anyway (incomplete)…</source>
      <translation>Vẫn x&amp;uất bản nháp (chưa đầy đủ)…</translation>
    </message>
    <message>
      <source>Export the files present although the dossier is not ready, marked incomplete: to check or to show a clerk, not to submit.</source>
      <translation>Xuất các tệp đã có dù hồ sơ chưa sẵn sàng, có ghi rõ là chưa đầy đủ: để kiểm tra hoặc đưa cán bộ xem trước, không dùng để nộp.</translation>
    </message>
    <message>
      <source>Problems found</source>
      <translation>Các vấn đề phát hiện</translation>
    </message>
    <message>
      <source>Incomplete draft: not ready to submit. Fix the blocking problems, then export again.</source>
      <translation>Bản nháp chưa đầy đủ: chưa thể nộp. Hãy khắc phục các lỗi chặn rồi xuất lại.</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Dung lượng</translation>
    </message>
    <message>
      <source>Limit</source>
      <translation>Giới hạn</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Ghi chú</translation>
    </message>
    <message>
      <source>The files present will be exported and marked INCOMPLETE in manifest.json and in the upload guide. Such a draft cannot be submitted on the portal.</source>
      <translation>Các tệp đã có sẽ được xuất, có ghi rõ CHƯA ĐẦY ĐỦ trong manifest.json và trong hướng dẫn nộp. Bản nháp này không thể dùng để nộp trên cổng.</translation>
    </message>
    <message>
      <source>The previous export in {folder} will be replaced.</source>
      <translation>Bản xuất trước trong {folder} sẽ bị thay thế.</translation>
    </message>
    <message>
      <source>Export a draft anyway?</source>
      <translation>Vẫn xuất bản nháp?</translation>
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
      <source>Dossier</source>
      <translation>Hồ sơ</translation>
    </message>
    <message>
      <source>Print the dossier</source>
      <translation>In hồ sơ</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>Không khởi động được máy in.</translation>
    </message>
    <message>
      <source>Blocking problem</source>
      <translation>Lỗi chặn</translation>
    </message>
    <message>
      <source>Blocking</source>
      <translation>Lỗi chặn</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>Cảnh báo</translation>
    </message>
    <message>
      <source>The dossier is ready to export.</source>
      <translation>Hồ sơ đã sẵn sàng để xuất.</translation>
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
      <source>The dossier still has {count} blocking problem(s):</source>
      <translation>Hồ sơ còn {count} lỗi chặn:</translation>
    </message>
    <message>
      <source>{files} file(s), {size} in all (inputs {inputs}), in {folder}</source>
      <translation>{files} tệp, tổng {size} (đầu vào {inputs}), trong {folder}</translation>
    </message>
    <message>
      <source>The procedure of this dossier is not in the catalog.</source>
      <translation>Thủ tục của hồ sơ này không có trong danh mục.</translation>
    </message>
    <message>
      <source>Not given</source>
      <translation>Không nộp</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Còn thiếu</translation>
    </message>
    <message>
      <source>Will be compressed</source>
      <translation>Sẽ được nén</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Sẵn sàng</translation>
    </message>
    <message>
      <source>{count} blocking problem(s): fix them before exporting.</source>
      <translation>{count} lỗi chặn: hãy khắc phục trước khi xuất.</translation>
    </message>
    <message>
      <source>File names before export (planned).</source>
      <translation>Tên tệp dự kiến (trước khi xuất).</translation>
    </message>
    <message>
      <source>… and {count} more.</source>
      <translation>… và {count} lỗi khác.</translation>
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
    <message>
      <source>Printing page {n}</source>
      <translation>Đang in trang {n}</translation>
    </message>
  </context>
</TS>
