<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.catalog</name>
    <message>
      <source>search the procedure catalog</source>
      <translation>tra cứu danh mục thủ tục hành chính</translation>
    </message>
    <message>
      <source>find procedures by name, code or keyword, like the portal</source>
      <translation>tìm thủ tục theo tên, mã hoặc từ khóa, như trên Cổng dịch vụ công</translation>
    </message>
    <message>
      <source>words to look for (diacritics and case do not matter)</source>
      <translation>từ cần tìm (gõ có dấu hay không dấu, chữ hoa hay thường đều được)</translation>
    </message>
    <message>
      <source>agency, e.g. "UBND xã Xuân Bắc"</source>
      <translation>cơ quan thực hiện, ví dụ "UBND xã Xuân Bắc"</translation>
    </message>
    <message>
      <source>level: "xã", "huyện", "tỉnh", "bộ" (or commune...)</source>
      <translation>cấp thực hiện: "xã", "huyện", "tỉnh", "bộ" (hoặc commune...)</translation>
    </message>
    <message>
      <source>field, e.g. "Hộ tịch"</source>
      <translation>lĩnh vực, ví dụ "Hộ tịch"</translation>
    </message>
    <message>
      <source>online service level</source>
      <translation>mức độ dịch vụ công trực tuyến</translation>
    </message>
    <message>
      <source>show a procedure and its checklist of documents</source>
      <translation>xem chi tiết thủ tục và danh mục giấy tờ cần chuẩn bị</translation>
    </message>
    <message>
      <source>use an updated catalog file (checked whole before it is used)</source>
      <translation>dùng tệp danh mục cập nhật (được kiểm tra toàn bộ trước khi dùng)</translation>
    </message>
    <message>
      <source>forget the imported catalog, use the built-in one</source>
      <translation>bỏ danh mục đã nhập, dùng danh mục có sẵn</translation>
    </message>
    <message>
      <source>list the portal profiles</source>
      <translation>liệt kê cấu hình các cổng dịch vụ công</translation>
    </message>
    <message>
      <source>No procedure found.</source>
      <translation>Không tìm thấy thủ tục nào.</translation>
    </message>
    <message>
      <source>required document</source>
      <translation>bắt buộc</translation>
    </message>
    <message>
      <source>optional document</source>
      <translation>không bắt buộc</translation>
    </message>
    <message>
      <source>The imported catalog was removed; the built-in catalog is used.</source>
      <translation>Đã bỏ danh mục đã nhập; đang dùng danh mục có sẵn.</translation>
    </message>
    <message>
      <source>No imported catalog; the built-in catalog is used.</source>
      <translation>Chưa nhập danh mục nào; đang dùng danh mục có sẵn.</translation>
    </message>
    <message>
      <source>must be signed (signature required)</source>
      <translation>phải ký</translation>
    </message>
    <message>
      <source>form {id}</source>
      <translation>mẫu {id}</translation>
    </message>
    <message>
      <source>unknown level {level!r}</source>
      <translation>không có cấp thực hiện {level!r}</translation>
    </message>
    <message>
      <source>formats: {formats}; at most {size} MB per file</source>
      <translation>định dạng: {formats}; tối đa {size} MB mỗi tệp</translation>
    </message>
  </context>
</TS>
