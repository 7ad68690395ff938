//! The outcome of the vote for one award: each nominee's share against the threshold, then the
//! quota (most votes first). Rounds are taken in order: a later round fills what is left of the
//! quota among its nominees, which is how a tie at the quota's edge is settled. A tie that no
//! later round settled is reported, never resolved by the program.

use super::{Award, AwardId, Threshold, VoteRound, YearAwards};
use crate::domain::MemberId;

/// What the vote decided for one nominee.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No round counted votes for this nominee yet.
    NotVoted,
    /// Below the threshold: "không đạt".
    BelowThreshold,
    /// Reached the threshold and within the quota: proposed.
    Proposed,
    /// Reached the threshold but others with more votes filled the quota.
    OverQuota,
    /// Reached the threshold with as many votes as the last within the quota: a further round
    /// is needed.
    Tie,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotVoted => "Chưa bỏ phiếu",
            Verdict::BelowThreshold => "Không đạt",
            Verdict::Proposed => "Đạt, đề nghị",
            Verdict::OverQuota => "Đạt, ngoài số lượng",
            Verdict::Tie => "Bằng phiếu, cần bỏ phiếu lại",
        }
    }

    /// Whether the nominee reached the threshold.
    pub fn reached(self) -> bool {
        matches!(self, Verdict::Proposed | Verdict::OverQuota | Verdict::Tie)
    }
}

/// One nominee's outcome, from the last round that counted votes for it.
#[derive(Debug, Clone, PartialEq)]
pub struct NomineeResult {
    pub member: MemberId,
    /// The round that decided (0 when not voted).
    pub round: u32,
    pub votes: u32,
    /// Votes against the threshold's base, in percent (`None` when not voted or base 0).
    pub share: Option<f64>,
    pub verdict: Verdict,
}

/// The outcome of the vote for one award.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardResult {
    pub award: AwardId,
    /// How many may be proposed.
    pub quota: usize,
    /// In nomination order.
    pub nominees: Vec<NomineeResult>,
}

impl AwardResult {
    pub fn nominee(&self, member: MemberId) -> Option<&NomineeResult> {
        self.nominees.iter().find(|n| n.member == member)
    }

    /// The members proposed, most votes first.
    pub fn proposed(&self) -> Vec<MemberId> {
        let mut list: Vec<&NomineeResult> = self
            .nominees
            .iter()
            .filter(|n| n.verdict == Verdict::Proposed)
            .collect();
        list.sort_by_key(|n| std::cmp::Reverse(n.votes));
        list.into_iter().map(|n| n.member).collect()
    }

    /// The members tied at the quota's edge that no later round settled.
    pub fn open_tie(&self) -> Vec<MemberId> {
        self.nominees
            .iter()
            .filter(|n| n.verdict == Verdict::Tie)
            .map(|n| n.member)
            .collect()
    }

    /// The result in a sentence, for the window and the minutes.
    pub fn explain(&self, threshold: Threshold, name: &dyn Fn(MemberId) -> String) -> String {
        if self.nominees.iter().all(|n| n.verdict == Verdict::NotVoted) {
            return "Chưa nhập kết quả bỏ phiếu.".to_owned();
        }
        let mut parts = Vec::new();
        let proposed: Vec<String> = self.proposed().into_iter().map(name).collect();
        if !proposed.is_empty() {
            parts.push(format!(
                "Kết quả: đề nghị {}",
                crate::text::join_with_and(&proposed)
            ));
        }
        let tie: Vec<String> = self.open_tie().into_iter().map(name).collect();
        if !tie.is_empty() {
            parts.push(format!(
                "{} bằng số phiếu ở suất cuối cùng: cần bỏ phiếu vòng tiếp theo giữa các đơn vị này",
                crate::text::join_with_and(&tie)
            ));
        }
        if proposed.is_empty() && tie.is_empty() {
            parts.push(format!("Không đơn vị nào đạt {}", threshold.describe()));
        }
        let mut s = parts.join("; ");
        s.push_str(&format!(" (số lượng tối đa: {} đơn vị).", self.quota));
        s
    }
}

/// The outcome of the vote for `award` among the year's nominations and rounds, with
/// `members` the bloc's members (the base of a quota given as a share).
pub fn tally(award: &Award, year: &YearAwards, members: usize) -> AwardResult {
    let quota = award.quota.count(members);
    let mut nominees: Vec<NomineeResult> = year
        .nominations_for(award.id)
        .into_iter()
        .map(|n| NomineeResult {
            member: n.member,
            round: 0,
            votes: 0,
            share: None,
            verdict: Verdict::NotVoted,
        })
        .collect();
    for round in year.rounds_for(award.id) {
        let proposed = nominees
            .iter()
            .filter(|n| n.verdict == Verdict::Proposed)
            .count();
        apply_round(award, round, quota.saturating_sub(proposed), &mut nominees);
    }
    AwardResult {
        award: award.id,
        quota,
        nominees,
    }
}

/// One round: the nominees it counted, not already proposed, share `remaining` places.
fn apply_round(award: &Award, round: &VoteRound, remaining: usize, nominees: &mut [NomineeResult]) {
    let base = round.base(award.threshold.of);
    let mut passing: Vec<(usize, u32)> = Vec::new();
    for (i, n) in nominees.iter_mut().enumerate() {
        if n.verdict == Verdict::Proposed {
            continue;
        }
        let Some(votes) = round.votes_for(n.member) else {
            continue;
        };
        n.round = round.round;
        n.votes = votes;
        n.share = (base > 0).then(|| f64::from(votes) * 100.0 / f64::from(base));
        if award.threshold.passes(votes, base) {
            passing.push((i, votes));
        } else {
            n.verdict = Verdict::BelowThreshold;
        }
    }
    // Most votes first; the stable sort keeps nomination order among equals (only for display:
    // equals at the edge are a tie, whatever their order).
    passing.sort_by_key(|&(_, v)| std::cmp::Reverse(v));
    let edge = (remaining > 0 && passing.len() > remaining)
        .then(|| passing.get(remaining).map(|&(_, v)| v))
        .flatten();
    let tie_at_edge =
        edge.is_some_and(|e| passing.get(remaining - 1).is_some_and(|&(_, v)| v == e));
    for (pos, &(i, votes)) in passing.iter().enumerate() {
        let verdict = match edge {
            Some(e) if tie_at_edge && votes == e => Verdict::Tie,
            Some(e) if tie_at_edge => {
                if votes > e {
                    Verdict::Proposed
                } else {
                    Verdict::OverQuota
                }
            }
            _ if pos < remaining => Verdict::Proposed,
            _ => Verdict::OverQuota,
        };
        if let Some(n) = nominees.get_mut(i) {
            n.verdict = verdict;
        }
    }
}

/// Every award's outcome, in catalogue order.
pub fn tally_all(year: &YearAwards, members: usize) -> Vec<AwardResult> {
    year.awards_in_order()
        .into_iter()
        .map(|a| tally(a, year, members))
        .collect()
}

/// A vote share as shown and printed: one decimal at most ("66,7%", "100%").
pub fn format_share(p: f64) -> String {
    if !p.is_finite() {
        return String::new();
    }
    format!(
        "{}%",
        crate::text::number::format_number((p * 10.0).round() / 10.0)
    )
}
