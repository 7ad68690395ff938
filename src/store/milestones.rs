//! The year's dated milestones, read and written as one list.

use super::{Result, StoreError, ensure_open};
use crate::domain::Year;
use crate::domain::calendar::{Milestone, MilestoneKind};
use rusqlite::{Connection, params};

/// The milestones of `year` that have a date, in the year's order.
pub fn get(conn: &Connection, year: Year) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare("SELECT kind, date FROM milestone WHERE year = ?1")?;
    let rows: Vec<(String, String)> = stmt
        .query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<Milestone> = rows
        .into_iter()
        .filter_map(|(kind, date)| {
            Some(Milestone {
                kind: MilestoneKind::parse(&kind)?,
                date: chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok()?,
            })
        })
        .collect();
    out.sort_by_key(|m| m.kind);
    Ok(out)
}

/// Replaces the milestones of `year` with `list` and returns the ones it had.
pub fn set(conn: &Connection, year: Year, list: &[Milestone]) -> Result<Vec<Milestone>> {
    ensure_open(conn, year)?;
    if let Some(twice) = list
        .iter()
        .find(|m| list.iter().filter(|o| o.kind == m.kind).count() > 1)
    {
        return Err(StoreError::Invalid(format!(
            "Mốc “{}” của năm {year} được ghi hai lần.",
            twice.kind.label()
        )));
    }
    let old = get(conn, year)?;
    conn.execute("DELETE FROM milestone WHERE year = ?1", [year])?;
    for m in list {
        conn.execute(
            "INSERT INTO milestone (year, kind, date) VALUES (?1, ?2, ?3)",
            params![year, m.kind.as_str(), m.date.format("%Y-%m-%d").to_string()],
        )?;
    }
    Ok(old)
}
