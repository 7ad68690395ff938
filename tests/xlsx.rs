//! Excel out and in: the year's workbook, the data-request workbooks, and the import of a
//! returned one (matched by its hidden keys, refused whole on one bad row, one undo step),
//! through the command line, the operations and the window; broken workbooks give a message,
//! never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use calamine::{Data, Reader, Xlsx};
use egui_kittest::kittest::Queryable;
use khoi_thi_dua::edit::History;
use khoi_thi_dua::ops::OpsError;
use khoi_thi_dua::ops::xlsx::import::{self, Preview};
use khoi_thi_dua::ops::xlsx::requests;
use khoi_thi_dua::ops::xlsx::{RowKey, export};
use khoi_thi_dua::store::{Store, indicators};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

mod common;

use common::{run, run_ok, s, sample, stderr};

#[path = "../examples/fill_requests.rs"]
mod fill_requests;

use fill_requests::Typed;

/// `request` returned with its results filled by `fill` and its keys passed through `key`.
fn returned(
    request: &Path,
    out: &Path,
    fill: impl Fn(usize) -> Option<Typed>,
    key: impl Fn(RowKey) -> RowKey,
) {
    fill_requests::returned(&[request], out, fill, key).unwrap();
}

fn same_key(k: RowKey) -> RowKey {
    k
}

/// The request files of year 2020 of the sample, written by the program into `dir/req`.
fn request_files(dir: &Path, db: &Path) -> Vec<PathBuf> {
    let out = dir.join("req");
    run_ok(
        dir,
        &[
            "export-requests",
            "--db",
            s(db),
            "--year",
            "2020",
            "--out-dir",
            s(&out),
        ],
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn results(db: &Path) -> Vec<(i64, Option<f64>)> {
    let store = Store::open_read_only(db).unwrap();
    indicators::list(store.conn(), 2020)
        .unwrap()
        .into_iter()
        .map(|i| (i.id, i.result))
        .collect()
}

/// The sample in `dir`, and its first member's request returned filled by `fill` with keys
/// passed through `key`: (the database, the returned file).
fn returned_sample(
    dir: &Path,
    fill: impl Fn(usize) -> Option<Typed>,
    key: impl Fn(RowKey) -> RowKey,
) -> (PathBuf, PathBuf) {
    let db = sample(dir, "khoi.sqlite");
    let files = request_files(dir, &db);
    let back = dir.join("back.xlsx");
    returned(&files[0], &back, fill, key);
    (db, back)
}

/// Runs the program, expecting it to refuse with a message that contains `words`.
fn refused(dir: &Path, args: &[&str], words: &str) -> std::process::Output {
    let o = run(dir, args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(words), "{}", stderr(&o));
    o
}

fn import_args<'a>(db: &'a Path, file: &'a Path) -> Vec<&'a str> {
    vec!["import-xlsx", "--db", s(db), "--year", "2020", s(file)]
}

#[test]
fn request_files_filled_and_imported_give_the_year_the_filled_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi.sqlite");
    let files = request_files(dir.path(), &db);
    assert_eq!(files.len(), 4, "{files:?}");
    assert!(
        files.iter().any(|f| f.ends_with("Sở TN&MT.xlsx")),
        "named by the short name: {files:?}"
    );
    let before = results(&db);
    // Numbers typed as numbers, and as Vietnamese text in a text cell.
    let value = |file: usize, n: usize| 1000.0 * (file + 1) as f64 + n as f64 + 0.25;
    for (i, file) in files.iter().enumerate() {
        let back = dir.path().join(format!("back-{i}.xlsx"));
        returned(
            file,
            &back,
            |n| {
                Some(if n % 2 == 0 {
                    Typed::Number(value(i, n))
                } else if i == 0 && n == 1 {
                    Typed::Text("1.001,25")
                } else {
                    Typed::Number(value(i, n))
                })
            },
            same_key,
        );
        let printed = run_ok(dir.path(), &import_args(&db, &back));
        assert!(printed.contains("Đã ghi"), "{printed}");
    }
    let after = results(&db);
    assert_eq!(before.len(), after.len());
    let store = Store::open_read_only(&db).unwrap();
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let list = indicators::list(store.conn(), 2020).unwrap();
    for m in khoi_thi_dua::domain::members_in(&members, 2020)
        .into_iter()
        .filter(|m| list.iter().any(|ind| ind.member == m.id))
    {
        // Files are sorted by name; find this member's file index by its short name.
        let file_index = files
            .iter()
            .position(|f| {
                f.file_stem().unwrap().to_string_lossy()
                    == requests::safe_file_stem(m.short_name_in(2020), m.id)
            })
            .unwrap();
        for (n, ind) in list.iter().filter(|ind| ind.member == m.id).enumerate() {
            assert_eq!(ind.result, Some(value(file_index, n)), "{}", ind.name);
        }
    }
}

#[test]
fn one_wrong_number_refuses_the_whole_file_and_names_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let fill = |n| {
        Some(if n == 2 {
            Typed::Text("3611.73")
        } else {
            Typed::Number(5.0)
        })
    };
    let (db, back) = returned_sample(dir.path(), fill, same_key);
    let before = results(&db);
    let o = run(dir.path(), &import_args(&db, &back));
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    // The header is row 8, so the third indicator is row 11 as Excel numbers it.
    assert!(err.contains("dòng 11"), "{err}");
    assert!(err.contains("không nhập tệp này"), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Dòng 11 không đọc được"), "{out}");
    assert!(out.contains("dấu chấm"), "the number rule's reason: {out}");
    assert_eq!(results(&db), before, "nothing written");
}

#[test]
fn dry_run_lists_the_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, back) = returned_sample(dir.path(), |_| Some(Typed::Number(42.0)), same_key);
    let before = results(&db);
    let mut args = import_args(&db, &back);
    args.push("--dry-run");
    let printed = run_ok(dir.path(), &args);
    assert!(printed.contains("thành 42"), "{printed}");
    assert!(printed.contains("chưa ghi gì"), "{printed}");
    assert_eq!(results(&db), before);
}

#[test]
fn a_file_of_another_year_or_bloc_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi.sqlite");
    let files = request_files(dir.path(), &db);
    let other_year = dir.path().join("year.xlsx");
    returned(
        &files[0],
        &other_year,
        |_| Some(Typed::Number(1.0)),
        |k| RowKey { year: 2019, ..k },
    );
    let year_words = "năm 2019, không phải năm 2020";
    refused(dir.path(), &import_args(&db, &other_year), year_words);

    let other_bloc = dir.path().join("bloc.xlsx");
    returned(
        &files[0],
        &other_bloc,
        |_| Some(Typed::Number(1.0)),
        |k| RowKey {
            bloc: "00000000".into(),
            ..k
        },
    );
    refused(dir.path(), &import_args(&db, &other_bloc), "khối khác");
}

#[test]
fn the_import_is_refused_while_a_window_holds_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, back) = returned_sample(dir.path(), |_| Some(Typed::Number(7.0)), same_key);
    let _window = khoi_thi_dua::ops::lock::claim(&db, Some(&common::data_dir(dir.path()))).unwrap();
    refused(dir.path(), &import_args(&db, &back), "cửa sổ khác");
}

#[test]
fn the_year_workbook_has_its_sheets_headings_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi.sqlite");
    let out = dir.path().join("nam.xlsx");
    let args = [
        "export-xlsx",
        "--db",
        s(&db),
        "--year",
        "2020",
        "--out",
        s(&out),
    ];
    run_ok(dir.path(), &args);
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Chỉ tiêu".to_owned()]);
    let range = wb.worksheet_range("Chỉ tiêu").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("CHỈ TIÊU KẾ HOẠCH VÀ KẾT QUẢ THỰC HIỆN NĂM 2020".into())
    );
    assert_eq!(cell(3, 4), Data::String("Kết quả thực hiện".into()));
    // The first member's group row, then its first indicator with its figures as numbers.
    assert_eq!(cell(4, 0), Data::String("I".into()));
    let store = Store::open_read_only(&db).unwrap();
    let first = &indicators::list(store.conn(), 2020).unwrap()[0];
    // Under its group's row, when it has a group.
    let r = if first.group.is_empty() { 5 } else { 6 };
    assert_eq!(
        cell(5, 1),
        Data::String(if first.group.is_empty() {
            first.name.clone()
        } else {
            first.group.clone()
        })
    );
    assert_eq!(cell(r, 1), Data::String(first.name.clone()));
    assert_eq!(cell(r, 3), first.plan.map_or(Data::Empty, Data::Float));
    assert_eq!(cell(r, 4), first.result.map_or(Data::Empty, Data::Float));
    assert!(
        first.plan.is_some() || first.result.is_some(),
        "a row with figures"
    );

    // An existing output is replaced only with --force.
    refused(dir.path(), &args, "--force");
    let mut forced = args.to_vec();
    forced.push("--force");
    run_ok(dir.path(), &forced);
    // Never over the database itself.
    let mut over_db = forced.clone();
    over_db[6] = s(&db);
    refused(dir.path(), &over_db, "chính là tệp");
}

#[test]
fn the_year_workbook_has_the_ranking_and_the_proposals_once_the_year_has_them() {
    let mut store = common::sample_store();
    common::score_sample_in_order(&mut store);
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let data = khoi_thi_dua::store::years::data(store.conn(), 2020).unwrap();
    let (bytes, done) = export::workbook_bytes(&members, &data).unwrap();
    assert!(
        done.sheets.contains(&"Xếp hạng".to_owned()),
        "{:?}",
        done.sheets
    );
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Xếp hạng").unwrap();
    assert_eq!(range.get_value((4, 0)), Some(&Data::Float(1.0)));
    // The score sheet: criteria down, members across, its foot the same totals.
    assert!(done.sheets.contains(&"Bảng điểm".to_owned()));
    let sheet = wb.worksheet_range("Bảng điểm").unwrap();
    let foot = sheet
        .rows()
        .find(|r| r.get(1) == Some(&Data::String("Tổng cộng".into())))
        .unwrap();
    let ranking = range.rows().nth(4).unwrap();
    let leader_total = ranking[6].clone();
    assert!(
        foot[3..].contains(&leader_total),
        "{foot:?} lacks {leader_total:?}"
    );
}

/// The request workbook of the first member of 2020 with indicators in `store`, and that
/// member's first indicator.
fn first_request(store: &Store) -> (Vec<u8>, khoi_thi_dua::domain::Indicator) {
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let data = khoi_thi_dua::store::years::data(store.conn(), 2020).unwrap();
    let first = data.indicators[0].clone();
    let member = members.iter().find(|m| m.id == first.member).unwrap();
    (requests::workbook_bytes(member, &data).unwrap(), first)
}

/// Loads a request workbook made in memory for the sample's first member with indicators,
/// filled by `fill`, and previews it against `store`.
fn preview_in_memory(
    store: &Store,
    dir: &Path,
    fill: impl Fn(usize) -> Option<Typed>,
) -> Result<Preview, OpsError> {
    let request = dir.join("request.xlsx");
    std::fs::write(&request, first_request(store).0).unwrap();
    let back = dir.join("back.xlsx");
    returned(&request, &back, fill, same_key);
    import::preview(store, 2020, &back)
}

#[test]
fn an_import_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::sample_store();
    let before: Vec<_> = indicators::list(store.conn(), 2020).unwrap();
    let preview = preview_in_memory(&store, dir.path(), |_| Some(Typed::Number(9.5))).unwrap();
    assert!(preview.changes.len() > 1);
    let mut history = History::default();
    history.apply(&mut store, &preview.edit().unwrap()).unwrap();
    let changed = indicators::list(store.conn(), 2020).unwrap();
    assert_eq!(
        changed.iter().filter(|i| i.result == Some(9.5)).count(),
        preview.changes.len()
    );
    assert_eq!(history.undo(&mut store).unwrap(), Some(import::LABEL));
    assert_eq!(indicators::list(store.conn(), 2020).unwrap(), before);
}

#[test]
fn cells_of_the_wrong_type_are_listed_with_their_rows() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::sample_store();
    let preview = preview_in_memory(&store, dir.path(), |n| match n {
        0 => Some(Typed::Bool(true)),
        1 => Some(Typed::Text("nhiều")),
        2 => Some(Typed::Number(-5.0)),
        3 => Some(Typed::Text("-1.128")),
        _ => None,
    })
    .unwrap();
    let rows: Vec<u32> = preview.unreadable.iter().map(|p| p.row).collect();
    assert_eq!(rows, vec![9, 10, 11, 12]);
    assert!(preview.unreadable[0].reason.contains("đúng/sai"));
    assert!(preview.unreadable[2].reason.contains("không được âm"));
    assert!(preview.refusal().unwrap().contains("dòng 9, 10, 11, 12"));
    assert!(preview.edit().is_err());
}

#[test]
fn a_handed_over_year_is_refused_before_anything_is_read_into_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = common::sample_store();
    store
        .write(|tx| {
            khoi_thi_dua::store::years::set_status(
                tx,
                2020,
                khoi_thi_dua::domain::YearStatus::HandedOver,
                "",
            )
        })
        .unwrap();
    let e = preview_in_memory(&store, dir.path(), |_| Some(Typed::Number(1.0))).unwrap_err();
    assert!(e.to_string().contains("2020"), "{e}");
}

/// Broken files: each gives a Vietnamese message naming the file, never a panic.
#[test]
fn broken_workbooks_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = common::sample_store();
    let good = first_request(&store).0;
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("cut-early", good[..200].to_vec()),
    ];
    // Deterministic noise, and a zip whose bytes were changed here and there.
    let mut x: u32 = 12345;
    let mut noise = Vec::new();
    for _ in 0..5000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    cases.push(("noise", noise));
    for step in [97, 331, 1009] {
        let mut flipped = good.clone();
        for i in (40..flipped.len()).step_by(step) {
            flipped[i] ^= 0x5a;
        }
        cases.push(("flipped", flipped));
    }
    // A workbook that is not a request: no keys.
    let mut foreign = Workbook::new();
    foreign
        .add_worksheet()
        .write_string(0, 0, "Số liệu")
        .unwrap();
    cases.push(("foreign", foreign.save_to_buffer().unwrap()));
    // A sheet that claims (and has) a cell at the very last row and column.
    let mut huge = Workbook::new();
    let ws = huge.add_worksheet();
    ws.write_string(0, 0, "a").unwrap();
    ws.write_string(1_048_575, 16_383, "z").unwrap();
    cases.push(("huge", huge.save_to_buffer().unwrap()));
    for (name, bytes) in cases {
        let path = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&path, &bytes).unwrap();
        let e = import::preview(&store, 2020, &path);
        match e {
            Err(e @ (OpsError::Invalid(_) | OpsError::ForeignSheet { .. })) => {
                let message = e.to_string();
                assert!(
                    message.contains(&format!("{name}.xlsx")),
                    "{name}: {message}"
                )
            }
            // Bytes changed in a part the import does not read may still leave a readable file.
            Ok(p) if name == "flipped" => assert!(p.changes.is_empty()),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn the_window_shows_the_import_preview_and_imports_on_nhap() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut h = common::window::window(App::new(Some(data_dir.clone()), None));
    h.run();
    common::window::click(&mut h, "Xem tiếp dữ liệu mẫu");
    let (bytes, first) = first_request(common::window::store(&h));
    let request = dir.path().join("request.xlsx");
    std::fs::write(&request, bytes).unwrap();
    let back = dir.path().join("back.xlsx");
    returned(
        &request,
        &back,
        |n| (n == 0).then_some(Typed::Number(4321.5)),
        same_key,
    );

    h.state_mut().push(Action::PreviewImport(back.clone()));
    h.run();
    h.get_by_label("Nhập số liệu từ Excel");
    h.get_by_label_contains("1 số liệu thay đổi");
    h.get_by_label_contains(&first.name);
    h.get_by_label_contains("thành 4.321,5");
    common::window::click(&mut h, "Nhập");
    assert!(h.query_by_label("Hủy").is_none(), "the dialog closed");
    let stored = indicators::get(common::window::store(&h).conn(), first.id)
        .unwrap()
        .unwrap();
    assert_eq!(stored.result, Some(4321.5));

    // A file with an unreadable row: the dialog says so and offers no import.
    let bad = dir.path().join("bad.xlsx");
    returned(
        &request,
        &bad,
        |n| (n == 1).then_some(Typed::Text("12.5")),
        same_key,
    );
    h.state_mut().push(Action::PreviewImport(bad));
    h.run();
    h.get_by_label_contains("không nhập tệp này");
    h.get_by_label_contains("Dòng 10 không đọc được");
    common::window::click(&mut h, "Hủy");
    assert!(h.query_by_label("Nhập").is_none());
}

#[test]
fn the_window_writes_the_requests_and_asks_before_replacing_them() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut h = common::window::window(App::new(Some(data_dir), None));
    h.run();
    common::window::click(&mut h, "Xem tiếp dữ liệu mẫu");
    let out = dir.path().join("mau");
    h.state_mut().push(Action::ExportRequests(
        out.clone(),
        khoi_thi_dua::ops::Overwrite::Refuse,
    ));
    h.run();
    h.get_by_label("Đã xuất mẫu báo cáo số liệu");
    h.get_by_label_contains("Đã ghi 4 mẫu báo cáo số liệu năm 2020");
    common::window::click(&mut h, "Đóng");
    assert!(out.join("Sở TN&MT.xlsx").is_file());

    // Again into the same folder: the window asks before replacing the files.
    h.state_mut().push(Action::ExportRequests(
        out.clone(),
        khoi_thi_dua::ops::Overwrite::Refuse,
    ));
    h.run();
    h.get_by_label("Thay các tệp đã có?");
    common::window::click(&mut h, "Thay các tệp");
    h.get_by_label("Đã xuất mẫu báo cáo số liệu");
}

/// A member's own table, not one of our requests: a title, headings on row 3, a group heading
/// without figures, then `rows` of (name, unit, plan, result).
fn own_table(path: &Path, rows: &[(&str, &str, f64, f64)]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2020")
        .unwrap();
    for (c, h) in ["STT", "Tên chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"]
        .into_iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, h).unwrap();
    }
    ws.write_string(3, 1, "I. Quản lý đất đai").unwrap();
    for (i, (name, unit, plan, result)) in rows.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *unit).unwrap();
        ws.write_number(r, 3, *plan).unwrap();
        ws.write_number(r, 4, *result).unwrap();
    }
    wb.save(path).unwrap();
}

/// The sample's indicators of "Sở TN&MT" in 2020.
fn tnmt_indicators(store: &Store) -> Vec<khoi_thi_dua::domain::Indicator> {
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let m = members
        .iter()
        .find(|m| m.short_name_in(2020) == "Sở TN&MT")
        .unwrap();
    indicators::list(store.conn(), 2020)
        .unwrap()
        .into_iter()
        .filter(|i| i.member == m.id)
        .collect()
}

#[test]
fn a_members_own_table_is_imported_with_the_columns_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path(), "khoi.sqlite");
    let own = tnmt_indicators(&Store::open_read_only(&db).unwrap());
    let table = dir.path().join("bao-cao.xlsx");
    // Names as a member retypes them: other case, doubled spaces.
    let first = own[0].name.to_uppercase().replace(' ', "  ");
    own_table(
        &table,
        &[
            (&first, &own[0].unit, 12.0, 11.5),
            (&own[1].name, &own[1].unit, 20.0, 21.0),
            ("Chỉ tiêu không có", "ha", 1.0, 2.0),
        ],
    );
    // Without the columns: what to give is said.
    refused(dir.path(), &import_args(&db, &table), "--columns");
    let mut args = import_args(&db, &table);
    args.extend([
        "--member",
        "Sở TN&MT",
        "--columns",
        "name=B,unit=C,plan=D,result=E",
    ]);
    let printed = run_ok(dir.path(), &args);
    assert!(printed.contains("Dòng 7 không khớp"), "{printed}");
    let after = tnmt_indicators(&Store::open_read_only(&db).unwrap());
    assert_eq!((after[0].plan, after[0].result), (Some(12.0), Some(11.5)));
    assert_eq!((after[1].plan, after[1].result), (Some(20.0), Some(21.0)));
    assert_eq!(after[2..], own[2..]);
}

#[test]
fn the_window_asks_for_the_columns_of_a_members_own_table_and_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut h = common::window::window(App::new(Some(data_dir.clone()), None));
    h.run();
    common::window::click(&mut h, "Xem tiếp dữ liệu mẫu");
    let own = tnmt_indicators(common::window::store(&h));
    // Named by the member, as members name what they send back.
    let table = dir.path().join("Sở TN&MT - báo cáo.xlsx");
    own_table(&table, &[(&own[0].name, &own[0].unit, 12.0, 11.5)]);

    h.state_mut().push(Action::PreviewImport(table));
    h.run();
    h.get_by_label("Chọn cột để nhập");
    // The member from the file's name, the columns from the headings' words.
    let chosen = |h: &common::window::Window, label: &str| -> Vec<String> {
        h.get_all_by_label(label)
            .filter_map(|n| n.value())
            .collect()
    };
    assert_eq!(chosen(&h, "Đơn vị"), ["Sở Tài nguyên và Môi trường"]);
    assert_eq!(chosen(&h, "Kế hoạch"), ["Cột D — Kế hoạch"]);
    assert_eq!(chosen(&h, "Kết quả thực hiện"), ["Cột E — Thực hiện"]);
    common::window::click(&mut h, "Xem trước");
    h.get_by_label("Nhập số liệu từ Excel");
    h.get_by_label_contains("Kế hoạch: từ");
    common::window::click(&mut h, "Nhập");
    let after = tnmt_indicators(common::window::store(&h));
    assert_eq!((after[0].plan, after[0].result), (Some(12.0), Some(11.5)));
    // The columns are kept for this layout.
    let settings = std::fs::read_to_string(data_dir.join("settings.json")).unwrap_or_default();
    assert!(settings.contains("ten chi tieu"), "{settings}");
}

#[test]
fn a_plan_written_as_text_goes_to_the_workbook_as_typed() {
    let mut store = common::sample_store();
    let mut first = indicators::list(store.conn(), 2020).unwrap().remove(0);
    first.set_plan("Trên 1.000").unwrap();
    store.write(|tx| indicators::update(tx, &first)).unwrap();
    let members = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let data = khoi_thi_dua::store::years::data(store.conn(), 2020).unwrap();
    let (bytes, _) = export::workbook_bytes(&members, &data).unwrap();
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("Chỉ tiêu").unwrap();
    let row = range
        .rows()
        .find(|r| r.get(1) == Some(&Data::String(first.name.clone())))
        .unwrap();
    assert_eq!(row[3], Data::String("Trên 1.000".into()));
}
