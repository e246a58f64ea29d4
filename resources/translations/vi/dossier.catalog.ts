<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>dossier.catalog</name>
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
      <source>component id {value!r} is used twice</source>
      <translation>mã thành phần hồ sơ {value!r} bị dùng hai lần</translation>
    </message>
    <message>
      <source>procedure code {value!r} is used twice</source>
      <translation>mã thủ tục {value!r} bị dùng hai lần</translation>
    </message>
    <message>
      <source>Set by the province</source>
      <translation>Do tỉnh quy định</translation>
    </message>
    <message>
      <source>Free of charge</source>
      <translation>Miễn phí</translation>
    </message>
    <message>
      <source>must not be empty</source>
      <translation>không được để trống</translation>
    </message>
    <message>
      <source>must be at least 1</source>
      <translation>phải từ 1 trở lên</translation>
    </message>
    <message>
      <source>must not be negative</source>
      <translation>không được là số âm</translation>
    </message>
    <message>
      <source>an https:// address is expected</source>
      <translation>cần một địa chỉ https://</translation>
    </message>
    <message>
      <source>must be more than 0</source>
      <translation>phải lớn hơn 0</translation>
    </message>
    <message>
      <source>must be at least 8</source>
      <translation>phải từ 8 trở lên</translation>
    </message>
    <message>
      <source>a file is expected, not a folder</source>
      <translation>cần một tệp, không phải thư mục</translation>
    </message>
    <message>
      <source>the key appears twice</source>
      <translation>khóa này xuất hiện hai lần</translation>
    </message>
    <message>
      <source>an online service level is 1 to 4</source>
      <translation>mức độ dịch vụ công trực tuyến là từ 1 đến 4</translation>
    </message>
    <message>
      <source>{value!r} does not name a field</source>
      <translation>{value!r} không phải tên một trường dữ liệu</translation>
    </message>
    <message>
      <source>{value!r} does not name a component</source>
      <translation>{value!r} không chỉ đến thành phần hồ sơ nào</translation>
    </message>
    <message>
      <source>{value!r} is not a valid id (lower-case letters, digits and dashes)</source>
      <translation>{value!r} không phải mã hợp lệ (chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang)</translation>
    </message>
    <message>
      <source>{value!r} is not a national procedure code like "1.001193"</source>
      <translation>{value!r} không phải mã thủ tục quốc gia dạng "1.001193"</translation>
    </message>
    <message>
      <source>{value!r} must match the file name</source>
      <translation>{value!r} phải trùng với tên tệp</translation>
    </message>
    <message>
      <source>the file is too large for a catalog ({size} MB)</source>
      <translation>tệp quá lớn, không phải tệp danh mục ({size} MB)</translation>
    </message>
    <message>
      <source>{value!r} is not a file extension like "pdf"</source>
      <translation>{value!r} không phải phần mở rộng tệp dạng "pdf"</translation>
    </message>
    <message>
      <source>cannot remove the file: {reason}</source>
      <translation>không xóa được tệp: {reason}</translation>
    </message>
    <message>
      <source>unknown placeholder or bad format ({reason}); use {{index}}, {{slug}}, {{component_id}}, {{code}}</source>
      <translation>tên biến không có hoặc sai định dạng ({reason}); dùng {{index}}, {{slug}}, {{component_id}}, {{code}}</translation>
    </message>
    <message>
      <source>procedure code {value!r} is already in {other}</source>
      <translation>mã thủ tục {value!r} đã có trong {other}</translation>
    </message>
    <message>
      <source>The imported catalog was ignored: {reason}</source>
      <translation>Danh mục đã nhập bị bỏ qua: {reason}</translation>
    </message>
  </context>
</TS>
