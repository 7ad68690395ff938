//! The exported report as an official would read it: its text (pdftotext), its page size,
//! margins and page numbers, read back from the PDF file itself.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;

mod common;

use common::tool_text as poppler;

fn export_sample(dir: &Path) -> std::path::PathBuf {
    let db = common::sample(dir, "mau.sqlite");
    let pdf = dir.join("BaoCao2020.pdf");
    let said = common::run_ok(
        dir,
        &[
            "export-pdf",
            "--db",
            db.to_str().unwrap(),
            "--year",
            "2020",
            "--out",
            pdf.to_str().unwrap(),
            "--embedded-font",
        ],
    );
    assert!(said.contains("Đã xuất báo cáo năm 2020"), "{said}");
    pdf
}

#[test]
fn the_sample_report_text_carries_the_data_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export_sample(dir.path());
    let Some(text) = poppler("pdftotext", &[pdf.to_str().unwrap(), "-"]) else {
        return;
    };
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Giang, ngày 16 tháng 12 năm 2020",
        "Số: 01/BC-TTTT",
        "BÁO CÁO",
        "Sở Thông tin và Truyền thông",
        "Ban Quản lý Khu kinh tế",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Tài nguyên và Môi trường",
        "Sở Khoa học và Công nghệ",
        "1.128",
        "3.611,73",
        "1.498,3",
        "98%",
        "131.900",
        "Nơi nhận:",
        "TRƯỞNG KHỐI",
    ] {
        assert!(
            text.contains(expected),
            "“{expected}” missing from the PDF text"
        );
    }
    // Every word extracts in NFC: no combining marks.
    assert!(
        !text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)),
        "decomposed text in the PDF"
    );
}

#[test]
fn pages_are_a4_with_decree_30_margins_and_numbers_from_page_two() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export_sample(dir.path());
    let path = pdf.to_str().unwrap();
    let Some(info) = poppler("pdfinfo", &[path]) else {
        return;
    };
    assert!(
        info.contains("595.") && info.contains("841."),
        "not A4: {info}"
    );
    assert!(
        info.contains("Title:") && info.contains("BÁO CÁO"),
        "{info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(pages >= 2, "the sample report has {pages} page(s)");

    let bbox = poppler("pdftotext", &["-bbox", path, "-"]).unwrap();
    let mm = 72.0 / 25.4;
    let mut page = 0;
    let mut first_word_on_page: Vec<(f64, f64, String)> = Vec::new();
    for line in bbox.lines() {
        let line = line.trim();
        if line.starts_with("<page") {
            page += 1;
            continue;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let num = |key: &str| -> f64 {
            let start = rest.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            rest[start..].split('"').next().unwrap().parse().unwrap()
        };
        let (x_min, y_min, x_max, y_max) = (num("xMin"), num("yMin"), num("xMax"), num("yMax"));
        let word = rest
            .rsplit('>')
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("");
        // Left margin 30 mm, right 15 mm, top and bottom 20 mm (page numbers sit in the top margin).
        assert!(
            x_min >= 30.0 * mm - 0.5,
            "page {page}: “{word}” starts at {x_min:.1} pt"
        );
        assert!(
            x_max <= 595.28 - 15.0 * mm + 0.5,
            "page {page}: “{word}” ends at {x_max:.1} pt"
        );
        assert!(
            y_max <= 841.89 - 20.0 * mm + 0.5,
            "page {page}: “{word}” in the bottom margin"
        );
        if y_min < 20.0 * mm {
            first_word_on_page.push((y_min, x_min, format!("{page}:{word}")));
        }
    }
    // The only text in the top margin is the page number, centred, from page 2 on.
    for (_, x, tag) in &first_word_on_page {
        let (p, word) = tag.split_once(':').unwrap();
        assert_ne!(p, "1", "text in the top margin of page 1: {word}");
        assert_eq!(word, p, "the top margin of page {p} holds “{word}”");
        let centre = 30.0 * mm + (595.28 - 45.0 * mm) / 2.0;
        assert!(
            (x - centre).abs() < 20.0,
            "page number {p} is not centred ({x:.1})"
        );
    }
    assert_eq!(first_word_on_page.len(), pages - 1);
}

#[test]
fn fonts_are_embedded_and_subset() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export_sample(dir.path());
    let Some(fonts) = poppler("pdffonts", &[pdf.to_str().unwrap()]) else {
        return;
    };
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(row.contains("Liberation"), "{row}");
        assert!(
            row.contains("yes yes yes"),
            "not embedded+subset+unicode: {row}"
        );
    }
    let size = std::fs::metadata(&pdf).unwrap().len();
    assert!(
        size < 200_000,
        "the sample PDF is {size} bytes: fonts not subset?"
    );
}

#[test]
fn the_report_has_no_loose_line_and_its_title_keeps_its_phrases() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = export_sample(dir.path());
    let path = pdf.to_str().unwrap();
    let Some(text) = poppler("pdftotext", &[path, "-"]) else {
        return;
    };
    // The subject breaks after "năm 2020", not inside "nhiệm vụ".
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"Tổng kết công tác thi đua, khen thưởng năm 2020"),
        "{text}"
    );
    assert!(!lines.iter().any(|l| l.ends_with("nhiệm")));

    // Word gaps on the body's lines (14 pt words): a space is 3,5 pt; none may be more
    // than twice that.
    let bbox = poppler("pdftotext", &["-bbox", path, "-"]).unwrap();
    let mut words: Vec<(usize, f64, f64, f64, f64)> = Vec::new();
    let mut page = 0;
    for line in bbox.lines().map(str::trim) {
        if line.starts_with("<page") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let num = |key: &str| -> f64 {
            let start = rest.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
            rest[start..].split('"').next().unwrap().parse().unwrap()
        };
        words.push((page, num("xMin"), num("yMin"), num("xMax"), num("yMax")));
    }
    // The body's words are the most common height; two columns of a table or the header
    // stand more than 40 pt apart, which no justified gap reaches.
    let mut heights: Vec<i64> = words.iter().map(|w| ((w.4 - w.2) * 10.0) as i64).collect();
    heights.sort_unstable();
    let body_h = heights
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .map(|run| run[0])
        .unwrap();
    let mut widest: f64 = 0.0;
    for pair in words.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let body = ((a.4 - a.2) * 10.0) as i64 == body_h && ((b.4 - b.2) * 10.0) as i64 == body_h;
        let gap = b.1 - a.3;
        if a.0 == b.0 && (a.2 - b.2).abs() < 0.5 && body && gap > 0.0 && gap < 40.0 {
            widest = widest.max(gap);
        }
    }
    assert!(widest > 3.0, "gaps were measured");
    assert!(widest <= 7.2, "a word gap of {widest:.1} pt");
}

/// The print preview draws the pages the PDF holds, not pages of its own: its layout has the
/// PDF's page count, and its first page as many text runs (the diagonal "DỰ THẢO" included) as
/// the PDF's first page shows texts, each of them found in the PDF's text.
#[test]
fn the_preview_draws_the_runs_the_pdf_writes() {
    use khoi_thi_dua::ops::export::{DocumentKind, PrintOptions, document, pages};
    use khoi_thi_dua::report::fonts::FontSet;
    use khoi_thi_dua::report::pdf::render_pdf;
    let store = common::sample_store();
    let options = PrintOptions {
        diagonal_draft_mark: true,
        ..PrintOptions::default()
    };
    let doc = document(&store, 2020, DocumentKind::Report, options).unwrap();
    let fonts = FontSet::liberation_serif();
    let laid = pages(&doc, &fonts).unwrap();
    let rendered = render_pdf(&doc, &fonts, &|_, _| true).unwrap();
    assert_eq!(laid.pages.len(), rendered.pages);

    let first = &laid.pages[0];
    let runs: Vec<&str> = first
        .texts()
        .map(|t| t.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let marks = first.watermarks().count();
    assert_eq!(marks, 1, "the draft's diagonal mark");
    let pdf = lopdf::Document::load_mem(&rendered.bytes).unwrap();
    let page_one = pdf.get_pages()[&1];
    let content = lopdf::content::Content::decode(&pdf.get_page_content(page_one)).unwrap();
    let shown = content
        .operations
        .iter()
        .filter(|op| op.operator == "TJ" || op.operator == "Tj")
        .count();
    assert_eq!(runs.len() + marks, shown);

    let path =
        std::env::temp_dir().join(format!("khoi-thi-dua-preview-{}.pdf", std::process::id()));
    std::fs::write(&path, &rendered.bytes).unwrap();
    let text = poppler(
        "pdftotext",
        &["-f", "1", "-l", "1", path.to_str().unwrap(), "-"],
    );
    let _ = std::fs::remove_file(&path);
    let Some(text) = text else { return };
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(&text);
    for run in runs {
        assert!(
            text.contains(&words(run)),
            "“{run}” is not on the PDF's page 1"
        );
    }
}

/// Previewing writes nothing: a year without a report shows the draft the export would compose,
/// and the year still has no report afterwards.
#[test]
fn the_preview_of_a_year_without_a_report_saves_no_draft() {
    use khoi_thi_dua::ops::export::{DocumentKind, PrintOptions, document};
    use khoi_thi_dua::report::document::DraftMark;
    use khoi_thi_dua::store::reports;
    let mut store = common::sample_store();
    common::open_next_year(&mut store, 2021);
    let doc = document(&store, 2021, DocumentKind::Report, PrintOptions::default()).unwrap();
    assert_ne!(doc.draft, DraftMark::None);
    assert_eq!(
        reports::get(
            store.conn(),
            2021,
            khoi_thi_dua::domain::ReportKind::YearEnd
        )
        .unwrap(),
        None
    );
}

#[test]
fn the_charts_print_with_their_captions_ticks_and_names_unless_asked_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    {
        let mut store = khoi_thi_dua::store::Store::open(&db).unwrap();
        common::score_sample_in_order(&mut store);
    }
    let export = |name: &str, extra: &[&str]| {
        let pdf = dir.path().join(name);
        let mut args = common::export_pdf_args(&db, &pdf);
        args.push("--embedded-font");
        args.extend(extra);
        common::run_ok(dir.path(), &args);
        pdf
    };
    let with = export("CoBieuDo.pdf", &[]);
    let without = export("KhongBieuDo.pdf", &["--no-charts"]);
    let Some(text) = poppler("pdftotext", &["-layout", with.to_str().unwrap(), "-"]) else {
        return;
    };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let page_of = |needle: &str| {
        pages
            .iter()
            .position(|p| p.contains(needle))
            .unwrap_or_else(|| panic!("“{needle}” not printed"))
    };
    let first = page_of("Biểu đồ 1. Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm 2020");
    let second =
        page_of("Biểu đồ 2. Tổng điểm thi đua của các đơn vị theo thứ tự xếp hạng năm 2020");
    assert!(first < second);
    // The percent axis and its title, on the figure's page.
    let ticks: Vec<&str> = pages[first].split_whitespace().collect();
    for tick in ["0%", "25%", "50%", "75%", "100%"] {
        assert!(ticks.contains(&tick), "tick {tick} on page {}", first + 1);
    }
    assert!(pages[first].contains("Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả"));
    // The ranked members by short name with their rank, the totals in Vietnamese numbers.
    let store = common::sample_store();
    let all = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let names: Vec<String> = khoi_thi_dua::domain::members_in(&all, 2020)
        .iter()
        .map(|m| m.short_name_in(2020).to_owned())
        .collect();
    let leader = names
        .iter()
        .find(|n| pages[second].contains(&format!("1. {n}")))
        .unwrap_or_else(|| panic!("no rank 1 by short name: {}", pages[second]));
    assert!(pages[second].find(&format!("1. {leader}")) < pages[second].find("2. "));
    // Totals with a decimal comma, never a point.
    let totals: Vec<&str> = pages[second]
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()) && w.contains(','))
        .collect();
    assert!(!totals.is_empty(), "{}", pages[second]);
    assert!(pages[second].contains("Tổng điểm (điểm thống nhất)"));
    let Some(plain) = poppler("pdftotext", &[without.to_str().unwrap(), "-"]) else {
        return;
    };
    assert!(!plain.contains("Biểu đồ"));
}
