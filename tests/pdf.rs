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
