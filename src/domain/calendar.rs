//! The year's calendar: its dated milestones (the pledge signed, the deadlines for figures, the
//! reviews, the handover) and how each stands against today ("còn 5 ngày", "đã quá hạn 3
//! ngày"). Today is always given, so the rules are tested with a fixed date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A moment of the bloc's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    /// Ký kết giao ước thi đua.
    Pledge,
    /// The deadline for the figures of the first six months.
    MidyearFigures,
    /// The mid-year review (hội nghị sơ kết).
    MidyearReview,
    /// The deadline for the year's figures.
    YearFigures,
    /// The year-end conference (hội nghị tổng kết).
    YearEndReview,
    /// The handover of the leader role.
    Handover,
}

impl MilestoneKind {
    /// In the order of the year.
    pub const ALL: [MilestoneKind; 6] = [
        MilestoneKind::Pledge,
        MilestoneKind::MidyearFigures,
        MilestoneKind::MidyearReview,
        MilestoneKind::YearFigures,
        MilestoneKind::YearEndReview,
        MilestoneKind::Handover,
    ];

    /// As stored in the file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneKind::Pledge => "pledge",
            MilestoneKind::MidyearFigures => "midyear_figures",
            MilestoneKind::MidyearReview => "midyear_review",
            MilestoneKind::YearFigures => "year_figures",
            MilestoneKind::YearEndReview => "year_end_review",
            MilestoneKind::Handover => "handover",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Pledge => "Ký kết giao ước thi đua",
            MilestoneKind::MidyearFigures => "Hạn gửi số liệu 6 tháng",
            MilestoneKind::MidyearReview => "Sơ kết 6 tháng đầu năm",
            MilestoneKind::YearFigures => "Hạn gửi số liệu cả năm",
            MilestoneKind::YearEndReview => "Tổng kết năm",
            MilestoneKind::Handover => "Bàn giao nhiệm vụ Trưởng khối",
        }
    }
}

/// A milestone of a year with its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub date: NaiveDate,
}

/// How a date stands against today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// That many days ahead (at least 1).
    Ahead(i64),
    Today,
    /// That many days past (at least 1).
    Overdue(i64),
}

impl Due {
    pub fn of(date: NaiveDate, today: NaiveDate) -> Due {
        match (date - today).num_days() {
            0 => Due::Today,
            n if n > 0 => Due::Ahead(n),
            n => Due::Overdue(-n),
        }
    }

    /// "còn 5 ngày", "hôm nay", "đã quá hạn 3 ngày".
    pub fn phrase(self) -> String {
        let days = |n: i64| crate::text::number::format_number(n as f64);
        match self {
            Due::Ahead(n) => format!("còn {} ngày", days(n)),
            Due::Today => "hôm nay".to_owned(),
            Due::Overdue(n) => format!("đã quá hạn {} ngày", days(n)),
        }
    }
}

/// The year's milestones that have a date, in date order (ties in the year's order).
pub fn in_date_order(milestones: &[Milestone]) -> Vec<Milestone> {
    let mut list = milestones.to_vec();
    list.sort_by_key(|m| (m.date, m.kind));
    list
}

/// The date of `kind`, when it is set.
pub fn date_of(milestones: &[Milestone], kind: MilestoneKind) -> Option<NaiveDate> {
    milestones.iter().find(|m| m.kind == kind).map(|m| m.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_date_is_ahead_today_or_overdue_by_whole_days() {
        let today = d(2020, 6, 10);
        assert_eq!(Due::of(d(2020, 6, 15), today), Due::Ahead(5));
        assert_eq!(Due::of(d(2020, 6, 15), today).phrase(), "còn 5 ngày");
        assert_eq!(Due::of(today, today).phrase(), "hôm nay");
        assert_eq!(Due::of(d(2020, 6, 7), today), Due::Overdue(3));
        assert_eq!(Due::of(d(2020, 6, 7), today).phrase(), "đã quá hạn 3 ngày");
        // Across a month and a year's end.
        assert_eq!(Due::of(d(2021, 1, 5), d(2020, 12, 30)), Due::Ahead(6));
        assert_eq!(Due::of(d(2020, 2, 28), d(2020, 3, 1)), Due::Overdue(2));
        // Long past: the days grouped as every number is.
        assert_eq!(
            Due::of(d(2020, 3, 20), d(2026, 11, 30)).phrase(),
            "đã quá hạn 2.446 ngày"
        );
    }

    #[test]
    fn milestones_are_listed_by_date_and_kinds_read_back() {
        let list = [
            Milestone {
                kind: MilestoneKind::YearEndReview,
                date: d(2020, 12, 16),
            },
            Milestone {
                kind: MilestoneKind::Pledge,
                date: d(2020, 3, 20),
            },
        ];
        let sorted = in_date_order(&list);
        assert_eq!(sorted[0].kind, MilestoneKind::Pledge);
        assert_eq!(
            date_of(&list, MilestoneKind::YearEndReview),
            Some(d(2020, 12, 16))
        );
        assert_eq!(date_of(&list, MilestoneKind::Handover), None);
        for k in MilestoneKind::ALL {
            assert_eq!(MilestoneKind::parse(k.as_str()), Some(k));
        }
    }
}
