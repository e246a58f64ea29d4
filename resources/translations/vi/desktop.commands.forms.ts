<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.forms</name>
    <message>
      <source>list the fields and blanks of a form (PDF, or Word .docx/.doc)</source>
      <translation>liệt kê các trường và chỗ trống của một tờ khai (PDF, hoặc Word .docx/.doc)</translation>
    </message>
    <message>
      <source>password of an encrypted PDF</source>
      <translation>mật khẩu của tệp PDF được mã hóa</translation>
    </message>
    <message>
      <source>fill a form from citizen profiles</source>
      <translation>điền tờ khai từ hồ sơ công dân</translation>
    </message>
    <message>
      <source>profile of the requester (JSON file or profile id)</source>
      <translation>hồ sơ của người yêu cầu (tệp JSON hoặc mã hồ sơ)</translation>
    </message>
    <message>
      <source>a household member for a table of people (CT01), one row each, in order</source>
      <translation>một thành viên hộ gia đình cho bảng danh sách người (CT01), mỗi người một dòng, theo thứ tự</translation>
    </message>
    <message>
      <source>a value: field name, blank id (p1b3), profile key or role.key</source>
      <translation>một giá trị: tên trường, mã chỗ trống (p1b3), khóa hồ sơ hoặc vai_trò.khóa</translation>
    </message>
    <message>
      <source>output file: a PDF for a PDF form; .docx for a Word form (.pdf: converted by Word or LibreOffice when installed)</source>
      <translation>tệp kết quả: PDF cho tờ khai PDF; .docx cho tờ khai Word (.pdf: chuyển đổi bằng Word hoặc LibreOffice nếu máy đã cài)</translation>
    </message>
    <message>
      <source>no fields left (for upload)</source>
      <translation>không giữ lại trường nào (để nộp trực tuyến)</translation>
    </message>
    <message>
      <source>date written in 'ngày … tháng … năm' (dd/mm/yyyy)</source>
      <translation>ngày ghi vào 'ngày … tháng … năm' (dd/mm/yyyy)</translation>
    </message>
    <message>
      <source>write even when values look wrong</source>
      <translation>vẫn ghi khi giá trị có vẻ sai</translation>
    </message>
    <message>
      <source>exit 1 when blanks are left for the person to fill in by hand</source>
      <translation>thoát với mã 1 khi còn chỗ trống phải điền tay</translation>
    </message>
    <message>
      <source>citizen profiles</source>
      <translation>hồ sơ công dân</translation>
    </message>
    <message>
      <source>list the saved profiles</source>
      <translation>liệt kê các hồ sơ đã lưu</translation>
    </message>
    <message>
      <source>show one profile</source>
      <translation>xem một hồ sơ</translation>
    </message>
    <message>
      <source>save a new profile</source>
      <translation>lưu một hồ sơ mới</translation>
    </message>
    <message>
      <source>read the values from a JSON file</source>
      <translation>đọc các giá trị từ một tệp JSON</translation>
    </message>
    <message>
      <source>delete a profile</source>
      <translation>xóa một hồ sơ</translation>
    </message>
    <message>
      <source>read a profile from the QR code of a chip ID card</source>
      <translation>đọc hồ sơ từ mã QR trên thẻ căn cước gắn chip</translation>
    </message>
    <message>
      <source>save it as a new profile</source>
      <translation>lưu thành một hồ sơ mới</translation>
    </message>
    <message>
      <source>unknown role {role!r}; known roles: {roles}</source>
      <translation>không có vai trò {role!r}; các vai trò: {roles}</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>(không có nhãn)</translation>
    </message>
    <message>
      <source>Left for you to fill in by hand ({count}):</source>
      <translation>Cần điền tay ({count}):</translation>
    </message>
    <message>
      <source>page {page}</source>
      <translation>trang {page}</translation>
    </message>
    <message>
      <source>the values have problems; fix them or use --force</source>
      <translation>các giá trị có lỗi; hãy sửa lại hoặc dùng --force</translation>
    </message>
    <message>
      <source>{count} value(s) written to {file}</source>
      <translation>đã ghi {count} giá trị vào {file}</translation>
    </message>
    <message>
      <source>a JSON object is expected</source>
      <translation>cần một đối tượng JSON</translation>
    </message>
    <message>
      <source>profile for another person the form is about; roles in Vietnamese or English: {roles}</source>
      <translation>hồ sơ của người khác mà tờ khai nói đến; vai trò bằng tiếng Việt hoặc tiếng Anh: {roles}</translation>
    </message>
    <message>
      <source>unknown profile key(s): {keys}</source>
      <translation>khóa hồ sơ không hợp lệ: {keys}</translation>
    </message>
    <message>
      <source>expected KEY=VALUE, got {item!r}</source>
      <translation>cần dạng KHÓA=GIÁ_TRỊ, nhận được {item!r}</translation>
    </message>
    <message>
      <source>Password for {file}: </source>
      <translation>Mật khẩu của {file}: </translation>
    </message>
  </context>
</TS>
