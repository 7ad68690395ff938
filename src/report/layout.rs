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

use std::collections::BTreeSet;

use crate::report::document::{Align, Block, Closing, Document, Signature, Table, TableRow};
use crate::report::fonts::{Face, Faces, FontError, FontSet, FontStyle};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Width of a portrait A4 page in points.
pub const A4_WIDTH: f32 = 210.0 * MM;
/// Height of a portrait A4 page in points.
pub const A4_HEIGHT: f32 = 297.0 * MM;
/// Top margin (Decree 30: 20–25 mm).
pub const MARGIN_TOP: f32 = 20.0 * MM;
/// Bottom margin (Decree 30: 20–25 mm).
pub const MARGIN_BOTTOM: f32 = 20.0 * MM;
/// Left margin (Decree 30: 30–35 mm), the binding edge.
pub const MARGIN_LEFT: f32 = 30.0 * MM;
/// Right margin (Decree 30: 15–20 mm).
pub const MARGIN_RIGHT: f32 = 15.0 * MM;

/// Body text size.
pub const BODY_SIZE: f32 = 14.0;
/// Body line pitch as a multiple of the font size: 18 pt at 14 pt, like a Word document
/// set to "exactly 18 pt".
pub const BODY_LEADING: f32 = 18.0 / 14.0;
/// Size of a plain article's headline.
const HEADLINE_SIZE: f32 = 16.0;

/// Line pitch of the header block, table cells and the closing, which are set solid.
const TIGHT_LEADING: f32 = 1.2;
/// Space between paragraphs (Decree 30: at least 6 pt).
pub const PARAGRAPH_GAP: f32 = 6.0;
/// First-line indent of body paragraphs: 1,27 cm.
pub const FIRST_LINE_INDENT: f32 = 12.7 * MM;
/// Size of the agency names, the national title and the number.
const HEADER_SIZE: f32 = 13.0;
/// Size of the page numbers.
pub const PAGE_NUMBER_SIZE: f32 = 13.0;
/// Width of the left header column (agency), as a share of the text width.
const HEADER_LEFT_SHARE: f32 = 0.4;
/// Thickness of the rules under the header lines.
const HEADER_RULE: f32 = 0.6;
/// Thickness of table rules ("thin lines").
const TABLE_RULE: f32 = 0.5;
/// Inner padding of table cells.
const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 2.5;
/// Size of table captions.
const CAPTION_SIZE: f32 = 14.0;
/// Vertical room left for the handwritten signature and the seal.
const SIGNATURE_SPACE: f32 = 25.0 * MM;
/// Space between the last body block and the closing.
const CLOSING_GAP: f32 = 18.0;
/// Tolerance for float comparisons of positions.
const EPS: f32 = 0.01;

/// The national title and motto printed on every document.
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The national motto, with the rule under it.
pub const NATIONAL_MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

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
}

/// A rectangle; `y` is its top edge measured from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge, from the top of the page.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }
    /// Bottom edge, from the top of the page.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Page width in points (595 for portrait A4, 842 for landscape).
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The area inside the margins; no text run or rule leaves it except the page number.
    pub text_box: Rect,
    /// What is printed on the page, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    fn new(landscape: bool) -> Page {
        let (width, height) = if landscape {
            (A4_HEIGHT, A4_WIDTH)
        } else {
            (A4_WIDTH, A4_HEIGHT)
        };
        Page {
            width,
            height,
            text_box: Rect {
                x: MARGIN_LEFT,
                y: MARGIN_TOP,
                width: width - MARGIN_LEFT - MARGIN_RIGHT,
                height: height - MARGIN_TOP - MARGIN_BOTTOM,
            },
            items: Vec::new(),
        }
    }

    /// Whether the page is landscape.
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
    }

    /// The text runs of the page.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Rule(_) => None,
        })
    }

    /// The rules (lines) of the page.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.items.iter().filter_map(|i| match i {
            Item::Rule(r) => Some(r),
            Item::Text(_) => None,
        })
    }
}

/// Something printed on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text on one baseline.
    Text(TextRun),
    /// A straight line.
    Rule(Rule),
}

/// A run of text on one baseline, in one font and size.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left end of the run.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Font face.
    pub style: FontStyle,
    /// The characters, exactly as written to the PDF (all present in the font).
    pub text: String,
    /// Extra space added after each U+0020 space to justify the line, in points.
    pub word_spacing: f32,
    /// Printed width including the justification space, in points.
    pub width: f32,
}

/// A straight line (table rules and the short rules of the header).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Start point.
    pub x1: f32,
    /// Start point, from the top of the page.
    pub y1: f32,
    /// End point.
    pub x2: f32,
    /// End point, from the top of the page.
    pub y2: f32,
    /// Line width in points.
    pub thickness: f32,
}

/// Lays out `doc` with `fonts`.
///
/// Never panics on odd input (empty strings, huge paragraphs, unbreakable words, text in
/// scripts the font lacks, tables without rows or columns); the only failure is a font
/// that cannot be read.
pub fn layout(doc: &Document, fonts: &FontSet) -> Result<Layout, LayoutError> {
    let faces = fonts.faces()?;
    let mut engine = Engine::new(faces);
    if doc.plain {
        engine.plain_header(doc);
    } else {
        engine.first_page_header(doc);
    }
    let prepared: Vec<Prepared> = doc.blocks.iter().map(|b| engine.prepare(b)).collect();
    for i in 0..prepared.len() {
        engine.place_block(&prepared, i);
    }
    engine.closing(&doc.closing);
    if !doc.appendices.is_empty() {
        let prepared: Vec<Prepared> = doc.appendices.iter().map(|b| engine.prepare(b)).collect();
        engine.new_page(Engine::wants_landscape(&prepared, 0));
        for i in 0..prepared.len() {
            engine.place_block(&prepared, i);
        }
    }
    engine.number_pages();
    Ok(Layout {
        pages: engine.pages,
        missing_chars: engine.missing.into_iter().collect(),
    })
}

/// One line produced by the line breaker.
#[derive(Debug, Clone)]
struct Line {
    /// Cleaned text (all characters in the font; may contain no-break spaces).
    text: String,
    /// Natural width in 1/1000 em.
    width: u32,
    /// Indent from the left edge of the column, in points.
    indent: f32,
    /// Whether the line may be stretched to the full width (not the last line of a
    /// paragraph or before a forced break).
    justify: bool,
}

/// Horizontal placement of a line within its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HAlign {
    Justify,
    Left,
    Center,
    Right,
}

impl From<Align> for HAlign {
    fn from(a: Align) -> HAlign {
        match a {
            Align::Left => HAlign::Left,
            Align::Center => HAlign::Center,
            Align::Right => HAlign::Right,
        }
    }
}

/// How a list of lines is set.
#[derive(Debug, Clone, Copy)]
struct LineFormat {
    style: FontStyle,
    size: f32,
    pitch: f32,
    align: HAlign,
    /// Column left edge.
    x: f32,
    /// Column width.
    width: f32,
}

/// Breaks cleaned `text` into lines no wider than `width` points at `size` points:
/// greedily at spaces, at every '\n', and inside a word only when the word alone is
/// wider than the line. The first line is indented by `first_indent`, the others by
/// `rest_indent`. Blank text gives no lines.
fn break_text(
    face: &Face,
    text: &str,
    size: f32,
    width: f32,
    first_indent: f32,
    rest_indent: f32,
) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let text = text.trim_matches(|c| c == ' ' || c == '\n');
    if text.is_empty() {
        return lines;
    }
    let size = if size > 0.0 { size } else { BODY_SIZE };
    let space = face.width(' ');
    let limit = |indent: f32| ((width - indent) * 1000.0 / size).max(0.0) as u32;
    let indent_for = |lines: &Vec<Line>| {
        if lines.is_empty() {
            first_indent
        } else {
            rest_indent
        }
    };
    for segment in text.split('\n') {
        let mut cur = String::new();
        let mut cur_w = 0u32;
        for word in segment.split(' ').filter(|w| !w.is_empty()) {
            let ww = face.text_width(word);
            if !cur.is_empty() {
                let indent = indent_for(&lines);
                if cur_w.saturating_add(space).saturating_add(ww) <= limit(indent) {
                    cur.push(' ');
                    cur.push_str(word);
                    cur_w = cur_w.saturating_add(space).saturating_add(ww);
                    continue;
                }
                lines.push(Line {
                    text: std::mem::take(&mut cur),
                    width: cur_w,
                    indent,
                    justify: true,
                });
                cur_w = 0;
            }
            if ww <= limit(indent_for(&lines)) {
                cur.push_str(word);
                cur_w = ww;
                continue;
            }
            // A word longer than the line: break it between characters.
            for c in word.chars() {
                let cw = face.width(c);
                let indent = indent_for(&lines);
                if !cur.is_empty() && cur_w.saturating_add(cw) > limit(indent) {
                    lines.push(Line {
                        text: std::mem::take(&mut cur),
                        width: cur_w,
                        indent,
                        justify: false,
                    });
                    cur_w = 0;
                }
                cur.push(c);
                cur_w = cur_w.saturating_add(cw);
            }
        }
        let indent = indent_for(&lines);
        lines.push(Line {
            text: cur,
            width: cur_w,
            indent,
            justify: false,
        });
    }
    lines
}

/// A table cell ready to be drawn: its column span and its lines.
#[derive(Debug, Clone)]
struct PreparedCell {
    /// Left edge relative to the table.
    x: f32,
    width: f32,
    style: FontStyle,
    align: HAlign,
    lines: Vec<Line>,
}

/// A table row ready to be drawn.
#[derive(Debug, Clone)]
struct PreparedRow {
    cells: Vec<PreparedCell>,
    /// A full-width group row: no inner column rules.
    group: bool,
    /// Number of text lines of the tallest cell (at least 1).
    lines: usize,
}

#[derive(Debug, Clone)]
struct PreparedTable {
    landscape: bool,
    size: f32,
    pitch: f32,
    width: f32,
    /// Inner column boundaries relative to the table's left edge.
    inner_x: Vec<f32>,
    caption: Vec<Line>,
    header: Option<PreparedRow>,
    rows: Vec<PreparedRow>,
}

impl PreparedTable {
    fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * self.pitch + 2.0 * CELL_PAD_Y
    }
    fn caption_height(&self) -> f32 {
        if self.caption.is_empty() {
            0.0
        } else {
            self.caption.len() as f32 * CAPTION_SIZE * TIGHT_LEADING + 4.0
        }
    }
    fn header_height(&self) -> f32 {
        self.header
            .as_ref()
            .map_or(0.0, |h| self.row_height(h.lines))
    }
}

#[derive(Debug, Clone)]
enum Prepared {
    Heading(Vec<Line>),
    Paragraph(Vec<Line>),
    Table(PreparedTable),
}

/// A line of the closing, positioned relative to the top of the closing group.
#[derive(Debug, Clone)]
struct FloatingLine {
    top: f32,
    height: f32,
    run: TextRun,
}

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
}

impl<'a> Engine<'a> {
    fn new(faces: &'a Faces) -> Engine<'a> {
        let regular = faces.get(FontStyle::Regular);
        let owner = FontStyle::ALL.map(|s| vec!['\0'; usize::from(faces.get(s).num_glyphs())]);
        let first = Page::new(false);
        Engine {
            faces,
            missing: BTreeSet::new(),
            owner,
            y: first.text_box.y,
            pages: vec![first],
            fresh: true,
            ascent: regular.ascent(),
            descent: regular.descent(),
        }
    }

    // ----- text cleaning -------------------------------------------------------------

    /// Makes `text` printable in `style`: drops control and invisible format characters,
    /// turns tabs and exotic spaces into spaces (and '\n' too unless `keep_newlines`),
    /// and replaces characters the font lacks by '?', remembering them.
    fn clean(&mut self, text: &str, style: FontStyle, keep_newlines: bool) -> String {
        let face = self.faces.get(style);
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        continue;
                    }
                    '\n'
                }
                '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
                '\u{00A0}' | '\u{2007}' | '\u{202F}' => '\u{00A0}',
                '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E007F}' => continue,
                c if c.is_whitespace() && c != '\n' => ' ',
                c => c,
            };
            if c == '\n' {
                out.push(if keep_newlines { '\n' } else { ' ' });
            } else if c.is_control() {
                // Dropped: not printable, and not an error either.
            } else if c == ' ' || face.has(c) {
                out.push(c);
            } else {
                self.missing.insert(c);
                if face.has('?') {
                    out.push('?');
                }
            }
        }
        out
    }

    /// The text written to the PDF for a cleaned line: no-break spaces become plain
    /// spaces (same glyph, and the PDF can name only one character per glyph) and
    /// characters sharing a glyph with one already printed are written as that one.
    fn emit(&mut self, style: FontStyle, text: &str) -> String {
        let face = self.faces.get(style);
        let owner = &mut self.owner[style.index()];
        text.chars()
            .map(|c| {
                let c = if c == '\u{00A0}' { ' ' } else { c };
                match face.glyph(c) {
                    Some(g) => match owner.get_mut(usize::from(g.gid)) {
                        Some(slot) if *slot == '\0' => {
                            *slot = c;
                            c
                        }
                        Some(slot) => *slot,
                        None => c,
                    },
                    None => c,
                }
            })
            .collect()
    }

    fn break_clean(
        &mut self,
        text: &str,
        style: FontStyle,
        size: f32,
        width: f32,
        first_indent: f32,
        rest_indent: f32,
    ) -> Vec<Line> {
        let cleaned = self.clean(text, style, true);
        break_text(
            self.faces.get(style),
            &cleaned,
            size,
            width,
            first_indent,
            rest_indent,
        )
    }

    // ----- pages and the flow cursor -------------------------------------------------

    fn page(&self) -> &Page {
        // `pages` is never empty: the engine starts with page 1.
        &self.pages[self.pages.len() - 1]
    }

    fn text_box(&self) -> Rect {
        self.page().text_box
    }

    fn bottom(&self) -> f32 {
        self.text_box().bottom()
    }

    fn landscape(&self) -> bool {
        self.page().is_landscape()
    }

    fn new_page(&mut self, landscape: bool) {
        let page = Page::new(landscape);
        self.y = page.text_box.y;
        self.pages.push(page);
        self.fresh = true;
    }

    fn next_page(&mut self) {
        self.new_page(self.landscape());
    }

    fn push(&mut self, item: Item) {
        let last = self.pages.len() - 1;
        self.pages[last].items.push(item);
    }

    /// Vertical space before a block; dropped at the top of a page.
    fn gap(&mut self, pt: f32) {
        if !self.fresh {
            self.y += pt;
        }
    }

    /// Baseline of a line of `size` centred in a line box of height `pitch`.
    fn baseline(&self, top: f32, pitch: f32, size: f32) -> f32 {
        top + (pitch - size * (self.ascent + self.descent)) / 2.0 + size * self.ascent
    }

    /// The positioned run of `line` set with `fmt` on `baseline`, or `None` for a blank
    /// line.
    fn line_run(&mut self, line: &Line, fmt: &LineFormat, baseline: f32) -> Option<TextRun> {
        if line.text.is_empty() {
            return None;
        }
        let text = self.emit(fmt.style, &line.text);
        let natural = line.width as f32 * fmt.size / 1000.0;
        let avail = fmt.width - line.indent;
        let (x, word_spacing) = match fmt.align {
            HAlign::Justify => {
                let gaps = text.chars().filter(|&c| c == ' ').count();
                let ws = if line.justify && gaps > 0 && avail > natural {
                    (avail - natural) / gaps as f32
                } else {
                    0.0
                };
                // Gaps wider than an em (a few words before an unbreakable one) read as
                // separate columns, to the eye and to text extraction: leave such a line
                // ragged instead.
                let ws = if ws > fmt.size { 0.0 } else { ws };
                (fmt.x + line.indent, ws)
            }
            HAlign::Left => (fmt.x + line.indent, 0.0),
            HAlign::Center => (fmt.x + line.indent + (avail - natural).max(0.0) / 2.0, 0.0),
            HAlign::Right => (fmt.x + (fmt.width - natural).max(line.indent), 0.0),
        };
        let gaps = if word_spacing > 0.0 {
            text.chars().filter(|&c| c == ' ').count() as f32
        } else {
            0.0
        };
        Some(TextRun {
            x,
            y: baseline,
            size: fmt.size,
            style: fmt.style,
            text,
            word_spacing,
            width: natural + gaps * word_spacing,
        })
    }

    /// Sets `line` at the cursor and moves the cursor down one line.
    fn put_line(&mut self, line: &Line, fmt: &LineFormat) {
        let baseline = self.baseline(self.y, fmt.pitch, fmt.size);
        if let Some(run) = self.line_run(line, fmt, baseline) {
            self.push(Item::Text(run));
        }
        self.y += fmt.pitch;
        self.fresh = false;
    }

    /// Sets lines one after another from the cursor (no page breaks; for the header).
    fn put_lines(&mut self, lines: &[Line], fmt: &LineFormat) -> f32 {
        let mut widest = 0.0f32;
        for line in lines {
            widest = widest.max(line.width as f32 * fmt.size / 1000.0);
            self.put_line(line, fmt);
        }
        widest
    }

    /// Flows the lines of one paragraph over as many pages as needed. Paragraphs of
    /// four lines or more are split leaving at least two lines at the bottom of a page
    /// and two at the top of the next; shorter ones are never split.
    fn flow_lines(&mut self, lines: &[Line], fmt: &LineFormat) {
        let n = lines.len();
        let mut start = 0;
        while start < n {
            let room = ((self.bottom() - self.y + EPS) / fmt.pitch)
                .floor()
                .max(0.0) as usize;
            let rest = n - start;
            let mut take = if rest <= room {
                rest
            } else if n < 4 {
                0
            } else {
                let mut k = room;
                if rest - k < 2 {
                    k = rest.saturating_sub(2);
                }
                if start == 0 && k < 2 {
                    k = 0;
                }
                k
            };
            if take == 0 {
                if !self.fresh {
                    self.next_page();
                    continue;
                }
                // Nothing fits even on an empty page: set what fits, to make progress.
                take = room.clamp(1, rest);
            }
            for line in &lines[start..start + take] {
                self.put_line(line, fmt);
            }
            start += take;
            if start < n {
                self.next_page();
            }
        }
    }

    fn body_format(&self, style: FontStyle, align: HAlign) -> LineFormat {
        let tb = self.text_box();
        LineFormat {
            style,
            size: BODY_SIZE,
            pitch: BODY_SIZE * BODY_LEADING,
            align,
            x: tb.x,
            width: tb.width,
        }
    }

    // ----- first page header ---------------------------------------------------------

    /// The two-column header of page 1, the document type and the subject.
    fn first_page_header(&mut self, doc: &Document) {
        let tb = self.text_box();
        let left_w = tb.width * HEADER_LEFT_SHARE;
        let right_w = tb.width - left_w;
        let (lx, rx) = (tb.x, tb.x + left_w);
        let fmt = |style: FontStyle, size: f32, x: f32, width: f32| LineFormat {
            style,
            size,
            pitch: size * TIGHT_LEADING,
            align: HAlign::Center,
            x,
            width,
        };
        let top = tb.y;

        // Left: parent body, issuing body, short rule.
        let parent_fmt = fmt(FontStyle::Regular, HEADER_SIZE, lx, left_w);
        let parent = self.break_clean(
            &doc.parent_body.to_uppercase(),
            FontStyle::Regular,
            HEADER_SIZE,
            left_w,
            0.0,
            0.0,
        );
        self.put_lines(&parent, &parent_fmt);
        let issuing_fmt = fmt(FontStyle::Bold, HEADER_SIZE, lx, left_w);
        let issuing = self.break_clean(
            &doc.issuing_body.to_uppercase(),
            FontStyle::Bold,
            HEADER_SIZE,
            left_w,
            0.0,
            0.0,
        );
        let widest = self.put_lines(&issuing, &issuing_fmt);
        if !issuing.is_empty() {
            let len = (widest / 3.0).max(HEADER_SIZE * 2.0);
            self.rule_under(lx + left_w / 2.0, len, HEADER_SIZE, issuing_fmt.pitch);
        }
        let left_bottom = self.y;

        // Right: national title, motto with a rule as long as the motto.
        self.y = top;
        let title_fmt = fmt(FontStyle::Bold, HEADER_SIZE, rx, right_w);
        let title = self.break_clean(
            NATIONAL_TITLE,
            FontStyle::Bold,
            HEADER_SIZE,
            right_w,
            0.0,
            0.0,
        );
        self.put_lines(&title, &title_fmt);
        let motto_fmt = fmt(FontStyle::Bold, BODY_SIZE, rx, right_w);
        let motto = self.break_clean(
            NATIONAL_MOTTO,
            FontStyle::Bold,
            BODY_SIZE,
            right_w,
            0.0,
            0.0,
        );
        let motto_w = self.put_lines(&motto, &motto_fmt);
        self.rule_under(rx + right_w / 2.0, motto_w, BODY_SIZE, motto_fmt.pitch);
        let right_bottom = self.y;

        // Second row: number on the left, place and date on the right, one baseline.
        let row_top = left_bottom.max(right_bottom) + 4.0;
        let row_pitch = BODY_SIZE * TIGHT_LEADING;
        self.y = row_top;
        let number = self.break_clean(
            &doc.number,
            FontStyle::Regular,
            HEADER_SIZE,
            left_w,
            0.0,
            0.0,
        );
        self.put_lines(
            &number,
            &LineFormat {
                pitch: row_pitch,
                ..fmt(FontStyle::Regular, HEADER_SIZE, lx, left_w)
            },
        );
        // The number is smaller than the date but shares its baseline.
        let shift =
            self.baseline(0.0, row_pitch, BODY_SIZE) - self.baseline(0.0, row_pitch, HEADER_SIZE);
        let last = self.pages.len() - 1;
        let pushed = self.pages[last]
            .items
            .len()
            .saturating_sub(number.iter().filter(|l| !l.text.is_empty()).count());
        for item in &mut self.pages[last].items[pushed..] {
            if let Item::Text(run) = item {
                run.y += shift;
            }
        }
        let number_bottom = self.y;
        self.y = row_top;
        let place = self.break_clean(
            &doc.place_date,
            FontStyle::Italic,
            BODY_SIZE,
            right_w,
            0.0,
            0.0,
        );
        self.put_lines(
            &place,
            &LineFormat {
                pitch: row_pitch,
                ..fmt(FontStyle::Italic, BODY_SIZE, rx, right_w)
            },
        );
        self.y = self.y.max(number_bottom);

        // Document type and subject, centred on the full width, rule under the subject.
        let centre_fmt = LineFormat {
            pitch: BODY_SIZE * TIGHT_LEADING,
            ..self.body_format(FontStyle::Bold, HAlign::Center)
        };
        let doc_type = self.break_clean(
            &doc.doc_type.to_uppercase(),
            FontStyle::Bold,
            BODY_SIZE,
            tb.width,
            0.0,
            0.0,
        );
        let subject =
            self.break_clean(&doc.subject, FontStyle::Bold, BODY_SIZE, tb.width, 0.0, 0.0);
        if !doc_type.is_empty() || !subject.is_empty() {
            self.y += 18.0;
        }
        self.put_lines(&doc_type, &centre_fmt);
        let widest = self.put_lines(&subject, &centre_fmt);
        if !subject.is_empty() {
            let len = (widest / 3.0).max(BODY_SIZE * 3.0);
            self.rule_under(tb.x + tb.width / 2.0, len, BODY_SIZE, centre_fmt.pitch);
        }
        self.y += 12.0;
        self.fresh = false;
    }

    /// The headline and dateline of a plain article.
    fn plain_header(&mut self, doc: &Document) {
        let tb = self.text_box();
        let headline_fmt = LineFormat {
            pitch: HEADLINE_SIZE * TIGHT_LEADING,
            size: HEADLINE_SIZE,
            ..self.body_format(FontStyle::Bold, HAlign::Center)
        };
        let headline = self.break_clean(
            &doc.subject,
            FontStyle::Bold,
            HEADLINE_SIZE,
            tb.width,
            0.0,
            0.0,
        );
        self.put_lines(&headline, &headline_fmt);
        self.y += 6.0;
        let dateline_fmt = LineFormat {
            pitch: BODY_SIZE * TIGHT_LEADING,
            ..self.body_format(FontStyle::Italic, HAlign::Center)
        };
        let dateline = self.break_clean(
            &doc.place_date,
            FontStyle::Italic,
            BODY_SIZE,
            tb.width,
            0.0,
            0.0,
        );
        self.put_lines(&dateline, &dateline_fmt);
        self.y += 12.0;
        self.fresh = false;
    }

    /// A short horizontal rule centred on `centre`, just under the line set above the
    /// cursor (whose pitch and size are given); moves the cursor below it.
    fn rule_under(&mut self, centre: f32, len: f32, size: f32, pitch: f32) {
        let baseline = self.baseline(self.y - pitch, pitch, size);
        let y = baseline + size * self.descent + 2.0;
        self.push(Item::Rule(Rule {
            x1: centre - len / 2.0,
            y1: y,
            x2: centre + len / 2.0,
            y2: y,
            thickness: HEADER_RULE,
        }));
        self.y = self.y.max(y + 2.0);
    }

    // ----- blocks --------------------------------------------------------------------

    fn prepare(&mut self, block: &Block) -> Prepared {
        let width = Page::new(false).text_box.width;
        match block {
            Block::Heading(text) => Prepared::Heading(self.break_clean(
                text,
                FontStyle::Bold,
                BODY_SIZE,
                width,
                0.0,
                0.0,
            )),
            Block::Paragraph(text) => Prepared::Paragraph(self.break_clean(
                text,
                FontStyle::Regular,
                BODY_SIZE,
                width,
                FIRST_LINE_INDENT,
                0.0,
            )),
            Block::Table(table) => Prepared::Table(self.prepare_table(table)),
        }
    }

    fn prepare_table(&mut self, table: &Table) -> PreparedTable {
        let width = Page::new(table.landscape).text_box.width;
        let size = if table.font_size.is_finite() && table.font_size > 0.0 {
            table.font_size.clamp(6.0, 28.0)
        } else {
            12.0
        };
        let pitch = size * TIGHT_LEADING;

        // Columns: without any, as many equal ones as the widest row has cells.
        let ncols = if table.columns.is_empty() {
            table
                .rows
                .iter()
                .map(|r| match r {
                    TableRow::Cells(c) => c.len(),
                    TableRow::Group(_) => 0,
                })
                .max()
                .unwrap_or(0)
        } else {
            table.columns.len()
        };
        let weights: Vec<f32> = (0..ncols)
            .map(|i| {
                table
                    .columns
                    .get(i)
                    .map(|c| c.width)
                    .filter(|w| w.is_finite() && *w > 0.0)
                    .unwrap_or(1.0)
            })
            .collect();
        let col_x = self.column_edges(table, &weights, width, size);
        let aligns: Vec<HAlign> = (0..ncols)
            .map(|i| {
                table
                    .columns
                    .get(i)
                    .map_or(HAlign::Left, |c| c.align.into())
            })
            .collect();

        let cell = |engine: &mut Engine, text: &str, x: f32, w: f32, style, align: HAlign| {
            let inner = (w - 2.0 * CELL_PAD_X).max(1.0);
            PreparedCell {
                x: x + CELL_PAD_X,
                width: inner,
                style,
                align,
                lines: engine.break_clean(text, style, size, inner, 0.0, 0.0),
            }
        };
        let row_of = |cells: Vec<PreparedCell>, group: bool| PreparedRow {
            lines: cells
                .iter()
                .map(|c| c.lines.len())
                .max()
                .unwrap_or(0)
                .max(1),
            cells,
            group,
        };

        let header = if table.columns.iter().any(|c| !c.title.trim().is_empty()) {
            let cells = (0..ncols)
                .map(|i| {
                    let title = table.columns.get(i).map_or("", |c| c.title.as_str());
                    cell(
                        self,
                        title,
                        col_x[i],
                        col_x[i + 1] - col_x[i],
                        FontStyle::Bold,
                        HAlign::Center,
                    )
                })
                .collect();
            Some(row_of(cells, false))
        } else {
            None
        };

        let mut rows = Vec::with_capacity(table.rows.len());
        for row in &table.rows {
            match row {
                TableRow::Group(text) => {
                    let c = cell(self, text, 0.0, width, FontStyle::Bold, HAlign::Left);
                    rows.push(row_of(vec![c], true));
                }
                TableRow::Cells(texts) => {
                    if ncols == 0 {
                        continue;
                    }
                    let cells = (0..ncols)
                        .map(|i| {
                            let text = if i + 1 == ncols && texts.len() > ncols {
                                texts[i..].join(" ")
                            } else {
                                texts.get(i).cloned().unwrap_or_default()
                            };
                            cell(
                                self,
                                &text,
                                col_x[i],
                                col_x[i + 1] - col_x[i],
                                FontStyle::Regular,
                                aligns[i],
                            )
                        })
                        .collect();
                    rows.push(row_of(cells, false));
                }
            }
        }

        let caption = match &table.title {
            Some(t) => self.break_clean(t, FontStyle::Bold, CAPTION_SIZE, width, 0.0, 0.0),
            None => Vec::new(),
        };
        let inner_x = if ncols > 1 {
            col_x[1..ncols].to_vec()
        } else {
            Vec::new()
        };
        PreparedTable {
            landscape: table.landscape,
            size,
            pitch,
            width,
            inner_x,
            caption,
            header,
            rows,
        }
    }

    /// Column edges (from 0 to `width`) shared in proportion to the weights, but giving
    /// every column at least the width of its longest word (header or cells, capped at
    /// 30 % of the table), as a word processor does: a narrow "STT" column must not print
    /// "ST" over "T".
    fn column_edges(&self, table: &Table, weights: &[f32], width: f32, size: f32) -> Vec<f32> {
        let n = weights.len();
        let regular = self.faces.get(FontStyle::Regular);
        let bold = self.faces.get(FontStyle::Bold);
        let longest = |face: &Face, text: &str| {
            text.split_whitespace()
                .map(|w| face.text_width(w))
                .max()
                .unwrap_or(0)
        };
        let mut min_th = vec![0u32; n];
        for (i, m) in min_th.iter_mut().enumerate() {
            if let Some(c) = table.columns.get(i) {
                *m = longest(bold, &c.title);
            }
        }
        for row in &table.rows {
            if let TableRow::Cells(cells) = row {
                for (m, text) in min_th.iter_mut().zip(cells) {
                    *m = (*m).max(longest(regular, text));
                }
            }
        }
        let mut min: Vec<f32> = min_th
            .iter()
            .map(|&m| (m as f32 * size / 1000.0 + 2.0 * CELL_PAD_X + 0.5).min(width * 0.3))
            .collect();
        let min_total: f32 = min.iter().sum();
        if min_total > width {
            for m in &mut min {
                *m *= width / min_total;
            }
        }
        // Columns below their minimum get it; the others share the rest by weight.
        let mut fixed = vec![false; n];
        let mut widths = vec![0.0f32; n];
        for _ in 0..=n {
            let fixed_total: f32 = (0..n).filter(|&i| fixed[i]).map(|i| min[i]).sum();
            let free_weight: f32 = (0..n).filter(|&i| !fixed[i]).map(|i| weights[i]).sum();
            let rest = (width - fixed_total).max(0.0);
            let mut changed = false;
            for i in 0..n {
                widths[i] = if fixed[i] {
                    min[i]
                } else if free_weight > 0.0 {
                    weights[i] / free_weight * rest
                } else {
                    0.0
                };
                if !fixed[i] && widths[i] < min[i] {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let mut edges = Vec::with_capacity(n + 1);
        let mut acc = 0.0f32;
        edges.push(0.0);
        for w in &widths {
            acc += w;
            edges.push(acc);
        }
        if let Some(last) = edges.last_mut() {
            *last = width;
        }
        edges
    }

    /// The orientation block `i` wants: landscape tables on landscape pages, everything
    /// else upright; a heading goes with the block it introduces.
    fn wants_landscape(blocks: &[Prepared], i: usize) -> bool {
        for block in blocks.iter().skip(i) {
            match block {
                Prepared::Heading(_) => continue,
                Prepared::Paragraph(_) => return false,
                Prepared::Table(t) => return t.landscape,
            }
        }
        false
    }

    /// The height that must fit under a heading so that the heading is not left alone
    /// at the bottom of a page: the first two lines of a paragraph (all of a short one),
    /// or a table's caption, header and first row.
    fn lead_height(blocks: &[Prepared], i: usize) -> f32 {
        let mut total = 0.0;
        for block in blocks.iter().skip(i).take(8) {
            match block {
                Prepared::Heading(lines) => {
                    total += PARAGRAPH_GAP + lines.len() as f32 * BODY_SIZE * BODY_LEADING;
                }
                Prepared::Paragraph(lines) => {
                    let n = lines.len();
                    let keep = if n >= 4 { 2 } else { n };
                    return total + PARAGRAPH_GAP + keep as f32 * BODY_SIZE * BODY_LEADING;
                }
                Prepared::Table(t) => {
                    let first = t.rows.first().map_or(0.0, |r| t.row_height(r.lines));
                    return total + PARAGRAPH_GAP + t.caption_height() + t.header_height() + first;
                }
            }
        }
        total
    }

    fn place_block(&mut self, blocks: &[Prepared], i: usize) {
        let landscape = Self::wants_landscape(blocks, i);
        if landscape != self.landscape() {
            self.new_page(landscape);
        }
        match &blocks[i] {
            Prepared::Heading(lines) => {
                if lines.is_empty() {
                    return;
                }
                self.gap(PARAGRAPH_GAP);
                let fmt = self.body_format(FontStyle::Bold, HAlign::Left);
                let own = lines.len() as f32 * fmt.pitch;
                let need = own + Self::lead_height(blocks, i + 1);
                let body = self.text_box().height;
                if !self.fresh && self.y + need > self.bottom() + EPS && need <= body {
                    self.next_page();
                }
                self.flow_lines(lines, &fmt);
            }
            Prepared::Paragraph(lines) => {
                if lines.is_empty() {
                    return;
                }
                self.gap(PARAGRAPH_GAP);
                let fmt = self.body_format(FontStyle::Regular, HAlign::Justify);
                self.flow_lines(lines, &fmt);
            }
            Prepared::Table(table) => self.place_table(table),
        }
    }

    // ----- tables --------------------------------------------------------------------

    fn place_table(&mut self, t: &PreparedTable) {
        if t.caption.is_empty() && t.header.is_none() && t.rows.is_empty() {
            return;
        }
        // A captioned table stands apart from the text above it.
        self.gap(if t.caption.is_empty() {
            PARAGRAPH_GAP
        } else {
            2.0 * PARAGRAPH_GAP
        });
        let body = self.text_box().height;
        let header_h = t.header_height();
        // A header taller than a third of the page is printed once, not repeated.
        let repeat_header = header_h <= body / 3.0;
        // Caption, header and the first row (two when the first is a group row) stay
        // together.
        let first_row = match (t.rows.first(), t.rows.get(1)) {
            (Some(a), Some(b)) if a.group && !b.group => {
                t.row_height(a.lines) + t.row_height(b.lines)
            }
            (Some(a), _) => t.row_height(a.lines),
            (None, _) => 0.0,
        };
        let lead = (t.caption_height() + header_h + first_row).min(body);
        if !self.fresh && self.y + lead > self.bottom() + EPS {
            self.next_page();
        }
        let x0 = self.text_box().x;
        if !t.caption.is_empty() {
            let fmt = LineFormat {
                style: FontStyle::Bold,
                size: CAPTION_SIZE,
                pitch: CAPTION_SIZE * TIGHT_LEADING,
                align: HAlign::Center,
                x: x0,
                width: t.width,
            };
            self.flow_lines(&t.caption, &fmt);
            self.y += 4.0;
        }

        let mut seg = TableSegment::default();
        let mut rows: Vec<&PreparedRow> = Vec::with_capacity(t.rows.len() + 1);
        if !repeat_header {
            rows.extend(t.header.as_ref());
        }
        rows.extend(t.rows.iter());
        for (idx, row) in rows.iter().enumerate() {
            let mut from = 0;
            while from < row.lines {
                if !seg.open {
                    seg.start(self.y);
                    if repeat_header && let Some(h) = &t.header {
                        self.draw_row(t, &mut seg, h, 0, h.lines);
                    }
                }
                let rest = row.lines - from;
                let full_h = t.row_height(rest);
                // Keep a group row with the row it introduces.
                let need = match rows.get(idx + 1) {
                    Some(next) if row.group && from == 0 && !next.group => {
                        full_h + t.row_height(next.lines)
                    }
                    _ => full_h,
                };
                let only_header =
                    (self.y - seg.top - if repeat_header { header_h } else { 0.0 }).abs() < EPS;
                if self.y + need <= self.bottom() + EPS
                    || (self.y + full_h <= self.bottom() + EPS && only_header)
                {
                    self.draw_row(t, &mut seg, row, from, row.lines);
                    break;
                }
                let page_room = body - if repeat_header { header_h } else { 0.0 };
                if full_h <= page_room + EPS && !only_header {
                    self.close_segment(t, &mut seg);
                    self.next_page();
                    continue;
                }
                // Taller than a page: split the row between lines, as a last resort.
                let fit = ((self.bottom() - self.y - 2.0 * CELL_PAD_Y + EPS) / t.pitch)
                    .floor()
                    .max(0.0) as usize;
                if fit == 0 && !only_header {
                    self.close_segment(t, &mut seg);
                    self.next_page();
                    continue;
                }
                let take = fit.clamp(1, rest);
                self.draw_row(t, &mut seg, row, from, from + take);
                from += take;
                if from < row.lines {
                    self.close_segment(t, &mut seg);
                    self.next_page();
                }
            }
        }
        if seg.open {
            self.close_segment(t, &mut seg);
        } else if rows.is_empty()
            && let Some(h) = t.header.as_ref().filter(|_| repeat_header)
        {
            // A table without rows still shows its header.
            seg.start(self.y);
            self.draw_row(t, &mut seg, h, 0, h.lines);
            self.close_segment(t, &mut seg);
        }
    }

    /// Draws lines `from..to` of `row` at the cursor, with the rule above it.
    fn draw_row(
        &mut self,
        t: &PreparedTable,
        seg: &mut TableSegment,
        row: &PreparedRow,
        from: usize,
        to: usize,
    ) {
        let x0 = self.text_box().x;
        let top = self.y;
        let height = t.row_height(to - from);
        self.table_rule(x0, top, x0 + t.width, top);
        if row.group {
            self.flush_inner(t, seg, top);
        } else if seg.inner_from.is_none() {
            seg.inner_from = Some(top);
        }
        let whole = from == 0 && to == row.lines;
        for cell in &row.cells {
            let end = to.min(cell.lines.len());
            if from >= end {
                continue;
            }
            // A whole row is centred vertically; pieces of a split row start at the top.
            let offset = if whole {
                (row.lines - cell.lines.len()) as f32 * t.pitch / 2.0
            } else {
                0.0
            };
            let fmt = LineFormat {
                style: cell.style,
                size: t.size,
                pitch: t.pitch,
                align: cell.align,
                x: x0 + cell.x,
                width: cell.width,
            };
            for (k, line) in cell.lines[from..end].iter().enumerate() {
                let line_top = top + CELL_PAD_Y + offset + k as f32 * t.pitch;
                let baseline = self.baseline(line_top, t.pitch, t.size);
                if let Some(run) = self.line_run(line, &fmt, baseline) {
                    self.push(Item::Text(run));
                }
            }
        }
        self.y = top + height;
        self.fresh = false;
    }

    fn table_rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.push(Item::Rule(Rule {
            x1,
            y1,
            x2,
            y2,
            thickness: TABLE_RULE,
        }));
    }

    /// Draws the inner column rules from where they started down to `y`.
    fn flush_inner(&mut self, t: &PreparedTable, seg: &mut TableSegment, y: f32) {
        if let Some(from) = seg.inner_from.take() {
            let x0 = self.text_box().x;
            for &x in &t.inner_x {
                self.table_rule(x0 + x, from, x0 + x, y);
            }
        }
    }

    /// Closes the part of the table on the current page: bottom rule, outer rules and
    /// the inner column rules.
    fn close_segment(&mut self, t: &PreparedTable, seg: &mut TableSegment) {
        if !seg.open {
            return;
        }
        let x0 = self.text_box().x;
        let y = self.y;
        self.flush_inner(t, seg, y);
        if y > seg.top + EPS {
            self.table_rule(x0, y, x0 + t.width, y);
            self.table_rule(x0, seg.top, x0, y);
            self.table_rule(x0 + t.width, seg.top, x0 + t.width, y);
        }
        seg.open = false;
    }

    // ----- closing -------------------------------------------------------------------

    /// Recipients and signatures, side by side, kept on one page.
    fn closing(&mut self, closing: &Closing) {
        let recipients: Vec<String> = closing
            .recipients
            .iter()
            .map(|r| {
                let r = r.trim();
                let r = r.strip_prefix('-').unwrap_or(r).trim_start();
                r.trim_end_matches([';', '.', ',']).trim_end().to_owned()
            })
            .filter(|r| !r.is_empty())
            .collect();
        if recipients.is_empty() && closing.signatures.is_empty() {
            return;
        }
        let tb = self.text_box();
        let half = tb.width / 2.0;
        let pitch = BODY_SIZE * TIGHT_LEADING;

        // Slots in reading order, two per row: recipients first (left), then the
        // signatures; a lone signature without recipients goes to the right.
        let mut slots: Vec<Option<Slot>> = Vec::new();
        if !recipients.is_empty() {
            slots.push(Some(Slot::Recipients));
        } else if closing.signatures.len() == 1 {
            slots.push(None);
        }
        slots.extend(closing.signatures.iter().map(|s| Some(Slot::Signature(s))));

        let mut lines: Vec<FloatingLine> = Vec::new();
        let mut row_top = 0.0f32;
        for pair in slots.chunks(2) {
            // Beside the recipients the signature may take up to 60 % of the width, so
            // that "TM. KHỐI THI ĐUA ..." stays on one line; otherwise halves.
            let mut split = half;
            if let [Some(Slot::Recipients), Some(Slot::Signature(s))] = pair {
                let face = self.faces.get(FontStyle::Bold);
                let needed = [&s.authority, &s.position]
                    .iter()
                    .map(|t| face.text_width_pt(&t.to_uppercase(), BODY_SIZE))
                    .fold(0.0f32, f32::max)
                    + 12.0;
                split = tb.width - needed.clamp(half, tb.width * 0.6);
            }
            // Break every signature of the row first: the signers' names share a line.
            let mut broken: Vec<Option<(Vec<Line>, Vec<Line>)>> = Vec::new();
            for (col, slot) in pair.iter().enumerate() {
                let width = if col == 0 { split } else { tb.width - split };
                broken.push(match slot {
                    Some(Slot::Signature(s)) => {
                        let mut titles = Vec::new();
                        for text in [&s.authority, &s.position] {
                            titles.extend(self.break_clean(
                                &text.to_uppercase(),
                                FontStyle::Bold,
                                BODY_SIZE,
                                width,
                                0.0,
                                0.0,
                            ));
                        }
                        let signer = self.break_clean(
                            &s.signer,
                            FontStyle::Bold,
                            BODY_SIZE,
                            width,
                            0.0,
                            0.0,
                        );
                        Some((titles, signer))
                    }
                    _ => None,
                });
            }
            let titles_h = broken
                .iter()
                .flatten()
                .map(|(t, _)| t.len() as f32 * pitch)
                .fold(0.0f32, f32::max);
            let mut row_h = 0.0f32;
            for (col, (slot, parts)) in pair.iter().zip(broken).enumerate() {
                let (x, width) = if col == 0 {
                    (tb.x, split)
                } else {
                    (tb.x + split, tb.width - split)
                };
                let h = match (slot, parts) {
                    (Some(Slot::Recipients), _) => {
                        self.recipient_lines(&recipients, x, width - 6.0, row_top, &mut lines)
                    }
                    (_, Some((titles, signer))) => {
                        let fmt = LineFormat {
                            style: FontStyle::Bold,
                            size: BODY_SIZE,
                            pitch,
                            align: HAlign::Center,
                            x,
                            width,
                        };
                        let mut t = row_top;
                        self.floating(&titles, &fmt, &mut t, &mut lines);
                        t = row_top + titles_h + SIGNATURE_SPACE;
                        self.floating(&signer, &fmt, &mut t, &mut lines);
                        t - row_top
                    }
                    _ => 0.0,
                };
                row_h = row_h.max(h);
            }
            row_top += row_h + 18.0;
        }
        self.place_floating(lines);
    }

    fn recipient_lines(
        &mut self,
        recipients: &[String],
        x: f32,
        width: f32,
        top: f32,
        out: &mut Vec<FloatingLine>,
    ) -> f32 {
        let mut t = top;
        let head = LineFormat {
            style: FontStyle::BoldItalic,
            size: 12.0,
            pitch: BODY_SIZE * TIGHT_LEADING,
            align: HAlign::Left,
            x,
            width,
        };
        let heading = self.break_clean("Nơi nhận:", head.style, head.size, width, 0.0, 0.0);
        let first = out.len();
        self.floating(&heading, &head, &mut t, out);
        // "Nơi nhận:" sits on the baseline of the signature's first line.
        let baseline = self.baseline(0.0, head.pitch, BODY_SIZE);
        if let Some(line) = out.get_mut(first) {
            line.run.y = baseline;
        }
        let item = LineFormat {
            style: FontStyle::Regular,
            size: 11.0,
            pitch: 11.0 * TIGHT_LEADING,
            ..head
        };
        let hang = self
            .faces
            .get(FontStyle::Regular)
            .text_width_pt("- ", item.size);
        for (i, r) in recipients.iter().enumerate() {
            let end = if i + 1 == recipients.len() { '.' } else { ';' };
            let text = format!("- {r}{end}");
            let broken = self.break_clean(&text, item.style, item.size, width, 0.0, hang);
            self.floating(&broken, &item, &mut t, out);
        }
        t - top
    }

    fn floating(
        &mut self,
        lines: &[Line],
        fmt: &LineFormat,
        t: &mut f32,
        out: &mut Vec<FloatingLine>,
    ) {
        for line in lines {
            let baseline = self.baseline(0.0, fmt.pitch, fmt.size);
            if let Some(run) = self.line_run(line, fmt, baseline) {
                out.push(FloatingLine {
                    top: *t,
                    height: fmt.pitch,
                    run,
                });
            }
            *t += fmt.pitch;
        }
    }

    /// Places the closing group: whole on this page if it fits, else whole at the top
    /// of the next; only a group taller than a page is spread line by line.
    fn place_floating(&mut self, mut lines: Vec<FloatingLine>) {
        let total = lines
            .iter()
            .map(|l| l.top + l.height)
            .fold(0.0f32, f32::max);
        if lines.is_empty() {
            return;
        }
        self.gap(CLOSING_GAP);
        let body = self.text_box().height;
        if !self.fresh && (self.y + total > self.bottom() + EPS) {
            self.next_page();
        }
        lines.sort_by(|a, b| a.top.total_cmp(&b.top));
        let mut offset = self.y;
        let mut end = self.y;
        for line in lines {
            if total > body && offset + line.top + line.height > self.bottom() + EPS {
                self.next_page();
                offset = self.y - line.top;
            }
            let mut run = line.run;
            run.y += offset + line.top;
            end = end.max(offset + line.top + line.height);
            self.push(Item::Text(run));
        }
        self.y = end;
        self.fresh = false;
    }

    // ----- page numbers --------------------------------------------------------------

    /// Arabic page numbers centred in the top margin, from page 2 on.
    fn number_pages(&mut self) {
        let face = self.faces.get(FontStyle::Regular);
        for (i, page) in self.pages.iter_mut().enumerate().skip(1) {
            let text = (i + 1).to_string();
            let width = face.text_width_pt(&text, PAGE_NUMBER_SIZE);
            let tb = page.text_box;
            page.items.push(Item::Text(TextRun {
                x: tb.x + (tb.width - width) / 2.0,
                y: MARGIN_TOP / 2.0 + PAGE_NUMBER_SIZE * 0.35,
                size: PAGE_NUMBER_SIZE,
                style: FontStyle::Regular,
                text,
                word_spacing: 0.0,
                width,
            }));
        }
    }
}

/// What goes into one cell of the closing grid.
enum Slot<'d> {
    Recipients,
    Signature(&'d Signature),
}

/// The part of a table on the current page, for drawing its rules.
#[derive(Debug, Default)]
struct TableSegment {
    open: bool,
    top: f32,
    /// Where the current run of inner column rules started (group rows interrupt them).
    inner_from: Option<f32>,
}

impl TableSegment {
    fn start(&mut self, y: f32) {
        self.open = true;
        self.top = y;
        self.inner_from = None;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod tests {
    use std::sync::OnceLock;
    use std::time::Instant;

    use super::*;
    use crate::report::document::{Column, Meta};

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
            plain: false,
        }
    }

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

    pub(crate) fn column(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
        }
    }

    pub(crate) fn cells(texts: &[&str]) -> TableRow {
        TableRow::Cells(texts.iter().map(|t| t.to_string()).collect())
    }

    /// A document with only body blocks (header fields empty, no closing).
    fn body(blocks: Vec<Block>) -> Document {
        Document {
            blocks,
            ..Document::default()
        }
    }

    fn lay(doc: &Document) -> Layout {
        layout(doc, fonts()).expect("embedded fonts parse")
    }

    /// Page index and run of every text run whose text contains `needle`.
    fn find<'l>(l: &'l Layout, needle: &str) -> Vec<(usize, &'l TextRun)> {
        l.pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.texts().map(move |t| (i, t)))
            .filter(|(_, t)| t.text.contains(needle))
            .collect()
    }

    /// Checks that nothing but the page number leaves the text box.
    fn assert_inside_text_box(l: &Layout) {
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
    fn words_of(l: &Layout, style: FontStyle) -> Vec<String> {
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

    #[test]
    fn no_line_is_wider_than_the_text_box() {
        let long = [SENTENCE; 40].join(" ");
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph(long.clone()));
        doc.blocks.push(Block::Table(Table {
            title: None,
            columns: vec![
                column("STT", 0.5, Align::Center),
                column("Nội dung", 3.0, Align::Left),
                column("Ghi chú", 1.0, Align::Right),
            ],
            rows: (0..30)
                .map(|i| {
                    let part: String = long.chars().take((i * 37) % 600).collect();
                    cells(&[&i.to_string(), &part, SENTENCE])
                })
                .collect(),
            landscape: false,
            font_size: 11.0,
        }));
        let l = lay(&doc);
        assert!(l.pages.len() >= 4);
        assert_inside_text_box(&l);

        // Justified lines end exactly at the right margin, and the last line of a
        // paragraph is not stretched.
        let stretched: Vec<&TextRun> = l
            .pages
            .iter()
            .flat_map(|p| p.texts())
            .filter(|t| t.word_spacing > 0.0)
            .collect();
        assert!(stretched.len() > 40);
        for t in &stretched {
            assert!(
                (t.x + t.width - (A4_WIDTH - MARGIN_RIGHT)).abs() < 0.05,
                "{:?}",
                t.text
            );
            assert!(
                t.word_spacing < BODY_SIZE,
                "gaps of {} pt in {:?}",
                t.word_spacing,
                t.text
            );
        }
        let last_line = l
            .pages
            .iter()
            .flat_map(|p| p.texts())
            .filter(|t| long.ends_with(t.text.as_str()))
            .last();
        assert_eq!(last_line.map(|t| t.word_spacing), Some(0.0));

        // Table cells: no column rule crosses a run, and runs keep their padding.
        for page in &l.pages {
            let verticals: Vec<&Rule> = page.rules().filter(|r| r.x1 == r.x2).collect();
            for t in page.texts() {
                for v in verticals
                    .iter()
                    .filter(|v| v.y1.min(v.y2) <= t.y && t.y <= v.y1.max(v.y2))
                {
                    assert!(
                        v.x1 <= t.x - CELL_PAD_X + 0.01
                            || v.x1 >= t.x + t.width + CELL_PAD_X - 0.01,
                        "{:?} touches the column rule at {}",
                        t.text,
                        v.x1
                    );
                }
            }
        }

        // Nothing was lost or reordered by line breaking.
        let words = words_of(
            &lay(&body(vec![Block::Paragraph(long.clone())])),
            FontStyle::Regular,
        );
        assert_eq!(words, long.split(' ').collect::<Vec<_>>());
    }

    #[test]
    fn ten_thousand_words_lay_out_quickly() {
        let words: Vec<String> = (0..10_000).map(|i| format!("chữ{i}")).collect();
        let doc = body(vec![
            Block::Heading("I. MỘT MỤC RẤT DÀI".into()),
            Block::Paragraph(words.join(" ")),
        ]);
        let start = Instant::now();
        let l = lay(&doc);
        let elapsed = start.elapsed();
        eprintln!("10.000 words: {} pages in {elapsed:?}", l.pages.len());
        // Well under a second in release; generous for unoptimised test builds.
        assert!(elapsed.as_secs_f32() < 5.0, "took {elapsed:?}");
        assert!(l.pages.len() > 20);
        assert_eq!(words_of(&l, FontStyle::Regular), words);
        assert_inside_text_box(&l);
    }

    #[test]
    fn an_unbreakable_word_is_split_between_characters() {
        let word: String = "Nghiêngđậmđàxãhội".chars().cycle().take(300).collect();
        let doc = body(vec![
            Block::Paragraph(format!("Từ dài: {word} hết.")),
            Block::Table(Table {
                title: Some(word.clone()),
                columns: vec![
                    column("A", 1.0, Align::Left),
                    column("B", 1.0, Align::Right),
                ],
                rows: vec![cells(&[&word, &word])],
                landscape: false,
                font_size: 12.0,
            }),
        ]);
        let l = lay(&doc);
        assert_inside_text_box(&l);
        let body_runs: Vec<&TextRun> = l.pages[0]
            .texts()
            .filter(|t| t.style == FontStyle::Regular && t.size == BODY_SIZE)
            .collect();
        assert!(body_runs.len() >= 3, "the word needs several lines");
        let joined: String = body_runs.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(joined.replace(' ', ""), format!("Từdài:{word}hết."));
        // In each cell too, all characters are printed, in order.
        let cell_text: String = l
            .pages
            .iter()
            .flat_map(|p| p.texts())
            .filter(|t| t.size == 12.0 && t.style == FontStyle::Regular)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(cell_text.chars().count(), 600);
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
    fn hostile_input_never_panics() {
        let huge: String = SENTENCE.chars().cycle().take(100_000).collect();
        let nasty = "Emoji 😀👨‍👩‍👧 chữ Hán 漢字, tiếng Ả Rập مرحبا بالعالم, Do Thái שלום, \
                     điều khiển \u{0}\u{7}\u{1b}[31m\u{7f}\u{85}, \u{202e}đảo chiều\u{202c}, \
                     tab\tvà\r\nxuống dòng, kết hợp e\u{301} và \u{fe0f}";
        let doc = Document {
            parent_body: nasty.into(),
            issuing_body: nasty.into(),
            number: nasty.into(),
            place_date: nasty.into(),
            doc_type: nasty.into(),
            subject: nasty.into(),
            blocks: vec![
                Block::Heading(nasty.into()),
                Block::Paragraph(huge),
                Block::Paragraph(nasty.into()),
                Block::Table(Table {
                    title: Some(nasty.into()),
                    columns: (0..40)
                        .map(|_| column(nasty, f32::INFINITY, Align::Right))
                        .collect(),
                    rows: vec![cells(&[nasty; 45]), TableRow::Group(nasty.into())],
                    landscape: true,
                    font_size: 1e9,
                }),
            ],
            closing: Closing {
                recipients: vec![nasty.into(); 3],
                signatures: vec![
                    Signature {
                        authority: nasty.into(),
                        position: nasty.into(),
                        signer: nasty.into(),
                    };
                    3
                ],
            },
            ..Document::default()
        };
        let l = lay(&doc);
        assert!(l.pages.len() > 10);
        for page in &l.pages {
            for t in page.texts() {
                assert!(!t.text.chars().any(|c| c.is_control()), "{:?}", t.text);
                let face = fonts().faces().unwrap().get(t.style);
                assert!(t.text.chars().all(|c| face.has(c)), "{:?}", t.text);
            }
        }
        for c in ['😀', '漢', '字', 'م'] {
            assert!(l.missing_chars.contains(&c), "{c} not reported");
        }
        assert!(
            !l.missing_chars
                .iter()
                .any(|c| c.is_control() || *c == '\u{200d}')
        );
        assert!(
            l.missing_chars.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
    }

    #[test]
    fn missing_characters_become_question_marks() {
        let l = lay(&body(vec![Block::Paragraph(
            "Hoa 🌸 mai 梅 nở\u{7}.".into(),
        )]));
        assert_eq!(l.missing_chars, vec!['梅', '🌸']);
        assert_eq!(
            words_of(&l, FontStyle::Regular),
            ["Hoa", "?", "mai", "?", "nở."]
        );
    }

    /// Where the body text of page `i` ends (the lowest baseline below the top margin).
    fn last_baseline(page: &Page) -> f32 {
        page.texts()
            .filter(|t| t.y > page.text_box.y)
            .map(|t| t.y)
            .fold(0.0, f32::max)
    }

    #[test]
    fn the_closing_moves_whole_to_the_next_page() {
        let mut moved = 0;
        for n in 20..50 {
            let mut doc = sample_document();
            doc.blocks = (0..n)
                .map(|i| Block::Paragraph(format!("Đoạn văn ngắn số {i}.")))
                .collect();
            let l = lay(&doc);
            let page_of = |needle: &str| {
                let found = find(&l, needle);
                assert_eq!(found.len(), 1, "{needle} printed once");
                found[0].0
            };
            let closing_page = page_of("Nơi nhận:");
            for needle in [
                "TM. KHỐI THI ĐUA KINH TẾ NGÀNH",
                "TRƯỞNG KHỐI",
                "Nguyễn Văn Hùng",
                "- Lưu: VT.",
            ] {
                assert_eq!(
                    page_of(needle),
                    closing_page,
                    "{needle} with the rest of the closing (n = {n})"
                );
            }
            let last_paragraph = page_of(&format!("số {}.", n - 1));
            if closing_page > last_paragraph {
                moved += 1;
                // It moved because it did not fit, not for nothing.
                let page = &l.pages[last_paragraph];
                assert!(
                    page.text_box.bottom() - last_baseline(page) < 160.0,
                    "n = {n}"
                );
            }
            let signer = find(&l, "Nguyễn Văn Hùng")[0].1;
            let title = find(&l, "TRƯỞNG KHỐI")[0].1;
            assert!(signer.y - title.y > SIGNATURE_SPACE, "room to sign");
            assert_inside_text_box(&l);
        }
        assert!(moved > 0, "some paragraph counts push the closing over");
    }

    #[test]
    fn two_signatures_side_by_side_names_on_one_line() {
        let mut doc = sample_document();
        doc.closing = Closing {
            recipients: vec![],
            signatures: vec![
                Signature {
                    authority: "Thư ký".into(),
                    position: String::new(),
                    signer: "Trần Thị Mai".into(),
                },
                Signature {
                    authority: "Chủ trì hội nghị".into(),
                    position: "Trưởng khối".into(),
                    signer: "Nguyễn Văn Hùng".into(),
                },
            ],
        };
        let l = lay(&doc);
        let (left, right) = (
            find(&l, "Trần Thị Mai")[0].1,
            find(&l, "Nguyễn Văn Hùng")[0].1,
        );
        assert_eq!(left.y, right.y);
        let middle = MARGIN_LEFT + (A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 2.0;
        assert!(left.x + left.width < middle && right.x > middle);
        assert_eq!(
            find(&l, "THƯ KÝ")[0].1.y,
            find(&l, "CHỦ TRÌ HỘI NGHỊ")[0].1.y
        );
    }

    #[test]
    fn page_numbers_start_on_page_two_centred_in_the_top_margin() {
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph([SENTENCE; 60].join(" ")));
        let l = lay(&doc);
        assert!(l.pages.len() >= 3);
        let in_margin = |p: &Page| {
            p.texts()
                .filter(|t| t.y < p.text_box.y)
                .cloned()
                .collect::<Vec<_>>()
        };
        assert!(in_margin(&l.pages[0]).is_empty(), "no number on page 1");
        for (i, page) in l.pages.iter().enumerate().skip(1) {
            let numbers = in_margin(page);
            assert_eq!(numbers.len(), 1);
            let n = &numbers[0];
            assert_eq!(n.text, (i + 1).to_string());
            assert!((13.0..=14.0).contains(&n.size));
            let centre = n.x + n.width / 2.0;
            let tb = page.text_box;
            assert!((centre - (tb.x + tb.width / 2.0)).abs() < 0.01, "centred");
            assert!(
                n.y > n.size && n.y < MARGIN_TOP - 4.0,
                "inside the top margin"
            );
        }
    }

    /// The row bands of a page: the text of each column between consecutive rules.
    fn bands(page: &Page) -> Vec<Vec<String>> {
        let table_rules = || page.rules().filter(|r| r.thickness == TABLE_RULE);
        let mut ys: Vec<f32> = table_rules()
            .filter(|r| r.y1 == r.y2)
            .map(|r| r.y1)
            .collect();
        ys.sort_by(f32::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        let mut xs: Vec<f32> = table_rules()
            .filter(|r| r.x1 == r.x2)
            .map(|r| r.x1)
            .collect();
        xs.sort_by(f32::total_cmp);
        xs.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        ys.windows(2)
            .map(|w| {
                let mut cols = vec![String::new(); xs.len().saturating_sub(1)];
                for t in page.texts().filter(|t| t.y > w[0] && t.y < w[1]) {
                    let col = xs.iter().filter(|&&x| x <= t.x).count().saturating_sub(1);
                    if let Some(c) = cols.get_mut(col) {
                        if !c.is_empty() {
                            c.push(' ');
                        }
                        c.push_str(&t.text);
                    }
                }
                cols
            })
            .collect()
    }

    #[test]
    fn a_long_table_repeats_its_header_and_never_cuts_a_row() {
        let content = |i: usize| {
            if i.is_multiple_of(7) {
                format!("Nội dung dòng {i}: {SENTENCE}")
            } else {
                format!("Nội dung dòng {i}")
            }
        };
        let rows: Vec<TableRow> = (1..=500)
            .map(|i| cells(&[&i.to_string(), &content(i), "1.128"]))
            .collect();
        let doc = body(vec![
            Block::Paragraph(SENTENCE.into()),
            Block::Table(Table {
                title: Some("PHỤ LỤC".into()),
                columns: vec![
                    column("STT", 0.6, Align::Center),
                    column("Nội dung", 4.0, Align::Left),
                    column("Số liệu", 1.2, Align::Right),
                ],
                rows,
                landscape: false,
                font_size: 11.0,
            }),
        ]);
        let l = lay(&doc);
        assert!(l.pages.len() >= 5, "{} pages", l.pages.len());
        assert_inside_text_box(&l);
        let mut seen = Vec::new();
        for (p, page) in l.pages.iter().enumerate() {
            let bands = bands(page);
            assert!(!bands.is_empty(), "page {} has table rows", p + 1);
            assert_eq!(
                bands[0],
                ["STT", "Nội dung", "Số liệu"],
                "header on page {}",
                p + 1
            );
            for band in &bands[1..] {
                let i: usize = band[0].parse().expect("a row number");
                assert_eq!(band[1], content(i), "row {i} whole on page {}", p + 1);
                assert_eq!(band[2], "1.128");
                seen.push(i);
            }
        }
        assert_eq!(
            seen,
            (1..=500).collect::<Vec<_>>(),
            "every row once, in order"
        );
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_by_lines() {
        let tall = [SENTENCE; 40].join("\n");
        let doc = body(vec![Block::Table(Table {
            title: None,
            columns: vec![column("Nội dung", 1.0, Align::Left)],
            rows: vec![cells(&["trước"]), cells(&[&tall]), cells(&["sau"])],
            landscape: false,
            font_size: 12.0,
        })]);
        let l = lay(&doc);
        assert!(l.pages.len() >= 3);
        assert_inside_text_box(&l);
        // Every line of the tall cell is printed once, in order, between its neighbours.
        let cell_text: Vec<&str> = l
            .pages
            .iter()
            .flat_map(|p| {
                p.texts()
                    .filter(move |t| t.y > p.text_box.y && t.size == 12.0)
            })
            .map(|t| t.text.as_str())
            .filter(|t| *t != "Nội dung")
            .collect();
        assert_eq!(cell_text.first(), Some(&"trước"));
        assert_eq!(cell_text.last(), Some(&"sau"));
        let middle = cell_text[1..cell_text.len() - 1].join(" ");
        assert_eq!(middle, [SENTENCE; 40].join(" "));
        for page in &l.pages[1..] {
            assert_eq!(bands(page)[0], ["Nội dung"], "header repeated");
        }
        // The pieces fill the pages: a split row is not pushed to a new page first.
        assert_eq!(find(&l, "trước")[0].0, 0);
        assert!(find(&l, "Khối thi đua")[0].0 == 0);
    }

    #[test]
    fn paragraphs_leave_no_widow_or_orphan_line() {
        let long: Vec<String> = (0..30)
            .map(|i| format!("chữ{i} và một số từ khác nữa"))
            .collect();
        let long = long.join(" ");
        let mut splits = 0;
        for n in 25..45 {
            let mut blocks: Vec<Block> = (0..n)
                .map(|i| Block::Paragraph(format!("Ngắn {i}.")))
                .collect();
            blocks.push(Block::Paragraph(long.clone()));
            let l = lay(&body(blocks));
            let per_page: Vec<usize> = l
                .pages
                .iter()
                .map(|p| p.texts().filter(|t| t.text.contains("chữ")).count())
                .filter(|&c| c > 0)
                .collect();
            let total: usize = per_page.iter().sum();
            assert!(total >= 4);
            if per_page.len() > 1 {
                splits += 1;
                assert!(per_page.iter().all(|&c| c >= 2), "n = {n}: {per_page:?}");
            }
        }
        assert!(splits > 0);
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let para = [SENTENCE; 3].join(" ");
        for n in 25..45 {
            let mut blocks: Vec<Block> = (0..n)
                .map(|i| Block::Paragraph(format!("Ngắn {i}.")))
                .collect();
            blocks.push(Block::Heading("II. MỤC TIẾP THEO".into()));
            blocks.push(Block::Paragraph(para.clone()));
            let l = lay(&body(blocks));
            let (page, heading) = find(&l, "MỤC TIẾP THEO")[0];
            let below = l.pages[page].texts().filter(|t| t.y > heading.y).count();
            assert!(
                below >= 2,
                "n = {n}: heading followed by {below} lines on its page"
            );
        }
    }

    #[test]
    fn landscape_tables_get_landscape_pages() {
        let mut doc = sample_document();
        doc.blocks.insert(2, Block::Heading("PHỤ LỤC NGANG".into()));
        if let Some(Block::Table(t)) = doc.blocks.last_mut() {
            t.landscape = true;
        }
        doc.blocks.push(Block::Paragraph("Sau phụ lục.".into()));
        let l = lay(&doc);
        let (p, _) = find(&l, "PHỤ LỤC NGANG")[0];
        let (q, _) = find(&l, "3.611,73")
            .into_iter()
            .find(|(_, t)| t.size == 12.0)
            .unwrap();
        assert!(!l.pages[0].is_landscape());
        assert!(l.pages[p].is_landscape(), "the heading goes with its table");
        assert_eq!(p, q);
        let (r, _) = find(&l, "Sau phụ lục.")[0];
        assert!(!l.pages[r].is_landscape());
        assert_inside_text_box(&l);
    }

    #[test]
    fn the_first_page_header_follows_decree_30() {
        let l = lay(&sample_document());
        let one = |needle: &str| {
            find(&l, needle)
                .into_iter()
                .map(|(_, t)| t.clone())
                .next()
                .unwrap()
        };
        let tb = l.pages[0].text_box;
        let parent = one("UBND TỈNH HÀ GIANG");
        let issuing = one("KHỐI THI ĐUA");
        let title = one(NATIONAL_TITLE);
        let motto = one(NATIONAL_MOTTO);
        let number = one("Số: 01/BC-KTN");
        let date = one("Hà Giang, ngày 16 tháng 12 năm 2020");
        assert_eq!((parent.style, parent.size), (FontStyle::Regular, 13.0));
        assert_eq!((issuing.style, issuing.size), (FontStyle::Bold, 13.0));
        assert_eq!((title.style, title.size), (FontStyle::Bold, 13.0));
        assert_eq!((motto.style, motto.size), (FontStyle::Bold, 14.0));
        assert_eq!(
            (number.size, date.style, date.size),
            (13.0, FontStyle::Italic, 14.0)
        );
        assert_eq!(parent.y, title.y);
        assert_eq!(number.y, date.y, "number and date on one line");
        let left_centre = tb.x + tb.width * HEADER_LEFT_SHARE / 2.0;
        let right_centre = tb.x + tb.width * (1.0 + HEADER_LEFT_SHARE) / 2.0;
        for (t, centre) in [
            (&parent, left_centre),
            (&issuing, left_centre),
            (&number, left_centre),
            (&title, right_centre),
            (&motto, right_centre),
            (&date, right_centre),
        ] {
            assert!(
                (t.x + t.width / 2.0 - centre).abs() < 0.01,
                "{:?} centred in its column",
                t.text
            );
        }
        // The rule under the motto is as long as the motto; the one under the agency
        // is short and centred.
        let rules: Vec<&Rule> = l.pages[0].rules().collect();
        assert!(
            rules
                .iter()
                .any(|r| (r.x2 - r.x1 - motto.width).abs() < 0.01
                    && r.y1 > motto.y
                    && r.y1 < motto.y + 6.0)
        );
        let second = one("KINH TẾ NGÀNH");
        assert!(rules.iter().any(|r| r.y1 > second.y
            && r.y1 < second.y + 6.0
            && (r.x1 + r.x2) / 2.0 - left_centre < 0.01
            && r.x2 - r.x1 < second.width / 2.0));
        let doc_type = one("BÁO CÁO");
        assert!(
            doc_type.y > date.y
                && (doc_type.x + doc_type.width / 2.0 - (tb.x + tb.width / 2.0)).abs() < 0.01
        );
        assert!(
            find(&l, "Tổng kết công tác")
                .iter()
                .all(|(_, t)| t.style == FontStyle::Bold)
        );
        let heading = one("I. ĐẶC ĐIỂM TÌNH HÌNH");
        assert_eq!((heading.x, heading.style), (tb.x, FontStyle::Bold));
        let para = one("Khối thi đua Kinh tế ngành gồm");
        assert!(
            (para.x - tb.x - FIRST_LINE_INDENT).abs() < 0.01,
            "first-line indent"
        );
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
