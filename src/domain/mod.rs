//! The bloc's data as plain Rust types, and the rules that need no storage: which name a
//! member unit bears in a given year, whether it belongs to the bloc that year, who leads next.
//!
//! Nothing here knows SQL, egui or files, so every rule is tested with plain unit tests.
//! The types derive serde because the JSON exchange format (see `docs/json-format.md`) is
//! written from them directly; a change here is a change of that format.

pub mod awards;
pub mod calendar;
pub mod charts;
pub mod history;
pub mod limits;
mod report;
pub mod scoring;
pub mod target;
pub mod totals;

pub use report::{
    Handling, KindReport, Opinion, Report, ReportKind, ReportParts, ReportSection, ReportStatus,
    ReportVersion, SectionKind,
};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Row id of a member unit; stable for the life of the file.
pub type MemberId = i64;

/// A calendar year, the unit of the bloc's work and of locking.
pub type Year = i32;

/// A member unit of the bloc (a provincial department or board).
///
/// Its names belong to years: a unit renamed in 2025 keeps its old name in the 2020 documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: MemberId,
    /// The bloc's order, used for the leader rotation and in documents.
    pub position: i64,
    /// First year the unit belongs to the bloc.
    pub joined_year: Year,
    /// First year the unit no longer belongs to the bloc (left or merged), if any.
    pub left_year: Option<Year>,
    /// The unit this one was merged into, if it left by merging.
    pub merged_into: Option<MemberId>,
    pub head_name: String,
    pub head_title: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    /// Names by the year they took effect, oldest first; never empty for a stored member.
    pub names: Vec<MemberName>,
}

impl Member {
    /// A new unit joining in `year` under `full_name`, with nothing else filled in yet.
    pub fn new(year: Year, full_name: &str) -> Member {
        Member {
            id: 0,
            position: 0,
            joined_year: year,
            left_year: None,
            merged_into: None,
            head_name: String::new(),
            head_title: String::new(),
            contact_name: String::new(),
            phone: String::new(),
            email: String::new(),
            names: vec![MemberName {
                from_year: year,
                full_name: full_name.trim().to_owned(),
                short_name: String::new(),
                abbreviation: String::new(),
            }],
        }
    }
}

/// Why a unit's full name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("Tên đơn vị không được để trống.")]
    Empty,
    #[error("Năm {year} đã có đơn vị tên “{name}”. Hãy đặt một tên khác.")]
    Taken { year: Year, name: String },
}

/// Refuses an empty full name, or one that another member of the bloc bears in the same year
/// (ignoring case). `except` is the unit being renamed.
pub fn check_member_name(
    members: &[Member],
    year: Year,
    name: &str,
    except: Option<MemberId>,
) -> Result<(), NameError> {
    let name = crate::text::nfc(name.trim());
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    let lower = name.to_lowercase();
    let taken = members.iter().any(|m| {
        Some(m.id) != except && m.is_member_in(year) && m.full_name_in(year).to_lowercase() == lower
    });
    if taken {
        return Err(NameError::Taken { year, name });
    }
    Ok(())
}

/// The names a member unit bears from `from_year` on, until a later entry replaces them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberName {
    pub from_year: Year,
    /// "Sở Thông tin và Truyền thông"
    pub full_name: String,
    /// "Sở TT&TT"
    pub short_name: String,
    /// "TTTT", used in document symbols such as "01/BC-TTTT".
    pub abbreviation: String,
}

impl Member {
    /// The names in force in `year`: the latest entry that started on or before it, or the
    /// earliest entry for a year before the unit's first name (so a name is always shown).
    pub fn name_in(&self, year: Year) -> Option<&MemberName> {
        self.names
            .iter()
            .filter(|n| n.from_year <= year)
            .max_by_key(|n| n.from_year)
            .or_else(|| self.names.iter().min_by_key(|n| n.from_year))
    }

    /// The full name in `year`, or an empty string for a member with no name at all.
    pub fn full_name_in(&self, year: Year) -> &str {
        self.name_in(year).map_or("", |n| n.full_name.as_str())
    }

    /// The short name in `year`, falling back to the full name when none was given.
    pub fn short_name_in(&self, year: Year) -> &str {
        match self.name_in(year) {
            Some(n) if !n.short_name.trim().is_empty() => &n.short_name,
            Some(n) => &n.full_name,
            None => "",
        }
    }

    /// Whether the unit belongs to the bloc in `year`.
    pub fn is_member_in(&self, year: Year) -> bool {
        self.joined_year <= year && self.left_year.is_none_or(|left| year < left)
    }
}

/// The members of `year`, in the bloc's order.
pub fn members_in(members: &[Member], year: Year) -> Vec<&Member> {
    let mut list: Vec<&Member> = members.iter().filter(|m| m.is_member_in(year)).collect();
    list.sort_by_key(|m| (m.position, m.id));
    list
}

/// The member that follows `current` in the bloc's order in `year`, wrapping around: the usual
/// rotation of the leader role. Any member may still be chosen instead.
pub fn next_in_rotation(members: &[Member], year: Year, current: MemberId) -> Option<MemberId> {
    let list = members_in(members, year);
    let idx = list.iter().position(|m| m.id == current)?;
    if list.len() < 2 {
        return None;
    }
    Some(list[(idx + 1) % list.len()].id)
}

/// A member's role in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Leader,
    Deputy,
    Member,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Leader => "Trưởng khối",
            Role::Deputy => "Phó Trưởng khối",
            Role::Member => "Thành viên",
        }
    }
}

/// Whether a year is still being worked on or was handed over (and so is read-only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearStatus {
    Open,
    HandedOver,
}

impl YearStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            YearStatus::Open => "open",
            YearStatus::HandedOver => "handed_over",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(YearStatus::Open),
            "handed_over" => Some(YearStatus::HandedOver),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            YearStatus::Open => "Đang thực hiện",
            YearStatus::HandedOver => "Đã bàn giao",
        }
    }
}

/// One year of the bloc: its name and place as used in that year's documents, the leader,
/// the conference and the directions for the following year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearRecord {
    pub year: Year,
    /// "Khối Kinh tế ngành"
    pub bloc_name: String,
    /// "tỉnh Hà Giang"
    pub province: String,
    /// The place name of the date line: "Hà Giang, ngày …"
    pub place: String,
    pub leader: Option<MemberId>,
    pub deputy: Option<MemberId>,
    /// The leader chosen for the next year (decided at the conference).
    pub next_leader: Option<MemberId>,
    pub conference_date: Option<NaiveDate>,
    pub conference_venue: String,
    /// Directions and tasks for the next year, as agreed at the conference.
    pub directions: String,
    pub status: YearStatus,
    /// The document that launched the year's movement, cited in the report's opening:
    /// "Chương trình số 298/CTr-UBND ngày 25/12/2019".
    #[serde(default)]
    pub basis: String,
}

impl YearRecord {
    /// A fresh, open year with nothing but its names.
    pub fn new(year: Year, bloc_name: &str, province: &str, place: &str) -> Self {
        YearRecord {
            year,
            bloc_name: bloc_name.to_owned(),
            province: province.to_owned(),
            place: place.to_owned(),
            leader: None,
            deputy: None,
            next_leader: None,
            conference_date: None,
            conference_venue: String::new(),
            directions: String::new(),
            status: YearStatus::Open,
            basis: String::new(),
        }
    }

    pub fn role_of(&self, member: MemberId) -> Role {
        if self.leader == Some(member) {
            Role::Leader
        } else if self.deputy == Some(member) {
            Role::Deputy
        } else {
            Role::Member
        }
    }

    pub fn is_locked(&self) -> bool {
        self.status == YearStatus::HandedOver
    }

    /// The directions for next year, one per non-empty line, trimmed.
    pub fn direction_lines(&self) -> impl Iterator<Item = &str> {
        self.directions
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
    }

    /// The body above the bloc on its documents, "UBND TỈNH HÀ GIANG" for the province
    /// "tỉnh Hà Giang"; empty when no province is recorded.
    pub fn parent_body(&self) -> String {
        let province = self.province.trim();
        if province.is_empty() {
            String::new()
        } else {
            format!("UBND {}", province.to_uppercase())
        }
    }
}

/// Someone who attended the year-end conference: a member unit or a guest body (such as the
/// provincial Ban Thi đua - Khen thưởng), optionally with the person and their position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    pub id: i64,
    pub member: Option<MemberId>,
    /// Set when the attendee is not a member unit.
    pub guest_body: String,
    pub person: String,
    pub position: String,
}

/// One indicator of one member in one year: what was planned and what was achieved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: i64,
    pub year: Year,
    pub member: MemberId,
    /// A heading that groups indicators of a member ("Công tác truyền thông").
    pub group: String,
    pub name: String,
    /// Unit of measure ("tin bài", "ha").
    pub unit: String,
    /// The plan's figure: the number typed, or the reference value of a target typed as text
    /// (`plan_text`), for "% kế hoạch" and sorting.
    pub plan: Option<f64>,
    /// The plan as typed when it is more than a number ("Trên 4", "6,6-6,8", "Không để xảy
    /// ra"); empty for a plain number or no plan.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan_text: String,
    /// The year's result (cả năm).
    pub result: Option<f64>,
    /// The result of the first six months (6 tháng đầu năm), for the mid-year review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midyear: Option<f64>,
    pub note: String,
    /// Order within the member's list.
    pub sort: i64,
    /// The id of the first year's indicator this one descends from (carried by the copy of last
    /// year's list and the handover, or set when linked by hand); `None` for a new indicator,
    /// whose own id is its lineage ([`Indicator::lineage`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<i64>,
}

/// A period of the year whose results are recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// 6 tháng đầu năm.
    FirstHalf,
    /// Cả năm.
    #[default]
    Year,
}

impl Period {
    pub const ALL: [Period; 2] = [Period::FirstHalf, Period::Year];

    pub fn label(self) -> &'static str {
        match self {
            Period::FirstHalf => "6 tháng đầu năm",
            Period::Year => "Cả năm",
        }
    }
}

impl Indicator {
    /// The result of `period`.
    pub fn result_in(&self, period: Period) -> Option<f64> {
        match period {
            Period::FirstHalf => self.midyear,
            Period::Year => self.result,
        }
    }

    /// Sets the result of `period`.
    pub fn set_result_in(&mut self, period: Period, value: Option<f64>) {
        match period {
            Period::FirstHalf => self.midyear = value,
            Period::Year => self.result = value,
        }
    }

    /// The result of `period` as a percentage of the year's plan (a mid-year result against
    /// the year's plan shows how far the year has come).
    pub fn percent_in(&self, period: Period) -> Option<f64> {
        let reference = self.target()?.reference()?;
        crate::text::number::percent_of_plan(self.result_in(period)?, reference)
    }

    /// What the plan means; `None` without a plan (or with a text that no longer reads).
    pub fn target(&self) -> Option<target::Target> {
        if self.plan_text.trim().is_empty() {
            return self.plan.map(|value| target::Target::Number {
                value,
                percent: false,
            });
        }
        target::Target::parse(&self.plan_text).ok().flatten()
    }

    /// The plan as the secretariat reads it: the text typed, or the number.
    pub fn plan_shown(&self) -> String {
        if self.plan_text.trim().is_empty() {
            self.plan
                .map(crate::text::number::format_number)
                .unwrap_or_default()
        } else {
            self.plan_text.clone()
        }
    }

    /// How the result stands against the plan.
    pub fn evaluation(&self) -> target::Evaluation {
        self.target()
            .map_or(target::Evaluation::Unknown, |t| t.evaluate(self.result))
    }

    /// The result as a percentage of the plan; `None` without a plan or a result, and where
    /// less is better ("Dưới 3", "Không để xảy ra").
    pub fn percent_of_plan(&self) -> Option<f64> {
        self.percent_in(Period::Year)
    }

    /// Sets the plan from what was typed: a plain number is kept as the number, any other
    /// form as its text with its reference value.
    pub fn set_plan(&mut self, typed: &str) -> Result<(), String> {
        match target::Target::parse(typed)? {
            None => {
                self.plan = None;
                self.plan_text.clear();
            }
            Some(target::Target::Number {
                value,
                percent: false,
            }) => {
                self.plan = Some(value);
                self.plan_text.clear();
            }
            Some(t) => {
                self.plan = t.reference();
                self.plan_text = crate::text::nfc(typed.trim());
            }
        }
        Ok(())
    }
}

/// A member's own words for one year: its paragraph of achievements (for the report) and its
/// key works registered in the pledge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    pub member: MemberId,
    pub text: String,
    /// "Công trình, phần việc trọng điểm" the member registers in the pledge, one per line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key_works: String,
}

/// Which of a member's texts an edit changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NarrativeField {
    /// The paragraph of achievements.
    Achievements,
    /// The key works of the pledge.
    KeyWorks,
}

impl Narrative {
    pub fn field(&self, field: NarrativeField) -> &str {
        match field {
            NarrativeField::Achievements => &self.text,
            NarrativeField::KeyWorks => &self.key_works,
        }
    }

    /// The key works, one per non-empty line, without list marks.
    pub fn key_work_lines(&self) -> impl Iterator<Item = &str> {
        self.key_works
            .lines()
            .map(|l| l.trim().trim_start_matches(['-', '+', '•']).trim())
            .filter(|l| !l.is_empty())
    }
}

/// The record of handing the leader role (and the file) from one member to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handover {
    pub id: i64,
    /// The year that was handed over (the role passes to `year + 1`).
    pub year: Year,
    pub from_member: Option<MemberId>,
    pub to_member: MemberId,
    pub date: NaiveDate,
    pub notes: String,
    pub items: Vec<HandoverItem>,
    /// File name of the copy written for the successor, and its SHA-256 in hex.
    pub file_name: String,
    pub file_hash: String,
}

/// A year this file handed on: after the handover of `from_year`, the successor keeps the
/// bloc's file for the years after it, so this copy only shows them (until taken back).
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// The year shown, held by the successor.
    pub year: Year,
    /// The year whose handover passed it on.
    pub from_year: Year,
    pub holder: MemberId,
    /// The handover's date.
    pub since: NaiveDate,
}

impl Held {
    /// "Năm 2021 do Ban Quản lý Khu kinh tế giữ từ 16/12/2020": the one sentence the window and
    /// the command line say, `holder` being the successor among the file's members.
    pub fn sentence(&self, holder: Option<&Member>) -> String {
        let holder = holder.map_or("đơn vị nhận bàn giao", |m| m.full_name_in(self.year));
        format!(
            "Năm {} do {holder} giữ từ {}",
            self.year,
            crate::text::date::format_date(self.since)
        )
    }
}

/// One line of the handover minutes' list: what was handed over, how many, a remark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoverItem {
    pub item: String,
    pub quantity: String,
    pub note: String,
}

/// Locking and unlocking of a year, kept as history (unlocking must be on record).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearEvent {
    pub at: String,
    pub action: String,
    pub note: String,
}

/// Everything the file holds about one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearData {
    pub record: YearRecord,
    pub attendees: Vec<Attendee>,
    pub indicators: Vec<Indicator>,
    pub narratives: Vec<Narrative>,
    pub report: Option<Report>,
    pub versions: Vec<ReportVersion>,
    pub opinions: Vec<Opinion>,
    pub handovers: Vec<Handover>,
    pub events: Vec<YearEvent>,
    /// The conference record; absent in files exported before it existed.
    #[serde(default)]
    pub conference: Conference,
    /// The news item as edited for the province's website, if one was saved.
    #[serde(default)]
    pub news: Option<NewsItem>,
    /// The year's score sheet and scores; absent in files exported before scoring existed.
    #[serde(default)]
    pub scoring: scoring::YearScoring,
    /// The award catalogue, nominations and vote rounds; absent in files exported before
    /// award proposals existed.
    #[serde(default)]
    pub awards: awards::YearAwards,
    /// The awards members received for the year before (read from that year's decisions; a
    /// bonus criterion may count them). Not part of the year's own data, so never exported.
    #[serde(skip)]
    pub received: Vec<scoring::Received>,
    /// Last year's results of the indicators, by lineage, for the comparison with last year.
    /// Not part of the year's own data, so never exported.
    #[serde(skip)]
    pub last_year: history::LastYear,
    /// The reports of the other kinds (the mid-year review), each with its versions, opinions
    /// and conference; absent in files written before report kinds existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_reports: Vec<KindReport>,
    /// The year before's record (its directions are the plan's and the pledge's goals). Not
    /// part of the year's own data, so never exported.
    #[serde(skip)]
    pub previous: Option<YearRecord>,
    /// The year's dated milestones (the pledge, deadlines, reviews, handover), those set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<calendar::Milestone>,
}

impl YearData {
    /// Puts `report` as the year's report of `kind` (a draft composed for an export).
    pub fn set_report(&mut self, kind: ReportKind, report: Report) {
        if kind == ReportKind::YearEnd {
            self.report = Some(report);
            return;
        }
        match self.other_reports.iter_mut().find(|r| r.kind == kind) {
            Some(r) => r.report = Some(report),
            None => {
                let mut r = KindReport::empty(kind);
                r.report = Some(report);
                self.other_reports.push(r);
            }
        }
    }

    /// The report of `kind` and what belongs to it (all empty when none was entered).
    pub fn report_parts(&self, kind: ReportKind) -> ReportParts<'_> {
        static EMPTY: std::sync::LazyLock<Conference> =
            std::sync::LazyLock::new(Conference::default);
        if kind == ReportKind::YearEnd {
            return ReportParts {
                kind,
                report: self.report.as_ref(),
                versions: &self.versions,
                opinions: &self.opinions,
                conference: &self.conference,
                attendees: &self.attendees,
            };
        }
        match self.other_reports.iter().find(|r| r.kind == kind) {
            Some(r) => ReportParts {
                kind,
                report: r.report.as_ref(),
                versions: &r.versions,
                opinions: &r.opinions,
                conference: &r.conference,
                attendees: &r.attendees,
            },
            None => ReportParts {
                kind,
                report: None,
                versions: &[],
                opinions: &[],
                conference: &EMPTY,
                attendees: &[],
            },
        }
    }
}

/// A person with a role at the conference (chair, secretary).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub position: String,
    pub unit: String,
}

/// The year-end conference beyond its date and venue (kept on [`YearRecord`]): times, who
/// chaired and took the minutes, the agenda and the conclusions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct Conference {
    /// "14:00"
    pub start_time: String,
    pub end_time: String,
    pub chair: Person,
    pub secretary: Person,
    /// One agenda item per line.
    pub agenda: String,
    pub conclusions: String,
    /// Who writes the news item for the province's website.
    pub news_author: String,
    /// Morning or afternoon, for when no start time was recorded ("Chiều ngày 16/12/2020").
    pub part_of_day: PartOfDay,
    /// The caption of the news item's photo, printed in brackets after its first paragraph.
    pub photo_caption: String,
    /// The order in which the news item names the members' results; members not listed follow
    /// in the bloc's order.
    pub news_order: Vec<MemberId>,
    /// Date and venue of a conference other than the year-end one (whose date and venue are
    /// on [`YearRecord`]): the mid-year review's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub venue: String,
}

/// The part of the day the conference took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartOfDay {
    #[default]
    Unknown,
    Morning,
    Afternoon,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Unknown, PartOfDay::Morning, PartOfDay::Afternoon];

    /// As stored in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Unknown => "",
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
        }
    }

    pub fn parse(s: &str) -> PartOfDay {
        match s {
            "morning" => PartOfDay::Morning,
            "afternoon" => PartOfDay::Afternoon,
            _ => PartOfDay::Unknown,
        }
    }

    /// "Buổi sáng" / "Buổi chiều", as the window shows it.
    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Unknown => "Không ghi",
            PartOfDay::Morning => "Buổi sáng",
            PartOfDay::Afternoon => "Buổi chiều",
        }
    }

    /// The part of the day of a conference that began at `start` ("14:00"), or the recorded one.
    pub fn of(start: &str, recorded: PartOfDay) -> PartOfDay {
        let hour = start
            .trim()
            .split([':', 'h', 'g'])
            .next()
            .and_then(|h| h.trim().parse::<u32>().ok());
        match hour {
            Some(h) if h < 12 => PartOfDay::Morning,
            Some(h) if h < 24 => PartOfDay::Afternoon,
            _ => recorded,
        }
    }
}

/// A short news item about the conference for the province's emulation website.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(default)]
pub struct NewsItem {
    pub headline: String,
    /// "16/12/2020 14:00"
    pub dateline: String,
    /// Paragraphs, one per line.
    pub body: String,
    pub author: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: MemberId, position: i64, names: &[(Year, &str)]) -> Member {
        Member {
            id,
            position,
            names: names
                .iter()
                .map(|(y, n)| MemberName {
                    from_year: *y,
                    full_name: (*n).to_owned(),
                    short_name: String::new(),
                    abbreviation: String::new(),
                })
                .collect(),
            ..Member::new(2018, "")
        }
    }

    #[test]
    fn a_renamed_unit_keeps_its_old_name_in_earlier_years() {
        let m = member(1, 1, &[(2018, "Sở Công nghiệp"), (2025, "Sở Công Thương")]);
        assert_eq!(m.full_name_in(2020), "Sở Công nghiệp");
        assert_eq!(m.full_name_in(2025), "Sở Công Thương");
        assert_eq!(m.full_name_in(2030), "Sở Công Thương");
        assert_eq!(m.full_name_in(2000), "Sở Công nghiệp");
    }

    #[test]
    fn a_unit_that_left_is_not_a_member_from_that_year_on() {
        let mut m = member(1, 1, &[(2018, "Sở A")]);
        m.left_year = Some(2025);
        assert!(m.is_member_in(2024));
        assert!(!m.is_member_in(2025));
        assert!(!m.is_member_in(2017));
    }

    #[test]
    fn rotation_follows_the_bloc_order_and_wraps() {
        let mut members = vec![
            member(10, 3, &[(2018, "C")]),
            member(11, 1, &[(2018, "A")]),
            member(12, 2, &[(2018, "B")]),
        ];
        assert_eq!(next_in_rotation(&members, 2020, 11), Some(12));
        assert_eq!(next_in_rotation(&members, 2020, 10), Some(11));
        members[2].left_year = Some(2020);
        assert_eq!(next_in_rotation(&members, 2020, 11), Some(10));
    }
}
