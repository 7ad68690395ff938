//! The JSON exchange format: the whole file or one year, versioned (see `docs/json-format.md`).
//!
//! Numbers are JSON numbers (not Vietnamese-formatted text), so other tools read them as they
//! are; ids are kept so that export → import → export gives the same JSON.

use super::{
    Result, Store, StoreError, conference, handovers, indicators, members, nfc, reports, years,
};
use crate::domain::{Member, Year, YearData, YearStatus};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

/// The `format` field every exchange file carries.
pub const FORMAT: &str = "khoi-thi-dua";
/// The version of the exchange format this program writes and reads.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    pub format: String,
    pub version: u32,
    /// Every member unit of the file (a year's data refers to them by id).
    pub members: Vec<Member>,
    pub years: Vec<YearData>,
}

/// Reads the whole file, or only `only_year`, into the exchange form.
pub fn export(conn: &Connection, only_year: Option<Year>) -> Result<Exchange> {
    let mut list = years::list(conn)?;
    if let Some(y) = only_year {
        if !list.contains(&y) {
            return Err(StoreError::Invalid(format!("Năm {y} không có trong tệp.")));
        }
        list = vec![y];
    }
    let mut out = Vec::with_capacity(list.len());
    for year in list {
        out.push(years::data(conn, year)?);
    }
    Ok(Exchange {
        format: FORMAT.to_owned(),
        version: VERSION,
        members: members::list(conn)?,
        years: out,
    })
}

/// Parses exchange JSON, naming the line, column and reason of the first problem.
pub fn parse(text: &str) -> Result<Exchange> {
    // A sound file is read once. Only a file that does not parse has its two head fields read
    // again (the rest skipped, not built into a tree), to tell a foreign or newer file from a
    // damaged one; a top level that is not an object is not ours.
    #[derive(Default, Deserialize)]
    struct Head {
        #[serde(default)]
        format: serde_json::Value,
        #[serde(default)]
        version: serde_json::Value,
    }
    match serde_json::from_str::<Exchange>(text) {
        Ok(ex) => {
            check_head(&ex.format, Some(u64::from(ex.version)))?;
            Ok(ex)
        }
        Err(e) => {
            let head = match serde_json::from_str::<Head>(text) {
                Ok(head) => head,
                Err(h) if h.classify() == serde_json::error::Category::Data => Head::default(),
                Err(_) => return Err(describe(&e)),
            };
            check_head(head.format.as_str().unwrap_or(""), head.version.as_u64())?;
            Err(describe(&e))
        }
    }
}

/// Refuses a file of another program, or of another version of the format.
fn check_head(format: &str, version: Option<u64>) -> Result<()> {
    if format != FORMAT {
        return Err(StoreError::Invalid(
            "Tệp JSON này không phải dữ liệu của chương trình Khối thi đua (thiếu trường \"format\": \"khoi-thi-dua\").".to_owned(),
        ));
    }
    let version = version.unwrap_or(0);
    if version != u64::from(VERSION) {
        return Err(StoreError::Invalid(format!(
            "Tệp JSON có định dạng phiên bản {version}, chương trình này chỉ đọc được phiên bản {VERSION}."
        )));
    }
    Ok(())
}

fn describe(e: &serde_json::Error) -> StoreError {
    let what = match e.classify() {
        serde_json::error::Category::Syntax => "sai cú pháp JSON",
        serde_json::error::Category::Eof => "tệp bị cắt cụt",
        serde_json::error::Category::Data => "dữ liệu không đúng định dạng",
        serde_json::error::Category::Io => "lỗi đọc tệp",
    };
    StoreError::Invalid(format!(
        "Tệp JSON không hợp lệ ở dòng {}, cột {}: {what} ({e}).",
        e.line(),
        e.column()
    ))
}

/// What an import added.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub members_added: usize,
    pub years_added: Vec<Year>,
    pub indicators_added: usize,
}

/// Adds the exchange's members and years to the store in one transaction: on any error nothing
/// is changed. A year already in the file, or a member id that names another unit here, is
/// refused rather than merged.
pub fn import(store: &mut Store, ex: &Exchange) -> Result<ImportSummary> {
    store.write(|tx| import_into(tx, ex))
}

fn import_into(conn: &Connection, ex: &Exchange) -> Result<ImportSummary> {
    if ex.format != FORMAT || ex.version != VERSION {
        return Err(StoreError::Invalid(format!(
            "Định dạng JSON không được hỗ trợ ({} phiên bản {}).",
            ex.format, ex.version
        )));
    }
    let mut summary = ImportSummary::default();
    let existing = members::list(conn)?;
    for m in &ex.members {
        match existing.iter().find(|e| e.id == m.id) {
            Some(e) => {
                let here = e.names.first().map(|n| nfc(&n.full_name));
                let there = m.names.first().map(|n| nfc(&n.full_name));
                if here != there {
                    return Err(StoreError::Invalid(format!(
                        "Đơn vị số {} trong tệp JSON (“{}”) khác đơn vị cùng số trong tệp dữ liệu (“{}”). Hãy nhập vào một tệp mới.",
                        m.id,
                        there.unwrap_or_default(),
                        here.unwrap_or_default()
                    )));
                }
            }
            None => {
                if m.id <= 0 {
                    return Err(StoreError::Invalid(format!(
                        "Đơn vị “{}” trong tệp JSON không có số hiệu hợp lệ.",
                        m.names.first().map_or("", |n| n.full_name.as_str())
                    )));
                }
                // Names are checked against each other below, once every member is in.
                insert_member_raw(conn, m)?;
                summary.members_added += 1;
            }
        }
    }
    // `merged_into` may name a member that comes later in the list: set it once all are in.
    for m in ex.members.iter().filter(|m| m.merged_into.is_some()) {
        conn.execute(
            "UPDATE member SET merged_into = ?2 WHERE id = ?1",
            params![m.id, m.merged_into],
        )?;
    }
    for data in &ex.years {
        let year = data.record.year;
        let mut open = data.record.clone();
        open.status = YearStatus::Open;
        years::insert(conn, &open)?;
        years::set_attendees(conn, year, &data.attendees)?;
        for ind in &data.indicators {
            if ind.year != year {
                return Err(StoreError::Invalid(format!(
                    "Chỉ tiêu “{}” ghi năm {} nhưng nằm trong dữ liệu năm {year}.",
                    ind.name, ind.year
                )));
            }
            // The year was created open just above: checked once, not per row.
            indicators::insert_into_open_year(conn, ind)?;
            summary.indicators_added += 1;
        }
        for n in &data.narratives {
            years::set_narrative(conn, year, n.member, &n.text)?;
        }
        if let Some(report) = &data.report {
            reports::save(conn, year, report)?;
        }
        for v in &data.versions {
            let mut v = v.clone();
            v.year = year;
            reports::insert_version(conn, &v)?;
        }
        for op in &data.opinions {
            reports::insert_opinion(conn, year, op)?;
        }
        if data.conference != crate::domain::Conference::default() {
            conference::set(conn, year, &data.conference)?;
        }
        conference::set_news(conn, year, data.news.as_ref())?;
        for h in &data.handovers {
            let mut h = h.clone();
            h.year = year;
            handovers::insert(conn, &h)?;
        }
        years::insert_events(conn, year, &data.events)?;
        conn.execute(
            "UPDATE year SET status = ?2 WHERE year = ?1",
            params![year, data.record.status.as_str()],
        )?;
        summary.years_added.push(year);
    }
    Ok(summary)
}

/// Inserts a member exactly as exported (id, position, every name), without the duplicate-name
/// check, which cannot be run name by name while the other members are still arriving.
fn insert_member_raw(conn: &Connection, m: &Member) -> Result<()> {
    if m.names.iter().any(|n| n.full_name.trim().is_empty()) || m.names.is_empty() {
        return Err(StoreError::Invalid(format!(
            "Đơn vị số {} trong tệp JSON không có tên.",
            m.id
        )));
    }
    conn.execute(
        "INSERT INTO member (id, position, joined_year, left_year, merged_into, head_name,
                             head_title, contact_name, phone, email)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?8, ?9)",
        params![
            m.id,
            m.position,
            m.joined_year,
            m.left_year,
            nfc(&m.head_name),
            nfc(&m.head_title),
            nfc(&m.contact_name),
            nfc(&m.phone),
            nfc(&m.email),
        ],
    )?;
    for n in &m.names {
        members::set_name_unchecked(conn, m.id, n)?;
    }
    Ok(())
}

/// Writes the exchange as pretty JSON (stable field order, so exports compare line by line).
pub fn to_string(ex: &Exchange) -> Result<String> {
    serde_json::to_string_pretty(ex)
        .map_err(|e| StoreError::Invalid(format!("Không tạo được JSON ({e}).")))
}
