//! Numbers as Vietnamese documents write them.
//!
//! "." groups thousands and "," is the decimal mark: "1.128" is one thousand
//! one hundred twenty-eight, "3.611,73" is three thousand six hundred eleven
//! and 73 hundredths. This is the opposite of the English convention, and a
//! number pasted from an English spreadsheet ("3611.73") would silently become
//! a different value if read leniently, so [`parse_number`] refuses every dot
//! that is not followed by whole groups of three digits and explains why.
//!
//! [`format_number`] writes the shortest decimal that reads back as the same
//! `f64`, so every value read from text is written back as the same text and a
//! value survives any number of save/edit cycles unchanged.

use thiserror::Error;

use super::quoted_input;

/// Why a typed number was refused.
///
/// The `Display` text is a complete Vietnamese sentence meant to be shown to
/// the user as is: it quotes what was typed and says what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    /// Nothing but spaces was typed.
    #[error("Chưa nhập số.")]
    Empty,
    /// Letters, spaces inside the number or other characters that have no
    /// place in a number.
    #[error("“{text}” không phải là số. Hãy gõ số như 1.128 hoặc 3.611,73.")]
    NotANumber {
        /// What was typed (trimmed, shortened if very long).
        text: String,
    },
    /// A dot used as a decimal point, English style ("3611.73", "1,500.25").
    #[error(
        "Không hiểu số “{text}”: dấu chấm chỉ dùng để tách hàng nghìn (3.611), \
         phần thập phân viết sau dấu phẩy. Hãy gõ ví dụ {suggestion}."
    )]
    DotAsDecimalMark {
        /// What was typed.
        text: String,
        /// The same number written the Vietnamese way.
        suggestion: String,
    },
    /// Commas used to group thousands, English style ("1,234,567").
    #[error(
        "Không hiểu số “{text}”: dấu phẩy chỉ dùng để ghi phần thập phân, \
         hàng nghìn tách bằng dấu chấm. Hãy gõ ví dụ {suggestion}."
    )]
    CommaAsGrouping {
        /// What was typed.
        text: String,
        /// The same number written the Vietnamese way.
        suggestion: String,
    },
    /// A dot that is not followed by exactly three digits ("1..128", "1.1.1").
    #[error(
        "Không hiểu số “{text}”: dấu chấm chỉ dùng để tách hàng nghìn, sau mỗi dấu chấm \
         phải có đúng ba chữ số. Hãy gõ ví dụ 1.128 hoặc 3.611,73."
    )]
    BadGrouping {
        /// What was typed.
        text: String,
    },
    /// More than one comma ("1,2,3").
    #[error(
        "Không hiểu số “{text}”: chỉ được có một dấu phẩy, đặt trước phần thập phân. \
         Hãy gõ ví dụ 3.611,73."
    )]
    TooManyCommas {
        /// What was typed.
        text: String,
    },
    /// A comma with no digits after it ("5,").
    #[error(
        "Không hiểu số “{text}”: sau dấu phẩy phải có chữ số thập phân. \
         Hãy gõ ví dụ 5.711,7 hoặc bỏ dấu phẩy."
    )]
    MissingDecimals {
        /// What was typed.
        text: String,
    },
    /// More than `f64` can hold.
    #[error("Số “{text}” quá lớn.")]
    TooLarge {
        /// What was typed.
        text: String,
    },
    /// A negative value where only zero or more makes sense.
    #[error("Giá trị này không được âm: “{text}”.")]
    Negative {
        /// What was typed.
        text: String,
    },
}

/// Writes `v` the Vietnamese way: "1.128", "3.611,73", "0,5", "-1.234,5".
///
/// The digits are those of the shortest decimal that reads back as exactly
/// `v` (Rust's `Display` for `f64`), so `parse_number(&format_number(v))`
/// gives `v` back and text typed by the user and read with [`parse_number`]
/// is written back unchanged. `Display` never uses scientific notation, so
/// 1e20 is written out in full, as a document would. Negative zero is written
/// "0". Infinity and NaN have no place in a document and give "" (they should
/// not occur: [`parse_number`] never produces them).
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    // `-0.0 == 0.0`, so this also drops the sign of negative zero.
    let v = if v == 0.0 { 0.0 } else { v };
    let plain = format!("{v}");
    let (negative, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    let (int_digits, frac_digits) = match unsigned.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    push_grouped(&mut out, int_digits);
    if let Some(frac) = frac_digits {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Appends ASCII `digits` to `out` with a "." before every group of three
/// counted from the right.
fn push_grouped(out: &mut String, digits: &str) {
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
}

fn all_ascii_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `groups` (the pieces of an integer part split at its grouping
/// separator) are properly grouped: the first has one to three digits and
/// does not start with 0, every other has exactly three.
///
/// A leading 0 is refused because "0.128" is far more likely to be an English
/// 0.128 than a Vietnamese 128 (and [`format_number`] never writes it).
fn well_grouped<'a>(mut groups: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = groups.next() else {
        return false;
    };
    (1..=3).contains(&first.len())
        && all_ascii_digits(first)
        && !first.starts_with('0')
        && groups.all(|g| g.len() == 3 && all_ascii_digits(g))
}

/// Reads `body` (ASCII digits, dots and commas, no sign) the Vietnamese way
/// and returns it in the form `str::parse::<f64>` reads ("3611.73").
fn vietnamese_reading(body: &str) -> Option<String> {
    let (int_part, frac_part) = match body.split_once(',') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    let mut plain = String::with_capacity(body.len() + 1);
    if int_part.is_empty() {
        // ",5" can only mean 0,5: accept it rather than make the user retype.
        frac_part?;
        plain.push('0');
    } else if int_part.contains('.') {
        if !well_grouped(int_part.split('.')) {
            return None;
        }
        plain.extend(int_part.chars().filter(|&c| c != '.'));
    } else if all_ascii_digits(int_part) {
        plain.push_str(int_part);
    } else {
        return None;
    }
    if let Some(frac) = frac_part {
        // Also refuses a second comma or a dot after the comma.
        if !all_ascii_digits(frac) {
            return None;
        }
        plain.push('.');
        plain.push_str(frac);
    }
    Some(plain)
}

/// Reads `body` the English way ("1,234.5": "," groups thousands, "." is the
/// decimal point) and, if that works, returns the same number written the
/// Vietnamese way, so an error message can show what to type instead.
///
/// Works on the digits, not on an `f64`, so the suggestion keeps every digit
/// that was typed.
fn english_reading_as_vietnamese(body: &str) -> Option<String> {
    let (int_part, frac_part) = match body.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (body, None),
    };
    if let Some(frac) = frac_part
        && !all_ascii_digits(frac)
    {
        return None;
    }
    let int_digits: String = if int_part.is_empty() {
        frac_part?;
        "0".to_owned()
    } else if int_part.contains(',') {
        if !well_grouped(int_part.split(',')) {
            return None;
        }
        int_part.chars().filter(|&c| c != ',').collect()
    } else if all_ascii_digits(int_part) {
        let trimmed = int_part.trim_start_matches('0');
        if trimmed.is_empty() { "0" } else { trimmed }.to_owned()
    } else {
        return None;
    };
    let mut out = String::with_capacity(body.len() + body.len() / 3 + 1);
    push_grouped(&mut out, &int_digits);
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    Some(out)
}

/// Reads a number typed the Vietnamese way.
///
/// Accepts "1.128", "3.611,73", "5711,7", "1128", "0,5", "-12", "12.000"
/// (twelve thousand). Spaces (including no-break spaces) around the number
/// are ignored; a leading "-" (or the typographic minus "−") or "+" is
/// allowed. ",5" is accepted as 0,5 because it cannot mean anything else.
///
/// Refused, each with its own message ([`NumberError`]): empty text; a dot
/// that is not followed by exactly three digits and then another dot, the
/// comma or the end ("3611.73", "1.12", "1.1234", "1..128", ".5"), or that
/// follows a leading 0 ("0.128"); more than one comma; a comma with nothing
/// after it; any other character, including spaces inside the number ("1 2")
/// and exponents ("1e5"); numbers too large for `f64`.
///
/// Being strict is deliberate: "3611.73" read leniently would either become
/// 361.173 or 3611,73 depending on a guess, and a wrong figure in a
/// provincial emulation report is worse than a request to retype it.
///
/// Negative zero is returned as `0.0`.
pub fn parse_number(s: &str) -> Result<f64, NumberError> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let text = || quoted_input(trimmed);

    let (sign, body) = match trimmed.chars().next() {
        Some(c @ ('-' | '−' | '+')) => (c, &trimmed[c.len_utf8()..]),
        _ => ('+', trimmed),
    };
    let only_number_chars = body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if !only_number_chars || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber { text: text() });
    }

    let Some(plain) = vietnamese_reading(body) else {
        return Err(explain_refusal(body, sign, text()));
    };
    let magnitude: f64 = plain
        .parse()
        .map_err(|_| NumberError::NotANumber { text: text() })?;
    if !magnitude.is_finite() {
        return Err(NumberError::TooLarge { text: text() });
    }
    if magnitude == 0.0 {
        Ok(0.0)
    } else if sign == '+' {
        Ok(magnitude)
    } else {
        Ok(-magnitude)
    }
}

/// Picks the most helpful error for a `body` that [`vietnamese_reading`]
/// refused.
fn explain_refusal(body: &str, sign: char, text: String) -> NumberError {
    if let Some(vi) = english_reading_as_vietnamese(body) {
        let suggestion = if sign == '+' { vi } else { format!("-{vi}") };
        return if body.contains('.') {
            NumberError::DotAsDecimalMark { text, suggestion }
        } else {
            NumberError::CommaAsGrouping { text, suggestion }
        };
    }
    if body.matches(',').count() > 1 {
        NumberError::TooManyCommas { text }
    } else if body.ends_with(',') {
        NumberError::MissingDecimals { text }
    } else {
        // Every other refusal comes from a misplaced dot.
        NumberError::BadGrouping { text }
    }
}

/// Like [`parse_number`], but also refuses negative values, for quantities
/// that cannot be below zero (plans, results, counts, money received).
pub fn parse_non_negative(s: &str) -> Result<f64, NumberError> {
    let v = parse_number(s)?;
    if v < 0.0 {
        return Err(NumberError::Negative {
            text: quoted_input(s),
        });
    }
    Ok(v)
}

/// The result as a percentage of the plan (100.0 means the plan was met).
///
/// `None` when there is no meaningful percentage: the plan is 0 or not
/// finite, the result is not finite, or the quotient overflows.
pub fn percent_of_plan(result: f64, plan: f64) -> Option<f64> {
    if plan == 0.0 || !plan.is_finite() || !result.is_finite() {
        return None;
    }
    let p = result / plan * 100.0;
    p.is_finite().then_some(p)
}

/// Writes a percentage as Vietnamese reports show it: "98%", "1.250%".
///
/// Normally the value is rounded half away from zero to a whole percent
/// (1463 of a plan of 1498,3 is 97,64…% and shows "98%"). Two exceptions keep
/// the rounded figure from saying something false:
///
/// - a positive value below 100 that would round to 100 shows one decimal,
///   truncated rather than rounded ("99,7%", and 99,96 shows "99,9%"), so a
///   plan that was not met never reads "100%" — in an emulation report
///   "đạt 100% kế hoạch" is a claim that decides rankings;
/// - a non-zero value that would round to 0 shows its decimals up to the
///   first non-zero digit, truncated ("0,3%", "0,04%"), so some progress
///   never reads as none. The same holds for small negative values.
///
/// Truncation works on the shortest decimal representation of `p`, so 99,7
/// shows "99,7%", not "99,6%" from binary rounding. Non-finite values give "".
pub fn format_percent(p: f64) -> String {
    if !p.is_finite() {
        return String::new();
    }
    if p == 0.0 {
        return "0%".to_owned();
    }
    let magnitude = p.abs();
    let sign = if p < 0.0 { "-" } else { "" };
    let whole = magnitude.round();
    let body = if p > 0.0 && p < 100.0 && whole >= 100.0 {
        truncated_decimals(magnitude, |_| 1)
    } else if whole == 0.0 {
        truncated_decimals(magnitude, |frac| {
            frac.bytes().position(|b| b != b'0').map_or(1, |i| i + 1)
        })
    } else {
        format_number(whole)
    };
    format!("{sign}{body}%")
}

/// Writes positive, non-integral `v` with its decimals cut (not rounded) to
/// the count `keep` chooses from the full decimal digits.
fn truncated_decimals(v: f64, keep: impl Fn(&str) -> usize) -> String {
    let plain = format!("{v}");
    let (int_digits, frac) = plain.split_once('.').unwrap_or((plain.as_str(), ""));
    let kept = frac.get(..keep(frac).min(frac.len())).unwrap_or("");
    let mut out = String::new();
    push_grouped(&mut out, int_digits);
    if !kept.is_empty() {
        out.push(',');
        out.push_str(kept);
    }
    out
}

/// Writes a part's number in Roman numerals (I, II, III…), as Vietnamese tables number the
/// parts of a table; 0 gives "".
pub fn format_roman(mut n: usize) -> String {
    const NUMERALS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Writes a year: never grouped ("2020", not "2.020").
pub fn format_year(y: i32) -> String {
    y.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parts_are_numbered_in_roman_numerals() {
        assert_eq!(format_roman(1), "I");
        assert_eq!(format_roman(4), "IV");
        assert_eq!(format_roman(14), "XIV");
        assert_eq!(format_roman(40), "XL");
        assert_eq!(format_roman(1994), "MCMXCIV");
    }

    #[test]
    fn formats_examples() {
        assert_eq!(format_number(1128.0), "1.128");
        assert_eq!(format_number(3611.73), "3.611,73");
        assert_eq!(format_number(5711.7), "5.711,7");
        assert_eq!(format_number(131900.0), "131.900");
        assert_eq!(format_number(0.5), "0,5");
        assert_eq!(format_number(-1234.5), "-1.234,5");
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(123.0), "123");
        assert_eq!(format_number(1234567.0), "1.234.567");
        assert_eq!(format_number(-999.0), "-999");
    }

    #[test]
    fn never_uses_scientific_notation() {
        assert_eq!(format_number(1e20), "100.000.000.000.000.000.000");
        assert_eq!(format_number(1e-7), "0,0000001");
        assert_eq!(format_number(-2.5e-10), "-0,00000000025");
        let max = format_number(f64::MAX);
        assert!(!max.contains(['e', 'E']));
        assert_eq!(parse_number(&max), Ok(f64::MAX));
        let tiny = format_number(f64::MIN_POSITIVE);
        assert_eq!(parse_number(&tiny), Ok(f64::MIN_POSITIVE));
    }

    #[test]
    fn non_finite_formats_as_empty() {
        assert_eq!(format_number(f64::NAN), "");
        assert_eq!(format_number(f64::INFINITY), "");
        assert_eq!(format_number(f64::NEG_INFINITY), "");
        assert_eq!(format_percent(f64::NAN), "");
    }

    #[test]
    fn parses_examples() {
        assert_eq!(parse_number("1.128"), Ok(1128.0));
        assert_eq!(parse_number("3.611,73"), Ok(3611.73));
        assert_eq!(parse_number("5711,7"), Ok(5711.7));
        assert_eq!(parse_number("1128"), Ok(1128.0));
        assert_eq!(parse_number("0,5"), Ok(0.5));
        assert_eq!(parse_number("-12"), Ok(-12.0));
        assert_eq!(parse_number("1.498,3"), Ok(1498.3));
        assert_eq!(parse_number("12.000"), Ok(12000.0));
        assert_eq!(parse_number("3.611"), Ok(3611.0));
        assert_eq!(parse_number("1.234.567,891"), Ok(1234567.891));
        assert_eq!(parse_number("0"), Ok(0.0));
        assert_eq!(parse_number("007"), Ok(7.0));
    }

    #[test]
    fn parse_trims_spaces_and_accepts_signs() {
        assert_eq!(parse_number("  1.128 "), Ok(1128.0));
        assert_eq!(parse_number("\u{a0}3.611,73\u{a0}"), Ok(3611.73));
        assert_eq!(parse_number("\t-5\n"), Ok(-5.0));
        assert_eq!(parse_number("−5"), Ok(-5.0));
        assert_eq!(parse_number("+5"), Ok(5.0));
        assert_eq!(parse_number(",5"), Ok(0.5));
        assert_eq!(parse_number("-,5"), Ok(-0.5));
        let neg_zero = parse_number("-0");
        assert_eq!(neg_zero, Ok(0.0));
        assert!(neg_zero.is_ok_and(|v| v.is_sign_positive()));
    }

    #[test]
    fn refuses_empty() {
        assert_eq!(parse_number(""), Err(NumberError::Empty));
        assert_eq!(parse_number(" \u{a0} "), Err(NumberError::Empty));
        assert_eq!(NumberError::Empty.to_string(), "Chưa nhập số.");
    }

    #[test]
    fn refuses_english_decimal_point_with_suggestion() {
        let err = parse_number("3611.73");
        assert_eq!(
            err,
            Err(NumberError::DotAsDecimalMark {
                text: "3611.73".into(),
                suggestion: "3.611,73".into()
            })
        );
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err(
                "Không hiểu số “3611.73”: dấu chấm chỉ dùng để tách hàng nghìn (3.611), \
                 phần thập phân viết sau dấu phẩy. Hãy gõ ví dụ 3.611,73."
                    .to_owned()
            )
        );
        let suggestion = |s: &str| match parse_number(s) {
            Err(NumberError::DotAsDecimalMark { suggestion, .. }) => suggestion,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(suggestion("1.12"), "1,12");
        assert_eq!(suggestion("1.1234"), "1,1234");
        assert_eq!(suggestion(".5"), "0,5");
        assert_eq!(suggestion("0.128"), "0,128");
        assert_eq!(suggestion("-3611.73"), "-3.611,73");
        assert_eq!(suggestion("1,500.25"), "1.500,25");
        assert_eq!(suggestion("1234567.5"), "1.234.567,5");
    }

    #[test]
    fn refuses_english_grouping_with_suggestion() {
        assert_eq!(
            parse_number("1,234,567"),
            Err(NumberError::CommaAsGrouping {
                text: "1,234,567".into(),
                suggestion: "1.234.567".into()
            })
        );
    }

    #[test]
    fn refuses_bad_grouping() {
        for s in [
            "1..128",
            "1.1.1",
            "1.128.",
            "1.128,5.3",
            "12.34.567",
            "1.,5",
        ] {
            assert_eq!(
                parse_number(s),
                Err(NumberError::BadGrouping { text: s.into() }),
                "{s}"
            );
        }
        let msg = NumberError::BadGrouping {
            text: "1..128".into(),
        }
        .to_string();
        assert!(
            msg.contains("“1..128”") && msg.contains("đúng ba chữ số"),
            "{msg}"
        );
    }

    #[test]
    fn refuses_comma_misuse() {
        assert_eq!(
            parse_number("1,2,3"),
            Err(NumberError::TooManyCommas {
                text: "1,2,3".into()
            })
        );
        assert_eq!(
            parse_number("5,"),
            Err(NumberError::MissingDecimals { text: "5,".into() })
        );
        assert_eq!(
            parse_number(","),
            Err(NumberError::NotANumber { text: ",".into() })
        );
    }

    #[test]
    fn refuses_garbage() {
        for s in [
            "abc", "12a", "1 2", "1e5", "inf", "NaN", "-", "--5", "5-", "١٢", "1_000", "½",
        ] {
            assert_eq!(
                parse_number(s),
                Err(NumberError::NotANumber { text: s.into() }),
                "{s}"
            );
        }
        assert_eq!(
            parse_number("abc").map_err(|e| e.to_string()),
            Err("“abc” không phải là số. Hãy gõ số như 1.128 hoặc 3.611,73.".to_owned())
        );
    }

    #[test]
    fn refuses_overflow() {
        let huge = format!("1{}", "0".repeat(400));
        assert!(matches!(
            parse_number(&huge),
            Err(NumberError::TooLarge { .. })
        ));
        let msg = parse_number(&huge).map_err(|e| e.to_string());
        assert!(msg.is_err_and(|m| m.contains('…') && m.len() < 100));
    }

    #[test]
    fn non_negative() {
        assert_eq!(parse_non_negative("0"), Ok(0.0));
        assert_eq!(parse_non_negative("-0"), Ok(0.0));
        assert_eq!(parse_non_negative("1.498,3"), Ok(1498.3));
        assert_eq!(
            parse_non_negative(" -5 "),
            Err(NumberError::Negative { text: "-5".into() })
        );
        assert_eq!(
            parse_non_negative("-5").map_err(|e| e.to_string()),
            Err("Giá trị này không được âm: “-5”.".to_owned())
        );
        assert_eq!(parse_non_negative("abc").ok(), None);
    }

    #[test]
    fn percent_of_plan_examples() {
        assert_eq!(percent_of_plan(50.0, 200.0), Some(25.0));
        assert_eq!(percent_of_plan(1.0, 0.0), None);
        assert_eq!(percent_of_plan(1.0, -0.0), None);
        assert_eq!(percent_of_plan(1.0, f64::NAN), None);
        assert_eq!(percent_of_plan(1.0, f64::INFINITY), None);
        assert_eq!(percent_of_plan(f64::NAN, 1.0), None);
        assert_eq!(percent_of_plan(f64::MAX, f64::MIN_POSITIVE), None);
        let p = percent_of_plan(1463.0, 1498.3);
        assert!(p.is_some_and(|p| (p - 97.644).abs() < 1e-3), "{p:?}");
    }

    #[test]
    fn percent_formatting() {
        let p = percent_of_plan(1463.0, 1498.3).unwrap_or_default();
        assert_eq!(format_percent(p), "98%");
        assert_eq!(format_percent(100.0), "100%");
        assert_eq!(format_percent(100.4), "100%");
        assert_eq!(format_percent(100.5), "101%");
        assert_eq!(format_percent(97.5), "98%");
        assert_eq!(format_percent(97.49), "97%");
        assert_eq!(format_percent(99.49), "99%");
        assert_eq!(format_percent(1250.0), "1.250%");
        assert_eq!(format_percent(0.0), "0%");
        assert_eq!(format_percent(0.5), "1%");
        assert_eq!(format_percent(-12.5), "-13%");
    }

    #[test]
    fn percent_below_plan_never_reads_100() {
        assert_eq!(format_percent(99.7), "99,7%");
        assert_eq!(format_percent(99.5), "99,5%");
        assert_eq!(format_percent(99.96), "99,9%");
        assert_eq!(format_percent(99.999_999_999), "99,9%");
        assert_eq!(format_percent(100.0 - 1e-13), "99,9%");
        for (result, plan) in [(997.0, 1000.0), (299.1, 300.0), (1498.2, 1498.3)] {
            let p = percent_of_plan(result, plan).unwrap_or_default();
            let shown = format_percent(p);
            assert!(shown.starts_with("99,"), "{result}/{plan}: {shown}");
        }
        let p = percent_of_plan(997.0, 1000.0).unwrap_or_default();
        assert_eq!(format_percent(p), "99,7%");
    }

    #[test]
    fn percent_positive_never_reads_0() {
        assert_eq!(format_percent(0.3), "0,3%");
        assert_eq!(format_percent(0.49), "0,4%");
        assert_eq!(format_percent(0.04), "0,04%");
        assert_eq!(format_percent(0.0012), "0,001%");
        assert_eq!(format_percent(-0.3), "-0,3%");
        assert!(format_percent(f64::MIN_POSITIVE).starts_with("0,000"));
    }

    #[test]
    fn years_are_not_grouped() {
        assert_eq!(format_year(2020), "2020");
        assert_eq!(format_year(12345), "12345");
        assert_eq!(format_year(-500), "-500");
    }

    /// The Vietnamese spelling of `cents / 100`, built from the digits alone
    /// (without going through `f64`), with trailing zero decimals dropped.
    fn spell_cents(cents: i64) -> String {
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        let mut out = sign.to_owned();
        push_grouped(&mut out, &(abs / 100).to_string());
        let frac = format!("{:02}", abs % 100);
        let frac = frac.trim_end_matches('0');
        if !frac.is_empty() {
            out.push(',');
            out.push_str(frac);
        }
        if out == "-0" { "0".to_owned() } else { out }
    }

    const CENTS: std::ops::Range<i64> = -100_000_000_000_000..100_000_000_000_000;

    proptest! {
        #[test]
        fn two_decimal_values_round_trip(cents in CENTS) {
            let v = cents as f64 / 100.0;
            let text = format_number(v);
            prop_assert_eq!(&text, &spell_cents(cents));
            prop_assert_eq!(parse_number(&text), Ok(v));
        }

        #[test]
        fn canonical_text_round_trips(cents in CENTS) {
            let text = spell_cents(cents);
            let v = parse_number(&text);
            prop_assert!(v.is_ok(), "{} -> {:?}", text, v);
            prop_assert_eq!(format_number(v.unwrap_or_default()), text);
        }

        #[test]
        fn every_finite_f64_round_trips(v in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
            let text = format_number(v);
            let back = parse_number(&text);
            prop_assert_eq!(back, Ok(if v == 0.0 { 0.0 } else { v }));
        }

        #[test]
        fn dot_not_followed_by_three_digit_groups_is_refused(
            int in "[1-9][0-9]{0,5}",
            after in "[0-9]{0,2}|[0-9]{4,7}",
            tail in "(,[0-9]{1,3})?",
        ) {
            let text = format!("{int}.{after}{tail}");
            prop_assert!(parse_number(&text).is_err(), "{}", text);
        }

        #[test]
        fn accepted_dots_are_always_thousands_separators(s in "[-+]?[0-9.,]{0,14}") {
            if parse_number(&s).is_ok() {
                let int_part = s.split(',').next().unwrap_or("");
                let after_comma = s.split_once(',').map_or("", |(_, f)| f);
                prop_assert!(!after_comma.contains('.'), "{}", s);
                for (i, _) in int_part.match_indices('.') {
                    let rest = &int_part[i + 1..];
                    let group: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                    prop_assert_eq!(group.len(), 3, "{}", s);
                }
            }
        }

        #[test]
        fn random_text_never_panics(s in "\\PC{0,30}") {
            let _ = parse_number(&s);
            let _ = parse_non_negative(&s);
        }

        #[test]
        fn random_number_like_text_never_panics(s in "[-+−  0-9.,a-z]{0,20}") {
            if let Ok(v) = parse_number(&s) {
                prop_assert!(v.is_finite());
                prop_assert_eq!(parse_number(&format_number(v)), Ok(v));
            }
        }

        #[test]
        fn percent_formatting_never_panics_and_keeps_its_promises(p in any::<f64>()) {
            let shown = format_percent(p);
            if p.is_finite() {
                prop_assert!(shown.ends_with('%'));
            }
            if p > 0.0 && p < 100.0 {
                prop_assert!(shown != "100%", "{} -> {}", p, shown);
            }
            if p.is_finite() && p != 0.0 {
                prop_assert!(shown != "0%" && shown != "-0%", "{} -> {}", p, shown);
            }
        }
    }
}
