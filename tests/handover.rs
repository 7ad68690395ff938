//! Handing the file to the next leader, and receiving files from elsewhere: the round trip,
//! every kind of bad file, an interrupted handover, and backups.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::YearStatus;
use khoi_thi_dua::ops;
use khoi_thi_dua::store::{Store, backup, handovers, indicators, receive, reports, years};
mod common;

use common::{bin, handover_args, run, s};
use rusqlite::Connection;
use std::path::Path;

#[test]
fn handover_round_trip_locks_the_year_opens_the_next_and_the_hashes_agree() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let before_2020 = years::data(Store::open(&db).unwrap().conn(), 2020).unwrap();
    let out = dir.path().join("khoi-2021.sqlite");
    let mut args = handover_args(&db, "Ban Quản lý Khu kinh tế", &out);
    args.extend(["--date", "16/12/2020"]);
    let o = run(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8_lossy(&o.stdout);
    let hash = receive::sha256_file(&out).unwrap();
    assert!(printed.contains(&hash), "{printed}");
    let minutes = dir.path().join("khoi-2021-bien-ban-ban-giao.pdf");
    common::assert_pdf(&minutes);

    // The original: 2020 locked with its data intact, the handover recorded with the hash.
    let store = Store::open(&db).unwrap();
    let conn = store.conn();
    let rec = years::get(conn, 2020).unwrap().unwrap();
    assert_eq!(rec.status, YearStatus::HandedOver);
    let after_2020 = years::data(conn, 2020).unwrap();
    assert_eq!(after_2020.indicators, before_2020.indicators);
    assert_eq!(after_2020.narratives, before_2020.narratives);
    assert_eq!(after_2020.report, before_2020.report);
    let h = &handovers::list(conn, 2020).unwrap()[0];
    assert_eq!(h.file_hash, hash);
    assert_eq!(h.file_name, "khoi-2021.sqlite");
    drop(store);

    // The successor verifies the file it received: sound, and it names who handed it over.
    let o = run(dir.path(), &["verify", s(&out)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains(&hash), "{text}");
    assert!(text.contains("Sở Thông tin và Truyền thông bàn giao nhiệm vụ Trưởng khối năm 2021 cho Ban Quản lý Khu kinh tế"), "{text}");

    // Received into a data folder: 2021 exists with the new leader and last year's list.
    let data = tempfile::tempdir().unwrap();
    let before = std::fs::read(&out).unwrap();
    let (store, findings) = ops::receive::receive(&out, data.path()).unwrap();
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "the received file is never written"
    );
    assert_eq!(findings.sha256, hash);
    let conn = store.conn();
    let next = years::get(conn, 2021).unwrap().unwrap();
    let members = khoi_thi_dua::store::members::list(conn).unwrap();
    let leader = members.iter().find(|m| Some(m.id) == next.leader).unwrap();
    assert_eq!(leader.full_name_in(2021), "Ban Quản lý Khu kinh tế");
    assert_eq!(next.status, YearStatus::Open);
    let old = indicators::list(conn, 2020).unwrap();
    let new = indicators::list(conn, 2021).unwrap();
    assert_eq!(old.len(), new.len());
    assert!(new.iter().all(|i| i.result.is_none()));
    // Each indicator of the new year continues last year's one: its history spans both years.
    for (o, n) in old.iter().zip(&new) {
        assert_eq!(n.key, Some(o.lineage()), "{}", n.name);
    }
    let h = indicators::history(conn, new[0].lineage()).unwrap();
    assert_eq!(h.iter().map(|y| y.year).collect::<Vec<_>>(), [2020, 2021]);
    assert_eq!(
        years::get(conn, 2020).unwrap().unwrap().status,
        YearStatus::HandedOver
    );
}

#[test]
fn a_handover_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("exists.sqlite");
    std::fs::write(&out, b"keep me").unwrap();
    let o = run(dir.path(), &handover_args(&db, "BQL KKT", &out));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    let store = Store::open(&db).unwrap();
    assert_eq!(
        years::get(store.conn(), 2020).unwrap().unwrap().status,
        YearStatus::Open
    );
}

/// Every bad file gets a clear Vietnamese message from `verify`, a non-zero exit, and stays
/// byte-identical.
fn assert_refused(path: &Path, expect: &str) {
    let before = std::fs::read(path).unwrap_or_default();
    let data = tempfile::tempdir().unwrap();
    let o = run(data.path(), &["verify", s(path)]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(expect), "expected “{expect}” in: {err}");
    assert_eq!(err.trim().lines().count(), 1);
    assert_eq!(std::fs::read(path).unwrap_or_default(), before);
    // Receiving it is refused the same way, and it is still untouched.
    let r = ops::receive::receive(path, data.path());
    assert!(r.is_err());
    assert_eq!(std::fs::read(path).unwrap_or_default(), before);
}

#[test]
fn bad_files_are_refused_with_a_message_and_left_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let good = std::fs::read(&db).unwrap();

    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    assert_refused(&empty, "trống");

    let random = dir.path().join("random.sqlite");
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    std::fs::write(&random, &bytes).unwrap();
    assert_refused(&random, "không phải là tệp dữ liệu hợp lệ");

    let truncated = dir.path().join("truncated.sqlite");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    assert_refused(&truncated, "hỏng");

    // A page in the middle overwritten with garbage.
    let corrupt = dir.path().join("corrupt.sqlite");
    let mut bytes = good.clone();
    let root: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'indicator'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let page = 4096 * (root as usize - 1);
    for b in &mut bytes[page + 100..page + 4000] {
        *b = 0xA5;
    }
    std::fs::write(&corrupt, &bytes).unwrap();
    assert_refused(&corrupt, "hỏng");

    let foreign = dir.path().join("foreign.sqlite");
    {
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders VALUES (1, 2.5);")
            .unwrap();
    }
    assert_refused(
        &foreign,
        "không phải là tệp dữ liệu của chương trình Khối thi đua",
    );

    let newer = dir.path().join("newer.sqlite");
    std::fs::write(&newer, &good).unwrap();
    {
        let c = Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    assert_refused(&newer, "phiên bản mới hơn");
}

#[cfg(unix)]
#[test]
fn a_sound_file_in_a_read_only_folder_is_received_without_writing_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("usb");
    std::fs::create_dir(&ro).unwrap();
    let db = ro.join("khoi-2020.sqlite");
    common::run_ok(dir.path(), &["sample", s(&db)]);
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let o = run(dir.path(), &["verify", s(&db)]);
    let data = tempfile::tempdir().unwrap();
    let r = ops::receive::receive(&db, data.path());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (store, _) = r.unwrap();
    assert!(store.path().starts_with(data.path()));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Nothing was created beside it either.
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 1);
}

#[test]
fn a_file_another_copy_of_the_program_has_open_is_still_verified_and_received() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    // Another running copy holds it open (between its transactions, as the window does).
    let other = Store::open(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let o = run(dir.path(), &["verify", s(&db)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let data = tempfile::tempdir().unwrap();
    ops::receive::receive(&db, data.path()).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // While the other copy is in the middle of writing, the file is reported busy, not broken.
    let lock = Connection::open(&db).unwrap();
    lock.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let o = run(dir.path(), &["verify", s(&db)]);
    lock.execute_batch("ROLLBACK").unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("đang được một cửa sổ khác"), "{err}");
    drop(other);
}

#[test]
fn an_interrupted_handover_leaves_the_original_intact_and_no_usable_looking_target() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = common::sample(dir.path(), "khoi-2020.sqlite");
    let original = std::fs::read(&fresh).unwrap();
    for (i, delay_ms) in [0u64, 5, 15, 30, 60, 90].into_iter().enumerate() {
        let db = dir.path().join(format!("run-{i}.sqlite"));
        std::fs::write(&db, &original).unwrap();
        let out = dir.path().join(format!("next-{i}.sqlite"));
        let mut child = bin(dir.path())
            .args(handover_args(&db, "BQL KKT", &out))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let store = Store::open(&db).unwrap();
        let check: String = store
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let locked =
            years::get(store.conn(), 2020).unwrap().unwrap().status == YearStatus::HandedOver;
        if locked {
            // Committed: the successor's file is whole and matches the recorded hash.
            let h = &handovers::list(store.conn(), 2020).unwrap()[0];
            assert_eq!(receive::sha256_file(&out).unwrap(), h.file_hash);
        } else {
            // Not committed: the original is as it was, and there is either no target or (killed
            // between the rename and the commit) a whole one, never half a file.
            assert_eq!(years::data(store.conn(), 2020).unwrap().handovers.len(), 0);
            if out.exists() {
                let findings = receive::inspect(&out);
                assert!(findings.is_sound(), "run {i}: {:?}", findings.verdict);
                let copy = Store::open(&out).unwrap();
                assert_eq!(
                    years::get(copy.conn(), 2020).unwrap().unwrap().status,
                    YearStatus::HandedOver
                );
            }
        }
    }
}

#[test]
fn backups_rotate_and_a_restore_brings_the_data_back() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let store = common::sample_store();
    for i in 0..12 {
        backup::snapshot(store.conn(), &backups, &format!("lan-{i:02}")).unwrap();
    }
    let list = backup::list(&backups);
    assert_eq!(list.len(), backup::KEEP);
    let first = list.last().unwrap().clone();
    assert!(first.to_string_lossy().contains("lan-02"), "{first:?}");

    let db = dir.path().join("khoi.sqlite");
    let mut store = khoi_thi_dua::sample::write_sample(&db).unwrap();
    let snap = backup::snapshot(store.conn(), &backups, "truoc-sua").unwrap();
    store
        .write(|tx| years::set_narrative(tx, 2020, 1, "Đã sửa sau khi sao lưu"))
        .unwrap();
    store
        .write(|tx| {
            reports::set_status(
                tx,
                2020,
                khoi_thi_dua::domain::ReportKind::YearEnd,
                khoi_thi_dua::domain::ReportStatus::Adopted,
            )
        })
        .unwrap();
    backup::restore(&mut store, &snap, &backups).unwrap();
    let n = years::narratives(store.conn(), 2020).unwrap();
    assert!(n.iter().all(|n| n.text != "Đã sửa sau khi sao lưu"));
    assert_eq!(
        reports::status(
            store.conn(),
            2020,
            khoi_thi_dua::domain::ReportKind::YearEnd
        )
        .unwrap(),
        Some(khoi_thi_dua::domain::ReportStatus::Draft)
    );
    drop(store);
    // The restored content is on disk, not only in the open connection.
    let store = Store::open(&db).unwrap();
    assert!(
        years::narratives(store.conn(), 2020)
            .unwrap()
            .iter()
            .all(|n| n.text != "Đã sửa sau khi sao lưu")
    );
}

#[test]
fn restoring_the_oldest_backup_of_a_full_folder_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let backups = dir.path().join("backups");
    let db = dir.path().join("khoi.sqlite");
    let mut store = khoi_thi_dua::sample::write_sample(&db).unwrap();
    for i in 0..backup::KEEP {
        backup::snapshot(store.conn(), &backups, &format!("lan-{i:02}")).unwrap();
    }
    let oldest = backup::list(&backups).last().unwrap().clone();
    // The restore's own backup would push the oldest out; it is the one being restored.
    backup::restore(&mut store, &oldest, &backups).unwrap();
    assert!(oldest.is_file(), "the restored backup was rotated away");
    backup::restore(&mut store, &oldest, &backups).unwrap();
}

#[test]
fn an_older_file_is_upgraded_on_a_copy_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.sqlite");
    {
        let mut c = Connection::open(&old).unwrap();
        khoi_thi_dua::store::schema::migrate(&mut c, 0, 1).unwrap();
        c.execute(
            "INSERT INTO member (id, position, joined_year) VALUES (1, 1, 2019)",
            [],
        )
        .unwrap();
        c.execute("INSERT INTO member_name (member_id, from_year, full_name) VALUES (1, 2019, 'Sở Xây dựng')", []).unwrap();
        c.execute(
            "INSERT INTO year (year, bloc_name) VALUES (2019, 'Khối Kinh tế ngành')",
            [],
        )
        .unwrap();
    }
    let before = std::fs::read(&old).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (store, findings) = ops::receive::receive(&old, data.path()).unwrap();
    assert_eq!(findings.schema_version, Some(1));
    assert_eq!(
        store.schema_version().unwrap(),
        khoi_thi_dua::store::schema::CURRENT_VERSION
    );
    assert_eq!(std::fs::read(&old).unwrap(), before);
    assert_eq!(backup::list(&data.path().join("backups")).len(), 1);
}

#[test]
fn the_handover_record_is_dated_at_the_conference_and_describes_the_file_not_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("khoi-2021.sqlite");
    // No --date: the record takes the conference day the sample records, and says so.
    let o = run(
        dir.path(),
        &handover_args(&db, "Ban Quản lý Khu kinh tế", &out),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8_lossy(&o.stdout);
    assert!(
        printed.contains("Biên bản đề ngày 16/12/2020, ngày hội nghị tổng kết năm 2020."),
        "{printed}"
    );
    let minutes = dir.path().join("khoi-2021-bien-ban-ban-giao.pdf");
    let Some(text) = common::tool_text("pdftotext", &[s(&minutes), "-"]) else {
        return;
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let hash = receive::sha256_file(&out).unwrap();
    let size_kb = (std::fs::metadata(&out).unwrap().len() as f64 / 1024.0).round();
    for expected in [
        "Hà Giang, ngày 16 tháng 12 năm 2020",
        "Hôm nay, ngày 16 tháng 12 năm 2020",
        "Tệp dữ liệu bàn giao: “khoi-2021.sqlite”",
        &format!("dung lượng {size_kb} KB"),
        "chứa dữ liệu các năm 2020 và 2021",
        &hash,
        "Nơi nhận:",
        "ĐẠI DIỆN BÊN GIAO",
        "ĐẠI DIỆN BÊN NHẬN",
    ] {
        assert!(text.contains(expected), "“{expected}” missing:\n{text}");
    }
    // An official record names no menus of the program.
    assert!(!text.contains("Tệp ›") && !text.contains("Mở…"), "{text}");
}

#[test]
fn the_command_line_writes_nothing_into_a_year_the_successor_holds() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("khoi-2021.sqlite");
    let mut args = handover_args(&db, "Ban Quản lý Khu kinh tế", &out);
    args.extend(["--date", "16/12/2020"]);
    common::run_ok(dir.path(), &args);
    // What the successor sends back: its year as JSON, its data-request workbooks.
    let json = dir.path().join("nam-2021.json");
    common::run_ok(
        dir.path(),
        &[
            "export-json",
            "--db",
            s(&out),
            "--year",
            "2021",
            "--out",
            s(&json),
        ],
    );
    let requests = dir.path().join("mau");
    common::run_ok(
        dir.path(),
        &[
            "export-requests",
            "--db",
            s(&out),
            "--year",
            "2021",
            "--out-dir",
            s(&requests),
        ],
    );
    let workbook = std::fs::read_dir(&requests)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();
    let before = std::fs::read(&db).unwrap();

    let held = "Năm 2021 do Ban Quản lý Khu kinh tế giữ từ 16/12/2020";
    let how = "bấm “Lấy lại quyền sửa năm 2021…”";
    let successor = dir.path().join("lai-2022.sqlite");
    for attempt in [
        vec!["import-json", "--db", s(&db), s(&json)],
        vec![
            "import-xlsx",
            "--db",
            s(&db),
            "--year",
            "2021",
            s(&workbook),
        ],
        vec![
            "import-xlsx",
            "--db",
            s(&db),
            "--year",
            "2021",
            "--dry-run",
            s(&workbook),
        ],
        vec![
            "import-xlsx",
            "--db",
            s(&db),
            "--year",
            "2021",
            "--member",
            "Ban Quản lý Khu kinh tế",
            "--columns",
            "name=B,result=E",
            "--header-row",
            "1",
            s(&workbook),
        ],
        vec![
            "handover",
            "--db",
            s(&db),
            "--year",
            "2021",
            "--to",
            "Ban Quản lý Khu kinh tế",
            "--out",
            s(&successor),
        ],
    ] {
        let o = run(dir.path(), &attempt);
        assert_eq!(o.status.code(), Some(1), "{attempt:?}");
        let said = common::stderr(&o);
        assert!(said.contains(held), "{attempt:?}: {said}");
        assert!(said.contains(how), "{attempt:?}: {said}");
    }
    assert!(!successor.exists());
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the original was written"
    );

    // Taken back in the window's way (an unlock event), the same import goes through.
    let mut store = Store::open(&db).unwrap();
    store.write(|tx| years::take_back(tx, 2021)).unwrap();
    drop(store);
    let o = run(
        dir.path(),
        &[
            "import-xlsx",
            "--db",
            s(&db),
            "--year",
            "2021",
            "--dry-run",
            s(&workbook),
        ],
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
}

#[test]
fn after_a_handover_the_next_year_is_held_by_the_successor_until_taken_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let out = dir.path().join("khoi-2021.sqlite");
    let mut args = handover_args(&db, "Ban Quản lý Khu kinh tế", &out);
    args.extend(["--date", "16/12/2020"]);
    let o = run(dir.path(), &args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    // The original: 2021 is the successor's, from the handover's date; 2020 is not "held".
    let mut store = Store::open(&db).unwrap();
    let held = years::held_by_successor(store.conn(), 2021)
        .unwrap()
        .unwrap();
    assert_eq!(held.from_year, 2020);
    assert_eq!(
        held.since,
        chrono::NaiveDate::from_ymd_opt(2020, 12, 16).unwrap()
    );
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let holder = members.iter().find(|m| m.id == held.holder).unwrap();
    assert_eq!(holder.full_name_in(2021), "Ban Quản lý Khu kinh tế");
    assert_eq!(years::held_by_successor(store.conn(), 2020).unwrap(), None);
    // The successor's own copy holds its years itself.
    let copy = Store::open(&out).unwrap();
    assert_eq!(years::held_by_successor(copy.conn(), 2021).unwrap(), None);
    drop(copy);

    // The JSON exchange carries the state both ways: held, then taken back.
    let json = dir.path().join("khoi.json");
    let held_again = |json: &Path, name: &str| {
        let rebuilt = dir.path().join(name);
        ops::json::import_file(&rebuilt, json).unwrap();
        let s = Store::open(&rebuilt).unwrap();
        years::held_by_successor(s.conn(), 2021).unwrap().is_some()
    };
    ops::json::export_file(&store, None, &json, ops::Overwrite::Allow).unwrap();
    assert!(held_again(&json, "held.sqlite"));

    store.write(|tx| years::take_back(tx, 2021)).unwrap();
    assert_eq!(years::held_by_successor(store.conn(), 2021).unwrap(), None);
    let events = years::events(store.conn(), 2021).unwrap();
    assert_eq!(events.last().unwrap().action, "unlock");
    ops::json::export_file(&store, None, &json, ops::Overwrite::Allow).unwrap();
    assert!(!held_again(&json, "taken-back.sqlite"));
}
