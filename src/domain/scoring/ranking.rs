//! The ranked table: by final total; equal totals ordered by the scheme's tie-break rules in
//! order, and members still equal after every rule share a rank ("đồng hạng"); members that sent
//! no self-score are "không xếp loại", listed last with the reason.

use super::totals::Totals;
use super::{Scheme, Stage, TieBreak, round2};
use crate::domain::MemberId;

/// How a member's place among equal totals was settled.
#[derive(Debug, Clone, PartialEq)]
pub enum Tie {
    /// No other member has the same final total.
    None,
    /// Shares the rank with these members (equal after every rule).
    Shared(Vec<MemberId>),
    /// Placed against `other` (same total) by the rule at `rule` in the scheme's list.
    Broken {
        other: MemberId,
        above: bool,
        rule: usize,
    },
}

/// One line of the ranked table.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    pub member: MemberId,
    /// 1-based; `None` for a member that is not ranked.
    pub rank: Option<usize>,
    pub self_total: f64,
    /// The appraisal's total, when the bloc scored at all.
    pub bloc_total: Option<f64>,
    pub final_total: f64,
    pub bonus: f64,
    pub deductions: f64,
    /// The band reached, "Không xếp loại" for an unranked member, empty with no band.
    pub classification: String,
    pub tie: Tie,
}

/// The ranked table of a year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ranking {
    pub rows: Vec<RankRow>,
}

/// Why a member is not ranked.
pub const UNRANKED_REASON: &str = "Không gửi bảng tự chấm điểm";
pub const UNRANKED: &str = "Không xếp loại";

fn cents(v: f64) -> i64 {
    (round2(v) * 100.0).round() as i64
}

/// The keys the tie-break rules compare, larger first.
fn keys(scheme: &Scheme, t: &Totals) -> Vec<i64> {
    let final_stage = t.stage(Stage::Final);
    scheme
        .tie_breaks
        .iter()
        .map(|rule| match rule {
            TieBreak::GroupScore(id) => scheme
                .criteria
                .iter()
                .position(|c| c.id == *id)
                .and_then(|i| t.points.get(i))
                .map_or(0, |p| cents(p[2])),
            TieBreak::FewerDeductions => -cents(final_stage.deductions),
            TieBreak::MoreBonus => cents(final_stage.bonus),
        })
        .collect()
}

/// Ranks `totals` (given in the bloc's order, which also orders members sharing a rank).
pub fn rank(scheme: &Scheme, totals: &[Totals]) -> Ranking {
    let mut ranked: Vec<(usize, i64, Vec<i64>)> = totals
        .iter()
        .enumerate()
        .filter(|(_, t)| t.sent_self_score())
        .map(|(i, t)| (i, cents(t.stage(Stage::Final).total), keys(scheme, t)))
        .collect();
    ranked.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| b.2.cmp(&a.2))
            .then(a.0.cmp(&b.0))
    });
    let mut rows = Vec::with_capacity(totals.len());
    for (pos, (i, total, key)) in ranked.iter().enumerate() {
        let t = &totals[*i];
        // Competition ranking: members equal on total and every rule share the first place
        // of their run (1, 1, 3).
        let first_equal = ranked[..pos]
            .iter()
            .rposition(|(_, tot, k)| !(tot == total && k == key))
            .map_or(0, |p| p + 1);
        let same_total: Vec<&(usize, i64, Vec<i64>)> = ranked
            .iter()
            .filter(|(j, tot, _)| tot == total && j != i)
            .collect();
        let shared: Vec<MemberId> = same_total
            .iter()
            .filter(|(_, _, k)| k == key)
            .map(|(j, _, _)| totals[*j].member)
            .collect();
        let tie = if same_total.is_empty() {
            Tie::None
        } else if !shared.is_empty() {
            Tie::Shared(shared)
        } else {
            // The neighbour with the same total: the one above, else the one below.
            let above = pos
                .checked_sub(1)
                .map(|p| &ranked[p])
                .filter(|r| r.1 == *total);
            let below = ranked.get(pos + 1).filter(|r| r.1 == *total);
            match above.map(|r| (r, false)).or(below.map(|r| (r, true))) {
                Some(((j, _, k), is_above)) => Tie::Broken {
                    other: totals[*j].member,
                    above: is_above,
                    rule: first_difference(key, k),
                },
                None => Tie::None,
            }
        };
        rows.push(row(scheme, t, Some(first_equal + 1), tie));
    }
    for t in totals.iter().filter(|t| !t.sent_self_score()) {
        rows.push(row(scheme, t, None, Tie::None));
    }
    Ranking { rows }
}

fn first_difference(a: &[i64], b: &[i64]) -> usize {
    a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(0)
}

fn row(scheme: &Scheme, t: &Totals, rank: Option<usize>, tie: Tie) -> RankRow {
    let fin = t.stage(Stage::Final);
    let bloc = t.stage(Stage::Bloc);
    let classification = match rank {
        None => UNRANKED.to_owned(),
        Some(_) => scheme.classify(fin.total).unwrap_or_default().to_owned(),
    };
    RankRow {
        member: t.member,
        rank,
        self_total: t.stage(Stage::SelfScore).total,
        bloc_total: bloc.entered.then_some(bloc.total),
        final_total: fin.total,
        bonus: fin.bonus,
        deductions: fin.deductions,
        classification,
        tie,
    }
}

#[cfg(test)]
impl RankRow {
    /// A row with `total` at every stage, no band and no tie, for tests.
    pub(crate) fn plain(member: MemberId, rank: Option<usize>, total: f64) -> RankRow {
        RankRow {
            member,
            rank,
            self_total: total,
            bloc_total: None,
            final_total: total,
            bonus: 0.0,
            deductions: 0.0,
            classification: String::new(),
            tie: Tie::None,
        }
    }
}

impl RankRow {
    /// The tie explained, with members named by `name`: "Đồng hạng với Sở A",
    /// "Bằng điểm Sở B, xếp trên vì ít điểm trừ hơn"; the reason for an unranked member.
    pub fn explain(&self, scheme: &Scheme, name: impl Fn(MemberId) -> String) -> String {
        if self.rank.is_none() {
            return UNRANKED_REASON.to_owned();
        }
        match &self.tie {
            Tie::None => String::new(),
            Tie::Shared(others) => {
                let names: Vec<String> = others.iter().map(|m| name(*m)).collect();
                format!("Đồng hạng với {}", crate::text::join_with_and(&names))
            }
            Tie::Broken { other, above, rule } => {
                let why = scheme
                    .tie_breaks
                    .get(*rule)
                    .map_or(String::new(), |r| r.describe(scheme));
                let other = name(*other);
                if *above {
                    format!("Bằng điểm với {other}; xếp trên vì {why}")
                } else {
                    format!("Bằng điểm với {other}; xếp dưới vì {other} {why}")
                }
            }
        }
    }
}

impl Ranking {
    /// The leading member (rank 1), if any is ranked.
    pub fn leader(&self) -> Option<MemberId> {
        self.rows
            .first()
            .filter(|r| r.rank == Some(1))
            .map(|r| r.member)
    }
}
