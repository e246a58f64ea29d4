<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>ui.dialogs</name>
    <message>
      <source>No program on this computer could open it. It is here:
{path}</source>
      <translation>Không có chương trình nào trên máy này mở được. Nó nằm ở đây:
{path}</translation>
    </message>
    <message>
      <source>No web browser could be started. Open this address in your browser:
{url}</source>
      <translation>Không mở được trình duyệt web. Hãy mở địa chỉ này trong trình duyệt:
{url}</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>Đồng ý</translation>
    </message>
    <message>
      <source>Cannot open</source>
      <translation>Không mở được</translation>
    </message>
  </context>
</TS>
