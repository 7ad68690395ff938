//! What the window's charts show, computed once from the year's data: each member's share of
//! planned indicators met or exceeded, and the ranked members' final totals with their band.
//! Pure values, so that the charts' arithmetic is tested without drawing.

use super::scoring::{Ranking, Scheme};
use super::target::Evaluation;
use super::{Indicator, MemberId};

/// One member's indicators against their plans for the year.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanShare {
    pub member: MemberId,
    /// Met or exceeded.
    pub met: usize,
    /// With a plan and a result to judge by (evaluation not `Unknown`).
    pub evaluated: usize,
}

impl PlanShare {
    /// The share met, in percent; `None` when nothing could be judged.
    pub fn percent(&self) -> Option<f64> {
        (self.evaluated > 0).then(|| self.met as f64 * 100.0 / self.evaluated as f64)
    }
}

/// The share of each member's judged indicators met or exceeded, in the order of `members`;
/// a member with no judged indicator is left out (no bar rather than a bar of 0%).
pub fn plan_shares(members: &[MemberId], indicators: &[Indicator]) -> Vec<PlanShare> {
    let mut shares: Vec<PlanShare> = members
        .iter()
        .map(|&member| PlanShare {
            member,
            met: 0,
            evaluated: 0,
        })
        .collect();
    let position: std::collections::HashMap<MemberId, usize> =
        members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
    for ind in indicators {
        let Some(&k) = position.get(&ind.member) else {
            continue;
        };
        let evaluation = ind.evaluation();
        if evaluation == Evaluation::Unknown {
            continue;
        }
        shares[k].evaluated += 1;
        if evaluation.is_met() {
            shares[k].met += 1;
        }
    }
    shares.retain(|s| s.evaluated > 0);
    shares
}

/// One year of a member's indicators against their plans.
#[derive(Debug, Clone, PartialEq)]
pub struct YearShare {
    pub year: super::Year,
    pub met: usize,
    pub evaluated: usize,
}

impl YearShare {
    /// The share met, in percent; `None` when nothing could be judged.
    pub fn percent(&self) -> Option<f64> {
        (self.evaluated > 0).then(|| self.met as f64 * 100.0 / self.evaluated as f64)
    }
}

/// A member's share of judged indicators met or exceeded in each year of `indicators` (its own
/// and its merged predecessors', of every year), oldest first; a year with nothing judged is left
/// out.
pub fn plan_shares_by_year(indicators: &[Indicator]) -> Vec<YearShare> {
    let mut years: std::collections::BTreeMap<super::Year, YearShare> = Default::default();
    for ind in indicators {
        let evaluation = ind.evaluation();
        if evaluation == Evaluation::Unknown {
            continue;
        }
        let share = years.entry(ind.year).or_insert(YearShare {
            year: ind.year,
            met: 0,
            evaluated: 0,
        });
        share.evaluated += 1;
        if evaluation.is_met() {
            share.met += 1;
        }
    }
    years.into_values().collect()
}

/// One ranked member's bar: its final total, rank and classification.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreBar {
    pub member: MemberId,
    pub rank: usize,
    pub total: f64,
    pub classification: String,
    /// The band's place from the highest (0) down, to colour the bar; `None` without a band.
    pub band: Option<usize>,
}

/// The ranked members in rank order (the unranked left out); empty when nobody is ranked.
pub fn score_bars(scheme: &Scheme, ranking: &Ranking) -> Vec<ScoreBar> {
    let mut bands: Vec<(f64, &str)> = scheme
        .bands
        .iter()
        .map(|b| (b.min_total, b.name.as_str()))
        .collect();
    bands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut bars: Vec<ScoreBar> = ranking
        .rows
        .iter()
        .filter_map(|r| {
            Some(ScoreBar {
                member: r.member,
                rank: r.rank?,
                total: r.final_total,
                classification: r.classification.clone(),
                band: bands
                    .iter()
                    .position(|&(_, name)| !name.is_empty() && name == r.classification),
            })
        })
        .collect();
    bars.sort_by_key(|b| b.rank);
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::{Band, RankRow, template_scheme};

    fn indicator(member: MemberId, plan: Option<f64>, result: Option<f64>) -> Indicator {
        Indicator {
            id: 0,
            year: 2020,
            member,
            group: String::new(),
            name: "Chỉ tiêu".to_owned(),
            unit: String::new(),
            plan,
            plan_text: String::new(),
            midyear: None,
            result,
            note: String::new(),
            sort: 0,
            key: None,
        }
    }

    #[test]
    fn shares_count_met_and_exceeded_over_the_judged_only() {
        let inds = vec![
            indicator(1, Some(10.0), Some(12.0)), // exceeded
            indicator(1, Some(10.0), Some(10.0)), // met
            indicator(1, Some(10.0), Some(5.0)),  // not met
            indicator(1, Some(10.0), None),       // no result: not judged
            indicator(1, None, Some(3.0)),        // no plan: not judged
            indicator(2, Some(4.0), Some(1.0)),
            indicator(9, Some(4.0), Some(9.0)), // not a member of the year
        ];
        let shares = plan_shares(&[2, 1], &inds);
        assert_eq!(
            shares,
            vec![
                PlanShare {
                    member: 2,
                    met: 0,
                    evaluated: 1
                },
                PlanShare {
                    member: 1,
                    met: 2,
                    evaluated: 3
                },
            ]
        );
        assert_eq!(shares[0].percent(), Some(0.0));
        let p = shares[1].percent().unwrap_or_default();
        assert!((p - 200.0 / 3.0).abs() < 1e-9, "{p}");
    }

    #[test]
    fn a_members_years_are_counted_apart_and_oldest_first() {
        let mut inds = vec![
            indicator(1, Some(10.0), Some(12.0)),
            indicator(1, Some(10.0), Some(5.0)),
            indicator(3, Some(4.0), Some(4.0)), // a predecessor, merged since
            indicator(1, Some(10.0), None),     // not judged: its year is left out
        ];
        inds[0].year = 2021;
        inds[1].year = 2021;
        inds[2].year = 2019;
        inds[3].year = 2020;
        let years = plan_shares_by_year(&inds);
        let got: Vec<_> = years
            .iter()
            .map(|y| (y.year, y.met, y.evaluated, y.percent()))
            .collect();
        assert_eq!(
            got,
            vec![(2019, 1, 1, Some(100.0)), (2021, 1, 2, Some(50.0))]
        );
        assert!(plan_shares_by_year(&[]).is_empty());
    }

    #[test]
    fn no_plans_give_no_bars_and_no_division_by_zero() {
        let inds = vec![indicator(1, None, Some(3.0)), indicator(2, Some(5.0), None)];
        assert!(plan_shares(&[1, 2], &inds).is_empty());
        assert!(plan_shares(&[], &inds).is_empty());
        let nothing = PlanShare {
            member: 1,
            met: 0,
            evaluated: 0,
        };
        assert_eq!(nothing.percent(), None);
    }

    fn row(member: MemberId, rank: Option<usize>, total: f64, classification: &str) -> RankRow {
        RankRow {
            classification: classification.to_owned(),
            ..RankRow::plain(member, rank, total)
        }
    }

    #[test]
    fn score_bars_follow_the_ranks_and_name_the_band_from_the_top() {
        let mut scheme = template_scheme(2020);
        scheme.bands = vec![
            Band {
                name: "Hoàn thành nhiệm vụ".to_owned(),
                min_total: 50.0,
            },
            Band {
                name: "Xuất sắc".to_owned(),
                min_total: 90.0,
            },
        ];
        let ranking = Ranking {
            rows: vec![
                row(3, Some(2), 60.0, "Hoàn thành nhiệm vụ"),
                row(1, Some(1), 95.5, "Xuất sắc"),
                row(2, None, 0.0, "Không xếp loại"),
                row(4, Some(3), 10.0, ""),
            ],
        };
        let bars = score_bars(&scheme, &ranking);
        let got: Vec<(MemberId, usize, Option<usize>)> =
            bars.iter().map(|b| (b.member, b.rank, b.band)).collect();
        assert_eq!(got, vec![(1, 1, Some(0)), (3, 2, Some(1)), (4, 3, None)]);
        assert!(score_bars(&scheme, &Ranking::default()).is_empty());
    }
}
