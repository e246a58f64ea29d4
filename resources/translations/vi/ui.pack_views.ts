<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pack_views</name>
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
      <translation>Bản nháp chưa đầy đủ: chưa thể nộp. Hãy sửa các lỗi rồi xuất lại.</translation>
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
      <source>Dossier</source>
      <translation>Hồ sơ</translation>
    </message>
    <message>
      <source>Print the dossier</source>
      <translation>In hồ sơ</translation>
    </message>
    <message>
      <source>Must be fixed</source>
      <translation>Cần sửa</translation>
    </message>
    <message>
      <source>Must fix</source>
      <translation>Cần sửa</translation>
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
      <source>The dossier still has {count} blocking problem(s):</source>
      <translation>Hồ sơ còn {count} lỗi cần sửa:</translation>
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
      <translation>{count} lỗi cần sửa: hãy khắc phục trước khi xuất.</translation>
    </message>
    <message>
      <source>File names before export (planned).</source>
      <translation>Tên tệp dự kiến (trước khi xuất).</translation>
    </message>
    <message>
      <source>… and {count} more.</source>
      <translation>… và {count} lỗi khác.</translation>
    </message>
  </context>
</TS>
