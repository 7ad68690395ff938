//! The year's award catalogue, nominations, vote rounds (totals only) and counting committee.
//! They are small and the window edits them as one value, so they are read and written whole:
//! `set` checks the new value against the year's ranking and returns the old one for undo.

use super::{Result, StoreError, ensure_open, iso_date, members, nfc, parse_iso_date, years};
use crate::domain::awards::{
    Award, Decision, Eligibility, Nomination, Quota, Ranks, Threshold, VoteBase, VoteRound, Votes,
    YearAwards,
};
use crate::domain::scoring::Received;
use crate::domain::{Person, Year};
use rusqlite::{Connection, params};

fn bad_value(what: &str) -> StoreError {
    StoreError::Invalid(format!(
        "Tệp dữ liệu có {what} của phần khen thưởng không đọc được, có thể tệp đã bị chương trình khác sửa. Hãy khôi phục từ bản sao lưu hoặc xin lại tệp."
    ))
}

/// A count read back from the file: never negative (the schema's CHECK), never beyond u32.
fn count(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| bad_value("số phiếu"))
}

/// Everything about awards in `year`.
pub fn get(conn: &Connection, year: Year) -> Result<YearAwards> {
    Ok(YearAwards {
        awards: catalogue(conn, year)?,
        nominations: nominations(conn, year)?,
        rounds: rounds(conn, year)?,
        committee: committee(conn, year)?,
    })
}

fn catalogue(conn: &Connection, year: Year) -> Result<Vec<Award>> {
    let mut stmt = conn.prepare(
        "SELECT id, sort, name, level, basis, quota_kind, quota, threshold_percent, threshold_of,
                threshold_strict, eligibility, suggest, template
         FROM award WHERE year = ?1 ORDER BY sort, id",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, f64>(6)?,
                r.get::<_, f64>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, bool>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, bool>(11)?,
                r.get::<_, bool>(12)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, sort, name, level, basis, qk, q, percent, of, strict, elig, suggest, template) in rows
    {
        let quota = match qk.as_str() {
            "count" if q.is_finite() && q >= 0.0 && q <= f64::from(u32::MAX) => {
                Quota::Count(q as u32)
            }
            "share" => Quota::Share(q),
            _ => return Err(bad_value("số lượng đề nghị")),
        };
        let of = match of.as_str() {
            "present" => VoteBase::Present,
            "members" => VoteBase::Members,
            _ => return Err(bad_value("tỷ lệ phiếu")),
        };
        let eligibility = match elig.as_str() {
            "any" => Eligibility::Any,
            "ranked" => Eligibility::Ranked,
            "leading" => Eligibility::Leading,
            _ => return Err(bad_value("điều kiện xét")),
        };
        out.push(Award {
            id,
            name,
            level,
            basis,
            quota,
            threshold: Threshold {
                percent,
                of,
                strict,
            },
            eligibility,
            suggest,
            template,
            sort,
        });
    }
    Ok(out)
}

fn nominations(conn: &Connection, year: Year) -> Result<Vec<Nomination>> {
    let mut stmt = conn.prepare(
        "SELECT award_id, member_id, sort, reason, decision_number, decision_date, decision_issuer
         FROM nomination WHERE year = ?1 ORDER BY award_id, sort, member_id",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok(Nomination {
                award: r.get(0)?,
                member: r.get(1)?,
                sort: r.get(2)?,
                reason: r.get(3)?,
                decision: Decision {
                    number: r.get(4)?,
                    date: parse_iso_date(r.get(5)?),
                    issuer: r.get(6)?,
                },
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn rounds(conn: &Connection, year: Year) -> Result<Vec<VoteRound>> {
    let mut stmt = conn.prepare(
        "SELECT award_id, round, members, present, issued, returned, valid
         FROM vote_round WHERE year = ?1 ORDER BY award_id, round",
    )?;
    let heads = stmt
        .query_map([year], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                [
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?,
                ],
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut votes = conn.prepare(
        "SELECT member_id, votes FROM vote_total
         WHERE year = ?1 AND award_id = ?2 AND round = ?3 ORDER BY member_id",
    )?;
    let mut out = Vec::with_capacity(heads.len());
    for (award, round, [members, present, issued, returned, valid]) in heads {
        let list = votes
            .query_map(params![year, award, round], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut v = Vec::with_capacity(list.len());
        for (member, n) in list {
            v.push(Votes {
                member,
                votes: count(n)?,
            });
        }
        out.push(VoteRound {
            award,
            round: count(round)?,
            members: count(members)?,
            present: count(present)?,
            issued: count(issued)?,
            returned: count(returned)?,
            valid: count(valid)?,
            votes: v,
        });
    }
    Ok(out)
}

fn committee(conn: &Connection, year: Year) -> Result<Vec<Person>> {
    let mut stmt = conn
        .prepare("SELECT name, position, unit FROM vote_committee WHERE year = ?1 ORDER BY sort")?;
    let rows = stmt
        .query_map([year], |r| {
            Ok(Person {
                name: r.get(0)?,
                position: r.get(1)?,
                unit: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The awards members received for the year before `year`: the nominations of that year whose
/// conferring decision is recorded.
pub fn received_before(conn: &Connection, year: Year) -> Result<Vec<Received>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.member_id, a.name FROM nomination n
         JOIN award a ON a.year = n.year AND a.id = n.award_id
         WHERE n.year = ?1 AND trim(n.decision_number) <> ''
         ORDER BY n.member_id, a.sort",
    )?;
    let rows = stmt
        .query_map([year - 1], |r| {
            Ok(Received {
                member: r.get(0)?,
                award: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The year's ranking, against which nominations are checked.
pub fn ranks(conn: &Connection, year: Year) -> Result<Ranks> {
    let data = years::data(conn, year)?;
    Ok(Ranks::of(&members::list(conn)?, &data))
}

/// Replaces everything about awards in `year` with `new`, after checking it (a nominee outside
/// its award's rule, votes beyond the valid ballots, …). Returns what the year had, for undo.
pub fn set(conn: &Connection, year: Year, new: &YearAwards) -> Result<YearAwards> {
    ensure_open(conn, year)?;
    let old = get(conn, year)?;
    let all = members::list(conn)?;
    let name = |id| {
        all.iter()
            .find(|m| m.id == id)
            .map_or(format!("Đơn vị số {id}"), |m| {
                m.full_name_in(year).to_owned()
            })
    };
    if let Some(n) = new
        .nominations
        .iter()
        .find(|n| !all.iter().any(|m| m.id == n.member))
    {
        return Err(StoreError::Invalid(format!(
            "Đơn vị số {} không có trong tệp nên không đề nghị khen thưởng được.",
            n.member
        )));
    }
    new.check(&ranks(conn, year)?, &name)
        .map_err(StoreError::Invalid)?;
    write(conn, year, new)?;
    Ok(old)
}

/// Writes `awards` over the year's rows; the caller has checked it.
fn write(conn: &Connection, year: Year, aw: &YearAwards) -> Result<()> {
    // The rounds, votes and nominations go with their awards (ON DELETE CASCADE).
    conn.execute("DELETE FROM award WHERE year = ?1", [year])?;
    conn.execute("DELETE FROM vote_committee WHERE year = ?1", [year])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO award (year, id, sort, name, level, basis, quota_kind, quota, threshold_percent,
                            threshold_of, threshold_strict, eligibility, suggest, template)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    for a in &aw.awards {
        let (qk, q) = match a.quota {
            Quota::Count(n) => ("count", f64::from(n)),
            Quota::Share(p) => ("share", p),
        };
        stmt.execute(params![
            year,
            a.id,
            a.sort,
            nfc(a.name.trim()),
            nfc(a.level.trim()),
            nfc(a.basis.trim()),
            qk,
            q,
            a.threshold.percent,
            match a.threshold.of {
                VoteBase::Present => "present",
                VoteBase::Members => "members",
            },
            a.threshold.strict,
            match a.eligibility {
                Eligibility::Any => "any",
                Eligibility::Ranked => "ranked",
                Eligibility::Leading => "leading",
            },
            a.suggest,
            a.template,
        ])?;
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO nomination (year, award_id, member_id, sort, reason, decision_number,
                                 decision_date, decision_issuer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for n in &aw.nominations {
        stmt.execute(params![
            year,
            n.award,
            n.member,
            n.sort,
            nfc(n.reason.trim()),
            nfc(n.decision.number.trim()),
            iso_date(n.decision.date),
            nfc(n.decision.issuer.trim()),
        ])?;
    }
    let mut head = conn.prepare_cached(
        "INSERT INTO vote_round (year, award_id, round, members, present, issued, returned, valid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut votes = conn.prepare_cached(
        "INSERT INTO vote_total (year, award_id, round, member_id, votes) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for r in &aw.rounds {
        head.execute(params![
            year, r.award, r.round, r.members, r.present, r.issued, r.returned, r.valid
        ])?;
        for v in &r.votes {
            votes.execute(params![year, r.award, r.round, v.member, v.votes])?;
        }
    }
    let mut stmt = conn.prepare_cached(
        "INSERT INTO vote_committee (year, sort, name, position, unit) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, p) in aw.committee.iter().enumerate() {
        stmt.execute(params![
            year,
            i as i64,
            nfc(p.name.trim()),
            nfc(p.position.trim()),
            nfc(p.unit.trim()),
        ])?;
    }
    Ok(())
}

/// Gives `next` the catalogue of `year` when it has none (the handover): the awards only, the
/// nominations and votes stay with their year.
pub fn copy_catalogue(conn: &Connection, year: Year, next: Year) -> Result<()> {
    let current = get(conn, next)?;
    if !current.awards.is_empty() {
        return Ok(());
    }
    let from = get(conn, year)?;
    if from.awards.is_empty() {
        return Ok(());
    }
    ensure_open(conn, next)?;
    write(
        conn,
        next,
        &YearAwards {
            committee: current.committee,
            ..from.catalogue_only()
        },
    )
}
