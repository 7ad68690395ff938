#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::totals::compute;
use super::*;
use crate::domain::Indicator;
use proptest::prelude::*;

fn score(member: i64, criterion: i64, stage: Stage, value: f64) -> Score {
    Score::new(member, criterion, stage, value)
}

#[test]
fn the_template_is_marked_and_sound_and_sums_to_its_base() {
    let s = template_scheme(2020);
    assert!(s.template);
    s.check().unwrap();
    let base: f64 = s
        .children(None)
        .iter()
        .filter(|c| !matches!(c.code.as_str(), "VI" | "VII"))
        .map(|c| c.max)
        .sum();
    assert_eq!(base, s.base_total);
}

#[test]
fn bonuses_and_deductions_are_capped_and_a_total_may_exceed_the_base() {
    let s = template_scheme(2020);
    let mut scores = vec![];
    for id in [3, 4, 5, 6, 7, 8, 9] {
        scores.push(score(1, id, Stage::SelfScore, s.criterion(id).unwrap().max));
    }
    scores.push(score(1, 11, Stage::SelfScore, 15.0));
    scores.push(score(1, 14, Stage::SelfScore, 9.0)); // over the cap of 1,5: held to it
    let t = &compute(&s, &[1], &scores, Inputs::default())[0];
    let st = t.stage(Stage::SelfScore);
    assert_eq!(st.bonus, 15.0);
    assert_eq!(st.deductions, 1.5);
    // 70 typed (criterion 2 has no indicators) + 15 - 1,5
    assert!((st.total - 83.5).abs() < 1e-9, "{}", st.total);
    // Later stages start from the self-score.
    assert_eq!(t.stage(Stage::Final).total, st.total);
    assert!(!t.stage(Stage::Bloc).entered);
}

#[test]
fn the_bloc_stage_averages_the_other_members_cross_scores_capped_and_only_when_asked() {
    let mut s = template_scheme(2020);
    let max = s.criterion(4).unwrap().max;
    let by = |scorer: i64, value: f64| Score {
        scorer: Some(scorer),
        ..score(1, 4, Stage::Bloc, value)
    };
    // The member's own cross-score, should one reach the list, never counts; an average over
    // the standard is held to it.
    let scores = vec![
        score(1, 4, Stage::SelfScore, 10.0),
        by(2, max),
        by(3, max - 4.0),
        by(1, 0.0),
        Score {
            scorer: Some(2),
            ..score(3, 4, Stage::Bloc, max + 50.0)
        },
    ];
    let at = s.criteria.iter().position(|c| c.id == 4).unwrap();
    let bloc = |s: &Scheme, member: i64| {
        let t = &compute(s, &[member], &scores, Inputs::default())[0];
        (t.points[at][1], t.sources[at][1])
    };
    assert_eq!(bloc(&s, 1), (10.0, Source::Earlier), "not cross-scoring");
    s.cross_scoring = true;
    assert_eq!(bloc(&s, 1), (max - 2.0, Source::Averaged));
    assert_eq!(bloc(&s, 3), (max, Source::Averaged));
}

#[test]
fn quantitative_criteria_follow_the_indicators() {
    let stepped = Formula::Stepped {
        share: 0.5,
        full_at: 1.2,
    };
    assert_eq!(
        indicator_points(stepped, Some(100.0), Some(50.0), 10.0),
        Some(2.5)
    );
    assert_eq!(
        indicator_points(stepped, Some(100.0), Some(100.0), 10.0),
        Some(5.0)
    );
    assert_eq!(
        indicator_points(stepped, Some(100.0), Some(110.0), 10.0).map(round2),
        Some(7.5)
    );
    assert_eq!(
        indicator_points(stepped, Some(100.0), Some(200.0), 10.0),
        Some(10.0)
    );
    assert_eq!(
        indicator_points(Formula::Reached, Some(10.0), Some(9.0), 4.0),
        Some(0.0)
    );
    assert_eq!(
        indicator_points(Formula::Proportional, Some(0.0), Some(9.0), 4.0),
        None
    );
    let s = template_scheme(2020);
    let ind = |plan, result| Indicator {
        id: 0,
        year: 2020,
        member: 1,
        group: String::new(),
        name: "x".into(),
        unit: String::new(),
        plan: Some(plan),
        plan_text: String::new(),
        midyear: None,
        result: Some(result),
        note: String::new(),
        sort: 0,
        key: None,
    };
    let t = &compute(
        &s,
        &[1],
        &[],
        Inputs {
            indicators: &[ind(100.0, 50.0), ind(10.0, 10.0)],
            ..Inputs::default()
        },
    )[0];
    let i = s.criteria.iter().position(|c| c.id == 2).unwrap();
    assert_eq!(t.points[i][0], 22.5);
    assert_eq!(t.sources[i][0], super::totals::Source::Computed);
    assert!(
        !t.sent_self_score(),
        "computed points are not a self-score sent"
    );
}

#[test]
fn ties_are_broken_by_the_rules_in_order_then_shared() {
    let s = template_scheme(2020);
    // Members 1 and 2: 20 points each, 1 through group I, 2 through group II and a bonus.
    let scores = vec![
        score(1, 4, Stage::SelfScore, 20.0),
        score(2, 6, Stage::SelfScore, 10.0),
        score(2, 12, Stage::SelfScore, 10.0),
        score(3, 6, Stage::SelfScore, 10.0),
        score(3, 12, Stage::SelfScore, 10.0),
        score(4, 6, Stage::SelfScore, 30.0 - 5.0),
    ];
    let t = compute(&s, &[4, 2, 3, 1, 5], &scores, Inputs::default());
    let r = rank(&s, &t);
    let order: Vec<(i64, Option<usize>)> = r.rows.iter().map(|x| (x.member, x.rank)).collect();
    assert_eq!(
        order,
        vec![
            (1, Some(1)),
            (2, Some(2)),
            (3, Some(2)),
            (4, Some(4)),
            (5, None)
        ]
    );
    let name = |m: i64| format!("Sở {m}");
    assert_eq!(
        r.rows[0].explain(&s, name),
        "Bằng điểm với Sở 2; xếp trên vì điểm mục I cao hơn"
    );
    assert_eq!(r.rows[1].explain(&s, name), "Đồng hạng với Sở 3");
    assert_eq!(r.rows[4].explain(&s, name), "Không gửi bảng tự chấm điểm");
    assert_eq!(r.rows[4].classification, "Không xếp loại");
    assert_eq!(r.rows[0].classification, "Không hoàn thành nhiệm vụ");
}

#[test]
fn a_score_over_the_standard_or_the_cap_is_refused_with_the_reason() {
    let s = template_scheme(2020);
    let err = check_score(s.criterion(14).unwrap(), 2.0).unwrap_err();
    assert_eq!(err, "Tổng điểm trừ mục a1 không quá 1,5 điểm.");
    let err = check_score(s.criterion(3).unwrap(), 15.5).unwrap_err();
    assert_eq!(err, "Điểm vượt điểm chuẩn: mục 2 tối đa 15 điểm.");
    assert!(check_score(s.criterion(3).unwrap(), 15.0).is_ok());
}

#[test]
fn a_cycle_or_a_missing_parent_is_refused() {
    let mut s = template_scheme(2020);
    s.criteria[0].parent = Some(2);
    assert!(s.check().unwrap_err().contains("vòng lặp"));
    let mut s = template_scheme(2020);
    s.criteria[1].parent = Some(99);
    assert!(s.check().is_err());
}

/// A small random scheme: up to 3 groups, each with up to 5 leaves of any kind.
fn scheme_strategy() -> impl Strategy<Value = Scheme> {
    let leaf = (0u8..4, 0.0f64..30.0, 0.0f64..5.0, any::<bool>());
    (
        proptest::collection::vec(proptest::collection::vec(leaf, 0..5), 0..4),
        any::<bool>(),
        proptest::collection::vec(0u8..3, 0..3),
    )
        .prop_map(|(groups, may_exceed, ties)| {
            let mut s = template_scheme(2020);
            s.criteria.clear();
            s.may_exceed = may_exceed;
            let mut id = 0;
            for leaves in groups {
                id += 1;
                let g = id;
                s.criteria.push(Criterion {
                    id: g,
                    parent: None,
                    code: g.to_string(),
                    title: "Nhóm".into(),
                    max: 0.0,
                    kind: CriterionKind::Entered,
                    checker: String::new(),
                    evidence: String::new(),
                    sort: g,
                });
                for (kind, max, per, _) in leaves {
                    id += 1;
                    let kind = match kind {
                        0 => CriterionKind::Entered,
                        1 => CriterionKind::Bonus {
                            per,
                            award: String::new(),
                        },
                        2 => CriterionKind::Deduction { per },
                        _ => CriterionKind::Indicator {
                            indicator: String::new(),
                            formula: Formula::Proportional,
                        },
                    };
                    s.criteria.push(Criterion {
                        id,
                        parent: Some(g),
                        code: id.to_string(),
                        title: "Mục".into(),
                        max,
                        kind,
                        checker: String::new(),
                        evidence: String::new(),
                        sort: id,
                    });
                }
            }
            s.tie_breaks = ties
                .into_iter()
                .map(|t| match t {
                    0 => TieBreak::FewerDeductions,
                    1 => TieBreak::MoreBonus,
                    _ => TieBreak::GroupScore(1),
                })
                .filter(|t| !matches!(t, TieBreak::GroupScore(_)) || !s.criteria.is_empty())
                .collect();
            s
        })
}

proptest! {
    #[test]
    fn totals_are_the_capped_sum_of_their_parts_and_ranking_is_a_total_order(
        s in scheme_strategy(),
        raw in proptest::collection::vec((1i64..6, 1i64..25, 0usize..3, -5.0f64..40.0), 0..60),
    ) {
        let scores: Vec<Score> = raw.iter().map(|&(m, c, st, v)| score(m, c, Stage::ALL[st], v)).collect();
        // One score per cell, the last one given (as the store keeps it).
        let mut dedup: Vec<Score> = Vec::new();
        for sc in scores {
            dedup.retain(|d| (d.member, d.criterion, d.stage) != (sc.member, sc.criterion, sc.stage));
            dedup.push(sc);
        }
        let members = [1, 2, 3, 4, 5];
        let totals = compute(&s, &members, &dedup, Inputs::default());
        for t in &totals {
            let mut expected = 0.0;
            for c in s.criteria.iter().filter(|c| !s.has_children(c.id)) {
                let v = dedup.iter().find(|d| d.member == t.member && d.criterion == c.id && d.stage == Stage::SelfScore).map_or(0.0, |d| d.value.clamp(0.0, c.max));
                expected += if matches!(c.kind, CriterionKind::Deduction { .. }) { -v } else { v };
            }
            if !s.may_exceed {
                expected = expected.min(s.base_total);
            }
            prop_assert!((t.stage(Stage::SelfScore).total - expected).abs() < 1e-6);
        }
        let r = rank(&s, &totals);
        prop_assert_eq!(r.rows.len(), members.len());
        let ranks: Vec<usize> = r.rows.iter().filter_map(|x| x.rank).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        for (i, row) in r.rows.iter().enumerate() {
            if let Some(rank) = row.rank {
                prop_assert!(rank <= i + 1);
            }
            let _ = row.explain(&s, |m| m.to_string());
        }
        // Ranked before unranked; totals never increase down the ranked part.
        let ranked: Vec<&RankRow> = r.rows.iter().filter(|x| x.rank.is_some()).collect();
        prop_assert!(r.rows.iter().take(ranked.len()).all(|x| x.rank.is_some()));
        prop_assert!(ranked.windows(2).all(|w| round2(w[0].final_total) >= round2(w[1].final_total)));
        // The same input gives the same order (ties are stable).
        prop_assert_eq!(rank(&s, &totals), r);
    }
}
