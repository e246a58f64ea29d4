<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.forms_page</name>
    <message>
      <source>Forms (*.pdf *.doc *.docx)</source>
      <translation>Tờ khai (*.pdf *.doc *.docx)</translation>
    </message>
    <message>
      <source>Open a form to fill it.</source>
      <translation>Mở một tờ khai để điền.</translation>
    </message>
    <message>
      <source>Values of the form</source>
      <translation>Các giá trị của tờ khai</translation>
    </message>
    <message>
      <source>Problems to check</source>
      <translation>Những chỗ cần kiểm tra</translation>
    </message>
    <message>
      <source>Form of the procedure</source>
      <translation>Tờ khai của thủ tục</translation>
    </message>
    <message>
      <source>Open another form…</source>
      <translation>Mở tờ khai khác…</translation>
    </message>
    <message>
      <source>Previous page</source>
      <translation>Trang trước</translation>
    </message>
    <message>
      <source>Next page</source>
      <translation>Trang sau</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>Thu nhỏ</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>Phóng to</translation>
    </message>
    <message>
      <source>Fit width</source>
      <translation>Vừa chiều rộng</translation>
    </message>
    <message>
      <source>Undo the last value</source>
      <translation>Hoàn tác giá trị vừa nhập</translation>
    </message>
    <message>
      <source>Save form</source>
      <translation>Lưu tờ khai</translation>
    </message>
    <message>
      <source>Saved in the dossier's folder, for signing and upload</source>
      <translation>Lưu vào thư mục hồ sơ, để ký số và nộp</translation>
    </message>
    <message>
      <source>Save as…</source>
      <translation>Lưu thành…</translation>
    </message>
    <message>
      <source>Save a copy as…</source>
      <translation>Lưu bản sao thành…</translation>
    </message>
    <message>
      <source>People on the form</source>
      <translation>Người có tên trong tờ khai</translation>
    </message>
    <message>
      <source>Add a person…</source>
      <translation>Thêm người…</translation>
    </message>
    <message>
      <source>A citizen profile, to autofill the forms</source>
      <translation>Hồ sơ cá nhân của một công dân, để điền tự động tờ khai</translation>
    </message>
    <message>
      <source>Edit the requester's profile…</source>
      <translation>Sửa hồ sơ người yêu cầu…</translation>
    </message>
    <message>
      <source>&amp;Delete…</source>
      <translation>&amp;Xóa…</translation>
    </message>
    <message>
      <source>Delete the requester's profile</source>
      <translation>Xóa hồ sơ của người yêu cầu</translation>
    </message>
    <message>
      <source>Read ID card QR…</source>
      <translation>Đọc mã QR căn cước…</translation>
    </message>
    <message>
      <source>Create a profile from the QR code of a chip ID card photo</source>
      <translation>Tạo hồ sơ từ mã QR trên ảnh chụp thẻ căn cước gắn chip</translation>
    </message>
    <message>
      <source>Autofill</source>
      <translation>Điền tự động</translation>
    </message>
    <message>
      <source>Left for you to fill in by hand</source>
      <translation>Cần điền tay</translation>
    </message>
    <message>
      <source>Open a form</source>
      <translation>Mở tờ khai</translation>
    </message>
    <message>
      <source>Undone.</source>
      <translation>Đã hoàn tác.</translation>
    </message>
    <message>
      <source>To check</source>
      <translation>Cần kiểm tra</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Mục</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>Giá trị đã điền</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Giá trị</translation>
    </message>
    <message>
      <source>Rendering</source>
      <translation>Đang hiển thị trang</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Không còn gì để hoàn tác.</translation>
    </message>
    <message>
      <source>Opening {file}…</source>
      <translation>Đang mở {file}…</translation>
    </message>
    <message>
      <source>Word form: the preview is approximate (no Word or LibreOffice to show its exact layout); the blanks are listed on the right and filled in the .docx.</source>
      <translation>Tờ khai Word: bản xem trước chỉ gần đúng (máy không có Word hay LibreOffice để hiển thị đúng bố cục); các chỗ trống được liệt kê bên phải và được điền vào tệp .docx.</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mật khẩu</translation>
    </message>
    <message>
      <source>This PDF is protected. Enter its password:</source>
      <translation>Tệp PDF này được bảo vệ. Nhập mật khẩu:</translation>
    </message>
    <message>
      <source>{count} value(s) filled from the profiles.</source>
      <translation>Đã điền {count} giá trị từ hồ sơ.</translation>
    </message>
    <message>
      <source>Left for you to fill in by hand ({count})</source>
      <translation>Cần điền tay ({count})</translation>
    </message>
    <message>
      <source>Page {page}/{count}</source>
      <translation>Trang {page}/{count}</translation>
    </message>
    <message>
      <source>page</source>
      <translation>trang</translation>
    </message>
    <message>
      <source>{count} places to fill on {pages} page(s).</source>
      <translation>Có {count} chỗ cần điền trên {pages} trang.</translation>
    </message>
  </context>
</TS>
