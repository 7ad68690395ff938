//! The year's summary report as the secretariat edits it, its saved versions, and the opinions
//! raised on the draft at the conference.

use super::{Attendee, Conference, MemberId, Period, Year};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Draft while members discuss it; adopted (and so locked) once the conference approves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportStatus {
    Draft,
    Adopted,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::Draft => "draft",
            ReportStatus::Adopted => "adopted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(ReportStatus::Draft),
            "adopted" => Some(ReportStatus::Adopted),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReportStatus::Draft => "Dự thảo",
            ReportStatus::Adopted => "Đã thông qua",
        }
    }
}

/// Which of the year's reports: the year-end summary ("Báo cáo tổng kết"), the review of the
/// first six months ("Báo cáo sơ kết 6 tháng đầu năm"), or the year's plan ("Kế hoạch tổ
/// chức phong trào thi đua"). Each has its own text, versions, opinions and (the reviews) its
/// conference record; one editor serves them all.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    #[default]
    YearEnd,
    Midyear,
    Plan,
}

impl ReportKind {
    pub const ALL: [ReportKind; 3] = [ReportKind::YearEnd, ReportKind::Midyear, ReportKind::Plan];

    /// As stored in the file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::YearEnd => "year_end",
            ReportKind::Midyear => "midyear",
            ReportKind::Plan => "plan",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The switch's label in the Báo cáo tab.
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::YearEnd => "Tổng kết",
            ReportKind::Midyear => "Sơ kết 6 tháng đầu năm",
            ReportKind::Plan => "Kế hoạch",
        }
    }

    /// The results the report speaks of.
    pub fn period(self) -> Period {
        match self {
            ReportKind::YearEnd | ReportKind::Plan => Period::Year,
            ReportKind::Midyear => Period::FirstHalf,
        }
    }

    /// Whether the report is discussed at a conference of its own, with its record and
    /// minutes: the reviews are; the plan is adopted with the pledge.
    pub fn has_conference(self) -> bool {
        self != ReportKind::Plan
    }

    /// "tổng kết" / "sơ kết", as in "Hội nghị sơ kết"; for the plan, the meeting that signs
    /// the pledge.
    pub fn review_word(self) -> &'static str {
        match self {
            ReportKind::YearEnd => "tổng kết",
            ReportKind::Midyear => "sơ kết",
            ReportKind::Plan => "ký kết giao ước thi đua",
        }
    }

    /// The time the report covers: "năm 2020" / "6 tháng đầu năm 2020".
    pub fn span(self, year: Year) -> String {
        match self {
            ReportKind::YearEnd | ReportKind::Plan => format!("năm {year}"),
            ReportKind::Midyear => format!("6 tháng đầu năm {year}"),
        }
    }

    /// The document in a sentence: "báo cáo tổng kết năm 2020", "kế hoạch tổ chức phong trào
    /// thi đua năm 2020".
    pub fn name(self, year: Year) -> String {
        match self {
            ReportKind::Plan => format!("kế hoạch tổ chức phong trào thi đua {}", self.span(year)),
            _ => format!("báo cáo {} {}", self.review_word(), self.span(year)),
        }
    }

    /// The heading of the report tab: "Báo cáo tổng kết năm 2020".
    pub fn title(self, year: Year) -> String {
        let name = self.name(year);
        let mut c = name.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    pub fn is_year_end(&self) -> bool {
        *self == ReportKind::YearEnd
    }
}

/// What a section holds: prose the secretariat writes, or the table of every indicator, which
/// is generated from the data each time the report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Text,
    IndicatorAppendix,
}

impl SectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::Text => "text",
            SectionKind::IndicatorAppendix => "indicator_appendix",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "text" => Some(SectionKind::Text),
            "indicator_appendix" => Some(SectionKind::IndicatorAppendix),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportSection {
    pub heading: String,
    /// Paragraphs separated by blank lines or single line breaks.
    pub body: String,
    pub kind: SectionKind,
}

/// The summary report of one year ("Báo cáo tổng kết công tác thi đua, khen thưởng năm N").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// "01/BC-KTN", printed after "Số: ".
    pub number: String,
    /// The body above the issuer, printed not bold ("UBND TỈNH HÀ GIANG").
    pub parent_body: String,
    /// The issuing body ("KHỐI THI ĐUA KINH TẾ NGÀNH").
    pub issuing_body: String,
    /// Place of the date line ("Hà Giang").
    pub place: String,
    pub date: Option<NaiveDate>,
    /// "BÁO CÁO"
    pub doc_type: String,
    /// The subject line under the document type.
    pub subject: String,
    pub sections: Vec<ReportSection>,
    /// "Nơi nhận" lines, without the leading dash; the last is usually "Lưu: VT".
    pub recipients: Vec<String>,
    pub sign_authority: String,
    pub sign_position: String,
    pub signer: String,
    pub status: ReportStatus,
}

impl Report {
    /// The number as cited in another document ("01/BC-TTTT"), or `None` while the number
    /// itself is still blank ("      /BC-TTTT": the văn thư gives it when the report is issued).
    pub fn cited_number(&self) -> Option<&str> {
        let number = self.number.trim();
        let issued = number
            .split('/')
            .next()
            .is_some_and(|n| !n.trim().is_empty());
        issued.then_some(number)
    }
}

/// A named snapshot of the report ("Dự thảo lần 1"), kept so any earlier text can be restored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportVersion {
    pub id: i64,
    pub year: Year,
    /// The report it is a version of (absent in JSON for the year-end report).
    #[serde(default, skip_serializing_if = "ReportKind::is_year_end")]
    pub kind: ReportKind,
    pub name: String,
    /// Local time the version was saved, "2020-12-10 09:30:00".
    pub saved_at: String,
    pub report: Report,
}

/// How the secretariat handled an opinion: taken into the report, or answered with an
/// explanation of why not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Handling {
    Pending,
    Accepted,
    Explained,
}

impl Handling {
    pub fn as_str(self) -> &'static str {
        match self {
            Handling::Pending => "pending",
            Handling::Accepted => "accepted",
            Handling::Explained => "explained",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Handling::Pending),
            "accepted" => Some(Handling::Accepted),
            "explained" => Some(Handling::Explained),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Handling::Pending => "Chưa xử lý",
            Handling::Accepted => "Tiếp thu",
            Handling::Explained => "Giải trình",
        }
    }
}

/// An opinion raised on the draft report at the conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opinion {
    pub id: i64,
    /// The member unit that raised it; `None` for a guest.
    pub member: Option<MemberId>,
    pub speaker: String,
    pub text: String,
    pub handling: Handling,
    pub response: String,
}

/// A report of a kind other than the year-end one, with what belongs to it. The year-end
/// report's parts stay where files before kinds existed kept them (`YearData::report`, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindReport {
    pub kind: ReportKind,
    pub report: Option<Report>,
    #[serde(default)]
    pub versions: Vec<ReportVersion>,
    #[serde(default)]
    pub opinions: Vec<Opinion>,
    #[serde(default)]
    pub conference: Conference,
    /// Who attended this kind's conference (the year-end one's is `YearData::attendees`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<Attendee>,
}

impl KindReport {
    pub fn empty(kind: ReportKind) -> Self {
        KindReport {
            kind,
            report: None,
            versions: Vec::new(),
            opinions: Vec::new(),
            conference: Conference::default(),
            attendees: Vec::new(),
        }
    }

    /// Nothing entered: not worth a place in the data or in an export.
    pub fn is_empty(&self) -> bool {
        self.report.is_none()
            && self.versions.is_empty()
            && self.opinions.is_empty()
            && self.conference == Conference::default()
            && self.attendees.is_empty()
    }
}

/// One report of the year and what belongs to it, whatever its kind: what the report tab, the
/// composers and the documents read.
#[derive(Debug, Clone, Copy)]
pub struct ReportParts<'a> {
    pub kind: ReportKind,
    pub report: Option<&'a Report>,
    pub versions: &'a [ReportVersion],
    pub opinions: &'a [Opinion],
    pub conference: &'a Conference,
    /// Who attended its conference.
    pub attendees: &'a [Attendee],
}
