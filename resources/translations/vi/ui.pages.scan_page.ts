<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.pages.scan_page</name>
    <message>
      <source>Images and PDF (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.heic *.heif *.pdf)</source>
      <translation>Ảnh và PDF (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.heic *.heif *.pdf)</translation>
    </message>
    <message>
      <source>Colour document</source>
      <translation>Màu tài liệu</translation>
    </message>
    <message>
      <source>Compact colour</source>
      <translation>Màu nén gọn</translation>
    </message>
    <message>
      <source>Grayscale</source>
      <translation>Xám</translation>
    </message>
    <message>
      <source>Black and white</source>
      <translation>Đen trắng</translation>
    </message>
    <message>
      <source>Original photo</source>
      <translation>Ảnh gốc</translation>
    </message>
    <message>
      <source>PDF made: {pages} page(s), {size} of {limit} ({percent}% of the portal's limit)</source>
      <translation>Đã tạo PDF: {pages} trang, {size} / {limit} (bằng {percent}% mức tối đa của cổng)</translation>
    </message>
    <message>
      <source>Add photos or PDF…</source>
      <translation>Thêm ảnh hoặc PDF…</translation>
    </message>
    <message>
      <source>From scanner</source>
      <translation>Từ máy quét</translation>
    </message>
    <message>
      <source>Watch a folder…</source>
      <translation>Theo dõi thư mục…</translation>
    </message>
    <message>
      <source>Separator sheets…</source>
      <translation>Tờ phân cách…</translation>
    </message>
    <message>
      <source>Print one sheet per document with a QR code, to scan a whole stack at once</source>
      <translation>In mỗi giấy tờ một tờ có mã QR, để quét cả chồng giấy tờ một lần</translation>
    </message>
    <message>
      <source>Import a scanned stack…</source>
      <translation>Nhập chồng trang đã quét…</translation>
    </message>
    <message>
      <source>Split scanned pages into the documents by separator sheets or blank pages</source>
      <translation>Tách các trang đã quét thành từng giấy tờ theo tờ phân cách hoặc trang trắng</translation>
    </message>
    <message>
      <source>Rotate left</source>
      <translation>Xoay trái</translation>
    </message>
    <message>
      <source>Rotate right</source>
      <translation>Xoay phải</translation>
    </message>
    <message>
      <source>Corners…</source>
      <translation>Chỉnh góc…</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Xóa</translation>
    </message>
    <message>
      <source>Enhancement mode</source>
      <translation>Chế độ làm rõ ảnh</translation>
    </message>
    <message>
      <source>ID &amp;card: both sides on one A4 page</source>
      <translation>CCCD: hai mặt trên một trang A&amp;4</translation>
    </message>
    <message>
      <source>Make PDF</source>
      <translation>Tạo PDF</translation>
    </message>
    <message>
      <source>C&amp;omponent:</source>
      <translation>Thành &amp;phần:</translation>
    </message>
    <message>
      <source>&amp;Mode:</source>
      <translation>C&amp;hế độ:</translation>
    </message>
    <message>
      <source>Pages of the component</source>
      <translation>Các trang của thành phần</translation>
    </message>
    <message>
      <source>Add photos or scans of the document.</source>
      <translation>Thêm ảnh chụp hoặc bản quét của giấy tờ.</translation>
    </message>
    <message>
      <source>Preview of the page</source>
      <translation>Xem trước trang</translation>
    </message>
    <message>
      <source>Estimated size against the portal limit</source>
      <translation>Dung lượng ước tính so với giới hạn của cổng</translation>
    </message>
    <message>
      <source>Estimated PDF: about {size} of {limit} ({percent}% of the portal's limit)</source>
      <translation>PDF ước tính: khoảng {size} / {limit} (bằng {percent}% mức tối đa của cổng)</translation>
    </message>
    <message>
      <source>Add photos or scans</source>
      <translation>Thêm ảnh chụp hoặc bản quét</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>Đang nhập</translation>
    </message>
    <message>
      <source>Making the PDF</source>
      <translation>Đang tạo PDF</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Xem trước</translation>
    </message>
    <message>
      <source>Remove {count} page(s) from the dossier?</source>
      <translation>Xóa {count} trang khỏi hồ sơ?</translation>
    </message>
    <message>
      <source>Delete pages</source>
      <translation>Xóa trang</translation>
    </message>
    <message>
      <source>Preparing the preview…</source>
      <translation>Đang chuẩn bị bản xem trước…</translation>
    </message>
    <message>
      <source>No pages yet. The portal accepts files up to {limit}.</source>
      <translation>Chưa có trang nào. Cổng nhận tệp tối đa {limit}.</translation>
    </message>
    <message>
      <source>Make PDF lowers the image quality to fit.</source>
      <translation>Khi bấm Tạo PDF, ứng dụng sẽ giảm chất lượng ảnh cho vừa.</translation>
    </message>
    <message>
      <source>“ID card: both sides on one A4 page” needs two pages, the front and the back; this component has {count}. Make the PDF of its page(s) as they are?</source>
      <translation>“CCCD: hai mặt trên một trang A4” cần hai trang, mặt trước và mặt sau; thành phần này có {count} trang. Vẫn tạo PDF từ các trang đang có?</translation>
    </message>
    <message>
      <source>ID card</source>
      <translation>Thẻ căn cước</translation>
    </message>
    <message>
      <source>PDF made for “{component}”.</source>
      <translation>Đã tạo PDF cho “{component}”.</translation>
    </message>
  </context>
</TS>
