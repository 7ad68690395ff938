//! Award proposals (bình xét, suy tôn, đề nghị khen thưởng): the year's award catalogue
//! ([`Award`]: quota, vote threshold, who may be nominated; every number is data), the
//! nominations suggested from the ranking and edited by the secretariat, and the vote rounds,
//! of which only totals are kept (votes are secret: never a ballot). `tally` computes each
//! nominee's outcome from them and says why; `catalogue` holds the adaptable default.

mod catalogue;
mod tally;

pub use catalogue::default_catalogue;
pub use tally::{AwardResult, NomineeResult, Verdict, format_share, tally, tally_all};

use super::scoring::{Inputs, Ranking, compute, rank};
use super::{Member, MemberId, Person, Year, YearData, members_in};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// An award's id within its year's catalogue; kept when the catalogue is copied.
pub type AwardId = i64;

/// Awards, nominations or rounds in one year: far beyond any real bloc.
pub const MAX_ENTRIES: usize = 1_000;

/// The awards of one year: the catalogue, the nominations, the vote rounds and the counting
/// committee (ban kiểm phiếu), head first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct YearAwards {
    pub awards: Vec<Award>,
    pub nominations: Vec<Nomination>,
    pub rounds: Vec<VoteRound>,
    pub committee: Vec<Person>,
}

/// One award the bloc may propose its members for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub id: AwardId,
    /// "Cờ thi đua của UBND tỉnh"
    pub name: String,
    /// Who confers it: "Chính phủ", "UBND tỉnh", "Chủ tịch UBND tỉnh".
    pub level: String,
    /// The legal basis as printed: "Điều 26 Luật Thi đua, khen thưởng số 06/2022/QH15".
    pub basis: String,
    pub quota: Quota,
    pub threshold: Threshold,
    pub eligibility: Eligibility,
    /// Whether "Đề xuất theo xếp hạng" fills this award from the ranking.
    pub suggest: bool,
    /// Still the program's default, not yet checked against the bloc's rules.
    pub template: bool,
    pub sort: i64,
}

/// How many members the bloc may propose for an award.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Quota {
    /// At most this many.
    Count(u32),
    /// At most this percentage of the bloc's members, rounded down ("không quá 20%").
    Share(f64),
}

/// The votes a nominee needs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// In percent: 50 for "trên 50%".
    pub percent: f64,
    pub of: VoteBase,
    /// "trên" (strictly above) rather than "từ … trở lên" (at least).
    pub strict: bool,
}

/// What a nominee's share of votes is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteBase {
    /// The members present at the meeting.
    Present,
    /// All the bloc's members.
    Members,
}

/// Who may be nominated for an award.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// Any member of the bloc.
    Any,
    /// A member ranked in the year's scoring (not "không xếp loại").
    Ranked,
    /// Only the unit leading the bloc's movement (rank 1).
    Leading,
}

impl Eligibility {
    pub const ALL: [Eligibility; 3] = [Eligibility::Leading, Eligibility::Ranked, Eligibility::Any];

    pub fn label(self) -> &'static str {
        match self {
            Eligibility::Any => "Mọi đơn vị thành viên",
            Eligibility::Ranked => "Đơn vị được xếp hạng",
            Eligibility::Leading => "Chỉ đơn vị dẫn đầu",
        }
    }
}

impl VoteBase {
    pub fn label(self) -> &'static str {
        match self {
            VoteBase::Present => "số thành viên có mặt",
            VoteBase::Members => "tổng số thành viên",
        }
    }
}

/// A member proposed for an award, and, once the province decides, its decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nomination {
    pub award: AwardId,
    pub member: MemberId,
    /// Why: "Dẫn đầu phong trào thi đua của Khối, 98,5 điểm".
    pub reason: String,
    pub sort: i64,
    /// The conferring decision, entered when it comes back; empty until then.
    #[serde(default)]
    pub decision: Decision,
}

/// The decision that conferred an award ("Quyết định số 25/QĐ-UBND ngày 15/01/2021").
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Decision {
    pub number: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
}

impl Decision {
    /// Whether the award was conferred (a decision number is recorded).
    pub fn received(&self) -> bool {
        !self.number.trim().is_empty()
    }
}

/// One vote round for one award: the totals only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRound {
    pub award: AwardId,
    /// 1, 2, … (a further round settles a tie at the quota's edge).
    pub round: u32,
    /// The bloc's members (all of them) and those present.
    pub members: u32,
    pub present: u32,
    /// Ballots issued, returned, valid (invalid = returned − valid).
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub votes: Vec<Votes>,
}

/// The votes for one nominee in one round.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    pub member: MemberId,
    pub votes: u32,
}

impl Quota {
    /// The number of members that may be proposed out of `members`.
    pub fn count(self, members: usize) -> usize {
        match self {
            Quota::Count(n) => n as usize,
            Quota::Share(p) if p.is_finite() && p > 0.0 => {
                ((p.min(100.0) * members as f64) / 100.0 + 1e-9).floor() as usize
            }
            Quota::Share(_) => 0,
        }
    }

    /// "1 đơn vị", "không quá 20% số thành viên (1 đơn vị)".
    pub fn describe(self, members: usize) -> String {
        match self {
            Quota::Count(n) => format!("{n} đơn vị"),
            Quota::Share(p) => format!(
                "không quá {}% số thành viên ({} đơn vị)",
                crate::text::number::format_number(p),
                self.count(members)
            ),
        }
    }
}

impl Threshold {
    /// Whether `votes` out of `base` reach the threshold. Exact for whole percentages.
    pub fn passes(self, votes: u32, base: u32) -> bool {
        if base == 0 {
            return false;
        }
        let lhs = f64::from(votes) * 100.0;
        let rhs = self.percent * f64::from(base);
        if self.strict {
            lhs > rhs + 1e-9
        } else {
            lhs + 1e-9 >= rhs
        }
    }

    /// "trên 50% số thành viên có mặt", "từ 80% tổng số thành viên trở lên".
    pub fn describe(self) -> String {
        // As typed: a threshold of 66,7% must not print as 67%.
        let p = format!("{}%", crate::text::number::format_number(self.percent));
        if self.strict {
            format!("trên {p} {}", self.of.label())
        } else {
            format!("từ {p} {} trở lên", self.of.label())
        }
    }
}

impl VoteRound {
    /// The base the threshold counts against.
    pub fn base(&self, of: VoteBase) -> u32 {
        match of {
            VoteBase::Present => self.present,
            VoteBase::Members => self.members,
        }
    }

    pub fn invalid(&self) -> u32 {
        self.returned.saturating_sub(self.valid)
    }

    pub fn votes_for(&self, member: MemberId) -> Option<u32> {
        self.votes
            .iter()
            .find(|v| v.member == member)
            .map(|v| v.votes)
    }

    /// Refuses figures that cannot be: more returned than issued, more valid than returned,
    /// more votes for a nominee than valid ballots, more present than members.
    pub fn check_arithmetic(&self) -> Result<(), String> {
        use crate::text::number::format_number as n;
        let f = |v: u32| n(f64::from(v));
        if self.present > self.members {
            return Err(format!(
                "Số thành viên có mặt ({}) nhiều hơn tổng số thành viên ({}).",
                f(self.present),
                f(self.members)
            ));
        }
        if self.issued > self.present {
            return Err(format!(
                "Số phiếu phát ra ({}) nhiều hơn số thành viên có mặt ({}).",
                f(self.issued),
                f(self.present)
            ));
        }
        if self.returned > self.issued {
            return Err(format!(
                "Số phiếu thu về ({}) nhiều hơn số phiếu phát ra ({}).",
                f(self.returned),
                f(self.issued)
            ));
        }
        if self.valid > self.returned {
            return Err(format!(
                "Số phiếu hợp lệ ({}) nhiều hơn số phiếu thu về ({}).",
                f(self.valid),
                f(self.returned)
            ));
        }
        if let Some(v) = self.votes.iter().find(|v| v.votes > self.valid) {
            return Err(format!(
                "Số phiếu đồng ý ({}) nhiều hơn số phiếu hợp lệ ({}).",
                f(v.votes),
                f(self.valid)
            ));
        }
        Ok(())
    }
}

/// Each member's rank in the year's scoring (`None`: not ranked), and who leads.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranks {
    pub ranking: Ranking,
    /// Whether the bloc scored at all (a scheme and at least one member ranked).
    pub scored: bool,
}

impl Ranks {
    /// The year's ranking, computed from its scheme and scores.
    pub fn of(members: &[Member], data: &YearData) -> Ranks {
        let Some(scheme) = data.scoring.scheme.as_ref() else {
            return Ranks::default();
        };
        let ids: Vec<MemberId> = members_in(members, data.record.year)
            .iter()
            .map(|m| m.id)
            .collect();
        let totals = compute(scheme, &ids, &data.scoring.scores, Inputs::of(data));
        let ranking = rank(scheme, &totals);
        let scored = ranking.leader().is_some();
        Ranks { ranking, scored }
    }

    pub fn rank(&self, member: MemberId) -> Option<usize> {
        self.ranking
            .rows
            .iter()
            .find(|r| r.member == member)
            .and_then(|r| r.rank)
    }

    pub fn final_total(&self, member: MemberId) -> Option<f64> {
        self.ranking
            .rows
            .iter()
            .find(|r| r.member == member && r.rank.is_some())
            .map(|r| r.final_total)
    }

    /// Refuses a nominee outside the award's rule, saying what to do.
    pub fn check_eligible(
        &self,
        award: &Award,
        member: MemberId,
        name: &str,
    ) -> Result<(), String> {
        let rank = self.rank(member);
        let ok = match award.eligibility {
            Eligibility::Any => return Ok(()),
            Eligibility::Ranked => rank.is_some(),
            Eligibility::Leading => rank == Some(1),
        };
        if ok {
            return Ok(());
        }
        if !self.scored {
            return Err(format!(
                "“{}” chỉ xét {}, nhưng năm này chưa có kết quả xếp hạng. Hãy chấm điểm ở thẻ Chấm điểm, hoặc sửa điều kiện của danh hiệu thành “{}”.",
                award.name,
                award.eligibility.label().to_lowercase(),
                Eligibility::Any.label()
            ));
        }
        Err(match award.eligibility {
            Eligibility::Leading => format!(
                "{name} không phải đơn vị dẫn đầu Khối, nên không được đề nghị “{}” (chỉ xét đơn vị dẫn đầu).",
                award.name
            ),
            _ => format!(
                "{name} không được xếp hạng thi đua năm nay, nên không được đề nghị “{}”.",
                award.name
            ),
        })
    }
}

impl YearAwards {
    pub fn award(&self, id: AwardId) -> Option<&Award> {
        self.awards.iter().find(|a| a.id == id)
    }

    /// The catalogue in its order.
    pub fn awards_in_order(&self) -> Vec<&Award> {
        let mut list: Vec<&Award> = self.awards.iter().collect();
        list.sort_by_key(|a| (a.sort, a.id));
        list
    }

    /// The nominations for `award`, in order.
    pub fn nominations_for(&self, award: AwardId) -> Vec<&Nomination> {
        let mut list: Vec<&Nomination> = self
            .nominations
            .iter()
            .filter(|n| n.award == award)
            .collect();
        list.sort_by_key(|n| (n.sort, n.member));
        list
    }

    /// The rounds of `award`, first round first.
    pub fn rounds_for(&self, award: AwardId) -> Vec<&VoteRound> {
        let mut list: Vec<&VoteRound> = self.rounds.iter().filter(|r| r.award == award).collect();
        list.sort_by_key(|r| r.round);
        list
    }

    pub fn next_award_id(&self) -> AwardId {
        self.awards.iter().map(|a| a.id).max().unwrap_or(0) + 1
    }

    /// Whether the year holds nothing about awards.
    pub fn is_empty(&self) -> bool {
        self.awards.is_empty()
            && self.nominations.is_empty()
            && self.rounds.is_empty()
            && self.committee.is_empty()
    }

    /// Refuses what the program cannot tally, saying what to fix: an award without a name or
    /// with a quota or threshold out of range, a nomination for an award the catalogue lacks
    /// or given twice, a nominee outside the award's rule (`ranks`, `name` for messages), a
    /// round whose figures cannot be, votes for someone not nominated.
    pub fn check(&self, ranks: &Ranks, name: &dyn Fn(MemberId) -> String) -> Result<(), String> {
        if self.awards.len() > MAX_ENTRIES
            || self.nominations.len() > MAX_ENTRIES
            || self.rounds.len() > MAX_ENTRIES
            || self.committee.len() > MAX_ENTRIES
        {
            return Err(format!(
                "Phần khen thưởng của năm có quá nhiều mục (tối đa {MAX_ENTRIES} mỗi loại)."
            ));
        }
        let mut ids = std::collections::HashSet::new();
        for a in &self.awards {
            if a.name.trim().is_empty() {
                return Err("Tên danh hiệu, hình thức khen thưởng không được để trống.".to_owned());
            }
            if a.id <= 0 || !ids.insert(a.id) {
                return Err(format!(
                    "Mã nội bộ của danh hiệu “{}” bị trùng hoặc không hợp lệ.",
                    a.name
                ));
            }
            if let Quota::Share(p) = a.quota
                && !(p.is_finite() && p > 0.0 && p <= 100.0)
            {
                return Err(format!(
                    "Số lượng đề nghị “{}” theo tỷ lệ phải lớn hơn 0% và không quá 100%.",
                    a.name
                ));
            }
            let p = a.threshold.percent;
            if !(p.is_finite() && (0.0..=100.0).contains(&p)) {
                return Err(format!(
                    "Tỷ lệ phiếu cần đạt của “{}” phải từ 0% đến 100%.",
                    a.name
                ));
            }
        }
        let mut pairs = std::collections::HashSet::new();
        for n in &self.nominations {
            let Some(a) = self.award(n.award) else {
                return Err(format!(
                    "Đề nghị cho {} thuộc một danh hiệu không còn trong danh mục.",
                    name(n.member)
                ));
            };
            if !pairs.insert((n.award, n.member)) {
                return Err(format!(
                    "{} đã có trong danh sách đề nghị “{}”.",
                    name(n.member),
                    a.name
                ));
            }
            ranks.check_eligible(a, n.member, &name(n.member))?;
        }
        let mut rounds = std::collections::HashSet::new();
        for r in &self.rounds {
            let Some(a) = self.award(r.award) else {
                return Err(
                    "Một vòng bỏ phiếu thuộc danh hiệu không còn trong danh mục.".to_owned(),
                );
            };
            if r.round == 0 || !rounds.insert((r.award, r.round)) {
                return Err(format!(
                    "Vòng bỏ phiếu {} của “{}” bị trùng hoặc không hợp lệ.",
                    r.round, a.name
                ));
            }
            r.check_arithmetic()
                .map_err(|e| format!("“{}”, vòng {}: {e}", a.name, r.round))?;
            let mut seen = std::collections::HashSet::new();
            for v in &r.votes {
                if !pairs.contains(&(r.award, v.member)) {
                    return Err(format!(
                        "“{}”, vòng {}: {} không có trong danh sách đề nghị nên không thể có phiếu bầu.",
                        a.name,
                        r.round,
                        name(v.member)
                    ));
                }
                if !seen.insert(v.member) {
                    return Err(format!(
                        "“{}”, vòng {}: số phiếu của {} được ghi hai lần.",
                        a.name,
                        r.round,
                        name(v.member)
                    ));
                }
            }
        }
        Ok(())
    }

    /// Nominations from the ranking: for each award marked `suggest`, in catalogue order, the
    /// best-ranked eligible members not yet suggested for an earlier award, up to its quota,
    /// each with its reason. Nominations already made are kept; nothing is suggested twice.
    pub fn suggest(&self, ranks: &Ranks, members: usize, year: Year) -> Vec<Nomination> {
        let mut out = self.nominations.clone();
        let ranked: Vec<(MemberId, usize, f64)> = ranks
            .ranking
            .rows
            .iter()
            .filter_map(|r| r.rank.map(|k| (r.member, k, r.final_total)))
            .collect();
        for a in self.awards_in_order() {
            if !a.suggest {
                continue;
            }
            let quota = a.quota.count(members);
            let mut have = out.iter().filter(|n| n.award == a.id).count();
            let mut sort = out
                .iter()
                .filter(|n| n.award == a.id)
                .map(|n| n.sort)
                .max()
                .unwrap_or(0);
            for &(member, rank, total) in &ranked {
                if have >= quota {
                    break;
                }
                let taken = out.iter().any(|n| n.member == member);
                if taken || ranks.check_eligible(a, member, "").is_err() {
                    continue;
                }
                sort += 1;
                have += 1;
                let total = super::scoring::format_score(total);
                let reason = if rank == 1 {
                    format!(
                        "Dẫn đầu phong trào thi đua của Khối năm {year} ({total} điểm, xếp thứ 1)"
                    )
                } else {
                    format!(
                        "Xếp thứ {rank} trong phong trào thi đua của Khối năm {year} ({total} điểm)"
                    )
                };
                out.push(Nomination {
                    award: a.id,
                    member,
                    reason,
                    sort,
                    decision: Decision::default(),
                });
            }
        }
        out
    }

    /// A copy for the next year: the catalogue only (the nominations, rounds and committee
    /// belong to their year).
    pub fn catalogue_only(&self) -> YearAwards {
        YearAwards {
            awards: self.awards.clone(),
            ..YearAwards::default()
        }
    }
}

/// One line of a member's award history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub year: Year,
    pub award: String,
    /// The vote's outcome, "Chưa bỏ phiếu" before it.
    pub verdict: Verdict,
    pub decision: Decision,
}

/// A member's nominations across `years` (each year's awards with its member count), oldest
/// first: which award, how the vote went, the decision when it came back.
pub fn history(member: MemberId, years: &[(Year, &YearAwards, usize)]) -> Vec<HistoryLine> {
    let mut out = Vec::new();
    let mut sorted: Vec<&(Year, &YearAwards, usize)> = years.iter().collect();
    sorted.sort_by_key(|(y, _, _)| *y);
    for (year, aw, members) in sorted {
        for a in aw.awards_in_order() {
            let Some(n) = aw
                .nominations_for(a.id)
                .into_iter()
                .find(|n| n.member == member)
            else {
                continue;
            };
            let result = tally(a, aw, *members);
            let verdict = result
                .nominee(member)
                .map_or(Verdict::NotVoted, |r| r.verdict);
            out.push(HistoryLine {
                year: *year,
                award: a.name.clone(),
                verdict,
                decision: n.decision.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
