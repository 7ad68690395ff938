//! Crash trials: the real program imports a large JSON file, or hands a large year over, and is
//! killed (SIGKILL) at random moments. Whatever the moment, the file left behind is either
//! absent or a sound SQLite database holding all of the import or none of it, and the program
//! opens it again; a killed handover, run again, either completes or offers to redo it, never
//! leaves a corrupt successor or a temporary behind, and the original's year is locked only to
//! a successor that exists and matches the recorded hash.
//!
//! 8 import trials and 12 handover trials by default; more with
//!
//!     KHOI_THI_DUA_CRASH_TRIALS=50 cargo test --release --test crash -- --nocapture
//!
//! `KHOI_THI_DUA_CRASH_SEED=N` repeats the kill moments of an earlier run (each run prints its
//! seed).

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use khoi_thi_dua::domain::Indicator;
use khoi_thi_dua::store::{Store, indicators, json, members, reports};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Indicators added to the sample's year, so that the import takes a while.
const EXTRA_INDICATORS: usize = 20_000;

/// The program with `dir`'s data folder, quiet except for its error line.
fn bin(dir: &Path) -> Command {
    let mut c = common::bin(dir);
    c.stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

/// What the file to import holds.
struct Expected {
    members: i64,
    years: i64,
    indicators: i64,
}

/// The sample written to `path` with `extra` more indicators in its year.
fn large_bloc(path: &Path, extra: usize) -> Store {
    let mut store = khoi_thi_dua::sample::write_sample(path).unwrap();
    let year = khoi_thi_dua::sample::SAMPLE_YEAR;
    store
        .write(|tx| {
            let all = members::list(tx)?;
            for k in 0..extra {
                indicators::insert(
                    tx,
                    &Indicator {
                        id: 0,
                        year,
                        member: all[k % all.len()].id,
                        group: format!("Nhóm thử {}", k / 50 + 1),
                        name: format!("Chỉ tiêu thử nghiệm số {} (lượt tuyên truyền)", k + 1),
                        unit: "lượt".to_owned(),
                        plan: Some(k as f64 * 1.5 + 1.0),
                        plan_text: String::new(),
                        midyear: None,
                        result: Some(k as f64 * 1.25),
                        note: "Số liệu thử".to_owned(),
                        sort: 1000 + k as i64,
                        key: None,
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    store
}

/// The sample with a few thousand more indicators, exported once to JSON.
fn large_json(dir: &Path) -> (PathBuf, Expected) {
    let store = large_bloc(&dir.join("source.sqlite"), EXTRA_INDICATORS);
    let ex = json::export(store.conn(), None).unwrap();
    let expected = Expected {
        members: ex.members.len() as i64,
        years: ex.years.len() as i64,
        indicators: ex.years.iter().map(|y| y.indicators.len() as i64).sum(),
    };
    assert!(expected.indicators > EXTRA_INDICATORS as i64);
    let path = dir.join("import.json");
    std::fs::write(&path, json::to_string(&ex).unwrap()).unwrap();
    (path, expected)
}

/// What a killed import left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// No file at all: killed before the database was created.
    Absent,
    /// A database without our tables yet (an empty file, or killed while creating the schema).
    NoSchema,
    /// The schema, and none of the import.
    Empty,
    /// The whole import.
    Whole,
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn journal(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-journal");
    PathBuf::from(name)
}

/// Checks what a (possibly killed) import left at `db`.
fn examine(db: &Path, expected: &Expected) -> Outcome {
    if !db.exists() {
        assert!(
            !journal(db).exists(),
            "a journal without its database: {}",
            db.display()
        );
        return Outcome::Absent;
    }
    // A plain connection first, as any SQLite tool would open it: a hot journal left by the
    // kill is rolled back here.
    let conn = Connection::open(db).unwrap();
    let check: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(check, ["ok"], "{}", db.display());
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'indicator'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let outcome = if tables == 0 {
        Outcome::NoSchema
    } else {
        let (m, y, i) = (
            count(&conn, "member"),
            count(&conn, "year"),
            count(&conn, "indicator"),
        );
        if (m, y, i) == (0, 0, 0) {
            Outcome::Empty
        } else {
            assert_eq!(
                (m, y, i),
                (expected.members, expected.years, expected.indicators),
                "all of the import or none of it: {}",
                db.display()
            );
            Outcome::Whole
        }
    };
    drop(conn);
    // A hot journal was rolled back and removed. SQLite leaves in place a journal that is not
    // hot (the kill came before its first byte was written): it is ignored, and the next
    // write removes it.
    if let Ok(bytes) = std::fs::read(journal(db)) {
        assert!(
            bytes.first().is_none_or(|&b| b == 0),
            "a hot journal of {} bytes was not rolled back: {}",
            bytes.len(),
            db.display()
        );
    }
    // The program itself opens what is left, and leaves one self-contained file after a write.
    let mut store = Store::open(db).unwrap();
    assert!(store.schema_version().unwrap() > 0);
    if outcome == Outcome::Whole {
        store
            .write(|tx| {
                reports::mark_exported(
                    tx,
                    khoi_thi_dua::sample::SAMPLE_YEAR,
                    khoi_thi_dua::domain::ReportKind::YearEnd,
                )
            })
            .unwrap();
        drop(store);
        assert!(!journal(db).exists(), "{}", db.display());
    }
    outcome
}

/// xorshift64*: kill moments that a seed repeats.
struct Moments(u64);

impl Moments {
    fn next_fraction(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// How many trials to run (`KHOI_THI_DUA_CRASH_TRIALS`, else `default`) and the seed of their
/// kill moments (`KHOI_THI_DUA_CRASH_SEED`, else the clock), printed so a run can be repeated.
fn trials_and_seed(what: &str, default: usize) -> (usize, u64) {
    let trials: usize = std::env::var("KHOI_THI_DUA_CRASH_TRIALS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    let seed: u64 = std::env::var("KHOI_THI_DUA_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        });
    eprintln!("{what} crash trials: {trials}, KHOI_THI_DUA_CRASH_SEED={seed}");
    (trials, seed)
}

#[test]
fn an_import_killed_at_any_moment_leaves_all_of_it_or_none() {
    let (trials, seed) = trials_and_seed("import", 8);
    let dir = tempfile::tempdir().unwrap();
    let (input, expected) = large_json(dir.path());

    // A whole import first: it must succeed, and its duration spreads the kill moments.
    let whole = dir.path().join("whole.sqlite");
    let start = Instant::now();
    let out = bin(dir.path())
        .args(["import-json", "--db"])
        .arg(&whole)
        .arg(&input)
        .output()
        .unwrap();
    let duration = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(examine(&whole, &expected), Outcome::Whole);
    eprintln!("a whole import takes {duration:?}");

    let mut moments = Moments(seed);
    let mut outcomes = Vec::new();
    for trial in 0..trials {
        let db = dir.path().join(format!("trial-{trial}.sqlite"));
        // Up to half again the usual duration, so that some kills come after the commit.
        let delay = duration.mul_f64(moments.next_fraction() * 1.5);
        let mut child = bin(dir.path())
            .args(["import-json", "--db"])
            .arg(&db)
            .arg(&input)
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL on Unix; an error means it had already ended.
        let _ = child.kill();
        let status = child.wait().unwrap();
        let hot_journal = journal(&db).exists();
        let outcome = examine(&db, &expected);
        if status.success() {
            assert_eq!(outcome, Outcome::Whole, "exit 0 means imported");
        }
        // A new file is built under a temporary name and renamed when whole: never a file with
        // the schema and no data (which `verify` would call sound) under the name asked for.
        assert!(
            matches!(outcome, Outcome::Absent | Outcome::Whole),
            "trial {trial}: {outcome:?}"
        );
        eprintln!(
            "trial {trial}: killed after {delay:?} → {outcome:?}{}",
            if hot_journal {
                " (a hot journal was rolled back)"
            } else {
                ""
            }
        );
        // Nothing stands in the way of importing again where nothing was imported.
        if outcome != Outcome::Whole {
            let out = bin(dir.path())
                .args(["import-json", "--db"])
                .arg(&db)
                .arg(&input)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "import again after {outcome:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert_eq!(examine(&db, &expected), Outcome::Whole);
        }
        let tmp = khoi_thi_dua::fsutil::temp_sibling(&db);
        assert!(
            !tmp.exists() && !journal(&tmp).exists(),
            "trial {trial}: the killed import's temporary is still there"
        );
        outcomes.push(outcome);
    }
    outcomes.sort();
    eprintln!("outcomes: {outcomes:?}");
    assert_eq!(outcomes.len(), trials);
}

/// Indicators added to the sample's year for the handover trials, so that a handover (backup,
/// copy, next year's list, integrity check, minutes) takes a while.
const HANDOVER_INDICATORS: usize = 6_000;

fn integrity(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    conn.prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The original's record of the year's handover: the successor's file name and hash.
fn recorded_handover(db: &Path) -> Option<(String, String)> {
    let conn = Connection::open(db).unwrap();
    conn.query_row(
        "SELECT file_name, file_hash FROM handover WHERE year = 2020",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .ok()
}

/// The original is sound, and its year is locked only to a successor that exists, is sound
/// and has the recorded hash. Returns whether the year was handed over.
fn check_handover_state(db: &Path, out: &Path) -> bool {
    assert_eq!(integrity(db), ["ok"], "{}", db.display());
    let Some((name, hash)) = recorded_handover(db) else {
        return false;
    };
    assert_eq!(
        Some(name.as_str()),
        out.file_name().and_then(|n| n.to_str())
    );
    assert!(out.exists(), "handed over to a file that does not exist");
    assert_eq!(integrity(out), ["ok"], "{}", out.display());
    assert_eq!(
        khoi_thi_dua::store::receive::sha256_file(out).unwrap(),
        hash,
        "the recorded hash is not the successor's"
    );
    true
}

/// Temporaries and journals left in `dir` (not looking into the data folder's locks).
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for path in entries.map(|e| e.unwrap().path()) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            found.extend(leftovers(&path));
        } else if name.ends_with(".tmp") || name.ends_with("-journal") {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_handover_killed_at_any_moment_can_be_run_again() {
    let (trials, seed) = trials_and_seed("handover", 12);
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.sqlite");
    drop(large_bloc(&source, HANDOVER_INDICATORS));
    let handover = |dir: &Path, force: bool| {
        let db = dir.join("khoi.sqlite");
        let out = dir.join("khoi-2021.sqlite");
        let mut c = bin(dir);
        c.args(common::handover_args(&db, "BQL KKT", &out));
        if force {
            c.arg("--force");
        }
        c
    };
    let trial_dir = |name: &str| {
        let d = dir.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(&source, d.join("khoi.sqlite")).unwrap();
        d
    };

    // A whole handover first: it must succeed, and its duration spreads the kill moments.
    let whole = trial_dir("whole");
    let start = Instant::now();
    let out = handover(&whole, false).output().unwrap();
    let duration = start.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(check_handover_state(
        &whole.join("khoi.sqlite"),
        &whole.join("khoi-2021.sqlite")
    ));
    eprintln!("a whole handover takes {duration:?}");

    let mut moments = Moments(seed);
    let mut outcomes = Vec::new();
    for trial in 0..trials {
        let d = trial_dir(&format!("handover-{trial}"));
        let (db, succ) = (d.join("khoi.sqlite"), d.join("khoi-2021.sqlite"));
        let delay = duration.mul_f64(moments.next_fraction() * 1.2);
        let mut child = handover(&d, false).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        // What the kill left, before anything opens the original (which rolls back its journal).
        let left: Vec<String> = leftovers(&d)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let done = check_handover_state(&db, &succ);
        if status.success() {
            assert!(done, "exit 0 means handed over");
        }

        // Run again, as a user would after the kill.
        let again = handover(&d, false).output().unwrap();
        let said = String::from_utf8_lossy(&again.stderr).into_owned();
        let outcome = if done {
            // Handed over already: refused, saying so.
            assert!(!again.status.success());
            assert!(said.contains("đã bàn giao"), "{said}");
            "handed over before the kill"
        } else if again.status.success() {
            "run again"
        } else {
            // The kill came between placing the successor and recording it: the program knows
            // its own unfinished successor and offers to redo the handover.
            assert!(
                said.contains("--force") && said.contains("làm lại"),
                "trial {trial}: {said}"
            );
            let forced = handover(&d, true).output().unwrap();
            assert!(
                forced.status.success(),
                "trial {trial}: {}",
                String::from_utf8_lossy(&forced.stderr)
            );
            "redone with --force"
        };
        assert!(check_handover_state(&db, &succ), "trial {trial}");
        let stray = leftovers(&d);
        assert!(
            stray.is_empty(),
            "trial {trial}: left behind after the next start: {stray:?}"
        );
        eprintln!("trial {trial}: killed after {delay:?}, left {left:?} → {outcome}");
        outcomes.push(outcome);
    }
    outcomes.sort();
    eprintln!("outcomes: {outcomes:?}");
    assert_eq!(outcomes.len(), trials);
}
