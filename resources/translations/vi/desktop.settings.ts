<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.settings</name>
    <message>
      <source>Language of the app (vi or en)</source>
      <translation>Ngôn ngữ của ứng dụng (vi hoặc en)</translation>
    </message>
    <message>
      <source>Folder where new dossiers are created</source>
      <translation>Thư mục tạo hồ sơ mới</translation>
    </message>
    <message>
      <source>Portal profile used for export</source>
      <translation>Cổng dịch vụ công dùng khi xuất tệp</translation>
    </message>
    <message>
      <source>Your commune's People's Committee, receiving commune-level dossiers</source>
      <translation>Ủy ban nhân dân xã, phường của bạn, nơi nhận hồ sơ cấp xã</translation>
    </message>
    <message>
      <source>Recently opened dossiers</source>
      <translation>Hồ sơ mở gần đây</translation>
    </message>
    <message>
      <source>Timestamp servers (RFC 3161)</source>
      <translation>Máy chủ cấp dấu thời gian (RFC 3161)</translation>
    </message>
    <message>
      <source>Extra PKCS#11 modules for USB tokens</source>
      <translation>Thư viện PKCS#11 bổ sung cho USB token</translation>
    </message>
    <message>
      <source>Trusted root certificates for checking signatures</source>
      <translation>Chứng thư gốc tin cậy dùng để kiểm tra chữ ký</translation>
    </message>
    <message>
      <source>Clerk mode (many citizens a day)</source>
      <translation>Chế độ cán bộ một cửa (phục vụ nhiều công dân mỗi ngày)</translation>
    </message>
    <message>
      <source>Scanner device (SANE name; empty: the first one)</source>
      <translation>Máy quét (tên thiết bị SANE; để trống: máy đầu tiên)</translation>
    </message>
    <message>
      <source>Main window maximised</source>
      <translation>Cửa sổ chính phóng to</translation>
    </message>
    <message>
      <source>Zoom of the forms page, in percent (0: fit width)</source>
      <translation>Mức phóng to trang tờ khai, phần trăm (0: vừa chiều rộng)</translation>
    </message>
  </context>
</TS>
