use super::*;
use crate::domain::scoring::RankRow;
use proptest::prelude::*;

fn ranks(order: &[MemberId], unranked: &[MemberId]) -> Ranks {
    let mut rows: Vec<RankRow> = order
        .iter()
        .enumerate()
        .map(|(i, &m)| row(m, Some(i + 1), 90.0 - i as f64))
        .collect();
    rows.extend(unranked.iter().map(|&m| row(m, None, 0.0)));
    Ranks {
        ranking: Ranking { rows },
        scored: !order.is_empty(),
    }
}

fn row(member: MemberId, rank: Option<usize>, total: f64) -> RankRow {
    RankRow::plain(member, rank, total)
}

fn year_with(award: Award, nominees: &[MemberId], rounds: Vec<VoteRound>) -> YearAwards {
    YearAwards {
        nominations: nominees
            .iter()
            .enumerate()
            .map(|(i, &m)| Nomination {
                award: award.id,
                member: m,
                reason: String::new(),
                sort: i as i64,
                decision: Decision::default(),
            })
            .collect(),
        awards: vec![award],
        rounds,
        committee: Vec::new(),
    }
}

fn award(quota: Quota, percent: f64, of: VoteBase, strict: bool) -> Award {
    Award {
        id: 1,
        name: "Bằng khen".to_owned(),
        level: String::new(),
        basis: String::new(),
        quota,
        threshold: Threshold {
            percent,
            of,
            strict,
        },
        eligibility: Eligibility::Any,
        suggest: true,
        template: false,
        sort: 1,
    }
}

fn round(n: u32, present: u32, votes: &[(MemberId, u32)]) -> VoteRound {
    VoteRound {
        award: 1,
        round: n,
        members: 8,
        present,
        issued: present,
        returned: present,
        valid: present,
        votes: votes
            .iter()
            .map(|&(member, votes)| Votes { member, votes })
            .collect(),
    }
}

fn name(id: MemberId) -> String {
    format!("Đơn vị {id}")
}

#[test]
fn default_catalogue_has_the_three_awards_marked_as_template() {
    let c = default_catalogue();
    let names: Vec<&str> = c.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cờ thi đua của Chính phủ",
            "Cờ thi đua của UBND tỉnh",
            "Bằng khen của Chủ tịch UBND tỉnh"
        ]
    );
    assert!(c.iter().all(|a| a.template));
    let y = YearAwards {
        awards: c,
        ..YearAwards::default()
    };
    assert_eq!(y.check(&Ranks::default(), &name), Ok(()));
}

#[test]
fn strictly_above_half_refuses_exactly_half() {
    let t = Threshold {
        percent: 50.0,
        of: VoteBase::Present,
        strict: true,
    };
    assert!(!t.passes(4, 8));
    assert!(t.passes(5, 8));
    let at_least = Threshold { strict: false, ..t };
    assert!(at_least.passes(4, 8));
    assert!(!at_least.passes(3, 8));
    assert!(!t.passes(0, 0), "no one present: nobody passes");
}

#[test]
fn the_threshold_counts_against_members_or_present() {
    // 5 of 6 present is 83,3%; 5 of 8 members is 62,5%.
    let a = award(Quota::Count(1), 80.0, VoteBase::Members, false);
    let y = year_with(a.clone(), &[1], vec![round(1, 6, &[(1, 5)])]);
    assert_eq!(
        tally(&a, &y, 8).nominees[0].verdict,
        Verdict::BelowThreshold
    );
    let a = award(Quota::Count(1), 80.0, VoteBase::Present, false);
    let y = year_with(a.clone(), &[1], vec![round(1, 6, &[(1, 5)])]);
    let r = tally(&a, &y, 8);
    assert_eq!(r.nominees[0].verdict, Verdict::Proposed);
    assert_eq!(format_share(r.nominees[0].share.unwrap_or(0.0)), "83,3%");
}

#[test]
fn the_quota_takes_most_votes_first_and_flags_a_tie_at_its_edge() {
    let a = award(Quota::Count(2), 50.0, VoteBase::Present, true);
    let y = year_with(
        a.clone(),
        &[1, 2, 3, 4],
        vec![round(1, 8, &[(1, 6), (2, 8), (3, 6), (4, 3)])],
    );
    let r = tally(&a, &y, 8);
    let v: Vec<Verdict> = r.nominees.iter().map(|n| n.verdict).collect();
    assert_eq!(
        v,
        [
            Verdict::Tie,
            Verdict::Proposed,
            Verdict::Tie,
            Verdict::BelowThreshold
        ]
    );
    assert_eq!(r.proposed(), [2]);
    assert_eq!(r.open_tie(), [1, 3]);
    assert!(r.explain(a.threshold, &name).contains("vòng tiếp theo"));
    // A second round between the tied settles the last place.
    let y = year_with(
        a.clone(),
        &[1, 2, 3, 4],
        vec![
            round(1, 8, &[(1, 6), (2, 8), (3, 6), (4, 3)]),
            round(2, 8, &[(1, 5), (3, 3)]),
        ],
    );
    let r = tally(&a, &y, 8);
    assert_eq!(r.proposed(), [2, 1]);
    assert!(r.open_tie().is_empty());
    assert_eq!(
        r.nominee(3).map(|n| n.verdict),
        Some(Verdict::BelowThreshold)
    );
}

#[test]
fn a_quota_as_a_share_rounds_down() {
    assert_eq!(Quota::Share(20.0).count(8), 1);
    assert_eq!(Quota::Share(20.0).count(10), 2);
    assert_eq!(Quota::Share(20.0).count(4), 0);
    assert_eq!(Quota::Share(f64::NAN).count(8), 0);
}

#[test]
fn the_arithmetic_of_a_round_is_checked() {
    let mut r = round(1, 8, &[(1, 8)]);
    assert_eq!(r.check_arithmetic(), Ok(()));
    r.returned = 9;
    assert!(r.check_arithmetic().unwrap_err().contains("thu về (9)"));
    r.returned = 8;
    r.valid = 7;
    assert_eq!(
        r.check_arithmetic(),
        Err("Số phiếu đồng ý (8) nhiều hơn số phiếu hợp lệ (7).".to_owned())
    );
    assert_eq!(r.invalid(), 1);
}

#[test]
fn a_nominee_outside_the_rule_is_refused() {
    let mut a = award(Quota::Count(1), 50.0, VoteBase::Present, true);
    a.eligibility = Eligibility::Leading;
    let y = year_with(a, &[2], Vec::new());
    let err = y.check(&ranks(&[1, 2], &[3]), &name).unwrap_err();
    assert!(err.contains("không phải đơn vị dẫn đầu"), "{err}");
    assert_eq!(y.check(&ranks(&[2, 1], &[]), &name), Ok(()));
    let err = y.check(&Ranks::default(), &name).unwrap_err();
    assert!(err.contains("chưa có kết quả xếp hạng"), "{err}");
}

#[test]
fn votes_for_someone_not_nominated_are_refused() {
    let a = award(Quota::Count(1), 50.0, VoteBase::Present, true);
    let y = year_with(a, &[1], vec![round(1, 8, &[(2, 5)])]);
    let err = y.check(&ranks(&[1, 2], &[]), &name).unwrap_err();
    assert!(err.contains("không có trong danh sách đề nghị"), "{err}");
}

#[test]
fn suggestions_follow_the_ranking_leader_to_the_flag_next_to_bang_khen() {
    let y = YearAwards {
        awards: default_catalogue(),
        ..YearAwards::default()
    };
    let r = ranks(&[5, 3, 8, 1, 2], &[4]);
    let n = y.suggest(&r, 6, 2020);
    let got: Vec<(AwardId, MemberId)> = n.iter().map(|n| (n.award, n.member)).collect();
    assert_eq!(got, [(2, 5), (3, 3), (3, 8), (3, 1)]);
    assert!(n[0].reason.contains("Dẫn đầu"), "{}", n[0].reason);
    assert!(n[1].reason.contains("Xếp thứ 2"), "{}", n[1].reason);
    // Suggesting again adds nothing.
    let again = YearAwards {
        nominations: n.clone(),
        ..y.clone()
    }
    .suggest(&r, 6, 2020);
    assert_eq!(again, n);
    // Without a ranking nothing is suggested.
    assert!(y.suggest(&Ranks::default(), 6, 2020).is_empty());
}

#[test]
fn history_lists_each_year_with_its_outcome_and_decision() {
    let a = award(Quota::Count(1), 50.0, VoteBase::Present, true);
    let mut y1 = year_with(a.clone(), &[1], vec![round(1, 8, &[(1, 8)])]);
    y1.nominations[0].decision.number = "25/QĐ-UBND".to_owned();
    let y2 = year_with(a, &[1, 2], vec![round(1, 8, &[(1, 2), (2, 7)])]);
    let h = history(1, &[(2021, &y2, 8), (2020, &y1, 8)]);
    assert_eq!(h.len(), 2);
    assert_eq!((h[0].year, h[0].verdict), (2020, Verdict::Proposed));
    assert!(h[0].decision.received());
    assert_eq!((h[1].year, h[1].verdict), (2021, Verdict::BelowThreshold));
}

fn any_quota() -> impl Strategy<Value = Quota> {
    prop_oneof![
        (0u32..6).prop_map(Quota::Count),
        (1u32..=100).prop_map(|p| Quota::Share(f64::from(p))),
    ]
}

proptest! {
    /// The threshold agrees with exact integer arithmetic, both ways, for whole percentages.
    #[test]
    fn threshold_matches_integer_arithmetic(votes in 0u32..200, base in 0u32..200, p in 0u32..=100, strict: bool) {
        let t = Threshold { percent: f64::from(p), of: VoteBase::Present, strict };
        let (lhs, rhs) = (u64::from(votes) * 100, u64::from(p) * u64::from(base));
        let expected = base > 0 && if strict { lhs > rhs } else { lhs >= rhs };
        prop_assert_eq!(t.passes(votes, base), expected);
    }

    /// Whatever the votes: never more proposed than the quota; everyone proposed reached the
    /// threshold and has at least as many votes as anyone passed over in the same round; a tie
    /// is reported only between equal votes.
    #[test]
    fn the_quota_and_threshold_hold(
        quota in any_quota(),
        p in 0u32..=100,
        strict: bool,
        members in 1u32..20,
        votes in proptest::collection::vec(0u32..25, 0..10),
    ) {
        let a = award(quota, f64::from(p), VoteBase::Present, strict);
        let present = members;
        let ids: Vec<MemberId> = (1..=votes.len() as i64).collect();
        let counted: Vec<(MemberId, u32)> = ids.iter().zip(&votes).map(|(&m, &v)| (m, v.min(present))).collect();
        let y = year_with(a.clone(), &ids, vec![round(1, present, &counted)]);
        let r = tally(&a, &y, members as usize);
        let proposed = r.proposed();
        prop_assert!(proposed.len() <= r.quota);
        for n in &r.nominees {
            prop_assert_eq!(n.verdict.reached(), a.threshold.passes(n.votes, present));
            if n.verdict == Verdict::Proposed {
                for o in &r.nominees {
                    if matches!(o.verdict, Verdict::OverQuota | Verdict::Tie) {
                        prop_assert!(n.votes > o.votes || o.verdict == Verdict::OverQuota && n.votes >= o.votes);
                    }
                }
            }
        }
        let tied: Vec<u32> = r.nominees.iter().filter(|n| n.verdict == Verdict::Tie).map(|n| n.votes).collect();
        prop_assert!(tied.windows(2).all(|w| w[0] == w[1]));
        prop_assert!(tied.is_empty() || tied.len() >= 2);
        // Without a tie the quota is filled as far as nominees passed.
        if tied.is_empty() {
            let passed = r.nominees.iter().filter(|n| n.verdict.reached()).count();
            prop_assert_eq!(proposed.len(), passed.min(r.quota));
        }
        let _ = r.explain(a.threshold, &name);
    }

    /// Any figures, however wrong, give a message or an outcome, never a panic.
    #[test]
    fn nothing_panics(
        members in 0u32..50, present in 0u32..50, issued in 0u32..50, returned in 0u32..50,
        valid in 0u32..50, p in -10.0f64..200.0, share in -10.0f64..200.0,
        votes in proptest::collection::vec((0i64..6, 0u32..60), 0..8),
    ) {
        let a = award(Quota::Share(share), p, VoteBase::Members, false);
        let r = VoteRound {
            award: 1, round: 1, members, present, issued, returned, valid,
            votes: votes.iter().map(|&(member, votes)| Votes { member, votes }).collect(),
        };
        let y = year_with(a.clone(), &[1, 2, 3], vec![r.clone(), VoteRound { round: 2, ..r }]);
        let _ = y.check(&ranks(&[1, 2], &[3]), &name);
        let res = tally(&a, &y, members as usize);
        let _ = res.explain(a.threshold, &name);
        for n in &res.nominees {
            if let Some(s) = n.share {
                let _ = format_share(s);
            }
        }
    }
}
