//! Award proposals in the store: the sample's default catalogue without nominations or votes,
//! suggestions from the ranking, refusals worded for the user, undo, the JSON round trip and
//! the handover (catalogue yes, nominations no).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::awards::{
    Verdict, VoteRound, Votes, YearAwards, default_catalogue, tally,
};
use khoi_thi_dua::edit::{Edit, History};
use khoi_thi_dua::store::{Store, awards, json};
mod common;

use common::{handover_args, run};

fn suggested(store: &Store) -> YearAwards {
    let aw = awards::get(store.conn(), 2020).unwrap();
    let ranks = awards::ranks(store.conn(), 2020).unwrap();
    YearAwards {
        nominations: aw.suggest(&ranks, 8, 2020),
        ..aw
    }
}

fn set(history: &mut History, store: &mut Store, aw: YearAwards) -> Result<(), String> {
    let edit = Edit::SetAwards {
        year: 2020,
        awards: aw,
        label: "bỏ phiếu",
    };
    history
        .apply(store, &edit)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn the_sample_has_the_default_catalogue_and_no_votes() {
    let store = common::sample_store();
    let aw = awards::get(store.conn(), 2020).unwrap();
    assert_eq!(aw.awards, default_catalogue());
    assert!(aw.nominations.is_empty() && aw.rounds.is_empty() && aw.committee.is_empty());
}

#[test]
fn nominations_from_the_ranking_votes_checked_and_undone() {
    let mut store = common::sample_store();
    common::score_sample_in_order(&mut store);
    // The members in the order of the ranking.
    let ranks = awards::ranks(store.conn(), 2020).unwrap();
    let ids: Vec<i64> = ranks.ranking.rows.iter().map(|r| r.member).collect();
    assert_eq!(ranks.rank(ids[0]), Some(1));
    let mut history = History::default();
    let aw = suggested(&store);
    // The leader for the province's flag, the next three for Bằng khen.
    let got: Vec<(i64, i64)> = aw.nominations.iter().map(|n| (n.award, n.member)).collect();
    assert_eq!(got, [(2, ids[0]), (3, ids[1]), (3, ids[2]), (3, ids[3])]);
    set(&mut history, &mut store, aw.clone()).unwrap();

    // The third is not the leading unit: refused for the province's flag.
    let mut wrong = aw.clone();
    wrong.nominations[1].award = 2;
    let err = set(&mut history, &mut store, wrong).unwrap_err();
    assert!(err.contains("không phải đơn vị dẫn đầu"), "{err}");

    let round = VoteRound {
        award: 3,
        round: 1,
        members: 8,
        present: 8,
        issued: 8,
        returned: 8,
        valid: 7,
        votes: vec![
            Votes {
                member: ids[1],
                votes: 7,
            },
            Votes {
                member: ids[2],
                votes: 4,
            },
            Votes {
                member: ids[3],
                votes: 8,
            },
        ],
    };
    let with = |r: VoteRound| YearAwards {
        rounds: vec![r],
        ..aw.clone()
    };
    let err = set(&mut history, &mut store, with(round.clone())).unwrap_err();
    assert_eq!(
        err,
        "“Bằng khen của Chủ tịch UBND tỉnh”, vòng 1: Số phiếu đồng ý (8) nhiều hơn số phiếu hợp lệ (7)."
    );
    let mut ok = round.clone();
    ok.votes[2].votes = 5;
    set(&mut history, &mut store, with(ok)).unwrap();
    let saved = awards::get(store.conn(), 2020).unwrap();
    let bk = saved.award(3).unwrap();
    let r = tally(bk, &saved, 8);
    // 4 of 8 present is not "trên 50%".
    assert_eq!(r.nominee(ids[2]).unwrap().verdict, Verdict::BelowThreshold);
    assert_eq!(r.proposed(), [ids[1], ids[3]]);

    history.undo(&mut store).unwrap();
    assert!(awards::get(store.conn(), 2020).unwrap().rounds.is_empty());
    history.undo(&mut store).unwrap();
    assert!(
        awards::get(store.conn(), 2020)
            .unwrap()
            .nominations
            .is_empty()
    );
}

#[test]
fn json_carries_the_awards_and_the_handover_copies_only_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi-2020.sqlite");
    {
        let mut store = Store::open(&db).unwrap();
        common::score_sample_in_order(&mut store);
        let mut aw = suggested(&store);
        aw.nominations[0].reason = "Cu\u{0309}a Khối".to_owned(); // typed with a combining mark
        store.write(|tx| awards::set(tx, 2020, &aw)).unwrap();
        let ex = json::export(store.conn(), None).unwrap();
        let text = json::to_string(&ex).unwrap();
        let back = json::parse(&text).unwrap();
        assert_eq!(
            back.years[0].awards,
            awards::get(store.conn(), 2020).unwrap()
        );
        assert_eq!(back.years[0].awards.nominations[0].reason, "Của Khối");
        // A file written before awards existed still reads, as no awards.
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value["years"][0].as_object_mut().unwrap().remove("awards");
        let old = json::parse(&value.to_string()).unwrap();
        assert!(old.years[0].awards.is_empty());
        // An unknown field inside is refused.
        value["years"][0]["awards"] = serde_json::json!({"ballots": []});
        let err = json::parse(&value.to_string()).unwrap_err().to_string();
        assert!(err.contains("ballots"), "{err}");
    }
    let out = dir.path().join("khoi-2021.sqlite");
    let o = run(
        dir.path(),
        &handover_args(&db, "Ban Quản lý Khu kinh tế", &out),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let next = Store::open(&out).unwrap();
    let aw = awards::get(next.conn(), 2021).unwrap();
    assert_eq!(aw.awards, default_catalogue());
    assert!(aw.nominations.is_empty());
    assert_eq!(awards::get(next.conn(), 2020).unwrap().nominations.len(), 4);
}

/// The sample, scored, with the suggested nominations, a counted round per award (the leader
/// 7 of 8; Bằng khen 6, 4 and 8 of 8 with 8 valid) and a counting committee, in `dir`.
fn voted_sample(dir: &std::path::Path) -> (std::path::PathBuf, Vec<String>) {
    use khoi_thi_dua::domain::Person;
    let db = common::sample(dir, "khoi-2020.sqlite");
    let mut store = Store::open(&db).unwrap();
    common::score_sample_in_order(&mut store);
    let mut aw = suggested(&store);
    let ids: Vec<i64> = aw.nominations.iter().map(|n| n.member).collect();
    let round = |award, votes: Vec<(i64, u32)>| VoteRound {
        award,
        round: 1,
        members: 8,
        present: 8,
        issued: 8,
        returned: 8,
        valid: 8,
        votes: votes
            .into_iter()
            .map(|(member, votes)| Votes { member, votes })
            .collect(),
    };
    aw.rounds = vec![
        round(2, vec![(ids[0], 7)]),
        round(3, vec![(ids[1], 6), (ids[2], 4), (ids[3], 8)]),
    ];
    let person = |name: &str, position: &str, unit: &str| Person {
        name: name.to_owned(),
        position: position.to_owned(),
        unit: unit.to_owned(),
    };
    aw.committee = vec![
        person(
            "Nguyễn Văn Kiểm",
            "Trưởng ban",
            "Chánh Văn phòng Sở Công Thương",
        ),
        person("Lê Thị Phiếu", "Thành viên", ""),
    ];
    store.write(|tx| awards::set(tx, 2020, &aw)).unwrap();
    let all = khoi_thi_dua::store::members::list(store.conn()).unwrap();
    let names = ids
        .iter()
        .map(|id| {
            all.iter()
                .find(|m| m.id == *id)
                .unwrap()
                .full_name_in(2020)
                .to_owned()
        })
        .collect();
    (db, names)
}

fn export(dir: &std::path::Path, db: &std::path::Path, document: &str) -> Option<String> {
    let pdf = dir.join(format!("{document}.pdf"));
    let mut args = common::export_pdf_args(db, &pdf);
    args.extend(["--document", document, "--embedded-font"]);
    common::run_ok(dir, &args);
    common::assert_pdf(&pdf);
    // -layout keeps a table's row on one line.
    common::tool_text("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

/// Words as pdftotext gives them, spaces and line breaks collapsed.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_dossier_reads_back_from_the_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let (db, names) = voted_sample(dir.path());
    let Some(proposal) = export(dir.path(), &db, "proposal") else {
        return;
    };
    let flat = squeeze(&proposal);
    for expected in [
        "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng thành tích xuất sắc",
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hà Giang",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; căn cứ Điều 26",
        "III. HỒ SƠ KÈM THEO",
        "Biên bản kiểm phiếu;",
        "Nơi nhận:",
        "TRƯỞNG KHỐI",
        "/TTr-TTTT",
    ] {
        assert!(
            flat.contains(expected),
            "“{expected}” missing from the tờ trình:\n{proposal}"
        );
    }
    // The law is cited once, however many awards name it.
    assert_eq!(
        flat.matches("Luật Thi đua, khen thưởng số 06/2022/QH15")
            .count(),
        2,
        "{flat}"
    );
    // Proposed: the leader (87,5%), and for Bằng khen 8 and 6 votes; 4 of 8 is not "trên 50%".
    let row = |name: &str| {
        // The table's row: it starts with its number.
        proposal
            .lines()
            .map(squeeze)
            .find(|l| l.contains(name) && l.starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or_default()
    };
    assert!(row(&names[0]).ends_with("1 7 87,5%"), "{}", row(&names[0]));
    assert!(row(&names[3]).ends_with("4 8 100%"), "{}", row(&names[3]));
    assert!(
        flat.contains(&format!(
            "Bằng khen của Chủ tịch UBND tỉnh cho {}",
            names[3]
        )),
        "{flat}"
    );
    assert!(!flat.contains(&format!(
        "Bằng khen của Chủ tịch UBND tỉnh cho {} và {}",
        names[3], names[2]
    )));

    // The news item tells the ranking's leader and the proposals.
    let news = dir.path().join("tin.txt");
    let mut args = common::export_pdf_args(&db, &news);
    args.extend(["--document", "news"]);
    common::run_ok(dir.path(), &args);
    let news = squeeze(&std::fs::read_to_string(&news).unwrap());
    for expected in [
        format!(
            "Hội nghị đã thống nhất kết quả chấm điểm, xếp hạng thi đua năm 2020: {} dẫn đầu phong trào thi đua của Khối.",
            names[0]
        ),
        "Qua bình xét, bỏ phiếu kín".to_owned(),
        format!("Bằng khen của Chủ tịch UBND tỉnh cho {}", names[3]),
    ] {
        assert!(
            news.contains(&expected),
            "“{expected}” missing from:\n{news}"
        );
    }

    let count = export(dir.path(), &db, "vote-count").unwrap_or_default();
    let flat = squeeze(&count);
    for expected in [
        "BIÊN BẢN KIỂM PHIẾU",
        "Nguyễn Văn Kiểm, Chánh Văn phòng Sở Công Thương: Trưởng ban;",
        "Lê Thị Phiếu: Thành viên.",
        "có mặt 8/8 thành viên; số phiếu phát ra 8, thu về 8, hợp lệ 8, không hợp lệ 0",
        "TRƯỞNG BAN",
        "Lê Thị Phiếu",
    ] {
        assert!(
            flat.contains(expected),
            "“{expected}” missing from the vote count:\n{count}"
        );
    }
    assert!(
        squeeze(count.lines().find(|l| l.contains(&names[2])).unwrap_or(""))
            .ends_with("4 50% Không đạt"),
        "{count}"
    );

    let minutes = export(dir.path(), &db, "review-minutes").unwrap_or_default();
    let flat = squeeze(&minutes);
    for expected in [
        "Họp bình xét, suy tôn đề nghị khen thưởng năm 2020",
        "Hạng 1:",
        "cần đạt trên 50% số thành viên có mặt",
        "IV. KẾT LUẬN",
        "THƯ KÝ",
        "CHỦ TỌA",
    ] {
        assert!(
            flat.contains(expected),
            "“{expected}” missing from the review minutes:\n{minutes}"
        );
    }
    // The ballot: every nominee under its award, two boxes each, and nowhere to sign.
    let ballot = export(dir.path(), &db, "ballot").unwrap_or_default();
    let flat = squeeze(&ballot);
    for expected in [
        "PHIẾU BẦU",
        "Phiếu không ghi tên người bầu",
        "Cờ thi đua của UBND tỉnh (đồng ý tối đa 1 đơn vị)",
        "Bằng khen của Chủ tịch UBND tỉnh (đồng ý tối đa",
        "Đồng ý",
        "Không đồng ý",
    ] {
        assert!(
            flat.contains(expected),
            "“{expected}” missing from the ballot:\n{ballot}"
        );
    }
    for name in &names {
        assert!(
            flat.contains(name.as_str()),
            "{name} missing from the ballot:\n{ballot}"
        );
    }
    assert!(
        !flat.contains("Nơi nhận") && !flat.contains("Số:"),
        "{ballot}"
    );
    // Two ballots to a landscape A4 sheet, each at A5, to cut.
    assert_eq!(flat.matches("PHIẾU BẦU").count(), 2, "{ballot}");
    let info = common::tool_text("pdfinfo", &[common::s(&dir.path().join("ballot.pdf"))])
        .unwrap_or_default();
    let size = info
        .lines()
        .find(|l| l.starts_with("Page size:"))
        .unwrap_or_default();
    assert!(size.contains("841.89 x 595.276"), "{size}");
    // The conference minutes record the vote too.
    let conference = export(dir.path(), &db, "minutes").unwrap_or_default();
    assert!(
        squeeze(&conference).contains("Hội nghị thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Cờ thi đua của UBND tỉnh cho"),
        "{conference}"
    );
}

#[test]
fn a_tie_at_the_quota_edge_refuses_the_proposal_until_a_further_round() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = voted_sample(dir.path());
    {
        let mut store = Store::open(&db).unwrap();
        let mut aw = awards::get(store.conn(), 2020).unwrap();
        // Bằng khen for one only, and all three nominees with 6 votes.
        aw.awards[2].quota = khoi_thi_dua::domain::awards::Quota::Count(1);
        for v in &mut aw.rounds[1].votes {
            v.votes = 6;
        }
        store.write(|tx| awards::set(tx, 2020, &aw)).unwrap();
    }
    let pdf = dir.path().join("totrinh.pdf");
    let mut args = common::export_pdf_args(&db, &pdf);
    args.extend(["--document", "proposal"]);
    let o = run(dir.path(), &args);
    assert_eq!(o.status.code(), Some(1));
    let err = common::stderr(&o);
    assert!(err.contains("Còn bằng phiếu ở suất cuối cùng"), "{err}");
    assert!(err.contains("vòng tiếp theo"), "{err}");
    assert!(!pdf.exists());
}
