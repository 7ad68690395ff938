//! Vietnamese alphabetical order and accent-forgiving search.
//!
//! Byte order puts "Đông" after "Yên" and "Ánh" after "Bình", which is wrong
//! in every list a Vietnamese reader sees. The Vietnamese alphabet is
//! a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: ă and â are
//! letters of their own after a, đ comes after d, and the tone marks only
//! break ties between words that are otherwise the same, in the order
//! a à ả ã á ạ. [`VietnameseCollator`] gets this from ICU's Vietnamese
//! collation (CLDR data compiled into the program).
//!
//! Searching is the other way round: people often type without accents, so
//! [`matches_search`] ignores accents unless the user typed some.

use std::cmp::Ordering;
use std::fmt;
use std::sync::LazyLock;

use icu_collator::options::CollatorOptions;
use icu_collator::{CollatorBorrowed, CollatorPreferences};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Compares strings in Vietnamese alphabetical order.
///
/// Built on ICU's collator for the locale "vi" with compiled-in data. If ICU
/// cannot be set up (it should not happen with compiled data, but the program
/// must keep working), a simpler built-in Vietnamese ordering is used that
/// agrees with ICU on ordinary names.
///
/// Strings that ICU considers equal (for example the same text in NFC and in
/// NFD) are ordered by their bytes, so [`compare`](Self::compare) returns
/// `Equal` only for identical strings and sorting is deterministic.
pub struct VietnameseCollator {
    icu: Option<CollatorBorrowed<'static>>,
}

impl VietnameseCollator {
    /// Sets up the collator. Cheap enough to call per sort, but
    /// [`compare_vi`] reuses one shared instance.
    pub fn new() -> Self {
        Self { icu: icu_vi() }
    }

    /// Compares `a` and `b` in Vietnamese alphabetical order.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        let order = match &self.icu {
            Some(collator) => collator.compare(a, b),
            None => fallback_compare(a, b),
        };
        order.then_with(|| a.cmp(b))
    }

    /// Whether ICU is in use (`false` means the built-in fallback order).
    pub fn uses_icu(&self) -> bool {
        self.icu.is_some()
    }
}

impl Default for VietnameseCollator {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for VietnameseCollator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VietnameseCollator")
            .field("uses_icu", &self.uses_icu())
            .finish()
    }
}

/// ICU's collator for "vi", or `None` if it cannot be built.
fn icu_vi() -> Option<CollatorBorrowed<'static>> {
    // The locale type lives in icu_locale_core, which this crate does not
    // depend on directly; `from_locale_strict` takes `&Locale`, which lets
    // the compiler infer what "vi" parses into.
    let locale = "vi".parse().ok()?;
    // `Err` only carries preferences with invalid keywords dropped; "vi" has
    // none, and either way the preferences are usable.
    let prefs = CollatorPreferences::from_locale_strict(&locale).unwrap_or_else(|p| p);
    CollatorBorrowed::try_new(prefs, CollatorOptions::default()).ok()
}

static SHARED: LazyLock<VietnameseCollator> = LazyLock::new(VietnameseCollator::new);

/// Compares `a` and `b` in Vietnamese alphabetical order with a shared
/// collator built on first use: `names.sort_by(|a, b| compare_vi(a, b))`.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    SHARED.compare(a, b)
}

/// Rank of a letter (base letter plus its vowel-shaping mark) in the
/// Vietnamese alphabet, with f, j, w, z where the Latin alphabet puts them.
fn letter_rank(base: char, shape: Shape) -> Option<u32> {
    const ALPHABET: [(char, Shape); 33] = [
        ('a', Shape::Plain),
        ('a', Shape::Breve),
        ('a', Shape::Circumflex),
        ('b', Shape::Plain),
        ('c', Shape::Plain),
        ('d', Shape::Plain),
        ('đ', Shape::Plain),
        ('e', Shape::Plain),
        ('e', Shape::Circumflex),
        ('f', Shape::Plain),
        ('g', Shape::Plain),
        ('h', Shape::Plain),
        ('i', Shape::Plain),
        ('j', Shape::Plain),
        ('k', Shape::Plain),
        ('l', Shape::Plain),
        ('m', Shape::Plain),
        ('n', Shape::Plain),
        ('o', Shape::Plain),
        ('o', Shape::Circumflex),
        ('o', Shape::Horn),
        ('p', Shape::Plain),
        ('q', Shape::Plain),
        ('r', Shape::Plain),
        ('s', Shape::Plain),
        ('t', Shape::Plain),
        ('u', Shape::Plain),
        ('u', Shape::Horn),
        ('v', Shape::Plain),
        ('w', Shape::Plain),
        ('x', Shape::Plain),
        ('y', Shape::Plain),
        ('z', Shape::Plain),
    ];
    ALPHABET
        .iter()
        .position(|&(c, s)| c == base && s == shape)
        .and_then(|i| u32::try_from(i).ok())
}

/// The marks that make a different Vietnamese letter (ă, â, ê, ô, ơ, ư).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    Breve,
    Circumflex,
    Horn,
}

/// One letter (or other character) of the fallback sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KeyChar {
    primary: u32,
    /// Tone: 0 none, then huyền, hỏi, ngã, sắc, nặng (1..=5, ICU's "vi"
    /// order); other marks count as 6, several marks combine base 8.
    tone: u32,
    upper: bool,
}

impl KeyChar {
    fn new(c: char) -> Self {
        let lower = c.to_lowercase().next().unwrap_or(c);
        Self {
            primary: u32::from(lower),
            tone: 0,
            upper: lower != c,
        }
    }

    /// Turns the base letter and its vowel mark into an alphabet position.
    /// Spaces and punctuation sort before digits, digits before letters,
    /// other characters after Latin letters by code point.
    fn with_shape(mut self, shape: Shape) -> Self {
        let base = char::from_u32(self.primary).unwrap_or(' ');
        self.primary = match letter_rank(base, shape).or_else(|| letter_rank(base, Shape::Plain)) {
            Some(rank) => 0x1_0000 + rank,
            None if base.is_ascii_digit() => 0x8000 + u32::from(base),
            None if base.is_whitespace() || base.is_ascii_punctuation() => u32::from(base),
            None => 0x2_0000 + u32::from(base),
        };
        self
    }

    fn add_mark(&mut self, mark: u32) {
        self.tone = self.tone.saturating_mul(8).saturating_add(mark);
    }
}

/// Sort key of the fallback order, one entry per base character of the NFD
/// form. Marks that come before any base character are ignored.
fn fallback_key(s: &str) -> Vec<KeyChar> {
    let mut key = Vec::with_capacity(s.len());
    let mut current: Option<(KeyChar, Shape)> = None;
    for c in s.nfd() {
        let tone = match c {
            '\u{0300}' => Some(1),
            '\u{0309}' => Some(2),
            '\u{0303}' => Some(3),
            '\u{0301}' => Some(4),
            '\u{0323}' => Some(5),
            _ => None,
        };
        let shape = match c {
            '\u{0306}' => Some(Shape::Breve),
            '\u{0302}' => Some(Shape::Circumflex),
            '\u{031B}' => Some(Shape::Horn),
            _ => None,
        };
        match (&mut current, tone, shape) {
            (Some((k, _)), Some(t), _) => k.add_mark(t),
            (Some((_, sh)), None, Some(new_shape)) => *sh = new_shape,
            (Some((k, _)), None, None) if is_combining_mark(c) => k.add_mark(6),
            (None, _, _) if is_combining_mark(c) => {}
            _ => {
                if let Some((k, sh)) = current.take() {
                    key.push(k.with_shape(sh));
                }
                current = Some((KeyChar::new(c), Shape::Plain));
            }
        }
    }
    if let Some((k, sh)) = current {
        key.push(k.with_shape(sh));
    }
    key
}

/// The order used when ICU is unavailable: alphabet first, then tones, then
/// case, each over the whole string, as a collator does.
fn fallback_compare(a: &str, b: &str) -> Ordering {
    let (ka, kb) = (fallback_key(a), fallback_key(b));
    let primaries = |k: &[KeyChar]| k.iter().map(|c| c.primary).collect::<Vec<_>>();
    let tones = |k: &[KeyChar]| k.iter().map(|c| c.tone).collect::<Vec<_>>();
    let cases = |k: &[KeyChar]| k.iter().map(|c| c.upper).collect::<Vec<_>>();
    primaries(&ka)
        .cmp(&primaries(&kb))
        .then_with(|| tones(&ka).cmp(&tones(&kb)))
        .then_with(|| cases(&ka).cmp(&cases(&kb)))
}

/// Folds text for accent-insensitive search: lower case, every diacritic
/// removed, đ turned into d ("Đồng Tháp" → "dong thap").
///
/// Runs of whitespace (including no-break spaces) become one space, so a
/// double space in a stored name does not hide it from a search.
pub fn fold_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().flat_map(char::to_lowercase).flat_map(|c| c.nfd()) {
        if is_combining_mark(c) {
            continue;
        }
        out.push(if c == 'đ' { 'd' } else { c });
    }
    collapse_whitespace(&out)
}

/// Lower-cases text and puts it in NFC, keeping its diacritics, for searches
/// where the user typed accents and for matching a name typed elsewhere
/// (another spreadsheet) against ours: case and spacing aside, it must agree.
pub fn fold_case(s: &str) -> String {
    let lower: String = s.nfd().flat_map(char::to_lowercase).nfc().collect();
    collapse_whitespace(&lower)
}

/// Trims and turns every run of whitespace into a single space.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `s` carries any Vietnamese diacritic (tone, vowel mark or đ).
fn has_diacritics(s: &str) -> bool {
    s.nfd()
        .any(|c| is_combining_mark(c) || c == 'đ' || c == 'Đ')
}

/// Whether `needle` occurs in `haystack`, ignoring case, the way a user
/// searching a list expects.
///
/// If the needle has no diacritics, the diacritics of the haystack are
/// ignored too, since people often type without them: "so tt" finds
/// "Sở TT&TT", "rung" finds "Trồng rừng". If the needle has diacritics, the
/// user chose them and they must match: "rừng" does not find "rung". An empty
/// (or all-space) needle matches everything, so an empty search box shows the
/// whole list.
pub fn matches_search(haystack: &str, needle: &str) -> bool {
    if needle.trim().is_empty() {
        return true;
    }
    if has_diacritics(needle) {
        fold_case(haystack).contains(&fold_case(needle))
    } else {
        fold_for_search(haystack).contains(&fold_for_search(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted(words: &[&str], cmp: impl Fn(&str, &str) -> Ordering) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        v.sort_by(|a, b| cmp(a, b));
        v
    }

    fn icu_sorted(words: &[&str]) -> Vec<String> {
        let c = VietnameseCollator::new();
        sorted(words, |a, b| c.compare(a, b))
    }

    fn fallback_sorted(words: &[&str]) -> Vec<String> {
        sorted(words, |a, b| fallback_compare(a, b).then_with(|| a.cmp(b)))
    }

    const REQUIRED: [&str; 8] = ["Đông", "Dung", "Anh", "Ân", "Ăn", "Bình", "Ánh", "an"];
    const REQUIRED_ORDER: [&str; 8] = ["an", "Anh", "Ánh", "Ăn", "Ân", "Bình", "Dung", "Đông"];

    /// Names of the kind the secretariat sorts, in Vietnamese order.
    const NAMES_IN_ORDER: [&str; 22] = [
        "An Giang",
        "Bà Rịa – Vũng Tàu",
        "Bạc Liêu",
        "Bắc Giang",
        "Bắc Kạn",
        "Bến Tre",
        "Cà Mau",
        "Cần Thơ",
        "Dương Minh Châu",
        "Đà Nẵng",
        "Đắk Lắk",
        "Đồng Tháp",
        "Hà Giang",
        "Hà Nội",
        "Hải Dương",
        "Hậu Giang",
        "Ơn",
        "Sở Tài chính",
        "Sở TT&TT",
        "Tây Ninh",
        "Ủy ban",
        "Ư",
    ];

    #[test]
    fn uses_icu_vietnamese_tailoring() {
        let c = VietnameseCollator::new();
        assert!(c.uses_icu());
        // Root (untailored) collation treats ă as a with a secondary mark,
        // so it would sort "Ăn" before "Anh"; Vietnamese makes ă a letter.
        let root = "und"
            .parse()
            .ok()
            .map(|l| CollatorPreferences::from_locale_strict(&l).unwrap_or_else(|p| p))
            .and_then(|p| CollatorBorrowed::try_new(p, CollatorOptions::default()).ok());
        assert!(root.is_some_and(|r| r.compare("Ăn", "Anh") == Ordering::Less));
        assert_eq!(c.compare("Ăn", "Anh"), Ordering::Greater);
    }

    #[test]
    fn required_vietnamese_order() {
        assert_eq!(icu_sorted(&REQUIRED), REQUIRED_ORDER);
        assert_eq!(fallback_sorted(&REQUIRED), REQUIRED_ORDER);
        let mut by_bytes = REQUIRED;
        by_bytes.sort_unstable();
        assert_ne!(by_bytes, REQUIRED_ORDER);
    }

    #[test]
    fn d_stroke_after_d_and_letters_after_base() {
        let c = VietnameseCollator::new();
        assert_eq!(c.compare("Dương", "Đà"), Ordering::Less);
        assert_eq!(c.compare("Đà", "Em"), Ordering::Less);
        assert_eq!(c.compare("Dz", "Đa"), Ordering::Less);
        assert_eq!(
            icu_sorted(&["â", "ă", "a"]),
            ["a", "ă", "â"],
            "a < ă < â as base letters"
        );
        assert_eq!(
            icu_sorted(&["o", "ơ", "ô"]),
            ["o", "ô", "ơ"],
            "o < ô < ơ as base letters"
        );
        assert_eq!(icu_sorted(&["ê", "e", "f"]), ["e", "ê", "f"]);
        assert_eq!(icu_sorted(&["ư", "v", "u"]), ["u", "ư", "v"]);
    }

    #[test]
    fn tones_sort_after_the_bare_letter_in_icu_order() {
        // What ICU's "vi" data gives: no tone, huyền, hỏi, ngã, sắc, nặng.
        let tones = ["a", "à", "ả", "ã", "á", "ạ"];
        let mut shuffled = tones;
        shuffled.reverse();
        assert_eq!(icu_sorted(&shuffled), tones);
        assert_eq!(fallback_sorted(&shuffled), tones);
        // Tones only break ties: "ạ" still sorts before "an".
        assert_eq!(icu_sorted(&["an", "ạ"]), ["ạ", "an"]);
    }

    #[test]
    fn lower_case_first_then_bytes() {
        assert_eq!(icu_sorted(&["A", "a"]), ["a", "A"]);
        let c = VietnameseCollator::new();
        let nfc = "Việt";
        let nfd = "Vie\u{0323}\u{0302}t";
        assert_eq!(c.compare(nfc, nfc), Ordering::Equal);
        // Canonically equivalent but different strings: ordered, not equal.
        assert_ne!(c.compare(nfc, nfd), Ordering::Equal);
        assert_eq!(c.compare(nfc, nfd), c.compare(nfd, nfc).reverse());
    }

    #[test]
    fn realistic_names() {
        let mut reversed = NAMES_IN_ORDER;
        reversed.reverse();
        assert_eq!(icu_sorted(&reversed), NAMES_IN_ORDER);
        assert_eq!(fallback_sorted(&reversed), NAMES_IN_ORDER);
        let mut v = reversed.to_vec();
        v.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(v, NAMES_IN_ORDER);
    }

    #[test]
    fn fallback_handles_odd_input() {
        assert_eq!(fallback_compare("", ""), Ordering::Equal);
        assert_eq!(fallback_compare("", "a"), Ordering::Less);
        assert_eq!(fallback_compare("\u{0301}", ""), Ordering::Equal);
        let zalgo = format!("a{}", "\u{0301}".repeat(50));
        assert_eq!(fallback_compare(&zalgo, "b"), Ordering::Less);
        assert_eq!(fallback_compare("1", "a"), Ordering::Less);
        assert_eq!(fallback_compare(" ", "1"), Ordering::Less);
        assert_eq!(fallback_compare("z", "Ω"), Ordering::Less);
    }

    #[test]
    fn folds_for_search() {
        assert_eq!(fold_for_search("Đồng Tháp"), "dong thap");
        assert_eq!(fold_for_search("Sở TT&TT"), "so tt&tt");
        assert_eq!(fold_for_search("TRỒNG  RỪNG\u{a0}"), "trong rung");
        assert_eq!(fold_for_search("Vie\u{0323}\u{0302}t"), "viet");
        assert_eq!(fold_for_search("ĂÂÊÔƠƯăâêôơư"), "aaeoouaaeoou");
        assert_eq!(fold_for_search(""), "");
    }

    #[test]
    fn searches() {
        assert!(matches_search("Sở TT&TT", "so tt"));
        assert!(matches_search("Trồng rừng", "rung"));
        assert!(!matches_search("rung", "rừng"));
        assert!(matches_search("Trồng rừng", "rừng"));
        assert!(matches_search("TRỒNG RỪNG", "rừng"));
        assert!(matches_search("Trồng rừng", "RỪNG"));
        assert!(!matches_search("Trồng rừng", "rưng"));
        assert!(matches_search("Đồng Tháp", "dong"));
        assert!(matches_search("Đồng Tháp", "Đồng"));
        assert!(!matches_search("Dong", "Đồng"));
        assert!(!matches_search("Dông", "đông"));
        assert!(matches_search("Ủy ban  nhân dân", "uy ban nhan"));
        assert!(matches_search("Trồng rừng", "Rừng"));
        // Decomposed input on either side.
        assert!(matches_search("Trồng rừng", "ru\u{031B}\u{0300}ng"));
        assert!(matches_search(
            "Tro\u{0302}\u{0300}ng ru\u{031B}\u{0300}ng",
            "rừng"
        ));
        assert!(!matches_search("Sở Tài chính", "nong"));
    }

    #[test]
    fn empty_needle_matches_everything() {
        assert!(matches_search("Sở TT&TT", ""));
        assert!(matches_search("", ""));
        assert!(matches_search("abc", "  "));
        assert!(!matches_search("", "a"));
    }

    const VIETNAMESE: &str = "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐÂĂÊÔƠƯÁÀỆ ]{0,10}";

    proptest! {
        #[test]
        fn fallback_agrees_with_icu(a in VIETNAMESE, b in VIETNAMESE) {
            let c = VietnameseCollator::new();
            let icu = c.compare(&a, &b);
            let fallback = fallback_compare(&a, &b).then_with(|| a.cmp(&b));
            prop_assert_eq!(icu, fallback, "{:?} vs {:?}", a, b);
        }

        #[test]
        fn compare_is_a_total_order(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            let c = VietnameseCollator::new();
            prop_assert_eq!(c.compare(&a, &b), c.compare(&b, &a).reverse());
            prop_assert_eq!(c.compare(&a, &b) == Ordering::Equal, a == b);
            prop_assert_eq!(
                fallback_compare(&a, &b),
                fallback_compare(&b, &a).reverse()
            );
        }

        #[test]
        fn text_finds_itself(h in "\\PC{0,20}") {
            prop_assert!(matches_search(&h, &h));
            prop_assert!(matches_search(&h, ""));
        }

        #[test]
        fn text_without_accents_finds_accented_text(h in VIETNAMESE) {
            prop_assert!(matches_search(&h, &fold_for_search(&h)));
            prop_assert!(!has_diacritics(&fold_for_search(&h)));
        }

        #[test]
        fn search_never_panics(h in "\\PC{0,20}", n in "\\PC{0,6}") {
            let _ = matches_search(&h, &n);
            let _ = fold_for_search(&h);
        }
    }
}
