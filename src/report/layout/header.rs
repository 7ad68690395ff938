//! The top of page 1. An official document gets the Decree 30 two-column header (parent
//! and issuing body with a short rule on the left, national title and motto on the right,
//! then the number and the place and date on one baseline) and its centred document type
//! and subject; a plain article gets only a headline and a dateline.

use crate::report::document::Document;
use crate::report::fonts::FontStyle;

use super::Engine;
use super::breaking::{HAlign, LineFormat};
use super::metrics::{
    BODY_SIZE, DRAFT_BOX_RULE, DRAFT_DIAGONAL_GREY, HEADER_LEFT_SHARE, HEADER_RULE, HEADER_SIZE,
    HEADLINE_SIZE, TIGHT_LEADING,
};
use super::page::{Item, Rule, Watermark};

/// The national title and motto printed on every document.
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The national motto, with the rule under it.
pub const NATIONAL_MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The mark of a document not yet adopted.
pub const DRAFT_MARK: &str = "DỰ THẢO";

impl Engine<'_> {
    /// "DỰ THẢO" in bold capitals in a ruled box at the top of page 1, over the left
    /// (issuing body) column, as offices mark a draft; the header starts below it.
    pub(super) fn draft_box(&mut self) {
        let tb = self.text_box();
        let left_w = tb.width * HEADER_LEFT_SHARE;
        let fmt = LineFormat {
            style: FontStyle::Bold,
            size: HEADER_SIZE,
            pitch: HEADER_SIZE * TIGHT_LEADING,
            align: HAlign::Center,
            x: tb.x,
            width: left_w,
        };
        let (pad_x, pad_y) = (6.0, 2.0);
        let top = self.y;
        self.y += pad_y;
        let lines = self.break_for(DRAFT_MARK, &fmt);
        let widest = self.put_lines(&lines, &fmt).min(left_w - 2.0 * pad_x);
        self.y += pad_y;
        let bottom = self.y;
        let centre = tb.x + left_w / 2.0;
        let (x1, x2) = (centre - widest / 2.0 - pad_x, centre + widest / 2.0 + pad_x);
        for (a, b, c, d) in [
            (x1, top, x2, top),
            (x1, bottom, x2, bottom),
            (x1, top, x1, bottom),
            (x2, top, x2, bottom),
        ] {
            self.push(Item::Rule(Rule {
                x1: a,
                y1: b,
                x2: c,
                y2: d,
                thickness: DRAFT_BOX_RULE,
            }));
        }
        self.y = bottom + 6.0;
    }

    /// "DỰ THẢO" faint and large along the rising diagonal of every page.
    pub(super) fn draft_diagonals(&mut self) {
        let style = FontStyle::Bold;
        let text = self.emit(style, DRAFT_MARK);
        let face = self.faces.get(style);
        let units = face.text_width(&text).max(1) as f32;
        for page in &mut self.pages {
            let (w, h) = (page.width, page.height);
            let diagonal = w.hypot(h);
            // Across about half the diagonal, never larger than 110 pt.
            let size = (diagonal * 0.5 * 1000.0 / units).min(110.0);
            let width = units * size / 1000.0;
            let angle = h.atan2(w);
            // Centre the text (its baseline raised by a third of the size) on the page.
            let (cx, cy) = (w / 2.0, h / 2.0);
            let (cos, sin) = (angle.cos(), angle.sin());
            let rise = size / 3.0;
            let x = cx - width / 2.0 * cos + rise * sin;
            let y = cy + width / 2.0 * sin + rise * cos;
            page.items.insert(
                0,
                Item::Watermark(Watermark {
                    x,
                    y,
                    size,
                    style,
                    text: text.clone(),
                    angle: angle.to_degrees(),
                    grey: DRAFT_DIAGONAL_GREY,
                    width,
                }),
            );
        }
    }
}

impl Engine<'_> {
    /// The two-column header of page 1, the document type and the subject.
    pub(super) fn first_page_header(&mut self, doc: &Document) {
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
        let top = self.y;

        // Left: parent body, issuing body, short rule.
        let parent_fmt = fmt(FontStyle::Regular, HEADER_SIZE, lx, left_w);
        let parent = self.break_for(&doc.parent_body.to_uppercase(), &parent_fmt);
        self.put_lines(&parent, &parent_fmt);
        let issuing_fmt = fmt(FontStyle::Bold, HEADER_SIZE, lx, left_w);
        let issuing = self.break_for(&doc.issuing_body.to_uppercase(), &issuing_fmt);
        let widest = self.put_lines(&issuing, &issuing_fmt);
        if !issuing.is_empty() {
            let len = (widest / 3.0).max(HEADER_SIZE * 2.0);
            self.rule_under(lx + left_w / 2.0, len, HEADER_SIZE, issuing_fmt.pitch);
        }
        let left_bottom = self.y;

        // Right: national title, motto with a rule as long as the motto.
        self.y = top;
        let title_fmt = fmt(FontStyle::Bold, HEADER_SIZE, rx, right_w);
        let title = self.break_for(NATIONAL_TITLE, &title_fmt);
        self.put_lines(&title, &title_fmt);
        let motto_fmt = fmt(FontStyle::Bold, BODY_SIZE, rx, right_w);
        let motto = self.break_for(NATIONAL_MOTTO, &motto_fmt);
        let motto_w = self.put_lines(&motto, &motto_fmt);
        self.rule_under(rx + right_w / 2.0, motto_w, BODY_SIZE, motto_fmt.pitch);
        let right_bottom = self.y;

        // Second row: number on the left, place and date on the right, one baseline.
        let row_top = left_bottom.max(right_bottom) + 4.0;
        let row_pitch = BODY_SIZE * TIGHT_LEADING;
        self.y = row_top;
        let number_fmt = LineFormat {
            pitch: row_pitch,
            ..fmt(FontStyle::Regular, HEADER_SIZE, lx, left_w)
        };
        let number = self.break_for(&doc.number, &number_fmt);
        self.put_lines(&number, &number_fmt);
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
        let place_fmt = LineFormat {
            pitch: row_pitch,
            ..fmt(FontStyle::Italic, BODY_SIZE, rx, right_w)
        };
        let place = self.break_for(&doc.place_date, &place_fmt);
        self.put_lines(&place, &place_fmt);
        self.y = self.y.max(number_bottom);

        // Document type and subject, centred on the full width, rule under the subject.
        let centre_fmt = LineFormat {
            pitch: BODY_SIZE * TIGHT_LEADING,
            ..self.body_format(FontStyle::Bold, HAlign::Center)
        };
        let doc_type = self.break_for(&doc.doc_type.to_uppercase(), &centre_fmt);
        let subject = self.break_title(&doc.subject, &centre_fmt);
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
    pub(super) fn plain_header(&mut self, doc: &Document) {
        let headline_fmt = LineFormat {
            pitch: HEADLINE_SIZE * TIGHT_LEADING,
            size: HEADLINE_SIZE,
            ..self.body_format(FontStyle::Bold, HAlign::Center)
        };
        let headline = self.break_title(&doc.subject, &headline_fmt);
        self.put_lines(&headline, &headline_fmt);
        self.y += 6.0;
        let dateline_fmt = LineFormat {
            pitch: BODY_SIZE * TIGHT_LEADING,
            ..self.body_format(FontStyle::Italic, HAlign::Center)
        };
        let dateline = self.break_for(&doc.place_date, &dateline_fmt);
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::{Block, DraftMark};
    use crate::report::fonts::FontStyle;
    use crate::report::layout::metrics::HEADER_LEFT_SHARE;
    use crate::report::layout::{FIRST_LINE_INDENT, NATIONAL_MOTTO, NATIONAL_TITLE, Rule};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, find, lay, sample_document,
    };

    use super::DRAFT_MARK;

    #[test]
    fn a_draft_says_so_in_a_box_above_the_header_and_an_adopted_report_does_not() {
        let mut doc = sample_document();
        doc.blocks.push(Block::Paragraph([SENTENCE; 40].join(" ")));
        let adopted = lay(&doc);
        assert!(find(&adopted, "THẢO").is_empty());
        assert!(adopted.pages.iter().all(|p| p.watermarks().count() == 0));

        doc.draft = DraftMark::Header;
        let l = lay(&doc);
        assert_inside_text_box(&l);
        let marks = find(&l, DRAFT_MARK);
        assert_eq!(marks.len(), 1, "once, on page 1");
        let (page, mark) = marks[0];
        assert_eq!((page, mark.style), (0, FontStyle::Bold));
        assert!(l.pages.iter().all(|p| p.watermarks().count() == 0));
        // Above the header, in the left column, overlapping nothing.
        let parent = find(&l, "UBND TỈNH HÀ GIANG")[0].1;
        let title = find(&l, NATIONAL_TITLE)[0].1;
        assert!(mark.y + mark.size * 0.3 < parent.y - parent.size && mark.y < title.y - title.size);
        let tb = l.pages[0].text_box;
        assert!(mark.x + mark.width < tb.x + tb.width * HEADER_LEFT_SHARE);
        // Boxed: four rules around the text.
        let around = l.pages[0]
            .rules()
            .filter(|r| {
                r.x1.min(r.x2) <= mark.x
                    && r.x1.max(r.x2) >= mark.x + mark.width
                    && r.y1 < mark.y - mark.size * 0.7
                    && r.y2 < mark.y - mark.size * 0.7
            })
            .count();
        let below = l.pages[0]
            .rules()
            .filter(|r| {
                r.y1 == r.y2
                    && r.y1 > mark.y
                    && r.y1 < parent.y - parent.size
                    && r.x1 <= mark.x
                    && r.x2 >= mark.x + mark.width
            })
            .count();
        let sides = l.pages[0]
            .rules()
            .filter(|r| {
                r.x1 == r.x2
                    && r.y1.min(r.y2) < mark.y - mark.size * 0.7
                    && r.y1.max(r.y2) > mark.y
                    && (r.x1 < mark.x || r.x1 > mark.x + mark.width)
            })
            .count();
        assert_eq!((around, below, sides), (1, 1, 2), "a box");
        // The header's own layout is unchanged, only lower.
        let plain_parent = find(&adopted, "UBND TỈNH HÀ GIANG")[0].1;
        assert!((parent.x - plain_parent.x).abs() < 0.01 && parent.y > plain_parent.y);

        doc.draft = DraftMark::HeaderAndDiagonal;
        let l = lay(&doc);
        assert_eq!(find(&l, DRAFT_MARK).len(), 1);
        assert!(l.pages.len() >= 3);
        for page in &l.pages {
            let marks: Vec<_> = page.watermarks().collect();
            assert_eq!(marks.len(), 1);
            let m = marks[0];
            assert_eq!(m.text, DRAFT_MARK);
            assert!(m.grey > 0.7 && m.grey < 1.0, "faint");
            assert!(m.angle > 30.0 && m.angle < 60.0, "diagonal");
            // Centred on the page: the middle of the baseline near the page centre.
            let a = m.angle.to_radians();
            let (mx, my) = (m.x + m.width / 2.0 * a.cos(), m.y - m.width / 2.0 * a.sin());
            assert!(
                (mx - page.width / 2.0).abs() < m.size && (my - page.height / 2.0).abs() < m.size
            );
            assert!(m.width > page.width * 0.4);
        }
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
}
