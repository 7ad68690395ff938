//! Writes a deterministic bloc file of any size, for benchmarks and trials:
//!
//!     cargo run --release --example synthetic -- OUT.sqlite --members 40 --years 20 --indicators 300 [--criteria 120]
//!
//! Realistic Vietnamese member names and indicators, every year but the last handed over,
//! a composed report per year signed by the leader's head, a score sheet per year (the
//! template, or `--criteria N` criteria in groups of ten) with self, bloc and agreed scores for
//! every member but one (which sends no self-score, so "không xếp loại" shows), the conference's
//! chair and secretary, and the award proposals: the default catalogue, nominations from the
//! ranking, a vote round per award, the counting committee, and the province's decisions for
//! the years handed over. `--indicators` is per member and year.

use khoi_thi_dua::domain::awards::{VoteRound, Votes, YearAwards, default_catalogue};
use khoi_thi_dua::domain::scoring::{
    Criterion, CriterionKind, Formula, Scheme, Score, ScoreChange, Stage, TieBreak, round2,
    template_scheme,
};
use khoi_thi_dua::domain::{Conference, Person};
use khoi_thi_dua::domain::{Indicator, Member, MemberId, MemberName, YearRecord, YearStatus};
use khoi_thi_dua::store::{
    Store, awards, conference, indicators, members, reports, scoring, years,
};
use std::process::ExitCode;

mod common;

use common::arg;

const UNITS: &[&str] = &[
    "Sở Thông tin và Truyền thông",
    "Ban Quản lý Khu kinh tế",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Khoa học và Công nghệ",
    "Sở Tài nguyên và Môi trường",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội",
];

const INDICATORS: &[(&str, &str)] = &[
    (
        "Tin bài tuyên truyền trên cổng thông tin điện tử",
        "tin bài",
    ),
    ("Diện tích trồng rừng mới", "ha"),
    ("Dự án được giao đất, cho thuê đất", "dự án"),
    ("Km đường giao thông nông thôn được cứng hóa", "km"),
    ("Doanh nghiệp được hỗ trợ chuyển đổi số", "doanh nghiệp"),
    ("Hồ sơ thủ tục hành chính giải quyết đúng hạn", "hồ sơ"),
    (
        "Lượt người được tuyên truyền, phổ biến pháp luật",
        "lượt người",
    ),
    ("Nhãn hiệu tập thể được bảo hộ", "nhãn hiệu"),
    ("Vốn đầu tư công giải ngân", "triệu đồng"),
    ("Công trình xây dựng được cấp phép", "công trình"),
];

fn main() -> ExitCode {
    common::main_with(run)
}

fn run() -> Result<(), String> {
    let (args, out) = common::args_with_file(
        "cách dùng: synthetic OUT.sqlite [--members N] [--years N] [--indicators N] [--criteria N]",
    )?;
    let n_members = arg(&args, "--members", 40)?;
    let n_years = arg(&args, "--years", 20)?;
    let n_indicators = arg(&args, "--indicators", 300)?;
    let n_criteria = arg(&args, "--criteria", 0)?;
    if out.exists() {
        return Err(format!("tệp “{}” đã có", out.display()));
    }
    let mut store = Store::open(&out).map_err(|e| e.to_string())?;
    let first_year = 2026 - n_years as i32;
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: deterministic, no dependency.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let ids = store
        .write(|tx| {
            let mut ids = Vec::new();
            for i in 0..n_members {
                let base = UNITS[i % UNITS.len()];
                let full = if i < UNITS.len() {
                    base.to_owned()
                } else {
                    format!("{base} (đơn vị {})", i / UNITS.len() + 1)
                };
                ids.push(members::insert(
                    tx,
                    &Member {
                        id: 0,
                        position: 0,
                        joined_year: first_year,
                        left_year: None,
                        merged_into: None,
                        head_name: format!("Nguyễn Văn {}", (b'A' + (i % 26) as u8) as char),
                        head_title: "Giám đốc".into(),
                        contact_name: String::new(),
                        phone: format!("0219 38{:05}", i),
                        email: String::new(),
                        names: vec![MemberName {
                            from_year: first_year,
                            full_name: full,
                            short_name: String::new(),
                            abbreviation: format!("DV{}", i + 1),
                        }],
                    },
                )?);
            }
            Ok(ids)
        })
        .map_err(|e| e.to_string())?;
    for y in 0..n_years {
        let year = first_year + y as i32;
        let leader = ids[y % ids.len()];
        store
            .write(|tx| {
                let mut rec = YearRecord::new(year, "Khối Kinh tế ngành", "tỉnh Hà Giang", "Hà Giang");
                rec.leader = Some(leader);
                rec.next_leader = Some(ids[(y + 1) % ids.len()]);
                rec.conference_date = chrono::NaiveDate::from_ymd_opt(year, 12, 16);
                rec.conference_venue = "Hội trường Sở Thông tin và Truyền thông".into();
                years::insert(tx, &rec)?;
                for (m, &member) in ids.iter().enumerate() {
                    for k in 0..n_indicators {
                        let (name, unit) = INDICATORS[(k + m) % INDICATORS.len()];
                        // Whole hundredths, as a person types them (adding 1.0 after dividing
                        // gave values such as 8,559999999999999).
                        let plan = ((next() % 500_000) + 100) as f64 / 100.0;
                        let result = plan * ((next() % 40) as f64 + 80.0) / 100.0;
                        indicators::insert(
                            tx,
                            &Indicator {
                                id: 0,
                                year,
                                member,
                                group: format!("Nhóm {}", k / 25 + 1),
                                name: format!("{name} (mục {})", k + 1),
                                unit: unit.into(),
                                plan: Some(plan),
                                plan_text: String::new(),
                                midyear: None,
                                result: Some((result * 100.0).round() / 100.0),
                                note: String::new(),
                                sort: k as i64,
                                key: None,
                            },
                        )?;
                    }
                    years::set_narrative(
                        tx,
                        year,
                        member,
                        "Hoàn thành tốt các chỉ tiêu, nhiệm vụ được giao; tổ chức nhiều phong trào thi đua thiết thực.",
                    )?;
                }
                let scheme = if n_criteria == 0 {
                    template_scheme(year)
                } else {
                    scheme_of(year, n_criteria)
                };
                scoring::set_scheme(tx, year, Some(&scheme))?;
                let changes = scores_for(&scheme, &ids, &mut next);
                scoring::set_scores(tx, year, &changes)?;
                let all = members::list(tx)?;
                let head = |id: MemberId| {
                    all.iter()
                        .find(|m| m.id == id)
                        .map_or(String::new(), |m| m.head_name.clone())
                };
                let leader_name = all
                    .iter()
                    .find(|m| m.id == leader)
                    .map_or(String::new(), |m| m.full_name_in(year).to_owned());
                conference::set(
                    tx,
                    year, khoi_thi_dua::domain::ReportKind::YearEnd,
                    &Conference {
                        start_time: "14:00".into(),
                        end_time: "17:00".into(),
                        chair: Person {
                            name: head(leader),
                            position: "Giám đốc".into(),
                            unit: leader_name.clone(),
                        },
                        secretary: Person {
                            name: format!("Trần Thị {}", (b'A' + (y % 26) as u8) as char),
                            position: "Chuyên viên".into(),
                            unit: leader_name,
                        },
                        ..Conference::default()
                    },
                )?;
                let awards = awards_for(tx, year, ids.len(), y + 1 < n_years, &mut next)?;
                awards::set(tx, year, &awards)?;
                let data = years::data(tx, year)?;
                let mut report = khoi_thi_dua::report::compose::compose_draft(&all, &data);
                report.signer = all
                    .iter()
                    .find(|m| m.id == leader)
                    .map_or(String::new(), |m| m.head_name.clone());
                reports::save(tx, year, khoi_thi_dua::domain::ReportKind::YearEnd, &report)?;
                if y + 1 < n_years {
                    years::set_status(tx, year, YearStatus::HandedOver, "Bàn giao")?;
                    // The lock is stamped with the clock; a fixed time keeps the file the same
                    // from run to run (same bytes, same JSON export).
                    tx.execute(
                        "UPDATE year_event SET at = ?2 WHERE year = ?1",
                        rusqlite::params![year, format!("{}-01-05 08:00:00", year + 1)],
                    )?;
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
    }
    println!(
        "Đã ghi “{}”: {n_members} đơn vị, {n_years} năm, {} chỉ tiêu.",
        out.display(),
        n_members * n_years * n_indicators
    );
    Ok(())
}

/// The default catalogue, the nominations the ranking suggests, one vote round per award with
/// plausible totals (a member or none absent, an invalid ballot now and then, most nominees
/// well above half), a counting committee of three, and for a year already handed over the
/// province's decisions on those proposed.
fn awards_for(
    tx: &rusqlite::Connection,
    year: i32,
    members: usize,
    decided: bool,
    next: &mut impl FnMut() -> u64,
) -> khoi_thi_dua::store::Result<YearAwards> {
    let base = YearAwards {
        awards: default_catalogue(),
        ..YearAwards::default()
    };
    let ranks = awards::ranks(tx, year)?;
    let nominations = base.suggest(&ranks, members, year);
    let mut aw = YearAwards {
        nominations,
        committee: ["Trưởng ban", "Thành viên", "Thành viên"]
            .iter()
            .enumerate()
            .map(|(i, position)| Person {
                name: format!("Lê Văn {}", (b'K' + i as u8) as char),
                position: (*position).into(),
                unit: String::new(),
            })
            .collect(),
        ..base
    };
    let members = members as u32;
    for a in default_catalogue() {
        let nominees: Vec<MemberId> = aw
            .nominations
            .iter()
            .filter(|n| n.award == a.id)
            .map(|n| n.member)
            .collect();
        if nominees.is_empty() {
            continue;
        }
        let present = members - (next() % 2) as u32;
        let valid = present - u32::from(present > 3 && next().is_multiple_of(3));
        aw.rounds.push(VoteRound {
            award: a.id,
            round: 1,
            members,
            present,
            issued: present,
            returned: present,
            valid,
            votes: nominees
                .iter()
                .map(|&member| Votes {
                    member,
                    votes: valid - (next() % u64::from(valid / 2 + 1)) as u32,
                })
                .collect(),
        });
    }
    if decided {
        let result: Vec<_> = khoi_thi_dua::domain::awards::tally_all(&aw, members as usize);
        let mut k = 0;
        for r in result {
            for m in r.proposed() {
                k += 1;
                if let Some(n) = aw
                    .nominations
                    .iter_mut()
                    .find(|n| n.award == r.award && n.member == m)
                {
                    n.decision.number = format!("{}/QĐ-UBND", 20 + k);
                    n.decision.date = chrono::NaiveDate::from_ymd_opt(year + 1, 1, 15);
                    n.decision.issuer = "Chủ tịch UBND tỉnh Hà Giang".into();
                }
            }
        }
    }
    Ok(aw)
}

/// A sheet of `n` criteria: groups of ten (a group and nine items), the items sharing a base of
/// 100, the last group's items bonuses and deductions.
fn scheme_of(year: i32, n: usize) -> Scheme {
    let mut s = template_scheme(year);
    s.name = format!("Bảng điểm thi đua năm {year}");
    s.template = false;
    s.criteria.clear();
    let groups = n.div_ceil(10);
    let items = n - groups;
    let scored_items = items.saturating_sub(if groups > 1 { 9 } else { 0 }).max(1);
    let max = round2(100.0 / scored_items as f64);
    let mut id = 0;
    for g in 0..groups {
        id += 1;
        let group = id;
        let last = g + 1 == groups && groups > 1;
        s.criteria.push(Criterion {
            id: group,
            parent: None,
            code: khoi_thi_dua::text::number::format_roman(g + 1),
            title: if last {
                "Điểm thưởng, điểm trừ".to_owned()
            } else {
                format!("Nhóm tiêu chí {}", g + 1)
            },
            max: 0.0,
            kind: CriterionKind::Entered,
            checker: String::new(),
            evidence: String::new(),
            sort: g as i64,
        });
        for k in 0..9 {
            if s.criteria.len() >= n {
                break;
            }
            id += 1;
            let (kind, cap) = match (last, k % 2, g, k) {
                (true, 0, _, _) => (
                    CriterionKind::Bonus {
                        per: 5.0,
                        award: String::new(),
                    },
                    10.0,
                ),
                (true, _, _, _) => (CriterionKind::Deduction { per: 0.5 }, 1.5),
                (false, _, 0, 0) => (
                    CriterionKind::Indicator {
                        indicator: String::new(),
                        formula: Formula::Stepped {
                            share: 0.5,
                            full_at: 1.2,
                        },
                    },
                    max,
                ),
                _ => (CriterionKind::Entered, max),
            };
            s.criteria.push(Criterion {
                id,
                parent: Some(group),
                code: format!("{}.{}", g + 1, k + 1),
                title: format!("Tiêu chí {} của nhóm {}", k + 1, g + 1),
                max: cap,
                kind,
                checker: "Văn phòng Khối".to_owned(),
                evidence: "Báo cáo năm".to_owned(),
                sort: k as i64,
            });
        }
    }
    // A group's standard score is the sum of its items' (bonuses and deductions aside).
    for g in 0..s.criteria.len() {
        let id = s.criteria[g].id;
        let sum: f64 = s
            .criteria
            .iter()
            .filter(|c| c.parent == Some(id) && c.kind.per().is_none())
            .map(|c| c.max)
            .sum();
        if s.has_children(id) {
            s.criteria[g].max = round2(sum);
        }
    }
    s.tie_breaks = vec![
        TieBreak::GroupScore(1),
        TieBreak::FewerDeductions,
        TieBreak::MoreBonus,
    ];
    s
}

/// Plausible scores: a member scores itself 70–100 % of each item, the bloc takes up to a
/// point off, the agreed score is the bloc's or halfway back; member 4 sends no self-score.
fn scores_for(
    scheme: &Scheme,
    members: &[MemberId],
    next: &mut impl FnMut() -> u64,
) -> Vec<ScoreChange> {
    let mut out = Vec::new();
    for (m, &member) in members.iter().enumerate() {
        for c in &scheme.criteria {
            if scheme.has_children(c.id) || matches!(c.kind, CriterionKind::Indicator { .. }) {
                continue;
            }
            let own = match c.kind.per() {
                Some(per) => (per * (next() % 3) as f64).min(c.max),
                None => round2(c.max * (70 + next() % 31) as f64 / 100.0),
            };
            let bloc = match c.kind.per() {
                Some(per) => (own - per * (next() % 2) as f64).clamp(0.0, c.max),
                None => round2(own * (90 + next() % 11) as f64 / 100.0),
            };
            let agreed = if next().is_multiple_of(2) {
                bloc
            } else {
                round2((own + bloc) / 2.0)
            };
            for (stage, value) in [
                (Stage::SelfScore, own),
                (Stage::Bloc, bloc),
                (Stage::Final, agreed),
            ] {
                if m == 3 {
                    continue;
                }
                out.push(ScoreChange::set(Score::new(member, c.id, stage, value)));
            }
        }
    }
    out
}
