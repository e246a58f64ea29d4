<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.signing</name>
    <message>
      <source>sign PDF files (PAdES) with a .p12/.pfx file or a USB token</source>
      <translation>ký số tệp PDF (PAdES) bằng tệp .p12/.pfx hoặc USB token</translation>
    </message>
    <message>
      <source>Sign PDF files, or with --dossier the files of a dossier as they will be uploaded (a component's scanned pages as its one PDF, joined from their PDFs; a file export would merge or compress is refused). With --dossier, --visible is kept with the component and used again the next time it is signed.</source>
      <translation>Ký các tệp PDF, hoặc với --dossier ký các tệp của hồ sơ đúng như khi tải lên cổng (các trang quét của một thành phần thành một PDF, ghép từ PDF của các trang; tệp mà khi xuất sẽ bị gộp hoặc nén lại thì bị từ chối). Với --dossier, chỗ đặt --visible được lưu cùng thành phần và dùng lại ở lần ký sau.</translation>
    </message>
    <message>
      <source>sign the files of this dossier instead of IN.pdf files</source>
      <translation>ký các tệp của hồ sơ này thay cho các tệp IN.pdf</translation>
    </message>
    <message>
      <source>with --dossier: only this component (repeatable; default: every file)</source>
      <translation>với --dossier: chỉ thành phần này (lặp lại được; mặc định: mọi tệp)</translation>
    </message>
    <message>
      <source>with --dossier: portal profile the files are for (default: the dossier's, else dongnai)</source>
      <translation>với --dossier: cổng mà các tệp sẽ nộp lên (mặc định: cổng của hồ sơ, nếu không có thì dongnai)</translation>
    </message>
    <message>
      <source>signed file (one input) or folder (several inputs); default: '&lt;name&gt; (đã ký).pdf'</source>
      <translation>tệp đã ký (một tệp đầu vào) hoặc thư mục (nhiều tệp); mặc định: '&lt;tên&gt; (đã ký).pdf'</translation>
    </message>
    <message>
      <source>certificate file .p12/.pfx</source>
      <translation>tệp chứng thư số .p12/.pfx</translation>
    </message>
    <message>
      <source>sign with a token; MODULE is the PKCS#11 library (found automatically if omitted)</source>
      <translation>ký bằng token; MODULE là thư viện PKCS#11 (tự tìm nếu bỏ trống)</translation>
    </message>
    <message>
      <source>token label (see `hoso tokens`)</source>
      <translation>nhãn của token (xem `hoso tokens`)</translation>
    </message>
    <message>
      <source>certificate label on the token</source>
      <translation>nhãn chứng thư số trên token</translation>
    </message>
    <message>
      <source>stamp page and box in points (default: under the form's signature caption, else the blank space nearest the bottom right of the last page; never over text)</source>
      <translation>trang và khung chữ ký, tính bằng point (mặc định: dưới dòng chữ ký của tờ khai, nếu không có thì ở khoảng trống gần góc dưới bên phải trang cuối nhất; không bao giờ che chữ)</translation>
    </message>
    <message>
      <source>no visible stamp</source>
      <translation>ký ẩn, không hiển thị khung chữ ký</translation>
    </message>
    <message>
      <source>signature or seal image</source>
      <translation>ảnh chữ ký hoặc con dấu</translation>
    </message>
    <message>
      <source>reason for signing</source>
      <translation>lý do ký</translation>
    </message>
    <message>
      <source>place of signing</source>
      <translation>nơi ký</translation>
    </message>
    <message>
      <source>signature field to fill, or name of the new field</source>
      <translation>ô chữ ký cần ký, hoặc tên ô chữ ký mới</translation>
    </message>
    <message>
      <source>timestamp server (repeatable)</source>
      <translation>máy chủ cấp dấu thời gian (có thể lặp lại)</translation>
    </message>
    <message>
      <source>embed certificates and revocation data (PAdES B-LT)</source>
      <translation>nhúng chứng thư số và thông tin thu hồi (PAdES B-LT)</translation>
    </message>
    <message>
      <source>certification signature (form filling allowed)</source>
      <translation>chữ ký chứng nhận (cho phép điền biểu mẫu)</translation>
    </message>
    <message>
      <source>trusted root certificate, used to build the chain for --ltv</source>
      <translation>chứng thư gốc tin cậy, dùng để dựng chuỗi chứng thư cho --ltv</translation>
    </message>
    <message>
      <source>sign even with an expired or not yet valid certificate</source>
      <translation>vẫn ký dù chứng thư số đã hết hạn hoặc chưa có hiệu lực</translation>
    </message>
    <message>
      <source>read the .p12 password from stdin</source>
      <translation>đọc mật khẩu tệp .p12 từ stdin</translation>
    </message>
    <message>
      <source>read the token PIN from stdin</source>
      <translation>đọc mã PIN của token từ stdin</translation>
    </message>
    <message>
      <source>read the password of encrypted PDFs from stdin (after the PIN/password)</source>
      <translation>đọc mật khẩu của tệp PDF được mã hóa từ stdin (sau mã PIN/mật khẩu)</translation>
    </message>
    <message>
      <source>check the signatures of a PDF</source>
      <translation>kiểm tra chữ ký số của tệp PDF</translation>
    </message>
    <message>
      <source>Check every signature and say what changed after signing, version by version. Exit status 0 only when every signature is valid and the file is unchanged since it was signed (archival data and changes a later valid signature covers do not count); 1 otherwise.</source>
      <translation>Kiểm tra mọi chữ ký và cho biết tệp đã thay đổi gì sau khi ký, theo từng phiên bản. Mã thoát 0 chỉ khi mọi chữ ký hợp lệ và tệp không thay đổi từ khi ký (dữ liệu lưu trữ dài hạn và thay đổi đã được một chữ ký hợp lệ sau đó bao phủ thì không tính); 1 trong các trường hợp còn lại.</translation>
    </message>
    <message>
      <source>trusted root certificate (repeatable)</source>
      <translation>chứng thư gốc tin cậy (có thể lặp lại)</translation>
    </message>
    <message>
      <source>intermediate certificates to help build the chain</source>
      <translation>chứng thư trung gian để dựng chuỗi chứng thư</translation>
    </message>
    <message>
      <source>check as of this time</source>
      <translation>kiểm tra tại thời điểm này</translation>
    </message>
    <message>
      <source>fetch OCSP/CRL over the network (without it, revocation is checked only from the data embedded in a B-LT file; either way --trust is needed)</source>
      <translation>tải OCSP/CRL qua mạng (nếu không, tình trạng thu hồi chỉ được kiểm tra từ dữ liệu nhúng trong tệp B-LT; cả hai trường hợp đều cần --trust)</translation>
    </message>
    <message>
      <source>print JSON (always; an unreadable file gives an object with an 'error' key)</source>
      <translation>in JSON (luôn luôn; tệp không đọc được cho một đối tượng có khóa 'error')</translation>
    </message>
    <message>
      <source>write the version of the file that signature N covers (with -o) instead of checking</source>
      <translation>ghi ra phiên bản của tệp mà chữ ký thứ N bao phủ (cùng -o) thay vì kiểm tra</translation>
    </message>
    <message>
      <source>where --signed-version writes (never the file itself)</source>
      <translation>nơi --signed-version ghi ra (không bao giờ là chính tệp đó)</translation>
    </message>
    <message>
      <source>read the PDF password from stdin</source>
      <translation>đọc mật khẩu tệp PDF từ stdin</translation>
    </message>
    <message>
      <source>list PKCS#11 modules, plugged-in tokens and their signing certificates</source>
      <translation>liệt kê các mô-đun PKCS#11, các token đang cắm và chứng thư số dùng để ký trên đó</translation>
    </message>
    <message>
      <source>extra PKCS#11 module to look at (repeatable)</source>
      <translation>thêm thư viện PKCS#11 cần xem (có thể lặp lại)</translation>
    </message>
    <message>
      <source>with several inputs, -o must be a folder</source>
      <translation>khi có nhiều tệp đầu vào, -o phải là một thư mục</translation>
    </message>
    <message>
      <source>--pkcs11 needs --token LABEL (see `hoso tokens`)</source>
      <translation>--pkcs11 cần kèm --token NHÃN (xem `hoso tokens`)</translation>
    </message>
    <message>
      <source>--token and --cert go with --pkcs11</source>
      <translation>--token và --cert chỉ dùng cùng --pkcs11</translation>
    </message>
    <message>
      <source>give the PDF files to sign, or --dossier DOSSIER_DIR</source>
      <translation>hãy cho các tệp PDF cần ký, hoặc --dossier THƯ_MỤC_HỒ_SƠ</translation>
    </message>
    <message>
      <source>--component and --portal go with --dossier</source>
      <translation>--component và --portal chỉ dùng cùng --dossier</translation>
    </message>
    <message>
      <source>--dossier signs the dossier's own files: give no IN.pdf and no -o</source>
      <translation>--dossier ký chính các tệp của hồ sơ: không cho thêm IN.pdf hay -o</translation>
    </message>
    <message>
      <source>the dossier has no file to sign</source>
      <translation>hồ sơ không có tệp nào để ký</translation>
    </message>
    <message>
      <source>--signed-version needs -o OUT.pdf</source>
      <translation>--signed-version cần -o TỆP-RA.pdf</translation>
    </message>
    <message>
      <source>the signed version must be written to a new file</source>
      <translation>bản đã ký phải được ghi ra một tệp mới</translation>
    </message>
    <message>
      <source>No PKCS#11 module found. Install your CA's token driver, or give --module.</source>
      <translation>Không tìm thấy thư viện PKCS#11 nào. Hãy cài driver token của nhà cung cấp chữ ký số, hoặc chỉ định --module.</translation>
    </message>
    <message>
      <source>usable</source>
      <translation>dùng được</translation>
    </message>
    <message>
      <source>no secret given on stdin</source>
      <translation>không có mật khẩu/mã PIN nào trên stdin</translation>
    </message>
    <message>
      <source>PIN of token {label}: </source>
      <translation>Mã PIN của token {label}: </translation>
    </message>
    <message>
      <source>no PKCS#11 module found with a token labelled {label}; give the module path</source>
      <translation>không tìm thấy thư viện PKCS#11 nào có token mang nhãn {label}; hãy chỉ định đường dẫn thư viện</translation>
    </message>
    <message>
      <source>--at expects an ISO time such as 2020-11-01 or 2020-11-01T10:00:00+07:00</source>
      <translation>--at cần thời điểm dạng ISO, ví dụ 2020-11-01 hoặc 2020-11-01T10:00:00+07:00</translation>
    </message>
    <message>
      <source>Password of {file}: </source>
      <translation>Mật khẩu của {file}: </translation>
    </message>
    <message>
      <source>no such component in the dossier: {id}</source>
      <translation>hồ sơ không có thành phần: {id}</translation>
    </message>
    <message>
      <source>issued by</source>
      <translation>cấp bởi</translation>
    </message>
    <message>
      <source>Claimed signing time</source>
      <translation>Thời gian ký (theo người ký)</translation>
    </message>
    <message>
      <source>timestamp</source>
      <translation>dấu thời gian</translation>
    </message>
    <message>
      <source>Intact</source>
      <translation>Nguyên vẹn</translation>
    </message>
    <message>
      <source>valid</source>
      <translation>hợp lệ</translation>
    </message>
    <message>
      <source>trusted</source>
      <translation>tin cậy</translation>
    </message>
    <message>
      <source>changes after signing</source>
      <translation>thay đổi sau khi ký</translation>
    </message>
    <message>
      <source>PIN locked</source>
      <translation>mã PIN đã bị khóa</translation>
    </message>
    <message>
      <source>--visible expects PAGE/x1,y1,x2,y2, e.g. 1/350,40,570,110; got {text}</source>
      <translation>--visible cần dạng TRANG/x1,y1,x2,y2, ví dụ 1/350,40,570,110; nhận được {text}</translation>
    </message>
    <message>
      <source>Algorithms</source>
      <translation>Thuật toán</translation>
    </message>
    <message>
      <source>last PIN try</source>
      <translation>còn 1 lần thử mã PIN</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>Token</translation>
    </message>
    <message>
      <source>Signed version: {n} of {total}</source>
      <translation>Phiên bản được ký: {n} trên {total}</translation>
    </message>
    <message>
      <source>few PIN tries left</source>
      <translation>còn ít lần thử mã PIN</translation>
    </message>
    <message>
      <source>Certificate</source>
      <translation>Chứng thư số</translation>
    </message>
    <message>
      <source>{count} other certificate(s) on the token (the CA's chain), not for signing</source>
      <translation>{count} chứng thư khác trên token (chuỗi chứng thư của CA), không dùng để ký</translation>
    </message>
  </context>
</TS>
