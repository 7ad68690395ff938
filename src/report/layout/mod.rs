//! The layout engine: turns a [`Document`] into pages of positioned text runs and rules in
//! the Decree 30/2020/NĐ-CP layout (A4, margins top/bottom 20 mm, left 30 mm, right
//! 15 mm; Times-metric 14 pt body). It owns line breaking by real glyph widths,
//! justification, widow/orphan control, keeping headings with what follows, tables that
//! split across pages with a repeated header row, the first-page header, the closing
//! (recipients and signatures) kept in one piece, and page numbers. It also decides what
//! text reaches the page: control characters are dropped and characters the font lacks
//! are replaced by '?' and reported, so the PDF writer never prints an empty glyph box.
//!
//! Coordinates are in points with the origin at the top-left corner of the page and `y`
//! growing downwards (a text run's `y` is its baseline); the PDF writer flips them.
//!
//! The engine is one `Engine` value threaded through the run; its methods are grouped
//! by concern in the submodules: `metrics` (the decree's measurements), `page` (the output
//! types), `text` (what characters reach the page), `breaking` (line breaking and
//! justification), `fit` (breaks chosen for a whole paragraph or title), `paginate` (the
//! flow cursor, block placement and page numbers), `header` (with the draft mark), `table`
//! and `closing`.

mod breaking;
mod closing;
mod figure;
mod fit;
mod header;
mod impose;
mod metrics;
mod page;
mod paginate;
mod table;
mod text;

use std::collections::BTreeSet;

use crate::report::document::{Document, DraftMark};
use crate::report::fonts::{Faces, FontError, FontSet, FontStyle};

pub use figure::{Anchor, FIGURE_GAP, FigureDrawing, Mark, axis_ticks, figure_drawing};
pub use header::{NATIONAL_MOTTO, NATIONAL_TITLE};
pub use metrics::{
    A4_HEIGHT, A4_WIDTH, BODY_LEADING, BODY_SIZE, FIRST_LINE_INDENT, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, MM, PAGE_NUMBER_SIZE, PARAGRAPH_GAP,
};
pub use page::{Fill, Item, Page, Rect, Rule, TextRun, Watermark};
pub use text::is_invisible;

use paginate::Prepared;

/// Why a document could not be laid out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// The fonts could not be read.
    #[error(transparent)]
    Font(#[from] FontError),
}

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The pages, first to last (there is always at least one).
    pub pages: Vec<Page>,
    /// Characters the font lacks, sorted and without duplicates; each was printed as '?'.
    pub missing_chars: Vec<char>,
    /// For each style (in [`FontStyle::ALL`] order), the glyph ids printed with it, sorted:
    /// the subset of the font the PDF embeds.
    pub glyphs: [Vec<u16>; 4],
}

/// Lays out `doc` with `fonts`.
///
/// Never panics on odd input (empty strings, huge paragraphs, unbreakable words, text in
/// scripts the font lacks, tables without rows or columns); the only failure is a font
/// that cannot be read.
pub fn layout(doc: &Document, fonts: &FontSet) -> Result<Layout, LayoutError> {
    let faces = fonts.faces()?;
    let mut engine = Engine::new(faces, doc.landscape);
    if doc.draft != DraftMark::None {
        engine.draft_box();
    }
    if doc.plain {
        engine.plain_header(doc);
    } else {
        engine.first_page_header(doc);
    }
    let prepared: Vec<Prepared> = doc.blocks.iter().map(|b| engine.prepare(b)).collect();
    let closing = engine.build_closing(&doc.closing);
    for i in 0..prepared.len() {
        // The last paragraph keeps its end with the closing (the news item's byline).
        let keep = if i + 1 == prepared.len() {
            closing.height_with_gap()
        } else {
            0.0
        };
        engine.place_block(&prepared, i, keep);
    }
    engine.place_closing(closing);
    if !doc.appendices.is_empty() {
        let prepared: Vec<Prepared> = doc.appendices.iter().map(|b| engine.prepare(b)).collect();
        engine.new_page(engine.wants_landscape(&prepared, 0));
        for i in 0..prepared.len() {
            engine.place_block(&prepared, i, 0.0);
        }
    }
    engine.number_pages();
    if doc.draft == DraftMark::HeaderAndDiagonal {
        engine.draft_diagonals();
    }
    let glyphs = engine.owner.map(|owner| {
        (0..owner.len())
            .filter(|&g| owner[g] != '\0')
            .filter_map(|g| u16::try_from(g).ok())
            .collect()
    });
    let pages = if doc.two_up {
        impose::two_up(engine.pages)
    } else {
        engine.pages
    };
    Ok(Layout {
        pages,
        missing_chars: engine.missing.into_iter().collect(),
        glyphs,
    })
}

/// The widths the PDF gives `table`'s columns, in points, measured with `fonts`: the Word
/// writer shares the table's width in the same proportions, so both files wrap cells alike.
pub fn table_column_widths(
    table: &crate::report::document::Table,
    fonts: &FontSet,
) -> Result<Vec<f32>, LayoutError> {
    let faces = fonts.faces()?;
    let engine = Engine::new(faces, table.landscape);
    let (_, _, _, edges) = engine.column_geometry(table);
    Ok(edges.windows(2).map(|e| e[1] - e[0]).collect())
}

/// One layout run: the pages so far, the flow cursor on the last one, and what cleaning
/// the text has learnt (missing characters, the character each glyph is written as). The
/// fields are private to this module tree; the methods live with their concern.
struct Engine<'a> {
    faces: &'a Faces,
    missing: BTreeSet<char>,
    /// For each style, the character first printed with each glyph id. PDF text
    /// extraction maps a glyph back to one character only, so characters sharing a glyph
    /// (such as 'Đ' U+0110 and 'Ð' U+00D0 in many fonts) are all written as the first one
    /// seen, which keeps the extracted text consistent.
    owner: [Vec<char>; 4],
    pages: Vec<Page>,
    /// Top of the next line box, from the top of the current page.
    y: f32,
    /// Nothing has been placed on the current page yet (gaps are dropped there).
    fresh: bool,
    ascent: f32,
    descent: f32,
    /// The document's own orientation ([`Document::landscape`]): text goes on pages of this
    /// orientation, and only tables may ask for the other.
    landscape: bool,
    /// Figures numbered so far ("Biểu đồ 1.", …), in the order they are prepared.
    figures: usize,
}

impl<'a> Engine<'a> {
    fn new(faces: &'a Faces, landscape: bool) -> Engine<'a> {
        let regular = faces.get(FontStyle::Regular);
        let owner = FontStyle::ALL.map(|s| vec!['\0'; usize::from(faces.get(s).num_glyphs())]);
        let first = Page::new(landscape);
        Engine {
            faces,
            missing: BTreeSet::new(),
            owner,
            y: first.text_box.y,
            pages: vec![first],
            fresh: true,
            ascent: regular.ascent(),
            descent: regular.descent(),
            landscape,
            figures: 0,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::{Align, Block, Column, Document, Table, TableRow};
    use crate::report::fonts::FontSet;
    use crate::report::test_support::{
        assert_inside_text_box, body, cells, column, find, lay, sample_document,
    };

    use super::{LayoutError, NATIONAL_TITLE};

    #[test]
    fn appendices_start_on_a_new_page_after_the_signature() {
        let mut doc = sample_document();
        doc.appendices = vec![
            Block::Heading("PHỤ LỤC RIÊNG".into()),
            Block::Paragraph("Bảng chỉ tiêu".into()),
        ];
        let l = lay(&doc);
        let (sign_page, _) = find(&l, "TRƯỞNG KHỐI")[0];
        let (appendix_page, _) = find(&l, "PHỤ LỤC RIÊNG")[0];
        assert_eq!(appendix_page, sign_page + 1);
        assert_eq!(l.pages.len(), appendix_page + 1);
    }

    #[test]
    fn empty_sections_and_documents_are_handled() {
        let l = lay(&Document::default());
        assert_eq!(l.pages.len(), 1);
        assert_eq!(find(&l, NATIONAL_TITLE).len(), 1);
        assert!(l.missing_chars.is_empty());

        let empty_table = |columns: Vec<Column>, rows: Vec<TableRow>| {
            Block::Table(Table {
                title: None,
                subtitle: None,
                columns,
                rows,
                landscape: false,
                font_size: f32::NAN,
            })
        };
        let doc = body(vec![
            Block::Heading(String::new()),
            Block::Paragraph(String::new()),
            Block::Paragraph(" \n\t \r\n ".into()),
            empty_table(vec![], vec![]),
            empty_table(vec![], vec![cells(&[]), TableRow::Group(String::new())]),
            empty_table(vec![column("", 0.0, Align::Left)], vec![]),
            empty_table(vec![column("Tiêu đề", -3.0, Align::Right)], vec![]),
            empty_table(vec![], vec![cells(&["a", "b"]), cells(&["c"])]),
            Block::Heading("III. MỤC CUỐI".into()),
        ]);
        let l = lay(&doc);
        assert_eq!(l.pages.len(), 1);
        assert_eq!(
            find(&l, "Tiêu đề").len(),
            1,
            "a header without rows is still shown"
        );
        assert_eq!(find(&l, "MỤC CUỐI").len(), 1);
        assert_inside_text_box(&l);
    }

    #[test]
    fn unreadable_fonts_are_reported_in_vietnamese() {
        let err = FontSet::from_bytes("Times New Roman", vec![0; 10], vec![], vec![], vec![])
            .map(|_| ())
            .unwrap_err();
        let err = LayoutError::from(err);
        assert_eq!(
            err.to_string(),
            "Phông chữ Times New Roman (kiểu thường) không đọc được."
        );
    }
}
