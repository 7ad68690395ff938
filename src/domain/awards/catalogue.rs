//! The default award catalogue the user adopts and then adapts: the three awards the law names
//! for a bloc (Luật Thi đua, khen thưởng 06/2022/QH15, Art. 25 and 26; Bằng khen of the
//! province's chairman). Quotas and thresholds differ by province and year and the current ones
//! are not confirmed, so every number here is only a starting value and each award is marked
//! as the template until the user edits it.

use super::{Award, Eligibility, Quota, Threshold, VoteBase};

/// The default catalogue.
pub fn default_catalogue() -> Vec<Award> {
    let law = "Luật Thi đua, khen thưởng số 06/2022/QH15";
    let rules = "Nghị định số 152/2025/NĐ-CP; Thông tư số 15/2025/TT-BNV";
    let majority = Threshold {
        percent: 50.0,
        of: VoteBase::Present,
        strict: true,
    };
    vec![
        Award {
            id: 1,
            name: "Cờ thi đua của Chính phủ".to_owned(),
            level: "Chính phủ".to_owned(),
            basis: format!("Điều 25 {law}; {rules}"),
            quota: Quota::Count(1),
            // The Government's flag goes to the most outstanding of the units leading their
            // blocs, which the bloc proposes by a higher vote.
            threshold: Threshold {
                percent: 80.0,
                of: VoteBase::Members,
                strict: false,
            },
            eligibility: Eligibility::Leading,
            // Proposed only when the bloc decides to, not every year from the ranking.
            suggest: false,
            template: true,
            sort: 1,
        },
        Award {
            id: 2,
            name: "Cờ thi đua của UBND tỉnh".to_owned(),
            level: "UBND tỉnh".to_owned(),
            basis: format!("Điều 26 {law}; {rules}"),
            quota: Quota::Count(1),
            threshold: majority,
            eligibility: Eligibility::Leading,
            suggest: true,
            template: true,
            sort: 2,
        },
        Award {
            id: 3,
            name: "Bằng khen của Chủ tịch UBND tỉnh".to_owned(),
            level: "Chủ tịch UBND tỉnh".to_owned(),
            basis: format!("{law}; {rules}"),
            quota: Quota::Count(3),
            threshold: majority,
            eligibility: Eligibility::Ranked,
            suggest: true,
            template: true,
            sort: 3,
        },
    ]
}
