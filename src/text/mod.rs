//! Vietnamese text conventions.
//!
//! This module owns every rule about how the program reads and writes text
//! for a Vietnamese secretariat, so that the rest of the program never has to
//! guess:
//!
//! - [`number`]: numbers as Vietnamese documents write them ("3.611,73":
//!   "." groups thousands, "," is the decimal mark) and percentages of plan;
//! - [`date`]: dates typed as ngày/tháng/năm and written in documents as
//!   "ngày 05 tháng 01 năm 2021";
//! - [`collate`]: Vietnamese alphabetical order (Đ after D, ă and â after a)
//!   and searching that forgives missing accents.
//!
//! Text is stored in Unicode NFC: keyboards and pasted documents may produce
//! either precomposed letters ("ệ") or base letters followed by combining
//! marks, and the two must compare, search and save the same way.

pub mod collate;
pub mod date;
pub mod number;

use unicode_normalization::UnicodeNormalization;

/// Returns `s` in Unicode Normalization Form C (precomposed letters).
///
/// Call it on every piece of text that comes from the user, the clipboard or
/// a file before storing it, so that "Việt" typed with a combining-mark
/// keyboard layout and "Việt" pasted from Word are the same string.
pub fn nfc(s: &str) -> String {
    // Almost all text is already NFC (precomposed Vietnamese, ASCII): the quick check settles
    // it without decomposing and recomposing every character, which made a 240.000-indicator
    // import spend a fifth of its time here.
    match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// Whether `s` is already in NFC, so callers can skip an allocation.
pub fn is_nfc(s: &str) -> bool {
    unicode_normalization::is_nfc(s)
}

/// Longest piece of typed text quoted back in an error message.
const QUOTE_LIMIT: usize = 40;

/// The typed text as error messages quote it: trimmed, and cut short with
/// "…" when it is long, so a stray paste of a whole paragraph does not turn
/// an error message into a wall of text.
fn quoted_input(s: &str) -> String {
    let t = s.trim();
    if t.chars().count() <= QUOTE_LIMIT {
        t.to_owned()
    } else {
        let mut out: String = t.chars().take(QUOTE_LIMIT).collect();
        out.push('…');
        out
    }
}

/// Joins names the Vietnamese way: "A", "A và B", "A, B và C".
pub fn join_with_and<S: AsRef<str>>(names: &[S]) -> String {
    join_with(names, "và")
}

/// Joins choices the Vietnamese way: "A", "A hoặc B", "A, B hoặc C".
pub fn join_with_or<S: AsRef<str>>(names: &[S]) -> String {
    join_with(names, "hoặc")
}

fn join_with<S: AsRef<str>>(names: &[S], conjunction: &str) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_owned(),
        Some((last, rest)) => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", rest.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_composes_combining_marks() {
        let decomposed = "Vie\u{0323}\u{0302}t";
        assert!(!is_nfc(decomposed));
        let composed = nfc(decomposed);
        assert_eq!(composed, "Việt");
        assert!(is_nfc(&composed));
        assert_eq!(nfc("Đà Nẵng"), "Đà Nẵng");
        assert_eq!(nfc(""), "");
    }

    #[test]
    fn quoted_input_is_trimmed_and_shortened() {
        assert_eq!(quoted_input("  abc "), "abc");
        let long = "ư".repeat(100);
        let q = quoted_input(&long);
        assert_eq!(q.chars().count(), QUOTE_LIMIT + 1);
        assert!(q.ends_with('…'));
    }

    #[test]
    fn names_are_joined_with_va() {
        assert_eq!(join_with_and::<&str>(&[]), "");
        assert_eq!(join_with_and(&["A"]), "A");
        assert_eq!(join_with_and(&["A", "B"]), "A và B");
        assert_eq!(join_with_and(&["A", "B", "C"]), "A, B và C");
    }
}
