//! Indicators: each member's plan and result figures for a year.

use super::{Column, Result, StoreError, ensure_open, nfc, text_value, update_changed};
use crate::domain::history::{HistoryYear, LastYear};
use crate::domain::{Indicator, Year};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params};

const COLUMNS: &str = "i.id, i.year, i.member_id, i.group_name, i.name, i.unit, i.plan, i.result, i.note, i.sort, i.plan_text, i.midyear, i.key";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Indicator> {
    Ok(Indicator {
        id: r.get(0)?,
        year: r.get(1)?,
        member: r.get(2)?,
        group: r.get(3)?,
        name: r.get(4)?,
        unit: r.get(5)?,
        plan: r.get(6)?,
        result: r.get(7)?,
        note: r.get(8)?,
        sort: r.get(9)?,
        plan_text: r.get(10)?,
        midyear: r.get(11)?,
        key: r.get(12)?,
    })
}

/// The plan's figure as stored: the number typed, or the reference value of the text typed
/// (so the two never disagree), or the refusal of a text that cannot be read.
fn plan_figure(ind: &Indicator) -> Result<Option<f64>> {
    if ind.plan_text.trim().is_empty() {
        return Ok(ind.plan);
    }
    let target = crate::domain::target::Target::parse(&ind.plan_text)
        .map_err(|e| StoreError::Invalid(format!("Chỉ tiêu “{}”: {e}", ind.name.trim())))?;
    Ok(target.and_then(|t| t.reference()))
}

/// The year's indicators, grouped by member in the bloc's order, each member's in its own order.
pub fn list(conn: &Connection, year: Year) -> Result<Vec<Indicator>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM indicator i JOIN member m ON m.id = i.member_id
         WHERE i.year = ?1 ORDER BY m.position, m.id, i.sort, i.id"
    ))?;
    let rows = stmt
        .query_map([year], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every year's indicators of `member` and of the members merged into it (and into those), for
/// the chart of a member's years; oldest year first.
pub fn of_member_and_predecessors(
    conn: &Connection,
    member: crate::domain::MemberId,
) -> Result<Vec<Indicator>> {
    let mut stmt = conn.prepare(&format!(
        "WITH RECURSIVE line(id) AS (
             SELECT ?1 UNION SELECT m.id FROM member m JOIN line ON m.merged_into = line.id
         )
         SELECT {COLUMNS} FROM indicator i WHERE i.member_id IN (SELECT id FROM line)
         ORDER BY i.year, i.sort, i.id"
    ))?;
    let rows = stmt
        .query_map([member], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Indicator>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM indicator i WHERE i.id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

fn check(ind: &Indicator) -> Result<()> {
    if ind.name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "Tên chỉ tiêu không được để trống.".to_owned(),
        ));
    }
    for (label, v) in [
        ("Kế hoạch", ind.plan),
        ("Thực hiện", ind.result),
        ("Thực hiện 6 tháng", ind.midyear),
    ] {
        if let Some(v) = v
            && (!v.is_finite() || v < 0.0)
        {
            return Err(StoreError::Invalid(format!(
                "{label} phải là một số không âm."
            )));
        }
    }
    Ok(())
}

/// The sort number after the member's last indicator of the year.
fn next_place(conn: &Connection, year: Year, member: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(sort), 0) + 1 FROM indicator WHERE year = ?1 AND member_id = ?2",
        params![year, member],
        |r| r.get(0),
    )?)
}

/// Adds an indicator and returns its id. With `ind.id > 0` that id is kept (import, undo of a
/// deletion); with `ind.sort < 0` it goes after the member's last indicator.
pub fn insert(conn: &Connection, ind: &Indicator) -> Result<i64> {
    ensure_open(conn, ind.year)?;
    insert_into_open_year(conn, ind)
}

/// [`insert`] for a bulk insert whose caller has checked once that the year is open (an
/// import creates the year open; a copy of last year's list checks it first).
pub(crate) fn insert_into_open_year(conn: &Connection, ind: &Indicator) -> Result<i64> {
    check(ind)?;
    let sort = if ind.sort >= 0 {
        ind.sort
    } else {
        next_place(conn, ind.year, ind.member)?
    };
    // Cached statements: an import or a handover inserts thousands of rows, and parsing the
    // SQL again for each one cost more than the insert itself.
    conn.prepare_cached(
        "INSERT INTO indicator (id, year, member_id, sort, group_name, name, unit, plan, result, note, plan_text, midyear, key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
            (ind.id > 0).then_some(ind.id),
            ind.year,
            ind.member,
            sort,
            nfc(ind.group.trim()),
            nfc(ind.name.trim()),
            nfc(ind.unit.trim()),
            plan_figure(ind)?,
            ind.result,
            nfc(&ind.note),
            nfc(ind.plan_text.trim()),
            ind.midyear,
            ind.key,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Saves every field of an existing indicator.
/// An indicator's columns as stored (the key columns `id` and `year` aside).
fn columns(ind: &Indicator) -> Result<Vec<Column>> {
    Ok(vec![
        ("member_id", Value::Integer(ind.member)),
        ("sort", Value::Integer(ind.sort)),
        ("group_name", text_value(ind.group.trim())),
        ("name", text_value(ind.name.trim())),
        ("unit", text_value(ind.unit.trim())),
        ("plan", plan_figure(ind)?.map_or(Value::Null, Value::Real)),
        ("result", ind.result.map_or(Value::Null, Value::Real)),
        ("note", text_value(&ind.note)),
        ("plan_text", text_value(ind.plan_text.trim())),
        ("midyear", ind.midyear.map_or(Value::Null, Value::Real)),
        ("key", ind.key.map_or(Value::Null, Value::Integer)),
    ])
}

/// Writes the values of `to` that differ from `from` (what the window last read), only if the
/// indicator still holds `from`'s in each ([`StoreError::Stale`] otherwise).
pub fn change(conn: &Connection, from: &Indicator, to: &Indicator) -> Result<()> {
    ensure_open(conn, to.year)?;
    check(to)?;
    update_changed(
        conn,
        "indicator",
        "id = ? AND year = ?",
        &[Value::Integer(to.id), Value::Integer(i64::from(to.year))],
        &columns(from)?,
        &columns(to)?,
        "Chỉ tiêu này không còn trong tệp.",
    )
}

/// Writes the whole indicator (for imports and tests; the window's edits go through [`change`]).
pub fn update(conn: &Connection, ind: &Indicator) -> Result<()> {
    ensure_open(conn, ind.year)?;
    check(ind)?;
    let n = conn.execute(
        "UPDATE indicator SET member_id = ?2, sort = ?3, group_name = ?4, name = ?5, unit = ?6,
                plan = ?7, result = ?8, note = ?9, plan_text = ?11, midyear = ?12, key = ?13
         WHERE id = ?1 AND year = ?10",
        params![
            ind.id,
            ind.member,
            ind.sort,
            nfc(ind.group.trim()),
            nfc(ind.name.trim()),
            nfc(ind.unit.trim()),
            plan_figure(ind)?,
            ind.result,
            nfc(&ind.note),
            ind.year,
            nfc(ind.plan_text.trim()),
            ind.midyear,
            ind.key,
        ],
    )?;
    if n == 0 {
        return Err(StoreError::Invalid(
            "Chỉ tiêu này không còn trong tệp.".to_owned(),
        ));
    }
    Ok(())
}

/// Deletes an indicator and returns it as it was, so the deletion can be undone.
pub fn delete(conn: &Connection, id: i64) -> Result<Indicator> {
    let Some(ind) = get(conn, id)? else {
        return Err(StoreError::Invalid(
            "Chỉ tiêu này không còn trong tệp.".to_owned(),
        ));
    };
    ensure_open(conn, ind.year)?;
    conn.execute("DELETE FROM indicator WHERE id = ?1", [id])?;
    Ok(ind)
}

/// Copies the indicator list of the year before `year` (groups, names, units and plans; not
/// results or notes) for the members still in the bloc. Returns the ids of the new rows.
pub fn copy_previous_year(conn: &Connection, year: Year) -> Result<Vec<i64>> {
    ensure_open(conn, year)?;
    let previous = list(conn, year - 1)?;
    if previous.is_empty() {
        return Err(StoreError::Invalid(format!(
            "Năm {} chưa có chỉ tiêu nào để chép.",
            year - 1
        )));
    }
    let members = super::members::list(conn)?;
    let mut ids = Vec::new();
    // Each member's next place, asked of the file once per member rather than once per row
    // (SQLite re-plans that `max()` query at every call).
    let mut next_sort: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    for ind in previous {
        let still_member = members
            .iter()
            .any(|m| m.id == ind.member && m.is_member_in(year));
        if !still_member {
            continue;
        }
        let sort = match next_sort.get(&ind.member) {
            Some(&s) => s,
            None => next_place(conn, year, ind.member)?,
        };
        next_sort.insert(ind.member, sort + 1);
        let copy = Indicator {
            id: 0,
            year,
            result: None,
            midyear: None,
            note: String::new(),
            sort,
            key: Some(ind.lineage()),
            ..ind
        };
        ids.push(insert_into_open_year(conn, &copy)?);
    }
    Ok(ids)
}

/// Last year's results by lineage (only the two columns, so that reading a year stays quick on
/// a file of many years).
pub fn last_year(conn: &Connection, year: Year) -> Result<LastYear> {
    let previous = year - 1;
    let mut stmt = conn.prepare_cached(
        "SELECT coalesce(key, id), result FROM indicator WHERE year = ?1 ORDER BY sort, id",
    )?;
    let rows = stmt
        .query_map([previous], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(i64, Option<f64>)>>>()?;
    if rows.is_empty() {
        return Ok(LastYear::default());
    }
    Ok(LastYear::new(previous, rows))
}

/// Every year's row of the indicator's lineage, oldest first (one row a year: the first by
/// the member's order when a year holds more than one).
pub fn history(conn: &Connection, lineage: i64) -> Result<Vec<HistoryYear>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM indicator i
         WHERE (i.id = ?1 AND i.key IS NULL) OR i.key = ?1
         ORDER BY i.year, i.sort, i.id"
    ))?;
    let rows = stmt
        .query_map([lineage], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut years: Vec<HistoryYear> = Vec::with_capacity(rows.len());
    for ind in &rows {
        if years.last().is_none_or(|h| h.year != ind.year) {
            years.push(HistoryYear::of(ind));
        }
    }
    Ok(years)
}

/// Last year's indicators the one with `id` may be linked to by hand: those of its member and
/// of the members that merged into it at the start of this year.
pub fn link_candidates(conn: &Connection, id: i64) -> Result<Vec<Indicator>> {
    let Some(ind) = get(conn, id)? else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM indicator i JOIN member m ON m.id = i.member_id
         WHERE i.year = ?1 AND (i.member_id = ?2 OR m.merged_into = ?2)
         ORDER BY m.position, m.id, i.sort, i.id"
    ))?;
    let rows = stmt
        .query_map(params![ind.year - 1, ind.member], from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Sets the lineage of the indicator `id` to `lineage` (last year's indicator it continues, or
/// `None` to make it new again), and that of the later years' rows that descended from it, so
/// that they stay one indicator. Returns every row's key as it was, for the undo.
pub fn link(conn: &Connection, id: i64, lineage: Option<i64>) -> Result<Vec<(i64, Option<i64>)>> {
    let Some(ind) = get(conn, id)? else {
        return Err(StoreError::Invalid(
            "Chỉ tiêu này không còn trong tệp.".to_owned(),
        ));
    };
    ensure_open(conn, ind.year)?;
    if lineage == Some(ind.id) {
        return link(conn, id, None);
    }
    let mut changes = vec![(ind.id, lineage)];
    let descendants: Vec<i64> = conn
        .prepare_cached("SELECT id FROM indicator WHERE key = ?1 AND year > ?2")?
        .query_map(params![ind.lineage(), ind.year], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let carried = Some(lineage.unwrap_or(ind.id));
    changes.extend(descendants.into_iter().map(|d| (d, carried)));
    set_keys(conn, &changes)
}

/// Sets each row's key as given and returns the keys as they were.
pub fn set_keys(conn: &Connection, keys: &[(i64, Option<i64>)]) -> Result<Vec<(i64, Option<i64>)>> {
    let mut old = Vec::with_capacity(keys.len());
    for &(id, key) in keys {
        let Some(ind) = get(conn, id)? else {
            return Err(StoreError::Invalid(
                "Chỉ tiêu này không còn trong tệp.".to_owned(),
            ));
        };
        ensure_open(conn, ind.year)?;
        conn.prepare_cached("UPDATE indicator SET key = ?2 WHERE id = ?1")?
            .execute(params![id, key])?;
        old.push((id, ind.key));
    }
    Ok(old)
}
