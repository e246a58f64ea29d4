<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.catalog_labels</name>
    <message>
      <source>Commune level</source>
      <translation>Cấp xã</translation>
    </message>
    <message>
      <source>District level</source>
      <translation>Cấp huyện</translation>
    </message>
    <message>
      <source>Province level</source>
      <translation>Cấp tỉnh</translation>
    </message>
    <message>
      <source>Ministry level</source>
      <translation>Cấp bộ</translation>
    </message>
    <message>
      <source>Original document</source>
      <translation>Bản chính</translation>
    </message>
    <message>
      <source>Copy of the document</source>
      <translation>Bản sao</translation>
    </message>
    <message>
      <source>Certified copy</source>
      <translation>Bản sao có chứng thực</translation>
    </message>
    <message>
      <source>Original or copy</source>
      <translation>Bản chính hoặc bản sao</translation>
    </message>
    <message>
      <source>Show the original (not submitted)</source>
      <translation>Xuất trình bản chính (không nộp)</translation>
    </message>
    <message>
      <source>At the office</source>
      <translation>Nhận trực tiếp tại cơ quan</translation>
    </message>
    <message>
      <source>By post</source>
      <translation>Qua dịch vụ bưu chính</translation>
    </message>
    <message>
      <source>Online (electronic copy)</source>
      <translation>Trực tuyến (bản điện tử)</translation>
    </message>
    <message>
      <source>Set by the province</source>
      <translation>Do tỉnh quy định</translation>
    </message>
    <message>
      <source>Free of charge</source>
      <translation>Miễn phí</translation>
    </message>
  </context>
</TS>
