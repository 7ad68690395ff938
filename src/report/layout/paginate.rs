//! Pagination: the flow cursor over the pages, the body blocks prepared (broken into
//! lines) and placed with widow/orphan control, headings kept with what follows, the page
//! orientation each block wants, and the page numbers added once all pages exist.

use crate::report::document::Block;
use crate::report::fonts::FontStyle;

use super::Engine;
use super::breaking::{HAlign, Line, LineFormat};
use super::figure::PreparedFigure;
use super::metrics::{
    BODY_LEADING, BODY_SIZE, EPS, FIRST_LINE_INDENT, MARGIN_TOP, PAGE_NUMBER_SIZE, PARAGRAPH_GAP,
};
use super::page::{Item, Page, Rect, TextRun};
use super::table::PreparedTable;

/// A body block broken into lines, ready to be placed.
#[derive(Debug, Clone)]
pub(super) enum Prepared {
    Heading(Vec<Line>),
    Paragraph(Vec<Line>),
    Table(PreparedTable),
    Figure(PreparedFigure),
}

impl Engine<'_> {
    fn page(&self) -> &Page {
        // `pages` is never empty: the engine starts with page 1.
        &self.pages[self.pages.len() - 1]
    }

    pub(super) fn text_box(&self) -> Rect {
        self.page().text_box
    }

    pub(super) fn bottom(&self) -> f32 {
        self.text_box().bottom()
    }

    fn landscape(&self) -> bool {
        self.page().is_landscape()
    }

    pub(super) fn new_page(&mut self, landscape: bool) {
        let page = Page::new(landscape);
        self.y = page.text_box.y;
        self.pages.push(page);
        self.fresh = true;
    }

    pub(super) fn next_page(&mut self) {
        self.new_page(self.landscape());
    }

    pub(super) fn push(&mut self, item: Item) {
        let last = self.pages.len() - 1;
        self.pages[last].items.push(item);
    }

    /// Vertical space before a block; dropped at the top of a page.
    pub(super) fn gap(&mut self, pt: f32) {
        if !self.fresh {
            self.y += pt;
        }
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
    pub(super) fn put_lines(&mut self, lines: &[Line], fmt: &LineFormat) -> f32 {
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
    pub(super) fn flow_lines(&mut self, lines: &[Line], fmt: &LineFormat) {
        self.flow_lines_keeping(lines, fmt, 0.0);
    }

    /// Like [`Engine::flow_lines`], keeping the end of the paragraph with `keep` points of
    /// what follows (the closing): when both do not fit, the last two lines (all of a
    /// paragraph under four lines) go to the next page with it, so that what follows never
    /// starts a page alone.
    fn flow_lines_keeping(&mut self, lines: &[Line], fmt: &LineFormat, keep: f32) {
        let n = lines.len();
        let body = self.text_box().height;
        let keep = if keep > 0.0 && keep + 2.0 * fmt.pitch <= body {
            keep
        } else {
            0.0
        };
        let mut start = 0;
        while start < n {
            let room = ((self.bottom() - self.y + EPS) / fmt.pitch)
                .floor()
                .max(0.0) as usize;
            let rest = n - start;
            let mut take = if rest <= room {
                let fits_with_next = self.y + rest as f32 * fmt.pitch + keep <= self.bottom() + EPS;
                if keep == 0.0 || fits_with_next || self.fresh {
                    rest
                } else if n < 4 {
                    0
                } else {
                    // Leave at least two lines here (the orphan rule), move two.
                    let k = rest.saturating_sub(2);
                    let min_here = 2;
                    if k >= min_here {
                        k
                    } else if start == 0 {
                        0
                    } else {
                        rest
                    }
                }
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

    pub(super) fn prepare(&mut self, block: &Block) -> Prepared {
        // Text is broken for the document's orientation, the one it is placed in.
        let width = Page::new(self.landscape).text_box.width;
        match block {
            Block::Heading(text) => Prepared::Heading(self.break_clean(
                text,
                FontStyle::Bold,
                BODY_SIZE,
                width,
                0.0,
                0.0,
            )),
            Block::Paragraph(text) => {
                let fmt = LineFormat {
                    width,
                    ..self.body_format(FontStyle::Regular, HAlign::Justify)
                };
                Prepared::Paragraph(self.break_paragraph(text, &fmt, FIRST_LINE_INDENT))
            }
            Block::Table(table) => Prepared::Table(self.prepare_table(table)),
            Block::Figure(figure) => Prepared::Figure(self.prepare_figure(figure, width)),
        }
    }

    /// The orientation block `i` wants: landscape tables on landscape pages, everything
    /// else in the document's orientation; a heading goes with the block it introduces.
    pub(super) fn wants_landscape(&self, blocks: &[Prepared], i: usize) -> bool {
        for block in blocks.iter().skip(i) {
            match block {
                Prepared::Heading(_) => continue,
                Prepared::Paragraph(_) | Prepared::Figure(_) => return self.landscape,
                Prepared::Table(t) => return t.landscape || self.landscape,
            }
        }
        self.landscape
    }

    /// The height that must fit under a heading so that the heading is not left alone
    /// at the bottom of a page: the first two lines of a paragraph (all of a short one),
    /// a table's caption, header and first row, or a whole figure.
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
                // Kept whole, so all of it (nothing for a figure without bars).
                Prepared::Figure(f) => return total + super::figure::FIGURE_GAP + f.height,
            }
        }
        total
    }

    /// Places block `i`; a paragraph keeps its end with `keep` points of what follows.
    pub(super) fn place_block(&mut self, blocks: &[Prepared], i: usize, keep: f32) {
        let landscape = self.wants_landscape(blocks, i);
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
                self.flow_lines_keeping(lines, &fmt, keep);
            }
            Prepared::Table(table) => self.place_table(table),
            Prepared::Figure(figure) => self.place_figure(figure),
        }
    }

    /// Arabic page numbers centred in the top margin, from page 2 on.
    pub(super) fn number_pages(&mut self) {
        for i in 1..self.pages.len() {
            let text = self.emit(FontStyle::Regular, &(i + 1).to_string());
            let width = self
                .faces
                .get(FontStyle::Regular)
                .text_width_pt(&text, PAGE_NUMBER_SIZE);
            let page = &mut self.pages[i];
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::Block;
    use crate::report::layout::{MARGIN_TOP, Page};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, body, find, lay, sample_document,
    };

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
}
