//! Plan targets as offices write them: "1.128", "100%", "Trên 4", "Dưới 3", "Từ 5 trở lên",
//! "Không quá 2", "6,6-6,8", "Khoảng 4", "Không để xảy ra". The text is kept as typed; what it
//! means ([`Target`]) gives the reference value for "% kế hoạch" where that makes sense and an
//! [`Evaluation`] of a result (Vượt / Đạt / Không đạt / chưa đánh giá).

use crate::text::number::{format_number, parse_non_negative};

/// What a plan text means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A figure to reach; more is better ("1.128", "100%" with `percent`).
    Number { value: f64, percent: bool },
    /// A lower bound: "Trên 4" (strict), "Từ 4 trở lên", "Tối thiểu 4", "Ít nhất 4". Above
    /// it is "Vượt"; on it, where allowed, "Đạt".
    AtLeast { value: f64, strict: bool },
    /// An upper bound, less is better: "Dưới 3" (strict), "Không quá 3", "Tối đa 3". Below it
    /// is "Vượt"; on it, where allowed, "Đạt".
    AtMost { value: f64, strict: bool },
    /// A range: "6,6-6,8", "Từ 6,6 đến 6,8"; above it is "Vượt".
    Range { low: f64, high: f64 },
    /// An approximate figure: "Khoảng 4"; within 5% either side is "Đạt".
    About(f64),
    /// Nothing may happen: "Không để xảy ra" (0 is "Đạt").
    Zero,
}

/// How a result stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evaluation {
    /// Above a figure or a range.
    Exceeded,
    /// The target is met.
    Met,
    NotMet,
    /// No result yet, or no target.
    Unknown,
}

impl Evaluation {
    pub fn label(self) -> &'static str {
        match self {
            Evaluation::Exceeded => "Vượt",
            Evaluation::Met => "Đạt",
            Evaluation::NotMet => "Không đạt",
            Evaluation::Unknown => "Chưa đánh giá",
        }
    }

    /// Whether the target is met or exceeded.
    pub fn is_met(self) -> bool {
        matches!(self, Evaluation::Exceeded | Evaluation::Met)
    }
}

/// How far "Khoảng 4" stretches either side.
const ABOUT_TOLERANCE: f64 = 0.05;

/// The forms a plan can be typed in, for the refusal message.
pub const ACCEPTED_FORMS: &str = "một số (1.128; 3,5; 100%), “Trên 4”, “Từ 4 trở lên”, “Dưới 3”, “Không quá 3”, “6,6-6,8”, “Khoảng 4” hoặc “Không để xảy ra”";

impl Target {
    /// Reads a plan as typed; `Ok(None)` for an empty plan.
    pub fn parse(text: &str) -> Result<Option<Target>, String> {
        let t = crate::text::nfc(text.trim());
        if t.is_empty() {
            return Ok(None);
        }
        let lower = t.to_lowercase();
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        let refuse = || format!("Không đọc được kế hoạch “{t}”. Hãy gõ {ACCEPTED_FORMS}.");
        if matches!(
            lower.trim_end_matches('.'),
            "không để xảy ra" | "không xảy ra"
        ) {
            return Ok(Some(Target::Zero));
        }
        let number = |s: &str| -> Result<(f64, bool), String> {
            let s = s.trim();
            let (s, percent) = match s.strip_suffix('%') {
                Some(n) => (n.trim_end(), true),
                None => (s, false),
            };
            parse_non_negative(s)
                .map(|v| (v, percent))
                .map_err(|_| refuse())
        };
        let prefixed = |prefixes: &[&str]| {
            prefixes
                .iter()
                .find_map(|p| lower.strip_prefix(p).map(str::trim))
        };
        // A word before one number: the bound or approximation it makes.
        type Make = fn(f64) -> Target;
        let worded: [(&[&str], Make); 5] = [
            (&["trên ", "hơn "], |value| Target::AtLeast {
                value,
                strict: true,
            }),
            (&["tối thiểu ", "ít nhất "], |value| {
                Target::AtLeast {
                    value,
                    strict: false,
                }
            }),
            (&["dưới "], |value| Target::AtMost {
                value,
                strict: true,
            }),
            (
                &["không vượt quá ", "không quá ", "tối đa "],
                |value| Target::AtMost {
                    value,
                    strict: false,
                },
            ),
            (&["khoảng ", "xấp xỉ "], Target::About),
        ];
        for (prefixes, make) in worded {
            if let Some(rest) = prefixed(prefixes) {
                return Ok(Some(make(number(rest)?.0)));
            }
        }
        if let Some(rest) = prefixed(&["từ "]) {
            if let Some(n) = rest.strip_suffix("trở lên") {
                let (value, _) = number(n)?;
                return Ok(Some(Target::AtLeast {
                    value,
                    strict: false,
                }));
            }
            if let Some((low, high)) = rest.split_once(" đến ") {
                return range(number(low)?.0, number(high)?.0, &t);
            }
            return Err(refuse());
        }
        if let Some((low, high)) = lower.split_once(['-', '–', '—']) {
            return range(number(low)?.0, number(high)?.0, &t);
        }
        let (value, percent) = number(&lower)?;
        Ok(Some(Target::Number { value, percent }))
    }

    /// The target written the usual way; [`Target::parse`] reads it back as the same target.
    pub fn display(&self) -> String {
        let n = |v: f64| format_number(v);
        match *self {
            Target::Number { value, percent } if percent => format!("{}%", n(value)),
            Target::Number { value, .. } => n(value),
            Target::AtLeast {
                value,
                strict: true,
            } => format!("Trên {}", n(value)),
            Target::AtLeast { value, .. } => format!("Từ {} trở lên", n(value)),
            Target::AtMost {
                value,
                strict: true,
            } => format!("Dưới {}", n(value)),
            Target::AtMost { value, .. } => format!("Không quá {}", n(value)),
            Target::Range { low, high } => format!("{}-{}", n(low), n(high)),
            Target::About(v) => format!("Khoảng {}", n(v)),
            Target::Zero => "Không để xảy ra".to_owned(),
        }
    }

    /// The figure "% kế hoạch" is taken against, where more is better; `None` for an upper
    /// bound or "không để xảy ra", where a percentage would say nothing true.
    pub fn reference(&self) -> Option<f64> {
        match *self {
            Target::Number { value, .. } | Target::AtLeast { value, .. } | Target::About(value) => {
                Some(value)
            }
            Target::Range { low, .. } => Some(low),
            Target::AtMost { .. } | Target::Zero => None,
        }
    }

    /// Whether a smaller result is the better one.
    pub fn less_is_better(&self) -> bool {
        matches!(self, Target::AtMost { .. } | Target::Zero)
    }

    /// How `result` stands against the target.
    pub fn evaluate(&self, result: Option<f64>) -> Evaluation {
        let Some(r) = result.filter(|r| r.is_finite()) else {
            return Evaluation::Unknown;
        };
        let met = |ok: bool| {
            if ok {
                Evaluation::Met
            } else {
                Evaluation::NotMet
            }
        };
        match *self {
            Target::Number { value, .. } => {
                if r > value {
                    Evaluation::Exceeded
                } else {
                    met(r >= value)
                }
            }
            // Beyond a bound on its good side is "Vượt"; on a bound that allows it, "Đạt".
            Target::AtLeast { value, strict } => {
                if r > value {
                    Evaluation::Exceeded
                } else {
                    met(r == value && !strict)
                }
            }
            Target::AtMost { value, strict } => {
                if r < value {
                    Evaluation::Exceeded
                } else {
                    met(r == value && !strict)
                }
            }
            Target::Range { low, high } => {
                if r > high {
                    Evaluation::Exceeded
                } else {
                    met(r >= low)
                }
            }
            Target::About(v) => {
                if r > v * (1.0 + ABOUT_TOLERANCE) {
                    Evaluation::Exceeded
                } else {
                    met(r >= v * (1.0 - ABOUT_TOLERANCE))
                }
            }
            Target::Zero => met(r == 0.0),
        }
    }
}

fn range(low: f64, high: f64, text: &str) -> Result<Option<Target>, String> {
    if low > high {
        return Err(format!(
            "Kế hoạch “{text}”: số đầu của khoảng phải nhỏ hơn số sau (ví dụ “6,6-6,8”)."
        ));
    }
    Ok(Some(Target::Range { low, high }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(s: &str) -> Target {
        Target::parse(s).unwrap().unwrap()
    }

    #[test]
    fn the_forms_offices_write_are_read() {
        assert_eq!(
            parse("1.128"),
            Target::Number {
                value: 1128.0,
                percent: false
            }
        );
        assert_eq!(
            parse("100%"),
            Target::Number {
                value: 100.0,
                percent: true
            }
        );
        assert_eq!(
            parse("Trên 4"),
            Target::AtLeast {
                value: 4.0,
                strict: true
            }
        );
        assert_eq!(
            parse("từ 5 trở lên"),
            Target::AtLeast {
                value: 5.0,
                strict: false
            }
        );
        assert_eq!(
            parse("Dưới 3"),
            Target::AtMost {
                value: 3.0,
                strict: true
            }
        );
        assert_eq!(
            parse("Không  quá 2,5"),
            Target::AtMost {
                value: 2.5,
                strict: false
            }
        );
        assert_eq!(
            parse("6,6-6,8"),
            Target::Range {
                low: 6.6,
                high: 6.8
            }
        );
        assert_eq!(
            parse("Từ 6,6 đến 6,8"),
            Target::Range {
                low: 6.6,
                high: 6.8
            }
        );
        assert_eq!(parse("Khoảng 4"), Target::About(4.0));
        assert_eq!(parse("Không để xảy ra"), Target::Zero);
        assert_eq!(Target::parse("  ").unwrap(), None);
    }

    #[test]
    fn what_cannot_be_read_is_refused_showing_the_accepted_forms() {
        for bad in ["nhiều", "Trên bốn", "6,8-6,6", "3.5", "Từ 4", "-4"] {
            let err = Target::parse(bad).unwrap_err();
            assert!(err.contains(bad) || err.contains("nhỏ hơn"), "{bad}: {err}");
        }
        assert!(Target::parse("nhiều").unwrap_err().contains("Trên 4"));
    }

    #[test]
    fn each_direction_is_evaluated_its_own_way() {
        use Evaluation::*;
        let e = |t: &str, r: f64| parse(t).evaluate(Some(r));
        assert_eq!(e("Trên 4", 5.0), Exceeded);
        assert_eq!(e("Trên 4", 4.0), NotMet);
        assert_eq!(e("Từ 4 trở lên", 4.0), Met);
        assert_eq!(e("Từ 4 trở lên", 3.5), NotMet);
        assert_eq!(e("Dưới 3", 2.0), Exceeded);
        assert_eq!(e("Dưới 3", 3.0), NotMet);
        assert_eq!(e("Không quá 3", 3.0), Met);
        assert_eq!(e("Không quá 3", 3.5), NotMet);
        assert_eq!(e("6,6-6,8", 6.7), Met);
        assert_eq!(e("6,6-6,8", 7.0), Exceeded);
        assert_eq!(e("6,6-6,8", 6.5), NotMet);
        assert_eq!(e("Khoảng 4", 3.9), Met);
        assert_eq!(e("Khoảng 4", 3.0), NotMet);
        assert_eq!(e("100%", 100.0), Met);
        assert_eq!(e("1.128", 1200.0), Exceeded);
        assert_eq!(e("Không để xảy ra", 0.0), Met);
        assert_eq!(e("Không để xảy ra", 1.0), NotMet);
        assert_eq!(parse("5").evaluate(None), Unknown);
        assert_eq!(parse("Dưới 3").reference(), None);
        assert_eq!(parse("6,6-6,8").reference(), Some(6.6));
    }

    fn value() -> impl Strategy<Value = f64> {
        (0u32..10_000_000, 0u32..100).prop_map(|(i, d)| i as f64 + d as f64 / 100.0)
    }

    fn target() -> impl Strategy<Value = Target> {
        prop_oneof![
            (value(), any::<bool>()).prop_map(|(value, percent)| Target::Number { value, percent }),
            (value(), any::<bool>()).prop_map(|(value, strict)| Target::AtLeast { value, strict }),
            (value(), any::<bool>()).prop_map(|(value, strict)| Target::AtMost { value, strict }),
            (value(), value()).prop_map(|(a, b)| Target::Range {
                low: a.min(b),
                high: a.max(b)
            }),
            value().prop_map(Target::About),
            Just(Target::Zero),
        ]
    }

    proptest! {
        #[test]
        fn every_target_reads_back_from_its_display(t in target()) {
            prop_assert_eq!(Target::parse(&t.display()).unwrap(), Some(t));
        }

        #[test]
        fn no_text_makes_the_reader_panic(s in "\\PC{0,40}") {
            let _ = Target::parse(&s);
        }
    }
}
