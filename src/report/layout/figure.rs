//! Figures: a bar chart laid out as vector graphics in the page's own units. The chart is drawn
//! once, relative to its top-left corner, when the block is prepared (its height is needed ahead
//! to keep it whole on a page), then moved to where it is placed. Horizontal bars: the names
//! stand right-aligned beside the axis however many members a bloc has and however long their
//! names, the value at the end of each bar, the value axis under them with grey gridlines, its
//! ticks and its title, and the caption "Biểu đồ N. …" centred in italics under the figure.
//! Everything prints in black and greys, readable from an office laser printer.

use crate::report::document::{Figure, Scale};
use crate::report::fonts::{FontSet, FontStyle};
use crate::text::number::{format_number, format_percent};

use super::breaking::{HAlign, Line, LineFormat, break_text};
use super::metrics::{EPS, PARAGRAPH_GAP, TIGHT_LEADING};
use super::page::{Fill, Item, Page, Rect, Rule};
use super::{Engine, LayoutError};

/// Size of the names beside the bars (at most; long names are set smaller).
const NAME_SIZE: f32 = 11.0;
/// The smallest size a name is set in before it is cut.
const NAME_SIZE_MIN: f32 = 9.0;
/// Size of the values at the bars' ends and of the ticks.
const VALUE_SIZE: f32 = 10.0;
/// Size of the axis title.
const AXIS_TITLE_SIZE: f32 = 11.0;
/// Size of the caption.
const CAPTION_SIZE: f32 = 13.0;
/// Height of a bar's row; a bar takes [`BAR_SHARE`] of it.
const ROW_PITCH: f32 = 20.0;
const BAR_SHARE: f32 = 0.62;
/// The names' column takes at most this share of the width.
const NAME_SHARE: f32 = 0.4;
/// Space between the names and the axis, and between a bar and its value.
const GAP: f32 = 5.0;
/// Space left of the names: room for a reader whose text box sets the longest name a hair
/// wider than we measure (LibreOffice wrapped "…, thành phố" in a box that fit it exactly).
const NAME_INSET: f32 = 4.0;
/// Grey of the bars: dark enough to read, light enough to tell from the black axes.
const BAR_GREY: f32 = 0.45;
/// Grey of the gridlines.
const GRID_GREY: f32 = 0.75;
const GRID_WIDTH: f32 = 0.4;
const AXIS_WIDTH: f32 = 0.75;
/// Space above the bars and under the caption.
const PAD: f32 = 4.0;
/// Space between a figure and the block before it.
pub const FIGURE_GAP: f32 = 14.0;

/// A figure drawn relative to its top-left corner, ready to be placed.
#[derive(Debug, Clone)]
pub(super) struct PreparedFigure {
    pub(super) height: f32,
    /// Empty for a figure with nothing to draw: it prints nothing.
    marks: Vec<Mark>,
    /// Where the caption's lines begin in `marks`.
    caption_from: usize,
    /// The height of the chart above the caption (bars, axes, ticks and the axis title).
    chart_height: f32,
}

/// The side of its place a figure's text keeps to: what a writer that sets the text itself
/// (Word's text boxes) needs to put the text where the PDF prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The value at a bar's end: starts where the PDF starts it.
    Left,
    /// The ticks and the axis title: centred where the PDF centres them.
    Centre,
    /// The names beside the axis: end where the PDF ends them.
    Right,
}

/// One thing a figure draws, with the side its text keeps to (rectangles and rules: `Left`).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub item: Item,
    pub anchor: Anchor,
}

/// A figure's chart without its caption, relative to its top-left corner, in points: the
/// geometry the PDF prints, for the Word writer to draw as shapes (one geometry, every
/// painter). The caption is left to the writer (a paragraph under the drawing in Word).
#[derive(Debug, Clone, PartialEq)]
pub struct FigureDrawing {
    pub width: f32,
    pub height: f32,
    /// The gridlines and bars (fills), the names, values, ticks and axis title (text runs),
    /// the axes and tick marks (rules), in the PDF's order.
    pub marks: Vec<Mark>,
    /// The regular face's ascent and descent, as fractions of the em: where a run's baseline
    /// stands under the top of a box set with single spacing.
    pub ascent: f32,
    pub descent: f32,
}

/// The chart of `figure`, numbered `number`, laid out `width` points wide for a page of the
/// given orientation exactly as the PDF lays it out; `None` for a figure with nothing to draw.
pub fn figure_drawing(
    figure: &Figure,
    number: usize,
    width: f32,
    landscape: bool,
    fonts: &FontSet,
) -> Result<Option<FigureDrawing>, LayoutError> {
    let faces = fonts.faces()?;
    let mut engine = Engine::new(faces, landscape);
    engine.figures = number.saturating_sub(1);
    let mut prepared = engine.prepare_figure(figure, width);
    if prepared.marks.is_empty() {
        return Ok(None);
    }
    prepared.marks.truncate(prepared.caption_from);
    let regular = faces.get(FontStyle::Regular);
    Ok(Some(FigureDrawing {
        width,
        height: prepared.chart_height,
        marks: prepared.marks,
        ascent: regular.ascent(),
        descent: regular.descent(),
    }))
}

fn anchor_of(align: HAlign) -> Anchor {
    match align {
        HAlign::Justify | HAlign::Left => Anchor::Left,
        HAlign::Center => Anchor::Centre,
        HAlign::Right => Anchor::Right,
    }
}

/// The top of the value axis and its tick step: 100 in steps of 25 for percentages; a round
/// number above the largest value in about five steps of 1, 2, 2,5 or 5 times a power of ten
/// otherwise. The window's charts use the same ticks.
pub fn axis_ticks(scale: Scale, largest: f64) -> (f64, f64) {
    match scale {
        Scale::Percent if largest <= 100.0 => (100.0, 25.0),
        _ => {
            if !largest.is_finite() || largest <= 0.0 {
                return (10.0, 2.0);
            }
            let raw = largest / 5.0;
            let magnitude = 10f64.powf(raw.log10().floor());
            let step = [1.0, 2.0, 2.5, 5.0, 10.0]
                .iter()
                .map(|m| m * magnitude)
                .find(|&s| s >= raw)
                .unwrap_or(10.0 * magnitude);
            ((largest / step).ceil() * step, step)
        }
    }
}

impl Engine<'_> {
    /// Lays `figure` out `width` points wide, numbering it if it has bars to draw.
    pub(super) fn prepare_figure(&mut self, figure: &Figure, width: f32) -> PreparedFigure {
        let bars: Vec<_> = figure.drawn_bars().collect();
        if bars.is_empty() {
            return PreparedFigure {
                height: 0.0,
                marks: Vec::new(),
                caption_from: 0,
                chart_height: 0.0,
            };
        }
        self.figures += 1;
        let number = self.figures;
        let mut items: Vec<Mark> = Vec::new();
        let shape = |item: Item| Mark {
            item,
            anchor: Anchor::Left,
        };

        // The caption and the axis title first: their height limits the bars' rows.
        let caption_fmt = LineFormat {
            style: FontStyle::Italic,
            size: CAPTION_SIZE,
            pitch: CAPTION_SIZE * TIGHT_LEADING,
            align: HAlign::Center,
            x: 0.0,
            width,
        };
        let caption = self.break_for(&figure.numbered_caption(number), &caption_fmt);
        let title_fmt = LineFormat {
            style: FontStyle::Regular,
            size: AXIS_TITLE_SIZE,
            pitch: AXIS_TITLE_SIZE * TIGHT_LEADING,
            align: HAlign::Center,
            x: 0.0,
            width,
        };
        let axis_title = self.break_for(&figure.axis_title, &title_fmt);
        let under_bars = VALUE_SIZE * 1.6
            + axis_title.len() as f32 * title_fmt.pitch
            + PARAGRAPH_GAP
            + caption.len() as f32 * caption_fmt.pitch
            + PAD;
        let room = Page::new(self.landscape).text_box.height - PAD - under_bars - 2.0 * EPS;
        // Rows shrink for a large bloc so that the figure still fits a page (whole).
        let pitch = (room.max(1.0) / bars.len() as f32).min(ROW_PITCH);

        // The names: as wide as the longest, within its share; smaller, then on two lines,
        // then cut with "…" when a name is still too long.
        let regular = self.faces.get(FontStyle::Regular);
        let widest_name = bars
            .iter()
            .map(|b| regular.text_width_pt(b.label.trim(), NAME_SIZE))
            .fold(0.0f32, f32::max);
        let name_width = widest_name.min(width * NAME_SHARE).max(1.0);
        // One size for every name: the largest at which the longest fits, within the bounds.
        let mut name_size = NAME_SIZE.min(pitch * 0.8);
        while name_size > NAME_SIZE_MIN && widest_name * name_size / NAME_SIZE > name_width {
            name_size -= 0.5;
        }
        let names: Vec<(Vec<Line>, f32)> = bars
            .iter()
            .map(|b| self.fit_name(&b.label, name_width, pitch, name_size.max(1.0)))
            .collect();

        // The values at the bars' ends need their room on the right.
        let values: Vec<(String, f32)> = bars
            .iter()
            .map(|b| {
                let text = self.clean(b.shown.trim(), FontStyle::Regular, false);
                let w = regular.text_width_pt(&text, VALUE_SIZE);
                (text, w)
            })
            .collect();
        let (top, step) = axis_ticks(
            figure.scale,
            bars.iter().map(|b| b.value).fold(0.0, f64::max),
        );
        let ticks: Vec<(f64, String)> = (0..)
            .map(|k| k as f64 * step)
            .take_while(|&v| v <= top + step * 1e-9)
            .take(51)
            .map(|v| {
                let text = match figure.scale {
                    Scale::Percent => format_percent(v),
                    Scale::Number => format_number(v),
                };
                (v, text)
            })
            .collect();
        let last_tick = ticks
            .last()
            .map_or(0.0, |(_, t)| regular.text_width_pt(t, VALUE_SIZE));
        let value_room = values
            .iter()
            .map(|(_, w)| *w + GAP)
            .fold(last_tick / 2.0, f32::max);
        let axis_x = NAME_INSET + name_width + GAP;
        let plot_width = (width - axis_x - value_room).max(1.0);
        let plot_top = PAD;
        let plot_bottom = plot_top + pitch * bars.len() as f32;
        let x_of = |v: f64| axis_x + (v / top).clamp(0.0, 1.0) as f32 * plot_width;

        // Gridlines under the bars, then the bars.
        for (v, _) in ticks.iter().skip(1) {
            items.push(shape(Item::Fill(Fill {
                rect: Rect {
                    x: x_of(*v) - GRID_WIDTH / 2.0,
                    y: plot_top,
                    width: GRID_WIDTH,
                    height: plot_bottom - plot_top,
                },
                grey: GRID_GREY,
            })));
        }
        let thickness = pitch * BAR_SHARE;
        for (i, bar) in bars.iter().enumerate() {
            let row_top = plot_top + pitch * i as f32;
            let centre = row_top + pitch / 2.0;
            let length = x_of(bar.value) - axis_x;
            if length > 0.0 {
                items.push(shape(Item::Fill(Fill {
                    rect: Rect {
                        x: axis_x,
                        y: centre - thickness / 2.0,
                        width: length,
                        height: thickness,
                    },
                    grey: BAR_GREY,
                })));
            }
            let (lines, size) = &names[i];
            let line_pitch = size * 1.1;
            let block = lines.len() as f32 * line_pitch;
            let fmt = LineFormat {
                style: FontStyle::Regular,
                size: *size,
                pitch: line_pitch,
                align: HAlign::Right,
                x: NAME_INSET,
                width: name_width,
            };
            for (k, line) in lines.iter().enumerate() {
                let top_of_line = centre - block / 2.0 + k as f32 * line_pitch;
                let baseline = self.baseline(top_of_line, line_pitch, *size);
                self.push_line(&mut items, line, &fmt, baseline);
            }
            let (text, w) = &values[i];
            self.push_text(
                &mut items,
                text,
                (axis_x + length.max(0.0) + GAP, *w),
                self.baseline(row_top, pitch, VALUE_SIZE),
                Anchor::Left,
            );
        }

        // The axes over the bars' ends, the ticks under the value axis.
        items.push(shape(Item::Rule(Rule {
            x1: axis_x,
            y1: plot_top,
            x2: axis_x,
            y2: plot_bottom,
            thickness: AXIS_WIDTH,
        })));
        items.push(shape(Item::Rule(Rule {
            x1: axis_x,
            y1: plot_bottom,
            x2: axis_x + plot_width,
            y2: plot_bottom,
            thickness: AXIS_WIDTH,
        })));
        let tick_baseline = plot_bottom + 3.0 + VALUE_SIZE;
        for (v, text) in &ticks {
            let x = x_of(*v);
            items.push(shape(Item::Rule(Rule {
                x1: x,
                y1: plot_bottom,
                x2: x,
                y2: plot_bottom + 2.5,
                thickness: AXIS_WIDTH,
            })));
            let w = regular.text_width_pt(text, VALUE_SIZE);
            let left = (x - w / 2.0).clamp(0.0, (width - w).max(0.0));
            self.push_text(&mut items, text, (left, w), tick_baseline, Anchor::Centre);
        }
        let mut y = plot_bottom + VALUE_SIZE * 1.6;
        // The axis title centred under the plot, as the caption is under the whole figure.
        let plot_fmt = LineFormat {
            x: axis_x,
            width: plot_width,
            ..title_fmt
        };
        let axis_title = if axis_title.len() == 1
            && axis_title[0].width as f32 * AXIS_TITLE_SIZE / 1000.0 <= plot_width
        {
            axis_title
        } else {
            self.break_for(&figure.axis_title, &plot_fmt)
        };
        for line in &axis_title {
            let fmt = if line.width as f32 * AXIS_TITLE_SIZE / 1000.0 <= plot_width {
                plot_fmt
            } else {
                title_fmt
            };
            let baseline = self.baseline(y, fmt.pitch, fmt.size);
            self.push_line(&mut items, line, &fmt, baseline);
            y += fmt.pitch;
        }
        let chart_height = y;
        let caption_from = items.len();
        y += PARAGRAPH_GAP;
        for line in &caption {
            let baseline = self.baseline(y, caption_fmt.pitch, CAPTION_SIZE);
            self.push_line(&mut items, line, &caption_fmt, baseline);
            y += caption_fmt.pitch;
        }
        PreparedFigure {
            height: y + PAD,
            marks: items,
            caption_from,
            chart_height,
        }
    }

    /// A bar's name in the names' column at `size`: its lines (as many as the row holds, the
    /// last cut with "…" when the name is longer still) and its size, smaller when a name on two
    /// lines needs it to fit the row.
    fn fit_name(&mut self, name: &str, width: f32, pitch: f32, size: f32) -> (Vec<Line>, f32) {
        let cleaned = self.clean(name.trim(), FontStyle::Regular, false);
        let face = self.faces.get(FontStyle::Regular);
        let size = if face.text_width_pt(&cleaned, size) > width {
            size.min(pitch / 2.2).max(NAME_SIZE_MIN.min(size))
        } else {
            size
        };
        let mut lines = break_text(face, &cleaned, size, width, 0.0, 0.0);
        let fit = ((pitch / (size * 1.1)).floor() as usize).max(1);
        if lines.len() > fit {
            lines.truncate(fit);
            if let Some(last) = lines.last_mut() {
                let mut text = last.text.clone();
                let ellipsis = if face.has('…') { "…" } else { "..." };
                while !text.is_empty()
                    && face.text_width_pt(&format!("{text}{ellipsis}"), size) > width
                {
                    text.pop();
                }
                let text = format!("{}{ellipsis}", text.trim_end());
                last.width = face.text_width(&text);
                last.text = text;
                last.justify = false;
            }
        }
        (lines, size)
    }

    /// `line` set with `fmt` on `baseline`, kept to the side `fmt` aligns it to.
    fn push_line(&mut self, items: &mut Vec<Mark>, line: &Line, fmt: &LineFormat, baseline: f32) {
        if let Some(run) = self.line_run(line, fmt, baseline) {
            items.push(Mark {
                item: Item::Text(run),
                anchor: anchor_of(fmt.align),
            });
        }
    }

    /// A run of cleaned `text` in the values' size, at `x` and `width` points wide, on
    /// `baseline`.
    fn push_text(
        &mut self,
        items: &mut Vec<Mark>,
        text: &str,
        (x, width): (f32, f32),
        baseline: f32,
        anchor: Anchor,
    ) {
        if text.is_empty() {
            return;
        }
        let text = self.emit(FontStyle::Regular, text);
        items.push(Mark {
            item: Item::Text(super::page::TextRun {
                x,
                y: baseline,
                size: VALUE_SIZE,
                style: FontStyle::Regular,
                text,
                word_spacing: 0.0,
                width,
            }),
            anchor,
        });
    }

    /// Places `figure` whole: on this page when it fits under the cursor, else at the top of
    /// the next.
    pub(super) fn place_figure(&mut self, figure: &PreparedFigure) {
        if figure.marks.is_empty() {
            return;
        }
        self.gap(FIGURE_GAP);
        if !self.fresh && self.y + figure.height > self.bottom() + EPS {
            self.next_page();
        }
        let (dx, dy) = (self.text_box().x, self.y);
        for mark in &figure.marks {
            self.push(moved(&mark.item, dx, dy));
        }
        self.y += figure.height;
        self.fresh = false;
    }
}

/// `item` moved `dx` right and `dy` down.
fn moved(item: &Item, dx: f32, dy: f32) -> Item {
    match item {
        Item::Text(t) => {
            let mut t = t.clone();
            t.x += dx;
            t.y += dy;
            Item::Text(t)
        }
        Item::Rule(r) => Item::Rule(Rule {
            x1: r.x1 + dx,
            y1: r.y1 + dy,
            x2: r.x2 + dx,
            y2: r.y2 + dy,
            thickness: r.thickness,
        }),
        Item::Fill(f) => Item::Fill(Fill {
            rect: Rect {
                x: f.rect.x + dx,
                y: f.rect.y + dy,
                ..f.rect
            },
            grey: f.grey,
        }),
        Item::Watermark(w) => {
            let mut w = w.clone();
            w.x += dx;
            w.y += dy;
            Item::Watermark(w)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::axis_ticks;
    use crate::report::document::{Block, Figure, FigureBar, Scale};
    use crate::report::layout::Layout;
    use crate::report::test_support::{SENTENCE, assert_inside_text_box, body, find, lay};

    fn figure(caption: &str, bars: &[(&str, f64)]) -> Block {
        Block::Figure(Figure {
            caption: caption.to_owned(),
            axis_title: "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả".to_owned(),
            scale: Scale::Percent,
            bars: bars
                .iter()
                .map(|&(label, value)| FigureBar {
                    label: label.to_owned(),
                    value,
                    shown: crate::text::number::format_percent(value),
                })
                .collect(),
        })
    }

    fn members(n: usize) -> Vec<(String, f64)> {
        (0..n)
            .map(|i| (format!("Sở số {i}"), (i * 37 % 101) as f64))
            .collect()
    }

    fn bars_of(v: &[(String, f64)]) -> Vec<(&str, f64)> {
        v.iter().map(|(s, x)| (s.as_str(), *x)).collect()
    }

    /// Every filled rectangle inside its page's text box.
    fn assert_fills_inside(l: &Layout) {
        for page in &l.pages {
            let tb = page.text_box;
            for f in page.fills() {
                let r = f.rect;
                assert!(
                    r.x >= tb.x - 0.01 && r.right() <= tb.right() + 0.01,
                    "{r:?}"
                );
                assert!(
                    r.y >= tb.y - 0.01 && r.bottom() <= tb.bottom() + 0.01,
                    "{r:?}"
                );
            }
        }
    }

    #[test]
    fn a_figure_is_never_split_across_pages() {
        let twelve = members(12);
        let mut moved = 0;
        for n in 20..45 {
            let mut blocks: Vec<Block> = (0..n)
                .map(|i| Block::Paragraph(format!("Đoạn {i}. {SENTENCE}")))
                .collect();
            blocks.push(figure("Tỷ lệ theo đơn vị", &bars_of(&twelve)));
            let l = lay(&body(blocks));
            let with_fills: Vec<usize> = (0..l.pages.len())
                .filter(|&p| l.pages[p].fills().next().is_some())
                .collect();
            assert_eq!(with_fills.len(), 1, "n = {n}: bars on pages {with_fills:?}");
            let page = with_fills[0];
            let (caption_page, _) = find(&l, "Biểu đồ 1.")[0];
            assert_eq!(
                caption_page, page,
                "n = {n}: the caption stays under its bars"
            );
            for (name, _) in &twelve {
                let pages: Vec<usize> = find(&l, name)
                    .iter()
                    .filter(|(_, t)| t.text == *name)
                    .map(|(p, _)| *p)
                    .collect();
                assert_eq!(pages, vec![page], "n = {n}: {name}");
            }
            if page > 0
                && l.pages[page - 1]
                    .texts()
                    .all(|t| !t.text.contains("Biểu đồ"))
            {
                let last = find(&l, &format!("Đoạn {}.", n - 1));
                if last.iter().any(|(p, _)| *p == page - 1) {
                    moved += 1;
                }
            }
            assert_inside_text_box(&l);
            assert_fills_inside(&l);
        }
        assert!(moved > 0, "some figure had to go to the next page");
    }

    #[test]
    fn figures_are_numbered_in_order_and_empty_ones_take_no_number() {
        let mut doc = body(vec![
            figure("Thứ nhất", &[("Sở A", 50.0)]),
            figure("Không có số liệu", &[]),
            Block::Paragraph("Giữa hai biểu đồ.".into()),
        ]);
        doc.appendices = vec![figure("Thứ hai", &[("Sở B", 75.0), ("Sở C", f64::NAN)])];
        let l = lay(&doc);
        assert_eq!(find(&l, "Biểu đồ 1. Thứ nhất").len(), 1);
        assert_eq!(find(&l, "Biểu đồ 2. Thứ hai").len(), 1);
        assert!(find(&l, "Không có số liệu").is_empty());
        assert!(find(&l, "Biểu đồ 3").is_empty());
        assert_eq!(doc.figure_numbers(), vec![Some(1), None, Some(2)]);
        // A bar without a value is left out, its name too.
        assert!(find(&l, "Sở C").is_empty());
        // Captions are centred under the figure, in italics.
        let (_, caption) = find(&l, "Biểu đồ 2.")[0];
        assert_eq!(caption.style, crate::report::fonts::FontStyle::Italic);
        let tb = l.pages.last().unwrap().text_box;
        let centre = caption.x + caption.width / 2.0;
        assert!((centre - (tb.x + tb.width / 2.0)).abs() < 0.5, "centred");
    }

    #[test]
    fn empty_data_gives_no_figure_not_an_empty_frame() {
        let with = lay(&body(vec![
            Block::Paragraph("Trước.".into()),
            figure("Trống", &[]),
            Block::Paragraph("Sau.".into()),
        ]));
        let without = lay(&body(vec![
            Block::Paragraph("Trước.".into()),
            Block::Paragraph("Sau.".into()),
        ]));
        assert_eq!(with.pages, without.pages);
    }

    #[test]
    fn text_fits_the_box_with_long_names_and_many_members() {
        let long = "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hà Giang kiêm Ban Chỉ đạo Chương trình mục tiêu quốc gia";
        for n in [1, 3, 12, 40, 120] {
            let mut many = members(n);
            many[0].0 = long.to_owned();
            many[n - 1].1 = 100.0;
            let l = lay(&body(vec![figure(
                "Một chú thích dài để xem nó xuống dòng và vẫn nằm giữa trang in của văn bản hành chính",
                &bars_of(&many),
            )]));
            assert_inside_text_box(&l);
            assert_fills_inside(&l);
            let pages: Vec<usize> = (0..l.pages.len())
                .filter(|&p| l.pages[p].fills().next().is_some())
                .collect();
            assert_eq!(pages.len(), 1, "{n} bars on one page");
            // Every bar drawn: one rectangle per bar with a value, plus the four gridlines.
            let bars = many.iter().filter(|(_, v)| *v > 0.0).count();
            assert_eq!(l.pages[pages[0]].fills().count(), bars + 4, "{n} bars");
            // No two names overlap.
            let mut names: Vec<(f32, f32)> = l.pages[pages[0]]
                .texts()
                .filter(|t| t.text.starts_with("Sở"))
                .map(|t| (t.y - t.size * 0.8, t.y + t.size * 0.2))
                .collect();
            names.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in names.windows(2) {
                assert!(w[0].1 <= w[1].0 + 0.5, "{n} bars: names overlap {w:?}");
            }
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(axis_ticks(Scale::Percent, 80.0), (100.0, 25.0));
        assert_eq!(axis_ticks(Scale::Number, 95.92), (100.0, 20.0));
        assert_eq!(axis_ticks(Scale::Number, 11.0), (12.5, 2.5));
        assert_eq!(axis_ticks(Scale::Number, 0.0), (10.0, 2.0));
        assert_eq!(axis_ticks(Scale::Number, f64::NAN), (10.0, 2.0));
        let (top, step) = axis_ticks(Scale::Number, 1234.0);
        assert!(top >= 1234.0 && top / step <= 6.0);
    }
}
