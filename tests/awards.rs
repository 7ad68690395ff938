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
