//! The year's summary report as the secretariat edits it, its saved versions, and the opinions
//! raised on the draft at the conference.

use super::{MemberId, Year};
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

/// A named snapshot of the report ("Dự thảo lần 1"), kept so any earlier text can be restored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportVersion {
    pub id: i64,
    pub year: Year,
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
