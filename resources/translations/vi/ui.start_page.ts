<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.start_page</name>
    <message>
      <source>Draft</source>
      <translation>Nháp</translation>
    </message>
    <message>
      <source>Exported, ready to submit</source>
      <translation>Đã xuất, sẵn sàng nộp</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>Đã nộp</translation>
    </message>
    <message>
      <source>Result received</source>
      <translation>Đã có kết quả</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>Quá hạn</translation>
    </message>
    <message>
      <source>Personal ID</source>
      <translation>Số định danh</translation>
    </message>
    <message>
      <source>Result due</source>
      <translation>Hẹn trả kết quả</translation>
    </message>
    <message>
      <source>Last change</source>
      <translation>Cập nhật lần cuối</translation>
    </message>
    <message>
      <source>Record the submission</source>
      <translation>Ghi nhận đã nộp hồ sơ</translation>
    </message>
    <message>
      <source>Portal dossier code</source>
      <translation>Mã hồ sơ trên cổng dịch vụ công</translation>
    </message>
    <message>
      <source>Submission date</source>
      <translation>Ngày nộp</translation>
    </message>
    <message>
      <source>Portal &amp;dossier code:</source>
      <translation>&amp;Mã hồ sơ trên cổng:</translation>
    </message>
    <message>
      <source>Submitted &amp;on:</source>
      <translation>Ngày &amp;nộp:</translation>
    </message>
    <message>
      <source>Welcome to Hồ sơ số</source>
      <translation>Chào mừng đến với Hồ sơ số</translation>
    </message>
    <message>
      <source>Prepare the files of an online public-service dossier: choose the procedure, fill the forms, scan the documents, sign and package them for the portal.</source>
      <translation>Chuẩn bị các tệp của hồ sơ dịch vụ công trực tuyến: chọn thủ tục, điền tờ khai, quét giấy tờ, ký số và đóng gói để nộp lên cổng dịch vụ công.</translation>
    </message>
    <message>
      <source>New dossier</source>
      <translation>Hồ sơ mới</translation>
    </message>
    <message>
      <source>Create a new dossier</source>
      <translation>Tạo hồ sơ mới</translation>
    </message>
    <message>
      <source>Open dossier…</source>
      <translation>Mở hồ sơ…</translation>
    </message>
    <message>
      <source>Open an existing dossier folder</source>
      <translation>Mở một thư mục hồ sơ đã có</translation>
    </message>
    <message>
      <source>Search by name, personal ID, procedure or date</source>
      <translation>Tìm theo họ tên, số định danh, thủ tục hoặc ngày</translation>
    </message>
    <message>
      <source>Search dossiers</source>
      <translation>Tìm hồ sơ</translation>
    </message>
    <message>
      <source>Fi&amp;nd:</source>
      <translation>Tìm &amp;hồ sơ:</translation>
    </message>
    <message>
      <source>Filter by state</source>
      <translation>Lọc theo trạng thái</translation>
    </message>
    <message>
      <source>All states</source>
      <translation>Mọi trạng thái</translation>
    </message>
    <message>
      <source>Dossiers</source>
      <translation>Danh sách hồ sơ</translation>
    </message>
    <message>
      <source>No dossier yet. Press “New dossier” to start.</source>
      <translation>Chưa có hồ sơ nào. Bấm “Hồ sơ mới” để bắt đầu.</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Mở</translation>
    </message>
    <message>
      <source>New dossier for the same &amp;citizen</source>
      <translation>Hồ sơ mới cho cùng công &amp;dân</translation>
    </message>
    <message>
      <source>Record &amp;submission…</source>
      <translation>Ghi nhận đã &amp;nộp…</translation>
    </message>
    <message>
      <source>Result &amp;received</source>
      <translation>Đã nhận &amp;kết quả</translation>
    </message>
    <message>
      <source>Separator sh&amp;eets…</source>
      <translation>Tờ &amp;phân cách…</translation>
    </message>
    <message>
      <source>Print the separator sheets of the selected dossier's procedure</source>
      <translation>In tờ phân cách cho thủ tục của hồ sơ đang chọn</translation>
    </message>
    <message>
      <source>Loading the dossier list…</source>
      <translation>Đang tải danh sách hồ sơ…</translation>
    </message>
    <message>
      <source>(no name yet)</source>
      <translation>(chưa có tên)</translation>
    </message>
    <message>
      <source>Record that the result of this dossier was received today?

{name} — {procedure}

The dossier then leaves the dossiers waiting for a result.</source>
      <translation>Ghi nhận hồ sơ này đã có kết quả hôm nay?

{name} — {procedure}

Hồ sơ sẽ không còn trong danh sách hồ sơ đang chờ kết quả.</translation>
    </message>
    <message>
      <source>e.g. {code}</source>
      <translation>ví dụ: {code}</translation>
    </message>
    <message>
      <source>{count} folder(s) could not be read.</source>
      <translation>{count} thư mục không đọc được.</translation>
    </message>
  </context>
</TS>
