<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
  <context>
    <name>desktop.commands.scan</name>
    <message>
      <source>the rotation must be 0, 90, 180, 270 or auto</source>
      <translation>góc xoay phải là 0, 90, 180, 270 hoặc auto</translation>
    </message>
    <message>
      <source>the corners must be 8 numbers: x1,y1,x2,y2,x3,y3,x4,y4</source>
      <translation>các góc phải gồm 8 số: x1,y1,x2,y2,x3,y3,x4,y4</translation>
    </message>
    <message>
      <source>turn photos, scans or PDF pages into a clean PDF at true paper size</source>
      <translation>biến ảnh chụp, bản quét hoặc trang PDF thành PDF sạch đúng khổ giấy thật</translation>
    </message>
    <message>
      <source>images or PDFs</source>
      <translation>ảnh hoặc tệp PDF</translation>
    </message>
    <message>
      <source>output PDF</source>
      <translation>tệp PDF đầu ra</translation>
    </message>
    <message>
      <source>paper size</source>
      <translation>khổ giấy</translation>
    </message>
    <message>
      <source>enhancement mode; color stores text pages compact (sharp 1-bit text, colours and paper as small JPEGs) when that is smaller, compact always does</source>
      <translation>chế độ làm rõ ảnh; color lưu trang chữ ở dạng nén gọn (chữ 1-bit sắc nét, màu mực và nền giấy là hai ảnh JPEG nhỏ) khi dạng đó nhẹ hơn, compact luôn lưu dạng nén gọn</translation>
    </message>
    <message>
      <source>output resolution (200 pages, 300 cards)</source>
      <translation>độ phân giải đầu ra (200 cho trang giấy, 300 cho thẻ)</translation>
    </message>
    <message>
      <source>size limit of the PDF, e.g. 5MB</source>
      <translation>giới hạn dung lượng PDF, ví dụ 5MB</translation>
    </message>
    <message>
      <source>corners x1,y1,...,x4,y4 (one image)</source>
      <translation>các góc x1,y1,...,x4,y4 (một ảnh)</translation>
    </message>
    <message>
      <source>0, 90, 180, 270 or auto</source>
      <translation>0, 90, 180, 270 hoặc auto</translation>
    </message>
    <message>
      <source>front and back of an ID card on one A4 page</source>
      <translation>mặt trước và mặt sau thẻ căn cước trên một trang A4</translation>
    </message>
    <message>
      <source>one PDF per input file, in the folder given by -o</source>
      <translation>mỗi tệp đầu vào một PDF, trong thư mục chỉ định bằng -o</translation>
    </message>
    <message>
      <source>scan from a SANE device, e.g. test</source>
      <translation>quét từ thiết bị SANE, ví dụ test</translation>
    </message>
    <message>
      <source>worker processes (default 2)</source>
      <translation>số tiến trình xử lý (mặc định 2)</translation>
    </message>
    <message>
      <source>find the corners of the document in a photo (JSON)</source>
      <translation>tìm các góc của giấy tờ trong ảnh chụp (JSON)</translation>
    </message>
    <message>
      <source>--id-card takes exactly the front and the back images.</source>
      <translation>--id-card cần đúng hai ảnh: mặt trước và mặt sau.</translation>
    </message>
    <message>
      <source>not a size: {value}</source>
      <translation>không phải dung lượng hợp lệ: {value}</translation>
    </message>
  </context>
</TS>
