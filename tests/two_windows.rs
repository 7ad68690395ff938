//! One writer per file: a second window on a file another window is changing may only show
//! it, and a command that would change the file waits for the window to close it. Neither can
//! then rewrite the file from stale data or undo the other's edits; and where no claim covers
//! both (a command on a file outside the data folder), every edit writes only the fields it
//! changes, refused when the file no longer holds what the window last read, and so is undo.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod common;

use common::window::{click, window};
use common::{run, s, stderr};
use egui_kittest::kittest::{NodeT, Queryable};
use khoi_thi_dua::domain::ReportKind;
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::ops::lock;
use khoi_thi_dua::store::{self, Store, StoreError};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::Action;
use khoi_thi_dua::ui::session::Session;

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

/// Two programs on one file, each with its own connection and its own view of the year, as a
/// window and a command on a file outside the data folder have (no claim covers them both).
fn two_sessions(dir: &std::path::Path) -> (Session, Session) {
    let db = dir.join("khoi.sqlite");
    khoi_thi_dua::sample::write_sample(&db).unwrap();
    let open = || Session::start(Store::open(&db).unwrap(), Some(2020), None).unwrap();
    (open(), open())
}

fn apply(s: &mut Session, edit: Edit) -> Result<(), StoreError> {
    s.history.apply(&mut s.store, &edit)
}

fn stored_indicator(s: &Session, id: i64) -> khoi_thi_dua::domain::Indicator {
    store::indicators::get(s.store.conn(), id).unwrap().unwrap()
}

#[test]
fn an_edit_from_stale_data_is_refused_and_the_other_edit_survives() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let shown = first.view.data.indicators[0].clone();
    let mut mine = shown.clone();
    mine.result = Some(1111.0);
    apply(
        &mut first,
        Edit::UpdateIndicator {
            from: shown.clone(),
            to: mine,
        },
    )
    .unwrap();

    // The second still shows the old result: its change of the same cell is refused.
    let mut theirs = second.view.data.indicators[0].clone();
    assert_eq!(theirs, shown);
    theirs.result = Some(2222.0);
    let e = apply(
        &mut second,
        Edit::UpdateIndicator {
            from: shown.clone(),
            to: theirs,
        },
    )
    .unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(
        e.to_string(),
        "Dữ liệu đã bị thay đổi ở nơi khác; đã tải lại."
    );
    assert_eq!(stored_indicator(&second, shown.id).result, Some(1111.0));
    assert!(second.history.can_undo().is_none());

    // A change of another field of the same row writes that field only.
    let mut note = shown.clone();
    note.note = "Ghi chú của cửa sổ thứ hai".to_owned();
    apply(
        &mut second,
        Edit::UpdateIndicator {
            from: shown.clone(),
            to: note,
        },
    )
    .unwrap();
    let now = stored_indicator(&first, shown.id);
    assert_eq!(
        now.result,
        Some(1111.0),
        "the first window's edit was erased"
    );
    assert_eq!(now.note, "Ghi chú của cửa sổ thứ hai");
}

#[test]
fn a_member_record_is_never_rewritten_whole_from_stale_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let shown = first.view.members[0].clone();
    let mut head = shown.clone();
    head.head_name = "Nguyễn Văn Mới".to_owned();
    apply(
        &mut first,
        Edit::UpdateMember {
            from: shown.clone(),
            to: head,
        },
    )
    .unwrap();
    let mut phone = second.view.members[0].clone();
    phone.phone = "0219 3 888 999".to_owned();
    apply(
        &mut second,
        Edit::UpdateMember {
            from: shown.clone(),
            to: phone,
        },
    )
    .unwrap();
    let mut stale = shown.clone();
    stale.head_name = "Trần Thị Cũ".to_owned();
    let e = apply(
        &mut second,
        Edit::UpdateMember {
            from: shown,
            to: stale,
        },
    )
    .unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    first.reload(None).unwrap();
    let now = &first.view.members[0];
    assert_eq!(now.head_name, "Nguyễn Văn Mới");
    assert_eq!(now.phone, "0219 3 888 999");
}

#[test]
fn undo_after_another_change_of_the_row_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let shown = first.view.data.indicators[1].clone();
    let mut mine = shown.clone();
    mine.result = Some(1.0);
    apply(
        &mut first,
        Edit::UpdateIndicator {
            from: shown.clone(),
            to: mine.clone(),
        },
    )
    .unwrap();
    second.reload(None).unwrap();
    let mut theirs = mine.clone();
    theirs.result = Some(2.0);
    apply(
        &mut second,
        Edit::UpdateIndicator {
            from: mine,
            to: theirs,
        },
    )
    .unwrap();

    // Ctrl+Z in the first would put back the result the second replaced: refused.
    let e = first.history.undo(&mut first.store).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_indicator(&first, shown.id).result, Some(2.0));
    assert!(first.history.can_undo().is_none());
    // The second's own undo still works: the row holds what it wrote.
    assert!(second.history.undo(&mut second.store).unwrap().is_some());
    assert_eq!(stored_indicator(&first, shown.id).result, Some(1.0));

    // A narrative likewise.
    let member = shown.member;
    let field = khoi_thi_dua::domain::NarrativeField::Achievements;
    let read = |s: &Session| {
        s.view
            .data
            .narratives
            .iter()
            .find(|n| n.member == member)
            .map(|n| n.field(field).to_owned())
            .unwrap_or_default()
    };
    first.reload(None).unwrap();
    second.reload(None).unwrap();
    let text = |t: &str, previous: String| Edit::SetNarrative {
        year: 2020,
        member,
        field,
        previous,
        text: t.to_owned(),
    };
    let edit = text("Bản của cửa sổ thứ nhất", read(&first));
    apply(&mut first, edit).unwrap();
    let edit = text("Bản của cửa sổ thứ hai", read(&second));
    let e = apply(&mut second, edit).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    second.reload(None).unwrap();
    assert_eq!(read(&second), "Bản của cửa sổ thứ nhất");
    let edit = text("Bản sửa tiếp", read(&second));
    apply(&mut second, edit).unwrap();
    assert!(matches!(
        first.history.undo(&mut first.store).unwrap_err(),
        StoreError::Stale
    ));
    first.reload(None).unwrap();
    assert_eq!(read(&first), "Bản sửa tiếp");
}

/// The window says so and shows the file as it now is.
#[test]
fn the_window_refuses_a_stale_edit_and_reloads() {
    let dir = tempfile::tempdir().unwrap();
    let data = common::data_dir(dir.path());
    std::fs::create_dir_all(&data).unwrap();
    let db = data.join("khoi.sqlite");
    khoi_thi_dua::sample::write_sample(&db).unwrap();
    let mut h = window(App::new(Some(data), Some(db.clone())));
    h.run();
    let shown = h.state().session.as_ref().unwrap().view.data.indicators[0].clone();

    // A command on the same file changes the result behind the window's back.
    let mut outside = Store::open(&db).unwrap();
    let mut changed = shown.clone();
    changed.result = Some(4321.0);
    outside
        .write(|tx| store::indicators::change(tx, &shown, &changed))
        .unwrap();
    drop(outside);

    let mut mine = shown.clone();
    mine.result = Some(1.0);
    h.state_mut().push(Action::Edit(Edit::UpdateIndicator {
        from: shown.clone(),
        to: mine,
    }));
    h.run();
    assert_eq!(
        h.state().error_message(),
        Some("Dữ liệu đã bị thay đổi ở nơi khác; đã tải lại.")
    );
    let s = h.state().session.as_ref().unwrap();
    let now = s.view.data.indicators.iter().find(|i| i.id == shown.id);
    assert_eq!(
        now.unwrap().result,
        Some(4321.0),
        "the view was not reloaded"
    );
    assert!(s.history.can_undo().is_none());
}

/// An edit of a whole value (the conference, a score cell, the awards, ...) made as the window
/// would: checked against what that window's view holds.
fn apply_read(s: &mut Session, edit: Edit) -> Result<(), StoreError> {
    let read = s.view.read_state(&edit);
    s.history.apply_read(&mut s.store, &edit, read.as_ref())?;
    s.refresh_after(&edit).unwrap();
    Ok(())
}

#[test]
fn a_whole_value_saved_from_stale_data_is_refused_and_so_is_its_undo() {
    use khoi_thi_dua::domain::scoring::{Score, ScoreChange, Stage};
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());

    // The conference record: the first saves it, the second's save from what it showed is
    // refused and the first's venue survives.
    let mut conference = first.view.data.conference.clone();
    conference.chair.name = "Nguyễn Văn Chủ Trì".to_owned();
    apply_read(
        &mut first,
        Edit::SetConference {
            year: 2020,
            kind: ReportKind::YearEnd,
            conference,
        },
    )
    .unwrap();
    let mut theirs = second.view.data.conference.clone();
    theirs.secretary.name = "Lê Thị Thư Ký".to_owned();
    let e = apply_read(
        &mut second,
        Edit::SetConference {
            year: 2020,
            kind: ReportKind::YearEnd,
            conference: theirs,
        },
    )
    .unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    second.reload(None).unwrap();
    assert_eq!(second.view.data.conference.chair.name, "Nguyễn Văn Chủ Trì");

    // A score cell, twice from the same window (its view patched, never taken for stale),
    // then from the other window's stale view.
    let member = first.view.members_in_year()[0].id;
    let cell = |v: f64| Edit::SetScores {
        year: 2020,
        changes: vec![ScoreChange::set(Score::new(member, 4, Stage::SelfScore, v))],
    };
    apply_read(&mut first, cell(10.0)).unwrap();
    apply_read(&mut first, cell(12.5)).unwrap();
    assert!(matches!(
        apply_read(&mut second, cell(5.0)).unwrap_err(),
        StoreError::Stale
    ));
    second.reload(None).unwrap();
    apply_read(&mut second, cell(7.0)).unwrap();
    // The first's Ctrl+Z would put back 10 over the second's 7: refused, 7 stays.
    assert!(matches!(
        first.history.undo(&mut first.store).unwrap_err(),
        StoreError::Stale
    ));
    let stored = store::scoring::scores(first.store.conn(), 2020).unwrap();
    assert_eq!(stored[0].value, 7.0);
    // The second's own undo puts back the 12,5 it replaced.
    second.history.undo(&mut second.store).unwrap();
    let stored = store::scoring::scores(first.store.conn(), 2020).unwrap();
    assert_eq!(stored[0].value, 12.5);
}

#[test]
fn a_deletion_of_a_row_changed_elsewhere_is_refused_and_the_row_survives() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let shown = first.view.data.indicators[2].clone();
    let mut mine = shown.clone();
    mine.result = Some(3333.0);
    apply_read(
        &mut first,
        Edit::UpdateIndicator {
            from: shown.clone(),
            to: mine,
        },
    )
    .unwrap();

    // The second window deletes the row as it showed it: refused, the first's result stays.
    let e = apply_read(&mut second, Edit::DeleteIndicator(shown.id)).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_indicator(&first, shown.id).result, Some(3333.0));
    assert!(second.history.can_undo().is_none());
    // Several at once likewise: none of them goes.
    let other = second.view.data.indicators[3].id;
    let e = apply_read(&mut second, Edit::DeleteIndicators(vec![other, shown.id])).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert!(
        store::indicators::get(first.store.conn(), other)
            .unwrap()
            .is_some()
    );

    // Once it has read the row again, it may delete it.
    second.reload(None).unwrap();
    apply_read(&mut second, Edit::DeleteIndicator(shown.id)).unwrap();
    assert!(
        store::indicators::get(first.store.conn(), shown.id)
            .unwrap()
            .is_none()
    );
}

#[test]
fn undoing_an_insertion_after_another_window_edited_the_row_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let mut new = first.view.data.indicators[0].clone();
    new.id = 0;
    new.sort = -1;
    new.key = None;
    new.name = "Chỉ tiêu thêm ở cửa sổ thứ nhất".to_owned();
    apply_read(&mut first, Edit::InsertIndicator(new)).unwrap();
    let added = first
        .view
        .data
        .indicators
        .iter()
        .find(|i| i.name == "Chỉ tiêu thêm ở cửa sổ thứ nhất")
        .unwrap()
        .clone();

    // The second window, having read the new row, fills in its result.
    second.reload(None).unwrap();
    let mut theirs = added.clone();
    theirs.result = Some(42.0);
    apply_read(
        &mut second,
        Edit::UpdateIndicator {
            from: added.clone(),
            to: theirs,
        },
    )
    .unwrap();

    // Ctrl+Z in the first would delete the row with the second's result: refused.
    let e = first.history.undo(&mut first.store).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_indicator(&first, added.id).result, Some(42.0));
    assert!(first.history.can_undo().is_none());

    // Without a change elsewhere the undo of an insertion still deletes the row.
    let mut again = added.clone();
    again.id = 0;
    again.sort = -1;
    again.name = "Chỉ tiêu thêm lần hai".to_owned();
    apply_read(&mut first, Edit::InsertIndicator(again)).unwrap();
    let count = |s: &Session| store::indicators::list(s.store.conn(), 2020).unwrap().len();
    let before = count(&first);
    first.history.undo(&mut first.store).unwrap();
    assert_eq!(count(&first), before - 1);
}

/// The members' ids in the bloc's order, as the file holds them.
fn stored_order(s: &Session) -> Vec<i64> {
    store::members::list(s.store.conn())
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect()
}

/// A move is checked against the whole order the window read: a move after another window
/// reordered the members is refused (not merged), and so is the undo of one.
#[test]
fn a_move_after_another_window_reordered_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());
    let members: Vec<i64> = first.view.members_in_year().iter().map(|m| m.id).collect();
    let down = |member| Edit::MoveMember {
        member,
        year: 2020,
        delta: 1,
    };
    apply_read(&mut first, down(members[0])).unwrap();
    let reordered = stored_order(&first);

    // The second still shows the old order: its move of another member is refused.
    let e = apply_read(&mut second, down(members[2])).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_order(&first), reordered);

    // Read again, it moves; the first's Ctrl+Z would then undo a move from an order the
    // file no longer has: refused, the second's order stays.
    second.reload(None).unwrap();
    apply_read(&mut second, down(members[2])).unwrap();
    let theirs = stored_order(&second);
    let e = first.history.undo(&mut first.store).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_order(&first), theirs);
    // The second's own undo puts back the order it moved from.
    second.history.undo(&mut second.store).unwrap();
    assert_eq!(stored_order(&first), reordered);
}

#[test]
fn a_link_or_a_milestone_from_stale_data_is_refused() {
    use khoi_thi_dua::domain::calendar::{Milestone, MilestoneKind};
    let dir = tempfile::tempdir().unwrap();
    let (mut first, mut second) = two_sessions(dir.path());

    // A link replaces the key the window read.
    let (a, b) = (
        first.view.data.indicators[0].clone(),
        first.view.data.indicators[1].clone(),
    );
    apply_read(
        &mut first,
        Edit::LinkIndicator {
            id: a.id,
            lineage: Some(b.id),
        },
    )
    .unwrap();
    let e = apply_read(
        &mut second,
        Edit::LinkIndicator {
            id: a.id,
            lineage: None,
        },
    )
    .unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_indicator(&first, a.id).key, Some(b.id));

    // The milestones replace the dates the window read.
    let date = |d| Milestone {
        kind: MilestoneKind::Pledge,
        date: chrono::NaiveDate::from_ymd_opt(2020, 3, d).unwrap(),
    };
    let set = |d| Edit::SetMilestones {
        year: 2020,
        milestones: vec![date(d)],
    };
    apply_read(&mut first, set(10)).unwrap();
    let e = apply_read(&mut second, set(20)).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    let stored = store::milestones::get(first.store.conn(), 2020).unwrap();
    assert_eq!(stored, vec![date(10)]);

    // The undo of the link, after the other window relinked the row, is refused too.
    second.reload(None).unwrap();
    apply_read(
        &mut second,
        Edit::LinkIndicator {
            id: a.id,
            lineage: None,
        },
    )
    .unwrap();
    // The first's last step is the milestones (unchanged elsewhere since): it undoes.
    first.history.undo(&mut first.store).unwrap();
    assert!(
        store::milestones::get(first.store.conn(), 2020)
            .unwrap()
            .is_empty()
    );
    let e = first.history.undo(&mut first.store).unwrap_err();
    assert!(matches!(e, StoreError::Stale));
    assert_eq!(stored_indicator(&first, a.id).key, None);
}
