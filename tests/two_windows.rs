//! One writer per file: a second window on a file another window is changing may only show
//! it, and a command that would change the file waits for the window to close it. Neither can
//! then rewrite the file from stale data or undo the other's edits.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, window};
use common::{run, s, stderr};
use egui_kittest::kittest::{NodeT, Queryable};
use khoi_thi_dua::ops::lock;
use khoi_thi_dua::ui::App;

#[test]
fn a_second_window_on_the_same_file_only_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::data_dir(dir.path());
    std::fs::create_dir_all(&data).unwrap();
    let db = data.join("khoi.sqlite");
    khoi_thi_dua::sample::write_sample(&db).unwrap();

    let mut first = window(App::new(Some(data.clone()), Some(db.clone())));
    first.run();
    assert!(first.query_by_label_contains("chỉ xem").is_none());

    let mut second = window(App::new(Some(data.clone()), Some(db.clone())));
    second.run();
    second.get_by_label_contains("đang được mở để sửa ở một cửa sổ khác");
    click(&mut second, "Mở chỉ để xem");
    second.get_by_label_contains("cửa sổ này chỉ xem");
    // Nothing can be added or changed from the second window.
    click(&mut second, "Thành viên");
    let add: Vec<_> = second.query_all_by_label("Thêm đơn vị").collect();
    assert!(!add.is_empty());
    assert!(add.iter().all(|n| n.accesskit_node().is_disabled()));

    // Once the first window has gone, the file opens for changes again.
    drop(first);
    let mut third = window(App::new(Some(data), Some(db)));
    third.run();
    assert!(third.query_by_label_contains("chỉ xem").is_none());
}

#[test]
fn a_command_that_would_change_a_file_open_in_a_window_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    let data = common::data_dir(dir.path());
    // Another process (here: this test) holds the file as its one writer, as a window does.
    let claim = lock::claim(&db, Some(&data)).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = dir.path().join("khoi-2021.sqlite");
    let handover = common::handover_args(&db, "BQL KKT", &out);
    let pdf = dir.path().join("BaoCao.pdf");
    for args in [&handover[..], &common::export_pdf_args(&db, &pdf)[..]] {
        let o = run(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("cửa sổ khác"), "{}", stderr(&o));
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert!(!out.exists() && !pdf.exists());
    // Reading is always allowed.
    assert!(
        run(dir.path(), &["export-json", "--db", s(&db)])
            .status
            .success()
    );

    drop(claim);
    let o = run(dir.path(), &handover);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_first_run_beside_another_first_run_does_not_write_the_sample_twice() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::data_dir(dir.path());
    std::fs::create_dir_all(&data).unwrap();
    let db = khoi_thi_dua::paths::default_database(&data);
    // The other window has claimed the sample's file and is still writing it.
    let other = lock::claim(&db, Some(&data)).unwrap();
    let mut second = window(App::new(Some(data.clone()), None));
    second.run();
    second.get_by_label_contains("đang được mở để sửa ở một cửa sổ khác");
    assert!(
        !db.exists(),
        "the second window wrote the sample under the first"
    );
    drop(other);
}
