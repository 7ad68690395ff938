//! The JSON exchange format: the whole file or one year, versioned (see `docs/json-format.md`).
//!
//! Numbers are JSON numbers (not Vietnamese-formatted text), so other tools read them as they
//! are; ids are kept so that export → import → export gives the same JSON.

use super::{
    Result, Store, StoreError, awards, conference, handovers, indicators, members, nfc, reports,
    scoring, years,
};
use crate::domain::limits::{MAX_INDICATORS_PER_YEAR, MAX_TEXT_CHARS};
use crate::domain::{
    Member, MemberId, NarrativeField, ReportKind, ReportParts, Year, YearData, YearStatus,
};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

/// Parses exchange JSON, naming the line, column, place (`years[0].indicators[3]`) and reason
/// of the first problem. Every field must be one the format knows; a field given twice is
/// refused; a UTF-8 byte order mark (as Notepad writes) is accepted.
pub fn parse(text: &str) -> Result<Exchange> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (longest, line) = longest_string(text);
    if longest > MAX_TEXT_CHARS {
        return Err(StoreError::Invalid(format!(
            "Tệp JSON có một đoạn văn bản dài bất thường ở dòng {line} ({} ký tự; mỗi trường tối đa {} ký tự), nên không được nhập.",
            crate::text::number::format_number(longest as f64),
            crate::text::number::format_number(MAX_TEXT_CHARS as f64)
        )));
    }
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
    // The place of a problem is worked out only for a file that fails: tracking it while
    // reading a sound 97-MB file cost a fifth of the import.
    let parsed = serde_json::from_str::<Exchange>(text).map_err(|e| (place_of_error(text), e));
    match parsed {
        Ok(ex) => {
            check_head(
                &serde_json::Value::from(ex.format.as_str()),
                &ex.version.into(),
            )?;
            Ok(ex)
        }
        Err((path, e)) => {
            let head = match serde_json::from_str::<Head>(text) {
                Ok(head) => head,
                // A head field given twice: the file's own problem, reported as such.
                Err(h) if h.to_string().starts_with("duplicate field") => {
                    return Err(describe(&e, &path));
                }
                Err(h) if h.classify() == serde_json::error::Category::Data => Head::default(),
                Err(_) => return Err(describe(&e, &path)),
            };
            check_head(&head.format, &head.version)?;
            Err(describe(&e, &path))
        }
    }
}

/// Where in `text` reading fails, as a path such as `years[0].indicators[2].reslt` (empty at
/// the top level).
fn place_of_error(text: &str) -> String {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Exchange>(&mut de) {
        Err(e) => e.path().to_string(),
        Ok(_) => String::new(),
    }
}

/// The longest string value in JSON `text`, in characters, and the line it starts on. A scan
/// of the raw text: a huge value is refused before anything is built from it.
fn longest_string(text: &str) -> (usize, usize) {
    // Bytes, not chars: '"', '\\' and '\n' are ASCII and never part of a longer UTF-8
    // sequence, and a character is counted at its first byte (continuation bytes are
    // 0b10xx_xxxx).
    let (mut in_string, mut escaped) = (false, false);
    let (mut len, mut line, mut start) = (0usize, 1usize, 1usize);
    // The hex digits still to skip after "\u": one escaped character, not five.
    let mut hex = 0u8;
    let mut best = (0, 0);
    for &b in text.as_bytes() {
        if b == b'\n' {
            line += 1;
        }
        if !in_string {
            if b == b'"' {
                (in_string, len, start) = (true, 0, line);
            }
        } else if hex > 0 {
            hex -= 1;
        } else if escaped {
            escaped = false;
            len += 1;
            if b == b'u' {
                hex = 4;
            }
        } else if b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            in_string = false;
            if len > best.0 {
                best = (len, start);
            }
        } else if b & 0xC0 != 0x80 {
            len += 1;
        }
    }
    best
}

/// Refuses a file of another program, or of another version of the format.
fn check_head(format: &serde_json::Value, version: &serde_json::Value) -> Result<()> {
    if format.as_str() != Some(FORMAT) {
        return Err(StoreError::Invalid(
            "Tệp JSON này không phải dữ liệu của chương trình Khối thi đua (thiếu trường \"format\": \"khoi-thi-dua\").".to_owned(),
        ));
    }
    match version.as_u64() {
        Some(v) if v == u64::from(VERSION) => Ok(()),
        Some(v) => Err(StoreError::Invalid(format!(
            "Tệp JSON có định dạng phiên bản {v}, chương trình này chỉ đọc được phiên bản {VERSION}."
        ))),
        None if version.is_null() => Err(StoreError::Invalid(
            "Tệp JSON thiếu trường \"version\" (phiên bản định dạng).".to_owned(),
        )),
        None => Err(StoreError::Invalid(format!(
            "Trường \"version\" của tệp JSON phải là một số nguyên, ví dụ {VERSION}, không phải {version}."
        ))),
    }
}

/// The user's sentence for a JSON error at `path` (empty at the top level).
fn describe(e: &serde_json::Error, path: &str) -> StoreError {
    let message = e.to_string();
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let what = if let Some(field) = quoted("unknown field `") {
        format!("trường “{field}” không có trong định dạng (có thể gõ sai tên trường)")
    } else if let Some(field) = quoted("duplicate field `") {
        format!("trường “{field}” xuất hiện hai lần")
    } else if let Some(field) = quoted("missing field `") {
        format!("thiếu trường “{field}”")
    } else {
        match e.classify() {
            serde_json::error::Category::Syntax => "sai cú pháp JSON",
            serde_json::error::Category::Eof => "tệp bị cắt cụt",
            serde_json::error::Category::Data => "dữ liệu không đúng định dạng",
            serde_json::error::Category::Io => "lỗi đọc tệp",
        }
        .to_owned()
    };
    let place = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" (tại {path})")
    };
    StoreError::Invalid(format!(
        "Tệp JSON không hợp lệ ở dòng {}, cột {}{place}: {what} ({e}).",
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
    let known: HashSet<MemberId> = existing.iter().chain(&ex.members).map(|m| m.id).collect();
    for data in &ex.years {
        let year = data.record.year;
        if !(1900..=2200).contains(&year) {
            return Err(StoreError::Invalid(format!(
                "Tệp JSON có năm {year}, ngoài khoảng 1900–2200 mà chương trình làm việc, nên không được nhập."
            )));
        }
        check_member_refs(data, &known)?;
        if data.indicators.len() > MAX_INDICATORS_PER_YEAR {
            return Err(StoreError::Invalid(format!(
                "Tệp JSON có {} chỉ tiêu trong năm {}, vượt giới hạn {} chỉ tiêu một năm, nên không được nhập.",
                crate::text::number::format_number(data.indicators.len() as f64),
                data.record.year,
                crate::text::number::format_number(MAX_INDICATORS_PER_YEAR as f64)
            )));
        }
    }
    for data in &ex.years {
        let year = data.record.year;
        let mut open = data.record.clone();
        open.status = YearStatus::Open;
        years::insert(conn, &open)?;
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
            years::set_member_text(conn, year, n.member, NarrativeField::KeyWorks, &n.key_works)?;
        }
        for kind in report_kinds(data)? {
            import_report(conn, year, data.report_parts(kind))?;
        }
        super::milestones::set(conn, year, &data.milestones)?;
        conference::set_news(conn, year, data.news.as_ref())?;
        if let Some(scheme) = &data.scoring.scheme {
            scoring::set_scheme(conn, year, Some(scheme))?;
            scoring::insert_scores(conn, year, &data.scoring.scores)?;
        } else if !data.scoring.scores.is_empty() {
            return Err(StoreError::Invalid(format!(
                "Tệp JSON, năm {year}: có điểm chấm nhưng không có bảng điểm (scoring.scheme)."
            )));
        }
        if !data.awards.is_empty() {
            awards::set(conn, year, &data.awards)?;
        }
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

/// Refuses a year whose records name a member unit the file does not have, naming the record.
fn check_member_refs(data: &YearData, known: &HashSet<MemberId>) -> Result<()> {
    let year = data.record.year;
    let dangling = |what: String, id: MemberId| {
        StoreError::Invalid(format!(
            "Tệp JSON, năm {year}: {what} ghi đơn vị số {id}, nhưng danh sách đơn vị (members) không có đơn vị này."
        ))
    };
    let record = &data.record;
    for (what, id) in [
        ("Trưởng khối", record.leader),
        ("Phó Trưởng khối", record.deputy),
        ("Trưởng khối năm sau", record.next_leader),
    ] {
        if let Some(id) = id.filter(|id| !known.contains(id)) {
            return Err(dangling(what.to_owned(), id));
        }
    }
    if let Some(i) = data.indicators.iter().find(|i| !known.contains(&i.member)) {
        return Err(dangling(format!("chỉ tiêu “{}”", i.name), i.member));
    }
    if let Some(n) = data.narratives.iter().find(|n| !known.contains(&n.member)) {
        return Err(dangling("đoạn thành tích".to_owned(), n.member));
    }
    let unknown = |id: &Option<MemberId>| id.filter(|id| !known.contains(id));
    for kind in ReportKind::ALL {
        let parts = data.report_parts(kind);
        if let Some((a, id)) = parts
            .attendees
            .iter()
            .find_map(|a| unknown(&a.member).map(|id| (a, id)))
        {
            return Err(dangling(format!("người dự hội nghị “{}”", a.person), id));
        }
        if let Some((o, id)) = parts
            .opinions
            .iter()
            .find_map(|o| unknown(&o.member).map(|id| (o, id)))
        {
            return Err(dangling(format!("ý kiến “{}”", o.text), id));
        }
        if let Some(&id) = parts
            .conference
            .news_order
            .iter()
            .find(|id| !known.contains(id))
        {
            return Err(dangling("thứ tự đơn vị trong tin bài".to_owned(), id));
        }
    }
    if let Some(s) = data
        .scoring
        .scores
        .iter()
        .find(|s| !known.contains(&s.member))
    {
        return Err(dangling("điểm chấm".to_owned(), s.member));
    }
    let aw = &data.awards;
    let award_members = aw.nominations.iter().map(|n| n.member).chain(
        aw.rounds
            .iter()
            .flat_map(|r| r.votes.iter().map(|v| v.member)),
    );
    for id in award_members {
        if !known.contains(&id) {
            return Err(dangling("đề nghị khen thưởng".to_owned(), id));
        }
    }
    for h in &data.handovers {
        if let Some(id) = unknown(&h.from_member).or(unknown(&Some(h.to_member))) {
            return Err(dangling("biên bản bàn giao".to_owned(), id));
        }
    }
    Ok(())
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

/// The kinds of report a year of the file holds: the year-end one always (its parts are the
/// year's own fields), then each of `other_reports` once, never the year-end kind again.
fn report_kinds(data: &YearData) -> Result<Vec<ReportKind>> {
    let year = data.record.year;
    let mut kinds = vec![ReportKind::YearEnd];
    for r in &data.other_reports {
        if kinds.contains(&r.kind) {
            return Err(StoreError::Invalid(format!(
                "Tệp JSON, năm {year}: báo cáo loại \"{}\" có hai lần (other_reports); báo cáo tổng kết nằm ở trường \"report\".",
                r.kind.as_str()
            )));
        }
        kinds.push(r.kind);
    }
    Ok(kinds)
}

/// Stores one report of the year with its versions, opinions and conference record.
fn import_report(conn: &Connection, year: Year, parts: ReportParts<'_>) -> Result<()> {
    let kind = parts.kind;
    if let Some(report) = parts.report {
        reports::save(conn, year, kind, report)?;
    }
    for v in parts.versions {
        let mut v = v.clone();
        v.year = year;
        v.kind = kind;
        reports::insert_version(conn, &v)?;
    }
    for op in parts.opinions {
        reports::insert_opinion(conn, year, kind, op)?;
    }
    if *parts.conference != crate::domain::Conference::default() {
        conference::set(conn, year, kind, parts.conference)?;
    }
    years::set_attendees_of(conn, year, kind, parts.attendees)?;
    Ok(())
}
