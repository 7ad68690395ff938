//! The command line as a user runs it: the sample, JSON out and in, exit codes and messages.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run, s};

#[test]
fn sample_then_export_import_export_gives_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mau.sqlite");
    let out = run(dir.path(), &["sample", s(&db)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Đã ghi dữ liệu mẫu năm 2020"));

    let first = dir.path().join("a.json");
    let out = run(
        dir.path(),
        &["export-json", "--db", s(&db), "--out", s(&first)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&first).unwrap();
    assert!(text.contains("\"format\": \"khoi-thi-dua\""));
    assert!(text.contains("Sở Thông tin và Truyền thông"));
    assert!(text.contains("3611.73"));

    let copy = dir.path().join("copy.sqlite");
    let out = run(dir.path(), &["import-json", "--db", s(&copy), s(&first)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let second = dir.path().join("b.json");
    let out = run(
        dir.path(),
        &["export-json", "--db", s(&copy), "--out", s(&second)],
    );
    assert!(out.status.success());
    assert_eq!(text, std::fs::read_to_string(&second).unwrap());
}

#[test]
fn one_year_can_be_exported_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mau.sqlite");
    assert!(run(dir.path(), &["sample", s(&db)]).status.success());
    let out = run(
        dir.path(),
        &["export-json", "--db", s(&db), "--year", "2020"],
    );
    assert!(out.status.success());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["years"].as_array().unwrap().len(), 1);
    let out = run(
        dir.path(),
        &["export-json", "--db", s(&db), "--year", "1999"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Năm 1999 không có trong tệp"));
}

#[test]
fn a_bad_json_file_is_refused_with_its_place_and_the_database_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mau.sqlite");
    assert!(run(dir.path(), &["sample", s(&db)]).status.success());
    let before = std::fs::read(&db).unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"khoi-thi-dua\",\n  \"version\": 1,\n  \"members\": [,]\n}",
    )
    .unwrap();
    let out = run(dir.path(), &["import-json", "--db", s(&db), s(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dòng 4"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);

    // A year the file already has: refused as a whole, nothing half-imported.
    let json = dir.path().join("year.json");
    assert!(
        run(
            dir.path(),
            &["export-json", "--db", s(&db), "--out", s(&json)]
        )
        .status
        .success()
    );
    let out = run(dir.path(), &["import-json", "--db", s(&db), s(&json)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Năm 2020 đã có trong tệp"));
}

#[test]
fn the_sample_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite");
    std::fs::write(&db, b"important").unwrap();
    let out = run(dir.path(), &["sample", s(&db)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&db).unwrap(), b"important");
}

#[test]
fn wrong_usage_exits_2_and_help_lists_the_commands_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
    // Usage errors and help in Vietnamese, none of clap's English words.
    for (args, said) in [
        (
            &["no-such-command"][..],
            "Lỗi: Không có lệnh “no-such-command”.",
        ),
        (
            &["export-pdf"][..],
            "Lỗi: Thiếu tham số bắt buộc: --year <NĂM>, --out <TỆP>.",
        ),
        (
            &["export-pdf", "--year", "abc", "--out", "x.pdf"][..],
            "Lỗi: Giá trị “abc” không dùng được cho --year <NĂM>.",
        ),
        (
            &["export-pdf", "--year", "1", "--year", "2", "--out", "x.pdf"][..],
            "Lỗi: Tham số --year <NĂM> chỉ được dùng một lần.",
        ),
        (
            &["--frobnicate"][..],
            "Lỗi: Không có tham số “--frobnicate”.",
        ),
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.contains(said), "{args:?}: {text}");
        for english in ["error:", "Usage:", "For more information", "[OPTIONS]"] {
            assert!(!text.contains(english), "{args:?}: {text}");
        }
    }
    for command in ["export-pdf", "verify", "handover", "import-json"] {
        let out = run(dir.path(), &[command, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        for english in [
            "Options:",
            "Arguments:",
            "[OPTIONS]",
            "possible values",
            "Usage:",
        ] {
            assert!(!help.contains(english), "{command}: {help}");
        }
    }
    let out = run(dir.path(), &["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["sample", "export-json", "import-json", "Cách dùng", "Lệnh"] {
        assert!(help.contains(word), "{word} missing in {help}");
    }
}
