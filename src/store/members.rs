//! Member units and their names by year.

use super::{Column, Result, StoreError, nfc, text_value, update_changed};
use crate::domain::{Member, MemberId, MemberName, Year};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params};

/// Every member unit the file has ever had, in the bloc's order, with all its names.
pub fn list(conn: &Connection) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare(
        "SELECT id, position, joined_year, left_year, merged_into, head_name, head_title,
                contact_name, phone, email
         FROM member ORDER BY position, id",
    )?;
    let mut members: Vec<Member> = stmt
        .query_map([], |r| {
            Ok(Member {
                id: r.get(0)?,
                position: r.get(1)?,
                joined_year: r.get(2)?,
                left_year: r.get(3)?,
                merged_into: r.get(4)?,
                head_name: r.get(5)?,
                head_title: r.get(6)?,
                contact_name: r.get(7)?,
                phone: r.get(8)?,
                email: r.get(9)?,
                names: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT member_id, from_year, full_name, short_name, abbreviation
         FROM member_name ORDER BY member_id, from_year",
    )?;
    let names = stmt.query_map([], |r| {
        Ok((
            r.get::<_, MemberId>(0)?,
            MemberName {
                from_year: r.get(1)?,
                full_name: r.get(2)?,
                short_name: r.get(3)?,
                abbreviation: r.get(4)?,
            },
        ))
    })?;
    for row in names {
        let (id, name) = row?;
        if let Some(m) = members.iter_mut().find(|m| m.id == id) {
            m.names.push(name);
        }
    }
    Ok(members)
}

/// Adds a member unit at the end of the bloc's order (or with `member.id` when it is positive,
/// as an import does) and returns its id. Its first name must be valid for its first year.
pub fn insert(conn: &Connection, member: &Member) -> Result<MemberId> {
    if member.names.is_empty() {
        return Err(StoreError::Invalid(
            "Tên đơn vị không được để trống.".to_owned(),
        ));
    }
    for name in &member.names {
        check_name(conn, name, None)?;
    }
    let position = if member.position > 0 {
        member.position
    } else {
        conn.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM member",
            [],
            |r| r.get(0),
        )?
    };
    let id: Option<MemberId> = (member.id > 0).then_some(member.id);
    conn.execute(
        "INSERT INTO member (id, position, joined_year, left_year, merged_into, head_name,
                             head_title, contact_name, phone, email)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            position,
            member.joined_year,
            member.left_year,
            member.merged_into,
            nfc(&member.head_name),
            nfc(&member.head_title),
            nfc(&member.contact_name),
            nfc(&member.phone),
            nfc(&member.email),
        ],
    )?;
    let id = conn.last_insert_rowid();
    for name in &member.names {
        set_name_unchecked(conn, id, name)?;
    }
    Ok(id)
}

/// Saves the unit's details (head, contact, membership), not its names or order.
/// A member's details as stored (its names are rows of their own).
fn detail_columns(m: &Member) -> Vec<Column> {
    let year = |y: Option<Year>| y.map_or(Value::Null, |y| Value::Integer(i64::from(y)));
    vec![
        ("joined_year", Value::Integer(i64::from(m.joined_year))),
        ("left_year", year(m.left_year)),
        (
            "merged_into",
            m.merged_into.map_or(Value::Null, Value::Integer),
        ),
        ("head_name", text_value(&m.head_name)),
        ("head_title", text_value(&m.head_title)),
        ("contact_name", text_value(&m.contact_name)),
        ("phone", text_value(&m.phone)),
        ("email", text_value(&m.email)),
    ]
}

/// Writes the details of `to` that differ from `from` (what the window last read), only if the
/// member still holds `from`'s in each ([`StoreError::Stale`] otherwise).
pub fn change_details(conn: &Connection, from: &Member, to: &Member) -> Result<()> {
    update_changed(
        conn,
        "member",
        "id = ?",
        &[Value::Integer(to.id)],
        &detail_columns(from),
        &detail_columns(to),
        "Đơn vị này không còn trong tệp.",
    )
}

/// Writes all of a member's details (for tests; the window's edits go through
/// [`change_details`]).
pub fn update_details(conn: &Connection, member: &Member) -> Result<()> {
    let n = conn.execute(
        "UPDATE member SET joined_year = ?2, left_year = ?3, merged_into = ?4, head_name = ?5,
                head_title = ?6, contact_name = ?7, phone = ?8, email = ?9
         WHERE id = ?1",
        params![
            member.id,
            member.joined_year,
            member.left_year,
            member.merged_into,
            nfc(&member.head_name),
            nfc(&member.head_title),
            nfc(&member.contact_name),
            nfc(&member.phone),
            nfc(&member.email),
        ],
    )?;
    if n == 0 {
        return Err(StoreError::Invalid(
            "Đơn vị này không còn trong tệp.".to_owned(),
        ));
    }
    Ok(())
}

/// Sets the names a unit bears from `name.from_year` on (a rename, or a correction of the names
/// of that year). Earlier years keep their names.
pub fn set_name(conn: &Connection, member: MemberId, name: &MemberName) -> Result<()> {
    check_name(conn, name, Some(member))?;
    set_name_unchecked(conn, member, name)
}

pub(crate) fn set_name_unchecked(
    conn: &Connection,
    member: MemberId,
    name: &MemberName,
) -> Result<()> {
    conn.execute(
        "INSERT INTO member_name (member_id, from_year, full_name, short_name, abbreviation)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (member_id, from_year) DO UPDATE SET
            full_name = excluded.full_name, short_name = excluded.short_name,
            abbreviation = excluded.abbreviation",
        params![
            member,
            name.from_year,
            nfc(name.full_name.trim()),
            nfc(name.short_name.trim()),
            nfc(name.abbreviation.trim()),
        ],
    )?;
    Ok(())
}

/// Removes the names that took effect in `from_year` (undoing a rename). The unit's earliest
/// names cannot be removed this way.
pub fn remove_name(conn: &Connection, member: MemberId, from_year: Year) -> Result<()> {
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM member_name WHERE member_id = ?1",
        [member],
        |r| r.get(0),
    )?;
    if count <= 1 {
        return Err(StoreError::Invalid(
            "Không thể xóa tên duy nhất của đơn vị.".to_owned(),
        ));
    }
    conn.execute(
        "DELETE FROM member_name WHERE member_id = ?1 AND from_year = ?2",
        params![member, from_year],
    )?;
    Ok(())
}

/// An empty full name, or a full name another member already bears in the same year, is refused.
fn check_name(conn: &Connection, name: &MemberName, except: Option<MemberId>) -> Result<()> {
    crate::domain::check_member_name(&list(conn)?, name.from_year, &name.full_name, except)?;
    Ok(())
}

/// Moves a member one place up (`-1`) or down (`+1`) in the bloc's order among the members of
/// `year`. Returns whether it moved.
pub fn move_in_order(conn: &Connection, member: MemberId, year: Year, delta: i64) -> Result<bool> {
    let all = list(conn)?;
    let current: Vec<&Member> = crate::domain::members_in(&all, year);
    let Some(idx) = current.iter().position(|m| m.id == member) else {
        return Ok(false);
    };
    let target = idx as i64 + delta;
    if target < 0 || target >= current.len() as i64 {
        return Ok(false);
    }
    let mut order: Vec<MemberId> = all.iter().map(|m| m.id).collect();
    let a = current[idx].id;
    let b = current[target as usize].id;
    let (ia, ib) = (
        order.iter().position(|&x| x == a),
        order.iter().position(|&x| x == b),
    );
    if let (Some(ia), Some(ib)) = (ia, ib) {
        order.swap(ia, ib);
    }
    renumber(conn, &order)?;
    Ok(true)
}

/// Puts the bloc's members in `order`, which must list each of them once (as [`list`] gives
/// them); returns the order they had.
pub fn set_order(conn: &Connection, order: &[MemberId]) -> Result<Vec<MemberId>> {
    let old: Vec<MemberId> = list(conn)?.iter().map(|m| m.id).collect();
    let mut given = order.to_vec();
    let mut held = old.clone();
    given.sort_unstable();
    held.sort_unstable();
    if given != held {
        return Err(StoreError::Stale);
    }
    renumber(conn, order)?;
    Ok(old)
}

/// Numbers the members 1..n in `order`, so positions stay dense and unique.
fn renumber(conn: &Connection, order: &[MemberId]) -> Result<()> {
    for (i, id) in order.iter().enumerate() {
        conn.execute(
            "UPDATE member SET position = ?2 WHERE id = ?1",
            params![id, i as i64 + 1],
        )?;
    }
    Ok(())
}

/// Deletes a member that has no data at all (used to undo adding one).
pub fn delete_unused(conn: &Connection, member: MemberId) -> Result<()> {
    let used: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM indicator WHERE member_id = ?1
             UNION ALL SELECT 1 FROM narrative WHERE member_id = ?1
             UNION ALL SELECT 1 FROM year WHERE ?1 IN (leader_id, deputy_id, next_leader_id)
             UNION ALL SELECT 1 FROM handover WHERE ?1 IN (from_member_id, to_member_id)
             UNION ALL SELECT 1 FROM opinion WHERE member_id = ?1
             UNION ALL SELECT 1 FROM attendee WHERE member_id = ?1
             UNION ALL SELECT 1 FROM nomination WHERE member_id = ?1
             LIMIT 1",
            [member],
            |r| r.get(0),
        )
        .optional()?;
    if used.is_some() {
        return Err(StoreError::Invalid(
            "Đơn vị đã có dữ liệu nên không xóa được; hãy đánh dấu “Rời khối” thay vì xóa."
                .to_owned(),
        ));
    }
    conn.execute("DELETE FROM member WHERE id = ?1", [member])?;
    Ok(())
}
