//! Scoring (chấm điểm): the bloc's score sheet for a year ([`Scheme`]: its criteria tree, its
//! classification bands and tie-break rules) and the scores each member gets per criterion and
//! stage. Every number of a scheme is the bloc's decision, so it is data here, never code; the
//! computations live in `totals` (a member's totals with caps applied) and `ranking` (the
//! ranked table), the adaptable starting point in `template`.

mod ranking;
mod template;
mod totals;

pub use ranking::{RankRow, Ranking, Tie, UNRANKED, UNRANKED_REASON, rank};
pub use template::{TEMPLATE_NOTE, template_scheme};
pub use totals::{
    Inputs, Received, ScoreIndex, Source, StageTotals, Totals, compute, indicator_points,
};

use super::MemberId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A criterion's id within its year's scheme; stable while the scheme is edited and copied.
pub type CriterionId = i64;

/// Criteria in one scheme (a real sheet: a few dozen to a few hundred).
pub const MAX_CRITERIA: usize = 5_000;

/// The year's score sheet ("hướng dẫn chấm điểm, bảng điểm").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// "Bảng điểm thi đua năm 2020"
    pub name: String,
    /// The document that adopted it: "Hướng dẫn số 01/HD-KTN".
    pub basis: String,
    pub basis_date: Option<NaiveDate>,
    /// The base of the standard scores (often 100).
    pub base_total: f64,
    /// Whether a total may exceed the base (bonuses can take a self-score to 124,4/100).
    pub may_exceed: bool,
    /// Still the program's template, not yet adapted by the bloc: said wherever it is shown.
    pub template: bool,
    /// Classification by total, in any order; the highest band reached applies.
    pub bands: Vec<Band>,
    /// How members with the same final total are ordered, in order; then "đồng hạng".
    pub tie_breaks: Vec<TieBreak>,
    /// Chấm chéo: the members score each other, and the bloc's appraisal of a criterion is the
    /// average of the scores the other members gave (the member's own never counts), unless the
    /// appraisal typed its own.
    #[serde(default)]
    pub cross_scoring: bool,
    /// Whether the secretariat signs the ranked table beside the Trưởng khối.
    #[serde(default)]
    pub secretariat_signs: bool,
    /// The criteria tree, flattened: each criterion names its parent; siblings by `sort`.
    pub criteria: Vec<Criterion>,
}

/// A classification by total: a member with at least `min_total` gets `name`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub name: String,
    pub min_total: f64,
}

/// One rule that orders members with equal final totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieBreak {
    /// The higher final score in this group of criteria.
    GroupScore(CriterionId),
    /// The fewer deduction points.
    FewerDeductions,
    /// The more bonus points.
    MoreBonus,
}

/// One criterion of the sheet (tiêu chuẩn → tiêu chí → nội dung).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: CriterionId,
    pub parent: Option<CriterionId>,
    /// "I", "1.2", "a1"
    pub code: String,
    pub title: String,
    /// The standard score (điểm chuẩn); for a bonus or a deduction, its cap.
    pub max: f64,
    pub kind: CriterionKind,
    /// Who checks it ("Văn phòng Khối").
    pub checker: String,
    /// What evidence is expected ("Báo cáo năm, quyết định khen thưởng").
    pub evidence: String,
    /// Order among its siblings.
    pub sort: i64,
}

/// How a criterion is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum CriterionKind {
    /// Points typed in, from 0 to the standard score.
    Entered,
    /// Computed from the member's indicators (overridable): the one named `indicator` (case
    /// ignored), or the average over all its indicators with a plan when the name is empty.
    Indicator { indicator: String, formula: Formula },
    /// Points added per occurrence, the total capped at the criterion's `max`. With `award`
    /// named, the occurrences are counted from the awards the member received for the year
    /// before (a decision recorded in the file), overridable like a computed score.
    Bonus {
        per: f64,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        award: String,
    },
    /// Points taken away per occurrence, the total capped at the criterion's `max`.
    Deduction { per: f64 },
}

impl CriterionKind {
    pub fn label(&self) -> &'static str {
        match self {
            CriterionKind::Entered => "Chấm trực tiếp",
            CriterionKind::Indicator { .. } => "Theo chỉ tiêu",
            CriterionKind::Bonus { .. } => "Điểm thưởng",
            CriterionKind::Deduction { .. } => "Điểm trừ",
        }
    }

    /// Points per occurrence of a bonus or deduction.
    pub fn per(&self) -> Option<f64> {
        match self {
            CriterionKind::Bonus { per, .. } | CriterionKind::Deduction { per } => Some(*per),
            _ => None,
        }
    }
}

/// How a quantitative criterion turns result/plan into points (each bloc writes its own rule).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Formula {
    /// max × result/plan, at most max.
    Proportional,
    /// max when the plan is reached, else 0.
    Reached,
    /// Below plan: share × max × result/plan; at plan: share × max; above plan, rising in a
    /// straight line to max at `full_at` × plan (a police cluster's rule, share 0,5).
    Stepped { share: f64, full_at: f64 },
}

impl Formula {
    pub fn label(&self) -> &'static str {
        match self {
            Formula::Proportional => "Tỷ lệ theo % kế hoạch",
            Formula::Reached => "Đạt kế hoạch thì đủ điểm",
            Formula::Stepped { .. } => "Theo bậc (dưới / bằng / vượt kế hoạch)",
        }
    }
}

/// The three stages of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Tự chấm: the member's own score.
    SelfScore,
    /// Khối chấm / thẩm định: the bloc's appraisal.
    Bloc,
    /// Thống nhất: the agreed, final score.
    Final,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::SelfScore, Stage::Bloc, Stage::Final];

    pub fn label(self) -> &'static str {
        match self {
            Stage::SelfScore => "Tự chấm",
            Stage::Bloc => "Khối chấm",
            Stage::Final => "Thống nhất",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SelfScore => "self",
            Stage::Bloc => "bloc",
            Stage::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One member's score on one criterion at one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub member: MemberId,
    pub criterion: CriterionId,
    pub stage: Stage,
    /// Points (for a deduction, the points taken away, as a positive number).
    pub value: f64,
    pub note: String,
    /// Where the evidence is ("Công văn 12/STC, tr. 3").
    pub evidence: String,
    /// With cross-scoring, the member that gave this score of the bloc's stage; `None` for the
    /// score of the member itself (self) or of the bloc as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scorer: Option<MemberId>,
}

impl ScoreChange {
    /// Putting `score` in its cell.
    pub fn set(score: Score) -> ScoreChange {
        ScoreChange {
            member: score.member,
            criterion: score.criterion,
            stage: score.stage,
            scorer: score.scorer,
            score: Some(score),
        }
    }
}

/// Changing one cell: the score to put in it, or `None` to empty it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChange {
    pub member: MemberId,
    pub criterion: CriterionId,
    pub stage: Stage,
    /// The scoring member, for a cross-score (see [`Score::scorer`]).
    pub scorer: Option<MemberId>,
    pub score: Option<Score>,
}

impl Score {
    /// A score with no note, no evidence and no scorer.
    pub fn new(member: MemberId, criterion: CriterionId, stage: Stage, value: f64) -> Score {
        Score {
            member,
            criterion,
            stage,
            value,
            note: String::new(),
            evidence: String::new(),
            scorer: None,
        }
    }

    /// Why this score cannot be kept: a cross-score belongs to the bloc's stage and is given
    /// by another member.
    pub fn check_scorer(
        member: MemberId,
        stage: Stage,
        scorer: Option<MemberId>,
    ) -> Result<(), String> {
        match scorer {
            Some(_) if stage != Stage::Bloc => {
                Err("Điểm chấm chéo chỉ có ở giai đoạn khối chấm.".to_owned())
            }
            Some(s) if s == member => Err(
                "Đơn vị không chấm chéo cho chính mình: điểm tự chấm ở giai đoạn tự chấm."
                    .to_owned(),
            ),
            _ => Ok(()),
        }
    }
}

impl Scheme {
    /// The name a document sent out prints: the template's note to the secretariat ("mẫu, cần
    /// điều chỉnh …") is for the window, not for the province's officials.
    pub fn document_name(&self) -> &str {
        let name = self.name.trim();
        name.strip_suffix(TEMPLATE_NOTE).unwrap_or(name).trim()
    }

    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The children of `parent` (the top level for `None`), in order.
    pub fn children(&self, parent: Option<CriterionId>) -> Vec<&Criterion> {
        let mut list: Vec<&Criterion> = self
            .criteria
            .iter()
            .filter(|c| c.parent == parent)
            .collect();
        list.sort_by_key(|c| (c.sort, c.id));
        list
    }

    pub fn has_children(&self, id: CriterionId) -> bool {
        self.criteria.iter().any(|c| c.parent == Some(id))
    }

    /// The criteria in reading order (each group before its contents), with their depth.
    pub fn in_order(&self) -> Vec<(usize, &Criterion)> {
        let mut out = Vec::with_capacity(self.criteria.len());
        let mut stack: Vec<(usize, &Criterion)> = self
            .children(None)
            .into_iter()
            .rev()
            .map(|c| (0, c))
            .collect();
        while let Some((depth, c)) = stack.pop() {
            out.push((depth, c));
            // A cycle in a damaged file cannot loop for ever: `check` refuses it, and this
            // stops at the number of criteria.
            if out.len() > self.criteria.len() {
                break;
            }
            stack.extend(
                self.children(Some(c.id))
                    .into_iter()
                    .rev()
                    .map(|k| (depth + 1, k)),
            );
        }
        out
    }

    /// The id a new criterion gets.
    pub fn next_id(&self) -> CriterionId {
        self.criteria.iter().map(|c| c.id).max().unwrap_or(0) + 1
    }

    /// The classification of `total`: the highest band reached.
    pub fn classify(&self, total: f64) -> Option<&str> {
        self.bands
            .iter()
            .filter(|b| b.min_total.is_finite() && total + 1e-9 >= b.min_total)
            .max_by(|a, b| a.min_total.total_cmp(&b.min_total))
            .map(|b| b.name.as_str())
    }

    /// Refuses a scheme the program cannot score with, saying what to fix.
    pub fn check(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("Tên bảng điểm không được để trống.".to_owned());
        }
        if !(self.base_total.is_finite() && self.base_total > 0.0) {
            return Err("Tổng điểm chuẩn phải là một số lớn hơn 0.".to_owned());
        }
        if self.criteria.len() > MAX_CRITERIA {
            return Err(format!(
                "Bảng điểm có quá nhiều tiêu chí ({}; tối đa {MAX_CRITERIA}).",
                self.criteria.len()
            ));
        }
        let mut ids = std::collections::HashSet::new();
        for c in &self.criteria {
            if c.id <= 0 || !ids.insert(c.id) {
                return Err(format!(
                    "Mã nội bộ của tiêu chí “{}” bị trùng hoặc không hợp lệ.",
                    c.title
                ));
            }
            if c.title.trim().is_empty() {
                return Err("Tên tiêu chí không được để trống.".to_owned());
            }
            if !(c.max.is_finite() && c.max >= 0.0) {
                return Err(format!(
                    "Điểm chuẩn của tiêu chí “{}” phải là một số không âm.",
                    c.title
                ));
            }
            if let Some(per) = c.kind.per()
                && !(per.is_finite() && per >= 0.0)
            {
                return Err(format!(
                    "Điểm mỗi lần của tiêu chí “{}” phải là một số không âm.",
                    c.title
                ));
            }
            if let CriterionKind::Indicator {
                formula: Formula::Stepped { share, full_at },
                ..
            } = c.kind
                && !((0.0..=1.0).contains(&share) && full_at.is_finite() && full_at >= 1.0)
            {
                return Err(format!(
                    "Công thức của tiêu chí “{}”: tỷ lệ khi đạt kế hoạch phải từ 0 đến 1 và mức đủ điểm phải từ 100% kế hoạch trở lên.",
                    c.title
                ));
            }
        }
        for c in &self.criteria {
            // Walking up from each criterion must reach the top within as many steps as there
            // are criteria: a missing parent or a cycle is refused.
            let mut at = c.parent;
            let mut steps = 0;
            while let Some(p) = at {
                let Some(parent) = self.criterion(p) else {
                    return Err(format!(
                        "Tiêu chí “{}” thuộc một nhóm không còn trong bảng điểm.",
                        c.title
                    ));
                };
                steps += 1;
                if steps > self.criteria.len() {
                    return Err(format!(
                        "Tiêu chí “{}” nằm trong chính nó (vòng lặp nhóm).",
                        c.title
                    ));
                }
                at = parent.parent;
            }
        }
        for b in &self.bands {
            if b.name.trim().is_empty() || !b.min_total.is_finite() {
                return Err("Mỗi mức xếp loại cần tên và số điểm tối thiểu.".to_owned());
            }
        }
        for t in &self.tie_breaks {
            if let TieBreak::GroupScore(id) = t
                && self.criterion(*id).is_none()
            {
                return Err(
                    "Tiêu chí phụ để xếp hạng khi bằng điểm không còn trong bảng điểm.".to_owned(),
                );
            }
        }
        Ok(())
    }
}

impl TieBreak {
    /// The rule in words: "điểm nhóm I cao hơn", "ít điểm trừ hơn".
    pub fn describe(&self, scheme: &Scheme) -> String {
        match self {
            TieBreak::GroupScore(id) => match scheme.criterion(*id) {
                Some(c) if !c.code.trim().is_empty() => {
                    format!("điểm mục {} cao hơn", c.code.trim())
                }
                Some(c) => format!("điểm “{}” cao hơn", c.title),
                None => "điểm nhóm cao hơn".to_owned(),
            },
            TieBreak::FewerDeductions => "ít điểm trừ hơn".to_owned(),
            TieBreak::MoreBonus => "nhiều điểm thưởng hơn".to_owned(),
        }
    }
}

/// Refuses a score `value` for `criterion`, with the reason: a negative value, or more than the
/// standard score (for a bonus or deduction, more than its cap).
pub fn check_score(criterion: &Criterion, value: f64) -> Result<(), String> {
    if !value.is_finite() || value < 0.0 {
        return Err("Điểm phải là một số không âm (điểm trừ cũng ghi số dương).".to_owned());
    }
    if value > criterion.max + 1e-9 {
        let max = crate::text::number::format_number(criterion.max);
        return Err(match criterion.kind {
            CriterionKind::Bonus { .. } => format!(
                "Tổng điểm thưởng mục {} không quá {max} điểm.",
                criterion_label(criterion)
            ),
            CriterionKind::Deduction { .. } => format!(
                "Tổng điểm trừ mục {} không quá {max} điểm.",
                criterion_label(criterion)
            ),
            _ => format!(
                "Điểm vượt điểm chuẩn: mục {} tối đa {max} điểm.",
                criterion_label(criterion)
            ),
        });
    }
    Ok(())
}

fn criterion_label(c: &Criterion) -> String {
    if c.code.trim().is_empty() {
        format!("“{}”", c.title)
    } else {
        c.code.trim().to_owned()
    }
}

/// A score as printed and shown: at most two decimals, the Vietnamese way ("124,4").
pub fn format_score(v: f64) -> String {
    crate::text::number::format_number(round2(v))
}

/// Rounded to hundredths, the precision every sheet uses.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The scoring of one year: its scheme and every score given.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearScoring {
    pub scheme: Option<Scheme>,
    pub scores: Vec<Score>,
}

#[cfg(test)]
mod tests;
