<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.guide</name>
    <message>
      <source>at the receiving agency (one-stop shop)</source>
      <translation>tại cơ quan tiếp nhận (Bộ phận một cửa)</translation>
    </message>
    <message>
      <source>paid at the receiving agency</source>
      <translation>nộp tại cơ quan tiếp nhận</translation>
    </message>
    <message>
      <source>the receiving agency</source>
      <translation>cơ quan tiếp nhận</translation>
    </message>
    <message>
      <source>Check all the information, then press “Nộp hồ sơ”. Keep the dossier code it gives.</source>
      <translation>Kiểm tra lại toàn bộ thông tin rồi nhấn “Nộp hồ sơ”. Ghi lại mã hồ sơ mà cổng cấp.</translation>
    </message>
    <message>
      <source>paid online on the portal</source>
      <translation>thanh toán trực tuyến trên cổng</translation>
    </message>
    <message>
      <source>paid to the postal service on delivery</source>
      <translation>nộp cho bưu điện khi nhận kết quả</translation>
    </message>
    <message>
      <source>free of charge</source>
      <translation>miễn phí, không phải nộp</translation>
    </message>
    <message>
      <source>Each file is at most {limit} MB, as the portal asks.</source>
      <translation>Mỗi tệp không quá {limit} MB theo yêu cầu của cổng.</translation>
    </message>
    <message>
      <source>Open the portal {portal} ({url}), register an account and log in.</source>
      <translation>Truy cập {portal} ({url}), đăng ký tài khoản và đăng nhập.</translation>
    </message>
    <message>
      <source>On the main screen choose the “Dịch vụ công” tab, type the agency (e.g. {agency}), choose the level and the field ({field}), then press Search.</source>
      <translation>Tại màn hình chính chọn thẻ “Dịch vụ công” → điền tên cơ quan thực hiện (vd: {agency}) → chọn “mức độ” → chọn lĩnh vực ({field}) → nhấn “Tìm kiếm”.</translation>
    </message>
    <message>
      <source>At the procedure “{name}” (code {code}) press “Chi tiết” to read about it, or “Nộp hồ sơ” to start submitting.</source>
      <translation>Tại thủ tục “{name}” (mã {code}) nhấn “Chi tiết” để xem thông tin, hoặc “Nộp hồ sơ” để bắt đầu nhập và gửi hồ sơ trực tuyến.</translation>
    </message>
    <message>
      <source>Fill in the dossier information, choose how to receive the result ({delivery}), then upload the file of each component below with the “Tải tệp lên” button.</source>
      <translation>Khai báo thông tin hồ sơ, chọn cách nhận kết quả ({delivery}), rồi tải tệp của từng thành phần hồ sơ dưới đây bằng nút “Tải tệp lên”.</translation>
    </message>
    <message>
      <source>Steps on the portal</source>
      <translation>Các bước trên cổng dịch vụ công</translation>
    </message>
    <message>
      <source>Files to upload (“Tải tệp lên”)</source>
      <translation>Các tệp cần tải lên (“Tải tệp lên”)</translation>
    </message>
    <message>
      <source>by public post (Bưu chính công ích) to: {address}</source>
      <translation>qua dịch vụ bưu chính công ích đến: {address}</translation>
    </message>
    <message>
      <source>“{names}” is uploaded as a Word file (.docx), as the portal accepts: {why}.</source>
      <translation>“{names}” được tải lên dưới dạng tệp Word (.docx), cổng chấp nhận định dạng này: {why}.</translation>
    </message>
    <message>
      <source>How to submit: {name}</source>
      <translation>Hướng dẫn nộp hồ sơ: {name}</translation>
    </message>
  </context>
</TS>
