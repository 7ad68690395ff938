//! The conference minutes and the news item, held against the data and the reference article.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::YearData;
use khoi_thi_dua::report::conference::{compose_news, news_html, news_text};
use khoi_thi_dua::store::{members, years};
use std::path::Path;

mod common;

/// The text of a PDF, or of one page of it; `None` when pdftotext is not installed.
fn pdftotext(pdf: &Path, page: Option<usize>) -> Option<String> {
    let page = page.map(|p| p.to_string());
    let mut args: Vec<&str> = Vec::new();
    if let Some(p) = &page {
        args.extend(["-f", p, "-l", p]);
    }
    args.extend([pdf.to_str().unwrap(), "-"]);
    common::tool_text("pdftotext", &args)
}

/// Exports `document` of 2020 from `db` to `out` with the embedded font, from the command line;
/// returns what the program printed.
fn export(dir: &Path, db: &Path, document: &str, out: &Path) -> String {
    common::export_with(dir, "export-pdf", db, document, out)
}

fn sample_data() -> (Vec<khoi_thi_dua::domain::Member>, YearData) {
    let store = common::sample_store();
    (
        members::list(store.conn()).unwrap(),
        years::data(store.conn(), 2020).unwrap(),
    )
}

#[test]
fn the_minutes_carry_the_conference_and_both_signatures_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    let pdf = dir.path().join("bien-ban.pdf");
    let said = export(dir.path(), &db, "minutes", &pdf);
    assert!(
        said.contains("Đã xuất biên bản hội nghị năm 2020"),
        "{said}"
    );
    let Some(text) = pdftotext(&pdf, None) else {
        return;
    };
    let pages = text.matches('\u{c}').count().max(1);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "BIÊN BẢN",
        "Số: 02/BB-TTTT",
        "Hà Giang, ngày 16 tháng 12 năm 2020",
        "Hội trường Sở Thông tin và Truyền thông tỉnh Hà Giang",
        "Sở Tài nguyên và Môi trường",
        "Ban Thi đua - Khen thưởng tỉnh Hà Giang",
        "Ban Quản lý Khu kinh tế là Trưởng khối năm 2021",
        "THƯ KÝ",
        "CHỦ TỌA",
        "Thời gian: buổi chiều, ngày 16 tháng 12 năm 2020",
        // The report presented, by its number; the year's main figures; the directions
        // adopted; the handover as an act; the recipients.
        "dự thảo Báo cáo số 01/BC-TTTT ngày 16/12/2020",
        "1.463/1.498,3 ha, đạt 98% kế hoạch",
        "Hội nghị thống nhất phương hướng, nhiệm vụ năm 2021",
        "đã bàn giao nhiệm vụ Trưởng khối năm 2021 cho Ban Quản lý Khu kinh tế",
        "Nơi nhận:",
        "Các đơn vị thành viên Khối;",
    ] {
        assert!(
            text.contains(expected),
            "“{expected}” missing from the minutes"
        );
    }
    let together = (1..=pages).any(|p| {
        let t = pdftotext(&pdf, Some(p)).unwrap_or_default();
        t.contains("THƯ KÝ") && t.contains("CHỦ TỌA")
    });
    assert!(together, "the two signature blocks are split across pages");
}

#[test]
fn the_news_item_carries_the_articles_facts_that_the_data_holds() {
    let (members, data) = sample_data();
    let news = compose_news(&members, &data);
    let text = news_text(&news);
    for fact in [
        "Khối Kinh tế ngành tổng kết công tác thi đua, khen thưởng năm 2020, triển khai phương hướng, nhiệm vụ năm 2021",
        "16/12/2020",
        "Hội trường Sở Thông tin và Truyền thông tỉnh Hà Giang",
        "Sở Thông tin và Truyền thông",
        "Ban Quản lý Khu kinh tế",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Giao thông vận tải",
        "Sở Công Thương",
        "Sở Xây dựng",
        "Sở Khoa học và Công nghệ",
        "Sở Tài nguyên và Môi trường",
        "Ban Thi đua - Khen thưởng",
        "1.128 tin bài",
        "3.611,73 ha",
        "5.711,7 ha",
        "1.463/1.498,3",
        "98%",
        "131.900 ha",
        "49.515",
        "đã bàn giao nhiệm vụ Trưởng khối năm 2021 cho Ban Quản lý Khu kinh tế",
        "Lê Hằng",
    ] {
        assert!(
            text.contains(fact),
            "“{fact}” missing from the news item:\n{text}"
        );
    }
    // The article's own facts: "Chiều ngày 16/12/2020", its photo caption, its basis, and the
    // members' results in its order (Thông tin, Tài nguyên, Khoa học, Giao thông, Nông nghiệp).
    assert!(text.contains("Chiều ngày 16/12/2020, tại"), "{text}");
    assert!(text.contains("(Đại diện Sở Thông tin và Truyền thông - Trưởng khối Kinh tế ngành thông qua dự thảo báo cáo tại Hội nghị)"));
    assert!(
        text.contains("do UBND tỉnh phát động tại Chương trình số 298/CTr-UBND ngày 25/12/2019")
    );
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    let order = [
        at("Sở Thông tin và Truyền thông: về công tác truyền thông"),
        at("; Sở Tài nguyên và Môi trường: "),
        at("; Sở Khoa học và Công nghệ: "),
        at("; Sở Giao thông vận tải: "),
        at("; Sở Nông nghiệp và Phát triển nông thôn: "),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    // Nothing the data does not hold: the article's publishing time.
    assert!(!text.contains("10:20"));
    assert!(!text.contains("Sáng"));
    // Every number in the item comes from the data.
    let mut sources = String::new();
    for n in &data.narratives {
        sources.push_str(&n.text);
    }
    sources.push_str(&data.record.directions);
    sources.push_str(&data.record.basis);
    for i in &data.indicators {
        for v in [i.plan, i.result].into_iter().flatten() {
            sources.push_str(&khoi_thi_dua::text::number::format_number(v));
            sources.push(' ');
        }
        sources.push_str(&i.name);
        sources.push_str(&i.note);
    }
    sources.push_str("16/12/2020 2020 2021 98%");
    let mut number = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || ((c == '.' || c == ',' || c == '/') && !number.is_empty()) {
            number.push(c);
        } else if !number.is_empty() {
            let n = number.trim_end_matches(['.', ',', '/']);
            assert!(sources.contains(n), "the number “{n}” is not in the data");
            number.clear();
        }
    }
}

/// A tiny check that start and end tags balance (void elements excepted).
fn well_formed(html: &str) -> bool {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let Some(end) = rest[start..].find('>') else {
            return false;
        };
        let tag = &rest[start + 1..start + end];
        rest = &rest[start + end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name == "meta" {
            continue;
        }
        if tag.starts_with('/') {
            if stack.pop().as_deref() != Some(name.as_str()) {
                return false;
            }
        } else {
            stack.push(name);
        }
    }
    stack.is_empty() && !rest.contains('>')
}

#[test]
fn the_news_html_is_well_formed_and_shows_names_as_typed() {
    let mut store = common::sample_store();
    let id = members::list(store.conn()).unwrap()[5].id;
    common::rename(
        &mut store,
        id,
        2020,
        "Sở <Xây dựng> & Kiến trúc",
        "Sở XD",
        "SXD",
    );
    let all = members::list(store.conn()).unwrap();
    let data = years::data(store.conn(), 2020).unwrap();
    let html = news_html(&compose_news(&all, &data));
    assert!(well_formed(&html), "{html}");
    assert!(html.contains("Sở &lt;Xây dựng&gt; &amp; Kiến trúc"));
    assert!(!html.contains("<Xây dựng>"));
    assert!(html.contains("<html lang=\"vi\">") && html.contains("charset=\"utf-8\""));
}

#[test]
fn news_exports_as_text_html_and_pdf_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    for ext in ["txt", "html", "pdf"] {
        let out = dir.path().join(format!("tin.{ext}"));
        export(dir.path(), &db, "news", &out);
        let bytes = std::fs::read(&out).unwrap();
        match ext {
            "pdf" => {
                assert!(bytes.starts_with(b"%PDF"));
                if let Some(t) = pdftotext(&out, None) {
                    assert!(t.contains("Khối Kinh tế ngành tổng kết công tác thi đua"));
                    assert!(!t.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
                }
            }
            _ => assert!(String::from_utf8(bytes).unwrap().contains("3.611,73")),
        }
    }
}
