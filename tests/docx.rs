//! The Word (.docx) export as Word would read it: the package's parts and relationships, the
//! page set-up, the header from page 2, the repeating table header, and the text, word for
//! word the same as the PDF's.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

mod common;

use common::s;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The parts of a .docx package, by name.
fn parts(path: &Path) -> BTreeMap<String, String> {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        let name = entry.name().unwrap().into_owned();
        out.insert(name, text);
    }
    out
}

fn export(dir: &Path, db: &Path, document: &str, out: &str) -> PathBuf {
    let path = dir.join(out);
    common::export_with(dir, "export", db, document, &path);
    path
}

fn w<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name((W, name)))
}

fn attr<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// What the document says, in reading order: a word of a paragraph or a ruled table, or all
/// the words of a borderless table (the two-column header, the closing) as one group, since
/// the PDF sets their columns line by line across the page.
#[derive(Debug, Clone, PartialEq)]
enum Said {
    Word(String),
    Columns(Vec<String>),
}

fn words_of(node: roxmltree::Node) -> Vec<String> {
    let mut text = String::new();
    for p in node.descendants().filter(|n| n.has_tag_name((W, "p"))) {
        for n in p.descendants() {
            if n.has_tag_name((W, "t")) {
                text.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name((W, "br")) {
                text.push(' ');
            }
        }
        text.push(' ');
    }
    text.split_whitespace().map(str::to_owned).collect()
}

fn borderless(table: roxmltree::Node) -> bool {
    w(table, "tblPr")
        .and_then(|p| w(p, "tblBorders"))
        .and_then(|b| w(b, "top"))
        .is_some_and(|t| attr(t, "val") == Some("nil"))
}

/// What the body of `document.xml` says (each paragraph's `w:t`, a `w:br` a space).
fn docx_said(document_xml: &str) -> Vec<Said> {
    let xml = roxmltree::Document::parse(document_xml).unwrap();
    let body = xml
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .unwrap();
    let mut out = Vec::new();
    for block in body.children().filter(|n| n.is_element()) {
        if block.has_tag_name((W, "tbl")) && borderless(block) {
            out.push(Said::Columns(words_of(block)));
        } else {
            out.extend(words_of(block).into_iter().map(Said::Word));
        }
    }
    out
}

/// The words of the table header rows and group rows: the PDF repeats them on every page a
/// table continues on (a group row with "(tiếp)"), where Word repeats them by itself.
fn repeated_words(document_xml: &str) -> HashSet<String> {
    let xml = roxmltree::Document::parse(document_xml).unwrap();
    let mut out: HashSet<String> = ["(tiếp)".to_owned()].into();
    for tr in xml.descendants().filter(|n| n.has_tag_name((W, "tr"))) {
        let header = w(tr, "trPr").is_some_and(|p| w(p, "tblHeader").is_some());
        let group = tr
            .descendants()
            .any(|n| n.has_tag_name((W, "gridSpan")) && attr(n, "val") != Some("1"));
        if header || group {
            for t in tr.descendants().filter(|n| n.has_tag_name((W, "t"))) {
                out.extend(t.text().unwrap_or("").split_whitespace().map(str::to_owned));
            }
        }
    }
    out
}

/// Asserts that the .docx says, word for word, what the PDF says. The PDF's text is read in
/// content-stream order (`pdftotext -raw`); what it has beyond the .docx may only be its page
/// numbers and the table header and group rows it repeats on continued pages.
fn assert_same_words(docx: &Path, pdf: &Path) {
    let Some(pdf_text) = common::tool_text("pdftotext", &["-raw", s(pdf), "-"]) else {
        return;
    };
    let document_xml = &parts(docx)["word/document.xml"];
    let ours = docx_said(document_xml);
    let repeated = repeated_words(document_xml);
    let mut theirs: Vec<(String, usize)> = Vec::new();
    for (i, page) in pdf_text.split('\u{c}').enumerate() {
        let mut words: Vec<&str> = page.split_whitespace().collect();
        // The page number, set last on every page but the first.
        if i > 0 && words.last() == Some(&(i + 1).to_string().as_str()) {
            words.pop();
        }
        theirs.extend(words.into_iter().map(|w| (w.to_owned(), i + 1)));
    }
    let mut theirs = theirs.into_iter();
    let mut matched = 0;
    for said in &ours {
        match said {
            Said::Word(word) => loop {
                let (pdf_word, page) = theirs
                    .next()
                    .unwrap_or_else(|| panic!("{}: the PDF ends before “{word}”", docx.display()));
                if pdf_word == *word {
                    break;
                }
                assert!(
                    repeated.contains(&pdf_word),
                    "{}: the PDF has “{pdf_word}” (page {page}) where the .docx has “{word}” (after {matched} words)",
                    docx.display(),
                );
            },
            Said::Columns(words) => {
                let mut pdf_words: Vec<String> =
                    theirs.by_ref().take(words.len()).map(|(w, _)| w).collect();
                let mut words = words.clone();
                pdf_words.sort();
                words.sort();
                assert_eq!(pdf_words, words, "{}", docx.display());
            }
        }
        matched += 1;
    }
    let rest: Vec<String> = theirs
        .filter(|(w, _)| !repeated.contains(w))
        .map(|(w, _)| w)
        .collect();
    assert!(
        rest.is_empty(),
        "{}: the PDF goes on: {rest:?}",
        docx.display()
    );
    assert!(matched > 20, "{} says too little", docx.display());
}

#[test]
fn the_documents_say_in_word_what_they_say_in_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    for (document, name) in [
        ("report", "BaoCao"),
        ("minutes", "BienBan"),
        ("scores", "BangDiem"),
        ("score-sheet", "BangDiemChiTiet"),
        ("news", "TinBai"),
    ] {
        let (docx, pdf) = if document == "report" {
            // The charts' labels are text boxes in Word, set where the PDF prints them rather
            // than in reading order: compared apart (a_figure_is_a_drawing_in_word_kept_with_its_caption).
            let out = |ext: &str| {
                let path = dir.path().join(format!("{name}.{ext}"));
                let mut args = common::export_pdf_args(&db, &path);
                args.extend(["--embedded-font", "--no-charts"]);
                args[0] = "export";
                common::run_ok(dir.path(), &args);
                path
            };
            (out("docx"), out("pdf"))
        } else {
            (
                export(dir.path(), &db, document, &format!("{name}.docx")),
                export(dir.path(), &db, document, &format!("{name}.pdf")),
            )
        };
        assert_same_words(&docx, &pdf);
    }
}

/// The text of a paragraph.
fn text_of(p: roxmltree::Node) -> String {
    p.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect()
}

const WPS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
const WPG: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

#[test]
fn a_figure_is_a_drawing_in_word_kept_with_its_caption() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    let ranked = {
        let mut store = khoi_thi_dua::store::Store::open(&db).unwrap();
        common::score_sample_in_order(&mut store);
        let all = khoi_thi_dua::store::members::list(store.conn()).unwrap();
        khoi_thi_dua::domain::members_in(&all, 2020).len()
    };
    let docx = export(dir.path(), &db, "report", "BaoCao.docx");
    let xml = &parts(&docx)["word/document.xml"];
    let tree = roxmltree::Document::parse(xml).unwrap();
    let paragraphs: Vec<roxmltree::Node> = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .collect();
    let caption = |wanted: &str| {
        *paragraphs
            .iter()
            .find(|p| text_of(**p) == wanted)
            .unwrap_or_else(|| panic!("no caption “{wanted}”"))
    };
    let first = caption("Biểu đồ 1. Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm 2020");
    let second =
        caption("Biểu đồ 2. Tổng điểm thi đua của các đơn vị theo thứ tự xếp hạng năm 2020");
    for (caption, bars) in [(first, None), (second, Some(ranked))] {
        // Centred, in italics, right under the paragraph that holds the drawing, which keeps
        // with it.
        let ppr = w(caption, "pPr").unwrap();
        assert_eq!(attr(w(ppr, "jc").unwrap(), "val"), Some("center"));
        let rpr = caption
            .descendants()
            .find(|n| n.has_tag_name((W, "rPr")))
            .unwrap();
        assert!(w(rpr, "i").is_some(), "italic");
        let drawn = caption.prev_sibling_element().unwrap();
        assert!(drawn.has_tag_name((W, "p")));
        assert!(w(w(drawn, "pPr").unwrap(), "keepNext").is_some());
        let inline = drawn
            .descendants()
            .find(|n| n.has_tag_name((WP, "inline")))
            .expect("an inline drawing");
        let group = inline
            .descendants()
            .find(|n| n.has_tag_name((WPG, "wgp")))
            .expect("a group of shapes");
        let shapes: Vec<_> = group
            .children()
            .filter(|n| n.has_tag_name((WPS, "wsp")))
            .collect();
        let boxes: Vec<String> = shapes
            .iter()
            .filter(|s| s.children().any(|c| c.has_tag_name((WPS, "txbx"))))
            .map(|s| text_of(*s))
            .collect();
        // The ticks and the axis title are there, and in the ranked chart one name and one
        // value per ranked member.
        let (zero, axis_end) = if bars.is_some() {
            ("0", "50")
        } else {
            ("0%", "100%")
        };
        assert!(boxes.iter().any(|t| t == zero), "{boxes:?}");
        assert!(boxes.iter().any(|t| t == axis_end), "{boxes:?}");
        if let Some(bars) = bars {
            assert!(
                boxes.contains(&"Tổng điểm (điểm thống nhất)".to_owned()),
                "{boxes:?}"
            );
            let names = boxes
                .iter()
                .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()) && t.contains(". "))
                .count();
            assert_eq!(names, bars, "{boxes:?}");
        }
        // The values are no longer a table of their own.
        assert!(
            !drawn
                .prev_sibling_element()
                .is_some_and(|n| n.has_tag_name((W, "tbl")) && text_of(n).starts_with("Đơn vị"))
        );
    }

    // LibreOffice opens it and prints the charts with their captions.
    if let Some(pdf) = common::libreoffice_pdf(dir.path(), &docx) {
        let text = common::tool_text("pdftotext", &[s(&pdf), "-"]).unwrap_or_default();
        assert!(text.contains("Biểu đồ 2. Tổng điểm thi đua"), "{text}");
        assert!(
            text.contains("Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả"),
            "{text}"
        );
    }

    let without = dir.path().join("KhongBieuDo.docx");
    let mut args = common::export_pdf_args(&db, &without);
    args[0] = "export";
    args.push("--no-charts");
    common::run_ok(dir.path(), &args);
    let xml = &parts(&without)["word/document.xml"];
    assert!(!xml.contains("Biểu đồ"));
    assert!(!xml.contains("wpg:wgp"));
}

#[test]
fn the_package_has_its_parts_and_relationships_all_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    let docx = export(dir.path(), &db, "report", "BaoCao.docx");
    let parts = parts(&docx);
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/header1.xml",
        "word/header2.xml",
        "docProps/core.xml",
    ] {
        assert!(parts.contains_key(name), "{name} missing");
    }
    for (name, text) in &parts {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    // Every relationship points at a part of the package, and every part but the
    // relationships has its content type.
    let types = roxmltree::Document::parse(&parts["[Content_Types].xml"]).unwrap();
    let overridden: HashSet<&str> = types
        .descendants()
        .filter_map(|n| n.attribute("PartName"))
        .collect();
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        let xml = roxmltree::Document::parse(&parts[rels]).unwrap();
        let targets: Vec<&str> = xml
            .descendants()
            .filter_map(|n| n.attribute("Target"))
            .collect();
        assert!(!targets.is_empty());
        for target in targets {
            let part = format!("{base}{target}");
            assert!(parts.contains_key(&part), "{rels} points at {part}");
            assert!(overridden.contains(format!("/{part}").as_str()), "{part}");
        }
    }
    // The document refers to the headers by relationships that exist.
    let rels = &parts["word/_rels/document.xml.rels"];
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    for reference in xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "headerReference")))
    {
        let id = reference
            .attribute((
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                "id",
            ))
            .unwrap();
        assert!(rels.contains(&format!("Id=\"{id}\"")), "{id}");
    }
    let core = &parts["docProps/core.xml"];
    assert!(core.contains("2020"), "{core}");
}

#[test]
fn the_page_is_a4_with_decree_30_margins_and_numbers_from_page_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    let docx = export(dir.path(), &db, "report", "BaoCao.docx");
    let parts = parts(&docx);
    let xml = roxmltree::Document::parse(&parts["word/document.xml"]).unwrap();
    let sections: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert_eq!(sections.len(), 2, "the body, then the appendix");
    let mm = |twips: &str| twips.parse::<f32>().unwrap() / 20.0 * 25.4 / 72.0;
    for (i, sect) in sections.iter().enumerate() {
        let size = w(*sect, "pgSz").unwrap();
        let (width, height) = (mm(attr(size, "w").unwrap()), mm(attr(size, "h").unwrap()));
        let (short, long) = (width.min(height), width.max(height));
        assert!((short - 210.0).abs() < 0.5 && (long - 297.0).abs() < 0.5);
        let margins = w(*sect, "pgMar").unwrap();
        let m = |side| mm(attr(margins, side).unwrap());
        // Decree 30's ranges, to a twip's rounding.
        let within = |side, lo: f32, hi: f32| {
            let v = m(side);
            assert!(lo - 0.05 <= v && v <= hi + 0.05, "{side}: {v} mm");
        };
        within("top", 20.0, 25.0);
        within("bottom", 20.0, 25.0);
        within("left", 30.0, 35.0);
        within("right", 15.0, 20.0);
        // The same margins as the PDF.
        assert!((m("top") - 20.0).abs() < 0.1 && (m("left") - 30.0).abs() < 0.1);
        let kinds: Vec<&str> = sect
            .children()
            .filter(|n| n.has_tag_name((W, "headerReference")))
            .filter_map(|n| attr(n, "type"))
            .collect();
        if i == 0 {
            assert!(w(*sect, "titlePg").is_some(), "a different first page");
            assert_eq!(kinds, ["default", "first"]);
        } else {
            assert!(w(*sect, "titlePg").is_none(), "the appendix is numbered");
            assert_eq!(kinds, ["default"]);
        }
    }
    // The page number is a PAGE field centred in the default header; the first page's is
    // empty.
    let numbered = &parts["word/header1.xml"];
    assert!(numbered.contains("> PAGE <") && numbered.contains(r#"<w:jc w:val="center"/>"#));
    assert!(!parts["word/header2.xml"].contains("<w:t"));

    // The body: Times New Roman 14, justified with a first-line indent of 1,27 cm.
    let styles = &parts["word/styles.xml"];
    assert!(
        styles.contains(r#"w:ascii="Times New Roman""#) && styles.contains(r#"<w:sz w:val="28"/>"#)
    );
    let justified = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "jc")) && attr(*n, "val") == Some("both"))
        .count();
    assert!(justified > 5);
    let indent = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "ind")))
        .filter_map(|n| attr(n, "firstLine"))
        .next()
        .unwrap();
    assert!((mm(indent) - 12.7).abs() < 0.1, "{indent}");

    // The appendix is a real table whose header row repeats.
    let headers = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tblHeader")))
        .count();
    assert!(headers >= 1);
    // The header and the closing are borderless tables; the appendix is ruled.
    let tables: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert!(tables.len() >= 3);
    let ruled = |t: &roxmltree::Node| {
        let borders = w(w(*t, "tblPr").unwrap(), "tblBorders").unwrap();
        attr(w(borders, "top").unwrap(), "val") == Some("single")
    };
    assert!(!ruled(&tables[0]), "the two-column header has no borders");
    assert!(tables.iter().any(ruled));
    // A draft says so in a box: a paragraph framed on its four sides.
    let draft = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| words_of(*p) == ["DỰ", "THẢO"])
        .expect("the draft mark");
    let borders = w(w(draft, "pPr").unwrap(), "pBdr").expect("a box");
    for side in ["top", "left", "bottom", "right"] {
        assert_eq!(
            attr(w(borders, side).unwrap(), "val"),
            Some("single"),
            "{side}"
        );
    }
}

#[test]
fn the_output_rules_hold_for_word_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "mau.sqlite");
    let args = |out: &Path| {
        vec![
            "export".to_owned(),
            "--db".to_owned(),
            s(&db).to_owned(),
            "--year".to_owned(),
            "2020".to_owned(),
            "--out".to_owned(),
            s(out).to_owned(),
        ]
    };
    let run = |out: &Path, extra: &[&str]| {
        let mut a = args(out);
        a.extend(extra.iter().map(|e| (*e).to_owned()));
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        common::run(dir.path(), &a)
    };

    // The data file under a .docx name (a hard link) is the input, whatever its name.
    let link = dir.path().join("DuLieu.docx");
    std::fs::hard_link(&db, &link).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = run(&link, &["--force"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        common::stderr(&o).contains("chính là tệp"),
        "{}",
        common::stderr(&o)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    // An existing .docx is replaced only with --force, and never left half-written.
    let out = dir.path().join("BaoCao.docx");
    std::fs::write(&out, b"old").unwrap();
    let o = run(&out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        common::stderr(&o).contains("--force"),
        "{}",
        common::stderr(&o)
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    let o = run(&out, &["--force"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    assert!(!dir.path().join("BaoCao.docx.tmp").exists());

    // Other extensions are refused, naming those accepted.
    for (name, document, accepted) in [
        ("BaoCao.txt", "report", ".pdf hoặc .docx"),
        ("BaoCao", "report", ".pdf hoặc .docx"),
        ("TinBai.odt", "news", ".pdf, .docx, .txt hoặc .html"),
    ] {
        let o = run(&dir.path().join(name), &["--document", document]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let said = common::stderr(&o);
        assert!(said.contains(accepted), "{said}");
        assert!(!dir.path().join(name).exists());
    }

    // export-pdf writes PDF only, as it always did.
    let o = common::run(
        dir.path(),
        &common::export_pdf_args(&db, &dir.path().join("X.docx")),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(common::stderr(&o).contains("lệnh export"));
}
