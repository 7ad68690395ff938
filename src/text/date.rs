//! Dates as Vietnamese users type them and as Vietnamese documents write them.
//!
//! Users type day/month/year ("16/12/2020", "5/1/2021", "05-01-2021",
//! "05.01.2021"); the day always comes first, so "05/01/2021" is 5 January.
//! Forms show "16/12/2020"; administrative documents write
//! "ngày 16 tháng 12 năm 2020" following Decree 30/2020/NĐ-CP.

use chrono::{Datelike, NaiveDate, Weekday};
use thiserror::Error;

use super::quoted_input;

/// Earliest year accepted by [`parse_date`]. Nothing the secretariat records
/// is older; a year like 21 or 202 is a typing slip, not a date.
pub const MIN_YEAR: u32 = 1900;
/// Latest year accepted by [`parse_date`], for the same reason.
pub const MAX_YEAR: u32 = 2200;

/// Why a typed date was refused.
///
/// The `Display` text is a complete Vietnamese sentence meant to be shown to
/// the user as is.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// Nothing but spaces was typed.
    #[error("Chưa nhập ngày.")]
    Empty,
    /// Not three numbers separated by "/", "-" or ".".
    #[error("Không hiểu ngày “{text}”. Hãy gõ theo dạng ngày/tháng/năm, ví dụ 16/12/2020.")]
    Unreadable {
        /// What was typed (trimmed, shortened if very long).
        text: String,
    },
    /// A year outside [`MIN_YEAR`]..=[`MAX_YEAR`], usually a two-digit year.
    #[error(
        "Năm {year} nằm ngoài khoảng từ 1900 đến 2200. Hãy gõ năm đủ bốn chữ số, \
         ví dụ 16/12/2020."
    )]
    YearOutOfRange {
        /// The year as typed.
        year: u32,
    },
    /// A month outside 1..=12.
    #[error("Tháng {month} không có: tháng phải từ 1 đến 12.")]
    NoSuchMonth {
        /// The month as typed.
        month: u32,
    },
    /// Day 0.
    #[error("Ngày 0 không có: ngày trong tháng bắt đầu từ 1.")]
    DayZero,
    /// A day past the end of the month ("31/02/2021", "29/02/2021").
    #[error(
        "Ngày {day:02}/{month:02}/{year} không có: tháng {month} năm {year} \
         chỉ có {days_in_month} ngày."
    )]
    NoSuchDay {
        /// The day as typed.
        day: u32,
        /// The month as typed.
        month: u32,
        /// The year as typed.
        year: u32,
        /// How many days that month has.
        days_in_month: u32,
    },
}

/// Reads a date typed day first: "16/12/2020", "5/1/2021", "05-01-2021",
/// "05.01.2021".
///
/// The two separators must be the same character; spaces around the date and
/// around the separators are ignored. The year must be between 1900 and 2200
/// (so a two-digit year is refused instead of guessed). As a convenience,
/// ISO dates "2020-12-16" (four-digit year first, separated by "-") are also
/// accepted, since that is how dates come out of databases and spreadsheets;
/// they cannot be mistaken for day-first dates.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let unreadable = || DateError::Unreadable {
        text: quoted_input(trimmed),
    };

    let sep = trimmed
        .chars()
        .find(|c| matches!(c, '/' | '-' | '.'))
        .ok_or_else(unreadable)?;
    let mut parts = trimmed.split(sep).map(str::trim);
    let (Some(first), Some(second), Some(third), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(unreadable());
    };
    let (day, month, year) = if sep == '-' && first.len() == 4 && third.len() <= 2 {
        (third, second, first)
    } else {
        (first, second, third)
    };
    let number = |digits: &str, max_len: usize| -> Option<u32> {
        if digits.is_empty() || digits.len() > max_len {
            return None;
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 6))
    else {
        return Err(unreadable());
    };

    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::YearOutOfRange { year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth { month });
    }
    if day == 0 {
        return Err(DateError::DayZero);
    }
    // The year is at most MAX_YEAR, so it fits an i32.
    let year_i32 = i32::try_from(year).map_err(|_| DateError::YearOutOfRange { year })?;
    NaiveDate::from_ymd_opt(year_i32, month, day).ok_or(DateError::NoSuchDay {
        day,
        month,
        year,
        days_in_month: days_in_month(year_i32, month),
    })
}

/// Number of days in `month` of `year` (28 for an invalid month, which
/// callers never pass).
fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
        .unwrap_or(28)
}

/// Writes a date for forms and tables: "16/12/2020", "05/01/2021".
///
/// Day and month always have two digits so that dates line up in columns.
pub fn format_date(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// A moment the file recorded ("2026-11-30 04:43:55", local time) as people read it:
/// "30/11/2026 04:43". Anything else is shown as it is.
pub fn format_stored_time(stored: &str) -> String {
    match chrono::NaiveDateTime::parse_from_str(stored.trim(), "%Y-%m-%d %H:%M:%S") {
        Ok(t) => format!("{} {}", format_date(t.date()), t.format("%H:%M")),
        Err(_) => stored.to_owned(),
    }
}

/// Writes a date as the dateline of an administrative document:
/// "ngày 16 tháng 12 năm 2020".
///
/// Decree 30/2020/NĐ-CP (on administrative document formatting) requires a
/// leading 0 for days below 10 and for months 1 and 2, and no leading 0 for
/// months 3 to 12: "ngày 05 tháng 01 năm 2021", "ngày 05 tháng 3 năm 2021".
/// The 0 before January and February is usually explained as keeping a "1"
/// or "2" from being altered into "11" or "12" after the document is signed.
pub fn format_document_date(d: NaiveDate) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {} năm {}", d.day(), month, d.year())
}

/// The name of a month as a calendar heading shows it: "Tháng 1" .. "Tháng 12".
///
/// Vietnamese months have no names of their own, only numbers; any number is
/// written as given.
pub fn month_name(m: u32) -> String {
    format!("Tháng {m}")
}

/// The short weekday heading of a Vietnamese calendar: "T2" (Monday) .. "T7",
/// "CN" (Sunday). Vietnamese weekdays are numbered from Monday = thứ hai.
pub fn weekday_short(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "T2",
        Weekday::Tue => "T3",
        Weekday::Wed => "T4",
        Weekday::Thu => "T5",
        Weekday::Fri => "T6",
        Weekday::Sat => "T7",
        Weekday::Sun => "CN",
    }
}

/// The full weekday name: "Thứ Hai" .. "Thứ Bảy", "Chủ nhật".
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_recorded_moment_reads_day_first_without_seconds() {
        assert_eq!(
            format_stored_time("2026-11-30 04:43:55"),
            "30/11/2026 04:43"
        );
        assert_eq!(format_stored_time("không rõ"), "không rõ");
    }

    #[test]
    fn parses_examples() {
        assert_eq!(parse_date("16/12/2020"), Ok(ymd(2020, 12, 16)));
        assert_eq!(parse_date("5/1/2021"), Ok(ymd(2021, 1, 5)));
        assert_eq!(parse_date("05-01-2021"), Ok(ymd(2021, 1, 5)));
        assert_eq!(parse_date("05.01.2021"), Ok(ymd(2021, 1, 5)));
        assert_eq!(parse_date(" 16 / 12 / 2020\u{a0}"), Ok(ymd(2020, 12, 16)));
        assert_eq!(parse_date("29/02/2020"), Ok(ymd(2020, 2, 29)));
        assert_eq!(parse_date("01/01/1900"), Ok(ymd(1900, 1, 1)));
        assert_eq!(parse_date("31/12/2200"), Ok(ymd(2200, 12, 31)));
        assert_eq!(parse_date("2020-12-16"), Ok(ymd(2020, 12, 16)));
        assert_eq!(parse_date("2021-1-5"), Ok(ymd(2021, 1, 5)));
    }

    #[test]
    fn refuses_missing_day() {
        let err = parse_date("31/02/2021");
        assert_eq!(
            err,
            Err(DateError::NoSuchDay {
                day: 31,
                month: 2,
                year: 2021,
                days_in_month: 28
            })
        );
        assert_eq!(
            err.map_err(|e| e.to_string()),
            Err("Ngày 31/02/2021 không có: tháng 2 năm 2021 chỉ có 28 ngày.".to_owned())
        );
        assert_eq!(
            parse_date("29/2/2100").map_err(|e| e.to_string()),
            Err("Ngày 29/02/2100 không có: tháng 2 năm 2100 chỉ có 28 ngày.".to_owned())
        );
        assert_eq!(
            parse_date("31/4/2021").map_err(|e| e.to_string()),
            Err("Ngày 31/04/2021 không có: tháng 4 năm 2021 chỉ có 30 ngày.".to_owned())
        );
        assert_eq!(parse_date("32/1/2021").ok(), None);
        assert_eq!(parse_date("0/1/2021"), Err(DateError::DayZero));
    }

    #[test]
    fn refuses_missing_month() {
        assert_eq!(
            parse_date("01/13/2021").map_err(|e| e.to_string()),
            Err("Tháng 13 không có: tháng phải từ 1 đến 12.".to_owned())
        );
        assert_eq!(
            parse_date("01/00/2021"),
            Err(DateError::NoSuchMonth { month: 0 })
        );
    }

    #[test]
    fn refuses_garbage_and_empty() {
        assert_eq!(
            parse_date("abc").map_err(|e| e.to_string()),
            Err(
                "Không hiểu ngày “abc”. Hãy gõ theo dạng ngày/tháng/năm, ví dụ 16/12/2020."
                    .to_owned()
            )
        );
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert_eq!(parse_date("   "), Err(DateError::Empty));
        assert_eq!(
            parse_date("").map_err(|e| e.to_string()),
            Err("Chưa nhập ngày.".to_owned())
        );
        for s in [
            "16/12",
            "16/12/2020/1",
            "16/12-2020",
            "16//2020",
            "a/b/c",
            "-5/1/2021",
            "16122020",
            "016/12/2020",
            "16/012/2020",
            "1/1/2020000",
            "+1/1/2020",
            "１/1/2020",
            "16/12/2020 10:00",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::Unreadable { .. })),
                "{s}: {:?}",
                parse_date(s)
            );
        }
    }

    #[test]
    fn refuses_years_out_of_range() {
        assert_eq!(
            parse_date("5/1/21"),
            Err(DateError::YearOutOfRange { year: 21 })
        );
        assert_eq!(
            parse_date("5/1/1899"),
            Err(DateError::YearOutOfRange { year: 1899 })
        );
        assert_eq!(
            parse_date("5/1/2201"),
            Err(DateError::YearOutOfRange { year: 2201 })
        );
        let msg = DateError::YearOutOfRange { year: 21 }.to_string();
        assert_eq!(
            msg,
            "Năm 21 nằm ngoài khoảng từ 1900 đến 2200. Hãy gõ năm đủ bốn chữ số, ví dụ 16/12/2020."
        );
    }

    #[test]
    fn formats_dates() {
        assert_eq!(format_date(ymd(2020, 12, 16)), "16/12/2020");
        assert_eq!(format_date(ymd(2021, 1, 5)), "05/01/2021");
    }

    #[test]
    fn formats_document_dates_per_decree_30() {
        assert_eq!(
            format_document_date(ymd(2020, 12, 16)),
            "ngày 16 tháng 12 năm 2020"
        );
        assert_eq!(
            format_document_date(ymd(2021, 1, 5)),
            "ngày 05 tháng 01 năm 2021"
        );
        assert_eq!(
            format_document_date(ymd(2021, 2, 5)),
            "ngày 05 tháng 02 năm 2021"
        );
        assert_eq!(
            format_document_date(ymd(2021, 3, 5)),
            "ngày 05 tháng 3 năm 2021"
        );
        assert_eq!(
            format_document_date(ymd(2021, 10, 10)),
            "ngày 10 tháng 10 năm 2021"
        );
    }

    #[test]
    fn calendar_names() {
        assert_eq!(month_name(1), "Tháng 1");
        assert_eq!(month_name(12), "Tháng 12");
        let week = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let short: Vec<_> = week.iter().map(|&w| weekday_short(w)).collect();
        assert_eq!(short, ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]);
        let long: Vec<_> = week.iter().map(|&w| weekday_name(w)).collect();
        assert_eq!(
            long,
            [
                "Thứ Hai",
                "Thứ Ba",
                "Thứ Tư",
                "Thứ Năm",
                "Thứ Sáu",
                "Thứ Bảy",
                "Chủ nhật"
            ]
        );
        // 16/12/2020 was a Wednesday.
        assert_eq!(weekday_name(ymd(2020, 12, 16).weekday()), "Thứ Tư");
    }

    fn any_valid_date() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(1900, 1, 1);
        let span = (ymd(2200, 12, 31) - first).num_days();
        (0..=span).prop_map(move |n| first + chrono::Duration::days(n))
    }

    proptest! {
        #[test]
        fn valid_dates_round_trip(d in any_valid_date(), sep in "[/.-]") {
            let text = format_date(d);
            prop_assert_eq!(parse_date(&text), Ok(d));
            let loose = format!("{}{sep}{}{sep}{}", d.day(), d.month(), d.year());
            prop_assert_eq!(parse_date(&loose), Ok(d));
            let doc = format_document_date(d);
            prop_assert!(doc.starts_with("ngày ") && doc.ends_with(&d.year().to_string()));
        }

        #[test]
        fn random_text_never_panics(s in "\\PC{0,30}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn date_like_text_never_panics(s in "[0-9/.\\- ]{0,16}") {
            if let Ok(d) = parse_date(&s) {
                prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
            }
        }
    }
}
