//! The user's guide ("Hướng dẫn sử dụng"): a short text in Vietnamese on the year's work, each
//! tab, the handover and where the files are. The window shows it with a search (F1) and it
//! prints like any document.

use super::document::{Block, Closing, Document, DraftMark, Meta};

/// The guide's sections: a heading, then its paragraphs, one per line.
pub const SECTIONS: &[(&str, &str)] = &[
    (
        "1. Một năm thi đua trong chương trình",
        "Đầu năm: áp dụng bảng điểm (thẻ Chấm điểm), nhập chỉ tiêu đăng ký và công trình, phần việc trọng điểm của từng đơn vị (thẻ Chỉ tiêu), soạn Kế hoạch ở thẻ Báo cáo (chọn “Kế hoạch”), rồi xuất Kế hoạch và Bản ký kết giao ước thi đua.
Giữa năm: chọn kỳ “6 tháng đầu năm” ở thẻ Chỉ tiêu để nhập kết quả 6 tháng; ở thẻ Báo cáo chọn “Sơ kết 6 tháng đầu năm” để soạn báo cáo sơ kết từ kết quả đó (so với kế hoạch năm), ghi hội nghị sơ kết (cả đơn vị và đại biểu dự) và xuất biên bản, như báo cáo tổng kết.
Cuối năm: nhập kết quả cả năm, đoạn thành tích, điểm tự chấm, khối chấm và thống nhất; soạn và thông qua báo cáo tổng kết; ghi thông tin hội nghị; bình xét, bỏ phiếu và lập tờ trình đề nghị khen thưởng.
Kết thúc: bàn giao nhiệm vụ Trưởng khối cùng tệp dữ liệu cho đơn vị năm sau (thẻ Bàn giao).
Thẻ Việc cần làm cho biết năm đang mở còn thiếu gì; bấm “Mở thẻ …” để đến đúng chỗ cần làm.",
    ),
    (
        "2. Thành viên",
        "Thêm, đổi tên (theo năm), sáp nhập hoặc cho rời khối các đơn vị thành viên. Tên thủ trưởng và chức vụ được in ở chữ ký của các văn bản, nhất là Bản ký kết giao ước.",
    ),
    (
        "3. Chỉ tiêu",
        "Bảng nhập như Excel: bấm vào ô để sửa, Tab hoặc Enter để lưu và sang ô kế tiếp, Shift+Tab để lùi, Esc để hủy. Số gõ theo kiểu Việt Nam: 1.128 hoặc 3.611,73.
Kế hoạch có thể gõ “Trên 4”, “Dưới 3”, “Từ 5 trở lên”, “Không quá 2”, “6,6-6,8”, “Khoảng 4”, “100%” hoặc “Không để xảy ra”; cột Đánh giá cho biết Vượt, Đạt hay Không đạt.
Có thể chép một khối ô từ Excel rồi dán vào ô đang sửa (Ctrl+V); nút “Chép bảng” chép các dòng đang hiện để dán sang Excel.
Nút “Lịch sử” trên mỗi dòng cho xem số liệu các năm của chỉ tiêu đó, kèm biểu đồ; nút “Biểu đồ” cho xem tỷ lệ chỉ tiêu đạt kế hoạch của từng đơn vị.",
    ),
    (
        "4. Chấm điểm",
        "Áp dụng bảng điểm mẫu rồi sửa theo hướng dẫn chấm điểm của Khối (Sửa bảng điểm…). Chọn giai đoạn Tự chấm, Khối chấm hoặc Thống nhất rồi nhập điểm như bảng Chỉ tiêu; điểm thưởng, điểm trừ có thể gõ theo số lần (“2 lần”).
Nếu Khối chấm chéo, bật “Chấm chéo” trong phần sửa bảng điểm; ở giai đoạn Khối chấm, chọn đơn vị chấm để nhập điểm đơn vị đó chấm các đơn vị khác. Điểm khối chấm là trung bình điểm các đơn vị khác chấm.
Bảng xếp hạng ở dưới cho biết hạng, xếp loại và cách phân định khi bằng điểm.",
    ),
    (
        "5. Khen thưởng",
        "Danh mục danh hiệu (số lượng được đề nghị, tỷ lệ phiếu cần đạt) sửa ở “Danh mục danh hiệu…”. “Đề xuất theo xếp hạng” gợi ý đơn vị được đề nghị; sau khi bỏ phiếu kín, nhập số phiếu đồng ý của từng đơn vị: chương trình cho biết đơn vị nào đạt.
Xuất tờ trình, biên bản họp bình xét, biên bản kiểm phiếu và phiếu bầu (hai phiếu khổ A5 trên một tờ A4, cắt đôi).",
    ),
    (
        "6. Báo cáo và hội nghị",
        "“Tạo dự thảo từ số liệu” soạn báo cáo tổng kết từ chỉ tiêu, thành tích và kết quả chấm điểm; sửa từng phần, lưu phiên bản, ghi ý kiến tại hội nghị và cách tiếp thu, rồi thông qua.
Phần Hội nghị tổng kết ghi ngày, địa điểm, chủ tọa, thư ký, khách mời và kết luận để in biên bản và tin bài.",
    ),
    (
        "7. Xuất văn bản, Excel và xem trước",
        "Mọi văn bản xuất ra PDF hoặc Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP; chọn định dạng trong hộp thoại xuất. Tệp › Xuất PDF… (Ctrl+P) mở báo cáo tổng kết; ở mục “Văn bản:” chọn văn bản khác của năm: kế hoạch, giao ước, báo cáo sơ kết 6 tháng và biên bản hội nghị sơ kết, biên bản hội nghị tổng kết, tin bài. “Xem trước” cho xem các trang trước khi xuất (Ctrl+Shift+P). Sau khi xuất, “Mở tệp” và “Mở thư mục” mở ngay tệp vừa ghi.
Tệp › Xuất Excel… ghi bảng chỉ tiêu, xếp hạng, bảng điểm và đề nghị khen thưởng. Tệp › Xuất mẫu báo cáo số liệu… ghi cho mỗi đơn vị một tệp Excel để điền; Tệp › Nhập số liệu từ Excel… đọc lại tệp đã điền, cho xem trước mọi thay đổi rồi mới ghi.
Tệp › Tổng hợp các khối… tổng hợp tệp dữ liệu của nhiều khối để so sánh (dành cho Ban Thi đua - Khen thưởng tỉnh).",
    ),
    (
        "8. Bàn giao",
        "Thẻ Bàn giao kiểm tra các việc cuối năm, rồi khóa năm đang mở, mở năm sau và ghi một tệp dữ liệu riêng cho đơn vị nhận cùng biên bản bàn giao. Mã kiểm tra (SHA-256) in trong biên bản để đơn vị nhận so với tệp nhận được.
Đơn vị nhận mở tệp bằng Tệp › Mở…: chương trình kiểm tra tệp và làm việc trên một bản sao, không sửa tệp gốc.",
    ),
    (
        "9. Tệp dữ liệu, sao lưu và hoàn tác",
        "Mọi thay đổi được lưu ngay vào tệp dữ liệu; Ctrl+Z để hoàn tác, Ctrl+Y để làm lại. Chương trình tự sao lưu trước những việc lớn (bàn giao, khôi phục, nâng cấp tệp) và giữ 10 bản gần nhất; Tệp › Khôi phục từ bản sao lưu… để quay lại.
Mỗi tệp chỉ sửa được ở một cửa sổ; cửa sổ thứ hai chỉ được xem.",
    ),
    (
        "10. Phím tắt",
        "Ctrl+1 đến Ctrl+7: chuyển thẻ. Ctrl+O: mở tệp. Ctrl+P: xuất PDF. Ctrl+S: xác nhận đã lưu. Ctrl+Z, Ctrl+Y: hoàn tác, làm lại. Ctrl+= và Ctrl+-: chữ to hơn, nhỏ hơn. F1: hướng dẫn này.",
    ),
];

/// The guide as a printable document.
pub fn guide_document() -> Document {
    let mut blocks = Vec::new();
    for (heading, body) in SECTIONS {
        blocks.push(Block::Heading((*heading).to_owned()));
        blocks.extend(
            body.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| Block::Paragraph(l.trim().to_owned())),
        );
    }
    let title = "Hướng dẫn sử dụng chương trình Khối thi đua".to_owned();
    Document {
        meta: Meta {
            title: title.clone(),
            author: "Khối thi đua".to_owned(),
            subject: title.clone(),
        },
        parent_body: String::new(),
        issuing_body: String::new(),
        number: String::new(),
        place_date: format!("Phiên bản {}", env!("CARGO_PKG_VERSION")),
        doc_type: String::new(),
        subject: title,
        blocks,
        closing: Closing::default(),
        appendices: Vec::new(),
        landscape: false,
        plain: true,
        draft: DraftMark::None,
        two_up: false,
    }
}

/// The sections whose heading or text matches `search` (accents optional), all when empty.
pub fn matching(search: &str) -> Vec<(&'static str, &'static str)> {
    SECTIONS
        .iter()
        .filter(|(h, b)| {
            crate::text::collate::matches_search(h, search)
                || crate::text::collate::matches_search(b, search)
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_finds_a_section_with_or_without_accents() {
        assert_eq!(matching("").len(), SECTIONS.len());
        let found = matching("cham cheo");
        assert!(
            found.iter().any(|(h, _)| h.contains("Chấm điểm")),
            "{found:?}"
        );
        assert!(matching("không có chữ này").is_empty());
    }
}
