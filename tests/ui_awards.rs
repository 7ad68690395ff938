//! The Khen thưởng tab as a user drives it: nominations suggested from a scored year, the
//! votes typed, the outcome against the threshold shown as it changes, a refusal at the field,
//! and Ctrl+Z.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::store::{awards, members};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;

mod common;

use common::window::{Window, click, store, window};

/// The sample with every member's self-score on one criterion, one point apart, as one edit.
fn scored_sample(data_dir: &std::path::Path) -> Window {
    let mut h = window(App::new(Some(data_dir.to_path_buf()), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    let changes = common::self_scores_in_order(store(&h));
    h.state_mut().push(Action::Edit(Edit::SetScores {
        year: 2020,
        changes,
    }));
    h.run();
    h
}

fn votes(h: &mut Window, field: &str, text: &str) {
    let node = h.get_by_role_and_label(Role::TextInput, field);
    node.click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, field)
        .type_text(text);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn suggest_from_the_ranking_enter_votes_see_the_threshold_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = scored_sample(&dir.path().join("data"));
    let ranks = awards::ranks(store(&h).conn(), 2020).unwrap();
    let leader = ranks.ranking.rows[0].member;
    let all = members::list(store(&h).conn()).unwrap();
    let short = all
        .iter()
        .find(|m| m.id == leader)
        .unwrap()
        .short_name_in(2020)
        .to_owned();

    click(&mut h, "Khen thưởng");
    click(&mut h, "Đề xuất theo xếp hạng");
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    assert_eq!(saved.nominations.len(), 4, "the leader and the next three");

    h.get_by_role_and_label(Role::Button, "Cờ thi đua của UBND tỉnh")
        .click();
    h.run();
    click(&mut h, "Nhập kết quả bỏ phiếu");
    let field = format!("Số phiếu đồng ý của {short}");
    // 4 of 8 present is not "trên 50%".
    votes(&mut h, &field, "4");
    h.get_by_label("50%");
    h.get_by_label("Không đạt");
    votes(&mut h, &field, "5");
    h.get_by_label("62,5%");
    h.get_by_label("Đạt, đề nghị");
    // More votes than valid ballots: refused at the field, the stored votes stay.
    votes(&mut h, &field, "9");
    h.get_by_label("Số phiếu đồng ý (9) nhiều hơn số phiếu hợp lệ (8) của vòng 1.");
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    assert_eq!(saved.rounds[0].votes[0].votes, 5);
    h.key_press(Key::Escape);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Không đạt");
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    assert_eq!(saved.rounds[0].votes[0].votes, 4);
}

#[test]
fn the_catalogue_is_edited_in_the_tab_and_a_bad_percentage_is_refused_at_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = scored_sample(&dir.path().join("data"));
    click(&mut h, "Khen thưởng");
    h.get_by_role_and_label(Role::Button, "Bằng khen của Chủ tịch UBND tỉnh")
        .click();
    h.run();
    click(&mut h, "Danh mục danh hiệu…");
    common::window::replace_text(&mut h, "Tỷ lệ phiếu cần đạt (%)", "120");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Tỷ lệ phải là một số từ 0 đến 100 (đã nhập “120”).");
    common::window::replace_text(&mut h, "Tỷ lệ phiếu cần đạt (%)", "66,7");
    h.key_press(Key::Enter);
    h.run();
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    let bk = saved.award(3).unwrap();
    assert_eq!(bk.threshold.percent, 66.7);
    assert!(!bk.template, "an edited award is no longer the template");
    h.get_by_label_contains("Cần đạt: trên 66,7% số thành viên có mặt");
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    assert_eq!(saved.award(3).unwrap().threshold.percent, 50.0);
}

#[test]
fn the_counting_committee_is_typed_with_each_persons_post() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = scored_sample(&dir.path().join("data"));
    click(&mut h, "Khen thưởng");
    common::window::replace_text(
        &mut h,
        "Trưởng ban kiểm phiếu (họ tên, chức vụ)",
        "Nguyễn Văn Kiểm, Chánh Văn phòng Sở Công Thương",
    );
    h.key_press(Key::Enter);
    h.run();
    let saved = awards::get(store(&h).conn(), 2020).unwrap();
    let head = &saved.committee[0];
    assert_eq!(
        (
            head.name.as_str(),
            head.unit.as_str(),
            head.position.as_str()
        ),
        (
            "Nguyễn Văn Kiểm",
            "Chánh Văn phòng Sở Công Thương",
            "Trưởng ban"
        )
    );
}
