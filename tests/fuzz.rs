//! Fuzzing with a fixed budget: hostile JSON files and damaged database files, made by mutating
//! the sample's own. The parsers of numbers and dates have their properties in `src/text`.
//!
//! Properties: no input makes the program panic; a refused JSON import leaves the store as it
//! was; a received file is never written, whatever its bytes.
//!
//! The cases are the same on every run (a fixed seed), so CI is repeatable. To fuzz longer:
//!
//!     PROPTEST_CASES=5000 PROPTEST_RNG_SEED=12345 cargo test --release --test fuzz

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::ops;
use khoi_thi_dua::store::{Store, json, receive};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Tab;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::Value;
use std::cell::RefCell;
use std::path::Path;
use std::sync::OnceLock;

mod common;

use common::window::{Window, window_drawing_missing_glyphs};

/// `cases` runs with a fixed seed, unless PROPTEST_CASES or PROPTEST_RNG_SEED say otherwise.
fn config(cases: u32) -> ProptestConfig {
    let default = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            default.cases
        } else {
            cases
        },
        rng_seed: match default.rng_seed {
            RngSeed::Random => RngSeed::Fixed(0x4B54_4431),
            fixed => fixed,
        },
        max_shrink_iters: 200,
        ..default
    }
}

/// The sample exported as pretty JSON, made once.
fn sample_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let store = common::sample_store();
        json::to_string(&json::export(store.conn(), None).unwrap()).unwrap()
    })
}

/// The sample database file's bytes, made once.
fn sample_db() -> &'static [u8] {
    static DB: OnceLock<Vec<u8>> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mau.sqlite");
        drop(khoi_thi_dua::sample::write_sample(&path).unwrap());
        std::fs::read(&path).unwrap()
    })
}

/// One change to a byte string: `(kind, where, what)`, the numbers taken modulo what fits.
type ByteMutation = (u8, u64, u64);

fn mutate_bytes(bytes: &mut Vec<u8>, (kind, at, what): ByteMutation) {
    if bytes.is_empty() {
        bytes.push(what as u8);
        return;
    }
    let len = bytes.len();
    let i = (at % len as u64) as usize;
    match kind % 8 {
        // Flip one bit.
        0 => bytes[i] ^= 1 << (what % 8),
        // Overwrite a byte.
        1 => bytes[i] = what as u8,
        // Cut the file short.
        2 => bytes.truncate(i),
        // Remove a stretch.
        3 => {
            let end = (i + 1 + (what % 64) as usize).min(len);
            bytes.drain(i..end);
        }
        // Insert bytes that matter to a JSON or SQL reader.
        4 => {
            let pick: &[u8] = match what % 10 {
                0 => b"\"",
                1 => b"\\",
                2 => b"{",
                3 => b"]",
                4 => b",",
                5 => b"-1",
                6 => b"1e400",
                7 => b"\xff\xfe",
                8 => b"\\u0000",
                _ => b"null",
            };
            bytes.splice(i..i, pick.iter().copied());
        }
        // Copy a stretch over another place.
        5 => {
            let n = (1 + what % 512) as usize;
            let from = ((what >> 16) % len as u64) as usize;
            let piece: Vec<u8> = bytes[from..(from + n).min(len)].to_vec();
            for (k, b) in piece.into_iter().enumerate() {
                if let Some(slot) = bytes.get_mut(i + k) {
                    *slot = b;
                }
            }
        }
        // Zero a stretch.
        6 => {
            let end = (i + 1 + (what % 4096) as usize).min(len);
            bytes[i..end].fill(0);
        }
        // Swap two bytes.
        _ => {
            let j = (what % len as u64) as usize;
            bytes.swap(i, j);
        }
    }
}

/// Values that an importer must be ready for where any other value was.
fn hostile_value(what: u64) -> Value {
    match what % 16 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => serde_json::json!(-1),
        3 => serde_json::json!(0),
        4 => serde_json::json!(i64::MAX),
        5 => serde_json::json!(i64::MIN),
        6 => serde_json::json!(1.0e300),
        7 => serde_json::json!(-0.5),
        8 => serde_json::json!(""),
        9 => serde_json::json!("2020-02-30"),
        10 => serde_json::json!("x".repeat(10_000)),
        11 => serde_json::json!([]),
        12 => serde_json::json!({}),
        13 => serde_json::json!(2020),
        14 => serde_json::json!("\u{0}\u{202e}😀"),
        _ => serde_json::json!(u64::MAX),
    }
}

/// Every node of a JSON value, as paths of keys and indices.
fn paths(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                here.push(Value::String(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(serde_json::json!(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    let mut cur = v;
    for step in path {
        cur = match step {
            Value::String(k) => cur.get_mut(k.as_str())?,
            Value::Number(n) => cur.get_mut(n.as_u64()? as usize)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// One change to the JSON tree: replace a node, remove a key or an element, duplicate an
/// element (same ids twice), or copy one node over another.
fn mutate_tree(root: &mut Value, (kind, at, what): ByteMutation) {
    let mut all = Vec::new();
    paths(root, &mut Vec::new(), &mut all);
    let path = all[(at % all.len() as u64) as usize].clone();
    match kind % 4 {
        0 => {
            if let Some(node) = node_mut(root, &path) {
                *node = hostile_value(what);
            }
        }
        1 => {
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            match (node_mut(root, parent), last) {
                (Some(Value::Object(map)), Value::String(k)) => {
                    map.remove(k);
                }
                (Some(Value::Array(items)), Value::Number(n)) => {
                    let i = n.as_u64().unwrap_or(0) as usize;
                    if i < items.len() {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
        2 => {
            if let Some(Value::Array(items)) = node_mut(root, &path)
                && let Some(first) = items.get((what as usize) % items.len().max(1)).cloned()
            {
                items.push(first);
            }
        }
        _ => {
            let other = all[(what % all.len() as u64) as usize].clone();
            let copy = node_mut(root, &other).map(|n| n.clone());
            if let (Some(copy), Some(node)) = (copy, node_mut(root, &path)) {
                *node = copy;
            }
        }
    }
}

/// Imports `text` into a fresh store: never a panic, and a refusal changes nothing.
fn import_checked(text: &str) {
    let mut store = Store::open_in_memory().unwrap();
    let before = json::export(store.conn(), None).unwrap();
    let Ok(ex) = json::parse(text) else {
        return;
    };
    match json::import(&mut store, &ex) {
        Ok(_) => {
            // What was imported reads back, exports, and parses again.
            let after = json::export(store.conn(), None).unwrap();
            let again = json::to_string(&after).unwrap();
            json::parse(&again).unwrap();
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            assert_eq!(
                json::export(store.conn(), None).unwrap(),
                before,
                "a refused import changed the store ({e})"
            );
        }
    }
    let check: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Numbers that make ids, years and references wrong in every way.
fn hostile_number(what: u64) -> i64 {
    match what % 12 {
        0 => 0,
        1 => -1,
        2 => 1,
        3 => 2,
        4 => i64::MAX,
        5 => i64::MIN,
        6 => 1899,
        7 => 2201,
        8 => 2019,
        9 => 2021,
        10 => i64::from(i32::MAX) + 1,
        _ => (what >> 8) as i64 % 100,
    }
}

/// One change to the exchange as typed data, so that it still parses and reaches the
/// import's own rules: ids, years and references out of range or pointing nowhere, items
/// twice, names empty, figures negative or enormous.
fn mutate_exchange(ex: &mut json::Exchange, (kind, at, what): ByteMutation) {
    let n = hostile_number(what);
    let year = n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    let pick = |len: usize| (at % len.max(1) as u64) as usize;
    let members = ex.members.len();
    match kind % 16 {
        0 => {
            if let Some(m) = ex.members.get_mut(pick(members)) {
                m.id = n;
            }
        }
        1 => {
            if let Some(m) = ex.members.get(pick(members)).cloned() {
                ex.members.push(m);
            }
        }
        2 => {
            if let Some(m) = ex.members.get_mut(pick(members)) {
                m.merged_into = Some(n);
                m.left_year = Some(year);
            }
        }
        3 => {
            if let Some(m) = ex.members.get_mut(pick(members)) {
                match what % 3 {
                    0 => m.names.clear(),
                    1 => m.names.iter_mut().for_each(|x| x.full_name = " ".into()),
                    _ => m.names.iter_mut().for_each(|x| x.from_year = year),
                }
            }
        }
        4 => {
            if let Some(m) = ex.members.get_mut(pick(members)) {
                m.joined_year = year;
                m.position = n;
            }
        }
        5 => {
            if let Some(y) = ex.years.first_mut() {
                y.record.year = year;
            }
        }
        6 => {
            if let Some(y) = ex.years.first().cloned() {
                ex.years.push(y);
            }
        }
        7 => {
            if let Some(y) = ex.years.first_mut() {
                y.record.leader = Some(n);
                y.record.deputy = Some(n);
                y.record.next_leader = Some(n);
            }
        }
        8 => {
            if let Some(ind) = ex
                .years
                .first_mut()
                .and_then(|y| y.indicators.get_mut(pick(32)))
            {
                match what % 4 {
                    0 => ind.member = n,
                    1 => ind.id = n,
                    2 => ind.year = year,
                    _ => ind.sort = n,
                }
            }
        }
        9 => {
            if let Some(ind) = ex
                .years
                .first_mut()
                .and_then(|y| y.indicators.get_mut(pick(32)))
            {
                let v = match what % 4 {
                    0 => -1.0,
                    1 => f64::MAX,
                    2 => 1e-320,
                    _ => n as f64,
                };
                ind.plan = Some(v);
                ind.result = Some(-v);
            }
        }
        10 => {
            if let Some(y) = ex.years.first_mut()
                && let Some(ind) = y.indicators.get(pick(y.indicators.len())).cloned()
            {
                y.indicators.push(ind);
            }
        }
        11 => {
            if let Some(a) = ex
                .years
                .first_mut()
                .and_then(|y| y.attendees.get_mut(pick(8)))
            {
                a.member = if what % 2 == 0 { Some(n) } else { None };
                a.guest_body.clear();
            }
        }
        12 => {
            if let Some(y) = ex.years.first_mut()
                && let Some(nar) = y.narratives.get_mut(pick(8))
            {
                nar.member = n;
            }
        }
        13 => {
            if let Some(y) = ex.years.first_mut()
                && let Some(nar) = y.narratives.first().cloned()
            {
                y.narratives.push(nar);
            }
        }
        14 => {
            if let Some(y) = ex.years.first_mut() {
                match what % 3 {
                    0 => y.report = None,
                    1 => {
                        if let Some(r) = &mut y.report {
                            r.sections.clear();
                            r.recipients = vec![String::new(); 3];
                        }
                    }
                    _ => {
                        if let Some(v) = y.versions.first_mut() {
                            v.year = year;
                            v.id = n;
                        }
                    }
                }
            }
        }
        _ => {
            if let Some(y) = ex.years.first_mut() {
                match what % 3 {
                    0 => {
                        if let Some(o) = y.opinions.get_mut(pick(4)) {
                            o.member = Some(n);
                            o.id = n;
                        }
                    }
                    1 => y.record.status = khoi_thi_dua::domain::YearStatus::HandedOver,
                    _ => y.events.push(khoi_thi_dua::domain::YearEvent {
                        at: String::new(),
                        action: "khác".into(),
                        note: String::new(),
                    }),
                }
            }
        }
    }
}

#[test]
fn the_sample_json_imports_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let ex = json::parse(sample_json()).unwrap();
    json::import(&mut store, &ex).unwrap();
    assert_eq!(json::export(store.conn(), None).unwrap(), ex);
}

proptest! {
    #![proptest_config(config(192))]

    /// Damaged bytes: most are refused by the parser with the line and column named.
    #[test]
    fn json_with_damaged_bytes_never_panics(
        mutations in prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 1..8)
    ) {
        let mut bytes = sample_json().as_bytes().to_vec();
        for m in mutations {
            mutate_bytes(&mut bytes, m);
        }
        import_checked(&String::from_utf8_lossy(&bytes));
    }

    /// Well-formed JSON with wrong, missing, duplicated or out-of-range fields: these reach
    /// the import itself.
    #[test]
    fn json_with_damaged_fields_never_panics_and_a_refusal_changes_nothing(
        mutations in prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 1..6)
    ) {
        let mut tree: Value = serde_json::from_str(sample_json()).unwrap();
        for m in mutations {
            mutate_tree(&mut tree, m);
        }
        import_checked(&serde_json::to_string(&tree).unwrap());
    }

    /// Data that parses but breaks the rules: wrong references, duplicates, bad figures.
    #[test]
    fn an_exchange_that_breaks_the_rules_never_panics_and_a_refusal_changes_nothing(
        mutations in prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 1..5)
    ) {
        let mut ex = json::parse(sample_json()).unwrap();
        for m in mutations {
            mutate_exchange(&mut ex, m);
        }
        import_checked(&json::to_string(&ex).unwrap());
    }
}

/// Damages a database file the way a bad USB stick or a cut download does.
fn mutate_db(bytes: &mut Vec<u8>, (kind, at, what): ByteMutation) {
    const PAGE: usize = 4096;
    let pages = bytes.len().div_ceil(PAGE).max(1);
    match kind % 6 {
        // A page of noise, or of zeros.
        0 | 1 => {
            let p = (at % pages as u64) as usize;
            let mut x = what | 1;
            for b in bytes.iter_mut().skip(p * PAGE).take(PAGE) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = if kind % 6 == 0 { x as u8 } else { 0 };
            }
        }
        // A page copied over another.
        2 => {
            let (p, q) = ((at % pages as u64) as usize, (what % pages as u64) as usize);
            let page: Vec<u8> = bytes.iter().skip(q * PAGE).take(PAGE).copied().collect();
            for (k, b) in page.into_iter().enumerate() {
                if let Some(slot) = bytes.get_mut(p * PAGE + k) {
                    *slot = b;
                }
            }
        }
        // The 100-byte header: page size, counts, schema cookie, encoding, version fields.
        3 => {
            let i = (at % 100) as usize;
            if let Some(b) = bytes.get_mut(i) {
                *b = what as u8;
            }
        }
        // Anything else: bits, bytes, cuts.
        _ => mutate_bytes(bytes, (at as u8, what, at)),
    }
}

/// Inspects and receives `bytes` as a file from elsewhere; then opens it in the window's way.
fn receive_checked(bytes: &[u8]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nhan-duoc.sqlite");
    std::fs::write(&path, bytes).unwrap();
    let findings = receive::inspect(&path);
    assert_eq!(findings.size, bytes.len() as u64);
    assert!(!findings.lines().is_empty());
    let data = dir.path().join("data");
    match ops::receive::receive(&path, &data) {
        Ok((store, f)) => {
            assert!(findings.is_sound() && f.is_sound());
            // Every read the window and the exports make: errors are fine, panics are not.
            let _ = json::export(store.conn(), None);
            for year in khoi_thi_dua::store::years::list(store.conn()).unwrap_or_default() {
                let _ = khoi_thi_dua::store::years::data(store.conn(), year);
            }
            drop(store);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    // The window, on the same file: a message, never a panic; where the file was sound
    // enough to open, every tab is drawn.
    let app = khoi_thi_dua::ui::App::new(Some(data.clone()), Some(path.clone()));
    if app.session.is_some() {
        draw_every_tab(app);
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the received file was written"
    );
    assert!(!Path::new(&format!("{}-journal", path.display())).exists());
}

/// One frame of each tab, in a window kept from case to case (building one costs more than
/// the frames).
fn draw_every_tab(app: App) {
    thread_local! {
        static WINDOW: RefCell<Option<Window>> = const { RefCell::new(None) };
    }
    WINDOW.with(|w| {
        let mut w = w.borrow_mut();
        // The real window draws a box for a character no font has; so does this one.
        let h = w.get_or_insert_with(|| window_drawing_missing_glyphs(App::new(None, None)));
        *h.state_mut() = app;
        for tab in Tab::ALL {
            h.state_mut().tab = tab;
            h.step();
        }
    });
}

#[test]
fn the_sample_file_is_received_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mau.sqlite");
    std::fs::write(&path, sample_db()).unwrap();
    let (store, findings) = ops::receive::receive(&path, dir.path()).unwrap();
    assert!(findings.is_sound(), "{:?}", findings.verdict);
    assert_eq!(
        json::export(store.conn(), None).unwrap().years.len(),
        1,
        "the sample's one year"
    );
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn a_damaged_received_file_never_panics_and_is_never_written(
        mutations in prop::collection::vec((any::<u8>(), any::<u64>(), any::<u64>()), 1..5)
    ) {
        let mut bytes = sample_db().to_vec();
        for m in mutations {
            mutate_db(&mut bytes, m);
        }
        receive_checked(&bytes);
    }

    /// Small changes inside the cells (text, numbers, ids) pass SQLite's integrity check more
    /// often than whole damaged pages, and so reach our own reads of the content.
    #[test]
    fn a_file_with_altered_cells_never_panics(
        flips in prop::collection::vec((any::<u64>(), any::<u8>()), 1..4)
    ) {
        let mut bytes = sample_db().to_vec();
        let len = bytes.len();
        for (at, value) in flips {
            // Past the first page (the schema), within the cells at the end of each page.
            let page = 1 + (at as usize / 4096) % (len / 4096 - 1).max(1);
            let offset = 4096 - 1 - (at as usize % 1500);
            if let Some(b) = bytes.get_mut(page * 4096 + offset) {
                *b = value;
            }
        }
        receive_checked(&bytes);
    }
}
