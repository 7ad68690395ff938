//! The fonts of the printed documents: the four faces of one serif family (the embedded
//! Liberation Serif, metric-compatible with Times New Roman, or the real Times New Roman
//! from the Windows fonts folder), parsed once and shared by the layout (to measure) and
//! the PDF writer (to embed). Measuring and writing use the very same parsed faces and
//! the same width rounding as the widths written into the PDF, so a justified line ends
//! exactly at the right margin in every viewer.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// The four faces of a family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontStyle {
    /// Upright, normal weight: body text.
    Regular,
    /// Upright bold: headings, agency names, signatures.
    Bold,
    /// Italic: the place and date line.
    Italic,
    /// Bold italic: "Nơi nhận:".
    BoldItalic,
}

impl FontStyle {
    /// All styles, in the order used to index per-style tables.
    pub const ALL: [FontStyle; 4] = [
        FontStyle::Regular,
        FontStyle::Bold,
        FontStyle::Italic,
        FontStyle::BoldItalic,
    ];

    /// Position of the style in [`FontStyle::ALL`].
    pub fn index(self) -> usize {
        match self {
            FontStyle::Regular => 0,
            FontStyle::Bold => 1,
            FontStyle::Italic => 2,
            FontStyle::BoldItalic => 3,
        }
    }

    /// The Vietnamese name of the style, for messages shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            FontStyle::Regular => "thường",
            FontStyle::Bold => "đậm",
            FontStyle::Italic => "nghiêng",
            FontStyle::BoldItalic => "đậm nghiêng",
        }
    }
}

/// A font file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    /// The bytes are not a TrueType/OpenType font that can be measured and embedded.
    #[error("Phông chữ {name} (kiểu {style}) không đọc được.")]
    Unreadable {
        /// Family name, e.g. "Liberation Serif".
        name: String,
        /// Vietnamese style label, e.g. "đậm".
        style: &'static str,
    },
}

/// One glyph as the layout needs it: its id in the font and its advance width in
/// thousandths of an em, rounded exactly as the PDF `/W` array will be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// Glyph id in the original (not subset) font.
    pub gid: u16,
    /// Advance width in 1/1000 em.
    pub width: u16,
}

/// Code points below this are looked up once at parse time and kept in a flat table:
/// it covers Latin, Vietnamese (U+1EA0..U+1EF9), general punctuation and currency signs,
/// which is everything an administrative document normally contains.
const DENSE_LIMIT: u32 = 0x2200;

/// One parsed face with its measuring tables.
#[derive(Clone)]
pub struct Face {
    font: ParsedFont,
    /// `dense[cp]` for cp < [`DENSE_LIMIT`]; `gid == 0` means "not in the font".
    dense: Vec<Glyph>,
    units_per_em: u16,
    ascent: f32,
    descent: f32,
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face")
            .field("glyphs", &self.font.num_glyphs)
            .field("units_per_em", &self.units_per_em)
            .finish_non_exhaustive()
    }
}

impl Face {
    fn parse(bytes: &[u8]) -> Option<Face> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings)?;
        let units_per_em = font.pdf_font_metrics.units_per_em;
        if units_per_em == 0 || !font.has_source_bytes() {
            return None;
        }
        let mut face = Face {
            ascent: f32::from(font.pdf_font_metrics.ascender) / f32::from(units_per_em),
            descent: -f32::from(font.pdf_font_metrics.descender) / f32::from(units_per_em),
            font,
            dense: Vec::new(),
            units_per_em,
        };
        let dense: Vec<Glyph> = (0..DENSE_LIMIT)
            .map(|cp| face.lookup(cp).unwrap_or(Glyph { gid: 0, width: 0 }))
            .collect();
        face.dense = dense;
        // A face without the basic Latin letters cannot print a Vietnamese document.
        if !"Aa0 ?".chars().all(|c| face.has(c)) {
            return None;
        }
        Some(face)
    }

    /// Direct cmap + hmtx lookup, used to fill the dense table and for rare characters.
    fn lookup(&self, cp: u32) -> Option<Glyph> {
        let gid = self.font.lookup_glyph_index(cp)?;
        if gid == 0 || gid >= self.font.num_glyphs {
            return None;
        }
        let advance = self.font.get_horizontal_advance(gid);
        // Same arithmetic as printpdf's `/W` array (f32 scale, truncation), so the
        // measured line is exactly the drawn line.
        let width = (f32::from(advance) * (1000.0 / f32::from(self.units_per_em))) as i64;
        Some(Glyph {
            gid,
            width: width.clamp(0, i64::from(u16::MAX)) as u16,
        })
    }

    /// The glyph for `c`, or `None` when the font has no glyph for it (it would print
    /// as the empty ".notdef" box).
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        let cp = u32::from(c);
        let found = match self.dense.get(cp as usize) {
            Some(g) => (g.gid != 0).then_some(*g),
            None => self.lookup(cp),
        };
        match (found, c) {
            // A no-break space is printed as a space anyway.
            (None, '\u{00A0}') => self.glyph(' '),
            _ => found,
        }
    }

    /// Whether the font can print `c`.
    pub fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance width of `c` in 1/1000 em (0 for characters the font lacks).
    pub fn width(&self, c: char) -> u32 {
        self.glyph(c).map_or(0, |g| u32::from(g.width))
    }

    /// Advance width of `text` in 1/1000 em, without kerning (the PDF is written
    /// without kerning too).
    pub fn text_width(&self, text: &str) -> u32 {
        text.chars()
            .fold(0u32, |acc, c| acc.saturating_add(self.width(c)))
    }

    /// Width of `text` in points at `size` points.
    pub fn text_width_pt(&self, text: &str, size: f32) -> f32 {
        self.text_width(text) as f32 * size / 1000.0
    }

    /// Ascender height as a fraction of the em (about 0.89 for Times).
    pub fn ascent(&self) -> f32 {
        self.ascent
    }

    /// Descender depth as a positive fraction of the em (about 0.22 for Times).
    pub fn descent(&self) -> f32 {
        self.descent
    }

    /// Number of glyphs in the font (glyph ids are below this).
    pub fn num_glyphs(&self) -> u16 {
        self.font.num_glyphs
    }

    /// The parsed font, for embedding into the PDF.
    pub fn parsed(&self) -> &ParsedFont {
        &self.font
    }
}

/// The four parsed faces of a [`FontSet`].
#[derive(Debug, Clone)]
pub struct Faces {
    faces: [Face; 4],
}

impl Faces {
    /// The face of `style`.
    pub fn get(&self, style: FontStyle) -> &Face {
        &self.faces[style.index()]
    }
}

/// The font family a document is printed with: the raw font files (embedded into the
/// PDF) and, parsed on first use and then kept, their metrics.
#[derive(Clone)]
pub struct FontSet {
    /// Family name shown to the user, e.g. "Times New Roman".
    pub name: String,
    regular: Cow<'static, [u8]>,
    bold: Cow<'static, [u8]>,
    italic: Cow<'static, [u8]>,
    bold_italic: Cow<'static, [u8]>,
    parsed: OnceLock<Result<Faces, FontError>>,
}

impl fmt::Debug for FontSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FontSet")
            .field("name", &self.name)
            .field("regular_bytes", &self.regular.len())
            .field("bold_bytes", &self.bold.len())
            .field("italic_bytes", &self.italic.len())
            .field("bold_italic_bytes", &self.bold_italic.len())
            .finish_non_exhaustive()
    }
}

/// The embedded Liberation Serif files, in [`FontStyle::ALL`] order: printed by default, and
/// drawn by the window's print preview.
pub const LIBERATION_SERIF: [&[u8]; 4] = [
    include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The Times New Roman files in a Windows fonts folder, in [`FontStyle::ALL`] order.
const TIMES_FILES: [&str; 4] = ["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"];

impl FontSet {
    /// Liberation Serif, compiled into the program: always available, metric-compatible
    /// with Times New Roman (so page breaks match a Word document set in Times), and
    /// covering every Vietnamese letter.
    pub fn liberation_serif() -> FontSet {
        FontSet::unparsed("Liberation Serif", LIBERATION_SERIF.map(Cow::Borrowed))
    }

    /// Times New Roman from the Windows fonts folder (`%WINDIR%\Fonts`, or
    /// `C:\Windows\Fonts`), when its four files exist and parse. Decree 30 asks for a
    /// Times-like Unicode font; offices expect the real one when it is installed.
    pub fn system_times_new_roman() -> Option<FontSet> {
        let windir = std::env::var_os("WINDIR")
            .filter(|v| !v.is_empty())
            .map_or_else(|| PathBuf::from("C:\\Windows"), PathBuf::from);
        FontSet::times_new_roman_in(&windir.join("Fonts"))
    }

    /// Times New Roman from the given folder, matching the Windows file names
    /// (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf) case-insensitively.
    pub fn times_new_roman_in(dir: &Path) -> Option<FontSet> {
        let mut found: [Option<PathBuf>; 4] = Default::default();
        for entry in std::fs::read_dir(dir).ok()?.flatten() {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            if let Some(i) = TIMES_FILES.iter().position(|f| *f == name) {
                found[i] = Some(entry.path());
            }
        }
        let mut bytes: [Cow<'static, [u8]>; 4] = Default::default();
        for (slot, path) in bytes.iter_mut().zip(found) {
            *slot = Cow::Owned(std::fs::read(path?).ok()?);
        }
        let set = FontSet::unparsed("Times New Roman", bytes);
        set.faces().ok()?;
        Some(set)
    }

    /// A family from four font files (regular, bold, italic, bold italic), checked now.
    pub fn from_bytes(
        name: &str,
        regular: Vec<u8>,
        bold: Vec<u8>,
        italic: Vec<u8>,
        bold_italic: Vec<u8>,
    ) -> Result<FontSet, FontError> {
        let set = FontSet::unparsed(
            name,
            [
                Cow::Owned(regular),
                Cow::Owned(bold),
                Cow::Owned(italic),
                Cow::Owned(bold_italic),
            ],
        );
        set.faces()?;
        Ok(set)
    }

    fn unparsed(name: &str, bytes: [Cow<'static, [u8]>; 4]) -> FontSet {
        let [regular, bold, italic, bold_italic] = bytes;
        FontSet {
            name: name.to_owned(),
            regular,
            bold,
            italic,
            bold_italic,
            parsed: OnceLock::new(),
        }
    }

    /// The raw font file of `style`.
    pub fn bytes(&self, style: FontStyle) -> &[u8] {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
            FontStyle::BoldItalic => &self.bold_italic,
        }
    }

    /// The parsed faces, parsed on the first call and shared afterwards (parsing costs
    /// a few milliseconds; a document is laid out and written many times).
    pub fn faces(&self) -> Result<&Faces, FontError> {
        self.parsed
            .get_or_init(|| {
                let parse = |style: FontStyle| {
                    Face::parse(self.bytes(style)).ok_or_else(|| FontError::Unreadable {
                        name: self.name.clone(),
                        style: style.label(),
                    })
                };
                Ok(Faces {
                    faces: [
                        parse(FontStyle::Regular)?,
                        parse(FontStyle::Bold)?,
                        parse(FontStyle::Italic)?,
                        parse(FontStyle::BoldItalic)?,
                    ],
                })
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn font_set_can_be_shared_with_a_worker_thread() {
        assert_send_sync::<FontSet>();
    }

    #[test]
    fn liberation_serif_covers_vietnamese() {
        let set = FontSet::liberation_serif();
        let faces = set.faces().unwrap();
        let sample = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ\
                      àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ…–“”";
        for style in FontStyle::ALL {
            let face = faces.get(style);
            for c in sample.chars() {
                assert!(face.has(c), "{c} missing in {style:?}");
                assert!(face.width(c) > 0, "{c} has no width in {style:?}");
            }
            assert!(!face.has('😀'));
            assert!(!face.has('漢'));
            assert!(face.ascent() > 0.8 && face.ascent() < 1.0);
            assert!(face.descent() > 0.1 && face.descent() < 0.3);
        }
    }

    #[test]
    fn widths_are_those_of_times() {
        let set = FontSet::liberation_serif();
        let face = set.faces().unwrap().get(FontStyle::Regular);
        // Times New Roman: space 250, 'a' 443/444, 'M' 889 thousandths of an em.
        assert_eq!(face.width(' '), 250);
        assert!((443..=444).contains(&face.width('a')));
        assert_eq!(face.width('M'), 889);
    }

    #[test]
    fn garbage_is_reported_in_vietnamese() {
        let err = FontSet::from_bytes("Hỏng", vec![1, 2, 3], vec![], vec![], vec![]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Phông chữ Hỏng (kiểu thường) không đọc được."
        );
    }

    #[test]
    fn times_new_roman_is_found_whatever_the_case_of_the_file_names() {
        let dir = std::env::temp_dir().join(format!("report-fonts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let lib = FontSet::liberation_serif();
        for (name, style) in ["TIMES.TTF", "TimesBd.ttf", "timesi.ttf", "timesbi.TTF"]
            .iter()
            .zip(FontStyle::ALL)
        {
            std::fs::write(dir.join(name), lib.bytes(style)).unwrap();
        }
        let found = FontSet::times_new_roman_in(&dir);
        std::fs::remove_file(dir.join("timesbi.TTF")).unwrap();
        let incomplete = FontSet::times_new_roman_in(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        let found = found.expect("all four files are there");
        assert_eq!(found.name, "Times New Roman");
        assert!(found.faces().is_ok());
        assert!(incomplete.is_none());
        assert!(FontSet::times_new_roman_in(Path::new("/no/such/folder")).is_none());
    }
}
