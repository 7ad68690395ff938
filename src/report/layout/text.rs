//! What text reaches the page. Cleaning drops control and invisible format characters,
//! folds exotic spaces and line separators, and replaces characters the font lacks by '?'
//! while remembering them, so the PDF never shows an empty glyph box and the user can be
//! told what was replaced. Emitting picks the one character a shared glyph is written as,
//! because a PDF maps each glyph back to a single character for text extraction.

use crate::report::fonts::FontStyle;

use super::Engine;

/// Whether `c` is an invisible format character the page never shows: soft hyphen, bidi
/// controls, zero-width spaces and joiners, variation selectors, tags.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
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
        | '\u{E0000}'..='\u{E007F}')
}

impl Engine<'_> {
    /// Makes `text` printable in `style`: drops control and invisible format characters,
    /// turns tabs and exotic spaces into spaces (and '\n' too unless `keep_newlines`),
    /// and replaces characters the font lacks by '?', remembering them.
    pub(super) fn clean(&mut self, text: &str, style: FontStyle, keep_newlines: bool) -> String {
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
                c if is_invisible(c) => continue,
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
    pub(super) fn emit(&mut self, style: FontStyle, text: &str) -> String {
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
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::{Align, Block, Closing, Document, Signature, Table, TableRow};
    use crate::report::fonts::FontStyle;
    use crate::report::test_support::{SENTENCE, body, cells, column, fonts, lay, words_of};

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
                    subtitle: None,
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
}
