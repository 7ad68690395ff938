//! `verify` says "sound" only for a file the program opens and reads whole, and lists what
//! another tool added; receiving and handing over leave those additions out of the copy.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run, s, sample, stderr};
use rusqlite::Connection;
use std::path::Path;

/// `verify` on `path`: its exit code and everything it printed.
fn verify(dir: &Path, path: &Path) -> (Option<i32>, String) {
    let o = run(dir, &["verify", s(path)]);
    let said = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
    (o.status.code(), said)
}

/// The sample, altered by `sql` run with a plain SQLite connection (as another tool would).
fn altered(dir: &Path, name: &str, sql: &str) -> std::path::PathBuf {
    let db = sample(dir, name);
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch(sql).unwrap();
    db
}

/// Refused by `verify` with `expect` in its message, and by receiving; left byte-identical.
fn refused(dir: &Path, db: &Path, expect: &str) {
    let before = std::fs::read(db).unwrap();
    let (code, said) = verify(dir, db);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains(expect), "expected “{expect}” in: {said}");
    let data = tempfile::tempdir().unwrap();
    let err = khoi_thi_dua::ops::receive::receive(db, data.path()).unwrap_err();
    assert!(err.to_string().contains(expect), "{err}");
    assert_eq!(std::fs::read(db).unwrap(), before);
}

#[test]
fn a_dropped_table_is_not_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = altered(dir.path(), "a.sqlite", "DROP TABLE news_item;");
    refused(dir.path(), &db, "thiếu bảng “news_item”");
}

#[test]
fn a_column_of_another_type_is_not_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    let conn = Connection::open(&db).unwrap();
    let columns: Vec<String> = conn
        .prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info('indicator')")
        .unwrap()
        .query_map([], |r| {
            let name: String = r.get(0)?;
            let kind: String = if name == "plan" {
                "TEXT".into()
            } else {
                r.get(1)?
            };
            let not_null = if r.get::<_, i64>(2)? != 0 {
                " NOT NULL"
            } else {
                ""
            };
            let pk = if r.get::<_, i64>(3)? != 0 {
                " PRIMARY KEY"
            } else {
                ""
            };
            Ok(format!("{name} {kind}{not_null}{pk}"))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF; BEGIN;
         CREATE TABLE indicator_new ({});
         INSERT INTO indicator_new SELECT * FROM indicator;
         DROP TABLE indicator;
         ALTER TABLE indicator_new RENAME TO indicator;
         COMMIT;",
        columns.join(", ")
    ))
    .unwrap();
    drop(conn);
    refused(dir.path(), &db, "“indicator.plan” có kiểu “TEXT”");
}

#[test]
fn a_value_the_program_cannot_read_is_not_sound() {
    let dir = tempfile::tempdir().unwrap();
    let db = altered(
        dir.path(),
        "a.sqlite",
        "UPDATE indicator SET plan = 'Trên 4' WHERE id = (SELECT min(id) FROM indicator);",
    );
    refused(dir.path(), &db, "không đọc được");
}

#[test]
fn added_triggers_and_views_are_listed_and_never_travel_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = altered(
        dir.path(),
        "a.sqlite",
        "CREATE TRIGGER xoa_nam AFTER UPDATE ON member BEGIN DELETE FROM year; END;
         CREATE VIEW tong AS SELECT count(*) FROM indicator;",
    );
    let (code, said) = verify(dir.path(), &db);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("(trigger) “xoa_nam”") && said.contains("(view) “tong”"),
        "{said}"
    );

    // Received: the program's copy has neither.
    let data = tempfile::tempdir().unwrap();
    let (store, _) = khoi_thi_dua::ops::receive::receive(&db, data.path()).unwrap();
    let objects: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(objects, 0);
    drop(store);

    // Handed over: the successor's file has neither, and the command says so.
    let out = dir.path().join("khoi-2021.sqlite");
    let o = run(dir.path(), &common::handover_args(&db, "BQL KKT", &out));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("xoa_nam"));
    let conn = Connection::open(&out).unwrap();
    let objects: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(objects, 0);
}

#[test]
fn a_hot_journal_is_reported_as_an_interrupted_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    std::fs::write(
        khoi_thi_dua::fsutil::journal_of(&db),
        b"a change that never finished",
    )
    .unwrap();
    let (code, said) = verify(dir.path(), &db);
    assert_eq!(code, Some(1));
    assert!(said.contains("bị ngắt giữa chừng"), "{said}");
    assert!(!said.contains("chỉ đọc"), "{said}");
}
