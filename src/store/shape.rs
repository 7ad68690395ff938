//! The shape of a bloc file's schema: its tables with their columns, and every other object
//! (indexes, triggers, views). `verify` compares a file's shape with the one this program
//! creates, so that "sound" means "opens and reads"; and receiving or handing over a file drops
//! what another tool added (a trigger that a plain SQLite tool would run), saying so.

use super::{Result, schema};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// One column as SQLite describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Column {
    name: String,
    decl_type: String,
    not_null: bool,
    primary_key: i64,
}

/// A named schema object other than a table: ("index" | "trigger" | "view" | "table", name).
pub type Object = (String, String);

/// The schema of one database.
#[derive(Debug, Default, Clone)]
pub struct Shape {
    tables: BTreeMap<String, Vec<Column>>,
    others: Vec<Object>,
}

impl Shape {
    /// Reads the shape of `conn`'s main database (SQLite's own `sqlite_*` objects left out).
    pub fn of(conn: &Connection) -> Result<Shape> {
        let objects: Vec<Object> = conn
            .prepare(
                "SELECT type, name FROM sqlite_schema
                 WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut shape = Shape::default();
        let mut columns = conn.prepare(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid",
        )?;
        for (kind, name) in objects {
            if kind == "table" {
                let list = columns
                    .query_map([&name], |r| {
                        Ok(Column {
                            name: r.get(0)?,
                            decl_type: r.get::<_, String>(1)?.to_uppercase(),
                            not_null: r.get::<_, i64>(2)? != 0,
                            primary_key: r.get(3)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
                shape.tables.insert(name, list);
            } else {
                shape.others.push((kind, name));
            }
        }
        Ok(shape)
    }

    /// The shape of schema `version` as this program creates it.
    pub fn expected(version: i32) -> Result<Shape> {
        let mut conn = Connection::open_in_memory()?;
        schema::migrate(&mut conn, 0, version)?;
        Shape::of(&conn)
    }

    /// What keeps the program from reading a file of this shape, `expected` being its
    /// version's: missing tables, missing columns, columns of another type. Empty when none.
    pub fn problems(&self, expected: &Shape) -> Vec<String> {
        let mut out = Vec::new();
        for (table, want) in &expected.tables {
            let Some(have) = self.tables.get(table) else {
                out.push(format!("thiếu bảng “{table}”"));
                continue;
            };
            for column in want {
                match have.iter().find(|c| c.name == column.name) {
                    None => out.push(format!("bảng “{table}” thiếu cột “{}”", column.name)),
                    Some(c) if c.decl_type != column.decl_type => out.push(format!(
                        "cột “{table}.{}” có kiểu “{}”, chương trình cần “{}”",
                        column.name, c.decl_type, column.decl_type
                    )),
                    Some(c) if c != column => out.push(format!(
                        "cột “{table}.{}” khác ràng buộc (NOT NULL hoặc khóa chính) so với tệp của chương trình",
                        column.name
                    )),
                    Some(_) => {}
                }
            }
        }
        out
    }

    /// Objects this shape has that `expected` does not: tables, indexes, triggers and views
    /// another tool added.
    pub fn foreign(&self, expected: &Shape) -> Vec<Object> {
        let tables = self
            .tables
            .keys()
            .filter(|t| !expected.tables.contains_key(*t))
            .map(|t| ("table".to_owned(), t.clone()));
        let others = self
            .others
            .iter()
            .filter(|o| !expected.others.contains(o))
            .cloned();
        tables.chain(others).collect()
    }
}

/// An object as the user reads it: "trigger “xoa_nam”".
pub fn describe(object: &Object) -> String {
    let (kind, name) = object;
    let kind = match kind.as_str() {
        "table" => "bảng",
        "index" => "chỉ mục",
        "view" => "khung nhìn (view)",
        "trigger" => "trình kích hoạt (trigger)",
        other => other,
    };
    format!("{kind} “{name}”")
}

/// Removes `objects` from a database the program is writing (its own copy), in one
/// transaction. Triggers and views go before tables, so nothing refers to what is gone.
pub fn drop_objects(conn: &mut Connection, objects: &[Object]) -> Result<()> {
    let tx = conn.transaction()?;
    for kind in ["trigger", "view", "index", "table"] {
        for (_, name) in objects.iter().filter(|(k, _)| k == kind) {
            let quoted = name.replace('"', "\"\"");
            tx.execute_batch(&format!(
                "DROP {} IF EXISTS \"{quoted}\"",
                kind.to_uppercase()
            ))?;
        }
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unwrap_used)]
    fn added_objects_are_foreign_and_a_changed_column_is_a_problem() {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn, 0, schema::CURRENT_VERSION).unwrap();
        let expected = Shape::expected(schema::CURRENT_VERSION).unwrap();
        let clean = Shape::of(&conn).unwrap();
        assert!(clean.problems(&expected).is_empty());
        assert!(clean.foreign(&expected).is_empty());

        conn.execute_batch(
            "CREATE TRIGGER \"xoá \"\"năm\"\"\" AFTER UPDATE ON member BEGIN DELETE FROM year; END;
             CREATE VIEW v AS SELECT * FROM member;
             CREATE TABLE ghi_chu (x);
             ALTER TABLE indicator DROP COLUMN note;",
        )
        .unwrap();
        let changed = Shape::of(&conn).unwrap();
        let foreign = changed.foreign(&expected);
        assert_eq!(foreign.len(), 3, "{foreign:?}");
        assert_eq!(
            changed.problems(&expected),
            vec!["bảng “indicator” thiếu cột “note”".to_owned()]
        );
        drop_objects(&mut conn, &foreign).unwrap();
        assert!(Shape::of(&conn).unwrap().foreign(&expected).is_empty());
    }
}
