//! The bloc file: created, upgraded from every earlier schema, every entity round-trips, and
//! it is one self-contained file once closed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::*;
use khoi_thi_dua::edit::{Edit, History};
use khoi_thi_dua::store::{
    Store, StoreError, handovers, indicators, members, reports, schema, years,
};
use rusqlite::Connection;

mod common;

fn member(name: &str, year: Year) -> Member {
    Member {
        head_name: "Nguyễn Văn A".into(),
        head_title: "Giám đốc".into(),
        phone: "0219 3860 000".into(),
        email: "vanphong@example.vn".into(),
        ..Member::new(year, name)
    }
}

#[test]
fn a_new_file_has_the_current_schema_and_our_application_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khoi.sqlite");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::CURRENT_VERSION);
    let app_id: i32 = store
        .conn()
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, schema::APPLICATION_ID);
    let fk: i64 = store
        .conn()
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
}

#[test]
fn every_earlier_schema_version_upgrades_to_the_current_one_keeping_its_data() {
    for start in 0..schema::CURRENT_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let mut conn = Connection::open(&path).unwrap();
            schema::migrate(&mut conn, 0, start).unwrap();
            if start >= 1 {
                conn.execute(
                    "INSERT INTO member (id, position, joined_year) VALUES (1, 1, 2020)",
                    [],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO member_name (member_id, from_year, full_name) VALUES (1, 2020, 'Sở Xây dựng')",
                    [],
                )
                .unwrap();
            }
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::CURRENT_VERSION);
        if start >= 1 {
            let list = members::list(store.conn()).unwrap();
            assert_eq!(list[0].full_name_in(2020), "Sở Xây dựng");
        }
    }
}

#[test]
fn scores_of_a_file_from_before_cross_scoring_keep_their_values_with_no_scorer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        schema::migrate(&mut conn, 0, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO member (id, position, joined_year) VALUES (1, 1, 2020);
             INSERT INTO member_name (member_id, from_year, full_name) VALUES (1, 2020, 'Sở Xây dựng');
             INSERT INTO year (year, bloc_name) VALUES (2020, 'Khối Kinh tế ngành');
             INSERT INTO score_scheme (year, name, base_total) VALUES (2020, 'Bảng điểm', 100);
             INSERT INTO criterion (year, id, sort, title, max, kind) VALUES (2020, 1, 1, 'Công tác', 20, 'entered');
             INSERT INTO score (year, member_id, criterion_id, stage, value, note)
                 VALUES (2020, 1, 1, 'self', 18.5, 'Theo báo cáo'), (2020, 1, 1, 'final', 17, '');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let year = khoi_thi_dua::store::scoring::get(store.conn(), 2020).unwrap();
    let scheme = year.scheme.unwrap();
    assert!(!scheme.cross_scoring && !scheme.secretariat_signs);
    let kept: Vec<_> = year
        .scores
        .iter()
        .map(|s| (s.stage.as_str(), s.value, s.note.as_str(), s.scorer))
        .collect();
    assert_eq!(
        kept,
        [
            ("final", 17.0, "", None),
            ("self", 18.5, "Theo báo cáo", None)
        ]
    );
}

#[test]
fn a_file_from_a_newer_program_is_refused_naming_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite");
    Store::open(&path).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 99, .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("99") && msg.contains(&schema::CURRENT_VERSION.to_string()),
        "{msg}"
    );
}

#[test]
fn the_sqlite_file_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("không phải là tệp dữ liệu"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn random_bytes_are_refused_with_a_vietnamese_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.sqlite");
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(err.to_string().contains("Không mở được tệp"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn every_entity_round_trips_through_the_file_and_text_is_stored_as_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khoi.sqlite");
    // "Sở Xây dựng" typed with combining marks, as Unikey's "Unicode tổ hợp" does.
    let nfd_name = "So\u{31b}\u{309} Xa\u{302}y du\u{31b}\u{323}ng";
    let (a, b) = {
        let mut store = Store::open(&path).unwrap();
        store
            .write(|tx| {
                let a = members::insert(tx, &member(nfd_name, 2020))?;
                let b = members::insert(tx, &member("Sở Công Thương", 2020))?;
                let mut rec =
                    YearRecord::new(2020, "Khối Kinh tế ngành", "tỉnh Hà Giang", "Hà Giang");
                rec.leader = Some(a);
                rec.next_leader = Some(b);
                rec.conference_date = chrono::NaiveDate::from_ymd_opt(2020, 12, 16);
                rec.conference_venue = "Hội trường".into();
                years::insert(tx, &rec)?;
                years::set_attendees(
                    tx,
                    2020,
                    &[
                        Attendee {
                            id: 0,
                            member: Some(a),
                            guest_body: String::new(),
                            person: "Trần Thị B".into(),
                            position: "Phó Giám đốc".into(),
                        },
                        Attendee {
                            id: 0,
                            member: None,
                            guest_body: "Ban Thi đua - Khen thưởng".into(),
                            person: String::new(),
                            position: "Chuyên viên".into(),
                        },
                    ],
                )?;
                indicators::insert(
                    tx,
                    &Indicator {
                        id: 0,
                        year: 2020,
                        member: a,
                        group: "Trồng rừng".into(),
                        name: "Trồng rừng mới".into(),
                        unit: "ha".into(),
                        plan: Some(1498.3),
                        plan_text: String::new(),
                        midyear: None,
                        result: Some(1463.0),
                        note: String::new(),
                        sort: -1,
                        key: None,
                    },
                )?;
                years::set_narrative(tx, 2020, a, "Hoàn thành tốt nhiệm vụ.")?;
                let report = Report {
                    number: "01/BC-KTN".into(),
                    parent_body: "UBND TỈNH HÀ GIANG".into(),
                    issuing_body: "KHỐI KINH TẾ NGÀNH".into(),
                    place: "Hà Giang".into(),
                    date: chrono::NaiveDate::from_ymd_opt(2020, 12, 16),
                    doc_type: "BÁO CÁO".into(),
                    subject: "Tổng kết năm 2020".into(),
                    sections: vec![ReportSection {
                        heading: "I. ĐẶC ĐIỂM".into(),
                        body: "Nội dung".into(),
                        kind: SectionKind::Text,
                    }],
                    recipients: vec!["Ban Thi đua - Khen thưởng tỉnh".into(), "Lưu: VT".into()],
                    sign_authority: "TM. KHỐI".into(),
                    sign_position: "TRƯỞNG KHỐI".into(),
                    signer: "Nguyễn Văn A".into(),
                    status: ReportStatus::Draft,
                };
                reports::save(tx, 2020, khoi_thi_dua::domain::ReportKind::YearEnd, &report)?;
                reports::save_version(
                    tx,
                    2020,
                    khoi_thi_dua::domain::ReportKind::YearEnd,
                    "Dự thảo lần 1",
                )?;
                reports::insert_opinion(
                    tx,
                    2020,
                    khoi_thi_dua::domain::ReportKind::YearEnd,
                    &Opinion {
                        id: 0,
                        member: Some(b),
                        speaker: "Sở CT".into(),
                        text: "Bổ sung số liệu".into(),
                        handling: Handling::Accepted,
                        response: "Đã bổ sung".into(),
                    },
                )?;
                handovers::insert(
                    tx,
                    &Handover {
                        id: 0,
                        year: 2020,
                        from_member: Some(a),
                        to_member: b,
                        date: chrono::NaiveDate::from_ymd_opt(2020, 12, 16).unwrap(),
                        notes: "Bàn giao tại hội nghị".into(),
                        items: vec![HandoverItem {
                            item: "Hồ sơ".into(),
                            quantity: "01 bộ".into(),
                            note: String::new(),
                        }],
                        file_name: "khoi-2021.sqlite".into(),
                        file_hash: "ab".repeat(32),
                    },
                )?;
                Ok((a, b))
            })
            .unwrap()
    };
    // Reopen: everything is there, and the name is NFC.
    let store = Store::open(&path).unwrap();
    let data = years::data(store.conn(), 2020).unwrap();
    let list = members::list(store.conn()).unwrap();
    assert_eq!(list[0].full_name_in(2020), "Sở Xây dựng");
    assert_eq!(list[0].id, a);
    assert_eq!(
        data.record.conference_date,
        chrono::NaiveDate::from_ymd_opt(2020, 12, 16)
    );
    assert_eq!(data.attendees.len(), 2);
    assert_eq!(data.indicators[0].plan, Some(1498.3));
    assert_eq!(data.narratives[0].text, "Hoàn thành tốt nhiệm vụ.");
    let report = data.report.unwrap();
    assert_eq!(
        report.recipients,
        vec!["Ban Thi đua - Khen thưởng tỉnh", "Lưu: VT"]
    );
    assert_eq!(data.versions.len(), 1);
    assert_eq!(data.versions[0].report, report);
    assert_eq!(data.opinions[0].handling, Handling::Accepted);
    assert_eq!(data.opinions[0].member, Some(b));
    assert_eq!(data.handovers[0].items[0].quantity, "01 bộ");
}

#[test]
fn no_journal_is_left_beside_the_file_once_it_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khoi.sqlite");
    {
        let mut store = khoi_thi_dua::sample::write_sample(&path).unwrap();
        store
            .write(|tx| years::set_narrative(tx, 2020, 1, "Sửa lần cuối"))
            .unwrap();
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["khoi.sqlite".to_owned()]);
}

#[test]
fn a_handed_over_year_refuses_every_edit() {
    let mut store = common::sample_store();
    store
        .write(|tx| years::set_status(tx, 2020, YearStatus::HandedOver, "bàn giao"))
        .unwrap();
    let err = store
        .write(|tx| years::set_narrative(tx, 2020, 1, "sửa"))
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked(2020)));
    assert!(err.to_string().contains("đã bàn giao"));
}

#[test]
fn a_duplicate_or_empty_member_name_in_the_same_year_is_refused() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| members::insert(tx, &member("Sở Xây dựng", 2020)))
        .unwrap();
    let err = store
        .write(|tx| members::insert(tx, &member("sở xây dựng", 2020)))
        .unwrap_err();
    assert!(err.to_string().contains("đã có đơn vị tên"), "{err}");
    let err = store
        .write(|tx| members::insert(tx, &member("  ", 2020)))
        .unwrap_err();
    assert!(err.to_string().contains("không được để trống"), "{err}");
}

#[test]
fn a_rename_from_a_year_keeps_the_old_name_in_earlier_years() {
    let mut store = Store::open_in_memory().unwrap();
    let id = store
        .write(|tx| members::insert(tx, &member("Sở Công nghiệp", 2020)))
        .unwrap();
    common::rename(&mut store, id, 2022, "Sở Công Thương", "Sở CT", "SCT");
    let m = &members::list(store.conn()).unwrap()[0];
    assert_eq!(m.full_name_in(2021), "Sở Công nghiệp");
    assert_eq!(m.full_name_in(2022), "Sở Công Thương");
}

#[test]
fn deleting_an_indicator_can_be_undone_and_redone() {
    let mut store = common::sample_store();
    let before = indicators::list(store.conn(), 2020).unwrap();
    let victim = before[3].clone();
    let mut history = History::default();
    history
        .apply(&mut store, &Edit::DeleteIndicator(victim.id))
        .unwrap();
    assert_eq!(
        indicators::list(store.conn(), 2020).unwrap().len(),
        before.len() - 1
    );
    assert_eq!(history.undo(&mut store).unwrap(), Some("xóa chỉ tiêu"));
    assert_eq!(indicators::list(store.conn(), 2020).unwrap(), before);
    history.redo(&mut store).unwrap();
    assert!(indicators::get(store.conn(), victim.id).unwrap().is_none());
}

#[test]
fn fifty_edits_can_all_be_undone() {
    let mut store = common::sample_store();
    let original = indicators::list(store.conn(), 2020).unwrap();
    let mut history = History::default();
    for i in 0..60 {
        let from = indicators::list(store.conn(), 2020).unwrap()[i % 5].clone();
        let mut ind = from.clone();
        ind.result = Some(i as f64);
        history
            .apply(&mut store, &Edit::UpdateIndicator { from, to: ind })
            .unwrap();
    }
    for _ in 0..60 {
        history.undo(&mut store).unwrap();
    }
    assert_eq!(indicators::list(store.conn(), 2020).unwrap(), original);
}

#[test]
fn copying_last_years_list_takes_names_units_and_plans_but_not_results() {
    let mut store = common::sample_store();
    common::open_next_year(&mut store, 2021);
    let ids = store
        .write(|tx| indicators::copy_previous_year(tx, 2021))
        .unwrap();
    let old = indicators::list(store.conn(), 2020).unwrap();
    let new = indicators::list(store.conn(), 2021).unwrap();
    assert_eq!(ids.len(), old.len());
    for (o, n) in old.iter().zip(&new) {
        assert_eq!((&o.name, &o.unit, o.plan), (&n.name, &n.unit, n.plan));
        assert_eq!(n.result, None);
    }
}
