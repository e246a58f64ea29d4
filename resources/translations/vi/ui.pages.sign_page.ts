<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.sign_page</name>
    <message>
      <source>Afterwards only filling in the form and signing remain allowed.</source>
      <translation>Sau đó chỉ còn được điền biểu mẫu và ký thêm.</translation>
    </message>
    <message>
      <source>PDF files of the dossier</source>
      <translation>Các tệp PDF của hồ sơ</translation>
    </message>
    <message>
      <source>Check another PDF…</source>
      <translation>Kiểm tra một tệp PDF khác…</translation>
    </message>
    <message>
      <source>Add a trusted root certificate…</source>
      <translation>Thêm chứng thư gốc tin cậy…</translation>
    </message>
    <message>
      <source>Signature check</source>
      <translation>Kết quả kiểm tra chữ ký</translation>
    </message>
    <message>
      <source>View the signed version</source>
      <translation>Xem bản đã ký</translation>
    </message>
    <message>
      <source>The file as the signer signed it, beside the file now, changes marked</source>
      <translation>Tệp đúng như lúc người ký ký, đặt cạnh tệp hiện tại, đánh dấu chỗ thay đổi</translation>
    </message>
    <message>
      <source>Page </source>
      <translation>Trang </translation>
    </message>
    <message>
      <source>Page shown in the preview</source>
      <translation>Trang đang xem trước</translation>
    </message>
    <message>
      <source>Certificate f&amp;ile (.p12/.pfx)</source>
      <translation>Tệp chứng thư &amp;số (.p12/.pfx)</translation>
    </message>
    <message>
      <source>&amp;USB token</source>
      <translation>&amp;USB token</translation>
    </message>
    <message>
      <source>choose a .p12/.pfx file</source>
      <translation>chọn tệp .p12/.pfx</translation>
    </message>
    <message>
      <source>Certificate file (.p12/.pfx)</source>
      <translation>Tệp chứng thư số (.p12/.pfx)</translation>
    </message>
    <message>
      <source>Certificates on the plugged-in tokens</source>
      <translation>Chứng thư số trên các token đang cắm</translation>
    </message>
    <message>
      <source>Find tokens</source>
      <translation>Tìm token</translation>
    </message>
    <message>
      <source>Add module…</source>
      <translation>Thêm thư viện…</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Lý do</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Nơi ký</translation>
    </message>
    <message>
      <source>Basic</source>
      <translation>Cơ bản</translation>
    </message>
    <message>
      <source>With timestamp</source>
      <translation>Có dấu thời gian</translation>
    </message>
    <message>
      <source>Long-term</source>
      <translation>Lưu trữ dài hạn</translation>
    </message>
    <message>
      <source>Signature field</source>
      <translation>Ô chữ ký</translation>
    </message>
    <message>
      <source>&amp;Visible stamp</source>
      <translation>Hiện &amp;dấu chữ ký</translation>
    </message>
    <message>
      <source>signature or seal image (PNG, optional)</source>
      <translation>ảnh chữ ký hoặc con dấu (PNG, không bắt buộc)</translation>
    </message>
    <message>
      <source>Stamp image</source>
      <translation>Ảnh con dấu / chữ ký</translation>
    </message>
    <message>
      <source>&amp;Certify the document</source>
      <translation>Chứng &amp;nhận tài liệu</translation>
    </message>
    <message>
      <source>Sign the selected file</source>
      <translation>Ký tệp đang chọn</translation>
    </message>
    <message>
      <source>Sign all PDF files</source>
      <translation>Ký tất cả tệp PDF</translation>
    </message>
    <message>
      <source>One PIN entry for all the files.</source>
      <translation>Chỉ nhập PIN một lần cho mọi tệp.</translation>
    </message>
    <message>
      <source>New signature field</source>
      <translation>Tạo ô chữ ký mới</translation>
    </message>
    <message>
      <source>{problem}. Sign anyway? Readers will show the signature as invalid.</source>
      <translation>{problem}. Vẫn ký? Phần mềm đọc PDF sẽ báo chữ ký không hợp lệ.</translation>
    </message>
    <message>
      <source>cannot be signed</source>
      <translation>không ký được</translation>
    </message>
    <message>
      <source>Put together from the PDFs of the component's pages when signing</source>
      <translation>Được ghép từ PDF của các trang của thành phần khi ký</translation>
    </message>
    <message>
      <source>Stamp: bottom right of the last page. Drag on the page to choose a place.</source>
      <translation>Khung chữ ký: góc dưới bên phải trang cuối. Kéo chuột trên trang để chọn vị trí khác.</translation>
    </message>
    <message>
      <source>Add a timestamp server (TSA) in the settings to use this signature level.</source>
      <translation>Hãy thêm máy chủ cấp dấu thời gian (TSA) trong phần Cài đặt để dùng mức chữ ký này.</translation>
    </message>
    <message>
      <source>There is no PDF to sign.</source>
      <translation>Không có tệp PDF nào để ký.</translation>
    </message>
    <message>
      <source>Protected PDF</source>
      <translation>Tệp PDF có mật khẩu</translation>
    </message>
    <message>
      <source>Password of the protected PDF file(s):</source>
      <translation>Mật khẩu của tệp PDF được bảo vệ:</translation>
    </message>
    <message>
      <source>Opening the certificate</source>
      <translation>Đang mở chứng thư số</translation>
    </message>
    <message>
      <source>Reading signatures</source>
      <translation>Đang đọc chữ ký</translation>
    </message>
    <message>
      <source>password protected</source>
      <translation>có mật khẩu bảo vệ</translation>
    </message>
    <message>
      <source>Word files not listed ({names}): {why}.</source>
      <translation>Các tệp Word không có trong danh sách ({names}): {why}.</translation>
    </message>
    <message>
      <source>not signed</source>
      <translation>chưa ký</translation>
    </message>
    <message>
      <source>Existing field: {name}</source>
      <translation>Ô có sẵn: {name}</translation>
    </message>
    <message>
      <source>Stamp on page {page}, where you dragged it.</source>
      <translation>Khung chữ ký ở trang {page}, tại chỗ bạn đã kéo.</translation>
    </message>
    <message>
      <source>Stamp on page {page}: {x1:.0f},{y1:.0f} – {x2:.0f},{y2:.0f} pt</source>
      <translation>Khung chữ ký ở trang {page}: {x1:.0f},{y1:.0f} – {x2:.0f},{y2:.0f} pt</translation>
    </message>
    <message>
      <source>signed ({n})</source>
      <translation>đã ký ({n})</translation>
    </message>
  </context>
</TS>
