<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.dossier</name>
    <message>
      <source>create and inspect dossier folders</source>
      <translation>tạo và xem thư mục hồ sơ</translation>
    </message>
    <message>
      <source>create a new dossier folder</source>
      <translation>tạo thư mục hồ sơ mới</translation>
    </message>
    <message>
      <source>applicant profile (JSON)</source>
      <translation>hồ sơ cá nhân người nộp (JSON)</translation>
    </message>
    <message>
      <source>title of the dossier</source>
      <translation>tiêu đề của hồ sơ</translation>
    </message>
    <message>
      <source>add files to a component of a dossier</source>
      <translation>thêm tệp vào một thành phần hồ sơ</translation>
    </message>
    <message>
      <source>component number in the procedure, or its id</source>
      <translation>số thứ tự thành phần trong thủ tục, hoặc mã của nó</translation>
    </message>
    <message>
      <source>show a dossier</source>
      <translation>xem một hồ sơ</translation>
    </message>
    <message>
      <source>pack a dossier into one .hoso file</source>
      <translation>đóng gói hồ sơ thành một tệp .hoso</translation>
    </message>
    <message>
      <source>leave out the export/ folder</source>
      <translation>không kèm thư mục export/</translation>
    </message>
    <message>
      <source>replace an existing file</source>
      <translation>ghi đè tệp đã có</translation>
    </message>
    <message>
      <source>unpack a .hoso file into a new folder</source>
      <translation>giải nén tệp .hoso vào một thư mục mới</translation>
    </message>
    <message>
      <source>list the dossiers of a folder</source>
      <translation>liệt kê các hồ sơ trong một thư mục</translation>
    </message>
    <message>
      <source>folder holding dossiers (default: the dossier root)</source>
      <translation>thư mục chứa các hồ sơ (mặc định: thư mục hồ sơ chung)</translation>
    </message>
    <message>
      <source>Note: dossier.json was damaged; the backup copy was opened.</source>
      <translation>Lưu ý: tệp dossier.json bị hỏng; đã mở bản sao lưu.</translation>
    </message>
    <message>
      <source>the file already exists (use --force to replace it)</source>
      <translation>tệp đã tồn tại (dùng --force để ghi đè)</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Bước</translation>
    </message>
    <message>
      <source>Modified</source>
      <translation>Sửa lần cuối</translation>
    </message>
    <message>
      <source>Revision</source>
      <translation>Phiên bản lưu</translation>
    </message>
    <message>
      <source>file(s)</source>
      <translation>tệp</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>bỏ qua</translation>
    </message>
  </context>
</TS>
