//! Memory stays bounded whatever a file holds: a value or a file no real bloc reaches is
//! refused with a Vietnamese message, under a memory limit where the program used to abort.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run_ok, s, sample, stderr};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs the program under a 1 GiB address-space limit (`prlimit`, from util-linux); the
/// unlimited run where the tool is missing, except on CI.
fn run_limited(dir: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_khoi-thi-dua");
    let limited = ["--as=1073741824", "--", bin];
    if common::tool("prlimit", &["--version"]).is_some() {
        let mut c = std::process::Command::new("prlimit");
        c.args(limited).args(args);
        c.env("KHOI_THI_DUA_DATA_DIR", common::data_dir(dir));
        return c.output().unwrap();
    }
    common::run(dir, args)
}

/// The sample as an exchange file's JSON value.
fn sample_exchange(dir: &Path) -> serde_json::Value {
    let db = sample(dir, "mau.sqlite");
    serde_json::from_str(&run_ok(dir, &["export-json", "--db", s(&db)])).unwrap()
}

/// Writes `v` to `name` and imports it, under the memory limit, into a new `moi.sqlite`.
fn import_limited(dir: &Path, name: &str, v: serde_json::Value) -> (Output, PathBuf) {
    let json = dir.join(name);
    std::fs::write(&json, serde_json::to_string(&v).unwrap()).unwrap();
    drop(v);
    let new = dir.join("moi.sqlite");
    let o = run_limited(dir, &["import-json", "--db", s(&new), s(&json)]);
    (o, new)
}

#[test]
fn a_json_file_with_a_huge_note_is_refused_before_it_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = sample_exchange(dir.path());
    v["years"][0]["indicators"][0]["note"] = serde_json::json!("ư".repeat(30_000_000));
    let (o, new) = import_limited(dir.path(), "huge.json", v);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("dài bất thường"), "{}", stderr(&o));
    assert!(!new.exists());
}

#[test]
fn a_database_holding_a_huge_text_is_refused_at_export_not_exhausted() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "mau.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let huge = "Nội dung rất dài. ".repeat(2_000_000);
    conn.execute(
        "UPDATE narrative SET text = ?1 WHERE rowid = (SELECT min(rowid) FROM narrative)",
        [&huge],
    )
    .unwrap();
    conn.execute(
        "UPDATE report_section SET body = ?1 WHERE id = (SELECT min(id) FROM report_section)",
        [&huge],
    )
    .unwrap();
    drop(conn);
    let out = dir.path().join("bao-cao.pdf");
    let mut refused = 0;
    for document in ["report", "minutes", "news"] {
        let o = run_limited(
            dir.path(),
            &[
                &common::export_pdf_args(&db, &out)[..],
                &["--document", document],
            ]
            .concat(),
        );
        let err = stderr(&o);
        if o.status.success() {
            // A document that does not print the narrative is written as usual.
            std::fs::remove_file(&out).unwrap();
            continue;
        }
        assert_eq!(o.status.code(), Some(1), "{document}: {err}");
        assert!(err.contains("quá dài"), "{document}: {err}");
        assert!(!out.exists());
        refused += 1;
    }
    // The report prints the section, the news item the narrative.
    assert!(refused >= 2, "only {refused} documents refused");
}

/// A year holding more indicators than any bloc has is refused as a whole, with the count
/// and the limit written the Vietnamese way, and no file is left behind.
#[test]
fn an_import_past_the_indicators_of_a_year_is_refused() {
    use khoi_thi_dua::domain::limits::MAX_INDICATORS_PER_YEAR;
    let dir = tempfile::tempdir().unwrap();
    let mut v = sample_exchange(dir.path());
    let one = v["years"][0]["indicators"][0].clone();
    let year = v["years"][0]["record"]["year"].clone();
    let rows: Vec<serde_json::Value> = (0..=MAX_INDICATORS_PER_YEAR)
        .map(|i| {
            let mut row = one.clone();
            row["id"] = serde_json::json!(1_000_000 + i);
            row["sort"] = serde_json::json!(i);
            row
        })
        .collect();
    v["years"][0]["indicators"] = serde_json::Value::Array(rows);
    let (o, new) = import_limited(dir.path(), "qua-nhieu.json", v.clone());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let expected = format!(
        "Tệp JSON có 100.001 chỉ tiêu trong năm {year}, vượt giới hạn 100.000 chỉ tiêu một năm"
    );
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
    assert!(!new.exists());
    // One row fewer is within the limit, and imports (the limit, not the size, refused it).
    v["years"][0]["indicators"].as_array_mut().unwrap().pop();
    let (o, new) = import_limited(dir.path(), "vua-du.json", v);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(new.exists());
}
