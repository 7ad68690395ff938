//! The window as a user drives it: by the labels they read, on a temporary data folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use khoi_thi_dua::domain::{ReportKind, ReportStatus, YearRecord};
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::ops::export::DocumentKind;
use khoi_thi_dua::store::{indicators, members, reports, years};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;
use std::path::{Path, PathBuf};

mod common;

use common::window::{
    Window, click, click_scrolled, replace_text, store, type_into, wait_for_export, window,
};

struct Fixture {
    _dir: tempfile::TempDir,
    data_dir: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    Fixture {
        _dir: dir,
        data_dir,
    }
}

/// A first run: the sample is created in the data folder, the welcome is shown, and the user
/// goes on with the sample. The fixture holds the data folder: keep it until the test ends.
fn first_run() -> (Fixture, Window) {
    let f = fixture();
    let mut h = window(App::new(Some(f.data_dir.clone()), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    // The window opens on "Việc cần làm"; most tests start from the members.
    h.get_by_label("Việc cần làm năm 2020");
    click(&mut h, "Thành viên");
    (f, h)
}

#[test]
fn first_run_shows_the_sample_and_the_four_tabs_switch() {
    let f = fixture();
    let mut h = window(App::new(Some(f.data_dir.clone()), None));
    h.run();
    assert!(h.query_by_label_contains("Chào mừng").is_some());
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    assert!(f.data_dir.join("khoi-thi-dua.sqlite").is_file());
    // It opens on what the year still needs, each item leading to its tab.
    h.get_by_label("Việc cần làm năm 2020");
    h.get_by_label_contains("Chưa có tên thủ trưởng (người ký giao ước):");
    h.get_all_by_label("Mở thẻ Thành viên")
        .next()
        .unwrap()
        .click();
    h.run();
    // The member's row in the table and its form beside it.
    assert_eq!(
        h.query_all_by_label("Sở Thông tin và Truyền thông").count(),
        2
    );
    h.get_by_label_contains("Khối Kinh tế ngành — năm 2020");

    click(&mut h, "Chỉ tiêu");
    h.get_by_label("1.128");
    h.get_by_label("98%");
    // Searching without accents finds "Tổng diện tích …" further down the table.
    type_into(&mut h, "Tìm:", "dien tich");
    h.get_by_label("3.611,73");
    assert!(h.query_by_label("1.128").is_none());

    click(&mut h, "Báo cáo");
    h.get_by_label_contains("Báo cáo tổng kết năm 2020");

    click(&mut h, "Bàn giao");
    h.get_by_label_contains("Bàn giao nhiệm vụ Trưởng khối năm 2020");

    click(&mut h, "Thành viên");
    h.get_by_label("Đơn vị thành viên năm 2020");
}

#[test]
fn ctrl_number_switches_tabs() {
    let (_f, mut h) = first_run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    h.get_by_label("Thêm chỉ tiêu");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    h.run();
    h.get_by_label("Thêm đơn vị");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    h.get_by_label("Việc cần làm năm 2020");
}

#[test]
fn add_a_member_then_rename_it_from_next_year() {
    let (_f, mut h) = first_run();
    click(&mut h, "Thêm đơn vị");
    type_into(&mut h, "Tên đơn vị mới:", "Sở Tư pháp");
    click(&mut h, "Thêm");
    // The unit just added is the one selected: its form is open beside the table.
    let full_name = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Tên đầy đủ");
    assert_eq!(
        full_name.accesskit_node().value().as_deref(),
        Some("Sở Tư pháp")
    );
    click(&mut h, "Đổi tên từ năm…");
    replace_text(&mut h, "Tên mới", "Sở Tư pháp và Hộ tịch");
    click_scrolled(&mut h, "Đổi tên");
    h.get_by_label("Từ năm 2021: Sở Tư pháp và Hộ tịch");
    h.get_by_label("Từ năm 2020: Sở Tư pháp");

    let conn = store(&h).conn();
    let list = members::list(conn).unwrap();
    let m = list
        .iter()
        .find(|m| m.full_name_in(2020) == "Sở Tư pháp")
        .unwrap();
    assert_eq!(m.full_name_in(2021), "Sở Tư pháp và Hộ tịch");
}

#[test]
fn ctrl_s_leaves_the_field_saving_it_and_says_everything_is_saved() {
    let (_f, mut h) = first_run();
    select_all_and_type(&mut h, "Điện thoại", "0219 3860 000");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label_contains("Mọi thay đổi đã được lưu (chương trình lưu ngay");
    let list = members::list(store(&h).conn()).unwrap();
    assert!(list.iter().any(|m| m.phone == "0219 3860 000"));
}

#[test]
fn a_duplicate_member_name_is_refused_at_the_field() {
    let (_f, mut h) = first_run();
    click(&mut h, "Thêm đơn vị");
    type_into(&mut h, "Tên đơn vị mới:", "Sở Xây dựng");
    click(&mut h, "Thêm");
    h.get_by_label_contains("đã có đơn vị tên “Sở Xây dựng”");
}

/// Opens the indicator tab, adds a row for the first member and returns with its name cell open.
fn add_indicator_row(h: &mut Window) {
    click(h, "Chỉ tiêu");
    click(h, "Thêm chỉ tiêu");
    h.run();
}

fn select_all_and_type(h: &mut Window, label: &str, text: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn add_an_indicator_typing_vietnamese_numbers_and_see_the_percent() {
    let (_f, mut h) = first_run();
    add_indicator_row(&mut h);
    select_all_and_type(&mut h, "Chỉ tiêu", "Diện tích giao đất");
    h.key_press(Key::Tab);
    h.run();
    select_all_and_type(&mut h, "ĐVT", "ha");
    h.key_press(Key::Tab);
    h.run();
    select_all_and_type(&mut h, "Kế hoạch", "4.000");
    h.key_press(Key::Tab);
    h.run();
    select_all_and_type(&mut h, "Thực hiện", "3.611,73");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("90%");
    let conn = store(&h).conn();
    let ind = indicators::list(conn, 2020)
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Diện tích giao đất")
        .unwrap();
    assert_eq!((ind.plan, ind.result), (Some(4000.0), Some(3611.73)));
    assert_eq!(ind.unit, "ha");
}

#[test]
fn a_plan_written_as_offices_write_it_is_kept_and_the_result_evaluated() {
    let (_f, mut h) = first_run();
    add_indicator_row(&mut h);
    select_all_and_type(&mut h, "Chỉ tiêu", "Số doanh nghiệp thành lập mới");
    h.key_press(Key::Tab);
    h.run();
    h.key_press(Key::Tab);
    h.run();
    // A form the program cannot read is refused with the forms it can.
    select_all_and_type(&mut h, "Kế hoạch", "nhiều");
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label_contains("Không đọc được kế hoạch “nhiều”");
    select_all_and_type(&mut h, "Kế hoạch", "Trên 4");
    h.key_press(Key::Tab);
    h.run();
    select_all_and_type(&mut h, "Thực hiện", "5");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Trên 4");
    h.get_by_label("Vượt");
    let ind = indicators::list(store(&h).conn(), 2020)
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Số doanh nghiệp thành lập mới")
        .unwrap();
    assert_eq!(
        (ind.plan_text.as_str(), ind.plan, ind.result),
        ("Trên 4", Some(4.0), Some(5.0))
    );
}

#[test]
fn the_first_half_is_entered_beside_the_year_and_keeps_the_years_result() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    let first = indicators::list(store(&h).conn(), 2020).unwrap().remove(0);
    click(&mut h, "6 tháng đầu năm");
    click(&mut h, &format!("Thực hiện 6 tháng của “{}”", first.name));
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Thực hiện 6 tháng")
        .type_text("500");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    let saved = indicators::list(store(&h).conn(), 2020)
        .unwrap()
        .into_iter()
        .find(|i| i.id == first.id)
        .unwrap();
    assert_eq!((saved.midyear, saved.result), (Some(500.0), first.result));
    // Back to the year: its result is shown again.
    click(&mut h, "Cả năm");
    h.get_by_label(&khoi_thi_dua::text::number::format_number(
        first.result.unwrap(),
    ));
}

#[test]
fn a_six_month_figure_entered_in_chi_tieu_is_said_in_the_composed_mid_year_report() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    let forest = "Trồng rừng mới theo Quyết định số 1511";
    click(&mut h, "6 tháng đầu năm");
    click_scrolled(&mut h, &format!("Thực hiện 6 tháng của “{forest}”"));
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Thực hiện 6 tháng")
        .type_text("780");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    // The Báo cáo tab opens on the year-end report; the switch shows the mid-year one.
    click(&mut h, "Báo cáo");
    h.get_by_label("Báo cáo tổng kết năm 2020");
    click(&mut h, "Sơ kết 6 tháng đầu năm");
    h.get_by_label("Báo cáo sơ kết 6 tháng đầu năm 2020");
    click(&mut h, "Tạo dự thảo từ số liệu");
    h.get_by_label("Dự thảo");
    click(
        &mut h,
        "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2020",
    );
    let sentence = format!("{forest} được 780 ha, bằng 52% kế hoạch năm");
    assert!(
        h.query_by(|n| n.value().is_some_and(|v| v.contains(&sentence)))
            .is_some(),
        "the section shows “{sentence}”"
    );
    // Saved as the mid-year report; the year-end one is as it was.
    let conn = store(&h).conn();
    let mid = reports::get(conn, 2020, ReportKind::Midyear)
        .unwrap()
        .unwrap();
    assert!(mid.sections.iter().any(|s| s.body.contains(&sentence)));
    let year_end = reports::get(conn, 2020, ReportKind::YearEnd)
        .unwrap()
        .unwrap();
    assert!(!year_end.sections.iter().any(|s| s.body.contains(&sentence)));
    // One Ctrl+Z takes the composed draft away again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        reports::get(store(&h).conn(), 2020, ReportKind::Midyear).unwrap(),
        None
    );
    h.get_by_label_contains("Năm này chưa có báo cáo sơ kết.");
}

#[test]
fn the_plan_is_a_draft_edited_in_the_report_tab_with_versions_and_adoption() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Kế hoạch");
    h.get_by_label("Kế hoạch tổ chức phong trào thi đua năm 2020");
    h.get_by_label_contains("Năm này chưa có kế hoạch.");
    click(&mut h, "Tạo dự thảo từ số liệu");
    click(&mut h, "III. TIẾN ĐỘ THỰC HIỆN");
    // The plan has no conference of its own.
    assert!(
        h.query_by_label("Hội nghị ký kết giao ước thi đua")
            .is_none()
    );
    click(&mut h, "Phiên bản đã lưu (0)");
    click(&mut h, "Lưu phiên bản");
    click(&mut h, "Thông qua…");
    click(&mut h, "Thông qua");
    h.get_by_label("Đã thông qua");
    let conn = store(&h).conn();
    let plan = reports::get(conn, 2020, ReportKind::Plan).unwrap().unwrap();
    assert_eq!(plan.status, ReportStatus::Adopted);
    assert_eq!(plan.doc_type, "KẾ HOẠCH");
    assert!(
        plan.sections
            .iter()
            .any(|s| s.heading == "III. TIẾN ĐỘ THỰC HIỆN")
    );
    assert_eq!(
        reports::versions(conn, 2020, ReportKind::Plan)
            .unwrap()
            .len(),
        1
    );
    // The year-end report is still a draft.
    assert_eq!(
        reports::status(conn, 2020, ReportKind::YearEnd).unwrap(),
        Some(ReportStatus::Draft)
    );
}

#[test]
fn the_mid_year_review_keeps_its_own_conference_date_and_venue() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Sơ kết 6 tháng đầu năm");
    click(&mut h, "Tạo dự thảo từ số liệu");
    click(&mut h, "Hội nghị sơ kết");
    h.get_by_label("Hội nghị sơ kết 6 tháng đầu năm 2020");
    type_into(&mut h, "Địa điểm hội nghị", "Hội trường Sở Xây dựng");
    h.key_press(Key::Enter);
    h.run();
    type_into(&mut h, "Ngày hội nghị", "10/07/2020");
    h.key_press(Key::Enter);
    h.run();
    let conn = store(&h).conn();
    let mid = khoi_thi_dua::store::conference::get(conn, 2020, ReportKind::Midyear).unwrap();
    assert_eq!(mid.venue, "Hội trường Sở Xây dựng");
    assert_eq!(mid.date, chrono::NaiveDate::from_ymd_opt(2020, 7, 10));
    // The year-end conference keeps its own.
    let record = years::get(conn, 2020).unwrap().unwrap();
    assert_eq!(
        record.conference_date,
        chrono::NaiveDate::from_ymd_opt(2020, 12, 16)
    );
    assert_ne!(record.conference_venue, "Hội trường Sở Xây dựng");
    // The year-end report's conference part shows the year's details as before.
    click(&mut h, "Tổng kết");
    click(&mut h, "Hội nghị tổng kết");
    h.get_by_label("Hội nghị tổng kết năm 2020");
    h.get_by_label("Tên khối");
}

#[test]
fn a_milestone_dated_in_the_years_calendar_is_listed_with_the_days_left() {
    khoi_thi_dua::ui::session::fix_today(chrono::NaiveDate::from_ymd_opt(2020, 6, 10));
    let f = fixture();
    let mut h = window(App::new(Some(f.data_dir.clone()), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    h.get_by_label("Việc cần làm năm 2020");
    click(&mut h, "Lịch của năm");
    type_into(&mut h, "Hạn gửi số liệu 6 tháng", "15/06/2020");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Hạn gửi số liệu 6 tháng: 15/06/2020 — còn 5 ngày");
    let saved = khoi_thi_dua::store::milestones::get(store(&h).conn(), 2020).unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(
        saved[0].date,
        chrono::NaiveDate::from_ymd_opt(2020, 6, 15).unwrap()
    );
    // A date that cannot be read is refused under its field, and nothing changes.
    type_into(&mut h, "Tổng kết năm", "32/12/2020");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        khoi_thi_dua::store::milestones::get(store(&h).conn(), 2020)
            .unwrap()
            .len(),
        1
    );
    // One Ctrl+Z takes the date away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        khoi_thi_dua::store::milestones::get(store(&h).conn(), 2020)
            .unwrap()
            .is_empty()
    );
    assert!(
        h.query_by_label("Hạn gửi số liệu 6 tháng: 15/06/2020 — còn 5 ngày")
            .is_none()
    );
}

#[test]
fn a_block_pasted_from_excel_fills_the_cells_after_showing_them_and_undoes_as_one() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    let before = indicators::list(store(&h).conn(), 2020).unwrap();
    click(&mut h, "1.128");
    // A wrong number anywhere refuses the whole block at the cell.
    h.event(egui::Event::Paste(
        "1.200\tđã kiểm tra\n96.5\t\n".to_owned(),
    ));
    h.run();
    h.get_by_label_contains("Chưa dán gì: Dòng 2");
    assert_eq!(indicators::list(store(&h).conn(), 2020).unwrap(), before);
    h.event(egui::Event::Paste("1.200\tđã kiểm tra\n96\t\n".to_owned()));
    h.run();
    h.get_by_label_contains("sẽ sửa 3 ô của 2 chỉ tiêu");
    click(&mut h, "Dán");
    let after = indicators::list(store(&h).conn(), 2020).unwrap();
    assert_eq!(
        (after[0].result, after[0].note.as_str(), after[1].result),
        (Some(1200.0), "đã kiểm tra", Some(96.0))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(indicators::list(store(&h).conn(), 2020).unwrap(), before);
}

#[test]
fn an_english_style_number_is_refused_at_the_cell_and_the_old_value_kept() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    click(&mut h, "1.128");
    select_all_and_type(&mut h, "Thực hiện", "3611.73");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label_contains("dấu chấm chỉ dùng để tách hàng nghìn");
    let conn = store(&h).conn();
    let list = indicators::list(conn, 2020).unwrap();
    assert!(list.iter().any(|i| i.result == Some(1128.0)));
    assert!(
        list.iter()
            .all(|i| i.result != Some(3611.73) || i.unit == "ha")
    );
    // Esc gives the old value back.
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("1.128");
}

#[test]
fn typing_into_a_new_indicator_replaces_its_default_and_an_empty_cell_takes_a_click() {
    let (_f, mut h) = first_run();
    add_indicator_row(&mut h);
    // The name cell opens with "Chỉ tiêu mới" selected: typing replaces it.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Chỉ tiêu")
        .type_text("Diện tích giao đất");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    // After a handover every Thực hiện cell is empty: the empty cell itself is the target.
    click(&mut h, "Thực hiện của “Diện tích giao đất”");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Thực hiện")
        .type_text("12");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let list = indicators::list(store(&h).conn(), 2020).unwrap();
    let ind = list
        .iter()
        .find(|i| i.name.ends_with("Diện tích giao đất"))
        .unwrap();
    assert_eq!(ind.name, "Diện tích giao đất");
    assert_eq!(ind.result, Some(12.0));
}

#[test]
fn shift_tab_in_a_cell_moves_back_one_cell_and_keeps_the_editor_open() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    click(&mut h, "1.128");
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    // The Kế hoạch cell of the same row is open with its value selected: typing replaces it.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Kế hoạch")
        .type_text("2.000");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let list = indicators::list(store(&h).conn(), 2020).unwrap();
    let ind = list.iter().find(|i| i.result == Some(1128.0)).unwrap();
    assert_eq!(ind.plan, Some(2000.0));
}

/// How far down the window the cell showing `text` is.
fn top_of(h: &Window, text: &str) -> f64 {
    h.get_by_label(text)
        .accesskit_node()
        .bounding_box()
        .unwrap()
        .y0
}

#[test]
fn a_click_on_a_column_header_sorts_each_units_rows_by_it() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    // The bloc's order: the total of the news items first, its parts after it.
    assert!(top_of(&h, "1.128") < top_of(&h, "95"));
    click(&mut h, "Thực hiện");
    assert!(top_of(&h, "15") < top_of(&h, "95"));
    assert!(top_of(&h, "95") < top_of(&h, "1.128"));
    click(&mut h, "Thực hiện");
    assert!(top_of(&h, "1.128") < top_of(&h, "95"));
    assert!(top_of(&h, "95") < top_of(&h, "15"));
}

#[test]
fn at_1024_by_600_the_buttons_stay_whole_and_the_tables_keep_their_last_columns() {
    let f = fixture();
    let app = App::new(Some(f.data_dir.clone()), None);
    let mut h = common::window::build(
        common::window::builder().with_size(egui::vec2(1024.0, 600.0)),
        app,
    );
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    click(&mut h, "Thành viên");
    // The first widget so named (a table's header comes before the form beside it).
    let inside = |h: &Window, label: &str| {
        let node = h.get_all_by_label(label).next().unwrap();
        let b = node.accesskit_node().bounding_box().unwrap();
        assert!(b.x1 <= 1024.0 && b.y1 <= 600.0, "{label} is cut: {b:?}");
    };
    inside(&h, "Thêm đơn vị");
    // The last column is reached by scrolling sideways, not lost.
    h.get_all_by_label("Vai trò năm 2020")
        .next()
        .unwrap()
        .scroll_to_me();
    h.run();
    inside(&h, "Vai trò năm 2020");
    click(&mut h, "Chỉ tiêu");
    inside(&h, "Chép danh mục năm trước");
    h.get_all_by_label("Xóa").next().unwrap().scroll_to_me();
    h.run();
    inside(&h, "Xóa");
}

#[test]
fn delete_a_row_then_undo_brings_it_back() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chỉ tiêu");
    let before = indicator_count(&h);

    h.get_all_by_label("Xóa").next().unwrap().click();
    h.run();
    assert_eq!(indicator_count(&h), before - 1);
    h.get_by_label_contains("Bấm Ctrl+Z để hoàn tác");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(indicator_count(&h), before);
    h.get_by_label("1.128");
}

#[test]
fn unikey_style_backspace_then_composed_letter_types_the_right_word() {
    let (_f, mut h) = first_run();
    click(&mut h, "Thêm đơn vị");
    let field = h.get_by_label("Tên đơn vị mới:");
    field.focus();
    h.run();
    // Unikey (Telex) types "Sở Tư pha", then "pháp" arrives as Backspace + "á" + "p";
    // "ư" itself arrived as "u" followed by Backspace + "ư".
    for ev in ["S", "ở", " ", "T", "u"] {
        h.event(Event::Text(ev.into()));
    }
    h.key_press(Key::Backspace);
    h.event(Event::Text("ư".into()));
    for ev in [" ", "p", "h", "a"] {
        h.event(Event::Text(ev.into()));
    }
    h.key_press(Key::Backspace);
    h.event(Event::Text("á".into()));
    h.event(Event::Text("p".into()));
    h.run();
    assert_eq!(
        h.get_by_label("Tên đơn vị mới:").value().as_deref(),
        Some("Sở Tư pháp")
    );
}

#[test]
fn a_broken_file_given_on_the_command_line_shows_a_vietnamese_message() {
    let f = fixture();
    std::fs::create_dir_all(&f.data_dir).unwrap();
    let bad = f.data_dir.join("hong.sqlite");
    std::fs::write(&bad, b"this is not a database at all, just text").unwrap();
    let mut h = window(App::new(Some(f.data_dir.clone()), Some(bad.clone())));
    h.run();
    h.get_by_label("Không thực hiện được");
    h.get_by_label_contains("Không mở được tệp");
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        b"this is not a database at all, just text"
    );
}

#[test]
fn the_new_bloc_form_creates_a_file_with_its_members() {
    let (f, mut h) = first_run();
    click(&mut h, "Tệp");
    click(&mut h, "Mới…");
    type_into(&mut h, "Tên khối", "Khối Văn hóa - Xã hội");
    type_into(&mut h, "Tỉnh", "tỉnh Tuyên Quang");
    replace_text(&mut h, "Năm đầu tiên", "2026");
    type_into(
        &mut h,
        "Đơn vị thành viên (mỗi dòng một đơn vị)",
        "Sở Y tế\nSở Giáo dục và Đào tạo\nSở Văn hóa, Thể thao và Du lịch",
    );
    click(&mut h, "Tạo khối");
    h.get_by_label_contains("Khối Văn hóa - Xã hội — năm 2026");
    h.get_by_label("Sở Giáo dục và Đào tạo");
    assert!(f.data_dir.join("khoi-moi.sqlite").is_file());
}

#[test]
fn report_flow_compose_edit_save_a_version_adopt_and_export() {
    let (f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    // The sample ships with its draft; composing again asks first.
    click(&mut h, "Tạo dự thảo từ số liệu");
    h.get_by_label_contains("Toàn bộ nội dung báo cáo tổng kết năm 2020 sẽ được thay");
    click(&mut h, "Tạo lại dự thảo");
    // Edit a section.
    click(&mut h, "V. KIẾN NGHỊ, ĐỀ XUẤT");
    replace_text(
        &mut h,
        "Nội dung",
        "Đề nghị UBND tỉnh tặng Cờ thi đua cho 01 đơn vị.",
    );
    click(&mut h, "Tiêu đề mục");
    // Save a version.
    h.get_by_label_contains("Phiên bản đã lưu").click();
    h.run();
    type_into(&mut h, "Tên phiên bản:", "Dự thảo lần 1");
    click(&mut h, "Lưu phiên bản");
    h.get_by_label("Dự thảo lần 1");
    // Adopt: the text locks.
    click(&mut h, "Thông qua…");
    click(&mut h, "Thông qua");
    h.get_by_label("Đã thông qua");
    {
        let conn = store(&h).conn();
        let report = khoi_thi_dua::store::reports::get(
            conn,
            2020,
            khoi_thi_dua::domain::ReportKind::YearEnd,
        )
        .unwrap()
        .unwrap();
        assert_eq!(report.status, khoi_thi_dua::domain::ReportStatus::Adopted);
        assert!(
            report
                .sections
                .iter()
                .any(|s| s.body.contains("Cờ thi đua cho 01 đơn vị"))
        );
        let versions = khoi_thi_dua::store::reports::versions(
            conn,
            2020,
            khoi_thi_dua::domain::ReportKind::YearEnd,
        )
        .unwrap();
        assert!(versions.iter().any(|v| v.name == "Dự thảo lần 1"));
        assert!(
            versions
                .iter()
                .any(|v| v.name == "Trước khi tạo lại dự thảo")
        );
    }
    // Export through the dialog, with a path typed in.
    click(&mut h, "Xuất PDF…");
    let pdf = f.data_dir.join("BaoCao2020.pdf");
    export_to(&mut h, &pdf);
    wait_for_export(&mut h);
    h.get_by_label_contains("Đã xuất PDF");
    common::assert_pdf(&pdf);
}

#[test]
fn the_report_goes_out_as_word_and_the_file_and_its_folder_open_from_the_status_bar() {
    let (f, mut h) = first_run();
    h.state_mut().record_launches();
    click(&mut h, "Báo cáo");
    click(&mut h, "Xuất PDF…");
    // Choosing Word changes the proposed file's extension.
    click(&mut h, "Word (.docx)");
    let path = h.get_by_label("Lưu vào tệp:").value().unwrap_or_default();
    assert!(path.ends_with("BaoCao2020.docx"), "{path}");
    // An extension the document cannot be written in is refused in the dialog.
    replace_text(
        &mut h,
        "Lưu vào tệp:",
        f.data_dir.join("BaoCao.odt").to_str().unwrap(),
    );
    click(&mut h, "Xuất");
    h.get_by_label_contains("chỉ xuất được thành tệp .pdf hoặc .docx");
    let docx = f.data_dir.join("BaoCao2020.docx");
    export_to(&mut h, &docx);
    wait_for_export(&mut h);
    h.get_by_label_contains("Đã xuất báo cáo năm 2020 ra tệp Word");
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    assert!(h.state().launched().is_empty());
    click(&mut h, "Mở tệp");
    click(&mut h, "Mở thư mục");
    assert_eq!(h.state().launched(), [docx.clone(), f.data_dir.clone()]);
}

#[test]
fn handover_tab_shows_the_checklist_and_hands_over_after_confirming() {
    let (f, mut h) = first_run();
    click(&mut h, "Bàn giao");
    h.get_by_label("Báo cáo tổng kết còn là dự thảo, chưa thông qua");
    h.get_by_label_contains("Chưa có chỉ tiêu hay thành tích: BQL KKT");
    let out = f.data_dir.join("ban-giao-2021.sqlite");
    replace_text(&mut h, "Lưu tệp cho đơn vị nhận", out.to_str().unwrap());
    click_scrolled(&mut h, "Bàn giao…");
    h.get_by_label_contains("Mở năm 2021 với Trưởng khối Ban Quản lý Khu kinh tế");
    click(&mut h, "Xác nhận bàn giao");
    h.get_by_label("Đã bàn giao");
    let hash = khoi_thi_dua::store::receive::sha256_file(&out).unwrap();
    h.get_by_label(&format!(
        "Mã kiểm tra (SHA-256), để đơn vị nhận so với tệp nhận được: {hash}"
    ));
    click(&mut h, "Đóng");
    h.get_by_label_contains("Năm 2020 đã bàn giao — chỉ xem");
    // Every tab is read-only now: the indicator tab's buttons are disabled.
    click(&mut h, "Chỉ tiêu");
    let before = indicator_count(&h);
    click(&mut h, "Thêm chỉ tiêu");
    assert_eq!(indicator_count(&h), before);
}

#[test]
fn the_conference_date_is_typed_checked_and_saved() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Hội nghị tổng kết");
    replace_text(&mut h, "Ngày hội nghị", "31/02/2021");
    click(&mut h, "Tên khối");
    h.get_by_label_contains("tháng 2 năm 2021 chỉ có 28 ngày");
    let date = |h: &Window| {
        let conn = store(h).conn();
        khoi_thi_dua::store::years::get(conn, 2020)
            .unwrap()
            .unwrap()
            .conference_date
    };
    assert_eq!(date(&h), chrono::NaiveDate::from_ymd_opt(2020, 12, 16));
    replace_text(&mut h, "Ngày hội nghị", "17/12/2020");
    click(&mut h, "Tên khối");
    assert_eq!(date(&h), chrono::NaiveDate::from_ymd_opt(2020, 12, 17));
    // The calendar speaks Vietnamese.
    click(&mut h, "Lịch");
    h.get_by_label("Tháng 12 năm 2020");
    h.get_by_label("CN");
}

#[test]
fn a_guests_position_is_seen_and_edited_in_the_conference_record() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Hội nghị tổng kết");
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "chức vụ:");
    assert_eq!(field.value().as_deref(), Some("Chuyên viên"));
    field.scroll_to_me();
    h.run();
    replace_text(&mut h, "chức vụ:", "Phó Trưởng ban");
    h.key_press(Key::Enter);
    h.run();
    let attendees = khoi_thi_dua::store::years::attendees(store(&h).conn(), 2020).unwrap();
    let guest = attendees.iter().find(|a| a.member.is_none()).unwrap();
    assert_eq!(guest.position, "Phó Trưởng ban");
}

#[test]
fn conference_record_then_minutes_and_news_are_composed_and_exported() {
    let (f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Hội nghị tổng kết");
    replace_text(&mut h, "Giờ bắt đầu", "14:00");
    // The record's fields run below the fold: the user scrolls to them.
    h.get_by_label("Chủ tọa: họ tên").scroll_to_me();
    h.run();
    replace_text(&mut h, "Chủ tọa: họ tên", "Nguyễn Văn An");
    click_scrolled(&mut h, "Tên khối");
    {
        let conn = store(&h).conn();
        let c = khoi_thi_dua::store::conference::get(
            conn,
            2020,
            khoi_thi_dua::domain::ReportKind::YearEnd,
        )
        .unwrap();
        assert_eq!(
            (c.start_time.as_str(), c.chair.name.as_str()),
            ("14:00", "Nguyễn Văn An")
        );
        assert_eq!(c.news_author, "Lê Hằng");
    }
    click_scrolled(&mut h, "Xuất biên bản hội nghị…");
    let minutes = f.data_dir.join("bien-ban.pdf");
    export_to(&mut h, &minutes);
    common::assert_pdf(&minutes);

    // The news item, composed from the data (the afternoon start shows in its lead).
    click(&mut h, "Tin bài cho trang thông tin");
    let body = h.get_by_label("Nội dung").value().unwrap_or_default();
    assert!(body.contains("Chiều ngày 16/12/2020"), "{body}");
    click_scrolled(&mut h, "Xuất tin bài…");
    let html = f.data_dir.join("tin.html");
    export_to(&mut h, &html);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("Chiều ngày 16/12/2020") && text.contains("Lê Hằng"));
}

/// Tệp › Xuất PDF… offers every document of the year's cycle: the mid-year report chosen there
/// is written by the same background export as the year-end one, and the print preview offers
/// the same choice.
#[test]
fn the_mid_year_report_chosen_in_the_export_dialog_is_exported() {
    let (f, mut h) = first_run();
    click(&mut h, "Tệp");
    // The menu's item shows its shortcut beside its name.
    h.get_by_label_contains("Xuất PDF…").click();
    h.run();
    h.get_by_label("Xuất báo cáo");
    click(&mut h, "Văn bản:");
    click(&mut h, "Báo cáo sơ kết 6 tháng đầu năm");
    h.get_by_label("Xuất báo cáo sơ kết 6 tháng đầu năm");
    let proposed = h.get_by_label("Lưu vào tệp:").value().unwrap_or_default();
    assert!(
        proposed.ends_with("BaoCaoSoKet6Thang2020.pdf"),
        "{proposed}"
    );
    let pdf = f.data_dir.join("so-ket.pdf");
    export_to(&mut h, &pdf);
    h.get_by_label_contains("Đã xuất PDF báo cáo sơ kết 6 tháng đầu năm 2020 (");
    // The year had no mid-year report: the export composed and saved its draft.
    h.get_by_label_contains("Năm này chưa có báo cáo sơ kết");
    assert!(
        reports::get(store(&h).conn(), 2020, ReportKind::Midyear)
            .unwrap()
            .is_some()
    );
    if let Some(words) = common::pdf_words(&pdf) {
        for expected in [
            "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020",
            "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2020",
            "- Lưu: VT.",
        ] {
            assert!(
                words.contains(expected),
                "missing “{expected}” in:\n{words}"
            );
        }
        assert!(!words.contains("Báo cáo tổng kết"), "{words}");
    }
    // The print preview chooses among the same documents.
    click(&mut h, "Tệp");
    open_preview(&mut h, |h| {
        h.get_by_label_contains("Xem trước…").click();
    });
    h.get_by_label("Xem trước báo cáo năm 2020");
    h.get_by_label("Văn bản:").click();
    h.run();
    h.get_by_label("Kế hoạch tổ chức phong trào thi đua")
        .click();
    // The chosen document replaces the pages shown: let the old ones go before waiting.
    h.run_steps(2);
    open_preview(&mut h, |_| {});
    h.get_by_label("Xem trước kế hoạch tổ chức phong trào thi đua năm 2020");
    click(&mut h, "Đóng");
}

/// With the mid-year report shown in the Báo cáo tab, Tệp › Xuất PDF…, Ctrl+P and Ctrl+Shift+P
/// open on it, not on the year-end report; back on the year-end report they open on that one.
#[test]
fn the_export_menu_follows_the_report_shown() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Sơ kết 6 tháng đầu năm");
    click(&mut h, "Tệp");
    h.get_by_label_contains("Xuất PDF…").click();
    h.run();
    h.get_by_label("Xuất báo cáo sơ kết 6 tháng đầu năm");
    click(&mut h, "Hủy");
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("Xuất báo cáo sơ kết 6 tháng đầu năm");
    click(&mut h, "Hủy");
    open_preview(&mut h, |h| {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    });
    h.get_by_label_contains("Xem trước báo cáo sơ kết 6 tháng đầu năm");
    click(&mut h, "Đóng");
    click(&mut h, "Tổng kết");
    h.key_press_modifiers(Modifiers::COMMAND, Key::P);
    h.run();
    h.get_by_label("Xuất báo cáo");
}

/// The mid-year conference has its own attendance list, ticked in the Báo cáo tab's conference
/// part of the mid-year kind, one undo step; its minutes list who attended, the year-end list
/// left as it was.
#[test]
fn the_mid_year_attendance_is_its_own_and_flows_into_its_minutes() {
    use egui::accesskit::Role;
    let (f, mut h) = first_run();
    let year_end = years::attendees(store(&h).conn(), 2020).unwrap();
    click(&mut h, "Báo cáo");
    click(&mut h, "Sơ kết 6 tháng đầu năm");
    click(&mut h, "Tạo dự thảo từ số liệu");
    click(&mut h, "Hội nghị sơ kết");
    h.get_by_label("Đơn vị và đại biểu dự hội nghị");
    for unit in ["Sở Xây dựng", "Sở Công Thương"] {
        h.get_by_role_and_label(Role::CheckBox, unit).scroll_to_me();
        h.run();
        h.get_by_role_and_label(Role::CheckBox, unit).click();
        h.run();
    }
    h.get_by_label("Thêm cơ quan khách mời:").scroll_to_me();
    h.run();
    type_into(
        &mut h,
        "Thêm cơ quan khách mời:",
        "Ban Thi đua - Khen thưởng tỉnh",
    );
    click(&mut h, "Thêm khách mời");
    let conn = store(&h).conn();
    let mid = years::attendees_of(conn, 2020, ReportKind::Midyear).unwrap();
    let bodies: Vec<&str> = mid.iter().map(|a| a.guest_body.as_str()).collect();
    assert_eq!(mid.len(), 3, "{mid:?}");
    assert_eq!(bodies[2], "Ban Thi đua - Khen thưởng tỉnh");
    assert_eq!(years::attendees(conn, 2020).unwrap(), year_end);
    // One Ctrl+Z takes the guest away again, and Ctrl+Y brings it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let conn = store(&h).conn();
    assert_eq!(
        years::attendees_of(conn, 2020, ReportKind::Midyear)
            .unwrap()
            .len(),
        2
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    click_scrolled(&mut h, "Xuất biên bản hội nghị…");
    h.get_by_label("Xuất biên bản hội nghị sơ kết");
    let pdf = f.data_dir.join("bien-ban-so-ket.pdf");
    export_to(&mut h, &pdf);
    h.get_by_label_contains("Đã xuất PDF biên bản hội nghị sơ kết 6 tháng đầu năm 2020");
    let Some(words) = common::pdf_words(&pdf) else {
        return;
    };
    for expected in [
        "Đại diện lãnh đạo, chuyên viên các đơn vị thành viên Khối: Sở Công Thương; Sở Xây dựng.",
        "Khách mời: Ban Thi đua - Khen thưởng tỉnh.",
    ] {
        assert!(
            words.contains(expected),
            "missing “{expected}” in:\n{words}"
        );
    }
    // Only those ticked for the review: not the year-end conference's units.
    assert!(!words.contains("Sở Thông tin và Truyền thông;"), "{words}");
}

/// Types `path` into the open export dialog and clicks "Xuất".
fn export_to(h: &mut Window, path: &Path) {
    replace_text(h, "Lưu vào tệp:", path.to_str().unwrap());
    // The export starts on a worker thread that keeps asking for frames: step, do not settle.
    h.get_by_label("Xuất").click();
    h.run_steps(4);
    wait_for_export(h);
}

/// Adds an empty `year` to the open file, as a handover would, and shows the window again.
fn add_year(h: &mut Window, year: i32) {
    let s = h.state_mut().session.as_mut().unwrap();
    let rec = YearRecord::new(year, "Khối Kinh tế ngành", "tỉnh Hà Giang", "Hà Giang");
    s.store.write(|tx| years::insert(tx, &rec)).unwrap();
    h.state_mut().push(Action::Reload);
    h.run();
}

/// How many indicators the open file has in 2020.
fn indicator_count(h: &Window) -> usize {
    indicators::list(store(h).conn(), 2020).unwrap().len()
}

fn exported_at(h: &Window, year: i32) -> Option<String> {
    let conn = store(h).conn();
    reports::exported_at(conn, year, khoi_thi_dua::domain::ReportKind::YearEnd).unwrap()
}

#[test]
fn an_export_is_recorded_against_the_year_it_was_started_on() {
    let (f, mut h) = first_run();
    add_year(&mut h, 2021);
    let pdf = f.data_dir.join("BaoCao2020.pdf");
    // The year is switched in the very frame the export starts: the switch waits.
    h.state_mut()
        .push(Action::ExportPdf(DocumentKind::Report, pdf.clone()));
    h.state_mut().push(Action::SelectYear(2021));
    h.run_steps(4);
    assert_eq!(h.state().session.as_ref().unwrap().view.year(), 2020);
    if h.state().exporting() {
        let picker = h.get_by_label("Năm");
        assert!(picker.accesskit_node().is_disabled());
    }
    wait_for_export(&mut h);
    h.get_by_label_contains("Đã xuất PDF báo cáo năm 2020");
    assert!(exported_at(&h, 2020).is_some());
    assert!(exported_at(&h, 2021).is_none());
    // Once it has finished, the year can be switched.
    h.state_mut().push(Action::SelectYear(2021));
    h.run();
    assert_eq!(h.state().session.as_ref().unwrap().view.year(), 2021);
}

#[test]
fn a_second_export_while_one_runs_is_refused_and_the_first_is_shown() {
    let (f, mut h) = first_run();
    let first = f.data_dir.join("mot.pdf");
    let second = f.data_dir.join("hai.pdf");
    h.state_mut()
        .push(Action::ExportPdf(DocumentKind::Report, first.clone()));
    h.state_mut()
        .push(Action::ExportPdf(DocumentKind::Report, second.clone()));
    h.run_steps(4);
    h.get_by_label_contains("Hãy chờ xuất xong");
    wait_for_export(&mut h);
    click(&mut h, "Đóng");
    h.get_by_label_contains(&format!("{}", first.display()));
    common::assert_pdf(&first);
    assert!(!second.exists());
}

#[test]
fn an_existing_file_is_replaced_only_after_asking() {
    let (f, mut h) = first_run();
    let pdf = f.data_dir.join("BaoCao2020.pdf");
    std::fs::write(&pdf, b"ban cu").unwrap();
    click(&mut h, "Báo cáo");
    click(&mut h, "Xuất PDF…");
    export_to(&mut h, &pdf);
    h.get_by_label(&format!("Tệp “{}” đã có. Ghi đè?", pdf.display()));
    assert!(!h.state().exporting());
    click(&mut h, "Không");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"ban cu");
    click(&mut h, "Xuất");
    h.get_by_label("Ghi đè").click();
    h.run_steps(4);
    wait_for_export(&mut h);
    h.get_by_label_contains("Đã xuất PDF");
    common::assert_pdf(&pdf);
}

#[test]
fn recomposing_the_draft_is_one_undo_step() {
    let (_f, mut h) = first_run();
    let report_and_versions = |h: &Window| {
        let conn = store(h).conn();
        let report = reports::get(conn, 2020, khoi_thi_dua::domain::ReportKind::YearEnd).unwrap();
        let versions: Vec<String> =
            reports::versions(conn, 2020, khoi_thi_dua::domain::ReportKind::YearEnd)
                .unwrap()
                .into_iter()
                .map(|v| v.name)
                .collect();
        (report, versions)
    };
    let before = report_and_versions(&h);
    click(&mut h, "Báo cáo");
    click(&mut h, "Tạo dự thảo từ số liệu");
    click(&mut h, "Tạo lại dự thảo");
    let (_, versions) = report_and_versions(&h);
    assert!(versions.iter().any(|v| v == "Trước khi tạo lại dự thảo"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label_contains("Đã hoàn tác: tạo lại dự thảo báo cáo");
    assert_eq!(report_and_versions(&h), before);
    // And one Ctrl+Y does it again, version included.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    let (_, versions) = report_and_versions(&h);
    assert!(versions.iter().any(|v| v == "Trước khi tạo lại dự thảo"));
}

#[test]
fn exporting_a_year_without_a_report_says_a_draft_was_composed() {
    let (f, mut h) = first_run();
    h.state_mut().push(Action::Edit(Edit::DeleteReport {
        year: 2020,
        kind: ReportKind::YearEnd,
    }));
    h.run();
    assert!(
        h.state()
            .session
            .as_ref()
            .unwrap()
            .view
            .data
            .report
            .is_none()
    );
    let pdf = f.data_dir.join("BaoCao2020.pdf");
    h.state_mut()
        .push(Action::ExportPdf(DocumentKind::Report, pdf.clone()));
    h.run_steps(4);
    wait_for_export(&mut h);
    h.get_by_label_contains("Năm này chưa có báo cáo nên chương trình đã soạn dự thảo từ số liệu.");
    common::assert_pdf(&pdf);
}

#[test]
fn the_news_item_follows_the_conference_record_after_it_was_shown() {
    let (_f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Tin bài cho trang thông tin");
    let body = h.get_by_label("Nội dung").value().unwrap_or_default();
    // The sample records the article's "Chiều ngày 16/12/2020"; a start time typed later wins.
    assert!(body.contains("Chiều ngày 16/12/2020"), "{body}");
    click(&mut h, "Hội nghị tổng kết");
    replace_text(&mut h, "Giờ bắt đầu", "8:30");
    click(&mut h, "Tên khối");
    click(&mut h, "Tin bài cho trang thông tin");
    let body = h.get_by_label("Nội dung").value().unwrap_or_default();
    assert!(body.contains("Sáng ngày 16/12/2020"), "{body}");
}

#[test]
fn the_handover_checklist_follows_the_data() {
    let (_f, mut h) = first_run();
    click(&mut h, "Bàn giao");
    h.get_by_label("Báo cáo tổng kết còn là dự thảo, chưa thông qua");
    h.state_mut().push(Action::Edit(Edit::SetReportStatus {
        year: 2020,
        kind: ReportKind::YearEnd,
        status: ReportStatus::Adopted,
    }));
    h.run();
    h.get_by_label("Báo cáo tổng kết đã được thông qua");
}

#[test]
fn the_export_dialog_says_what_the_report_still_lacks_and_lets_the_user_go_on() {
    let (f, mut h) = first_run();
    click(&mut h, "Báo cáo");
    click(&mut h, "Xuất PDF…");
    // The sample's report has places to fill (members without data, causes, proposals) and no
    // signer's name.
    h.get_by_label("Lưu ý trước khi xuất (vẫn có thể xuất):");
    h.get_by_label_contains("chỗ “(Ban thư ký bổ sung.)” chưa được điền");
    h.get_by_label_contains("Chưa có tên người ký");
    click(
        &mut h,
        "Báo cáo chưa thông qua: in thêm chữ “DỰ THẢO” chéo trên mỗi trang (chữ “DỰ THẢO” ở đầu trang luôn được in)",
    );
    let pdf = f.data_dir.join("BaoCao2020.pdf");
    export_to(&mut h, &pdf);
    wait_for_export(&mut h);
    common::assert_pdf(&pdf);
    // The choice is kept for the next export.
    let settings = std::fs::read_to_string(f.data_dir.join("settings.json")).unwrap();
    assert!(
        settings.contains("\"diagonal_draft_mark\": true"),
        "{settings}"
    );
}

/// Types `text` into the score cell named `cell` and presses Enter.
fn score_cell(h: &mut Window, cell: &str, text: &str) {
    h.get_by_role_and_label(egui::accesskit::Role::Button, cell)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, cell)
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, cell)
        .type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn adopt_the_template_score_two_members_see_the_rank_change_and_undo() {
    let (_f, mut h) = first_run();
    // The sample comes with the template; start from a year without a sheet.
    h.state_mut().push(Action::Edit(Edit::SetScheme {
        year: 2020,
        scheme: None,
    }));
    h.run();
    click(&mut h, "Chấm điểm");
    h.get_by_label("Năm 2020 chưa có bảng điểm");
    click(&mut h, "Áp dụng bảng điểm mẫu");
    h.get_by_label_contains("Đây là bảng điểm mẫu");

    score_cell(&mut h, "Điểm Sở CT, mục 3", "20");
    h.get_by_label("Hạng 1: Sở CT");
    // Above the criterion's standard score: refused under the cell, nothing saved.
    score_cell(&mut h, "Điểm Sở GTVT, mục 3", "25,5");
    h.get_by_label_contains("Sở GTVT, mục 3: Điểm vượt điểm chuẩn: mục 3 tối đa 25 điểm.");
    h.key_press(Key::Escape);
    h.run();
    score_cell(&mut h, "Điểm Sở GTVT, mục 3", "24,5");
    h.get_by_label("Hạng 1: Sở GTVT");
    h.get_by_label("Hạng 2: Sở CT");
    h.get_by_label("Không xếp loại: Sở TT&TT");
    let scores = khoi_thi_dua::store::scoring::scores(store(&h).conn(), 2020).unwrap();
    assert_eq!(scores.len(), 2);
    // The year in memory was patched, not read again: it holds what the file holds.
    let mut shown = h
        .state()
        .session
        .as_ref()
        .unwrap()
        .view
        .data
        .scoring
        .scores
        .clone();
    shown.sort_by_key(|s| (s.member, s.criterion, s.stage));
    assert_eq!(shown, scores);
    assert!(scores.iter().any(|s| s.value == 24.5));

    // Enter moved on to the next cell; Esc leaves it, then Ctrl+Z undoes the last score.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Hạng 1: Sở CT");
    assert!(h.query_by_label("Hạng 1: Sở GTVT").is_none());
}

#[test]
fn cross_scoring_members_score_each_other_and_the_bloc_stage_is_their_average() {
    let (_f, mut h) = first_run();
    click(&mut h, "Chấm điểm");
    score_cell(&mut h, "Điểm Sở GTVT, mục 3", "24");
    click(&mut h, "Sửa bảng điểm…");
    click_scrolled(
        &mut h,
        "Chấm chéo: điểm khối chấm là trung bình điểm các đơn vị khác chấm",
    );
    click(&mut h, "Đóng phần sửa bảng điểm");
    // The stage switch (the ranking has a column of the same name further down).
    h.query_all_by_label("Khối chấm").next().unwrap().click();
    h.run();
    for (scorer, value) in [("Sở CT", "20"), ("Sở TT&TT", "15")] {
        h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Chấm chéo:")
            .click();
        h.run();
        click(&mut h, &format!("{scorer} chấm các đơn vị khác"));
        // A member's own column takes no cross-score.
        assert!(
            h.query_by_label(&format!("Điểm {scorer}, mục 3")).is_none(),
            "{scorer} scores itself"
        );
        score_cell(&mut h, "Điểm Sở GTVT, mục 3", value);
        h.key_press(Key::Escape);
        h.run();
    }
    let view = &h.state().session.as_ref().unwrap().view;
    let scheme = view.data.scoring.scheme.clone().unwrap();
    let gtvt = view
        .members_in_year()
        .iter()
        .find(|m| m.short_name_in(2020) == "Sở GTVT")
        .unwrap()
        .id;
    let at = scheme.criteria.iter().position(|c| c.code == "3").unwrap();
    let totals = khoi_thi_dua::domain::scoring::compute(
        &scheme,
        &[gtvt],
        &view.data.scoring.scores,
        khoi_thi_dua::domain::scoring::Inputs::of(&view.data),
    );
    assert_eq!(totals[0].points[at][1], 17.5, "the average of 20 and 15");
    // Both given scores are in the file, each with its scorer.
    let scores = khoi_thi_dua::store::scoring::scores(store(&h).conn(), 2020).unwrap();
    assert_eq!(scores.iter().filter(|s| s.scorer.is_some()).count(), 2);
}

#[test]
fn about_names_the_version_and_the_open_file_not_the_sample() {
    let (f, mut h) = first_run();
    click(&mut h, "Trợ giúp");
    click(&mut h, "Giới thiệu");
    h.get_by_label_contains(&format!("phiên bản {}", env!("CARGO_PKG_VERSION")));
    let path = f.data_dir.join("khoi-thi-dua.sqlite");
    h.get_by_label(&format!("Tệp đang mở: {}", path.display()));
    h.get_by_label_contains("các năm trong tệp: 2020");
    assert!(
        h.query_by_label_contains("Dữ liệu đang mở là ví dụ")
            .is_none()
    );
}

#[test]
fn the_view_menu_makes_the_text_larger_and_back() {
    let (_f, mut h) = first_run();
    click(&mut h, "Xem");
    h.get_by_label("Cỡ chữ: 100%");
    // A menu item's name carries its shortcut too ("Chữ to hơn Ctrl +").
    h.get_by_label_contains("Chữ to hơn").click();
    h.run();
    assert!(h.ctx.zoom_factor() > 1.0);
    click(&mut h, "Xem");
    h.get_by_label_contains("Cỡ chữ: 1");
    h.get_by_label_contains("Cỡ chữ mặc định").click();
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0);
}

/// The print preview of the sample's report, from the export dialog and from Ctrl+Shift+P:
/// paged through, zoomed, on to the export dialog, and closed.
#[test]
fn the_report_is_previewed_paged_through_zoomed_and_exported_from_there() {
    let (_f, mut h) = first_run();
    // As many pages as the PDF of the same document has.
    let pages = {
        use khoi_thi_dua::ops::export::{PrintOptions, document, document_fonts, pages};
        let doc = document(
            store(&h),
            2020,
            DocumentKind::Report,
            PrintOptions::default(),
        )
        .unwrap();
        pages(&doc, &document_fonts(true)).unwrap().pages.len()
    };
    assert!(pages >= 2, "{pages}");
    click(&mut h, "Báo cáo");
    click(&mut h, "Xuất PDF…");
    open_preview(&mut h, |h| {
        h.get_by_label("Xem trước").click();
    });
    h.get_by_label(&format!("Trang 1/{pages}"));
    assert!(h.get_by_label("Trang trước").accesskit_node().is_disabled());
    click(&mut h, "Trang sau");
    h.get_by_label(&format!("Trang 2/{pages}"));
    click(&mut h, "Trang trước");
    h.get_by_label(&format!("Trang 1/{pages}"));

    // Fitted to the window, the page is drawn smaller than printed here; then at 100%, + and −.
    assert!(h.query_by_label("Tỉ lệ 100%").is_none());
    click(&mut h, "100%");
    h.get_by_label("Tỉ lệ 100%");
    click(&mut h, "+");
    h.get_by_label("Tỉ lệ 125%");
    click(&mut h, "−");
    click(&mut h, "−");
    h.get_by_label("Tỉ lệ 75%");
    click(&mut h, "Vừa trang");
    assert!(h.query_by_label("Tỉ lệ 75%").is_none());

    // "Xuất…" goes on to the export dialog of the same document.
    click(&mut h, "Xuất…");
    h.get_by_label("Xuất báo cáo");
    assert!(h.query_by_label_contains("Trang 1/").is_none());
    click(&mut h, "Hủy");

    // Ctrl+Shift+P opens it too; "Đóng" closes it, the report left as it was.
    let before = reports::get(store(&h).conn(), 2020, ReportKind::YearEnd).unwrap();
    open_preview(&mut h, |h| {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    });
    h.get_by_label("Xem trước báo cáo năm 2020");
    click(&mut h, "Đóng");
    assert!(h.query_by_label_contains("Trang 1/").is_none());
    assert_eq!(
        reports::get(store(&h).conn(), 2020, ReportKind::YearEnd).unwrap(),
        before
    );
}

/// Opens the preview with `open` and runs frames until its pages are laid out (on a worker
/// thread, with a spinner that keeps asking for frames: step, do not settle).
fn open_preview(h: &mut Window, open: impl FnOnce(&mut Window)) {
    open(h);
    for _ in 0..400 {
        h.run_steps(1);
        if h.query_by_label_contains("Trang 1/").is_some() {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the preview's pages were not laid out");
}

#[test]
fn f1_opens_the_guide_its_search_ignores_accents_and_it_prints() {
    let (_f, mut h) = first_run();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("Hướng dẫn sử dụng");
    let search = "Tìm trong hướng dẫn:";
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, search)
        .click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, search)
        .type_text("cham cheo");
    h.run();
    h.get_by_label("4. Chấm điểm");
    assert!(h.query_by_label("8. Bàn giao").is_none());
    click(&mut h, "In hướng dẫn (PDF, Word)…");
    h.get_by_label("In hướng dẫn sử dụng");
}
