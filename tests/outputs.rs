//! Files the program writes never destroy files it reads: an output that is an input (under
//! any spelling) is refused, an existing output is replaced only when asked (`--force` on the
//! command line, a question in the window), and what was refused is left byte-identical.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::{run, s, sample, stderr};
use khoi_thi_dua::ops::{self, OpsError, Overwrite};
use khoi_thi_dua::store::Store;
use std::path::Path;
use std::process::Output;

#[test]
fn an_output_naming_the_database_is_refused_under_any_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let before = std::fs::read(&db).unwrap();
    let other_spelling = dir.path().join("sub").join("..").join("a.sqlite");
    for args in [
        vec!["export-json", "--db", s(&db), "--out", s(&db)],
        vec![
            "export-json",
            "--db",
            s(&db),
            "--out",
            s(&other_spelling),
            "--force",
        ],
        [
            &common::export_pdf_args(&db, &other_spelling)[..],
            &["--force"],
        ]
        .concat(),
        vec!["import-json", "--db", s(&db), s(&other_spelling)],
    ] {
        let o = run(dir.path(), &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains("chính là tệp"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert_eq!(std::fs::read(&db).unwrap(), before, "{args:?}");
    }
}

#[test]
fn an_existing_output_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    let out = dir.path().join("BaoCao.pdf");
    std::fs::write(&out, b"important").unwrap();
    let pdf = common::export_pdf_args(&db, &out);
    let o = run(dir.path(), &pdf);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"important");

    let o = run(dir.path(), &[&pdf[..], &["--force"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));

    let json = dir.path().join("a.json");
    std::fs::write(&json, b"keep").unwrap();
    let o = run(
        dir.path(),
        &["export-json", "--db", s(&db), "--out", s(&json)],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&json).unwrap(), b"keep");
    // Nothing is left beside a refused or a finished output.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn save_copy_onto_the_open_file_under_another_spelling_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let store = Store::open(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let other_spelling = dir.path().join("sub").join("..").join("a.sqlite");
    let err = ops::save_copy(&store, &other_spelling, Overwrite::Allow).unwrap_err();
    assert!(matches!(err, OpsError::SameAsInput { .. }), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    #[cfg(unix)]
    {
        let link = dir.path().join("link.sqlite");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        let err = ops::save_copy(&store, &link, Overwrite::Allow).unwrap_err();
        assert!(matches!(err, OpsError::SameAsInput { .. }), "{err}");
    }
    // A real copy elsewhere is made, whole, and opens.
    let copy = dir.path().join("copy.sqlite");
    ops::save_copy(&store, &copy, Overwrite::Refuse).unwrap();
    let years = khoi_thi_dua::store::years::list(Store::open(&copy).unwrap().conn()).unwrap();
    assert_eq!(years, vec![2020]);
}

/// A killed handover can leave the successor's temporary with a hot journal beside it. The
/// next try must not let SQLite roll that stale journal into its fresh copy: the successor it
/// writes is sound, and no temporary or journal is left.
#[test]
fn a_retried_handover_ignores_a_stale_temporary_and_its_hot_journal() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("khoi-2021.sqlite");
    let tmp = khoi_thi_dua::fsutil::temp_sibling(&out);
    let journal = khoi_thi_dua::fsutil::journal_of(&tmp);

    // A real hot journal: a transaction on a copy of the file, its pages spilled to disk.
    let victim = dir.path().join("victim.sqlite");
    std::fs::copy(&db, &victim).unwrap();
    let conn = rusqlite::Connection::open(&victim).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 1; BEGIN;
         UPDATE indicator SET note = hex(randomblob(3000));
         UPDATE narrative SET text = hex(randomblob(3000));",
    )
    .unwrap();
    let victim_journal = khoi_thi_dua::fsutil::journal_of(&victim);
    assert!(
        victim_journal.exists(),
        "the transaction spilled no journal"
    );
    std::fs::copy(&victim_journal, &journal).unwrap();
    std::fs::copy(&victim, &tmp).unwrap();
    drop(conn);

    let o = run(dir.path(), &common::handover_args(&db, "BQL KKT", &out));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(dir.path(), &["verify", s(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    khoi_thi_dua::store::copy::check_integrity(&out).unwrap();
    assert!(!tmp.exists() && !journal.exists());
}

/// A schema-`version` file with one member, written with the migrations of that version.
fn old_file(path: &std::path::Path, version: i32) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    khoi_thi_dua::store::schema::migrate(&mut conn, 0, version).unwrap();
    conn.execute_batch(
        "INSERT INTO member (id, position, joined_year) VALUES (1, 1, 2020);
         INSERT INTO member_name (member_id, from_year, full_name) VALUES (1, 2020, 'Sở Xây dựng');",
    )
    .unwrap();
}

#[test]
fn reading_commands_never_create_upgrade_or_write_the_database() {
    let dir = tempfile::tempdir().unwrap();
    // A 0-byte file stays 0 bytes, and is called empty.
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    for args in [
        vec!["export-json", "--db", s(&empty)],
        vec![
            "export-pdf",
            "--db",
            s(&empty),
            "--year",
            "2020",
            "--out",
            "x.pdf",
        ],
    ] {
        let o = run(dir.path(), &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("trống"), "{}", stderr(&o));
        assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    }
    // An older schema is read as it is, through a copy in memory: the file is not upgraded.
    let old = dir.path().join("v3.sqlite");
    old_file(&old, 3);
    let before = std::fs::read(&old).unwrap();
    let o = run(dir.path(), &["export-json", "--db", s(&old)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Sở Xây dựng"));
    assert_eq!(std::fs::read(&old).unwrap(), before);
}

#[test]
fn a_writing_command_backs_up_an_older_file_before_upgrading_it() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v3.sqlite");
    old_file(&old, 3);
    let json = dir.path().join("empty-year.json");
    std::fs::write(
        &json,
        r#"{"format": "khoi-thi-dua", "version": 1, "members": [], "years": []}"#,
    )
    .unwrap();
    let o = run(dir.path(), &["import-json", "--db", s(&old), s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let backups = khoi_thi_dua::store::backup::list(&common::data_dir(dir.path()).join("backups"));
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].to_string_lossy().contains("truoc-nang-cap-v3"));
}

#[test]
fn an_export_from_a_write_protected_file_is_written_and_says_it_was_not_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "a.sqlite");
    let before = std::fs::read(&db).unwrap();
    let mut store = Store::open_read_only(&db).unwrap();
    assert!(store.is_read_only());
    let out = dir.path().join("BaoCao.pdf");
    let fonts = ops::export::document_fonts(false);
    let done = ops::export::export_document(
        &mut store,
        2020,
        ops::export::DocumentKind::Report,
        &out,
        &fonts,
        Default::default(),
        Overwrite::Refuse,
    )
    .unwrap();
    assert!(done.not_recorded);
    let message = done.message(ops::export::DocumentKind::Report, 2020, &out);
    assert!(message.contains("chỉ cho đọc"), "{message}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    drop(store);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn temporaries_left_by_a_killed_run_are_cleaned_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::data_dir(dir.path());
    let backups = data.join("backups");
    let received = data.join("received");
    std::fs::create_dir_all(&backups).unwrap();
    std::fs::create_dir_all(&received).unwrap();
    // Another instance of the program is running (a window, say).
    let other = khoi_thi_dua::ops::lock::start_instance(&data);
    let left = [
        backups.join("20201216-104200000-truoc-ban-giao-2020.backup.sqlite.tmp"),
        backups.join("20201216-104200000-truoc-ban-giao-2020.backup.sqlite.tmp-journal"),
        received.join("khoi-nhan-20201216-104200.sqlite.tmp"),
    ];
    let two_hours_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    for p in &left {
        std::fs::write(p, b"half").unwrap();
        let f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
        f.set_modified(two_hours_ago).unwrap();
    }
    // A temporary another instance is building right now is left alone.
    let fresh = backups.join("20201216-104300000-truoc-ban-giao-2020.backup.sqlite.tmp");
    std::fs::write(&fresh, b"being written").unwrap();
    let kept = backups.join("20201216-104100000-truoc-sua.backup.sqlite");
    std::fs::write(&kept, b"a whole backup").unwrap();
    run(dir.path(), &["verify", s(&kept)]);
    for p in &left {
        assert!(!p.exists(), "{p:?} was left");
    }
    assert!(kept.exists() && fresh.exists());
    // Once no other instance runs, the next start knows every temporary is a leftover, however
    // recent (a handover killed a moment ago).
    drop(other);
    run(dir.path(), &["verify", s(&kept)]);
    assert!(kept.exists() && !fresh.exists());
}

/// A handover killed between placing the successor's file and recording it leaves a whole
/// successor beside an original that never handed over. Rerunning recognises it and, when
/// asked (`--force`), redoes the handover; a file that is not that successor is never replaced.
#[test]
fn an_unfinished_handover_is_recognised_and_redone_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("khoi-2021.sqlite");
    let handover = |extra: &[&str]| {
        let args = [&common::handover_args(&db, "BQL KKT", &out)[..], extra].concat();
        run(dir.path(), &args)
    };
    assert!(handover(&[]).status.success());
    // The state a kill before the commit leaves: the original as before the handover.
    let backups = khoi_thi_dua::store::backup::list(&common::data_dir(dir.path()).join("backups"));
    std::fs::copy(&backups[0], &db).unwrap();

    let o = handover(&[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("không ghi nhận") && stderr(&o).contains("--force"),
        "{}",
        stderr(&o)
    );
    let earlier = std::fs::read(&out).unwrap();
    let o = handover(&["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The earlier file is kept in the backup folder, never deleted.
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    let kept = said
        .lines()
        .find_map(|l| l.strip_prefix("Tệp của lần bàn giao trước được chuyển vào: “"))
        .and_then(|l| l.strip_suffix('”'))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| panic!("{said}"));
    assert_eq!(std::fs::read(kept).unwrap(), earlier);
    assert!(run(dir.path(), &["verify", s(&out)]).status.success());
    let store = Store::open(&db).unwrap();
    let recorded = khoi_thi_dua::store::handovers::list(store.conn(), 2020).unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(
        recorded[0].file_hash,
        khoi_thi_dua::store::receive::sha256_file(&out).unwrap()
    );

    // Someone else's file under that name is never replaced, --force or not.
    let other = dir.path().join("other.sqlite");
    std::fs::write(&other, b"not a successor").unwrap();
    let o = run(
        dir.path(),
        &[
            "handover",
            "--db",
            s(&db),
            "--year",
            "2021",
            "--to",
            "Sở CT",
            "--out",
            s(&other),
            "--force",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&other).unwrap(), b"not a successor");
}

/// Runs the program with `args` where `dir` is a 64 KB disk of its own (a tmpfs in a mount
/// namespace, `unshare` from util-linux), and lists what is left on that disk afterwards.
/// `None` where no such disk can be made, except on CI.
fn run_on_full_disk(data: &Path, dir: &Path, args: &[&str]) -> Option<(Output, Vec<String>)> {
    let script = r#"mount -t tmpfs -o size=64k tmpfs "$1" || exit 90
shift
"$@"
rc=$?
echo "--- left:"
ls -A "$DISK"
exit $rc"#;
    let o = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", script, "sh", common::s(dir)])
        .arg(env!("CARGO_BIN_EXE_khoi-thi-dua"))
        .args(args)
        .env("DISK", dir)
        .env("KHOI_THI_DUA_DATA_DIR", data)
        .output();
    match o {
        Ok(o) if o.status.code() != Some(90) => {
            let out = String::from_utf8_lossy(&o.stdout).into_owned();
            let left = out
                .split_once("--- left:\n")
                .map(|(_, l)| l.lines().map(str::to_owned).collect())
                .unwrap_or_default();
            Some((o, left))
        }
        other => {
            assert!(
                std::env::var_os("CI").is_none(),
                "no small disk could be made: {other:?}"
            );
            eprintln!("skipped: no small disk could be made ({other:?})");
            None
        }
    }
}

/// A disk that fills up while a new file is written: the command says so in Vietnamese and
/// leaves nothing under the name asked for (no 0-byte file, no temporary).
#[test]
fn a_full_disk_leaves_no_empty_target() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::data_dir(dir.path());
    let disk = dir.path().join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let source = sample(dir.path(), "mau.sqlite");
    let json = dir.path().join("mau.json");
    let exported = run(dir.path(), &["export-json", "--db", s(&source)]);
    std::fs::write(&json, &exported.stdout).unwrap();
    let target = disk.join("khoi.sqlite");
    for args in [
        vec!["sample", s(&target)],
        vec!["import-json", "--db", s(&target), s(&json)],
    ] {
        let Some((o, left)) = run_on_full_disk(&data, &disk, &args) else {
            return;
        };
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("đầy"), "{args:?}: {}", stderr(&o));
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
}
