//! The mid-year review: its own report beside the year-end one (one model with a kind), the
//! files of the schema before kinds keeping their report as the year-end one, JSON carrying the
//! kind, and the review and its conference's minutes printed.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::calendar::{Milestone, MilestoneKind};
use khoi_thi_dua::domain::{
    Attendee, Conference, Handling, Opinion, ReportKind, ReportStatus, YearData,
};
use khoi_thi_dua::report::compose::compose_draft_of;
use khoi_thi_dua::report::document::Block;
use khoi_thi_dua::store::{
    Store, conference, indicators, json, members, milestones, reports, schema, years,
};
use rusqlite::Connection;
use std::path::Path;

mod common;

const FOREST: &str = "Trồng rừng mới theo Quyết định số 1511";

/// Writes a copy of the sample at schema version 8 (before report kinds): the tables of
/// version 8 filled with the columns they had from the sample the current program writes.
fn sample_at_v8(dir: &Path, sample: &Path) -> std::path::PathBuf {
    let old = dir.join("v8.sqlite");
    let mut conn = Connection::open(&old).unwrap();
    schema::migrate(&mut conn, 0, 8).unwrap();
    conn.execute("ATTACH DATABASE ?1 AS sample", [common::s(sample)])
        .unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for t in tables {
        let columns: Vec<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{t}', 'main')"
            ))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let list = columns.join(", ");
        conn.execute(
            &format!("INSERT INTO main.{t} ({list}) SELECT {list} FROM sample.{t}"),
            [],
        )
        .unwrap();
    }
    conn.execute("DETACH DATABASE sample", []).unwrap();
    old
}

/// The sample with a saved version and an opinion on its year-end report.
fn sample_with_history(dir: &Path) -> std::path::PathBuf {
    let db = common::sample(dir, "khoi.sqlite");
    let mut store = Store::open(&db).unwrap();
    store
        .write(|tx| {
            reports::save_version(tx, 2020, ReportKind::YearEnd, "Dự thảo lần 1")?;
            reports::insert_opinion(
                tx,
                2020,
                ReportKind::YearEnd,
                &Opinion {
                    id: 0,
                    member: None,
                    speaker: "Ban Thi đua - Khen thưởng tỉnh".to_owned(),
                    text: "Bổ sung số liệu trồng rừng.".to_owned(),
                    handling: Handling::Accepted,
                    response: String::new(),
                },
            )
            .map(|_| ())
        })
        .unwrap();
    db
}

#[test]
fn a_file_of_schema_8_keeps_its_report_as_the_year_end_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_with_history(dir.path());
    let expected: YearData = years::data(Store::open(&db).unwrap().conn(), 2020).unwrap();
    assert!(expected.report.is_some() && !expected.versions.is_empty());
    let old = sample_at_v8(dir.path(), &db);
    let version: i32 = Connection::open(&old)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 8);

    let store = Store::open(&old).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::CURRENT_VERSION);
    let data = years::data(store.conn(), 2020).unwrap();
    assert_eq!(data.report, expected.report);
    assert_eq!(data.versions, expected.versions);
    assert_eq!(data.opinions, expected.opinions);
    assert_eq!(data.conference, expected.conference);
    assert!(data.other_reports.is_empty());
    assert_eq!(
        reports::get(store.conn(), 2020, ReportKind::Midyear).unwrap(),
        None
    );
}

/// The sample with six-month results, a mid-year conference and a composed mid-year report
/// with an opinion; returns the forest indicator's six-month result as printed.
fn with_midyear(store: &mut Store) {
    let all = members::list(store.conn()).unwrap();
    store
        .write(|tx| {
            let mut forest = indicators::list(tx, 2020)?
                .into_iter()
                .find(|i| i.name == FOREST)
                .unwrap();
            forest.midyear = Some(780.0);
            indicators::update(tx, &forest)?;
            conference::set(
                tx,
                2020,
                ReportKind::Midyear,
                &Conference {
                    date: chrono::NaiveDate::from_ymd_opt(2020, 7, 10),
                    venue: "Hội trường Sở Thông tin và Truyền thông".to_owned(),
                    agenda: "Sơ kết 6 tháng đầu năm".to_owned(),
                    ..Conference::default()
                },
            )?;
            milestones::set(
                tx,
                2020,
                &[
                    Milestone {
                        kind: MilestoneKind::MidyearFigures,
                        date: chrono::NaiveDate::from_ymd_opt(2020, 6, 15).unwrap(),
                    },
                    Milestone {
                        kind: MilestoneKind::MidyearReview,
                        date: chrono::NaiveDate::from_ymd_opt(2020, 7, 10).unwrap(),
                    },
                ],
            )?;
            // Its own attendance: one unit and a guest, not the year-end conference's nine.
            let builder = all
                .iter()
                .find(|m| m.full_name_in(2020) == "Sở Xây dựng")
                .unwrap();
            years::set_attendees_of(
                tx,
                2020,
                ReportKind::Midyear,
                &[
                    Attendee {
                        id: 0,
                        member: Some(builder.id),
                        guest_body: String::new(),
                        person: String::new(),
                        position: "Lãnh đạo, chuyên viên".to_owned(),
                    },
                    Attendee {
                        id: 0,
                        member: None,
                        guest_body: "Ban Thi đua - Khen thưởng tỉnh".to_owned(),
                        person: "Nguyễn Văn Bình".to_owned(),
                        position: "Phó Trưởng ban".to_owned(),
                    },
                ],
            )?;
            let data = years::data(tx, 2020)?;
            let report = compose_draft_of(&all, &data, ReportKind::Midyear);
            reports::save(tx, 2020, ReportKind::Midyear, &report)?;
            // The plan as a draft edited in the program, beside the reviews.
            let mut plan = compose_draft_of(&all, &data, ReportKind::Plan);
            plan.sections[0]
                .body
                .push_str("\n3. Nội dung đã sửa trong chương trình.");
            reports::save(tx, 2020, ReportKind::Plan, &plan)?;
            reports::save_version(tx, 2020, ReportKind::Midyear, "Dự thảo sơ kết lần 1")?;
            reports::insert_opinion(
                tx,
                2020,
                ReportKind::Midyear,
                &Opinion {
                    id: 0,
                    member: None,
                    speaker: "Sở Xây dựng".to_owned(),
                    text: "Nêu rõ tiến độ trồng rừng.".to_owned(),
                    handling: Handling::Pending,
                    response: String::new(),
                },
            )
            .map(|_| ())
        })
        .unwrap();
}

#[test]
fn the_mid_year_report_lives_beside_the_year_end_one_and_json_carries_its_kind() {
    let mut store = common::sample_store();
    let year_end = reports::get(store.conn(), 2020, ReportKind::YearEnd).unwrap();
    with_midyear(&mut store);
    // The year-end report, its versions and opinions are untouched.
    let data = years::data(store.conn(), 2020).unwrap();
    assert_eq!(data.report, year_end);
    assert!(data.versions.is_empty() && data.opinions.is_empty());
    let mid = data.report_parts(ReportKind::Midyear);
    let report = mid.report.unwrap();
    assert_eq!(report.status, ReportStatus::Draft);
    assert!(
        report
            .subject
            .starts_with("Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020")
    );
    assert_eq!(mid.versions.len(), 1);
    assert_eq!(mid.versions[0].kind, ReportKind::Midyear);
    assert_eq!(mid.opinions.len(), 1);
    assert_eq!(
        mid.conference.venue,
        "Hội trường Sở Thông tin và Truyền thông"
    );
    assert_eq!(mid.attendees.len(), 2);
    assert_eq!(data.attendees.len(), 9, "the year-end list is its own");

    // Round trip: export, import into a new file, export again: the same JSON.
    let text = json::to_string(&json::export(store.conn(), None).unwrap()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["years"][0]["other_reports"][0]["kind"], "midyear");
    assert_eq!(value["years"][0]["other_reports"][1]["kind"], "plan");
    assert_eq!(
        value["years"][0]["other_reports"][0]["attendees"][1]["guest_body"],
        "Ban Thi đua - Khen thưởng tỉnh"
    );
    assert!(value["years"][0]["other_reports"][1]["attendees"].is_null());
    let dir = tempfile::tempdir().unwrap();
    let mut copy = Store::open(&dir.path().join("copy.sqlite")).unwrap();
    json::import(&mut copy, &json::parse(&text).unwrap()).unwrap();
    let again = json::to_string(&json::export(copy.conn(), None).unwrap()).unwrap();
    assert_eq!(again, text);
    let restored = years::data(copy.conn(), 2020).unwrap();
    assert_eq!(restored.milestones, data.milestones);
    assert_eq!(
        value["years"][0]["milestones"][0]["kind"],
        "midyear_figures"
    );
    assert_eq!(
        restored.report_parts(ReportKind::Midyear).report,
        Some(report)
    );
    assert_eq!(
        restored.report_parts(ReportKind::Midyear).attendees,
        mid.attendees
    );
    assert_eq!(restored.attendees, data.attendees);

    // An attendee with a field the format does not have, or of a unit the file does not
    // hold, is refused.
    let mut extra = value.clone();
    extra["years"][0]["other_reports"][0]["attendees"][0]["seat"] = 3.into();
    let err = json::parse(&extra.to_string()).unwrap_err().to_string();
    assert!(err.contains("seat"), "{err}");
    let mut dangling = value.clone();
    dangling["years"][0]["other_reports"][0]["attendees"][0]["member"] = 999.into();
    let mut other = Store::open(&dir.path().join("dangling.sqlite")).unwrap();
    let err = json::import(&mut other, &json::parse(&dangling.to_string()).unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.contains("người dự hội nghị"), "{err}");

    // A kind the program does not know, or the mid-year report given twice, is refused.
    let mut unknown = value.clone();
    unknown["years"][0]["other_reports"][0]["kind"] = "quarterly".into();
    let err = json::parse(&unknown.to_string()).unwrap_err().to_string();
    assert!(err.contains("quarterly"), "{err}");
    let mut twice = value.clone();
    let first = twice["years"][0]["other_reports"][0].clone();
    twice["years"][0]["other_reports"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let mut other = Store::open(&dir.path().join("twice.sqlite")).unwrap();
    let err = json::import(&mut other, &json::parse(&twice.to_string()).unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.contains("hai lần"), "{err}");
    // Nothing of the refused file was written.
    assert!(years::list(other.conn()).unwrap().is_empty());
}

#[test]
fn the_mid_year_report_and_minutes_print_in_the_decree_layout() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        with_midyear(&mut store);
        // Exported without a composed draft: the export composes and saves it.
        store
            .write(|tx| {
                tx.execute("DELETE FROM report WHERE report_kind = 'midyear'", [])?;
                Ok(())
            })
            .unwrap();
    }
    let report = dir.path().join("so-ket.pdf");
    let said = common::export_with(dir.path(), "export-pdf", &db, "midyear-report", &report);
    assert!(
        said.contains("Đã xuất báo cáo sơ kết 6 tháng đầu năm 2020 ("),
        "{said}"
    );
    let minutes = dir.path().join("bien-ban-so-ket.pdf");
    common::export_with(dir.path(), "export", &db, "midyear-minutes", &minutes);
    // The composed draft was saved as the mid-year report, the year-end one untouched.
    let store = Store::open(&db).unwrap();
    let midyear = reports::get(store.conn(), 2020, ReportKind::Midyear)
        .unwrap()
        .unwrap();
    // Its number is left for the văn thư to give when it is issued; the year-end one keeps its own.
    assert!(
        midyear.number.trim().starts_with("/BC-"),
        "{}",
        midyear.number
    );
    assert_eq!(midyear.cited_number(), None);
    let year_end = reports::get(store.conn(), 2020, ReportKind::YearEnd)
        .unwrap()
        .unwrap();
    assert_eq!(year_end.cited_number(), Some("01/BC-TTTT"));
    let Some(words) = common::pdf_words(&report) else {
        return;
    };
    for expected in [
        "DỰ THẢO",
        "BÁO CÁO",
        "Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020",
        "/BC-",
        "ngày 10 tháng 7 năm 2020",
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2020",
        "Trồng rừng mới theo Quyết định số 1511 được 780 ha, bằng 52% kế hoạch năm",
        "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2020",
        "Thực hiện 6 tháng",
        "Nơi nhận:",
        "- Lưu: VT.",
    ] {
        assert!(
            words.contains(expected),
            "missing “{expected}” in:\n{words}"
        );
    }
    // The year's results are not the review's.
    assert!(!words.contains("1.463/1.498,3"), "{words}");
    let words = common::pdf_words(&minutes).unwrap();
    // The draft is cited without a number while it has none.
    assert!(!words.contains("số /BC"), "{words}");
    // Its own number is left for the office that registers it, not the year-end minutes' 02.
    assert!(words.contains("/BB-TTTT"), "{words}");
    assert!(!words.contains("02/BB"), "{words}");
    for expected in [
        "BIÊN BẢN",
        "Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020",
        "Địa điểm: Hội trường Sở Thông tin và Truyền thông.",
        "Đại diện lãnh đạo, chuyên viên các đơn vị thành viên Khối: Sở Xây dựng.",
        "Khách mời: Ban Thi đua - Khen thưởng tỉnh (Nguyễn Văn Bình, Phó Trưởng ban).",
        "Nêu rõ tiến độ trồng rừng",
        "THƯ KÝ",
        "CHỦ TỌA",
    ] {
        assert!(
            words.contains(expected),
            "missing “{expected}” in:\n{words}"
        );
    }
    // What belongs to the year's end is not said at the mid-year review.
    assert!(!words.contains("Trưởng khối năm 2021"), "{words}");

    // The plan prints as edited in the program.
    let plan = dir.path().join("ke-hoach.pdf");
    common::export_with(dir.path(), "export-pdf", &db, "plan", &plan);
    let words = common::pdf_words(&plan).unwrap();
    for expected in [
        "DỰ THẢO",
        "KẾ HOẠCH",
        "Tổ chức phong trào thi đua năm 2020",
        "3. Nội dung đã sửa trong chương trình.",
        "III. TIẾN ĐỘ THỰC HIỆN",
        "2. Ngày 10/07/2020: tổ chức Hội nghị sơ kết",
        "thực hiện theo Bảng điểm thi đua năm 2020.",
    ] {
        assert!(
            words.contains(expected),
            "missing “{expected}” in:\n{words}"
        );
    }
    // The template's note to the secretariat stays in the window, not in a plan sent out.
    assert!(!words.contains("mẫu, cần điều chỉnh"), "{words}");
}

#[test]
fn the_plans_schedule_gives_the_years_milestones_by_date() {
    let mut store = common::sample_store();
    let all = members::list(store.conn()).unwrap();
    let default = khoi_thi_dua::report::plan::plan_document(
        &all,
        &years::data(store.conn(), 2020).unwrap(),
        None,
    );
    let said = |doc: &khoi_thi_dua::report::document::Document| -> Vec<String> {
        doc.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(
        said(&default)
            .iter()
            .any(|p| p.starts_with("2. Tháng 6 năm 2020"))
    );
    with_midyear(&mut store);
    let plan = khoi_thi_dua::report::plan::plan_document(
        &all,
        &years::data(store.conn(), 2020).unwrap(),
        None,
    );
    let lines = said(&plan);
    let at = lines
        .iter()
        .position(|p| {
            p == "1. Ngày 15/06/2020: hạn các đơn vị gửi báo cáo kết quả 6 tháng đầu năm."
        })
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(
        lines[at + 1],
        "2. Ngày 10/07/2020: tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2020."
    );
    assert!(!lines.iter().any(|p| p.starts_with("2. Tháng 6 năm 2020")));
}
