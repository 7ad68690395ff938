//! Records of handing the leader role (and the file) to the next member.

use super::{Result, StoreError, nfc};
use crate::domain::{Handover, HandoverItem, Year};
use rusqlite::{Connection, params};

pub fn list(conn: &Connection, year: Year) -> Result<Vec<Handover>> {
    let mut stmt = conn.prepare(
        "SELECT id, year, from_member_id, to_member_id, date, notes, file_name, file_hash
         FROM handover WHERE year = ?1 ORDER BY id",
    )?;
    let rows: Vec<(Handover, String)> = stmt
        .query_map([year], |r| {
            Ok((
                Handover {
                    id: r.get(0)?,
                    year: r.get(1)?,
                    from_member: r.get(2)?,
                    to_member: r.get(3)?,
                    date: chrono::NaiveDate::MIN,
                    notes: r.get(5)?,
                    items: Vec::new(),
                    file_name: r.get(6)?,
                    file_hash: r.get(7)?,
                },
                r.get(4)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut items = conn.prepare(
        "SELECT item, quantity, note FROM handover_item WHERE handover_id = ?1 ORDER BY sort, id",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (mut h, date) in rows {
        h.date = super::parse_iso_date(Some(date)).unwrap_or(chrono::NaiveDate::MIN);
        h.items = items
            .query_map([h.id], |r| {
                Ok(HandoverItem {
                    item: r.get(0)?,
                    quantity: r.get(1)?,
                    note: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.push(h);
    }
    Ok(out)
}

/// Records a handover with its items and returns its id (keeping `h.id` when positive).
pub fn insert(conn: &Connection, h: &Handover) -> Result<i64> {
    if h.from_member == Some(h.to_member) {
        return Err(StoreError::Invalid(
            "Đơn vị nhận bàn giao phải khác đơn vị bàn giao.".to_owned(),
        ));
    }
    conn.execute(
        "INSERT INTO handover (id, year, from_member_id, to_member_id, date, notes, file_name, file_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            (h.id > 0).then_some(h.id),
            h.year,
            h.from_member,
            h.to_member,
            h.date.format("%Y-%m-%d").to_string(),
            nfc(&h.notes),
            nfc(&h.file_name),
            h.file_hash,
        ],
    )?;
    let id = conn.last_insert_rowid();
    for (i, item) in h.items.iter().enumerate() {
        conn.execute(
            "INSERT INTO handover_item (handover_id, sort, item, quantity, note)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                i as i64,
                nfc(&item.item),
                nfc(&item.quantity),
                nfc(&item.note)
            ],
        )?;
    }
    Ok(id)
}

/// Stores the name and SHA-256 of the copy written for the successor.
pub fn set_file(conn: &Connection, id: i64, file_name: &str, hash: &str) -> Result<()> {
    conn.execute(
        "UPDATE handover SET file_name = ?2, file_hash = ?3 WHERE id = ?1",
        params![id, nfc(file_name), hash],
    )?;
    Ok(())
}
