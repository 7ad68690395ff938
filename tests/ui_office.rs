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
    // Bàn giao says who holds the year, not that it was handed over, and offers no unlock.
    click(&mut h, "Bàn giao");
    h.get_by_label_contains("Việc bàn giao năm này do đơn vị đang giữ năm làm");
    assert!(h.query_by_label("Mở khóa năm…").is_none());
    assert!(h.query_by_label_contains("đã bàn giao. Mọi thẻ").is_none());

    // Taken back after a question that says why one would.
    click(&mut h, "Lấy lại quyền sửa năm 2021…");
    h.get_by_label_contains("bàn giao phải làm lại");
    click(&mut h, "Lấy lại quyền sửa");
    assert!(h.query_by_label_contains(held).is_none());
    click(&mut h, "Chỉ tiêu");
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

/// The sample on a first run, on a machine whose system file dialog cannot open.
fn first_run_without_file_dialogs() -> (tempfile::TempDir, PathBuf, Window) {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let mut app = App::new(Some(data_dir.clone()), None);
    app.without_file_dialogs();
    let mut h = window(app);
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    (dir, data_dir, h)
}

/// Clicks `item` of the Tệp menu.
fn file_menu(h: &mut Window, item: &str) {
    click(h, "Tệp");
    click(h, item);
}

/// The path field's text.
fn path_field(h: &Window) -> String {
    h.get_by_label("Đường dẫn").value().unwrap_or_default()
}

#[test]
fn without_a_system_file_dialog_each_file_item_asks_for_a_typed_path() {
    let (dir, data_dir, mut h) = first_run_without_file_dialogs();
    let documents = data_dir.join("Khối thi đua");
    let why = "Không mở được hộp chọn tệp của hệ thống";

    // Lưu bản sao…: the documents folder proposed; a folder that does not exist is said.
    file_menu(&mut h, "Lưu bản sao…");
    h.get_by_label_contains(why);
    assert_eq!(
        path_field(&h),
        documents.join("ban-sao.sqlite").display().to_string()
    );
    let nowhere = dir.path().join("khong-co").join("ban-sao.sqlite");
    replace_text(&mut h, "Đường dẫn", nowhere.to_str().unwrap());
    click(&mut h, "Lưu");
    h.get_by_label_contains("Không có thư mục");
    let copy = dir.path().join("ban-sao.sqlite");
    replace_text(&mut h, "Đường dẫn", copy.to_str().unwrap());
    click(&mut h, "Lưu");
    assert!(copy.is_file());
    assert!(h.query_by_label("Đường dẫn").is_none(), "the field closes");

    // Xuất Excel…: the year's workbook, its proposed name filled in.
    file_menu(&mut h, "Xuất Excel…");
    assert_eq!(
        path_field(&h),
        documents.join("ChiTieu2020.xlsx").display().to_string()
    );
    let xlsx = dir.path().join("chi-tieu.xlsx");
    replace_text(&mut h, "Đường dẫn", xlsx.to_str().unwrap());
    click(&mut h, "Xuất");
    assert!(xlsx.is_file());

    // Xuất mẫu báo cáo số liệu…: a folder.
    file_menu(&mut h, "Xuất mẫu báo cáo số liệu…");
    assert_eq!(path_field(&h), documents.display().to_string());
    let requests = dir.path().join("mau");
    replace_text(&mut h, "Đường dẫn", requests.to_str().unwrap());
    click(&mut h, "Xuất");
    h.get_by_label("Đã xuất mẫu báo cáo số liệu");
    click(&mut h, "Đóng");
    let workbook = std::fs::read_dir(&requests)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .unwrap();

    // Nhập số liệu từ Excel…: a returned workbook, previewed.
    file_menu(&mut h, "Nhập số liệu từ Excel…");
    h.get_by_label_contains(why);
    replace_text(&mut h, "Đường dẫn", workbook.to_str().unwrap());
    click(&mut h, "Nhập");
    h.get_by_label("Nhập số liệu từ Excel");
    assert!(h.query_by_label("Đường dẫn").is_none());
    click(&mut h, "Hủy");

    // The forms with a path field of their own say why their "Chọn…" button did nothing.
    file_menu(&mut h, "Mới…");
    click(&mut h, "Chọn nơi lưu…");
    h.get_by_label_contains(why);
    click(&mut h, "Hủy");
    file_menu(&mut h, "Tổng hợp các khối…");
    click(&mut h, "Chọn tệp…");
    h.get_by_label_contains(why);
    click(&mut h, "Đóng");

    // Mở… (and Ctrl+O): a file that is not there is said; the copy opens.
    file_menu(&mut h, "Mở… Ctrl+O");
    assert_eq!(path_field(&h), data_dir.display().to_string());
    click(&mut h, "Mở");
    h.get_by_label_contains("Không có tệp");
    click(&mut h, "Hủy");
    assert!(h.query_by_label("Đường dẫn").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    replace_text(&mut h, "Đường dẫn", copy.to_str().unwrap());
    click(&mut h, "Mở");
    let opened = store(&h).path().to_path_buf();
    // A file from outside the data folder opens as the program's own received copy of it.
    assert!(
        opened.starts_with(data_dir.join("received")),
        "{}",
        opened.display()
    );
    let name = opened.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("ban-sao"), "{name}");
}
