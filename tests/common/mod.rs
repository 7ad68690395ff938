//! Helpers the integration tests share: the program run as a user runs it, each test with a
//! data folder of its own (backups and received copies never meet another test's), the
//! outside tools (poppler, qpdf) that CI must have, and the window as a user drives it
//! ([`window`]).

// Each test binary uses its own part of this module.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod window;

use khoi_thi_dua::domain::{MemberId, MemberName, Year};
use khoi_thi_dua::store::{Store, members};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The data folder of a test whose files live in `dir`.
pub fn data_dir(dir: &Path) -> PathBuf {
    dir.join("data")
}

/// The program, with `dir`'s data folder as its own (never a user's).
pub fn bin(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_khoi-thi-dua"));
    c.env("KHOI_THI_DUA_DATA_DIR", data_dir(dir));
    c
}

/// Runs the program with `args`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    bin(dir).args(args).output().unwrap()
}

/// Runs the program and expects it to succeed; returns what it printed.
pub fn run_ok(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What the program said on stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path as a command-line argument.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The arguments that hand year 2020 of `db` over to `to`, writing the successor's `out`.
pub fn handover_args<'a>(db: &'a Path, to: &'a str, out: &'a Path) -> Vec<&'a str> {
    vec![
        "handover",
        "--db",
        s(db),
        "--year",
        "2020",
        "--to",
        to,
        "--out",
        s(out),
    ]
}

/// The arguments that export year 2020's report of `db` to `out`.
pub fn export_pdf_args<'a>(db: &'a Path, out: &'a Path) -> Vec<&'a str> {
    vec![
        "export-pdf",
        "--db",
        s(db),
        "--year",
        "2020",
        "--out",
        s(out),
    ]
}

/// Exports `document` of 2020 from `db` to `out` with the embedded font through `command`
/// (`export` or `export-pdf`); returns what the program printed.
pub fn export_with(dir: &Path, command: &str, db: &Path, document: &str, out: &Path) -> String {
    run_ok(
        dir,
        &[
            command,
            "--db",
            s(db),
            "--year",
            "2020",
            "--document",
            document,
            "--out",
            s(out),
            "--embedded-font",
        ],
    )
}

/// The sample bloc written to `dir/name` by the program itself.
pub fn sample(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    run_ok(dir, &["sample", s(&db)]);
    db
}

/// The sample bloc in a store in memory.
pub fn sample_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    khoi_thi_dua::sample::fill(&mut store).unwrap();
    store
}

/// Adds `year` to the sample bloc, open and empty.
pub fn open_next_year(store: &mut Store, year: i32) {
    let rec = khoi_thi_dua::domain::YearRecord::new(
        year,
        "Khối Kinh tế ngành",
        "tỉnh Hà Giang",
        "Hà Giang",
    );
    store
        .write(|tx| khoi_thi_dua::store::years::insert(tx, &rec))
        .unwrap();
}

/// The sample bloc with `year` opened after it, in a data folder of its own under `dir`, as
/// the window opens it: (data folder, file).
pub fn sample_with_next_year(dir: &Path, year: i32) -> (PathBuf, PathBuf) {
    let data_dir = dir.join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let db = data_dir.join("khoi.sqlite");
    let mut store = Store::open(&db).unwrap();
    khoi_thi_dua::sample::fill(&mut store).unwrap();
    open_next_year(&mut store, year);
    (data_dir, db)
}

/// Renames `member` from `from_year` on, as one edit.
pub fn rename(
    store: &mut Store,
    member: MemberId,
    from_year: Year,
    full_name: &str,
    short_name: &str,
    abbreviation: &str,
) {
    let name = MemberName {
        from_year,
        full_name: full_name.into(),
        short_name: short_name.into(),
        abbreviation: abbreviation.into(),
    };
    store
        .write(|tx| members::set_name(tx, member, &name))
        .unwrap();
}

/// Asserts that `path` holds a PDF.
pub fn assert_pdf(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"%PDF"),
        "{} is not a PDF",
        path.display()
    );
}

/// Runs an outside tool; `None` when it is not installed (on CI, where CI=true, a missing tool
/// fails the test instead of skipping the check).
pub fn tool(name: &str, args: &[&str]) -> Option<Output> {
    match Command::new(name).args(args).output() {
        Ok(out) => Some(out),
        Err(e) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("{name} is needed on CI: {e}")
        }
        Err(e) => {
            eprintln!("{name} not available ({e}); skipping that check");
            None
        }
    }
}

/// `docx` converted to PDF by LibreOffice (`soffice --headless`), in a profile of its own so
/// that conversions running at the same time do not share one; `None` where LibreOffice is not
/// installed (on CI, where CI=true, a missing `soffice` fails the test instead), and on
/// Windows, whose CI runner has no LibreOffice: the Linux CI converts.
pub fn libreoffice_pdf(dir: &Path, docx: &Path) -> Option<PathBuf> {
    if cfg!(windows) {
        return None;
    }
    let out = dir.join("libreoffice");
    let profile = dir.join("libreoffice-profile");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    let o = tool(
        "soffice",
        &[
            &profile_url,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            out.to_str().unwrap(),
            docx.to_str().unwrap(),
        ],
    )?;
    assert!(o.status.success(), "soffice: {}", stderr(&o));
    let pdf = out.join(docx.with_extension("pdf").file_name().unwrap());
    // LibreOffice writes nothing, and still exits 0, when it cannot read the file.
    assert!(
        pdf.exists(),
        "LibreOffice did not convert {}: {}",
        docx.display(),
        stderr(&o)
    );
    assert_pdf(&pdf);
    Some(pdf)
}

/// Runs an outside tool that must succeed, and returns its output as text.
pub fn tool_text(name: &str, args: &[&str]) -> Option<String> {
    let o = tool(name, args)?;
    assert!(o.status.success(), "{name}: {}", stderr(&o));
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The words of a PDF as pdftotext reads them, on one line (line breaks and justification
/// spaces gone); `None` when poppler is not installed.
pub fn pdf_words(path: &Path) -> Option<String> {
    assert_pdf(path);
    let raw = tool_text("pdftotext", &[s(path), "-"])?;
    Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Self-scores for the sample's 2020 members on one criterion, one point less than the member
/// before, so that every member is ranked.
pub fn self_scores_in_order(store: &Store) -> Vec<khoi_thi_dua::domain::scoring::ScoreChange> {
    use khoi_thi_dua::domain::scoring::{Score, ScoreChange, Stage};
    let all = members::list(store.conn()).unwrap();
    khoi_thi_dua::domain::members_in(&all, 2020)
        .iter()
        .enumerate()
        .map(|(i, m)| ScoreChange::set(Score::new(m.id, 3, Stage::SelfScore, 15.0 - i as f64)))
        .collect()
}

/// Writes [`self_scores_in_order`] to the sample.
pub fn score_sample_in_order(store: &mut Store) {
    let changes = self_scores_in_order(store);
    store
        .write(|tx| khoi_thi_dua::store::scoring::set_scores(tx, 2020, &changes))
        .unwrap();
}
