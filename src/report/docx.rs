//! The Word (.docx) writer: the same [`Document`] the PDF prints, written as WordprocessingML
//! in the Decree 30/2020/NĐ-CP layout, for officials who want to touch the wording in Word
//! before signing. The page (A4, the margins, the first-line indent, the body's line pitch
//! and paragraph gap) comes from the layout's own measurements, so both files agree.
//!
//! Word sets the lines and pages itself, so the document is described, not drawn: the
//! two-column header is a borderless table with short paragraph-border rules under the
//! issuing body and the motto, page numbers are a `PAGE` field centred in the header of
//! every page but the first (`titlePg`), appendix tables are real tables whose header row
//! repeats (`tblHeader`), and the recipients and signatures stand side by side in a
//! borderless table. A chart is the one thing drawn: the layout's own geometry as Word shapes
//! (`figure`). What the PDF decides page by page (the "(tiếp)" after a group row
//! continued on a new page, the diagonal draft mark) is left to the reader's Word.
//!
//! The package is written by hand with the `zip` crate: no maintained .docx crate could mark
//! a repeating header row (see ARCHITECTURE.md).

mod figure;

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use crate::report::document::{
    Align, Block, Closing, ClosingSlot, Document, DraftMark, Signature, Table, TableRow,
};
use crate::report::escape_markup;
use crate::report::fonts::FontSet;
use crate::report::layout::{
    A4_HEIGHT, A4_WIDTH, BODY_LEADING, BODY_SIZE, FIRST_LINE_INDENT, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, NATIONAL_MOTTO, NATIONAL_TITLE, PAGE_NUMBER_SIZE, PARAGRAPH_GAP,
    is_invisible, table_column_widths,
};

/// Why the .docx could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// The fonts that measure the tables could not be read.
    #[error(transparent)]
    Layout(#[from] crate::report::layout::LayoutError),
    /// The zip library failed (it writes to memory, so this is not a disk error).
    #[error("Không tạo được tệp Word: {0}")]
    Package(String),
}

impl From<zip::result::ZipError> for DocxError {
    fn from(e: zip::result::ZipError) -> Self {
        DocxError::Package(e.to_string())
    }
}

impl From<std::io::Error> for DocxError {
    fn from(e: std::io::Error) -> Self {
        DocxError::Package(e.to_string())
    }
}

/// The mark of a document not yet adopted (the PDF prints the same words).
const DRAFT_MARK: &str = "DỰ THẢO";
/// Size of the agency names, the national title and the number (as in the PDF).
const HEADER_SIZE: f32 = 13.0;
/// The left header column's share of the text width (as in the PDF).
const HEADER_LEFT_SHARE: f32 = 0.4;
/// Room left for the handwritten signature and the seal: 25 mm.
const SIGNATURE_SPACE_TWIPS: i32 = 1417;

/// Twentieths of a point, Word's unit of length.
fn twips(points: f32) -> i32 {
    (points * 20.0).round() as i32
}

/// Half-points, Word's unit of type size.
fn half_points(points: f32) -> i32 {
    (points * 2.0).round() as i32
}

/// Writes `doc` as a .docx package and returns its bytes.
///
/// `fonts` measure the tables' cells, so that their columns get the PDF's widths; the file
/// itself names Times New Roman.
pub fn render_docx(doc: &Document, fonts: &FontSet) -> Result<Vec<u8>, DocxError> {
    let body = document_xml(doc, fonts)?;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("docProps/core.xml", core_xml(doc)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles_xml()),
        ("word/header1.xml", page_number_header()),
        ("word/header2.xml", header_part("")),
        ("word/document.xml", body),
    ];
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdPageNumber" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirstPage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#;

/// Title, author and subject, as the PDF's document information.
fn core_xml(doc: &Document) -> String {
    format!(
        r#"{XML_DECL}
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:subject>{}</dc:subject><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        escape_markup(&clean(&doc.meta.title)),
        escape_markup(&clean(&doc.meta.author)),
        escape_markup(&clean(&doc.meta.subject)),
    )
}

/// Times New Roman 14 for everything, Vietnamese, single spacing unless a paragraph says
/// otherwise.
fn styles_xml() -> String {
    format!(
        r#"{XML_DECL}
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        size = half_points(BODY_SIZE)
    )
}

fn header_part(content: &str) -> String {
    format!(
        r#"{XML_DECL}
<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:hdr>"#
    )
}

/// The page number centred at the top of every page but the first.
fn page_number_header() -> String {
    let rpr = RunStyle::plain(PAGE_NUMBER_SIZE).rpr();
    let field = format!(
        r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>{rpr}<w:t>2</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#
    );
    header_part(&paragraph(&Para::centred(), &field))
}

/// Characters a .docx may carry: no control characters (XML 1.0 forbids them), no invisible
/// format characters (the PDF drops them too), line separators as '\n'.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => out.push('\n'),
            '\n' => out.push('\n'),
            c if is_invisible(c) => {}
            c if c.is_whitespace() => out.push(if c == '\u{00A0}' { c } else { ' ' }),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy)]
struct RunStyle {
    bold: bool,
    italic: bool,
    size: f32,
}

impl RunStyle {
    fn plain(size: f32) -> RunStyle {
        RunStyle {
            bold: false,
            italic: false,
            size,
        }
    }
    fn bold(size: f32) -> RunStyle {
        RunStyle {
            bold: true,
            ..RunStyle::plain(size)
        }
    }
    fn italic(size: f32) -> RunStyle {
        RunStyle {
            italic: true,
            ..RunStyle::plain(size)
        }
    }
    fn rpr(self) -> String {
        let mut out = String::from("<w:rPr>");
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        let hp = half_points(self.size);
        let _ = write!(out, r#"<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/></w:rPr>"#);
        out
    }
}

/// One run of `text` (cleaned), '\n' becoming a line break within the paragraph.
fn run(text: &str, style: RunStyle) -> String {
    let text = clean(text);
    let mut out = format!("<w:r>{}", style.rpr());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        if !line.is_empty() {
            let _ = write!(
                out,
                r#"<w:t xml:space="preserve">{}</w:t>"#,
                escape_markup(line)
            );
        }
    }
    out.push_str("</w:r>");
    out
}

/// A paragraph's properties, in twips.
#[derive(Debug, Clone, Default)]
struct Para {
    /// "left", "center", "right" or "both" (justified).
    jc: &'static str,
    first_line: i32,
    left: i32,
    right: i32,
    hanging: i32,
    before: i32,
    after: i32,
    /// An exact line pitch; single spacing otherwise.
    exact_line: Option<i32>,
    keep_next: bool,
    page_break_before: bool,
    /// "bottom" for a rule under the paragraph, "box" for a frame around it.
    border: Option<&'static str>,
}

impl Para {
    fn centred() -> Para {
        Para {
            jc: "center",
            ..Para::default()
        }
    }
    fn left() -> Para {
        Para {
            jc: "left",
            ..Para::default()
        }
    }

    fn ppr(&self) -> String {
        let mut out = String::from("<w:pPr>");
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if let Some(border) = self.border {
            let line = r#"w:val="single" w:sz="6" w:space="1" w:color="000000""#;
            out.push_str("<w:pBdr>");
            if border == "box" {
                let _ = write!(out, "<w:top {line}/><w:left {line}/>");
                let _ = write!(out, "<w:bottom {line}/><w:right {line}/>");
            } else {
                let _ = write!(out, "<w:bottom {line}/>");
            }
            out.push_str("</w:pBdr>");
        }
        let line = match self.exact_line {
            Some(l) => format!(r#" w:line="{l}" w:lineRule="exact""#),
            None => String::new(),
        };
        let _ = write!(
            out,
            r#"<w:spacing w:before="{}" w:after="{}"{line}/>"#,
            self.before, self.after
        );
        let _ = write!(
            out,
            r#"<w:ind w:left="{}" w:right="{}""#,
            self.left, self.right
        );
        if self.hanging > 0 {
            let _ = write!(out, r#" w:hanging="{}""#, self.hanging);
        } else if self.first_line > 0 {
            let _ = write!(out, r#" w:firstLine="{}""#, self.first_line);
        }
        out.push_str("/>");
        if !self.jc.is_empty() {
            let _ = write!(out, r#"<w:jc w:val="{}"/>"#, self.jc);
        }
        out.push_str("</w:pPr>");
        out
    }
}

fn paragraph(para: &Para, runs: &str) -> String {
    format!("<w:p>{}{runs}</w:p>", para.ppr())
}

/// An empty, hairline-high paragraph drawing a centred rule `length` twips long across a
/// column `width` twips wide: the short rules of the Decree 30 header.
fn short_rule(width: i32, length: i32) -> String {
    let side = ((width - length) / 2).max(0);
    let para = Para {
        jc: "center",
        left: side,
        right: side,
        exact_line: Some(40),
        after: 60,
        border: Some("bottom"),
        ..Para::default()
    };
    paragraph(&para, "")
}

/// An estimate of `text`'s width in twips at `size` points in Times (bold capitals run
/// about 0,68 em a letter, lower case about 0,5): the length of the short rules, which
/// Decree 30 gives only as a share of the line above.
fn estimated_width(text: &str, size: f32, bold: bool) -> i32 {
    let em: f32 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.25,
            c if c.is_uppercase() => {
                if bold {
                    0.72
                } else {
                    0.68
                }
            }
            _ => 0.5,
        })
        .sum();
    twips(em * size)
}

/// One page orientation's geometry, in twips.
#[derive(Debug, Clone, Copy)]
struct PageBox {
    landscape: bool,
}

impl PageBox {
    fn size(self) -> (i32, i32) {
        let (w, h) = (twips(A4_WIDTH), twips(A4_HEIGHT));
        if self.landscape { (h, w) } else { (w, h) }
    }
    fn text_width(self) -> i32 {
        self.size().0 - twips(MARGIN_LEFT) - twips(MARGIN_RIGHT)
    }
    /// The section properties: page, margins, the page-number header from page 2 when
    /// `title_page`, on every page otherwise.
    fn sect_pr(self, title_page: bool, new_page: bool) -> String {
        let (w, h) = self.size();
        let orient = if self.landscape {
            r#" w:orient="landscape""#
        } else {
            ""
        };
        let mut out = String::from("<w:sectPr>");
        out.push_str(r#"<w:headerReference w:type="default" r:id="rIdPageNumber"/>"#);
        if title_page {
            out.push_str(r#"<w:headerReference w:type="first" r:id="rIdFirstPage"/>"#);
        }
        if new_page {
            out.push_str(r#"<w:type w:val="nextPage"/>"#);
        }
        let _ = write!(
            out,
            r#"<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
            twips(MARGIN_TOP),
            twips(MARGIN_RIGHT),
            twips(MARGIN_BOTTOM),
            twips(MARGIN_LEFT),
            twips(MARGIN_TOP / 2.0),
            twips(MARGIN_BOTTOM / 2.0),
        );
        if title_page {
            out.push_str("<w:titlePg/>");
        }
        out.push_str("</w:sectPr>");
        out
    }
}

fn document_xml(doc: &Document, fonts: &FontSet) -> Result<String, DocxError> {
    let body_box = PageBox {
        landscape: doc.landscape,
    };
    let mut body = String::new();
    if doc.draft != DraftMark::None {
        body.push_str(&draft_box(body_box.text_width()));
    }
    if doc.plain {
        plain_header(doc, &mut body);
    } else {
        if body.is_empty() {
            body.push_str(&leading_paragraph());
        }
        first_page_header(doc, body_box.text_width(), &mut body);
    }
    let numbers = doc.figure_numbers();
    let mut numbers = numbers.into_iter();
    for block in &doc.blocks {
        body.push_str(&block_xml(block, body_box, fonts, &mut numbers)?);
    }
    body.push_str(&closing_xml(&doc.closing, body_box.text_width()));
    if doc.appendices.is_empty() {
        body.push_str(&paragraph(&Para::default(), ""));
        body.push_str(&body_box.sect_pr(true, false));
    } else {
        // The body's section ends here; the appendices start on a new page, landscape when
        // their first table asks for it.
        let section_end = Para::default().ppr().replace(
            "</w:pPr>",
            &format!("{}</w:pPr>", body_box.sect_pr(true, false)),
        );
        let _ = write!(body, "<w:p>{section_end}</w:p>");
        let landscape = doc
            .appendices
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t.landscape || doc.landscape),
                _ => None,
            })
            .unwrap_or(doc.landscape);
        let appendix_box = PageBox { landscape };
        for block in &doc.appendices {
            body.push_str(&block_xml(block, appendix_box, fonts, &mut numbers)?);
        }
        body.push_str(&paragraph(&Para::default(), ""));
        body.push_str(&appendix_box.sect_pr(false, true));
    }
    Ok(format!(
        r#"{XML_DECL}
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"{}><w:body>{body}</w:body></w:document>"#,
        figure::DRAWING_NAMESPACES
    ))
}

/// An empty paragraph 1 twip high, before a body that would start with the header's table:
/// LibreOffice (7.4) drops the text of every drawing's text boxes in a body that starts with a
/// table (the chart's names, values and ticks vanish, the bars stay), and prints them all when
/// a paragraph comes first. Word shows the header where it was.
fn leading_paragraph() -> String {
    paragraph(
        &Para {
            exact_line: Some(1),
            ..Para::default()
        },
        "",
    )
}

/// "DỰ THẢO" boxed over the left header column.
fn draft_box(text_width: i32) -> String {
    let column = (text_width as f32 * HEADER_LEFT_SHARE) as i32;
    let boxed = estimated_width(DRAFT_MARK, HEADER_SIZE, true) + 2 * 120;
    let side = ((column - boxed) / 2).max(0);
    let para = Para {
        jc: "center",
        left: side,
        right: text_width - column + side,
        after: 120,
        border: Some("box"),
        ..Para::default()
    };
    paragraph(&para, &run(DRAFT_MARK, RunStyle::bold(HEADER_SIZE)))
}

/// A table without borders, `widths` in twips, rows given as their cells' content.
fn borderless_table(widths: &[i32], rows: &[Vec<String>]) -> String {
    let total: i32 = widths.iter().sum();
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#
    );
    for w in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    for row in rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (w, content) in widths.iter().zip(row) {
            let content = if content.is_empty() {
                paragraph(&Para::default(), "")
            } else {
                content.clone()
            };
            let _ = write!(
                out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#
            );
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// The two-column header, the document type and the subject.
fn first_page_header(doc: &Document, text_width: i32, out: &mut String) {
    let left_w = (text_width as f32 * HEADER_LEFT_SHARE) as i32;
    let right_w = text_width - left_w;
    let centred = |text: &str, style: RunStyle| paragraph(&Para::centred(), &run(text, style));

    let mut left = String::new();
    if !doc.parent_body.trim().is_empty() {
        left.push_str(&centred(
            &doc.parent_body.to_uppercase(),
            RunStyle::plain(HEADER_SIZE),
        ));
    }
    let issuing = doc.issuing_body.to_uppercase();
    if !issuing.trim().is_empty() {
        left.push_str(&centred(&issuing, RunStyle::bold(HEADER_SIZE)));
        let widest = issuing
            .lines()
            .map(|l| estimated_width(l, HEADER_SIZE, true))
            .max()
            .unwrap_or(0);
        left.push_str(&short_rule(
            left_w,
            (widest / 3).max(twips(HEADER_SIZE * 2.0)),
        ));
    }
    let mut right = centred(NATIONAL_TITLE, RunStyle::bold(HEADER_SIZE));
    right.push_str(&centred(NATIONAL_MOTTO, RunStyle::bold(BODY_SIZE)));
    right.push_str(&short_rule(
        right_w,
        estimated_width(NATIONAL_MOTTO, BODY_SIZE, true),
    ));
    let number = centred(&doc.number, RunStyle::plain(HEADER_SIZE));
    let place = centred(&doc.place_date, RunStyle::italic(BODY_SIZE));
    out.push_str(&borderless_table(
        &[left_w, right_w],
        &[vec![left, right], vec![number, place]],
    ));

    let title = Para {
        keep_next: true,
        ..Para::centred()
    };
    let doc_type = doc.doc_type.to_uppercase();
    if !doc_type.trim().is_empty() {
        let para = Para {
            before: 360,
            ..title.clone()
        };
        out.push_str(&paragraph(
            &para,
            &run(&doc_type, RunStyle::bold(BODY_SIZE)),
        ));
    }
    if !doc.subject.trim().is_empty() {
        let para = Para {
            before: if doc_type.trim().is_empty() { 360 } else { 0 },
            ..title.clone()
        };
        out.push_str(&paragraph(
            &para,
            &run(&doc.subject, RunStyle::bold(BODY_SIZE)),
        ));
        // A subject longer than a line wraps: the rule follows the widest line, at most the
        // text width.
        let widest = doc
            .subject
            .lines()
            .map(|l| estimated_width(l, BODY_SIZE, true).min(text_width))
            .max()
            .unwrap_or(0);
        out.push_str(&short_rule(
            text_width,
            (widest / 3).clamp(twips(BODY_SIZE * 3.0), text_width),
        ));
    }
    out.push_str(&paragraph(
        &Para {
            exact_line: Some(240),
            ..Para::default()
        },
        "",
    ));
}

/// The headline and dateline of a plain article.
fn plain_header(doc: &Document, out: &mut String) {
    out.push_str(&paragraph(
        &Para {
            after: 120,
            keep_next: true,
            ..Para::centred()
        },
        &run(&doc.subject, RunStyle::bold(16.0)),
    ));
    out.push_str(&paragraph(
        &Para {
            after: 240,
            ..Para::centred()
        },
        &run(&doc.place_date, RunStyle::italic(BODY_SIZE)),
    ));
}

/// The body's paragraph: justified, first line indented, 18 pt lines, 6 pt after.
fn body_para() -> Para {
    Para {
        jc: "both",
        first_line: twips(FIRST_LINE_INDENT),
        exact_line: Some(twips(BODY_SIZE * BODY_LEADING)),
        before: twips(PARAGRAPH_GAP),
        ..Para::default()
    }
}

/// One body block; `numbers` gives each figure its number, in the order the figures come.
fn block_xml(
    block: &Block,
    page: PageBox,
    fonts: &FontSet,
    numbers: &mut dyn Iterator<Item = Option<usize>>,
) -> Result<String, DocxError> {
    let text_width = page.text_width();
    Ok(match block {
        Block::Heading(text) => {
            let para = Para {
                jc: "left",
                first_line: 0,
                keep_next: true,
                ..body_para()
            };
            paragraph(&para, &run(text, RunStyle::bold(BODY_SIZE)))
        }
        Block::Paragraph(text) => paragraph(&body_para(), &run(text, RunStyle::plain(BODY_SIZE))),
        Block::Table(table) => table_xml(table, text_width, fonts)?,
        Block::Figure(figure) => match numbers.next().flatten() {
            Some(n) => figure::figure_xml(figure, n, text_width, page.landscape, fonts)?,
            None => String::new(),
        },
    })
}

/// A ruled table: caption and subtitle above it, the header row repeated on every page,
/// group rows across all columns.
fn table_xml(table: &Table, text_width: i32, fonts: &FontSet) -> Result<String, DocxError> {
    let mut out = String::new();
    let caption = Para {
        keep_next: true,
        ..Para::centred()
    };
    if let Some(title) = table.title.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str(&paragraph(
            &Para {
                before: twips(PARAGRAPH_GAP),
                ..caption.clone()
            },
            &run(title, RunStyle::bold(14.0)),
        ));
    }
    if let Some(subtitle) = table.subtitle.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push_str(&paragraph(&caption, &run(subtitle, RunStyle::italic(13.0))));
    }
    out.push_str(&paragraph(
        &Para {
            keep_next: true,
            after: 60,
            exact_line: Some(80),
            ..Para::default()
        },
        "",
    ));
    // The PDF's column widths, in the same proportions of this page's text width.
    let points = table_column_widths(table, fonts)?;
    let ncols = points.len();
    if ncols == 0 {
        return Ok(out);
    }
    let size = if table.font_size.is_finite() && table.font_size > 0.0 {
        table.font_size.clamp(6.0, 28.0)
    } else {
        12.0
    };
    let total: f32 = points.iter().sum::<f32>().max(1.0);
    let mut widths: Vec<i32> = points
        .iter()
        .map(|w| (w / total * text_width as f32) as i32)
        .collect();
    let used: i32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + text_width - used).max(1);
    }
    let line = r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#;
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{text_width}" w:type="dxa"/><w:tblBorders><w:top {line}/><w:left {line}/><w:bottom {line}/><w:right {line}/><w:insideH {line}/><w:insideV {line}/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="50" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="50" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#
    );
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    let cell = |text: &str, width: i32, span: usize, jc: &'static str, style: RunStyle| {
        let span = if span > 1 {
            format!(r#"<w:gridSpan w:val="{span}"/>"#)
        } else {
            String::new()
        };
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}<w:vAlign w:val="center"/></w:tcPr>{}</w:tc>"#,
            paragraph(
                &Para {
                    jc,
                    // The PDF's cell pitch: the type size set solid, 1,2 times.
                    exact_line: Some(twips(size * 1.2)),
                    ..Para::default()
                },
                &run(text, style)
            )
        )
    };
    if table.columns.iter().any(|c| !c.title.trim().is_empty()) {
        out.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let title = table.columns.get(i).map_or("", |c| c.title.as_str());
            out.push_str(&cell(title, *w, 1, "center", RunStyle::bold(size)));
        }
        out.push_str("</w:tr>");
    }
    for row in &table.rows {
        match row {
            TableRow::Group(text) => {
                // A group row stays on the page of the row it introduces.
                out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                let cell = cell(text, text_width, ncols, "left", RunStyle::bold(size))
                    .replace("<w:pPr>", "<w:pPr><w:keepNext/>");
                out.push_str(&cell);
                out.push_str("</w:tr>");
            }
            TableRow::Cells(texts) => {
                out.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
                for (i, w) in widths.iter().enumerate() {
                    let text = if i + 1 == ncols && texts.len() > ncols {
                        texts[i..].join(" ")
                    } else {
                        texts.get(i).cloned().unwrap_or_default()
                    };
                    let jc = match table.columns.get(i).map_or(Align::Left, |c| c.align) {
                        Align::Left => "left",
                        Align::Center => "center",
                        Align::Right => "right",
                    };
                    out.push_str(&cell(&text, *w, 1, jc, RunStyle::plain(size)));
                }
                out.push_str("</w:tr>");
            }
        }
    }
    out.push_str("</w:tbl>");
    Ok(out)
}

/// Recipients and signatures side by side, in a borderless table of two columns.
fn closing_xml(closing: &Closing, text_width: i32) -> String {
    let recipients = closing.recipient_lines();
    let slots = closing.arrangement(!recipients.is_empty());
    if slots.is_empty() {
        return String::new();
    }
    let half = text_width / 2;
    let mut rows = Vec::new();
    let mut widths = vec![half, text_width - half];
    for pair in slots.chunks(2) {
        if let [
            Some(ClosingSlot::Recipients),
            Some(ClosingSlot::Signature(_)),
        ] = pair
        {
            // Beside the recipients the signature takes 55 %, so that "TM. KHỐI ..." keeps
            // to one line, as in the PDF.
            let left = text_width * 45 / 100;
            widths = vec![left, text_width - left];
        }
        let mut row: Vec<String> = pair
            .iter()
            .map(|slot| match slot {
                Some(ClosingSlot::Recipients) => recipients_xml(&recipients),
                Some(ClosingSlot::Signature(s)) => signature_xml(s),
                None => String::new(),
            })
            .collect();
        row.resize(2, String::new());
        rows.push(row);
    }
    let gap = paragraph(
        &Para {
            exact_line: Some(twips(18.0)),
            ..Para::default()
        },
        "",
    );
    format!("{gap}{}", borderless_table(&widths, &rows))
}

fn recipients_xml(recipients: &[String]) -> String {
    let mut out = paragraph(
        &Para::left(),
        &run(
            "Nơi nhận:",
            RunStyle {
                bold: true,
                italic: true,
                size: 12.0,
            },
        ),
    );
    let hang = twips(5.5);
    for (i, r) in recipients.iter().enumerate() {
        let end = if i + 1 == recipients.len() { '.' } else { ';' };
        let para = Para {
            left: hang,
            hanging: hang,
            ..Para::left()
        };
        out.push_str(&paragraph(
            &para,
            &run(&format!("- {r}{end}"), RunStyle::plain(11.0)),
        ));
    }
    out
}

fn signature_xml(s: &Signature) -> String {
    let mut out = String::new();
    let mut titled = false;
    for title in [&s.authority, &s.position] {
        if !title.trim().is_empty() {
            titled = true;
            out.push_str(&paragraph(
                &Para::centred(),
                &run(&title.to_uppercase(), RunStyle::bold(BODY_SIZE)),
            ));
        }
    }
    // A name without a title is a byline: nobody signs above it.
    let para = Para {
        before: if titled { SIGNATURE_SPACE_TWIPS } else { 0 },
        ..Para::centred()
    };
    out.push_str(&paragraph(
        &para,
        &run(&s.signer, RunStyle::bold(BODY_SIZE)),
    ));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::report::test_support::sample_document;

    #[test]
    fn control_characters_never_reach_the_xml() {
        assert_eq!(clean("a\u{0007}b\r\nc\u{200B}d\te"), "ab\ncd e");
        assert_eq!(escape_markup("<&>\""), "&lt;&amp;&gt;&quot;");
    }

    #[test]
    fn a_document_becomes_a_zip_with_its_parts() {
        let mut doc = sample_document();
        doc.blocks
            .push(Block::Paragraph("a < b & \u{0001}c".into()));
        doc.draft = DraftMark::Header;
        let bytes = render_docx(&doc, &FontSet::liberation_serif()).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("a &lt; b &amp; c"));
        assert!(xml.contains(DRAFT_MARK));
        assert!(xml.contains("<w:titlePg/>"));
    }
}
