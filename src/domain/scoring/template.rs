//! The template score sheet the user can adopt and then adapt. Its shape follows real sheets
//! (a 100-point base split 80 + 10 + 5 + 3 + 2, with the core work split 30/15/25/10; prior
//! awards as bonuses of 15 and 10; a deduction per occurrence capped at 1,5; see DOMAIN.md),
//! but every title, score, band and rule is only a suggestion: the real values are the bloc's
//! decision, so the scheme is marked as a template until the user says it is adapted.

use super::{Band, Criterion, CriterionKind, Formula, Scheme, TieBreak};

/// One line of the template: id, parent, code, title, standard score, kind, evidence.
struct Line(
    i64,
    Option<i64>,
    &'static str,
    &'static str,
    f64,
    CriterionKind,
    &'static str,
);

/// What the template's name says of itself in the window, left out of the documents the
/// bloc sends (`Scheme::document_name`).
pub const TEMPLATE_NOTE: &str = " (mẫu, cần điều chỉnh theo quy định của Khối)";

/// The template scheme for `year`.
pub fn template_scheme(year: i32) -> Scheme {
    use CriterionKind::{Bonus, Deduction, Entered};
    let plan = CriterionKind::Indicator {
        indicator: String::new(),
        formula: Formula::Proportional,
    };
    let lines = [
        Line(
            1,
            None,
            "I",
            "Thực hiện nhiệm vụ chính trị, chuyên môn",
            80.0,
            Entered,
            "",
        ),
        Line(
            2,
            Some(1),
            "1",
            "Kết quả thực hiện các chỉ tiêu kế hoạch năm",
            30.0,
            plan,
            "Báo cáo kết quả thực hiện chỉ tiêu",
        ),
        Line(
            3,
            Some(1),
            "2",
            "Cải cách hành chính, chuyển đổi số",
            15.0,
            Entered,
            "Báo cáo cải cách hành chính",
        ),
        Line(
            4,
            Some(1),
            "3",
            "Thực hiện các nhiệm vụ trọng tâm được giao",
            25.0,
            Entered,
            "Báo cáo năm",
        ),
        Line(
            5,
            Some(1),
            "4",
            "Chấp hành chế độ thông tin, báo cáo",
            10.0,
            Entered,
            "Sổ theo dõi văn bản",
        ),
        Line(
            6,
            None,
            "II",
            "Công tác thi đua, khen thưởng",
            10.0,
            Entered,
            "Kế hoạch, báo cáo thi đua",
        ),
        Line(
            7,
            None,
            "III",
            "Xây dựng tổ chức đảng, đoàn thể vững mạnh",
            5.0,
            Entered,
            "Kết quả đánh giá, xếp loại",
        ),
        Line(
            8,
            None,
            "IV",
            "Tham gia các hoạt động của Khối",
            3.0,
            Entered,
            "Danh sách dự họp, văn bản góp ý",
        ),
        Line(
            9,
            None,
            "V",
            "Thực hiện cam kết giao ước thi đua",
            2.0,
            Entered,
            "Bản giao ước thi đua",
        ),
        Line(10, None, "VI", "Điểm thưởng", 25.0, Entered, ""),
        Line(
            11,
            Some(10),
            "1",
            "Cờ thi đua của Chính phủ năm trước",
            15.0,
            Bonus {
                per: 15.0,
                award: "Cờ thi đua của Chính phủ".to_owned(),
            },
            "Quyết định khen thưởng",
        ),
        Line(
            12,
            Some(10),
            "2",
            "Cờ thi đua của UBND tỉnh hoặc của bộ, ngành năm trước",
            10.0,
            Bonus {
                per: 10.0,
                award: "Cờ thi đua của UBND tỉnh".to_owned(),
            },
            "Quyết định khen thưởng",
        ),
        Line(13, None, "VII", "Điểm trừ", 1.5, Entered, ""),
        Line(
            14,
            Some(13),
            "a1",
            "Gửi báo cáo chậm so với thời hạn (mỗi lần trừ 0,5 điểm)",
            1.5,
            Deduction { per: 0.5 },
            "Sổ theo dõi văn bản đến",
        ),
    ];
    let criteria = lines
        .into_iter()
        .enumerate()
        .map(
            |(i, Line(id, parent, code, title, max, kind, evidence))| Criterion {
                id,
                parent,
                code: code.to_owned(),
                title: title.to_owned(),
                max,
                kind,
                checker: if parent.is_some() || id <= 9 {
                    "Văn phòng Khối".to_owned()
                } else {
                    String::new()
                },
                evidence: evidence.to_owned(),
                sort: i as i64,
            },
        )
        .collect();
    let band = |name: &str, min_total: f64| Band {
        name: name.to_owned(),
        min_total,
    };
    Scheme {
        name: format!("Bảng điểm thi đua năm {year}{TEMPLATE_NOTE}"),
        basis: String::new(),
        basis_date: None,
        base_total: 100.0,
        may_exceed: true,
        template: true,
        bands: vec![
            band("Hoàn thành xuất sắc nhiệm vụ", 90.0),
            band("Hoàn thành tốt nhiệm vụ", 70.0),
            band("Hoàn thành nhiệm vụ", 50.0),
            band("Không hoàn thành nhiệm vụ", 0.0),
        ],
        tie_breaks: vec![
            TieBreak::GroupScore(1),
            TieBreak::FewerDeductions,
            TieBreak::MoreBonus,
        ],
        cross_scoring: false,
        secretariat_signs: false,
        criteria,
    }
}
