//! Tables: column widths shared by weight but never narrower than a column's longest
//! word, cells broken into lines, and rows placed so that a table splits across pages
//! between rows with its header repeated, a group row stays with the row it introduces,
//! and only a row taller than a page is cut, between lines. The rules are drawn per page
//! segment, so every part of a split table is a closed box.

use crate::report::document::{Table, TableRow};
use crate::report::fonts::{Face, FontStyle};

use super::Engine;
use super::breaking::{HAlign, Line, LineFormat};
use super::metrics::{
    CAPTION_SIZE, CELL_PAD_X, CELL_PAD_Y, EPS, PARAGRAPH_GAP, SUBTITLE_SIZE, TABLE_RULE,
    TIGHT_LEADING,
};
use super::page::{Item, Page, Rule};

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
pub(super) struct PreparedRow {
    cells: Vec<PreparedCell>,
    /// A full-width group row: no inner column rules.
    group: bool,
    /// For a group row, the same row marked " (tiếp)", repeated under the header on each
    /// page that continues the group.
    continued: Option<Box<PreparedRow>>,
    /// Number of text lines of the tallest cell (at least 1).
    pub(super) lines: usize,
}

/// A table broken into lines and measured before it is placed: pagination needs its
/// orientation and row heights ahead, to keep a heading with the table's first rows.
#[derive(Debug, Clone)]
pub(super) struct PreparedTable {
    pub(super) landscape: bool,
    size: f32,
    pitch: f32,
    width: f32,
    /// Inner column boundaries relative to the table's left edge.
    inner_x: Vec<f32>,
    caption: Vec<Line>,
    /// The italic line under the caption ("(Kèm theo Báo cáo số ...)").
    subtitle: Vec<Line>,
    header: Option<PreparedRow>,
    pub(super) rows: Vec<PreparedRow>,
}

impl PreparedTable {
    pub(super) fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * self.pitch + 2.0 * CELL_PAD_Y
    }
    pub(super) fn caption_height(&self) -> f32 {
        if self.caption.is_empty() && self.subtitle.is_empty() {
            0.0
        } else {
            self.caption.len() as f32 * CAPTION_SIZE * TIGHT_LEADING
                + self.subtitle.len() as f32 * SUBTITLE_SIZE * TIGHT_LEADING
                + 4.0
        }
    }
    pub(super) fn header_height(&self) -> f32 {
        self.header
            .as_ref()
            .map_or(0.0, |h| self.row_height(h.lines))
    }
}

/// Appended to a group row repeated on a page that continues the group.
const CONTINUED: &str = "(tiếp)";

/// The narrowest and widest width of `text` in `face`, in 1/1000 em: its longest word, and
/// its longest line unwrapped. A number ("1.128", "3.611,73", "98%") or any text in a column
/// of figures (`whole`) cannot wrap, so its narrowest width is its whole width.
fn measure(face: &Face, text: &str, whole: bool) -> (u32, u32) {
    let mut lo = 0u32;
    let mut hi = 0u32;
    for line in text.split('\n') {
        let mut line_w = 0u32;
        let mut words = 0u32;
        for word in line.split_whitespace() {
            let w = face.text_width(word);
            lo = lo.max(w);
            line_w = line_w.saturating_add(w);
            words += 1;
        }
        line_w = line_w.saturating_add(words.saturating_sub(1) * face.width(' '));
        hi = hi.max(line_w);
        if whole || is_number(line.trim()) {
            lo = lo.max(line_w);
        }
    }
    (lo, hi)
}

/// Whether `text` is a figure as Vietnamese documents write them: digits with "." for
/// thousands and "," for decimals, a sign, a percent, a range ("6,6-6,8").
fn is_number(text: &str) -> bool {
    !text.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | '+' | '-' | '\u{2212}' | '\u{2013}')
        })
}

/// The part of a table on the current page, for drawing its rules.
#[derive(Debug, Default)]
struct TableSegment {
    open: bool,
    top: f32,
    /// Where the rows of this page start, under the repeated header and group row.
    lead_end: f32,
    /// Where the current run of inner column rules started (group rows interrupt them).
    inner_from: Option<f32>,
}

impl TableSegment {
    fn start(&mut self, y: f32) {
        self.open = true;
        self.top = y;
        self.lead_end = y;
        self.inner_from = None;
    }
}

impl Engine<'_> {
    /// The table's width, type size, number of columns and column edges (relative to its left
    /// edge): columns without any are as many equal ones as the widest row has cells.
    pub(super) fn column_geometry(&self, table: &Table) -> (f32, f32, usize, Vec<f32>) {
        let width = Page::new(table.landscape).text_box.width;
        let size = if table.font_size.is_finite() && table.font_size > 0.0 {
            table.font_size.clamp(6.0, 28.0)
        } else {
            12.0
        };

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
        (width, size, ncols, col_x)
    }

    pub(super) fn prepare_table(&mut self, table: &Table) -> PreparedTable {
        let (width, size, ncols, col_x) = self.column_geometry(table);
        let pitch = size * TIGHT_LEADING;
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
            continued: None,
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
                    let mut row = row_of(vec![c], true);
                    let text = format!("{} {CONTINUED}", text.trim_end());
                    let c = cell(self, &text, 0.0, width, FontStyle::Bold, HAlign::Left);
                    row.continued = Some(Box::new(row_of(vec![c], true)));
                    rows.push(row);
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

        // A caption is a centred title: balanced lines, broken at phrase boundaries.
        let caption = match &table.title {
            Some(t) => self.break_title(
                t,
                &LineFormat {
                    style: FontStyle::Bold,
                    size: CAPTION_SIZE,
                    pitch: CAPTION_SIZE * TIGHT_LEADING,
                    align: HAlign::Center,
                    x: 0.0,
                    width,
                },
            ),
            None => Vec::new(),
        };
        let subtitle = match &table.subtitle {
            Some(t) => self.break_clean(t, FontStyle::Italic, SUBTITLE_SIZE, width, 0.0, 0.0),
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
            subtitle,
            header,
            rows,
        }
    }

    /// Column edges (from 0 to `width`) sized from the content, as HTML's automatic table
    /// layout does. Each column has a narrowest width (its longest word, header included;
    /// a number is one word, so it never wraps) and a widest (its longest text unwrapped,
    /// the header on two lines).
    /// When the widest widths fit, each column gets its widest and the room left is shared
    /// in proportion to those; otherwise every column gets its narrowest and the rest is
    /// shared in proportion to how much each would still grow (widest − narrowest), so
    /// that long names take the room and short figures keep only theirs. The weights
    /// decide only when the content gives no answer (no text at all).
    fn column_edges(&self, table: &Table, weights: &[f32], width: f32, size: f32) -> Vec<f32> {
        let n = weights.len();
        let regular = self.faces.get(FontStyle::Regular);
        let bold = self.faces.get(FontStyle::Bold);
        let right = |i: usize| {
            table
                .columns
                .get(i)
                .is_some_and(|c| c.align == crate::report::document::Align::Right)
        };
        let mut min_th = vec![0u32; n];
        let mut max_th = vec![0u32; n];
        // A header may take two lines (it is printed once a page): it asks for about half
        // its unwrapped width, never less than its longest word.
        for (i, c) in table.columns.iter().enumerate().take(n) {
            let (lo, hi) = measure(bold, &c.title, false);
            min_th[i] = lo;
            max_th[i] = lo.max(hi / 2);
        }
        let keep_whole: Vec<bool> = (0..n).map(right).collect();
        for row in &table.rows {
            if let TableRow::Cells(cells) = row {
                for (i, text) in cells.iter().enumerate().take(n) {
                    let (lo, hi) = measure(regular, text, keep_whole[i]);
                    min_th[i] = min_th[i].max(lo);
                    max_th[i] = max_th[i].max(hi);
                }
            }
        }
        let pad = 2.0 * CELL_PAD_X + 0.5;
        let to_pt = |th: u32| th as f32 * size / 1000.0 + pad;
        // A single huge word may not take more than 30 % of the table: it breaks instead.
        let min: Vec<f32> = min_th.iter().map(|&m| to_pt(m).min(width * 0.3)).collect();
        let max: Vec<f32> = max_th
            .iter()
            .zip(&min)
            .map(|(&m, &lo)| to_pt(m).max(lo))
            .collect();
        let min_total: f32 = min.iter().sum();
        let max_total: f32 = max.iter().sum();
        let widths: Vec<f32> = if max_total <= pad * n as f32 + EPS {
            // No text at all: the weights alone.
            let total: f32 = weights.iter().sum();
            weights.iter().map(|w| w / total.max(EPS) * width).collect()
        } else if min_total >= width {
            min.iter().map(|m| m * width / min_total).collect()
        } else if max_total <= width {
            max.iter()
                .map(|m| m + (width - max_total) * m / max_total)
                .collect()
        } else {
            let grow = max_total - min_total;
            min.iter()
                .zip(&max)
                .map(|(lo, hi)| lo + (width - min_total) * (hi - lo) / grow.max(EPS))
                .collect()
        };
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

    pub(super) fn place_table(&mut self, t: &PreparedTable) {
        let captioned = !t.caption.is_empty() || !t.subtitle.is_empty();
        if !captioned && t.header.is_none() && t.rows.is_empty() {
            return;
        }
        // A captioned table stands apart from the text above it.
        self.gap(if !captioned {
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
        // The bold caption, then the italic line under it, both centred.
        for (lines, style, size) in [
            (&t.caption, FontStyle::Bold, CAPTION_SIZE),
            (&t.subtitle, FontStyle::Italic, SUBTITLE_SIZE),
        ] {
            let fmt = LineFormat {
                style,
                size,
                pitch: size * TIGHT_LEADING,
                align: HAlign::Center,
                x: x0,
                width: t.width,
            };
            self.flow_lines(lines, &fmt);
        }
        if captioned {
            self.y += 4.0;
        }

        let mut seg = TableSegment::default();
        let mut rows: Vec<&PreparedRow> = Vec::with_capacity(t.rows.len() + 1);
        if !repeat_header {
            rows.extend(t.header.as_ref());
        }
        rows.extend(t.rows.iter());
        // The group the rows being placed belong to, repeated on the pages it continues on.
        let mut group: Option<&PreparedRow> = None;
        for (idx, row) in rows.iter().enumerate() {
            if row.group {
                group = row.continued.as_deref();
            }
            let mut from = 0;
            while from < row.lines {
                if !seg.open {
                    seg.start(self.y);
                    if repeat_header && let Some(h) = &t.header {
                        self.draw_row(t, &mut seg, h, 0, h.lines);
                    }
                    // A page that starts with a group's own row needs no "(tiếp)".
                    if let Some(g) = group.filter(|_| !row.group)
                        && self.y + t.row_height(g.lines) <= self.bottom() + EPS
                    {
                        self.draw_row(t, &mut seg, g, 0, g.lines);
                    }
                    seg.lead_end = self.y;
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
                let only_header = (self.y - seg.lead_end).abs() < EPS;
                if self.y + need <= self.bottom() + EPS
                    || (self.y + full_h <= self.bottom() + EPS && only_header)
                {
                    self.draw_row(t, &mut seg, row, from, row.lines);
                    break;
                }
                let page_room = body - (seg.lead_end - seg.top);
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::{Align, Block, Table, TableRow};
    use crate::report::layout::metrics::{CELL_PAD_X, TABLE_RULE};
    use crate::report::layout::{Page, Rule};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, body, cells, column, find, indicator_columns, lay, table,
    };

    /// The row bands of a page: the text of each column between consecutive rules.
    fn bands(page: &Page) -> Vec<Vec<String>> {
        // The distinct positions of the horizontal (or vertical) table rules, in order.
        let positions = |at: fn(&Rule) -> Option<f32>| {
            let mut v: Vec<f32> = page
                .rules()
                .filter(|r| r.thickness == TABLE_RULE)
                .filter_map(at)
                .collect();
            v.sort_by(f32::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() < 0.01);
            v
        };
        let ys = positions(|r| (r.y1 == r.y2).then_some(r.y1));
        let xs = positions(|r| (r.x1 == r.x2).then_some(r.x1));
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
                subtitle: None,
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
    fn a_group_continued_on_the_next_page_is_repeated_with_tiep() {
        let mut rows = vec![TableRow::Group("Sở Tài nguyên và Môi trường".into())];
        rows.extend((1..=5).map(|i| cells(&[&i.to_string(), "Chỉ tiêu ngắn", "1.128"])));
        rows.push(TableRow::Group("Sở Khoa học và Công nghệ".into()));
        rows.extend((6..=150).map(|i| cells(&[&i.to_string(), "Chỉ tiêu ngắn", "3.611,73"])));
        let doc = body(vec![Block::Table(Table {
            title: Some("PHỤ LỤC".into()),
            ..table(
                vec![
                    column("STT", 0.6, Align::Center),
                    column("Chỉ tiêu", 4.0, Align::Left),
                    column("Số liệu", 1.2, Align::Right),
                ],
                rows,
            )
        })]);
        let l = lay(&doc);
        assert!(l.pages.len() >= 3);
        assert_inside_text_box(&l);
        assert!(find(&l, "(tiếp)").iter().all(|(p, _)| *p > 0));
        for (p, page) in l.pages.iter().enumerate().skip(1) {
            let bands = bands(page);
            assert_eq!(bands[0], ["STT", "Chỉ tiêu", "Số liệu"]);
            assert_eq!(
                bands[1][0],
                "Sở Khoa học và Công nghệ (tiếp)",
                "page {}",
                p + 1
            );
            let n: usize = bands[2][0].parse().expect("a row number");
            assert!(n > 6, "rows go on after the group row");
        }
        assert_eq!(find(&l, "Sở Tài nguyên và Môi trường").len(), 1);
    }

    #[test]
    fn columns_take_the_width_their_content_needs_and_numbers_never_wrap() {
        let names = [
            "Tỷ lệ hồ sơ giải quyết đúng hạn trực tuyến",
            "Số tin bài đăng trên trang điện tử",
            "Diện tích rừng trồng mới tập trung",
        ];
        let rows: Vec<TableRow> = (0..60)
            .map(|i| {
                cells(&[
                    &(i + 1).to_string(),
                    names[i % 3],
                    "ha",
                    "1.498,3",
                    "131.900",
                    "98%",
                    "",
                ])
            })
            .collect();
        let doc = body(vec![Block::Table(table(indicator_columns(), rows))]);
        let l = lay(&doc);
        assert_inside_text_box(&l);
        // Every indicator name on one line, every figure whole.
        for name in names {
            assert_eq!(find(&l, name).len(), 20, "{name} unwrapped");
        }
        for figure in ["1.498,3", "131.900", "98%"] {
            assert!(find(&l, figure).iter().all(|(_, t)| t.text == figure));
            assert_eq!(find(&l, figure).len(), 60);
        }
        // The figures' columns are not much wider than their widest text.
        let page = &l.pages[0];
        let mut xs: Vec<f32> = page
            .rules()
            .filter(|r| r.x1 == r.x2)
            .map(|r| r.x1)
            .collect();
        xs.sort_by(f32::total_cmp);
        xs.dedup_by(|a, b| (*a - *b).abs() < 0.01);
        assert_eq!(xs.len(), 8);
        let plan = find(&l, "1.498,3")[0].1.width;
        assert!(
            xs[4] - xs[3] < plan + 2.0 * CELL_PAD_X + 6.0,
            "Kế hoạch column sized by its figures"
        );
        assert!(
            xs[2] - xs[1] > (xs[8 - 1] - xs[0]) * 0.4,
            "the names get the room"
        );
    }

    #[test]
    fn a_subtitle_is_an_italic_centred_line_under_the_caption() {
        let sub = "(Kèm theo Báo cáo số 01/BC-TTTT ngày 16/12/2020 của Khối Kinh tế ngành)";
        let doc = body(vec![Block::Table(Table {
            title: Some("PHỤ LỤC".into()),
            subtitle: Some(sub.into()),
            ..table(
                vec![column("Nội dung", 1.0, Align::Left)],
                vec![cells(&["một"])],
            )
        })]);
        let l = lay(&doc);
        let caption = find(&l, "PHỤ LỤC")[0].1;
        let line = find(&l, "Kèm theo Báo cáo")[0].1;
        let header = find(&l, "Nội dung")[0].1;
        assert_eq!(line.text, sub);
        assert_eq!(line.style, crate::report::fonts::FontStyle::Italic);
        assert!(caption.y < line.y && line.y + 2.0 < header.y - header.size);
        let tb = l.pages[0].text_box;
        let centre = |t: &crate::report::layout::TextRun| t.x + t.width / 2.0;
        assert!((centre(line) - (tb.x + tb.width / 2.0)).abs() < 0.01);
        let first_rule = l.pages[0]
            .rules()
            .filter(|r| r.thickness == TABLE_RULE)
            .map(|r| r.y1.min(r.y2))
            .fold(f32::MAX, f32::min);
        assert!(
            first_rule > line.y + 2.0,
            "the table starts under the subtitle"
        );
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_by_lines() {
        let tall = [SENTENCE; 40].join("\n");
        let doc = body(vec![Block::Table(Table {
            title: None,
            subtitle: None,
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
}
