//! The Chỉ tiêu table's "Tổng cộng" lines: the results of the rows shown, added up per unit of
//! measure where adding makes sense.
//!
//! The rule, from how offices write their indicators (the sample's rows):
//! - Only counts and amounts add up ("tin bài", "lượt", "dự án", "ha", "triệu đồng"). A unit
//!   that is a share, a rate, a score, a rank or a duration never does ("%", "tỷ lệ",
//!   "điểm", "hạng", "người/năm", "ngày"), and neither does a row whose plan is a target
//!   written as text ("Trên 4", "Không để xảy ra") or a row without a result.
//! - Units are matched without regard to case or surrounding spaces; each unit is its own line.
//! - "Trong đó": offices list a total and then its parts ("1.128 tin bài, trong đó 95 …, 336
//!   …, 682 …, 15 …"). A row whose result equals the sum of the rows right below it, of the
//!   same member, group and unit, is their total: the parts are not counted a second time.
//! - A unit with a single row counted gets no line (its total is the row itself).

use super::{Indicator, Period};

/// One "Tổng cộng" line: the unit as first written, the sum, and how many rows it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitTotal {
    pub unit: String,
    pub total: f64,
    pub rows: usize,
}

/// Whether results in `unit` can be added up across indicators.
pub fn is_additive_unit(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    if u.is_empty() || u.contains('%') || u.contains('/') {
        return false;
    }
    const NOT_ADDITIVE: &[&str] = &[
        "phần trăm",
        "tỷ lệ",
        "tỉ lệ",
        "điểm",
        "hạng",
        "thứ hạng",
        "chỉ số",
        "hệ số",
        "bình quân",
        "trung bình",
        "mức",
        "xếp loại",
    ];
    const DURATIONS: &[&str] = &["ngày", "giờ", "phút", "tháng", "năm", "tuần"];
    !NOT_ADDITIVE.iter().any(|w| u.contains(w)) && !DURATIONS.contains(&u.as_str())
}

/// The totals of `rows` (in the order shown) for `period`, one per additive unit with at least
/// two rows counted, in the order the units first appear.
pub fn unit_totals(rows: &[&Indicator], period: Period) -> Vec<UnitTotal> {
    let counted: Vec<(&Indicator, f64)> = rows
        .iter()
        .filter(|i| i.plan_text.trim().is_empty() && is_additive_unit(&i.unit))
        .filter_map(|i| i.result_in(period).map(|v| (*i, v)))
        .collect();
    let mut totals: Vec<(String, UnitTotal)> = Vec::new();
    let mut i = 0;
    while i < counted.len() {
        let (ind, value) = counted[i];
        let key = ind.unit.trim().to_lowercase();
        let parts = parts_below(&counted, i);
        match totals.iter_mut().find(|(k, _)| *k == key) {
            Some((_, t)) => {
                t.total += value;
                t.rows += 1 + parts;
            }
            None => totals.push((
                key,
                UnitTotal {
                    unit: ind.unit.trim().to_owned(),
                    total: value,
                    rows: 1 + parts,
                },
            )),
        }
        i += 1 + parts;
    }
    totals
        .into_iter()
        .map(|(_, mut t)| {
            // 3.611,73 + 239,14 is 3.850,87, not 3.850,8700000000003.
            t.total = (t.total * 1e6).round() / 1e6;
            t
        })
        .filter(|t| t.rows >= 2)
        .collect()
}

/// How many rows right below `at` are its parts: the shortest run of two or more rows of the
/// same member, group and unit whose results add up to its result; 0 when there is none.
fn parts_below(counted: &[(&Indicator, f64)], at: usize) -> usize {
    let (head, value) = counted[at];
    let same = |i: &Indicator| {
        i.member == head.member
            && i.group == head.group
            && i.unit.trim().to_lowercase() == head.unit.trim().to_lowercase()
    };
    let mut sum = 0.0;
    for (n, (ind, v)) in counted[at + 1..].iter().enumerate() {
        if !same(ind) {
            break;
        }
        sum += v;
        if n >= 1 && (sum - value).abs() <= 1e-9 * value.abs().max(1.0) {
            return n + 1;
        }
        if sum > value + 1e-9 * value.abs().max(1.0) && *v >= 0.0 {
            break;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(member: i64, group: &str, unit: &str, result: f64) -> Indicator {
        Indicator {
            id: 0,
            year: 2020,
            member,
            group: group.to_owned(),
            name: String::new(),
            unit: unit.to_owned(),
            plan: None,
            plan_text: String::new(),
            result: Some(result),
            midyear: None,
            note: String::new(),
            sort: 0,
            key: None,
        }
    }

    fn totals(rows: &[Indicator]) -> Vec<(String, f64, usize)> {
        let refs: Vec<&Indicator> = rows.iter().collect();
        unit_totals(&refs, Period::Year)
            .into_iter()
            .map(|t| (t.unit, t.total, t.rows))
            .collect()
    }

    #[test]
    fn counts_add_up_per_unit_and_a_total_with_its_parts_counts_once() {
        // The sample's news items: 1.128 in all, of which 95 + 336 + 682 + 15.
        let g = "Công tác truyền thông";
        let rows = [
            ind(1, g, "tin bài", 1128.0),
            ind(1, g, "tin bài", 95.0),
            ind(1, g, "tin bài", 336.0),
            ind(1, g, "tin bài", 682.0),
            ind(1, g, "tin bài", 15.0),
            ind(1, "Truyền thanh", "lượt", 330.0),
            ind(2, "Khác", "Lượt ", 20.0),
        ];
        assert_eq!(
            totals(&rows),
            [
                ("tin bài".to_owned(), 1128.0, 5),
                ("lượt".to_owned(), 350.0, 2)
            ]
        );
    }

    #[test]
    fn a_total_of_some_rows_below_leaves_the_rest_counted() {
        // The sample's forest: 5.711,7 ha planted = 1.463 + 4.248,7; then 1.738 ha tended.
        let g = "Trồng rừng";
        let rows = [
            ind(4, g, "ha", 5711.7),
            ind(4, g, "ha", 1463.0),
            ind(4, g, "ha", 4248.7),
            ind(4, g, "ha", 1738.0),
        ];
        let t = totals(&rows);
        assert_eq!(t.len(), 1);
        assert!((t[0].1 - 7449.7).abs() < 1e-6, "{t:?}");
        assert_eq!(t[0].2, 4);
    }

    #[test]
    fn rates_scores_text_targets_empty_results_and_lone_rows_get_no_line() {
        let g = "";
        let mut text_target = ind(1, g, "vụ", 0.0);
        text_target.plan_text = "Không để xảy ra".to_owned();
        let mut no_result = ind(1, g, "vụ", 0.0);
        no_result.result = None;
        let rows = [
            ind(1, g, "%", 98.0),
            ind(2, g, "%", 97.0),
            ind(1, g, "điểm", 95.0),
            ind(2, g, "điểm", 90.0),
            ind(1, g, "người/năm", 3.0),
            ind(2, g, "người/năm", 3.0),
            ind(1, g, "ngày", 3.0),
            ind(2, g, "ngày", 5.0),
            ind(1, g, "", 3.0),
            ind(2, g, "", 5.0),
            text_target,
            no_result,
            ind(1, g, "vụ", 2.0),
            ind(1, g, "triệu đồng", 150.5),
        ];
        assert_eq!(totals(&rows), []);
        assert!(is_additive_unit("triệu đồng"));
        assert!(is_additive_unit("lượt người"));
        assert!(!is_additive_unit("Tỷ lệ"));
    }

    #[test]
    fn equal_rows_of_other_members_are_not_taken_for_parts() {
        let rows = [
            ind(1, "A", "dự án", 8.0),
            ind(2, "A", "dự án", 4.0),
            ind(2, "A", "dự án", 4.0),
        ];
        assert_eq!(totals(&rows), [("dự án".to_owned(), 16.0, 3)]);
    }

    #[test]
    fn sums_carry_no_floating_point_residue() {
        let rows = [
            ind(1, "A", "ha", 3611.73),
            ind(2, "B", "ha", 239.14),
            ind(3, "C", "ha", 0.1),
            ind(3, "D", "ha", 0.2),
        ];
        assert_eq!(totals(&rows), [("ha".to_owned(), 3851.17, 4)]);
    }
}
