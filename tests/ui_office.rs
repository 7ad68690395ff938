//! The window where office work meets files and years: where exports go, the years a
//! successor holds after a handover, the Chỉ tiêu table's totals, whole-row selection.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use egui_kittest::kittest::Queryable;
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::store::indicators;
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;
use std::path::PathBuf;

mod common;

use common::window::{Window, click, click_scrolled, replace_text, store, wait_for_export, window};

/// The sample opened on a first run, in a data folder of the test's own (kept by the returned
/// temporary folder).
fn first_run() -> (tempfile::TempDir, PathBuf, Window) {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut h = window(App::new(Some(data_dir.clone()), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    (dir, data_dir, h)
}

fn count_2021(h: &Window) -> usize {
    indicators::list(store(h).conn(), 2021).unwrap().len()
}

#[test]
fn after_a_handover_the_next_year_is_the_successors_until_taken_back() {
    let (_dir, data_dir, mut h) = first_run();
    click(&mut h, "Bàn giao");
    let out = data_dir.join("ban-giao-2021.sqlite");
    replace_text(&mut h, "Lưu tệp cho đơn vị nhận", out.to_str().unwrap());
    click_scrolled(&mut h, "Bàn giao…");
    click(&mut h, "Xác nhận bàn giao");
    click(&mut h, "Đóng");

    h.state_mut().push(Action::SelectYear(2021));
    h.run();
    let held = "Năm 2021 do Ban Quản lý Khu kinh tế giữ từ 16/12/2020";
    // Said in the banner and in the status bar.
    assert!(h.query_all_by_label_contains(held).count() >= 2);
    click(&mut h, "Chỉ tiêu");
    let before = count_2021(&h);
    assert!(before > 0, "the handover copied the list");
    click(&mut h, "Thêm chỉ tiêu");
    assert_eq!(count_2021(&h), before);
    // Whatever path an edit takes, the window refuses it with the reason.
    let first = indicators::list(store(&h).conn(), 2021).unwrap()[0].id;
    h.state_mut()
        .push(Action::Edit(Edit::DeleteIndicator(first)));
    h.run();
    let message = h.state().error_message().unwrap().to_owned();
    assert!(message.contains(held), "{message}");
    assert_eq!(count_2021(&h), before);
    click(&mut h, "Đóng");

    // Taken back after a question that says why one would.
    click(&mut h, "Lấy lại quyền sửa năm 2021…");
    h.get_by_label_contains("bàn giao phải làm lại");
    click(&mut h, "Lấy lại quyền sửa");
    assert!(h.query_by_label_contains(held).is_none());
    click(&mut h, "Thêm chỉ tiêu");
    assert_eq!(count_2021(&h), before + 1);
    // Kept in the file: opened again, the year is still this file's.
    let conn = store(&h).conn();
    assert_eq!(
        khoi_thi_dua::store::years::held_by_successor(conn, 2021).unwrap(),
        None
    );
}

#[test]
fn the_indicator_table_totals_each_additive_unit_of_the_rows_shown() {
    let (_dir, _data, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    // 1.128 news items, of which 95 + 336 + 682 + 15: counted once.
    h.get_by_label("Tổng cộng (tin bài): 1.128");
    // Projects: 39 + 8 of Sở TN&MT and 3 of Sở KH&CN.
    h.get_by_label("Tổng cộng (dự án): 50");
    // 3.611,73 + 239,14 + the forest's 5.711,7 (its parts not again), 1.738 and 131.900.
    h.get_by_label("Tổng cộng (ha): 143.200,57");
    // A unit with one row has no total line.
    assert!(h.query_by_label_contains("Tổng cộng (lượt)").is_none());
    // The lines follow the rows shown.
    common::window::type_into(&mut h, "Tìm:", "mạng xã hội");
    assert!(h.query_by_label_contains("Tổng cộng (tin bài)").is_none());
    replace_text(&mut h, "Tìm:", "Sở hữu trí tuệ");
    h.get_by_label("Tổng cộng (nhãn hiệu): 117");
}

#[test]
fn a_click_anywhere_on_a_members_row_selects_it() {
    let (_dir, _data, mut h) = first_run();
    click(&mut h, "Thành viên");
    assert_eq!(h.query_all_by_label("Sở Xây dựng").count(), 1);
    // Its abbreviation, not its name: the row is the target.
    click(&mut h, "SXD");
    assert_eq!(
        h.query_all_by_label("Sở Xây dựng").count(),
        2,
        "the form shows the member"
    );
}

fn proposed(h: &Window) -> String {
    h.get_by_label("Lưu vào tệp:").value().unwrap_or_default()
}

#[test]
fn exports_are_proposed_in_the_documents_folder_then_where_the_last_one_went() {
    let (dir, data_dir, mut h) = first_run();
    h.state_mut().record_launches();
    // With a data folder of its own (as here), "Khối thi đua" is made inside it, never in the
    // home folder of whoever runs the tests.
    let documents = data_dir.join("Khối thi đua");
    click(&mut h, "Báo cáo");
    click(&mut h, "Xuất PDF…");
    assert_eq!(
        proposed(&h),
        documents.join("BaoCao2020.pdf").display().to_string()
    );
    assert!(documents.is_dir());

    // Written elsewhere: that folder is proposed next time, and kept in the settings.
    let elsewhere = dir.path().join("Văn bản");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let pdf = elsewhere.join("BaoCao2020.pdf");
    replace_text(&mut h, "Lưu vào tệp:", pdf.to_str().unwrap());
    click(&mut h, "Xuất");
    wait_for_export(&mut h);
    common::assert_pdf(&pdf);
    click(&mut h, "Mở thư mục");
    assert_eq!(h.state().launched(), [elsewhere.canonicalize().unwrap()]);
    click(&mut h, "Xuất PDF…");
    assert_eq!(
        proposed(&h),
        elsewhere
            .canonicalize()
            .unwrap()
            .join("BaoCao2020.pdf")
            .display()
            .to_string()
    );
    click(&mut h, "Hủy");
    let settings = std::fs::read_to_string(data_dir.join("settings.json")).unwrap();
    assert!(settings.contains("\"van-ban\""), "{settings}");

    // A new window on the same data folder remembers it too.
    drop(h);
    let mut again = window(App::new(Some(data_dir.clone()), None));
    again.run();
    again.state_mut().push(Action::ExportPdfDialog(
        khoi_thi_dua::ops::export::DocumentKind::Minutes,
    ));
    again.run();
    assert!(
        proposed(&again).starts_with(&elsewhere.canonicalize().unwrap().display().to_string()),
        "{}",
        proposed(&again)
    );
}

#[test]
fn the_successors_file_is_proposed_in_the_documents_folder_and_opens_after_the_handover() {
    let (_dir, data_dir, mut h) = first_run();
    h.state_mut().record_launches();
    click(&mut h, "Bàn giao");
    let out = data_dir
        .join("Khối thi đua")
        .join("khoi-thi-dua-2021.sqlite");
    let field = h.get_by_label("Lưu tệp cho đơn vị nhận").value();
    assert_eq!(field.as_deref(), Some(out.to_str().unwrap()));
    click_scrolled(&mut h, "Bàn giao…");
    click(&mut h, "Xác nhận bàn giao");
    click(&mut h, "Đóng");
    assert!(out.is_file());
    click(&mut h, "Mở tệp");
    click(&mut h, "Mở thư mục");
    assert_eq!(
        h.state().launched(),
        [out.clone(), out.parent().unwrap().to_path_buf()]
    );
}
