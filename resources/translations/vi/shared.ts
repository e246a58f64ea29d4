<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>shared</name>
    <message>
      <source>(top level)</source>
      <translation>(cấp ngoài cùng)</translation>
    </message>
    <message>
      <source>ACTION</source>
      <translation>THAO_TÁC</translation>
    </message>
    <message>
      <source>Applicant</source>
      <translation>Người nộp</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Chọn…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Hủy</translation>
    </message>
    <message>
      <source>Cancelled by the user.</source>
      <translation>Người dùng đã hủy.</translation>
    </message>
    <message>
      <source>Catalog {version} imported: {count} procedures.</source>
      <translation>Đã nhập danh mục {version}: {count} thủ tục.</translation>
    </message>
    <message>
      <source>Checklist of the dossier components</source>
      <translation>Danh mục kiểm tra các thành phần hồ sơ</translation>
    </message>
    <message>
      <source>Choose the certificate file</source>
      <translation>Chọn tệp chứng thư số</translation>
    </message>
    <message>
      <source>Choose the stamp image</source>
      <translation>Chọn ảnh chữ ký</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Đóng</translation>
    </message>
    <message>
      <source>Corners can only be given for a single image.</source>
      <translation>Chỉ có thể chỉ định các góc cho một ảnh duy nhất.</translation>
    </message>
    <message>
      <source>Could not write the file: {reason}</source>
      <translation>Không ghi được tệp: {reason}</translation>
    </message>
    <message>
      <source>Digital signature</source>
      <translation>Ký số</translation>
    </message>
    <message>
      <source>Documents to prepare</source>
      <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Đã xong</translation>
    </message>
    <message>
      <source>Dossier component</source>
      <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
      <source>Enter the postal address for the result.</source>
      <translation>Hãy nhập địa chỉ nhận kết quả qua bưu chính.</translation>
    </message>
    <message>
      <source>Exported files</source>
      <translation>Các tệp đã xuất</translation>
    </message>
    <message>
      <source>Fee payment</source>
      <translation>Nộp phí, lệ phí</translation>
    </message>
    <message>
      <source>Fees and charges</source>
      <translation>Phí, lệ phí</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Tệp</translation>
    </message>
    <message>
      <source>Hồ sơ số</source>
      <translation>Hồ sơ số</translation>
    </message>
    <message>
      <source>Implementing agencies</source>
      <translation>Cơ quan thực hiện</translation>
    </message>
    <message>
      <source>Implementing level</source>
      <translation>Cấp thực hiện</translation>
    </message>
    <message>
      <source>Incomplete dossier: not ready to submit.</source>
      <translation>Hồ sơ chưa đầy đủ: chưa thể nộp.</translation>
    </message>
    <message>
      <source>Legal basis</source>
      <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>Mức chữ ký</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source>No input files.</source>
      <translation>Chưa có tệp đầu vào.</translation>
    </message>
    <message>
      <source>No procedure chosen yet.</source>
      <translation>Chưa chọn thủ tục.</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>STT</translation>
    </message>
    <message>
      <source>Not confirmed by an official source: ask the one-stop shop.</source>
      <translation>Chưa được nguồn chính thức xác nhận: hãy hỏi bộ phận một cửa.</translation>
    </message>
    <message>
      <source>Online service levels</source>
      <translation>Mức độ dịch vụ công trực tuyến</translation>
    </message>
    <message>
      <source>Open dossier folder</source>
      <translation>Mở thư mục hồ sơ</translation>
    </message>
    <message>
      <source>Open log folder</source>
      <translation>Mở thư mục nhật ký</translation>
    </message>
    <message>
      <source>Opening the form</source>
      <translation>Đang mở tờ khai</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Trang</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Số trang</translation>
    </message>
    <message>
      <source>Portal</source>
      <translation>Cổng dịch vụ công</translation>
    </message>
    <message>
      <source>Procedure</source>
      <translation>Thủ tục</translation>
    </message>
    <message>
      <source>Procedure code</source>
      <translation>Mã thủ tục</translation>
    </message>
    <message>
      <source>Procedure field</source>
      <translation>Lĩnh vực</translation>
    </message>
    <message>
      <source>Procedure result</source>
      <translation>Kết quả thực hiện</translation>
    </message>
    <message>
      <source>Procedure steps</source>
      <translation>Trình tự thực hiện</translation>
    </message>
    <message>
      <source>Procedure {code} is not in the catalog.</source>
      <translation>Thủ tục {code} không có trong danh mục.</translation>
    </message>
    <message>
      <source>Processing time</source>
      <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
      <source>Ready to export.</source>
      <translation>Sẵn sàng để xuất.</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Kết quả</translation>
    </message>
    <message>
      <source>Result delivery</source>
      <translation>Cách nhận kết quả</translation>
    </message>
    <message>
      <source>Revocation (OCSP/CRL)</source>
      <translation>Tình trạng thu hồi (OCSP/CRL)</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lưu</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Đã lưu.</translation>
    </message>
    <message>
      <source>Saving</source>
      <translation>Đang lưu</translation>
    </message>
    <message>
      <source>Signed</source>
      <translation>Ký số</translation>
    </message>
    <message>
      <source>Signed part</source>
      <translation>Phần được ký</translation>
    </message>
    <message>
      <source>Signed version</source>
      <translation>Bản đã ký</translation>
    </message>
    <message>
      <source>Signer</source>
      <translation>Người ký</translation>
    </message>
    <message>
      <source>Signing</source>
      <translation>Đang ký</translation>
    </message>
    <message>
      <source>Signing {name}</source>
      <translation>Đang ký {name}</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <source>The procedure is not in the catalog.</source>
      <translation>Thủ tục không có trong danh mục.</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Hoàn tác</translation>
    </message>
    <message>
      <source>Version {n} ({state}):</source>
      <translation>Phiên bản {n} ({state}):</translation>
    </message>
    <message>
      <source>Writing the values</source>
      <translation>Đang ghi các giá trị</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>a signature was added (field {field})</source>
      <translation>một chữ ký được thêm vào (ô {field})</translation>
    </message>
    <message>
      <source>a whole number is expected</source>
      <translation>cần một số nguyên</translation>
    </message>
    <message>
      <source>an object is expected</source>
      <translation>cần một đối tượng (object)</translation>
    </message>
    <message>
      <source>archival data only</source>
      <translation>chỉ dữ liệu lưu trữ dài hạn</translation>
    </message>
    <message>
      <source>cannot create the folder: {reason}</source>
      <translation>không tạo được thư mục: {reason}</translation>
    </message>
    <message>
      <source>cannot read the file: {reason}</source>
      <translation>không đọc được tệp: {reason}</translation>
    </message>
    <message>
      <source>compressed</source>
      <translation>đã nén</translation>
    </message>
    <message>
      <source>file not found</source>
      <translation>không tìm thấy tệp</translation>
    </message>
    <message>
      <source>invalid data in field {field}: {problem}</source>
      <translation>dữ liệu không hợp lệ ở trường {field}: {problem}</translation>
    </message>
    <message>
      <source>must not be empty</source>
      <translation>không được để trống</translation>
    </message>
    <message>
      <source>not a readable PDF file</source>
      <translation>không phải tệp PDF đọc được</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <translation>không phải là tệp thông thường</translation>
    </message>
    <message>
      <source>not covered by any later signature</source>
      <translation>không có chữ ký nào sau đó bao phủ</translation>
    </message>
    <message>
      <source>not valid JSON (line {line}, column {col})</source>
      <translation>không phải JSON hợp lệ (dòng {line}, cột {col})</translation>
    </message>
    <message>
      <source>nothing to upload</source>
      <translation>không có tệp để tải lên</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>không bắt buộc</translation>
    </message>
    <message>
      <source>page(s)</source>
      <translation>trang</translation>
    </message>
    <message>
      <source>print JSON</source>
      <translation>in kết quả dạng JSON</translation>
    </message>
    <message>
      <source>procedure code, e.g. 1.001193</source>
      <translation>mã thủ tục, ví dụ 1.001193</translation>
    </message>
    <message>
      <source>required</source>
      <translation>bắt buộc</translation>
    </message>
    <message>
      <source>required field is missing</source>
      <translation>thiếu trường bắt buộc</translation>
    </message>
    <message>
      <source>signed afterwards by {name}</source>
      <translation>đã được {name} ký sau đó</translation>
    </message>
    <message>
      <source>signed, unchanged</source>
      <translation>đã ký số, giữ nguyên</translation>
    </message>
    <message>
      <source>text is expected</source>
      <translation>cần một chuỗi văn bản</translation>
    </message>
    <message>
      <source>the PDF has no pages</source>
      <translation>tệp PDF không có trang nào</translation>
    </message>
    <message>
      <source>the PDF is protected by a password</source>
      <translation>tệp PDF được bảo vệ bằng mật khẩu</translation>
    </message>
    <message>
      <source>the component id is empty</source>
      <translation>mã thành phần đang để trống</translation>
    </message>
    <message>
      <source>the file is empty</source>
      <translation>tệp trống</translation>
    </message>
    <message>
      <source>the output must not replace the original form</source>
      <translation>tệp kết quả không được ghi đè lên tờ khai gốc</translation>
    </message>
    <message>
      <source>the value does not fit in its blank: write it by hand</source>
      <translation>giá trị không vừa chỗ trống: hãy điền tay</translation>
    </message>
    <message>
      <source>unknown portal profile: {id}</source>
      <translation>không có cấu hình cổng: {id}</translation>
    </message>
    <message>
      <source>unknown procedure code: {code}</source>
      <translation>mã thủ tục không có trong danh mục: {code}</translation>
    </message>
    <message>
      <source>unverified value</source>
      <translation>chưa kiểm chứng</translation>
    </message>
    <message>
      <source>wrong password for the PDF</source>
      <translation>mật khẩu của tệp PDF không đúng</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>có</translation>
    </message>
    <message>
      <source>{count} copies</source>
      <translation>{count} bản</translation>
    </message>
    <message>
      <source>{count} value(s) need checking.</source>
      <translation>{count} giá trị cần kiểm tra.</translation>
    </message>
    <message>
      <source>{size} MB</source>
      <translation>{size} MB</translation>
    </message>
    <message>
      <source>{value!r} does not name a field</source>
      <translation>{value!r} không phải tên một trường dữ liệu</translation>
    </message>
    <message>
      <source>{value!r} is not a file extension like "pdf"</source>
      <translation>{value!r} không phải phần mở rộng tệp dạng "pdf"</translation>
    </message>
  </context>
</TS>
