//! The closing: the recipients ("Nơi nhận:") on the left and the signatures beside them,
//! two to a row, with room to sign and the signers' names on one line. The group is built
//! off the page, relative to its own top, so that it can be placed whole: on this page if
//! it fits, otherwise at the top of the next. Recipients and signatures stand side by side,
//! so a page break inside the group would cut both columns at once.

use crate::report::document::{Closing, ClosingSlot};
use crate::report::fonts::FontStyle;

use super::Engine;
use super::breaking::{HAlign, Line, LineFormat};
use super::metrics::{BODY_SIZE, CLOSING_GAP, EPS, SIGNATURE_SPACE, TIGHT_LEADING};
use super::page::{Item, TextRun};

/// A line of the closing, positioned relative to the top of the closing group.
#[derive(Debug, Clone)]
struct FloatingLine {
    top: f32,
    height: f32,
    run: TextRun,
}

/// The closing laid out off the page, ready to be placed whole.
#[derive(Debug, Clone, Default)]
pub(super) struct ClosingGroup {
    lines: Vec<FloatingLine>,
}

impl ClosingGroup {
    /// The height the group needs on the page, with the gap above it (0 when empty).
    pub(super) fn height_with_gap(&self) -> f32 {
        if self.lines.is_empty() {
            0.0
        } else {
            CLOSING_GAP + self.height()
        }
    }

    fn height(&self) -> f32 {
        self.lines
            .iter()
            .map(|l| l.top + l.height)
            .fold(0.0f32, f32::max)
    }
}

/// The room kept between two signature blocks side by side, on each side of the middle.
const SIGNATURE_GUTTER: f32 = 6.0;

impl Engine<'_> {
    /// Recipients and signatures, built off the page: the lines of the group relative to
    /// its top. A single signature stands on the right, beside the recipients; two or more
    /// stand side by side (minutes: the secretary left, the chair right), with the
    /// recipients under them on the left, as in Decree 30's model of a biên bản.
    pub(super) fn build_closing(&mut self, closing: &Closing) -> ClosingGroup {
        let recipients = closing.recipient_lines();
        if recipients.is_empty() && closing.signatures.is_empty() {
            return ClosingGroup::default();
        }
        let tb = self.text_box();
        let half = tb.width / 2.0;
        let pitch = BODY_SIZE * TIGHT_LEADING;
        let slots = closing.arrangement(!recipients.is_empty());

        let mut lines: Vec<FloatingLine> = Vec::new();
        let mut row_top = 0.0f32;
        for pair in slots.chunks(2) {
            // Beside the recipients the signature may take up to 60 % of the width, so
            // that "TM. KHỐI THI ĐUA ..." stays on one line; otherwise halves.
            let mut split = half;
            if let [
                Some(ClosingSlot::Recipients),
                Some(ClosingSlot::Signature(s)),
            ] = pair
            {
                let face = self.faces.get(FontStyle::Bold);
                let needed = [&s.authority, &s.position]
                    .iter()
                    .map(|t| face.text_width_pt(&t.to_uppercase(), BODY_SIZE))
                    .fold(0.0f32, f32::max)
                    + 12.0;
                split = tb.width - needed.clamp(half, tb.width * 0.6);
            }
            // Break every signature of the row first: the signers' names share a line.
            // Side by side, the two blocks keep a gutter between them, and a long name of an
            // authority is set in balanced lines ("SỞ THÔNG TIN VÀ / TRUYỀN THÔNG").
            let gutter = if pair.iter().flatten().count() == 2 {
                SIGNATURE_GUTTER
            } else {
                0.0
            };
            let mut broken: Vec<Option<(Vec<Line>, Vec<Line>)>> = Vec::new();
            for (col, slot) in pair.iter().enumerate() {
                let width = if col == 0 { split } else { tb.width - split } - gutter;
                broken.push(match slot {
                    Some(ClosingSlot::Signature(s)) => {
                        let fmt = LineFormat {
                            style: FontStyle::Bold,
                            size: BODY_SIZE,
                            pitch,
                            align: HAlign::Center,
                            x: 0.0,
                            width,
                        };
                        let mut titles = Vec::new();
                        for text in [&s.authority, &s.position] {
                            titles.extend(self.break_title(&text.to_uppercase(), &fmt));
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
                    (tb.x, split - gutter)
                } else {
                    (tb.x + split + gutter, tb.width - split - gutter)
                };
                let h = match (slot, parts) {
                    (Some(ClosingSlot::Recipients), _) => {
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
                        // A name without a title is a byline: nobody signs above it.
                        let space = if titles_h > 0.0 { SIGNATURE_SPACE } else { 0.0 };
                        t = row_top + titles_h + space;
                        self.floating(&signer, &fmt, &mut t, &mut lines);
                        t - row_top
                    }
                    _ => 0.0,
                };
                row_h = row_h.max(h);
            }
            row_top += row_h + 18.0;
        }
        ClosingGroup { lines }
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
        let heading = self.break_for("Nơi nhận:", &head);
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
    pub(super) fn place_closing(&mut self, group: ClosingGroup) {
        let total = group.height();
        let mut lines = group.lines;
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::Document;
    use crate::report::document::{Block, Closing, Signature};
    use crate::report::fonts::FontStyle;
    use crate::report::layout::metrics::SIGNATURE_SPACE;
    use crate::report::layout::{A4_WIDTH, MARGIN_LEFT, MARGIN_RIGHT, Page};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, body, find, lay, sample_document,
    };

    fn minutes_closing() -> Closing {
        Closing {
            recipients: vec![
                "Ban Thi đua - Khen thưởng tỉnh".into(),
                "Các đơn vị thành viên Khối".into(),
                "Lưu: VT".into(),
            ],
            signatures: vec![
                Signature {
                    authority: "Thư ký".into(),
                    position: "Chuyên viên Văn phòng Sở".into(),
                    signer: "Trần Thị Mai".into(),
                },
                Signature {
                    authority: "Chủ tọa".into(),
                    position: "Giám đốc Sở Thông tin và Truyền thông".into(),
                    signer: "Nguyễn Văn Hùng".into(),
                },
            ],
        }
    }

    #[test]
    fn minutes_sign_side_by_side_with_the_recipients_under_them_on_one_page() {
        let mut moved = 0;
        for n in 14..40 {
            let mut doc = sample_document();
            doc.blocks = (0..n)
                .map(|i| Block::Paragraph(format!("Đoạn văn ngắn số {i}.")))
                .collect();
            doc.closing = minutes_closing();
            let l = lay(&doc);
            assert_inside_text_box(&l);
            let one = |needle: &str| {
                let found = find(&l, needle);
                assert_eq!(found.len(), 1, "{needle} printed once (n = {n})");
                found[0]
            };
            let (p, secretary) = one("THƯ KÝ");
            let (_, chair) = one("CHỦ TỌA");
            let (_, left_pos) = one("CHUYÊN VIÊN VĂN PHÒNG SỞ");
            let (_, left_name) = one("Trần Thị Mai");
            let (_, right_name) = one("Nguyễn Văn Hùng");
            let (_, recipients) = one("Nơi nhận:");
            let (_, last) = one("- Lưu: VT.");
            let middle = MARGIN_LEFT + (A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / 2.0;
            assert_eq!(secretary.y, chair.y);
            assert!(secretary.x + secretary.width < middle && chair.x > middle);
            assert!(left_pos.y > secretary.y && left_pos.x + left_pos.width < middle);
            assert!(find(&l, "GIÁM ĐỐC SỞ")[0].1.x > middle);
            assert_eq!(left_name.y, right_name.y);
            assert_eq!(
                (left_name.style, right_name.style),
                (FontStyle::Bold, FontStyle::Bold)
            );
            assert!(left_name.y - secretary.y > SIGNATURE_SPACE, "room to sign");
            assert!(recipients.y > left_name.y && recipients.x < middle);
            assert_eq!(recipients.style, FontStyle::BoldItalic);
            for needle in [
                "CHỦ TỌA",
                "Trần Thị Mai",
                "Nguyễn Văn Hùng",
                "Nơi nhận:",
                "- Lưu: VT.",
            ] {
                assert_eq!(
                    find(&l, needle)[0].0,
                    p,
                    "{needle} on the closing's page (n = {n})"
                );
            }
            assert!(last.y > recipients.y);
            if p > 0 {
                moved += 1;
            }
        }
        assert!(moved > 0, "some lengths push the closing over, whole");
    }

    /// A news item: a plain article ending with a byline (one signature, no recipients).
    fn news_item(paragraphs: usize, last: &str) -> Document {
        let mut blocks: Vec<Block> = (0..paragraphs)
            .map(|i| Block::Paragraph(format!("Đoạn {i}: {SENTENCE}")))
            .collect();
        blocks.push(Block::Paragraph(last.into()));
        Document {
            plain: true,
            subject: "Khối Kinh tế ngành tổng kết năm 2020".into(),
            place_date: "Hà Giang, ngày 16/12/2020".into(),
            closing: Closing {
                recipients: vec![],
                signatures: vec![Signature {
                    authority: String::new(),
                    position: String::new(),
                    signer: "Ban Thư ký Khối".into(),
                }],
            },
            ..body(blocks)
        }
    }

    #[test]
    fn the_byline_never_starts_a_page_alone() {
        let long = [SENTENCE; 3].join(" ");
        let mut kept = 0;
        for last in [long.as_str(), "Hội nghị kết thúc cùng ngày."] {
            for n in 5..25 {
                let l = lay(&news_item(n, last));
                let (p, byline) = find(&l, "Ban Thư ký Khối")[0];
                let above = l.pages[p]
                    .texts()
                    .filter(|t| t.y > l.pages[p].text_box.y && t.y < byline.y)
                    .count();
                assert!(above >= 1, "n = {n}: the byline alone on page {}", p + 1);
                // The last paragraph's end is on the byline's page.
                let tail = find(&l, last.split(' ').next_back().unwrap_or(""));
                assert!(tail.iter().any(|(q, _)| *q == p), "n = {n}");
                if p > 0 && find(&l, "Đoạn 0:")[0].0 < p {
                    kept += 1;
                }
            }
        }
        assert!(kept > 0);
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
            // The last paragraph goes with the closing, so that it never starts a page.
            let last_paragraph = page_of(&format!("số {}.", n - 1));
            assert_eq!(last_paragraph, closing_page, "n = {n}");
            if closing_page > 0 {
                moved += 1;
                // It moved because it did not fit, not for nothing.
                let page = &l.pages[closing_page - 1];
                assert!(
                    page.text_box.bottom() - last_baseline(page) < 160.0 + 18.0,
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
}
