//! An indicator across years: the key carried by the copy of last year's list, kept by a
//! renaming, set by hand (with its undo), and a merged member's indicators among the ones a
//! renamed indicator may be linked to.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::edit::{Edit, History};
use khoi_thi_dua::store::{Store, indicators, members, years};
mod common;

/// The sample with 2020's results, 2021 and 2022 made by copying the list.
fn three_years() -> Store {
    let mut store = common::sample_store();
    for year in [2021, 2022] {
        common::open_next_year(&mut store, year);
        store
            .write(|tx| indicators::copy_previous_year(tx, year))
            .unwrap();
    }
    store
}

#[test]
fn a_copied_list_carries_each_indicators_key_through_the_years() {
    let store = three_years();
    let conn = store.conn();
    let y2020 = indicators::list(conn, 2020).unwrap();
    let y2022 = indicators::list(conn, 2022).unwrap();
    assert!(y2020.iter().all(|i| i.key.is_none()), "new in 2020");
    for (old, new) in y2020.iter().zip(&y2022) {
        assert_eq!(new.key, Some(old.id), "{}", new.name);
        assert_eq!(new.lineage(), old.lineage());
    }
    let h = indicators::history(conn, y2022[0].lineage()).unwrap();
    assert_eq!(
        h.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2020, 2021, 2022]
    );
    assert_eq!(h[0].result, y2020[0].result);
    assert_eq!(h[2].result, None);
    // Reading a year brings last year's results by lineage.
    let data = years::data(conn, 2021).unwrap();
    assert_eq!(data.last_year.year, Some(2020));
    assert_eq!(data.last_year.result(&data.indicators[0]), y2020[0].result);
    assert!(!years::data(conn, 2020).unwrap().last_year.exists());
}

#[test]
fn a_renamed_indicator_keeps_its_history() {
    let mut store = three_years();
    let mut history = History::default();
    let from = indicators::list(store.conn(), 2021).unwrap()[0].clone();
    let mut ind = from.clone();
    let lineage = ind.lineage();
    ind.name = "Tên mới của chỉ tiêu".to_owned();
    history
        .apply(
            &mut store,
            &Edit::UpdateIndicator {
                from,
                to: ind.clone(),
            },
        )
        .unwrap();
    let h = indicators::history(store.conn(), lineage).unwrap();
    assert_eq!(h.len(), 3);
    assert_eq!(h[1].name, "Tên mới của chỉ tiêu");
}

#[test]
fn linking_by_hand_joins_two_lineages_and_one_undo_splits_them_again() {
    let mut store = three_years();
    let mut history = History::default();
    let conn = store.conn();
    let last = indicators::list(conn, 2020).unwrap()[1].clone();
    // Last year's indicator was dropped from the copies, and typed anew under its new name in
    // 2021, then carried into 2022.
    let copies: Vec<i64> = [2021, 2022]
        .iter()
        .flat_map(|&y| indicators::list(conn, y).unwrap())
        .filter(|i| i.lineage() == last.lineage())
        .map(|i| i.id)
        .collect();
    assert_eq!(copies.len(), 2);
    history
        .apply(&mut store, &Edit::DeleteIndicators(copies))
        .unwrap();
    let conn = store.conn();
    let mut typed = indicators::list(conn, 2021).unwrap()[0].clone();
    typed.id = 0;
    typed.key = None;
    typed.sort = -1;
    typed.name = "Chỉ tiêu đổi tên".to_owned();
    history
        .apply(&mut store, &Edit::InsertIndicator(typed))
        .unwrap();
    let conn = store.conn();
    let new = indicators::list(conn, 2021)
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Chỉ tiêu đổi tên")
        .unwrap();
    let mut carried = new.clone();
    carried.id = 0;
    carried.year = 2022;
    carried.key = Some(new.id);
    carried.sort = -1;
    history
        .apply(&mut store, &Edit::InsertIndicator(carried))
        .unwrap();
    assert_eq!(
        indicators::history(store.conn(), new.lineage())
            .unwrap()
            .len(),
        2
    );
    let candidates = indicators::link_candidates(store.conn(), new.id).unwrap();
    assert!(candidates.iter().any(|c| c.id == last.id));

    history
        .apply(
            &mut store,
            &Edit::LinkIndicator {
                id: new.id,
                lineage: Some(last.lineage()),
            },
        )
        .unwrap();
    let h = indicators::history(store.conn(), last.lineage()).unwrap();
    assert_eq!(
        h.iter()
            .map(|y| (y.year, y.name.as_str()))
            .collect::<Vec<_>>(),
        [
            (2020, last.name.as_str()),
            (2021, "Chỉ tiêu đổi tên"),
            (2022, "Chỉ tiêu đổi tên")
        ],
        "the later year follows the link"
    );

    history.undo(&mut store).unwrap();
    assert_eq!(
        indicators::history(store.conn(), last.lineage())
            .unwrap()
            .iter()
            .map(|y| y.name.clone())
            .collect::<Vec<_>>(),
        std::slice::from_ref(&last.name),
        "last year's indicator alone again"
    );
    assert_eq!(indicators::history(store.conn(), new.id).unwrap().len(), 2);
    history.redo(&mut store).unwrap();
    assert_eq!(
        indicators::history(store.conn(), last.lineage())
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn a_merged_members_indicators_may_continue_in_the_unit_it_merged_into() {
    let mut store = common::sample_store();
    let conn = store.conn();
    let all = members::list(conn).unwrap();
    let with_indicators = |m: &khoi_thi_dua::domain::Member| {
        indicators::list(conn, 2020)
            .unwrap()
            .iter()
            .any(|i| i.member == m.id)
    };
    let mut holding = all.iter().filter(|m| with_indicators(m));
    let into = holding.next().unwrap().clone();
    let absorbed = holding.next().unwrap().clone();
    let mut gone = absorbed.clone();
    gone.left_year = Some(2021);
    gone.merged_into = Some(into.id);
    store
        .write(|tx| members::update_details(tx, &gone))
        .unwrap();
    common::open_next_year(&mut store, 2021);
    store
        .write(|tx| indicators::copy_previous_year(tx, 2021))
        .unwrap();
    let conn = store.conn();
    let own = indicators::list(conn, 2021)
        .unwrap()
        .into_iter()
        .find(|i| i.member == into.id)
        .unwrap();
    assert!(
        indicators::list(conn, 2021)
            .unwrap()
            .iter()
            .all(|i| i.member != absorbed.id),
        "a unit that left is not copied"
    );
    let candidates = indicators::link_candidates(conn, own.id).unwrap();
    let predecessor = candidates
        .iter()
        .find(|c| c.member == absorbed.id)
        .expect("the merged unit's indicators are offered");
    let mut history = History::default();
    history
        .apply(
            &mut store,
            &Edit::LinkIndicator {
                id: own.id,
                lineage: Some(predecessor.lineage()),
            },
        )
        .unwrap();
    let h = indicators::history(store.conn(), predecessor.lineage()).unwrap();
    assert_eq!(
        h.iter().map(|y| (y.year, y.member)).collect::<Vec<_>>(),
        [(2020, absorbed.id), (2021, into.id)]
    );
}

#[test]
fn the_window_shows_a_selected_indicators_values_over_the_years() {
    use common::window::{Window, click, window};
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap();
    let (data_dir, db) = common::sample_with_next_year(dir.path(), 2021);
    Store::open(&db)
        .unwrap()
        .write(|tx| indicators::copy_previous_year(tx, 2021))
        .unwrap();
    let first = {
        let store = Store::open(&db).unwrap();
        indicators::list(store.conn(), 2020).unwrap()[0].clone()
    };
    let mut h: Window = window(khoi_thi_dua::ui::App::new(Some(data_dir), Some(db)));
    h.run();
    click(&mut h, "Chỉ tiêu");
    assert!(h.query_by_label("Lịch sử chỉ tiêu").is_none());
    h.get_all_by_label("Lịch sử").next().unwrap().click();
    h.run();
    h.run();
    h.get_by_label("Lịch sử chỉ tiêu");
    h.get_by_label("Năm 2020");
    h.get_by_label("Năm 2021");
    let result = khoi_thi_dua::text::number::format_number(first.result.unwrap());
    assert!(
        h.get_all_by_label(&result).count() >= 1,
        "last year's result {result} is shown"
    );
    h.get_by_label("Là chỉ tiêu năm 2020 nào:");
}
