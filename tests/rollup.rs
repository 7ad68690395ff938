//! The province's view: several blocs' files compared for one year. Good files are summarised,
//! a broken file and another program's SQLite file are listed with the reason, no input is
//! changed, the output is never an input; the PDF read back with poppler, the workbook with
//! calamine.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use calamine::{Data, Reader, Xlsx};
use egui_kittest::kittest::Queryable;
use khoi_thi_dua::domain::awards::{VoteRound, Votes, YearAwards};
use khoi_thi_dua::ops::rollup::summarise;
use khoi_thi_dua::store::{Store, awards};
use khoi_thi_dua::ui::App;
use std::path::{Path, PathBuf};

mod common;

use common::window::{click, replace_text, type_into, window};
use common::{run, run_ok, s, sample, stderr};

const VOTED_BLOC: &str = "Khối Văn hóa - Xã hội";

/// The sample renamed as another bloc, scored, the leader nominated for the province's flag and
/// voted 7 of 8.
fn voted_bloc(dir: &Path) -> PathBuf {
    let db = sample(dir, "khoi-vhxh.sqlite");
    let mut store = Store::open(&db).unwrap();
    common::score_sample_in_order(&mut store);
    let aw = awards::get(store.conn(), 2020).unwrap();
    let ranks = awards::ranks(store.conn(), 2020).unwrap();
    let nominations = aw.suggest(&ranks, 8, 2020);
    let leader = nominations[0].member;
    let aw = YearAwards {
        nominations,
        rounds: vec![VoteRound {
            award: 2,
            round: 1,
            members: 8,
            present: 8,
            issued: 8,
            returned: 8,
            valid: 8,
            votes: vec![Votes {
                member: leader,
                votes: 7,
            }],
        }],
        ..aw
    };
    store
        .write(|tx| {
            awards::set(tx, 2020, &aw)?;
            tx.execute("UPDATE year SET bloc_name = ?1", [VOTED_BLOC])?;
            Ok(())
        })
        .unwrap();
    db
}

/// A good sample, the voted bloc, a damaged file and another program's SQLite file.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let good = sample(dir, "khoi-ktn.sqlite");
    let voted = voted_bloc(dir);
    let broken = dir.join("hong.sqlite");
    std::fs::write(
        &broken,
        b"SQLite format 3\0 but then nothing that SQLite can read",
    )
    .unwrap();
    let foreign = dir.join("ke-toan.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE so_cai (id INTEGER PRIMARY KEY, so_tien REAL);")
        .unwrap();
    vec![good, broken, voted, foreign]
}

#[test]
fn good_files_are_summarised_and_bad_ones_listed_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let r = summarise(&files, 2020);
    let names: Vec<&str> = r.blocs.iter().map(|b| b.bloc_name.as_str()).collect();
    assert_eq!(names, ["Khối Kinh tế ngành", VOTED_BLOC]);
    let plain = &r.blocs[0];
    assert_eq!(plain.members, 8);
    assert_eq!(plain.leading, None, "the sample is not scored");
    assert!(plain.classes.is_empty());
    assert!(plain.indicators.total > 0);
    assert!(plain.indicators.with_result <= plain.indicators.total);
    assert!(plain.indicators.met <= plain.indicators.evaluated);
    let voted = &r.blocs[1];
    assert!(voted.leading.is_some());
    assert_eq!(voted.classes.iter().map(|(_, n)| n).sum::<usize>(), 8);
    let flag = voted.proposals.iter().find(|p| p.votes.is_some()).unwrap();
    assert_eq!(Some(&flag.nominee), voted.leading.as_ref());
    assert_eq!((flag.votes, flag.share), (Some(7), Some(87.5)));
    assert_eq!(flag.outcome, "Đạt, đề nghị");

    let bad: Vec<(&Path, &str)> = r
        .unreadable
        .iter()
        .map(|u| (u.path.as_path(), u.reason.as_str()))
        .collect();
    assert_eq!(bad.len(), 2, "{bad:?}");
    assert_eq!(bad[0].0, files[1]);
    assert!(
        bad[0]
            .1
            .contains("không phải là tệp dữ liệu hợp lệ hoặc đã bị hỏng"),
        "{}",
        bad[0].1
    );
    assert_eq!(bad[1].0, files[3]);
    assert!(
        bad[1].1.contains("có thể là tệp của chương trình khác"),
        "{}",
        bad[1].1
    );
}

#[test]
fn a_year_the_file_lacks_and_a_file_given_twice_are_reasons_too() {
    let dir = tempfile::tempdir().unwrap();
    let good = sample(dir.path(), "khoi.sqlite");
    let r = summarise(std::slice::from_ref(&good), 2019);
    assert!(r.blocs.is_empty());
    assert!(
        r.unreadable[0]
            .reason
            .contains("không có số liệu năm 2019 (các năm có trong tệp: 2020)"),
        "{:?}",
        r.unreadable
    );
    let again = dir.path().join(".").join("khoi.sqlite");
    let r = summarise(&[good, again], 2020);
    assert_eq!(r.blocs.len(), 1);
    assert!(r.unreadable[0].reason.contains("đã có trong danh sách"));
}

#[test]
fn the_pdf_compares_the_blocs_and_no_input_changes() {
    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let out = dir.path().join("tong-hop.pdf");
    let mut args = vec![
        "rollup",
        "--year",
        "2020",
        "--out",
        s(&out),
        "--embedded-font",
    ];
    args.extend(files.iter().map(|f| s(f)));
    let said = run_ok(dir.path(), &args);
    assert!(said.contains("của 2 khối"), "{said}");
    assert!(said.contains("Không đọc được 2 tệp"), "{said}");
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(before == after, "an input was changed");
    common::assert_pdf(&out);
    let Some(text) = common::tool_text("pdftotext", &[s(&out), "-"]) else {
        return;
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM 2020",
        "Khối Kinh tế ngành",
        "Khối Văn hóa - Xã hội",
        "Đạt, đề nghị",
        "88%",
        "hong.sqlite",
        "ke-toan.sqlite",
        "Các tệp không đọc được",
        "Biểu đồ 1. Tỷ lệ chỉ tiêu đạt và vượt kế hoạch của các khối năm 2020",
        "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả",
    ] {
        assert!(text.contains(expected), "“{expected}” missing from: {text}");
    }

    // The .docx draws the same chart; LibreOffice prints its names, values and ticks (it
    // dropped every text box's text in a body that started with the header's table).
    let docx = dir.path().join("tong-hop.docx");
    let mut args = vec!["rollup", "--year", "2020", "--out", s(&docx)];
    args.extend(files.iter().map(|f| s(f)));
    run_ok(dir.path(), &args);
    if let Some(pdf) = common::libreoffice_pdf(dir.path(), &docx) {
        let text = common::tool_text("pdftotext", &[s(&pdf), "-"]).unwrap_or_default();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in [
            "Biểu đồ 1. Tỷ lệ chỉ tiêu đạt và vượt kế hoạch của các khối năm 2020",
            "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả",
            "25%",
            "75%",
        ] {
            assert!(text.contains(expected), "“{expected}” missing from: {text}");
        }
    }

    // --no-charts leaves the chart out of both.
    for name in ["khong-bieu-do.pdf", "khong-bieu-do.docx"] {
        let out = dir.path().join(name);
        let mut args = vec!["rollup", "--year", "2020", "--out", s(&out), "--no-charts"];
        args.extend(files.iter().map(|f| s(f)));
        run_ok(dir.path(), &args);
        let text = if name.ends_with(".pdf") {
            common::tool_text("pdftotext", &[s(&out), "-"]).unwrap()
        } else {
            String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned()
        };
        assert!(!text.contains("Biểu đồ"), "{name}");
        assert!(!text.contains("wpg"), "{name}");
    }
}

#[test]
fn the_output_is_never_an_input_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let good = sample(dir.path(), "khoi.sqlite");
    let before = std::fs::read(&good).unwrap();
    let o = run(
        dir.path(),
        &[
            "rollup",
            "--year",
            "2020",
            "--out",
            s(&good),
            "--force",
            s(&good),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("chính là tệp"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&good).unwrap(), before);

    let out = dir.path().join("tong-hop.xlsx");
    std::fs::write(&out, b"old").unwrap();
    let args = ["rollup", "--year", "2020", "--out", s(&out), s(&good)];
    let o = run(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
    let mut forced = args.to_vec();
    forced.push("--force");
    run_ok(dir.path(), &forced);
    assert_ne!(std::fs::read(&out).unwrap(), b"old");

    let o = run(
        dir.path(),
        &[
            "rollup",
            "--year",
            "2020",
            "--out",
            s(&dir.path().join("x.txt")),
            s(&good),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(".pdf, .docx hoặc .xlsx"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn nothing_is_written_when_no_file_can_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = sample(dir.path(), "khoi.sqlite");
    let out = dir.path().join("tong-hop.pdf");
    let o = run(
        dir.path(),
        &["rollup", "--year", "2019", "--out", s(&out), s(&good)],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("Không đọc được tệp nào"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn the_workbook_holds_the_blocs_proposals_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let out = dir.path().join("tong-hop.xlsx");
    let mut args = vec!["rollup", "--year", "2020", "--out", s(&out)];
    args.extend(files.iter().map(|f| s(f)));
    run_ok(dir.path(), &args);
    let mut wb: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["Các khối", "Đề nghị khen thưởng", "Tệp không đọc được"]
    );
    let range = wb.worksheet_range("Các khối").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(
        cell(0, 0),
        Data::String("TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM 2020".into())
    );
    assert_eq!(cell(3, 2), Data::String("Số thành viên".into()));
    assert_eq!(cell(4, 1), Data::String("Khối Kinh tế ngành".into()));
    assert_eq!(cell(4, 2), Data::Float(8.0));
    assert_eq!(cell(5, 1), Data::String(VOTED_BLOC.into()));
    let range = wb.worksheet_range("Đề nghị khen thưởng").unwrap();
    let voted = (4..range.height() as u32)
        .find(|&r| range.get_value((r, 3)) == Some(&Data::Float(7.0)))
        .expect("the round's 7 votes");
    assert_eq!(range.get_value((voted, 4)), Some(&Data::Float(0.88)));
    let range = wb.worksheet_range("Tệp không đọc được").unwrap();
    assert_eq!(
        range.get_value((4, 0)),
        Some(&Data::String("hong.sqlite".into()))
    );
    assert_eq!(
        range.get_value((5, 0)),
        Some(&Data::String("ke-toan.sqlite".into()))
    );
}

#[test]
fn the_window_compares_files_and_lists_the_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    let files = inputs(dir.path());
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut h = window(App::new(Some(common::data_dir(dir.path())), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    click(&mut h, "Tệp");
    click(&mut h, "Tổng hợp các khối…");
    h.get_by_label("Tổng hợp các khối");
    for f in &files {
        type_into(&mut h, "Đường dẫn tệp", s(f));
        click(&mut h, "Thêm");
    }
    h.get_by_label("Tệp dữ liệu các khối (4 tệp):");
    let out = dir.path().join("tong-hop.xlsx");
    replace_text(&mut h, "Ghi ra tệp", s(&out));
    // The year is the open one's.
    click(&mut h, "Tổng hợp");
    h.get_by_label_contains("Đã ghi bảng tổng hợp năm 2020 của 2 khối");
    h.get_by_label_contains("có thể là tệp của chương trình khác");
    assert!(out.is_file());
    // Again: the file is there now, and replacing it must be asked for.
    click(&mut h, "Tổng hợp");
    h.get_by_label_contains("đã có; chương trình không ghi đè");
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    assert!(before == after, "an input was changed");
    click(&mut h, "Đóng");
    assert!(h.query_by_label("Tổng hợp các khối").is_none());
}
