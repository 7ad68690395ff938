//! The JSON exchange format is read strictly: a misspelt field, a field given twice, a wrong
//! type for the version or a record pointing at a unit that is not there is refused with a
//! message that names it, and nothing is imported.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run, run_ok, s, sample, stderr};
use std::path::Path;

/// The sample's JSON, changed by `edit`, written to `name`.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let db = dir.join("mau.sqlite");
    if !db.exists() {
        sample(dir, "mau.sqlite");
    }
    let mut v: serde_json::Value =
        serde_json::from_str(&run_ok(dir, &["export-json", "--db", s(&db)])).unwrap();
    edit(&mut v);
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

/// Imports `json` into a new file and expects a refusal that contains every one of `expect`;
/// no file is left behind.
fn refused(dir: &Path, json: &Path, expect: &[&str]) {
    let db = dir.join("moi.sqlite");
    let o = run(dir, &["import-json", "--db", s(&db), s(json)]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let err = stderr(&o);
    for e in expect {
        assert!(err.contains(e), "expected “{e}” in: {err}");
    }
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!db.exists(), "a refused import left {db:?}");
}

#[test]
fn a_misspelt_field_is_refused_naming_it_and_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let json = edited(dir.path(), "reslt.json", |v| {
        let ind = &mut v["years"][0]["indicators"][2];
        let result = ind.as_object_mut().unwrap().remove("result").unwrap();
        ind["reslt"] = result;
    });
    refused(dir.path(), &json, &["“reslt”", "years[0].indicators[2]"]);
}

#[test]
fn unknown_fields_are_refused_at_every_level() {
    let dir = tempfile::tempdir().unwrap();
    for (name, path) in [
        ("top.json", vec![]),
        ("member.json", vec!["members", "0"]),
        ("name.json", vec!["members", "0", "names", "0"]),
        ("record.json", vec!["years", "0", "record"]),
        ("conference.json", vec!["years", "0", "conference"]),
    ] {
        let json = edited(dir.path(), name, |v| {
            let mut node = v;
            for step in &path {
                node = match step.parse::<usize>() {
                    Ok(i) => &mut node[i],
                    Err(_) => &mut node[*step],
                };
            }
            node["ghi_chu_them"] = serde_json::json!("x");
        });
        refused(dir.path(), &json, &["“ghi_chu_them”"]);
    }
}

#[test]
fn a_duplicate_field_is_reported_as_a_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let json = edited(dir.path(), "a.json", |_| {});
    let text = std::fs::read_to_string(&json).unwrap().replacen(
        "\"version\": 1,",
        "\"version\": 1,\n  \"version\": 1,",
        1,
    );
    std::fs::write(&json, text).unwrap();
    refused(dir.path(), &json, &["“version”", "hai lần"]);
}

#[test]
fn a_version_given_as_text_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let json = edited(dir.path(), "v.json", |v| {
        v["version"] = serde_json::json!("1")
    });
    refused(dir.path(), &json, &["\"version\"", "số nguyên", "\"1\""]);
}

#[test]
fn a_record_pointing_at_a_missing_unit_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let json = edited(dir.path(), "d.json", |v| {
        v["years"][0]["indicators"][0]["member"] = serde_json::json!(999);
    });
    let name = {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        v["years"][0]["indicators"][0]["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    refused(dir.path(), &json, &["999", &name]);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let json = edited(dir.path(), "bom.json", |_| {});
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(&json).unwrap());
    std::fs::write(&json, bytes).unwrap();
    let db = dir.path().join("moi.sqlite");
    run_ok(dir.path(), &["import-json", "--db", s(&db), s(&json)]);
}
