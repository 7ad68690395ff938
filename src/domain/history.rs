//! An indicator across years: the stable key that says two years' rows are the same indicator
//! (carried by the copy of last year's list and the handover, or linked by hand when renamed),
//! and the comparison of a year's result with last year's ("so với cùng kỳ").

use super::{Indicator, Year};
use std::collections::HashMap;

impl Indicator {
    /// The indicator's lineage: the id of the first year's row it descends from, or its own id
    /// when it is new. Rows of different years with the same lineage are the same indicator.
    pub fn lineage(&self) -> i64 {
        self.key.unwrap_or(self.id)
    }
}

/// Last year's results of the indicators, by lineage, for the comparison columns of the
/// appendix and the "tăng 12% so với năm 2019" of the composed prose. Empty when the file has no
/// year before (or it has no indicators).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LastYear {
    /// The year before; `None` when the file has none.
    pub year: Option<Year>,
    results: HashMap<i64, Option<f64>>,
}

impl LastYear {
    /// From last year's `(lineage, result)` pairs; the first row of a lineage wins.
    pub fn new(year: Year, rows: impl IntoIterator<Item = (i64, Option<f64>)>) -> Self {
        let mut results = HashMap::new();
        for (lineage, result) in rows {
            results.entry(lineage).or_insert(result);
        }
        LastYear {
            year: Some(year),
            results,
        }
    }

    /// Whether last year has any indicator at all (the appendix shows its columns then).
    pub fn exists(&self) -> bool {
        self.year.is_some() && !self.results.is_empty()
    }

    /// Whether the indicator existed last year.
    pub fn has(&self, ind: &Indicator) -> bool {
        self.results.contains_key(&ind.lineage())
    }

    /// Last year's result of the indicator, if it existed and had one.
    pub fn result(&self, ind: &Indicator) -> Option<f64> {
        self.results.get(&ind.lineage()).copied().flatten()
    }

    /// This year's result as a percentage of last year's ("So sánh (%)"), when both exist.
    pub fn ratio(&self, ind: &Indicator) -> Option<f64> {
        ratio_percent(ind.result, self.result(ind))
    }
}

/// `now` as a percentage of `before` (112 for a rise of 12%): `None` unless both are present,
/// finite and `before` is not 0.
pub fn ratio_percent(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    let (now, before) = (now?, before?);
    if !now.is_finite() || !before.is_finite() || before == 0.0 {
        return None;
    }
    let r = now * 100.0 / before;
    r.is_finite().then_some(r)
}

/// The change from `before` to `now` in percent (12 for a rise, -5 for a fall), on the same
/// terms as [`ratio_percent`].
pub fn change_percent(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    ratio_percent(now, before).map(|r| r - 100.0)
}

/// One year of an indicator's history, as the window shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryYear {
    pub year: Year,
    /// The member that held the indicator that year (a predecessor before a merger).
    pub member: super::MemberId,
    pub name: String,
    pub plan_shown: String,
    pub plan: Option<f64>,
    pub result: Option<f64>,
    pub percent: Option<f64>,
}

impl HistoryYear {
    pub fn of(ind: &Indicator) -> Self {
        HistoryYear {
            year: ind.year,
            member: ind.member,
            name: ind.name.clone(),
            plan_shown: ind.plan_shown(),
            plan: ind.plan,
            result: ind.result,
            percent: ind.percent_of_plan(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rise_and_a_fall_in_percent() {
        assert_eq!(change_percent(Some(112.0), Some(100.0)), Some(12.0));
        let fall = change_percent(Some(95.0), Some(100.0)).unwrap();
        assert!((fall + 5.0).abs() < 1e-9);
        assert_eq!(ratio_percent(Some(50.0), Some(40.0)), Some(125.0));
    }

    #[test]
    fn no_comparison_without_both_results_or_against_zero() {
        assert_eq!(change_percent(Some(10.0), None), None);
        assert_eq!(change_percent(None, Some(10.0)), None);
        assert_eq!(change_percent(Some(10.0), Some(0.0)), None);
        assert_eq!(change_percent(Some(0.0), Some(0.0)), None);
        assert_eq!(change_percent(Some(f64::NAN), Some(1.0)), None);
        assert_eq!(change_percent(Some(1e308), Some(1e-308)), None);
    }

    #[test]
    fn last_year_matches_by_lineage() {
        let ind = |id, key, result| Indicator {
            id,
            key,
            year: 2020,
            member: 1,
            group: String::new(),
            name: "Tin bài".into(),
            unit: "tin".into(),
            plan: None,
            plan_text: String::new(),
            result,
            midyear: None,
            note: String::new(),
            sort: 1,
        };
        let last = LastYear::new(2019, [(7, Some(100.0)), (8, None)]);
        assert!(last.exists());
        let carried = ind(20, Some(7), Some(112.0));
        assert_eq!(last.result(&carried), Some(100.0));
        assert_eq!(last.ratio(&carried), Some(112.0));
        let new = ind(21, None, Some(5.0));
        assert!(!last.has(&new));
        assert_eq!(last.ratio(&new), None);
        let without = ind(22, Some(8), Some(5.0));
        assert!(last.has(&without));
        assert_eq!(last.ratio(&without), None);
        assert!(!LastYear::default().exists());
    }
}
