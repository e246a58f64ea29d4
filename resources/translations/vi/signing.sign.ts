<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>signing.sign</name>
    <message>
      <source>signing failed because of an unexpected problem (technical details in the log)</source>
      <translation>ký không thành công do một lỗi không lường trước (chi tiết kỹ thuật trong tệp nhật ký)</translation>
    </message>
    <message>
      <source>Reading the PDF</source>
      <translation>Đang đọc tệp PDF</translation>
    </message>
    <message>
      <source>the PDF is protected by a password; give the password to sign it</source>
      <translation>tệp PDF được bảo vệ bằng mật khẩu; hãy nhập mật khẩu để ký</translation>
    </message>
    <message>
      <source>the PDF is encrypted for a certificate; this kind cannot be signed here</source>
      <translation>tệp PDF được mã hóa bằng chứng thư số; loại tệp này không ký được ở đây</translation>
    </message>
    <message>
      <source>the PDF is certified with 'no changes allowed': any new signature would invalidate the certification</source>
      <translation>tệp PDF đã được chứng nhận với chế độ «không cho phép thay đổi»: ký thêm sẽ làm mất hiệu lực chứng nhận</translation>
    </message>
    <message>
      <source>the timestamp server (TSA) did not answer; check the network and the TSA address in the settings</source>
      <translation>máy chủ cấp dấu thời gian (TSA) không phản hồi; hãy kiểm tra mạng và địa chỉ TSA trong phần cài đặt</translation>
    </message>
    <message>
      <source>the certificate was revoked by its CA; it can no longer sign</source>
      <translation>chứng thư số đã bị nhà cung cấp thu hồi; không thể dùng để ký nữa</translation>
    </message>
    <message>
      <source>cannot collect the certificate chain and revocation data for long-term validation (B-LT): an intermediate certificate is missing or the CA's OCSP/CRL server cannot be reached; add the root with --trust or sign at level B-T</source>
      <translation>không thu thập được chuỗi chứng thư số và thông tin thu hồi để kiểm tra lâu dài (B-LT): thiếu chứng thư trung gian hoặc không kết nối được máy chủ OCSP/CRL của nhà cung cấp; hãy thêm chứng thư gốc bằng --trust hoặc ký ở mức B-T</translation>
    </message>
    <message>
      <source>signing failed: the signing library refused the signature (technical details in the log)</source>
      <translation>ký không thành công: thư viện ký số từ chối tạo chữ ký (chi tiết kỹ thuật trong tệp nhật ký)</translation>
    </message>
    <message>
      <source>the signed copy must be a new file, not the original</source>
      <translation>bản đã ký phải là một tệp mới, không được ghi đè tệp gốc</translation>
    </message>
    <message>
      <source>the PDF's certification data is damaged</source>
      <translation>dữ liệu chứng nhận của tệp PDF bị hỏng</translation>
    </message>
    <message>
      <source>the PDF is certified: a new visible signature would break the certification; sign into an existing empty signature field or sign invisibly</source>
      <translation>tệp PDF đã được chứng nhận: thêm chữ ký hiển thị mới sẽ làm mất hiệu lực chứng nhận; hãy ký vào ô chữ ký trống có sẵn hoặc ký ẩn</translation>
    </message>
    <message>
      <source>{name} (signed)</source>
      <translation>{name} (đã ký)</translation>
    </message>
    <message>
      <source>signature level {level} needs a timestamp server (TSA) address</source>
      <translation>mức chữ ký {level} cần địa chỉ máy chủ cấp dấu thời gian (TSA)</translation>
    </message>
    <message>
      <source>could not write the signed copy: {reason}</source>
      <translation>không ghi được bản đã ký: {reason}</translation>
    </message>
    <message>
      <source>Writing the signed copy</source>
      <translation>Đang ghi bản đã ký</translation>
    </message>
    <message>
      <source>the signature field {name} is already signed</source>
      <translation>ô chữ ký {name} đã được ký</translation>
    </message>
  </context>
</TS>
