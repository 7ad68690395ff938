//! The document model that the report printer understands: plain data describing an
//! official Vietnamese administrative document (report "BÁO CÁO", minutes "BIÊN BẢN")
//! in the Decree 30/2020/NĐ-CP layout. It holds no PDF or font types, so the rest of the
//! program can build a [`Document`] from its own data, test it, and hand it to
//! [`crate::report::layout::layout`] or [`crate::report::pdf::render_pdf`].
//!
//! Text is expected in NFC (precomposed Vietnamese letters): the PDF writer places one
//! glyph per character and does not position combining marks. Capitalisation required by
//! the layout (agency names, document type, signature titles) is applied by the layout,
//! so callers may pass the names as they store them.

/// One official document: the first-page header, the body blocks and the closing
/// (recipients and signatures).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// PDF document information (title, author, subject). The creation date is set when
    /// the PDF is written.
    pub meta: Meta,
    /// The superior body, e.g. "UBND TỈNH HÀ GIANG"; may be empty. Printed in capitals,
    /// not bold, above the issuing body.
    pub parent_body: String,
    /// The issuing body, e.g. "KHỐI THI ĐUA KINH TẾ NGÀNH"; printed in bold capitals,
    /// may contain '\n', with a short rule under it.
    pub issuing_body: String,
    /// The document number, e.g. "Số: 01/BC-KTN"; 13 pt, centred under the issuing body.
    pub number: String,
    /// Place and date, e.g. "Hà Giang, ngày 16 tháng 12 năm 2020"; italic 14 pt under
    /// the national motto.
    pub place_date: String,
    /// The document type, e.g. "BÁO CÁO" or "BIÊN BẢN"; bold capitals, centred.
    pub doc_type: String,
    /// The subject ("trích yếu"), bold and centred; long subjects wrap, '\n' forces a
    /// line break.
    pub subject: String,
    /// The body of the document, in reading order.
    pub blocks: Vec<Block>,
    /// Recipients and signatures printed after the body, kept together on one page.
    pub closing: Closing,
    /// Appendices (e.g. the indicator table), printed after the signature, starting on a new
    /// page, as Decree 30 places them.
    pub appendices: Vec<Block>,
    /// Print the whole document on landscape A4 pages (a wide table with its header block and
    /// signature, which Decree 30 allows).
    pub landscape: bool,
    /// A plain article (the news item for the website) rather than an administrative
    /// document: no national title or issuing body; the subject is the headline and the
    /// place/date line is the dateline under it.
    pub plain: bool,
    /// How the document says it is a draft ("DỰ THẢO"); an adopted document is never marked.
    pub draft: DraftMark,
    /// Print two copies of each page side by side on a landscape A4 sheet, each at A5 (the
    /// A4 page scaled by 1/√2), with a cut line between them: the ballot, handed out by the
    /// dozen.
    pub two_up: bool,
}

/// The "DỰ THẢO" mark Vietnamese offices print on a document not yet adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DraftMark {
    /// Not a draft: nothing is printed.
    #[default]
    None,
    /// "DỰ THẢO" in the header area of the first page.
    Header,
    /// The header mark, and "DỰ THẢO" set diagonally and faint across every page.
    HeaderAndDiagonal,
}

/// PDF document information dictionary entries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// Shown by PDF viewers as the window title.
    pub title: String,
    /// The author, usually the issuing body or the secretary's name.
    pub author: String,
    /// A short description of the content.
    pub subject: String,
}

/// One piece of the document body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading, bold, not indented, e.g. "I. ĐẶC ĐIỂM TÌNH HÌNH" or
    /// "1. Kết quả ...". Never left alone at the bottom of a page.
    Heading(String),
    /// Body text, 14 pt, justified, first line indented 1,27 cm; '\n' forces a line
    /// break.
    Paragraph(String),
    /// A ruled table, possibly spanning several pages (its header row repeats).
    Table(Table),
    /// A bar chart with its numbered caption ("Biểu đồ 1. …"), kept whole on one page. A
    /// figure without a bar to draw prints nothing and takes no number.
    Figure(Figure),
}

/// A horizontal bar chart: one bar per category (a member), the value axis under the bars with
/// its gridlines, ticks and title, the value at the end of each bar, and the caption centred in
/// italics under it all.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The caption after its number, e.g. "Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm
    /// 2020"; the writers print "Biểu đồ 1. " before it ([`Document::figure_numbers`]).
    pub caption: String,
    /// The value axis's title, e.g. "Tỷ lệ chỉ tiêu đạt và vượt kế hoạch".
    pub axis_title: String,
    /// What the values are, for the axis's ticks.
    pub scale: Scale,
    /// The bars from the top down.
    pub bars: Vec<FigureBar>,
}

/// The values a figure's axis shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Percentages from 0 to 100, ticks "0%" to "100%".
    Percent,
    /// Plain figures from 0 to a round number above the largest, ticks "20", "12,5".
    Number,
}

/// One bar of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureBar {
    /// The category, beside the bar (a member's short name).
    pub label: String,
    pub value: f64,
    /// The value as printed at the end of the bar ("75%", "124,4").
    pub shown: String,
}

impl Figure {
    /// The bars that can be drawn (a finite value); a figure without any prints nothing.
    pub fn drawn_bars(&self) -> impl Iterator<Item = &FigureBar> {
        self.bars.iter().filter(|b| b.value.is_finite())
    }

    /// Whether the figure prints at all.
    pub fn is_drawn(&self) -> bool {
        self.drawn_bars().next().is_some()
    }

    /// The caption as printed under figure number `n`: "Biểu đồ 1. Tỷ lệ …".
    pub fn numbered_caption(&self, n: usize) -> String {
        format!("Biểu đồ {n}. {}", self.caption.trim())
    }
}

/// A ruled table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A bold centred caption above the table, e.g. "PHỤ LỤC: ...".
    pub title: Option<String>,
    /// An italic centred line under the caption, e.g. "(Kèm theo Báo cáo số 01/BC-KTN ngày
    /// 16/12/2020 của Khối Kinh tế ngành)".
    pub subtitle: Option<String>,
    /// Column titles, relative widths and alignments. The header row is omitted when
    /// every title is empty.
    pub columns: Vec<Column>,
    /// The rows, in order.
    pub rows: Vec<TableRow>,
    /// Print this table on landscape A4 pages (allowed for wide appendices).
    pub landscape: bool,
    /// Font size of the cells in points, e.g. 11 or 12.
    pub font_size: f32,
}

impl Document {
    /// Characters of text in the body and appendices, and in the longest single paragraph or
    /// cell: what the layout's work and memory grow with.
    pub fn text_size(&self) -> (usize, usize) {
        let mut total = 0;
        let mut longest = 0;
        let mut add = |s: &str| {
            let n = s.chars().count();
            total += n;
            longest = longest.max(n);
        };
        for block in self.blocks.iter().chain(&self.appendices) {
            match block {
                Block::Heading(s) | Block::Paragraph(s) => add(s),
                Block::Figure(f) => {
                    add(&f.caption);
                    add(&f.axis_title);
                    for b in &f.bars {
                        add(&b.label);
                        add(&b.shown);
                    }
                }
                Block::Table(t) => {
                    for row in &t.rows {
                        match row {
                            TableRow::Cells(cells) => cells.iter().for_each(|c| add(c)),
                            TableRow::Group(s) => add(s),
                        }
                    }
                }
            }
        }
        (total, longest)
    }

    /// The document without its figures (printed without charts, "In kèm biểu đồ" off).
    pub fn without_figures(mut self) -> Document {
        let keep = |b: &Block| !matches!(b, Block::Figure(_));
        self.blocks.retain(keep);
        self.appendices.retain(keep);
        self
    }

    /// The number of each figure printed, in reading order (the body, then the appendices),
    /// `None` for a figure with nothing to draw: what both writers print after "Biểu đồ".
    pub fn figure_numbers(&self) -> Vec<Option<usize>> {
        let mut n = 0;
        self.blocks
            .iter()
            .chain(&self.appendices)
            .filter_map(|b| match b {
                Block::Figure(f) => Some(f.is_drawn().then(|| {
                    n += 1;
                    n
                })),
                _ => None,
            })
            .collect()
    }
}

/// One table column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The header cell text.
    pub title: String,
    /// Relative weight: the table width is shared in proportion to these weights.
    /// Non-positive or non-finite weights count as 1.
    pub width: f32,
    /// Horizontal alignment of the cell text (the header is always centred).
    pub align: Align,
}

impl Column {
    /// A column with `title`, relative `width` and the alignment of its cells.
    pub fn new(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.to_owned(),
            width,
            align,
        }
    }
}

/// Horizontal alignment of text in a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left (names, descriptions).
    #[default]
    Left,
    /// Centred (ordinal numbers, short codes).
    Center,
    /// Flush right (amounts, counts).
    Right,
}

/// One table row.
#[derive(Debug, Clone, PartialEq)]
pub enum TableRow {
    /// Ordinary cells, one per column. Missing cells are printed empty; cells beyond the
    /// last column are appended to the last cell so that no text is lost.
    Cells(Vec<String>),
    /// A full-width bold row, e.g. the member's name heading a group of rows.
    Group(String),
}

/// Recipients ("Nơi nhận") and signatures printed at the end of the document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Closing {
    /// Recipient lines without the leading "- " and the trailing ";" (the layout adds
    /// them, ending the last line with "."); the last one is normally "Lưu: VT".
    pub recipients: Vec<String>,
    /// Signature blocks. A single signature is printed on the right half, beside the
    /// recipients when there are any. Two signatures are printed side by side (minutes, the
    /// handover record), with the recipients under them on the left.
    pub signatures: Vec<Signature>,
}

/// One place in the closing's grid of two columns (see [`Closing::arrangement`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClosingSlot<'a> {
    /// The "Nơi nhận:" list.
    Recipients,
    /// One signature block.
    Signature(&'a Signature),
}

impl Closing {
    /// The recipient lines as printed, without the "- " and the ending punctuation the
    /// writer adds; empty lines dropped.
    pub fn recipient_lines(&self) -> Vec<String> {
        self.recipients
            .iter()
            .map(|r| {
                let r = r.trim();
                let r = r.strip_prefix('-').unwrap_or(r).trim_start();
                r.trim_end_matches([';', '.', ',']).trim_end().to_owned()
            })
            .filter(|r| !r.is_empty())
            .collect()
    }

    /// The slots of the closing in reading order, two per row (`None` is an empty cell). One
    /// signature: the recipients (or nothing) on the left, the signature on the right.
    /// Several: the signatures in pairs, then the recipients on the left under them, as in
    /// Decree 30's model of a biên bản. Empty when there is nothing to close with.
    pub fn arrangement(&self, has_recipients: bool) -> Vec<Option<ClosingSlot<'_>>> {
        let mut slots = Vec::new();
        if self.signatures.len() <= 1 {
            if has_recipients {
                slots.push(Some(ClosingSlot::Recipients));
            } else if self.signatures.len() == 1 {
                slots.push(None);
            }
            slots.extend(
                self.signatures
                    .iter()
                    .map(|s| Some(ClosingSlot::Signature(s))),
            );
        } else {
            slots.extend(
                self.signatures
                    .iter()
                    .map(|s| Some(ClosingSlot::Signature(s))),
            );
            if !slots.len().is_multiple_of(2) {
                slots.push(None);
            }
            if has_recipients {
                slots.push(Some(ClosingSlot::Recipients));
            }
        }
        slots
    }
}

/// One signature block.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Signature {
    /// Signing authority, e.g. "TM. KHỐI THI ĐUA KINH TẾ NGÀNH"; may be empty.
    pub authority: String,
    /// The signer's position, e.g. "TRƯỞNG KHỐI".
    pub position: String,
    /// The signer's full name, printed in bold under the space left for the signature.
    pub signer: String,
}
