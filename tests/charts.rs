//! The window's charts as a user opens them: "Biểu đồ" over the Chỉ tiêu table (each member's
//! share of plans met, the count on hover), "Biểu đồ" beside the ranking once someone is
//! ranked (the totals by rank in place of the table), and a year with nothing to chart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use egui_kittest::kittest::{NodeT, Queryable};
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;

mod common;

use common::window::{Window, click, store, window};

const PLAN_SHARE: &str = "Tỷ lệ chỉ tiêu đạt kế hoạch theo đơn vị";
const SCORES: &str = "Tổng điểm và xếp hạng";

fn sample_window(data_dir: &std::path::Path) -> Window {
    let mut h = window(App::new(Some(data_dir.to_path_buf()), None));
    h.run();
    click(&mut h, "Xem tiếp dữ liệu mẫu");
    h
}

/// Moves the pointer along a line across the chart under `title` until a tooltip holding
/// `wanted` shows; returns that tooltip's text.
fn hover_bars(h: &mut Window, title: &str, wanted: &str) -> Option<String> {
    let top = h.get_by_label(title).rect();
    // Anywhere in a bar's column shows its detail, even a bar of 0%.
    let y = top.max.y + 100.0;
    let mut x = top.min.x + 60.0;
    while x < top.min.x + 900.0 {
        h.hover_at(egui::pos2(x, y));
        h.run();
        // The tooltip may be read out twice (its area and its text).
        if let Some(node) = h.query_all_by_label_contains(wanted).next() {
            return node.accesskit_node().label();
        }
        x += 12.0;
    }
    None
}

#[test]
fn the_indicators_chart_opens_over_the_table_with_each_members_share() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_window(&dir.path().join("data"));
    click(&mut h, "Chỉ tiêu");
    assert!(h.query_by_label(PLAN_SHARE).is_none());
    click(&mut h, "Biểu đồ");
    h.get_by_label(PLAN_SHARE);
    // The table stays under it.
    h.get_by_label("Kế hoạch");
    let detail = hover_bars(&mut h, PLAN_SHARE, "chỉ tiêu đạt và vượt kế hoạch")
        .expect("a bar's tooltip with its count");
    // "Sở …: 6/8 chỉ tiêu đạt và vượt kế hoạch", the count as the sample has it.
    let (name, count) = detail.split_once(": ").unwrap();
    let (met, judged) = count
        .trim_end_matches(" chỉ tiêu đạt và vượt kế hoạch")
        .split_once('/')
        .unwrap();
    let (met, judged): (usize, usize) = (met.parse().unwrap(), judged.parse().unwrap());
    assert!(met <= judged && judged > 0, "{detail}");
    let inds = khoi_thi_dua::store::indicators::list(store(&h).conn(), 2020).unwrap();
    let all = khoi_thi_dua::store::members::list(store(&h).conn()).unwrap();
    let member = all
        .iter()
        .find(|m| m.short_name_in(2020) == name)
        .unwrap()
        .id;
    let own = inds.iter().filter(|i| i.member == member);
    let judged_here = own
        .clone()
        .filter(|i| i.evaluation() != khoi_thi_dua::domain::target::Evaluation::Unknown)
        .count();
    let met_here = own.filter(|i| i.evaluation().is_met()).count();
    assert_eq!((met, judged), (met_here, judged_here), "{detail}");

    click(&mut h, "Biểu đồ");
    assert!(h.query_by_label(PLAN_SHARE).is_none());
}

#[test]
fn a_year_without_plans_says_so_instead_of_a_chart() {
    let dir = tempfile::tempdir().unwrap();
    let (data_dir, db) = common::sample_with_next_year(dir.path(), 2021);
    let mut h = window(App::new(Some(data_dir), Some(db)));
    h.run();
    click(&mut h, "Chỉ tiêu");
    h.get_by_label_contains("năm 2021");
    click(&mut h, "Biểu đồ");
    h.get_by_label(PLAN_SHARE);
    h.get_by_label("Chưa có chỉ tiêu nào có kế hoạch và kết quả để so sánh.");
}

#[test]
fn the_score_chart_shows_once_someone_is_ranked_in_place_of_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = sample_window(&dir.path().join("data"));
    click(&mut h, "Chấm điểm");
    // Nobody ranked yet: nothing to chart.
    assert!(h.query_by_label("Biểu đồ").is_none());
    let changes = common::self_scores_in_order(store(&h));
    h.state_mut().push(Action::Edit(Edit::SetScores {
        year: 2020,
        changes,
    }));
    h.run();
    h.get_by_label_contains("Hạng 1: ");
    click(&mut h, "Biểu đồ");
    h.get_by_label(SCORES);
    assert!(h.query_by_label_contains("Hạng 1: ").is_none());
    let detail = hover_bars(&mut h, SCORES, "Hạng 1: ").expect("the leader's tooltip");
    assert!(detail.contains(", tổng điểm "), "{detail}");
    click(&mut h, "Biểu đồ");
    h.get_by_label_contains("Hạng 1: ");
    assert!(h.query_by_label(SCORES).is_none());
}

#[test]
fn a_members_chart_shows_its_share_in_each_year_when_the_table_shows_only_it() {
    use khoi_thi_dua::domain::Indicator;
    use khoi_thi_dua::domain::target::Evaluation;
    use khoi_thi_dua::store::{Store, indicators, members};
    const MEMBER_YEARS: &str = "Tỷ lệ chỉ tiêu đạt kế hoạch qua các năm";
    let dir = tempfile::tempdir().unwrap();
    let (data_dir, db) = common::sample_with_next_year(dir.path(), 2021);
    let (short, full, met_2020, judged_2020) = {
        let store = Store::open(&db).unwrap();
        let conn = store.conn();
        let last = indicators::list(conn, 2020).unwrap();
        let member = last
            .iter()
            .find(|i| i.evaluation() != Evaluation::Unknown)
            .unwrap()
            .member;
        let own = last.iter().filter(|i| i.member == member);
        let judged = own
            .clone()
            .filter(|i| i.evaluation() != Evaluation::Unknown)
            .count();
        let met = own.filter(|i| i.evaluation().is_met()).count();
        // 2021: one plan exceeded, one missed.
        for (n, result) in [(1, 12.0), (2, 4.0)] {
            indicators::insert(
                conn,
                &Indicator {
                    id: 0,
                    year: 2021,
                    member,
                    group: String::new(),
                    name: format!("Chỉ tiêu {n}"),
                    unit: "tin".into(),
                    plan: Some(10.0),
                    plan_text: String::new(),
                    midyear: None,
                    result: Some(result),
                    note: String::new(),
                    sort: n,
                    key: None,
                },
            )
            .unwrap();
        }
        let all = members::list(conn).unwrap();
        let m = all.iter().find(|m| m.id == member).unwrap();
        (
            m.short_name_in(2021).to_owned(),
            m.full_name_in(2021).to_owned(),
            met,
            judged,
        )
    };
    let mut h = window(App::new(Some(data_dir), Some(db)));
    h.run();
    click(&mut h, "Chỉ tiêu");
    click(&mut h, "Biểu đồ");
    h.get_by_label(PLAN_SHARE);
    let title = format!("{MEMBER_YEARS}: {short}");
    assert!(h.query_by_label(&title).is_none());
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Đơn vị:")
        .click();
    h.run();
    h.query_all_by_label(&full).last().unwrap().click();
    h.run();
    h.run();
    h.get_by_label(&title);
    assert!(
        h.query_by_label(PLAN_SHARE).is_none(),
        "one chart at a time"
    );
    let detail = hover_bars(&mut h, &title, "Năm 2021: ").expect("this year's bar");
    assert_eq!(detail, "Năm 2021: 1/2 chỉ tiêu đạt và vượt kế hoạch");
    let detail = hover_bars(&mut h, &title, "Năm 2020: ").expect("last year's bar");
    assert_eq!(
        detail,
        format!("Năm 2020: {met_2020}/{judged_2020} chỉ tiêu đạt và vượt kế hoạch")
    );
}
