//! Line breaking and setting: cleaned text is broken into lines by the real glyph
//! advances of the face (greedily at spaces, inside a word only when the word alone is
//! wider than the line), and a line is turned into a positioned, possibly justified text
//! run. Headings, table cells and the closing break greedily here; justified paragraphs
//! and titles choose their breaks as a whole in `fit`, with the same widths.

use crate::report::document::Align;
use crate::report::fonts::{Face, FontStyle};

use super::Engine;
use super::metrics::{BODY_LEADING, BODY_SIZE};
use super::page::TextRun;

/// One line produced by the line breaker.
#[derive(Debug, Clone)]
pub(super) struct Line {
    /// Cleaned text (all characters in the font; may contain no-break spaces).
    pub(super) text: String,
    /// Natural width in 1/1000 em.
    pub(super) width: u32,
    /// Indent from the left edge of the column, in points.
    pub(super) indent: f32,
    /// Whether the line may be stretched to the full width (not the last line of a
    /// paragraph or before a forced break).
    pub(super) justify: bool,
}

/// Horizontal placement of a line within its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum HAlign {
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
pub(super) struct LineFormat {
    pub(super) style: FontStyle,
    pub(super) size: f32,
    pub(super) pitch: f32,
    pub(super) align: HAlign,
    /// Column left edge.
    pub(super) x: f32,
    /// Column width.
    pub(super) width: f32,
}

/// Breaks cleaned `text` into lines no wider than `width` points at `size` points:
/// greedily at spaces, at every '\n', and inside a word only when the word alone is
/// wider than the line. The first line is indented by `first_indent`, the others by
/// `rest_indent`. Blank text gives no lines.
pub(super) fn break_text(
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
                end_line(&mut lines, &mut cur, &mut cur_w, indent, true);
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
                    end_line(&mut lines, &mut cur, &mut cur_w, indent, false);
                }
                cur.push(c);
                cur_w = cur_w.saturating_add(cw);
            }
        }
        let indent = indent_for(&lines);
        end_line(&mut lines, &mut cur, &mut cur_w, indent, false);
    }
    lines
}

/// Moves the line being built (`cur`, `cur_w` wide) into `lines` and starts an empty one.
fn end_line(lines: &mut Vec<Line>, cur: &mut String, cur_w: &mut u32, indent: f32, justify: bool) {
    lines.push(Line {
        text: std::mem::take(cur),
        width: std::mem::take(cur_w),
        indent,
        justify,
    });
}

impl Engine<'_> {
    pub(super) fn break_clean(
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

    /// Breaks `text` for setting with `fmt`: in its face and size, to its width, without
    /// indents. Most of the header is set this way; taking all three from the format
    /// keeps the breaking and the setting of a line from disagreeing.
    pub(super) fn break_for(&mut self, text: &str, fmt: &LineFormat) -> Vec<Line> {
        self.break_clean(text, fmt.style, fmt.size, fmt.width, 0.0, 0.0)
    }

    /// Baseline of a line of `size` centred in a line box of height `pitch`.
    pub(super) fn baseline(&self, top: f32, pitch: f32, size: f32) -> f32 {
        top + (pitch - size * (self.ascent + self.descent)) / 2.0 + size * self.ascent
    }

    /// The positioned run of `line` set with `fmt` on `baseline`, or `None` for a blank
    /// line.
    pub(super) fn line_run(
        &mut self,
        line: &Line,
        fmt: &LineFormat,
        baseline: f32,
    ) -> Option<TextRun> {
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

    pub(super) fn body_format(&self, style: FontStyle, align: HAlign) -> LineFormat {
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::time::Instant;

    use crate::report::document::{Align, Block, Table};
    use crate::report::fonts::FontStyle;
    use crate::report::layout::metrics::{BODY_SIZE, CELL_PAD_X};
    use crate::report::layout::{A4_WIDTH, MARGIN_RIGHT, Rule, TextRun};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, body, cells, column, lay, sample_document, words_of,
    };

    #[test]
    fn no_line_is_wider_than_the_text_box() {
        let long = [SENTENCE; 40].join(" ");
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph(long.clone()));
        doc.blocks.push(Block::Table(Table {
            title: None,
            subtitle: None,
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
                subtitle: None,
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
}
