//! A member's totals at each stage, with every cap applied: a leaf criterion's points are kept
//! between 0 and its standard score (a bonus's or deduction's cap), a group adds its contents,
//! and the total is held to the base when the scheme says totals may not exceed it.
//!
//! A stage without its own score on a criterion takes the earlier stage's (the bloc's appraisal
//! starts from the self-score, the agreed score from the appraisal), so a ranking exists from
//! the first self-score on; a quantitative criterion without a typed score is computed from
//! the member's indicators.

use super::{Criterion, CriterionId, CriterionKind, Formula, Scheme, Score, Stage};
use crate::domain::{Indicator, MemberId};
use std::collections::HashMap;

/// Where a cell's points come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Typed at this stage.
    Entered,
    /// Computed from the member's indicators.
    Computed,
    /// Taken from the earlier stage (nothing typed at this one).
    Earlier,
    /// The average of the other members' cross-scores (the bloc's stage, with cross-scoring).
    Averaged,
    /// No score at all.
    Empty,
}

/// One stage's totals of one member.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageTotals {
    /// The total: standard points plus bonus minus deductions (held to the base when the
    /// scheme does not allow more).
    pub total: f64,
    pub bonus: f64,
    /// Points taken away, as a positive number.
    pub deductions: f64,
    /// Whether any score was typed at this stage.
    pub entered: bool,
}

/// Everything derived from one member's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    pub member: MemberId,
    /// Per stage, in [`Stage::ALL`] order.
    pub stages: [StageTotals; 3],
    /// Per criterion (in `scheme.criteria` order) and stage: the signed points (deductions
    /// negative), a group's being the sum of its contents; and where a leaf's came from.
    pub points: Vec<[f64; 3]>,
    pub sources: Vec<[Source; 3]>,
}

impl Totals {
    pub fn stage(&self, stage: Stage) -> &StageTotals {
        &self.stages[stage.index()]
    }

    /// Whether the member sent a self-score (else it is "không xếp loại").
    pub fn sent_self_score(&self) -> bool {
        self.stage(Stage::SelfScore).entered
    }
}

/// Points for a result against a plan by `formula`, out of `max`; `None` without a usable plan
/// and result.
pub fn indicator_points(
    formula: Formula,
    plan: Option<f64>,
    result: Option<f64>,
    max: f64,
) -> Option<f64> {
    let (plan, result) = (plan?, result?);
    if !(plan.is_finite() && result.is_finite() && plan > 0.0 && result >= 0.0 && max.is_finite()) {
        return None;
    }
    let r = result / plan;
    let points = match formula {
        Formula::Proportional => max * r.min(1.0),
        Formula::Reached => {
            if r >= 1.0 {
                max
            } else {
                0.0
            }
        }
        Formula::Stepped { share, full_at } => {
            let share = share.clamp(0.0, 1.0);
            if r < 1.0 {
                share * max * r
            } else if full_at <= 1.0 {
                max
            } else {
                let over = ((r - 1.0) / (full_at - 1.0)).clamp(0.0, 1.0);
                share * max + (1.0 - share) * max * over
            }
        }
    };
    Some(points.clamp(0.0, max.max(0.0)))
}

/// An award a member received for the year before the one scored (its decision recorded).
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub member: MemberId,
    /// The award's name in that year's catalogue: "Cờ thi đua của UBND tỉnh".
    pub award: String,
}

/// What a year's computed scores come from, beside the scores typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Inputs<'a> {
    pub indicators: &'a [Indicator],
    pub received: &'a [Received],
}

impl<'a> Inputs<'a> {
    pub fn of(data: &'a crate::domain::YearData) -> Inputs<'a> {
        Inputs {
            indicators: &data.indicators,
            received: &data.received,
        }
    }
}

/// The computed points of a criterion for one member: an indicator criterion from its
/// indicators, a bonus tied to an award from the awards it received the year before.
fn computed(c: &Criterion, indicators: &[&Indicator], received: &[&Received]) -> Option<f64> {
    if let CriterionKind::Bonus { per, award } = &c.kind {
        let wanted = award.trim().to_lowercase();
        if wanted.is_empty() {
            return None;
        }
        let n = received
            .iter()
            .filter(|r| r.award.trim().to_lowercase() == wanted)
            .count();
        return (n > 0).then(|| n as f64 * per);
    }
    let CriterionKind::Indicator { indicator, formula } = &c.kind else {
        return None;
    };
    let wanted = indicator.trim().to_lowercase();
    let values: Vec<f64> = indicators
        .iter()
        .filter(|i| wanted.is_empty() || i.name.trim().to_lowercase() == wanted)
        .filter_map(|i| match i.target() {
            // "Dưới 3", "Không để xảy ra": a percentage says nothing; met is full marks.
            Some(t) if t.less_is_better() => i
                .result
                .map(|_| if i.evaluation().is_met() { c.max } else { 0.0 }),
            _ => indicator_points(*formula, i.plan, i.result, c.max),
        })
        .collect();
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// The scores of a year, indexed for the totals and for the tab's cells.
#[derive(Debug, Clone, Default)]
pub struct ScoreIndex {
    map: HashMap<(MemberId, CriterionId, Stage, Option<MemberId>), usize>,
    /// Per member and criterion, the sum and count of the cross-scores other members gave.
    cross: HashMap<(MemberId, CriterionId), (f64, usize)>,
}

impl ScoreIndex {
    pub fn new(scores: &[Score]) -> ScoreIndex {
        let map = scores
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.member, s.criterion, s.stage, s.scorer), i))
            .collect();
        let mut cross: HashMap<(MemberId, CriterionId), (f64, usize)> = HashMap::new();
        for s in scores {
            if s.scorer.is_some_and(|by| by != s.member) && s.value.is_finite() {
                let e = cross.entry((s.member, s.criterion)).or_default();
                e.0 += s.value;
                e.1 += 1;
            }
        }
        ScoreIndex { map, cross }
    }

    /// The score of a member itself (self) or of the bloc as a whole (bloc, final).
    pub fn get<'a>(
        &self,
        scores: &'a [Score],
        member: MemberId,
        criterion: CriterionId,
        stage: Stage,
    ) -> Option<&'a Score> {
        self.get_by(scores, member, criterion, stage, None)
    }

    /// The score given by `scorer` (a cross-score), or as [`ScoreIndex::get`] for `None`.
    pub fn get_by<'a>(
        &self,
        scores: &'a [Score],
        member: MemberId,
        criterion: CriterionId,
        stage: Stage,
        scorer: Option<MemberId>,
    ) -> Option<&'a Score> {
        self.map
            .get(&(member, criterion, stage, scorer))
            .and_then(|&i| scores.get(i))
    }

    /// The average of the cross-scores the other members gave `member` on `criterion`, and how
    /// many gave one.
    pub fn cross_average(&self, member: MemberId, criterion: CriterionId) -> Option<(f64, usize)> {
        self.cross
            .get(&(member, criterion))
            .filter(|(_, n)| *n > 0)
            .map(|&(sum, n)| (sum / n as f64, n))
    }
}

/// The shape of the tree, computed once for all members: each criterion's children and the
/// top level, as indexes into `scheme.criteria`, in reading order.
struct Tree<'a> {
    order: Vec<&'a Criterion>,
    index: HashMap<CriterionId, usize>,
    children: Vec<Vec<usize>>,
    top: Vec<usize>,
}

impl<'a> Tree<'a> {
    fn new(scheme: &'a Scheme) -> Tree<'a> {
        let index: HashMap<CriterionId, usize> = scheme
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let mut children = vec![Vec::new(); scheme.criteria.len()];
        let mut top = Vec::new();
        for (i, c) in scheme.criteria.iter().enumerate() {
            match c.parent.and_then(|p| index.get(&p)) {
                Some(&p) => children[p].push(i),
                None => top.push(i),
            }
        }
        Tree {
            order: scheme.in_order().into_iter().map(|(_, c)| c).collect(),
            index,
            children,
            top,
        }
    }
}

/// The totals of every member in `members` (in that order).
pub fn compute(
    scheme: &Scheme,
    members: &[MemberId],
    scores: &[Score],
    inputs: Inputs<'_>,
) -> Vec<Totals> {
    let index = ScoreIndex::new(scores);
    let tree = Tree::new(scheme);
    let mut by_member: HashMap<MemberId, Vec<&Indicator>> = HashMap::new();
    for ind in inputs.indicators {
        by_member.entry(ind.member).or_default().push(ind);
    }
    let mut received: HashMap<MemberId, Vec<&Received>> = HashMap::new();
    for r in inputs.received {
        received.entry(r.member).or_default().push(r);
    }
    members
        .iter()
        .map(|&m| {
            let own = by_member.get(&m).map_or(&[][..], |v| v.as_slice());
            let got = received.get(&m).map_or(&[][..], |v| v.as_slice());
            member_totals(scheme, &tree, &index, scores, m, own, got)
        })
        .collect()
}

fn member_totals(
    scheme: &Scheme,
    tree: &Tree<'_>,
    index: &ScoreIndex,
    scores: &[Score],
    member: MemberId,
    indicators: &[&Indicator],
    received: &[&Received],
) -> Totals {
    let n = scheme.criteria.len();
    let mut points = vec![[0.0; 3]; n];
    let mut sources = vec![[Source::Empty; 3]; n];
    let mut stages: [StageTotals; 3] = Default::default();
    // Leaves first: their points, with caps.
    for c in &tree.order {
        let Some(&i) = tree.index.get(&c.id) else {
            continue;
        };
        if !tree.children[i].is_empty() {
            continue;
        }
        let cap = if c.max.is_finite() {
            c.max.max(0.0)
        } else {
            0.0
        };
        let sign = if matches!(c.kind, CriterionKind::Deduction { .. }) {
            -1.0
        } else {
            1.0
        };
        let mut previous: Option<f64> = None;
        for stage in Stage::ALL {
            let s = stage.index();
            let typed = index
                .get(scores, member, c.id, stage)
                .map(|sc| sc.value)
                .filter(|v| v.is_finite());
            let averaged = (stage == Stage::Bloc && scheme.cross_scoring)
                .then(|| index.cross_average(member, c.id))
                .flatten()
                .map(|(v, _)| v);
            let (value, source) = match (typed, averaged, previous) {
                (Some(v), _, _) => {
                    stages[s].entered = true;
                    (Some(v), Source::Entered)
                }
                (None, Some(v), _) => {
                    stages[s].entered = true;
                    (Some(v), Source::Averaged)
                }
                (None, None, Some(p)) => (Some(p), Source::Earlier),
                (None, None, None) => match computed(c, indicators, received) {
                    Some(v) => (Some(v), Source::Computed),
                    None => (None, Source::Empty),
                },
            };
            let Some(value) = value else { continue };
            let value = value.clamp(0.0, cap);
            previous = Some(value);
            points[i][s] = sign * value;
            sources[i][s] = source;
            match c.kind {
                CriterionKind::Bonus { .. } => stages[s].bonus += value,
                CriterionKind::Deduction { .. } => stages[s].deductions += value,
                _ => {}
            }
        }
    }
    // Then groups, deepest first (reading order reversed), as the sum of their contents.
    for c in tree.order.iter().rev() {
        let Some(&i) = tree.index.get(&c.id) else {
            continue;
        };
        if tree.children[i].is_empty() {
            continue;
        }
        let mut sum = [0.0; 3];
        for &k in &tree.children[i] {
            for (s, v) in sum.iter_mut().enumerate() {
                *v += points[k][s];
            }
        }
        points[i] = sum;
    }
    for (s, st) in stages.iter_mut().enumerate() {
        let mut total: f64 = tree.top.iter().map(|&i| points[i][s]).sum();
        if !scheme.may_exceed {
            total = total.min(scheme.base_total);
        }
        st.total = total;
    }
    Totals {
        member,
        stages,
        points,
        sources,
    }
}
