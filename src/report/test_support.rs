//! Helpers shared by the report's unit tests: the embedded fonts parsed once, a small but
//! complete sample report and its parts, and ways to lay a document out and look into the
//! result. The layout tests of every concern and the PDF writer's tests build on the same
//! documents, so they are defined once here.

use std::sync::OnceLock;

use crate::report::document::{
    Align, Block, Closing, Column, Document, DraftMark, Meta, Signature, Table, TableRow,
};
use crate::report::fonts::{FontSet, FontStyle};
use crate::report::layout::{Layout, TextRun, layout};

/// The embedded fonts, parsed once for all tests.
pub(crate) fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(FontSet::liberation_serif)
}

pub(crate) const SENTENCE: &str = "Khối thi đua Kinh tế ngành gồm Sở Tài nguyên và Môi trường, \
    Sở Nông nghiệp và Phát triển nông thôn, Sở Công Thương và Cục Thuế tỉnh; năm 2020 đã cấp \
    1.128 giấy chứng nhận quyền sử dụng đất với tổng diện tích 3.611,73 ha.";

/// A small but complete report, as the program builds it.
pub(crate) fn sample_document() -> Document {
    Document {
        meta: Meta {
            title: "Báo cáo tổng kết năm 2020".into(),
            author: "Khối thi đua Kinh tế ngành".into(),
            subject: "Tổng kết công tác thi đua, khen thưởng".into(),
        },
        parent_body: "UBND tỉnh Hà Giang".into(),
        issuing_body: "Khối thi đua\nKinh tế ngành".into(),
        number: "Số: 01/BC-KTN".into(),
        place_date: "Hà Giang, ngày 16 tháng 12 năm 2020".into(),
        doc_type: "Báo cáo".into(),
        subject: "Tổng kết công tác thi đua, khen thưởng năm 2020 và phương hướng, \
                  nhiệm vụ năm 2021 của Khối thi đua Kinh tế ngành"
            .into(),
        blocks: vec![
            Block::Heading("I. ĐẶC ĐIỂM TÌNH HÌNH".into()),
            Block::Paragraph(SENTENCE.into()),
            Block::Heading("II. KẾT QUẢ THỰC HIỆN".into()),
            Block::Table(Table {
                title: Some("PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU".into()),
                subtitle: None,
                columns: vec![
                    column("STT", 0.6, Align::Center),
                    column("Chỉ tiêu", 4.0, Align::Left),
                    column("Kết quả", 1.4, Align::Right),
                ],
                rows: vec![
                    TableRow::Group("Sở Tài nguyên và Môi trường".into()),
                    cells(&["1", "Cấp giấy chứng nhận quyền sử dụng đất", "1.128"]),
                    cells(&["2", "Diện tích được cấp giấy (ha)", "3.611,73"]),
                ],
                landscape: false,
                font_size: 12.0,
            }),
        ],
        closing: closing(),
        appendices: Vec::new(),
        landscape: false,
        plain: false,
        draft: DraftMark::None,
        two_up: false,
    }
}

pub(crate) fn closing() -> Closing {
    Closing {
        recipients: vec![
            "Ban Thi đua - Khen thưởng tỉnh".into(),
            "Các đơn vị thành viên Khối".into(),
            "Lưu: VT".into(),
        ],
        signatures: vec![Signature {
            authority: "TM. Khối thi đua Kinh tế ngành".into(),
            position: "Trưởng khối".into(),
            signer: "Nguyễn Văn Hùng".into(),
        }],
    }
}

/// A table column, as the program builds them ([`Column::new`]), under a short name for
/// the many tables the tests write.
pub(crate) fn column(title: &str, width: f32, align: Align) -> Column {
    Column::new(title, width, align)
}

/// A portrait table in 12 pt without caption.
pub(crate) fn table(columns: Vec<Column>, rows: Vec<TableRow>) -> Table {
    Table {
        title: None,
        subtitle: None,
        columns,
        rows,
        landscape: false,
        font_size: 12.0,
    }
}

/// The columns of the indicator appendix, with the weights the report gives them.
pub(crate) fn indicator_columns() -> Vec<Column> {
    [
        ("STT", 0.6, Align::Center),
        ("Chỉ tiêu", 4.2, Align::Left),
        ("Đơn vị tính", 1.3, Align::Center),
        ("Kế hoạch", 1.3, Align::Right),
        ("Thực hiện", 1.3, Align::Right),
        ("% KH", 0.9, Align::Right),
        ("Ghi chú", 1.6, Align::Left),
    ]
    .into_iter()
    .map(|(title, width, align)| column(title, width, align))
    .collect()
}

pub(crate) fn cells(texts: &[&str]) -> TableRow {
    TableRow::Cells(texts.iter().map(|t| t.to_string()).collect())
}

/// A document with only body blocks (header fields empty, no closing).
pub(crate) fn body(blocks: Vec<Block>) -> Document {
    Document {
        blocks,
        ..Document::default()
    }
}

pub(crate) fn lay(doc: &Document) -> Layout {
    layout(doc, fonts()).expect("embedded fonts parse")
}

/// Page index and run of every text run whose text contains `needle`.
pub(crate) fn find<'l>(l: &'l Layout, needle: &str) -> Vec<(usize, &'l TextRun)> {
    l.pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.texts().map(move |t| (i, t)))
        .filter(|(_, t)| t.text.contains(needle))
        .collect()
}

/// Checks that nothing but the page number leaves the text box.
pub(crate) fn assert_inside_text_box(l: &Layout) {
    for (i, page) in l.pages.iter().enumerate() {
        let tb = page.text_box;
        for t in page.texts() {
            assert!(
                t.x >= tb.x - 0.01,
                "page {}: {:?} starts left of the margin",
                i + 1,
                t.text
            );
            assert!(
                t.x + t.width <= tb.right() + 0.01,
                "page {}: {:?} ends at {} beyond the right margin {}",
                i + 1,
                t.text,
                t.x + t.width,
                tb.right()
            );
            let is_page_number = t.y < tb.y;
            if !is_page_number {
                assert!(
                    t.y - t.size <= tb.bottom(),
                    "page {}: {:?} in the bottom margin",
                    i + 1,
                    t.text
                );
                assert!(
                    t.y - t.size * 0.9 >= tb.y - 0.01,
                    "page {}: {:?} in the top margin",
                    i + 1,
                    t.text
                );
            }
        }
        for r in page.rules() {
            assert!(r.x1.min(r.x2) >= tb.x - 0.01 && r.x1.max(r.x2) <= tb.right() + 0.01);
            assert!(r.y1.min(r.y2) >= tb.y - 0.01 && r.y1.max(r.y2) <= tb.bottom() + 0.01);
        }
    }
}

/// The body words of a layout in reading order (no header, no page numbers).
pub(crate) fn words_of(l: &Layout, style: FontStyle) -> Vec<String> {
    l.pages
        .iter()
        .flat_map(|p| {
            p.texts()
                .filter(move |t| t.y > p.text_box.y && t.style == style)
        })
        .flat_map(|t| t.text.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}
