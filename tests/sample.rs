//! The reference sample holds the article's facts, and only those.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::store::{Store, indicators, members, reports, years};

#[test]
fn the_sample_holds_the_2020_bloc_of_the_reference_article() {
    let mut store = Store::open_in_memory().unwrap();
    khoi_thi_dua::sample::fill(&mut store).unwrap();
    let conn = store.conn();
    let list = members::list(conn).unwrap();
    assert_eq!(list.len(), 8);
    assert_eq!(list[0].full_name_in(2020), "Sở Thông tin và Truyền thông");
    assert_eq!(list[0].short_name_in(2020), "Sở TT&TT");
    let data = years::data(conn, 2020).unwrap();
    assert_eq!(data.record.leader, Some(list[0].id));
    assert_eq!(data.record.next_leader, Some(list[1].id));
    assert_eq!(list[1].full_name_in(2020), "Ban Quản lý Khu kinh tế");
    assert_eq!(data.record.status, khoi_thi_dua::domain::YearStatus::Open);
    assert!(data.handovers.is_empty());
    assert_eq!(
        data.record.conference_venue,
        "Hội trường Sở Thông tin và Truyền thông tỉnh Hà Giang"
    );
    assert_eq!(data.attendees.len(), 9);
    assert!(
        data.attendees
            .iter()
            .any(|a| a.guest_body.contains("Ban Thi đua - Khen thưởng"))
    );

    let inds = indicators::list(conn, 2020).unwrap();
    let find = |name: &str| inds.iter().find(|i| i.name.contains(name)).unwrap();
    assert_eq!(find("Số video, tin bài").result, Some(1128.0));
    assert_eq!(find("Tổng diện tích").result, Some(3611.73));
    let forest = find("Trồng rừng mới");
    assert_eq!((forest.plan, forest.result), (Some(1498.3), Some(1463.0)));
    assert_eq!(
        khoi_thi_dua::text::number::format_percent(forest.percent_of_plan().unwrap()),
        "98%"
    );
    // Members the article gives no figures for have none.
    for m in [&list[1], &list[4], &list[5]] {
        assert!(
            inds.iter().all(|i| i.member != m.id),
            "{}",
            m.full_name_in(2020)
        );
    }
    let report = reports::get(conn, 2020, khoi_thi_dua::domain::ReportKind::YearEnd)
        .unwrap()
        .unwrap();
    assert_eq!(report.number, "01/BC-TTTT");
    assert!(report.sections.iter().any(|s| s.body.contains("3.611,73")));
    assert!(
        report
            .sections
            .iter()
            .any(|s| s.body.contains("16/12/2020"))
    );
}
