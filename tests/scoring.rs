//! Scoring in the store: the sample's template without scores, cells refused over their cap,
//! undo of every scoring edit, the JSON round trip, the handover (scheme yes, scores no) and
//! "Chép bảng điểm năm trước".

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::members_in;
use khoi_thi_dua::domain::scoring::{
    Inputs, Score, ScoreChange, Source, Stage, compute, template_scheme,
};
use khoi_thi_dua::edit::{Edit, History};
use khoi_thi_dua::store::{Store, conference, json, members, scoring};
mod common;

use common::{handover_args, run};

fn cell(member: i64, criterion: i64, stage: Stage, value: f64) -> ScoreChange {
    ScoreChange::set(Score {
        note: "Theo báo cáo".to_owned(),
        ..Score::new(member, criterion, stage, value)
    })
}

/// A score `scorer` gives `member` in cross-scoring.
fn cross(scorer: i64, member: i64, criterion: i64, value: f64) -> ScoreChange {
    ScoreChange::set(Score {
        scorer: Some(scorer),
        ..Score::new(member, criterion, Stage::Bloc, value)
    })
}

fn first_members(store: &Store, n: usize) -> Vec<i64> {
    let all = members::list(store.conn()).unwrap();
    members_in(&all, 2020)
        .iter()
        .take(n)
        .map(|m| m.id)
        .collect()
}

#[test]
fn the_sample_has_the_template_and_no_scores() {
    let store = common::sample_store();
    let s = scoring::get(store.conn(), 2020).unwrap();
    let scheme = s.scheme.unwrap();
    assert!(scheme.template);
    assert_eq!(scheme, template_scheme(2020));
    assert!(s.scores.is_empty());
}

#[test]
fn scores_over_the_cap_are_refused_and_every_edit_undoes() {
    let mut store = common::sample_store();
    let mut history = History::default();
    let m = first_members(&store, 2);
    let edit = Edit::SetScores {
        year: 2020,
        changes: vec![cell(m[0], 14, Stage::SelfScore, 2.0)],
    };
    let err = history.apply(&mut store, &edit).unwrap_err();
    assert_eq!(err.to_string(), "Tổng điểm trừ mục a1 không quá 1,5 điểm.");
    let edit = Edit::SetScores {
        year: 2020,
        changes: vec![
            cell(m[0], 4, Stage::SelfScore, 20.0),
            cell(m[1], 4, Stage::Bloc, 18.5),
        ],
    };
    history.apply(&mut store, &edit).unwrap();
    assert_eq!(scoring::scores(store.conn(), 2020).unwrap().len(), 2);
    // Removing a criterion removes its scores; undo brings both back.
    let mut scheme = template_scheme(2020);
    scheme.criteria.retain(|c| c.id != 4);
    history
        .apply(
            &mut store,
            &Edit::SetScheme {
                year: 2020,
                scheme: Some(scheme),
            },
        )
        .unwrap();
    assert!(scoring::scores(store.conn(), 2020).unwrap().is_empty());
    history.undo(&mut store).unwrap();
    assert_eq!(scoring::scores(store.conn(), 2020).unwrap().len(), 2);
    assert_eq!(
        scoring::scheme(store.conn(), 2020).unwrap().unwrap(),
        template_scheme(2020)
    );
    history.undo(&mut store).unwrap();
    assert!(scoring::scores(store.conn(), 2020).unwrap().is_empty());
    history.redo(&mut store).unwrap();
    let scores = scoring::scores(store.conn(), 2020).unwrap();
    assert_eq!(scores[0].note, "Theo báo cáo");
}

#[test]
fn cross_scoring_averages_the_other_members_scores_and_never_the_members_own() {
    let mut store = common::sample_store();
    let mut history = History::default();
    let m = first_members(&store, 3);
    let mut scheme = template_scheme(2020);
    scheme.cross_scoring = true;
    let set_scheme = Edit::SetScheme {
        year: 2020,
        scheme: Some(scheme.clone()),
    };
    history.apply(&mut store, &set_scheme).unwrap();
    // A member does not cross-score itself, and only the bloc's stage is cross-scored.
    for (bad, reason) in [
        (cross(m[2], m[2], 4, 20.0), "không chấm chéo cho chính mình"),
        (
            ScoreChange::set(Score {
                scorer: Some(m[0]),
                ..Score::new(m[2], 4, Stage::Final, 10.0)
            }),
            "chỉ có ở giai đoạn khối chấm",
        ),
        (cross(9_999, m[2], 4, 10.0), "không có đơn vị nào như vậy"),
    ] {
        let edit = Edit::SetScores {
            year: 2020,
            changes: vec![bad],
        };
        let err = history.apply(&mut store, &edit).unwrap_err().to_string();
        assert!(err.contains(reason), "{err}");
    }
    let edit = Edit::SetScores {
        year: 2020,
        changes: vec![
            cell(m[2], 4, Stage::SelfScore, 20.0),
            cross(m[0], m[2], 4, 18.0),
            cross(m[1], m[2], 4, 15.0),
        ],
    };
    history.apply(&mut store, &edit).unwrap();
    let bloc_points = |store: &Store| {
        let year = scoring::get(store.conn(), 2020).unwrap();
        let scheme = year.scheme.unwrap();
        let at = scheme.criteria.iter().position(|c| c.id == 4).unwrap();
        let t = &compute(&scheme, &[m[2]], &year.scores, Inputs::default())[0];
        (
            t.points[at][Stage::Bloc as usize],
            t.sources[at][Stage::Bloc as usize],
            t.points[at][Stage::Final as usize],
        )
    };
    assert_eq!(bloc_points(&store), (16.5, Source::Averaged, 16.5));
    // JSON carries who gave each cross-score.
    let text = json::to_string(&json::export(store.conn(), None).unwrap()).unwrap();
    assert!(text.contains("\"scorer\""), "the export names the scorer");
    let mut copy = Store::open_in_memory().unwrap();
    json::import(&mut copy, &json::parse(&text).unwrap()).unwrap();
    assert_eq!(
        scoring::get(copy.conn(), 2020).unwrap(),
        scoring::get(store.conn(), 2020).unwrap()
    );
    // The bloc's own appraisal, when typed, replaces the average.
    let edit = Edit::SetScores {
        year: 2020,
        changes: vec![cell(m[2], 4, Stage::Bloc, 19.0)],
    };
    history.apply(&mut store, &edit).unwrap();
    assert_eq!(bloc_points(&store), (19.0, Source::Entered, 19.0));
    history.undo(&mut store).unwrap();
    history.undo(&mut store).unwrap();
    assert_eq!(bloc_points(&store).1, Source::Empty);
    // Without cross-scoring the given scores stay but count for nothing.
    history.redo(&mut store).unwrap();
    scheme.cross_scoring = false;
    let edit = Edit::SetScheme {
        year: 2020,
        scheme: Some(scheme),
    };
    history.apply(&mut store, &edit).unwrap();
    assert_eq!(bloc_points(&store), (20.0, Source::Earlier, 20.0));
}

#[test]
fn a_bonus_tied_to_an_award_counts_what_the_member_received_the_year_before() {
    let mut store = common::sample_store();
    let m = first_members(&store, 2);
    // The province's flag for 2020 came back with its decision for the first member; the
    // second was nominated but no decision is recorded.
    store
        .write(|tx| {
            let flag: i64 = tx.query_row(
                "SELECT id FROM award WHERE year = 2020 AND name = 'Cờ thi đua của UBND tỉnh'",
                [],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO nomination (year, award_id, member_id, sort, decision_number)
                 VALUES (2020, ?1, ?2, 1, '25/QĐ-UBND'), (2020, ?1, ?3, 2, '')",
                [flag, m[0], m[1]],
            )?;
            Ok(())
        })
        .unwrap();
    common::open_next_year(&mut store, 2021);
    let mut history = History::default();
    history
        .apply(&mut store, &Edit::CopyPreviousScheme(2021))
        .unwrap();
    let data = khoi_thi_dua::store::years::data(store.conn(), 2021).unwrap();
    let scheme = data.scoring.scheme.as_ref().unwrap();
    let at = scheme.criteria.iter().position(|c| c.id == 12).unwrap();
    let totals = compute(scheme, &m, &data.scoring.scores, Inputs::of(&data));
    assert_eq!(
        (totals[0].points[at][0], totals[0].sources[at][0]),
        (10.0, Source::Computed)
    );
    assert_eq!(totals[1].sources[at][0], Source::Empty);
    assert_eq!(totals[0].stage(Stage::Final).bonus, 10.0);
}

#[test]
fn json_carries_the_scheme_and_the_scores() {
    let mut store = common::sample_store();
    let m = first_members(&store, 1);
    store
        .write(|tx| scoring::set_scores(tx, 2020, &[cell(m[0], 11, Stage::Final, 15.0)]))
        .unwrap();
    let text = json::to_string(&json::export(store.conn(), None).unwrap()).unwrap();
    assert!(text.contains("\"scoring\""), "the export names the scoring");
    let mut copy = Store::open_in_memory().unwrap();
    json::import(&mut copy, &json::parse(&text).unwrap()).unwrap();
    assert_eq!(
        scoring::get(copy.conn(), 2020).unwrap(),
        scoring::get(store.conn(), 2020).unwrap()
    );
}

#[test]
fn the_handover_copies_the_scheme_but_not_the_scores() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        let m = first_members(&store, 1);
        store
            .write(|tx| scoring::set_scores(tx, 2020, &[cell(m[0], 3, Stage::SelfScore, 12.0)]))
            .unwrap();
    }
    let out = dir.path().join("khoi-2021.sqlite");
    let o = run(
        dir.path(),
        &handover_args(&db, "Ban Quản lý Khu kinh tế", &out),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let next = Store::open(&out).unwrap();
    let s = scoring::get(next.conn(), 2021).unwrap();
    let scheme = s.scheme.unwrap();
    assert_eq!(scheme.criteria, template_scheme(2021).criteria);
    assert!(scheme.name.contains("2021"), "{}", scheme.name);
    assert!(s.scores.is_empty());
    assert_eq!(scoring::scores(next.conn(), 2020).unwrap().len(), 1);
}

#[test]
fn last_years_scheme_is_copied_within_a_file_and_undone() {
    let mut store = common::sample_store();
    common::open_next_year(&mut store, 2021);
    let mut history = History::default();
    history
        .apply(&mut store, &Edit::CopyPreviousScheme(2021))
        .unwrap();
    assert!(scoring::scheme(store.conn(), 2021).unwrap().is_some());
    history.undo(&mut store).unwrap();
    assert!(scoring::scheme(store.conn(), 2021).unwrap().is_none());
    let err = history
        .apply(&mut store, &Edit::CopyPreviousScheme(2020))
        .unwrap_err();
    assert_eq!(err.to_string(), "Năm 2019 chưa có bảng điểm để chép.");
}

/// A 124,4/100 self-score for Sở TT&TT (bonuses take it past the base), written to `db`.
fn score_past_the_base(db: &std::path::Path) {
    let mut store = Store::open(db).unwrap();
    let m = first_members(&store, 2);
    let mut changes: Vec<ScoreChange> = [
        (2, 29.4),
        (3, 15.0),
        (4, 25.0),
        (5, 10.0),
        (6, 10.0),
        (7, 5.0),
        (8, 3.0),
        (9, 2.0),
        (11, 15.0),
        (12, 10.0),
    ]
    .into_iter()
    .map(|(c, v)| cell(m[0], c, Stage::SelfScore, v))
    .collect();
    changes.push(cell(m[1], 4, Stage::SelfScore, 20.0));
    changes.push(cell(m[1], 14, Stage::SelfScore, 1.0));
    store
        .write(|tx| scoring::set_scores(tx, 2020, &changes))
        .unwrap();
}

#[test]
fn with_cross_scoring_and_the_secretariat_signing_the_ranked_table_says_so_and_has_two_signatures()
{
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    score_past_the_base(&db);
    {
        let mut store = Store::open(&db).unwrap();
        let mut scheme = scoring::scheme(store.conn(), 2020).unwrap().unwrap();
        scheme.cross_scoring = true;
        scheme.secretariat_signs = true;
        store
            .write(|tx| {
                scoring::set_scheme(tx, 2020, Some(&scheme))?;
                let mut conf =
                    conference::get(tx, 2020, khoi_thi_dua::domain::ReportKind::YearEnd)?;
                conf.secretary.name = "Lê Thị Thư Ký".to_owned();
                conference::set(tx, 2020, khoi_thi_dua::domain::ReportKind::YearEnd, &conf)
            })
            .unwrap();
    }
    let out = dir.path().join("xep-hang.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "scores"]);
    common::run_ok(dir.path(), &args);
    let Some(raw) = common::tool_text("pdftotext", &[common::s(&out), "-"]) else {
        return;
    };
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "kết quả chấm chéo giữa các đơn vị",
        "THƯ KÝ KHỐI",
        "Lê Thị Thư Ký",
        "TRƯỞNG KHỐI",
    ] {
        assert!(words.contains(expected), "missing “{expected}” in:\n{raw}");
    }
}

#[test]
fn the_ranked_table_reads_back_from_the_pdf_landscape_with_its_header_and_signature() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    score_past_the_base(&db);
    let out = dir.path().join("xep-hang.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "scores"]);
    let printed = common::run_ok(dir.path(), &args);
    assert!(
        printed.contains("bảng tổng hợp kết quả chấm điểm"),
        "{printed}"
    );
    let Some(text) = common::tool_text("pdftotext", &["-layout", common::s(&out), "-"]) else {
        return;
    };
    // Reading order (cells whole), for phrases a wrapped cell splits in the layout view.
    let raw = common::tool_text("pdftotext", &[common::s(&out), "-"]).unwrap();
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KHỐI KINH TẾ NGÀNH",
        "BẢNG TỔNG HỢP",
        "Kết quả chấm điểm, xếp hạng thi đua năm 2020",
        "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "124,4",
        "TRƯỞNG KHỐI",
        "Không xếp loại",
        "Không gửi bảng tự chấm điểm",
    ] {
        assert!(words.contains(expected), "missing “{expected}” in:\n{text}");
    }
    // Ranked first, the leader of the bloc's movement; the second with its deduction.
    let line = text.lines().find(|l| l.contains("124,4")).unwrap();
    assert!(line.contains("Sở Thông tin và Truyền thông"), "{line}");
    assert!(line.trim_end().ends_with(" 1"), "ranked first: {line}");
    assert!(words.contains("Hoàn thành xuất sắc nhiệm vụ"), "{text}");
    let second = text
        .lines()
        .find(|l| l.contains("Ban Quản lý Khu kinh tế"))
        .unwrap();
    assert!(second.contains("19"), "{second}");
    let info = common::tool_text("pdfinfo", &[common::s(&out)]).unwrap();
    assert!(info.contains("841.89 x 595.276"), "landscape A4: {info}");
}

#[test]
fn a_members_sheet_and_the_blank_form_export_and_a_stranger_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    score_past_the_base(&db);
    let sheet = dir.path().join("bang-diem.pdf");
    let mut args = common::export_pdf_args(&db, &sheet);
    args.extend(["--document", "score-sheet", "--member", "Sở TT&TT"]);
    common::run_ok(dir.path(), &args);
    let form = dir.path().join("mau.pdf");
    let mut args = common::export_pdf_args(&db, &form);
    args.extend(["--document", "score-form"]);
    common::run_ok(dir.path(), &args);
    if let Some(text) = common::tool_text("pdftotext", &["-layout", common::s(&sheet), "-"]) {
        assert!(text.contains("của Sở Thông tin và Truyền thông"), "{text}");
        assert!(text.contains("29,4"), "{text}");
        assert!(!text.contains("Ban Quản lý"), "{text}");
    }
    if let Some(text) = common::tool_text("pdftotext", &["-layout", common::s(&form), "-"]) {
        assert!(text.contains("BẢNG TỰ CHẤM ĐIỂM"), "{text}");
        assert!(text.contains("Cờ thi đua của Chính phủ"), "{text}");
        assert!(!text.contains("29,4"), "the form is blank: {text}");
    }
    let out = dir.path().join("x.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "score-sheet", "--member", "Sở Không Có"]);
    let o = common::run(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "report", "--member", "Sở TT&TT"]);
    let o = common::run(dir.path(), &args);
    assert!(
        common::stderr(&o).contains("--member chỉ dùng với"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn the_report_and_the_minutes_carry_the_ranking_once_the_bloc_has_scored() {
    use khoi_thi_dua::report::document::Block;
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    let unscored = {
        let store = Store::open(&db).unwrap();
        let all = members::list(store.conn()).unwrap();
        let data = khoi_thi_dua::store::years::data(store.conn(), 2020).unwrap();
        khoi_thi_dua::report::compose::compose_draft(&all, &data)
    };
    assert!(
        unscored
            .sections
            .iter()
            .all(|s| !s.body.contains("xếp hạng thi đua")),
        "the sample has no scores, so its report says nothing of them"
    );
    score_past_the_base(&db);
    let store = Store::open(&db).unwrap();
    let all = members::list(store.conn()).unwrap();
    let data = khoi_thi_dua::store::years::data(store.conn(), 2020).unwrap();
    let draft = khoi_thi_dua::report::compose::compose_draft(&all, &data);
    let body: String = draft.sections.iter().map(|s| s.body.as_str()).collect();
    assert!(
        body.contains("Kết quả chấm điểm, xếp hạng thi đua năm 2020: Sở Thông tin và Truyền thông dẫn đầu phong trào thi đua của Khối với 124,4 điểm"),
        "{body}"
    );
    assert!(body.contains("6 đơn vị không xếp loại"), "{body}");
    let doc = khoi_thi_dua::report::summary::report_document(&all, &data, &draft);
    assert!(doc.appendices.iter().any(|b| matches!(b,
        Block::Table(t) if t.title.as_deref() == Some("PHỤ LỤC: KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2020") && t.landscape)));
    let minutes = khoi_thi_dua::report::conference::minutes_document(&all, &data);
    let text: Vec<&str> = minutes
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        text.contains(&"Hội nghị thống nhất kết quả chấm điểm, xếp hạng thi đua năm 2020 như sau:")
    );
    assert!(
        text.contains(
            &"- Hạng 1: Sở Thông tin và Truyền thông (124,4 điểm, hoàn thành xuất sắc nhiệm vụ)."
        ),
        "{text:?}"
    );
}
