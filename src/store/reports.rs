//! The reports of a year (the year-end summary, the mid-year review: `ReportKind`), their saved
//! versions and the opinions raised on them. Every function takes the kind: one code path for
//! every report.

use super::{Result, StoreError, ensure_open, iso_date, nfc, now_local, parse_iso_date};
use crate::domain::{
    Handling, Opinion, Report, ReportKind, ReportSection, ReportStatus, ReportVersion, SectionKind,
    Year,
};
use rusqlite::{Connection, OptionalExtension, params};

pub fn get(conn: &Connection, year: Year, kind: ReportKind) -> Result<Option<Report>> {
    let head = conn
        .query_row(
            "SELECT number, parent_body, issuing_body, place, date, doc_type, subject, recipients,
                    sign_authority, sign_position, signer, status
             FROM report WHERE year = ?1 AND report_kind = ?2",
            params![year, kind.as_str()],
            |r| {
                Ok((
                    Report {
                        number: r.get(0)?,
                        parent_body: r.get(1)?,
                        issuing_body: r.get(2)?,
                        place: r.get(3)?,
                        date: parse_iso_date(r.get(4)?),
                        doc_type: r.get(5)?,
                        subject: r.get(6)?,
                        sections: Vec::new(),
                        // One recipient per line, trimmed as `save` trims them, so that a
                        // line break saved inside one reads back the same after every save.
                        recipients: r
                            .get::<_, String>(7)?
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_owned)
                            .collect(),
                        sign_authority: r.get(8)?,
                        sign_position: r.get(9)?,
                        signer: r.get(10)?,
                        status: ReportStatus::Draft,
                    },
                    r.get::<_, String>(11)?,
                ))
            },
        )
        .optional()?;
    let Some((mut report, status)) = head else {
        return Ok(None);
    };
    report.status = ReportStatus::parse(&status).unwrap_or(ReportStatus::Adopted);
    let mut stmt = conn.prepare(
        "SELECT heading, body, kind FROM report_section WHERE year = ?1 AND report_kind = ?2
         ORDER BY sort, id",
    )?;
    report.sections = stmt
        .query_map(params![year, kind.as_str()], |r| {
            Ok(ReportSection {
                heading: r.get(0)?,
                body: r.get(1)?,
                kind: SectionKind::parse(&r.get::<_, String>(2)?).unwrap_or(SectionKind::Text),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(report))
}

/// Saves the whole report of `year` (header, sections, closing). An adopted report's text is
/// locked: only a report whose stored status is a draft can be rewritten, or an adopted one
/// whose status is being set back to draft by [`set_status`].
pub fn save(conn: &Connection, year: Year, kind: ReportKind, report: &Report) -> Result<()> {
    ensure_open(conn, year)?;
    if let Some(stored) = status(conn, year, kind)?
        && stored == ReportStatus::Adopted
    {
        return Err(StoreError::Invalid(format!(
            "{} đã được thông qua nên không sửa được. Muốn sửa, hãy mở khóa báo cáo.",
            kind.title(year)
        )));
    }
    write(conn, year, kind, report)
}

fn write(conn: &Connection, year: Year, kind: ReportKind, report: &Report) -> Result<()> {
    let recipients: Vec<String> = report.recipients.iter().map(|r| nfc(r.trim())).collect();
    conn.execute(
        "INSERT INTO report (year, number, parent_body, issuing_body, place, date, doc_type,
                             subject, recipients, sign_authority, sign_position, signer, status,
                             report_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (year, report_kind) DO UPDATE SET
            number = excluded.number, parent_body = excluded.parent_body,
            issuing_body = excluded.issuing_body, place = excluded.place, date = excluded.date,
            doc_type = excluded.doc_type, subject = excluded.subject,
            recipients = excluded.recipients, sign_authority = excluded.sign_authority,
            sign_position = excluded.sign_position, signer = excluded.signer,
            status = excluded.status",
        params![
            year,
            nfc(&report.number),
            nfc(&report.parent_body),
            nfc(&report.issuing_body),
            nfc(&report.place),
            iso_date(report.date),
            nfc(&report.doc_type),
            nfc(&report.subject),
            recipients.join("\n"),
            nfc(&report.sign_authority),
            nfc(&report.sign_position),
            nfc(&report.signer),
            report.status.as_str(),
            kind.as_str(),
        ],
    )?;
    conn.execute(
        "DELETE FROM report_section WHERE year = ?1 AND report_kind = ?2",
        params![year, kind.as_str()],
    )?;
    for (i, s) in report.sections.iter().enumerate() {
        conn.execute(
            "INSERT INTO report_section (year, report_kind, sort, heading, body, kind)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                year,
                kind.as_str(),
                i as i64,
                nfc(&s.heading),
                nfc(&s.body),
                s.kind.as_str()
            ],
        )?;
    }
    Ok(())
}

pub fn status(conn: &Connection, year: Year, kind: ReportKind) -> Result<Option<ReportStatus>> {
    let s: Option<String> = conn
        .query_row(
            "SELECT status FROM report WHERE year = ?1 AND report_kind = ?2",
            params![year, kind.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(s.map(|s| ReportStatus::parse(&s).unwrap_or(ReportStatus::Adopted)))
}

/// Adopts the report (locking its text) or sets it back to a draft.
pub fn set_status(
    conn: &Connection,
    year: Year,
    kind: ReportKind,
    status: ReportStatus,
) -> Result<()> {
    ensure_open(conn, year)?;
    let n = conn.execute(
        "UPDATE report SET status = ?2 WHERE year = ?1 AND report_kind = ?3",
        params![year, status.as_str(), kind.as_str()],
    )?;
    if n == 0 {
        return Err(StoreError::Invalid(format!(
            "Chưa có {}. Hãy tạo dự thảo trước.",
            kind.name(year)
        )));
    }
    Ok(())
}

pub fn versions(conn: &Connection, year: Year, kind: ReportKind) -> Result<Vec<ReportVersion>> {
    let mut stmt = conn.prepare(
        "SELECT id, year, name, saved_at, content FROM report_version
         WHERE year = ?1 AND report_kind = ?2 ORDER BY id",
    )?;
    let rows: Vec<(i64, Year, String, String, String)> = stmt
        .query_map(params![year, kind.as_str()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, year, name, saved_at, content) in rows {
        // A version whose content no longer parses is skipped rather than hiding all the others.
        if let Ok(report) = serde_json::from_str::<Report>(&content) {
            out.push(ReportVersion {
                id,
                year,
                kind,
                name,
                saved_at,
                report,
            });
        }
    }
    Ok(out)
}

/// Saves the current report of `year` and `kind` as a named version and returns its id.
pub fn save_version(conn: &Connection, year: Year, kind: ReportKind, name: &str) -> Result<i64> {
    let Some(report) = get(conn, year, kind)? else {
        return Err(StoreError::Invalid(format!(
            "Chưa có {} để lưu phiên bản.",
            kind.name(year)
        )));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid(
            "Hãy đặt tên cho phiên bản, ví dụ “Dự thảo lần 1”.".to_owned(),
        ));
    }
    insert_version(
        conn,
        &ReportVersion {
            id: 0,
            year,
            kind,
            name: name.to_owned(),
            saved_at: now_local(),
            report,
        },
    )
}

/// Stores a version as given (also used by the import).
pub fn insert_version(conn: &Connection, v: &ReportVersion) -> Result<i64> {
    let content = serde_json::to_string(&v.report)
        .map_err(|e| StoreError::Invalid(format!("Không lưu được phiên bản báo cáo ({e}).")))?;
    conn.execute(
        "INSERT INTO report_version (id, year, name, saved_at, content, report_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            (v.id > 0).then_some(v.id),
            v.year,
            nfc(&v.name),
            v.saved_at,
            nfc(&content),
            v.kind.as_str()
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Replaces the current report with a saved version's text (as a draft).
pub fn restore_version(conn: &Connection, version_id: i64) -> Result<()> {
    let Some(v) = get_version(conn, version_id)? else {
        return Err(StoreError::Invalid(
            "Phiên bản này không còn trong tệp.".to_owned(),
        ));
    };
    let mut report = v.report;
    report.status = ReportStatus::Draft;
    save(conn, v.year, v.kind, &report)
}

pub fn opinions(conn: &Connection, year: Year, kind: ReportKind) -> Result<Vec<Opinion>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, speaker, text, handling, response FROM opinion
         WHERE year = ?1 AND report_kind = ?2 ORDER BY sort, id",
    )?;
    let rows = stmt
        .query_map(params![year, kind.as_str()], |r| {
            Ok(Opinion {
                id: r.get(0)?,
                member: r.get(1)?,
                speaker: r.get(2)?,
                text: r.get(3)?,
                handling: Handling::parse(&r.get::<_, String>(4)?).unwrap_or(Handling::Pending),
                response: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Adds an opinion at the end of the report's list (keeping `op.id` when positive).
pub fn insert_opinion(
    conn: &Connection,
    year: Year,
    kind: ReportKind,
    op: &Opinion,
) -> Result<i64> {
    ensure_open(conn, year)?;
    let sort: i64 = conn.query_row(
        "SELECT coalesce(max(sort), 0) + 1 FROM opinion WHERE year = ?1 AND report_kind = ?2",
        params![year, kind.as_str()],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO opinion (id, year, sort, member_id, speaker, text, handling, response,
                              report_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            (op.id > 0).then_some(op.id),
            year,
            sort,
            op.member,
            nfc(&op.speaker),
            nfc(&op.text),
            op.handling.as_str(),
            nfc(&op.response),
            kind.as_str(),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// An opinion's columns as stored.
fn opinion_columns(op: &Opinion) -> Vec<super::Column> {
    use rusqlite::types::Value;
    vec![
        ("member_id", op.member.map_or(Value::Null, Value::Integer)),
        ("speaker", super::text_value(&op.speaker)),
        ("text", super::text_value(&op.text)),
        ("handling", Value::Text(op.handling.as_str().to_owned())),
        ("response", super::text_value(&op.response)),
    ]
}

/// Writes the fields of `to` that differ from `from` (what the window last read), only if the
/// opinion still holds `from`'s in each ([`StoreError::Stale`] otherwise).
pub fn change_opinion(conn: &Connection, year: Year, from: &Opinion, to: &Opinion) -> Result<()> {
    ensure_open(conn, year)?;
    super::update_changed(
        conn,
        "opinion",
        "id = ? AND year = ?",
        &[
            rusqlite::types::Value::Integer(to.id),
            rusqlite::types::Value::Integer(i64::from(year)),
        ],
        &opinion_columns(from),
        &opinion_columns(to),
        "Ý kiến này không còn trong tệp.",
    )
}

pub fn update_opinion(conn: &Connection, year: Year, op: &Opinion) -> Result<()> {
    ensure_open(conn, year)?;
    conn.execute(
        "UPDATE opinion SET member_id = ?3, speaker = ?4, text = ?5, handling = ?6, response = ?7
         WHERE id = ?1 AND year = ?2",
        params![
            op.id,
            year,
            op.member,
            nfc(&op.speaker),
            nfc(&op.text),
            op.handling.as_str(),
            nfc(&op.response),
        ],
    )?;
    Ok(())
}

pub fn delete_opinion(conn: &Connection, year: Year, id: i64) -> Result<()> {
    ensure_open(conn, year)?;
    conn.execute(
        "DELETE FROM opinion WHERE id = ?1 AND year = ?2",
        params![id, year],
    )?;
    Ok(())
}

/// Deletes a saved version and returns it (the undo of saving it).
pub fn delete_version(conn: &Connection, id: i64) -> Result<ReportVersion> {
    let Some(v) = get_version(conn, id)? else {
        return Err(StoreError::Invalid(
            "Phiên bản này không còn trong tệp.".to_owned(),
        ));
    };
    ensure_open(conn, v.year)?;
    conn.execute("DELETE FROM report_version WHERE id = ?1", [id])?;
    Ok(v)
}

pub fn get_version(conn: &Connection, id: i64) -> Result<Option<ReportVersion>> {
    let row: Option<(Year, String, String, String, String)> = conn
        .query_row(
            "SELECT year, name, saved_at, content, report_kind FROM report_version WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((year, name, saved_at, content, kind)) = row else {
        return Ok(None);
    };
    let kind = ReportKind::parse(&kind).unwrap_or_default();
    let report: Report = serde_json::from_str(&content).map_err(|e| {
        StoreError::Invalid(format!("Phiên bản “{name}” bị hỏng, không đọc được ({e})."))
    })?;
    Ok(Some(ReportVersion {
        id,
        year,
        kind,
        name,
        saved_at,
        report,
    }))
}

pub fn get_opinion(
    conn: &Connection,
    year: Year,
    kind: ReportKind,
    id: i64,
) -> Result<Option<Opinion>> {
    Ok(opinions(conn, year, kind)?.into_iter().find(|o| o.id == id))
}

/// Removes a report (only as the undo of its first draft).
pub fn delete(conn: &Connection, year: Year, kind: ReportKind) -> Result<()> {
    ensure_open(conn, year)?;
    conn.execute(
        "DELETE FROM report WHERE year = ?1 AND report_kind = ?2",
        params![year, kind.as_str()],
    )?;
    Ok(())
}

/// Records that the report of `year` and `kind` was exported to PDF now (allowed on a locked
/// year: it changes no content).
pub fn mark_exported(conn: &Connection, year: Year, kind: ReportKind) -> Result<()> {
    conn.execute(
        "UPDATE report SET exported_at = ?2 WHERE year = ?1 AND report_kind = ?3",
        params![year, now_local(), kind.as_str()],
    )?;
    Ok(())
}

/// When the report of `year` and `kind` was last exported to PDF.
pub fn exported_at(conn: &Connection, year: Year, kind: ReportKind) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT exported_at FROM report WHERE year = ?1 AND report_kind = ?2",
            params![year, kind.as_str()],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}
