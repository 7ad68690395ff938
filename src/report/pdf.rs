//! The PDF writer: lays a [`Document`] out with [`crate::report::layout`] and writes the
//! pages with printpdf, embedding the four faces as subset Identity-H fonts with a
//! ToUnicode map, so the file prints the same everywhere and its text can be copied and
//! searched (every Vietnamese word comes back in NFC with its diacritics).
//!
//! Justified lines are written as one text run per line whose word gaps are widened with
//! TJ offsets: PDF word spacing (`Tw`) does not apply to two-byte fonts, and one run per
//! line keeps each word whole for text extraction.

use chrono::{Datelike, Timelike};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix, WindingOrder,
};

use crate::report::document::Document;
use crate::report::fonts::{FontSet, FontStyle};
use crate::report::layout::{self, Item, LayoutError, MM, Page, TextRun};

/// The program name written as the PDF producer and creator.
const PRODUCER: &str = "khoi-thi-dua";

/// A finished PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters the font lacks, sorted and without duplicates; each was printed as
    /// '?'. The caller tells the user which characters were replaced.
    pub missing_chars: Vec<char>,
}

/// Why no PDF was produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The document could not be laid out (unreadable fonts).
    #[error(transparent)]
    Layout(#[from] LayoutError),
    /// The progress callback asked to stop.
    #[error("Đã hủy việc tạo tệp PDF.")]
    Cancelled,
    /// The PDF library produced no file.
    #[error("Không tạo được tệp PDF: {0}")]
    Write(String),
}

/// Lays out and writes `doc` as PDF.
///
/// `progress(done_pages, total_pages)` is called before the first page, after each page
/// is built and once the file is written (the last page counts as done only then,
/// because writing the file takes about as long as building the pages); returning
/// `false` cancels with [`PdfError::Cancelled`].
pub fn render_pdf(
    doc: &Document,
    fonts: &FontSet,
    progress: &dyn Fn(usize, usize) -> bool,
) -> Result<Rendered, PdfError> {
    let laid = layout::layout(doc, fonts)?;
    let faces = fonts.faces().map_err(LayoutError::from)?;
    let total = laid.pages.len();
    if !progress(0, total) {
        return Err(PdfError::Cancelled);
    }

    let mut pdf = PdfDocument::new(&doc.meta.title);
    let font_ids: [FontId; 4] = FontStyle::ALL.map(|style| {
        // printpdf takes the subset tag ("ABCDEF+" before the font name) from the first six
        // characters of the font's id, so the id starts with a tag of the glyphs embedded.
        let id = FontId(format!(
            "{}{}",
            subset_tag(style, &laid.glyphs[style.index()]),
            style.index()
        ));
        let font = printpdf::PdfFont::new(faces.get(style).parsed().clone());
        pdf.resources.fonts.map.insert(id.clone(), font);
        id
    });
    let mut pages = Vec::with_capacity(total);
    for (i, page) in laid.pages.iter().enumerate() {
        pages.push(page_to_pdf(page, &font_ids));
        if !progress((i + 1).min(total.saturating_sub(1)), total) {
            return Err(PdfError::Cancelled);
        }
    }

    let info = &mut pdf.metadata.info;
    info.author = doc.meta.author.clone();
    info.subject = doc.meta.subject.clone();
    info.producer = PRODUCER.to_owned();
    info.creator = PRODUCER.to_owned();
    let now = pdf_now();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;

    let mut warnings = Vec::new();
    // printpdf builds the file's objects (and subsets the fonts); the streams are compressed
    // here, on every core and at zlib's default level: printpdf compresses one stream after
    // another at the best level, which was most of a 900-page export's time for a file a few
    // per cent smaller.
    let save = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut lo = pdf
        .with_pages(pages)
        .to_lopdf_document(&save, &mut warnings);
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    if let Err(e) = lo.save_to(&mut bytes) {
        return Err(PdfError::Write(e.to_string()));
    }
    blank_empty_pdfx_version(&mut bytes);
    if bytes.is_empty() {
        let detail = warnings
            .iter()
            .map(|w| w.msg.clone())
            .collect::<Vec<_>>()
            .join("; ");
        return Err(PdfError::Write(detail));
    }
    if !progress(total, total) {
        return Err(PdfError::Cancelled);
    }
    Ok(Rendered {
        bytes,
        pages: total,
        missing_chars: laid.missing_chars,
    })
}

/// Compresses every stream of `doc` that may be compressed (Flate, zlib's default level), split
/// over the available cores. A stream is left as it is when compressing does not make it
/// smaller, as lopdf does.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => {
                Some(s)
            }
            _ => None,
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    // Small parts taken from a shared queue, so that the threads finish together; this thread
    // takes parts too, and does all of them if the system starts no other thread.
    let queue = std::sync::Mutex::new(streams.chunks_mut(16));
    let work = || {
        while let Some(part) = queue.lock().ok().and_then(|mut parts| parts.next()) {
            for stream in part {
                compress_stream(stream);
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let _ = std::thread::Builder::new().spawn_scoped(scope, work);
        }
        work();
    });
}

fn compress_stream(stream: &mut lopdf::Stream) {
    use flate2::Compression;
    use flate2::write::ZlibEncoder;
    use std::io::Write;
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(compressed) = encoder.finish()
        && compressed.len() + 19 < stream.content.len()
    {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

/// The subset tag of a font: six capital letters derived from the glyphs embedded (and the
/// style), so that two PDFs embedding different subsets of the same font never claim to hold
/// the same one (a merging tool would keep one of them and lose glyphs), and the same
/// document always gets the same tag.
fn subset_tag(style: FontStyle, glyphs: &[u16]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update([style.index() as u8]);
    for g in glyphs {
        hash.update(g.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

/// printpdf always writes `/GTS_PDFXVersion` into the Info dictionary, empty for a plain
/// PDF, where it claims a PDF/X version that is not there. The entry is blanked out with
/// spaces of the same length, which keeps every byte offset of the cross-reference table.
fn blank_empty_pdfx_version(bytes: &mut [u8]) {
    const ENTRY: &[u8] = b"/GTS_PDFXVersion()";
    // The Info dictionary is written after the pages, near the end: look there first
    // rather than through megabytes of page streams.
    let tail = bytes.len().saturating_sub(256 * 1024);
    let found = (tail..bytes.len())
        .rev()
        .chain((0..tail).rev())
        .find(|&at| bytes[at..].starts_with(ENTRY));
    if let Some(at) = found {
        bytes[at..at + ENTRY.len()].fill(b' ');
    }
}

/// The current time for the PDF Info dictionary. printpdf writes dates with a "+00'00'"
/// suffix whatever offset it is given, so the local time is converted to UTC first.
fn pdf_now() -> printpdf::DateTime {
    let now = chrono::Local::now().to_utc();
    printpdf::DateTime {
        date: printpdf::Date {
            year: now.year(),
            month: now.month() as u8,
            day: now.day() as u8,
        },
        time: printpdf::Time {
            hour: now.hour() as u8,
            minute: now.minute() as u8,
            second: now.second() as u8,
            millisecond: now.timestamp_subsec_millis().min(999) as u16,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// The printpdf operations of one laid-out page: the faint marks, the filled rectangles (a
/// figure's gridlines and bars), all text in one text object, then the rules.
fn page_to_pdf(page: &Page, font_ids: &[FontId; 4]) -> PdfPage {
    let h = page.height;
    let mut ops = Vec::with_capacity(page.items.len() * 3 + 8);
    // Faint marks first, so that everything else prints over them.
    for mark in page.watermarks() {
        let (sin, cos) = mark.angle.to_radians().sin_cos();
        ops.extend([
            Op::SaveGraphicsState,
            Op::SetFillColor {
                col: Color::Greyscale(Greyscale {
                    percent: mark.grey,
                    icc_profile: None,
                }),
            },
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font_ids[mark.style.index()].clone()),
                size: Pt(mark.size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Raw([cos, sin, -sin, cos, mark.x, h - mark.y]),
            },
            Op::ShowText {
                items: vec![TextItem::Text(mark.text.clone())],
            },
            Op::EndTextSection,
            Op::RestoreGraphicsState,
        ]);
    }
    let point = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(h - y),
        },
        bezier: false,
    };
    let mut fill_grey: Option<f32> = None;
    for fill in page.fills() {
        if fill_grey != Some(fill.grey) {
            ops.push(Op::SetFillColor {
                col: Color::Greyscale(Greyscale {
                    percent: fill.grey,
                    icc_profile: None,
                }),
            });
            fill_grey = Some(fill.grey);
        }
        let r = fill.rect;
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: vec![
                        point(r.x, r.y),
                        point(r.right(), r.y),
                        point(r.right(), r.bottom()),
                        point(r.x, r.bottom()),
                    ],
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }
    if fill_grey.is_some() {
        // The text is black.
        ops.push(Op::SetFillColor {
            col: Color::Greyscale(Greyscale {
                percent: 0.0,
                icc_profile: None,
            }),
        });
    }
    ops.push(Op::StartTextSection);
    let mut current: Option<(FontStyle, f32)> = None;
    for run in page.texts() {
        if run.text.is_empty() {
            continue;
        }
        if current != Some((run.style, run.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_ids[run.style.index()].clone()),
                size: Pt(run.size),
            });
            current = Some((run.style, run.size));
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(run.x), Pt(h - run.y)),
        });
        ops.push(Op::ShowText {
            items: text_items(run),
        });
    }
    ops.push(Op::EndTextSection);

    let mut thickness: Option<f32> = None;
    for item in &page.items {
        let Item::Rule(r) = item else { continue };
        if thickness != Some(r.thickness) {
            ops.push(Op::SetOutlineThickness {
                pt: Pt(r.thickness),
            });
            thickness = Some(r.thickness);
        }
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(r.x1, r.y1), point(r.x2, r.y2)],
                is_closed: false,
            },
        });
    }
    PdfPage::new(Mm(page.width / MM), Mm(page.height / MM), ops)
}

/// The TJ operands of a run: the whole text, or for a justified line the words (each
/// with its following space) separated by offsets that widen the gaps.
fn text_items(run: &TextRun) -> Vec<TextItem> {
    if run.word_spacing <= 0.0 || run.size <= 0.0 {
        return vec![TextItem::Text(run.text.clone())];
    }
    // TJ offsets are in thousandths of the font size; negative moves right.
    let offset = -run.word_spacing * 1000.0 / run.size;
    let mut items = Vec::new();
    for piece in run.text.split_inclusive(' ') {
        items.push(TextItem::Text(piece.to_owned()));
        if piece.ends_with(' ') {
            items.push(TextItem::Offset(offset));
        }
    }
    items
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::cell::RefCell;
    use std::path::PathBuf;
    use std::process::Command;

    use super::*;
    use crate::report::document::{Block, Closing, Signature, Table, TableRow};
    use crate::report::test_support::{SENTENCE, cells, column, fonts, sample_document};

    /// Runs a poppler tool on `pdf`, or `None` when the tool is not installed (on CI,
    /// where CI=true, a missing tool fails the test instead).
    fn poppler(tool: &str, args: &[&str], pdf: &[u8], name: &str) -> Option<String> {
        let path: PathBuf =
            std::env::temp_dir().join(format!("khoi-thi-dua-{}-{name}.pdf", std::process::id()));
        std::fs::write(&path, pdf).unwrap();
        let mut command = Command::new(tool);
        command.args(args).arg(&path);
        if tool == "pdftotext" {
            command.arg("-");
        }
        let out = command.output();
        let _ = std::fs::remove_file(&path);
        match out {
            Ok(out) => {
                assert!(
                    out.status.success(),
                    "{tool} failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                Some(String::from_utf8(out.stdout).expect("UTF-8 output"))
            }
            Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
                panic!("{tool} is needed on CI (poppler-utils): {e}")
            }
            Err(e) => {
                eprintln!("{tool} not available ({e}); skipping the check");
                None
            }
        }
    }

    fn render(doc: &Document) -> Rendered {
        render_pdf(doc, fonts(), &|_, _| true).expect("renders")
    }

    #[test]
    fn the_text_extracts_exactly() {
        let rendered = render(&sample_document());
        assert!(rendered.bytes.starts_with(b"%PDF-"));
        assert_eq!(rendered.pages, 1);
        assert!(rendered.missing_chars.is_empty());
        let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &rendered.bytes, "text") else {
            return;
        };
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Hà Giang, ngày 16 tháng 12 năm 2020",
            "ngày 16 tháng 12 năm 2020",
            "Số: 01/BC-KTN",
            "BÁO CÁO",
            "1.128",
            "3.611,73",
            "Sở Tài nguyên và Môi trường",
            "I. ĐẶC ĐIỂM TÌNH HÌNH",
            "Nơi nhận:",
            "- Lưu: VT.",
            "TM. KHỐI THI ĐUA KINH TẾ NGÀNH",
            "Nguyễn Văn Hùng",
        ] {
            assert!(text.contains(expected), "{expected:?} not in:\n{text}");
        }
        // Every word of the justified paragraph comes back whole and in NFC.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(SENTENCE), "{SENTENCE:?} not in:\n{flat}");
        assert!(!text.contains('\u{FFFD}'));
    }

    #[test]
    fn fonts_are_embedded_subset_with_unicode_maps_and_info_is_set() {
        let rendered = render(&sample_document());
        if let Some(fonts) = poppler("pdffonts", &[], &rendered.bytes, "fonts") {
            let rows: Vec<&str> = fonts
                .lines()
                .skip(2)
                .filter(|l| !l.trim().is_empty())
                .collect();
            assert_eq!(
                rows.len(),
                4,
                "regular, bold, italic, bold italic:\n{fonts}"
            );
            for row in rows {
                assert!(
                    row.contains("CID TrueType") && row.contains("Identity-H"),
                    "{row}"
                );
                assert!(row.contains("yes yes yes"), "emb sub uni: {row}");
            }
        }
        if let Some(info) = poppler("pdfinfo", &["-enc", "UTF-8"], &rendered.bytes, "info") {
            let field = |name: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(&format!("{name}:")))
                    .map(str::trim)
                    .unwrap_or_default()
                    .to_owned()
            };
            assert_eq!(field("Title"), "Báo cáo tổng kết năm 2020");
            assert_eq!(field("Author"), "Khối thi đua Kinh tế ngành");
            assert_eq!(field("Subject"), "Tổng kết công tác thi đua, khen thưởng");
            assert_eq!(field("Producer"), PRODUCER);
            assert_eq!(field("Pages"), "1");
            assert!(field("Page size").starts_with("595.276 x 841.89"));
            let year = chrono::Local::now().format("%Y").to_string();
            assert!(field("CreationDate").contains(&year), "{info}");
        }
    }

    #[test]
    fn a_draft_prints_its_mark_in_the_header_and_across_every_page() {
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph([SENTENCE; 30].join(" ")));
        doc.draft = crate::report::document::DraftMark::HeaderAndDiagonal;
        let rendered = render(&doc);
        assert!(rendered.pages >= 2);
        let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &rendered.bytes, "draft") else {
            return;
        };
        // The boxed mark on page 1 and the diagonal one on every page (pdftotext reads
        // rotated text in pieces).
        assert_eq!(text.matches("DỰ THẢO").count(), 1, "{text}");
        assert_eq!(text.matches("DỰ").count(), rendered.pages + 1, "{text}");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(SENTENCE), "the body still reads whole");

        doc.draft = crate::report::document::DraftMark::None;
        let rendered = render(&doc);
        if let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &rendered.bytes, "final") {
            assert!(!text.contains("THẢO"));
        }
    }

    /// The subset tags of the fonts a PDF embeds, by font name, from pdffonts.
    fn subset_tags(pdf: &[u8], name: &str) -> Option<Vec<(String, String)>> {
        let fonts = poppler("pdffonts", &[], pdf, name)?;
        let mut tags: Vec<(String, String)> = fonts
            .lines()
            .skip(2)
            .filter_map(|l| l.split_whitespace().next())
            .filter_map(|n| n.split_once('+'))
            .map(|(tag, font)| (font.to_owned(), tag.to_owned()))
            .collect();
        tags.sort();
        Some(tags)
    }

    #[test]
    fn subset_tags_follow_the_glyphs_and_no_empty_pdfx_version_is_written() {
        let a = render(&sample_document());
        let again = render(&sample_document());
        let mut other = sample_document();
        other
            .blocks
            .push(Block::Paragraph("Quý khách xin vui lòng đợi.".into()));
        let b = render(&other);
        for bytes in [&a.bytes, &b.bytes] {
            assert!(
                !bytes.windows(16).any(|w| w == b"GTS_PDFXVersion"),
                "no empty PDF/X claim"
            );
        }
        let Some(tags_a) = subset_tags(&a.bytes, "tags-a") else {
            return;
        };
        let tags_again = subset_tags(&again.bytes, "tags-again").unwrap();
        let tags_b = subset_tags(&b.bytes, "tags-b").unwrap();
        assert_eq!(tags_a.len(), 4, "{tags_a:?}");
        for (_, tag) in &tags_a {
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{tag}"
            );
        }
        assert_eq!(tags_a, tags_again, "the same glyphs, the same tags");
        let regular = |tags: &[(String, String)]| {
            tags.iter()
                .find(|(font, _)| font == "LiberationSerif")
                .map(|(_, tag)| tag.clone())
        };
        assert_ne!(
            regular(&tags_a),
            regular(&tags_b),
            "new glyphs (Q, ý, ò, ợ), a new tag"
        );
        let distinct: std::collections::BTreeSet<&String> = tags_a.iter().map(|(_, t)| t).collect();
        assert_eq!(distinct.len(), 4, "one tag per face");
        if let Some(info) = poppler("pdfinfo", &[], &a.bytes, "tags-info") {
            assert!(info.contains("Pages:"), "{info}");
        }
    }

    #[test]
    fn missing_characters_are_listed_and_replaced_visibly() {
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph(
            "Chúc mừng năm mới 🎉 新年快乐 hết.".into(),
        ));
        let rendered = render(&doc);
        assert_eq!(
            rendered.missing_chars,
            vec!['乐', '年', '快', '新', '🎉'],
            "by code point"
        );
        if let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &rendered.bytes, "missing") {
            assert!(text.contains("Chúc mừng năm mới ? ???? hết."), "{text}");
        }
    }

    #[test]
    fn progress_is_reported_and_can_cancel() {
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph([SENTENCE; 80].join(" ")));
        let calls = RefCell::new(Vec::new());
        let rendered = render_pdf(&doc, fonts(), &|done, total| {
            calls.borrow_mut().push((done, total));
            true
        })
        .unwrap();
        let calls = calls.into_inner();
        let n = rendered.pages;
        assert!(n >= 3);
        assert_eq!(calls.first(), Some(&(0, n)));
        assert_eq!(calls.last(), Some(&(n, n)));
        assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0 && w[1].1 == n));

        let asked = RefCell::new(0);
        let result = render_pdf(&doc, fonts(), &|done, _| {
            *asked.borrow_mut() += 1;
            done < 2
        });
        assert_eq!(result, Err(PdfError::Cancelled));
        assert_eq!(*asked.borrow(), 3, "stops at the first refusal");
        assert_eq!(PdfError::Cancelled.to_string(), "Đã hủy việc tạo tệp PDF.");
    }

    #[test]
    fn odd_documents_still_make_valid_pdfs() {
        let rendered = render(&Document::default());
        assert_eq!(rendered.pages, 1);
        let nasty = "Emoji 😀, مرحبا, שלום, \u{0}\u{1b}[0m\u{7f} tab\tcuối\r\n";
        let doc = Document {
            subject: nasty.into(),
            blocks: vec![
                Block::Heading(nasty.into()),
                Block::Paragraph(nasty.repeat(200)),
                Block::Table(Table {
                    title: None,
                    subtitle: None,
                    columns: vec![],
                    rows: vec![],
                    landscape: true,
                    font_size: 0.0,
                }),
                Block::Table(Table {
                    title: Some(nasty.into()),
                    subtitle: None,
                    columns: vec![column("A", 1.0, crate::report::document::Align::Left)],
                    rows: vec![cells(&[nasty]), TableRow::Group(nasty.into())],
                    landscape: true,
                    font_size: 11.0,
                }),
            ],
            closing: Closing {
                recipients: vec![],
                signatures: vec![Signature::default(); 2],
            },
            ..Document::default()
        };
        let rendered = render(&doc);
        assert!(rendered.pages >= 2);
        assert!(rendered.missing_chars.contains(&'😀'));
        if let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &rendered.bytes, "odd") {
            assert!(text.contains("tab cuối"), "{text}");
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && !c.is_whitespace() && c != '\u{c}')
            );
        }
    }
}
