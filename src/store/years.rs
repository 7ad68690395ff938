//! Years, the conference attendance, the members' narratives and the lock history.

use super::{
    Column, Result, StoreError, conference, ensure_open, handovers, indicators, iso_date, nfc,
    now_local, parse_iso_date, reports, text_value, update_changed,
};
use crate::domain::{
    Attendee, KindReport, MemberId, Narrative, NarrativeField, ReportKind, Year, YearData,
    YearEvent, YearRecord, YearStatus,
};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

/// The years in the file, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Year>> {
    let mut stmt = conn.prepare("SELECT year FROM year ORDER BY year")?;
    let years = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(years)
}

pub fn get(conn: &Connection, year: Year) -> Result<Option<YearRecord>> {
    let row = conn
        .query_row(
            "SELECT year, bloc_name, province, place, leader_id, deputy_id, next_leader_id,
                    conference_date, conference_venue, directions, status, basis
             FROM year WHERE year = ?1",
            [year],
            |r| {
                Ok((
                    YearRecord {
                        year: r.get(0)?,
                        bloc_name: r.get(1)?,
                        province: r.get(2)?,
                        place: r.get(3)?,
                        leader: r.get(4)?,
                        deputy: r.get(5)?,
                        next_leader: r.get(6)?,
                        conference_date: parse_iso_date(r.get(7)?),
                        conference_venue: r.get(8)?,
                        directions: r.get(9)?,
                        status: YearStatus::Open,
                        basis: r.get(11)?,
                    },
                    r.get::<_, String>(10)?,
                ))
            },
        )
        .optional()?;
    Ok(row.map(|(mut rec, status)| {
        rec.status = YearStatus::parse(&status).unwrap_or(YearStatus::HandedOver);
        rec
    }))
}

/// Creates a new open year. Refused when the year already exists.
pub fn insert(conn: &Connection, rec: &YearRecord) -> Result<()> {
    if get(conn, rec.year)?.is_some() {
        return Err(StoreError::Invalid(format!(
            "Năm {} đã có trong tệp.",
            rec.year
        )));
    }
    if !(1900..=2200).contains(&rec.year) {
        return Err(StoreError::Invalid(format!(
            "Năm {} không hợp lệ: năm phải từ 1900 đến 2200.",
            rec.year
        )));
    }
    conn.execute(
        "INSERT INTO year (year, bloc_name, province, place, status) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            rec.year,
            nfc(&rec.bloc_name),
            nfc(&rec.province),
            nfc(&rec.place),
            rec.status.as_str()
        ],
    )?;
    write_fields(conn, rec)
}

/// The year's fields as stored (not its status, which only locking changes).
fn columns(rec: &YearRecord) -> Vec<Column> {
    let member = |m: Option<MemberId>| m.map_or(Value::Null, Value::Integer);
    vec![
        ("bloc_name", text_value(&rec.bloc_name)),
        ("province", text_value(&rec.province)),
        ("place", text_value(&rec.place)),
        ("leader_id", member(rec.leader)),
        ("deputy_id", member(rec.deputy)),
        ("next_leader_id", member(rec.next_leader)),
        (
            "conference_date",
            iso_date(rec.conference_date).map_or(Value::Null, Value::Text),
        ),
        ("conference_venue", text_value(&rec.conference_venue)),
        ("directions", text_value(&rec.directions)),
        ("basis", text_value(rec.basis.trim())),
    ]
}

/// Writes the fields of `to` that differ from `from` (what the window last read), only if the
/// year still holds `from`'s in each ([`StoreError::Stale`] otherwise).
pub fn change(conn: &Connection, from: &YearRecord, to: &YearRecord) -> Result<()> {
    ensure_open(conn, to.year)?;
    update_changed(
        conn,
        "year",
        "year = ?",
        &[Value::Integer(i64::from(to.year))],
        &columns(from),
        &columns(to),
        "Năm này không còn trong tệp.",
    )
}

/// Saves the year's fields (not its status, which only locking changes).
pub fn update(conn: &Connection, rec: &YearRecord) -> Result<()> {
    ensure_open(conn, rec.year)?;
    write_fields(conn, rec)
}

fn write_fields(conn: &Connection, rec: &YearRecord) -> Result<()> {
    conn.execute(
        "UPDATE year SET bloc_name = ?2, province = ?3, place = ?4, leader_id = ?5,
                deputy_id = ?6, next_leader_id = ?7, conference_date = ?8,
                conference_venue = ?9, directions = ?10, basis = ?11
         WHERE year = ?1",
        params![
            rec.year,
            nfc(&rec.bloc_name),
            nfc(&rec.province),
            nfc(&rec.place),
            rec.leader,
            rec.deputy,
            rec.next_leader,
            iso_date(rec.conference_date),
            nfc(&rec.conference_venue),
            nfc(&rec.directions),
            nfc(rec.basis.trim()),
        ],
    )?;
    Ok(())
}

/// Locks (handed over) or unlocks a year, and records it in the year's history.
pub fn set_status(conn: &Connection, year: Year, status: YearStatus, note: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE year SET status = ?2 WHERE year = ?1",
        params![year, status.as_str()],
    )?;
    if n == 0 {
        return Err(StoreError::Invalid(format!(
            "Năm {year} chưa có trong tệp."
        )));
    }
    let action = match status {
        YearStatus::HandedOver => "lock",
        YearStatus::Open => "unlock",
    };
    conn.execute(
        "INSERT INTO year_event (year, at, action, note) VALUES (?1, ?2, ?3, ?4)",
        params![year, now_local(), action, nfc(note)],
    )?;
    Ok(())
}

/// Who holds `year` in this file's view: the successor of the latest handover of an earlier
/// year that this file made (the outgoing leader's file records the successor's file and its
/// SHA-256; the successor's own copy does not), unless the year was taken back since (an
/// "unlock" event of `year` at or after the handed-over year's lock). `None`: the year is this
/// file's to edit.
pub fn held_by_successor(conn: &Connection, year: Year) -> Result<Option<crate::domain::Held>> {
    let row: Option<(Year, crate::domain::MemberId, String, Option<String>)> = conn
        .prepare_cached(
            "SELECT h.year, h.to_member_id, h.date,
                    (SELECT MAX(e.at) FROM year_event e WHERE e.year = h.year AND e.action = 'lock')
             FROM handover h
             WHERE h.year < ?1 AND h.file_hash <> ''
             ORDER BY h.year DESC, h.id DESC LIMIT 1",
        )?
        .query_row([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    let Some((from_year, holder, date, locked_at)) = row else {
        return Ok(None);
    };
    let taken_back: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM year_event
             WHERE year = ?1 AND action = 'unlock' AND at >= COALESCE(?2, ''))",
        )?
        .query_row(params![year, locked_at], |r| r.get(0))?;
    if taken_back {
        return Ok(None);
    }
    let Some(since) = super::parse_iso_date(Some(date)) else {
        return Ok(None);
    };
    Ok(Some(crate::domain::Held {
        year,
        from_year,
        holder,
        since,
    }))
}

/// Takes `year` back from the successor in this file (a handover that must be redone): an
/// "unlock" event of the year, kept in its history.
pub fn take_back(conn: &Connection, year: Year) -> Result<()> {
    set_status(
        conn,
        year,
        YearStatus::Open,
        "Lấy lại quyền sửa từ đơn vị nhận bàn giao",
    )
}

pub fn events(conn: &Connection, year: Year) -> Result<Vec<YearEvent>> {
    let mut stmt =
        conn.prepare("SELECT at, action, note FROM year_event WHERE year = ?1 ORDER BY id")?;
    let rows = stmt
        .query_map([year], |r| {
            Ok(YearEvent {
                at: r.get(0)?,
                action: r.get(1)?,
                note: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Restores a year's lock history as it was (for an import).
pub fn insert_events(conn: &Connection, year: Year, events: &[YearEvent]) -> Result<()> {
    for e in events {
        conn.execute(
            "INSERT INTO year_event (year, at, action, note) VALUES (?1, ?2, ?3, ?4)",
            params![year, nfc(&e.at), e.action, nfc(&e.note)],
        )?;
    }
    Ok(())
}

/// Who attended the year-end conference of `year`.
pub fn attendees(conn: &Connection, year: Year) -> Result<Vec<Attendee>> {
    attendees_of(conn, year, ReportKind::YearEnd)
}

/// Who attended the conference of `kind` in `year`, in the list's order.
pub fn attendees_of(conn: &Connection, year: Year, kind: ReportKind) -> Result<Vec<Attendee>> {
    let mut stmt = conn.prepare(
        "SELECT id, member_id, guest_body, person, position FROM attendee
         WHERE year = ?1 AND report_kind = ?2 ORDER BY sort, id",
    )?;
    let rows = stmt
        .query_map(params![year, kind.as_str()], |r| {
            Ok(Attendee {
                id: r.get(0)?,
                member: r.get(1)?,
                guest_body: r.get(2)?,
                person: r.get(3)?,
                position: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Replaces the year-end conference's attendance list with `list`, in that order.
pub fn set_attendees(conn: &Connection, year: Year, list: &[Attendee]) -> Result<()> {
    set_attendees_of(conn, year, ReportKind::YearEnd, list)
}

/// Replaces the attendance list of the conference of `kind` with `list`, in that order; the
/// other conferences' lists stay.
pub fn set_attendees_of(
    conn: &Connection,
    year: Year,
    kind: ReportKind,
    list: &[Attendee],
) -> Result<()> {
    ensure_open(conn, year)?;
    conn.execute(
        "DELETE FROM attendee WHERE year = ?1 AND report_kind = ?2",
        params![year, kind.as_str()],
    )?;
    for (i, a) in list.iter().enumerate() {
        if a.member.is_none() && a.guest_body.trim().is_empty() {
            return Err(StoreError::Invalid(
                "Mỗi đại biểu phải thuộc một đơn vị thành viên hoặc ghi rõ cơ quan khách mời."
                    .to_owned(),
            ));
        }
        conn.execute(
            "INSERT INTO attendee (id, year, report_kind, sort, member_id, guest_body, person, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                (a.id > 0).then_some(a.id),
                year,
                kind.as_str(),
                i as i64,
                a.member,
                nfc(&a.guest_body),
                nfc(&a.person),
                nfc(&a.position),
            ],
        )?;
    }
    Ok(())
}

pub fn narratives(conn: &Connection, year: Year) -> Result<Vec<Narrative>> {
    let mut stmt = conn.prepare(
        "SELECT n.member_id, n.text, n.key_works FROM narrative n JOIN member m ON m.id = n.member_id
         WHERE n.year = ?1 ORDER BY m.position, m.id",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok(Narrative {
                member: r.get(0)?,
                text: r.get(1)?,
                key_works: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Sets a member's paragraph of achievements for the year; an empty text removes it.
pub fn set_narrative(conn: &Connection, year: Year, member: MemberId, text: &str) -> Result<()> {
    set_member_text(conn, year, member, NarrativeField::Achievements, text)
}

/// Sets one of a member's texts for the year; a member left with neither text has no row.
pub fn set_member_text(
    conn: &Connection,
    year: Year,
    member: MemberId,
    field: NarrativeField,
    text: &str,
) -> Result<()> {
    ensure_open(conn, year)?;
    let column = match field {
        NarrativeField::Achievements => "text",
        NarrativeField::KeyWorks => "key_works",
    };
    let text = if text.trim().is_empty() {
        String::new()
    } else {
        nfc(text)
    };
    conn.execute(
        "INSERT INTO narrative (year, member_id, text, key_works) VALUES (?1, ?2, '', '')
         ON CONFLICT (year, member_id) DO NOTHING",
        params![year, member],
    )?;
    conn.execute(
        &format!("UPDATE narrative SET {column} = ?3 WHERE year = ?1 AND member_id = ?2"),
        params![year, member, text],
    )?;
    conn.execute(
        "DELETE FROM narrative WHERE year = ?1 AND member_id = ?2 AND text = '' AND key_works = ''",
        params![year, member],
    )?;
    Ok(())
}

/// Everything the file holds about one year.
pub fn data(conn: &Connection, year: Year) -> Result<YearData> {
    let Some(record) = get(conn, year)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {year} không có trong tệp."
        )));
    };
    Ok(YearData {
        record,
        attendees: attendees(conn, year)?,
        indicators: indicators::list(conn, year)?,
        narratives: narratives(conn, year)?,
        report: reports::get(conn, year, ReportKind::YearEnd)?,
        versions: reports::versions(conn, year, ReportKind::YearEnd)?,
        opinions: reports::opinions(conn, year, ReportKind::YearEnd)?,
        handovers: handovers::list(conn, year)?,
        events: events(conn, year)?,
        conference: conference::get(conn, year, ReportKind::YearEnd)?,
        news: conference::news(conn, year)?,
        scoring: super::scoring::get(conn, year)?,
        awards: super::awards::get(conn, year)?,
        received: super::awards::received_before(conn, year)?,
        last_year: indicators::last_year(conn, year)?,
        other_reports: other_reports(conn, year)?,
        milestones: super::milestones::get(conn, year)?,
        previous: get(conn, year - 1)?,
    })
}

/// The year's reports of the other kinds that hold anything.
fn other_reports(conn: &Connection, year: Year) -> Result<Vec<KindReport>> {
    let mut out = Vec::new();
    for kind in ReportKind::ALL.into_iter().filter(|k| !k.is_year_end()) {
        let r = KindReport {
            kind,
            report: reports::get(conn, year, kind)?,
            versions: reports::versions(conn, year, kind)?,
            opinions: reports::opinions(conn, year, kind)?,
            conference: conference::get(conn, year, kind)?,
            attendees: attendees_of(conn, year, kind)?,
        };
        if !r.is_empty() {
            out.push(r);
        }
    }
    Ok(out)
}
