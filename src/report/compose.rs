//! Composes the draft summary report from a year's data, in the plain prose of the province's
//! reports: the conference, each member's results with its figures, what was and was not
//! reached, the directions for next year, and the indicator appendix.
//!
//! Pure: it reads a [`YearData`] and the members, and returns a [`Report`] to be edited.

use crate::domain::history::{LastYear, change_percent};
use crate::domain::target::Evaluation;
use crate::domain::{
    Indicator, Member, Period, Report, ReportKind, ReportSection, ReportStatus, SectionKind,
    YearData,
};
use crate::text::date::{format_date, format_document_date};
use crate::text::number::{format_number, format_percent};

/// How many of a member's indicators its paragraph lists one by one.
const MAX_LISTED: usize = 12;

/// Placeholder text the secretariat replaces; kept in one place so the UI can point at it.
pub const TO_FILL: &str = "(Ban thư ký bổ sung.)";

/// The draft year-end report of `data.record.year`.
pub fn compose_draft(members: &[Member], data: &YearData) -> Report {
    compose_draft_of(members, data, ReportKind::YearEnd)
}

/// The draft report of `kind` for `data.record.year`: the year-end summary from the year's
/// results, or the mid-year review from the first six months' results against the year's plan.
pub fn compose_draft_of(members: &[Member], data: &YearData, kind: ReportKind) -> Report {
    match kind {
        ReportKind::YearEnd => year_end_draft(members, data),
        ReportKind::Midyear => midyear_draft(members, data),
        ReportKind::Plan => plan_draft(members, data),
    }
}

fn year_end_draft(members: &[Member], data: &YearData) -> Report {
    let rec = &data.record;
    let year = rec.year;
    let in_bloc = crate::domain::members_in(members, year);
    let name_of = |id| {
        members
            .iter()
            .find(|m| m.id == id)
            .map_or(String::new(), |m| m.full_name_in(year).to_owned())
    };
    let mut sections = Vec::new();

    // I. The bloc and the conference.
    let mut situation = vec![bloc_sentence(members, data)];
    if let Some(date) = rec.conference_date {
        let attending: Vec<String> = data
            .attendees
            .iter()
            .filter_map(|a| a.member.map(name_of))
            .collect();
        let guests: Vec<&str> = data
            .attendees
            .iter()
            .filter(|a| a.member.is_none())
            .map(|a| a.guest_body.as_str())
            .collect();
        let mut p = format!(
            "Ngày {}, tại {}, {} đã tổ chức Hội nghị tổng kết phong trào thi đua năm {year}, triển khai phương hướng, nhiệm vụ năm {}.",
            format_date(date),
            if rec.conference_venue.trim().is_empty() {
                TO_FILL
            } else {
                rec.conference_venue.trim()
            },
            rec.bloc_name,
            year + 1
        );
        if !attending.is_empty() {
            // "A, B, C và D", or "A, B, C, D và đại diện the guests": one "và" per list.
            let units = if guests.is_empty() {
                join_names(attending.into_iter())
            } else {
                attending.join(", ")
            };
            p.push_str(&format!(
                " Dự hội nghị có lãnh đạo, chuyên viên các đơn vị thành viên trong Khối: {units}"
            ));
            if !guests.is_empty() {
                p.push_str(&format!(
                    " và đại diện {}",
                    join_names(guests.iter().map(|g| g.to_string()))
                ));
            }
            p.push('.');
        }
        situation.push(p);
    }
    sections.push(text_section("I. ĐẶC ĐIỂM TÌNH HÌNH", situation));

    // II. Results of each member: its own words, then the figures its words leave out, each
    // figure once.
    let launched = launched_by(rec);
    let mut results = vec![format!(
        "Hưởng ứng phong trào thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}{launched}, các đơn vị thành viên trong Khối đã tổ chức triển khai và phát động thi đua đến toàn thể công chức, viên chức và người lao động trong ngành mình. Kết quả cụ thể của từng đơn vị như sau:"
    )];
    // Indicators whose figures the results already state: the assessment names them without
    // repeating the figure.
    let mut stated = std::collections::HashSet::new();
    for m in &in_bloc {
        let own: Vec<&Indicator> = data
            .indicators
            .iter()
            .filter(|i| i.member == m.id)
            .collect();
        let narrative = data
            .narratives
            .iter()
            .find(|n| n.member == m.id)
            .map(|n| n.text.trim().to_owned())
            .unwrap_or_default();
        let mut sentences = Vec::new();
        if !narrative.is_empty() {
            let mut n = topic_clause(&narrative);
            if !n.ends_with(['.', '!', '?', '…']) {
                n.push('.');
            }
            sentences.push(n);
            for i in &own {
                if mentions(&narrative, i) {
                    stated.insert(i.id);
                }
            }
        }
        // A report stays concise: a member's figures are listed one by one only when there
        // are few; beyond that the paragraph gives the counts and the appendix has them all.
        if own.len() <= MAX_LISTED {
            // With the member's own words, only planned figures those words leave out; without
            // them, every figure.
            let listed: Vec<&&Indicator> = own
                .iter()
                .filter(|i| !stated.contains(&i.id))
                .filter(|i| narrative.is_empty() || planned_phrase(i).is_some())
                .filter(|i| i.result.is_some())
                .collect();
            if !listed.is_empty() {
                let phrases: Vec<String> = listed
                    .iter()
                    .map(|i| figure_phrase(i, &data.last_year))
                    .collect();
                sentences.push(capitalise(&format!("{}.", phrases.join("; "))));
                stated.extend(listed.iter().map(|i| i.id));
            }
        } else {
            let planned = own.iter().filter(|i| planned_phrase(i).is_some()).count();
            let reached = own.iter().filter(|i| i.evaluation().is_met()).count();
            let mut counts = format!(
                "Đơn vị báo cáo kết quả {} chỉ tiêu",
                format_number(own.len() as f64)
            );
            if planned > 0 {
                counts.push_str(&format!(
                    ", trong đó {} chỉ tiêu có kế hoạch, {} chỉ tiêu đạt và vượt kế hoạch",
                    format_number(planned as f64),
                    format_number(reached as f64)
                ));
            }
            counts.push_str("; chi tiết tại phụ lục.");
            sentences.push(counts);
        }
        if sentences.is_empty() {
            sentences.push(TO_FILL.to_owned());
        }
        results.push(format!(
            "- {}: {}",
            m.full_name_in(year),
            sentences.join(" ")
        ));
    }
    results.extend(super::scores::results_paragraph(members, data));
    results.extend(super::awards::results_paragraph(members, data));
    sections.push(text_section(
        &format!("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ NĂM {year}"),
        results,
    ));

    // III. Assessment: strengths only when the figures show some, shortcomings said as
    // shortcomings, and room for what the figures cannot say.
    let short_name = |i: &Indicator| {
        members
            .iter()
            .find(|m| m.id == i.member)
            .map_or(String::new(), |m| m.short_name_in(year).to_owned())
    };
    let named = |i: &Indicator, verb: &str| {
        let mut s = format!("{} ({})", i.name, short_name(i));
        if !stated.contains(&i.id)
            && let Some(p) = i.percent_of_plan()
        {
            s.push_str(&format!(" {verb} {} kế hoạch", format_percent(p)));
        }
        s
    };
    let planned: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| i.evaluation() != Evaluation::Unknown)
        .collect();
    let reached: Vec<&Indicator> = planned
        .iter()
        .copied()
        .filter(|i| i.evaluation().is_met())
        .collect();
    let unmet: Vec<&Indicator> = planned
        .iter()
        .copied()
        .filter(|i| i.evaluation() == Evaluation::NotMet)
        .collect();
    let mut strengths = "1. Ưu điểm: Các đơn vị thành viên đã bám sát chỉ tiêu, nhiệm vụ được giao, tổ chức phong trào thi đua thiết thực, hiệu quả.".to_owned();
    if !data.indicators.is_empty() {
        strengths.push_str(&format!(
            " Năm {year}, các đơn vị báo cáo kết quả {} chỉ tiêu (chi tiết tại phụ lục).",
            format_number(data.indicators.len() as f64)
        ));
    }
    if !reached.is_empty() {
        // The furthest above plan first.
        let mut best = reached.clone();
        best.sort_by(|a, b| by_percent(b, a));
        strengths.push_str(&format!(
            " {} trong {} chỉ tiêu có kế hoạch đã đạt và vượt kế hoạch{}.",
            format_number(reached.len() as f64),
            format_number(planned.len() as f64),
            named_list(&best, |i| named(i, "đạt"))
        ));
    }
    let mut weaknesses = "2. Tồn tại, hạn chế và nguyên nhân: ".to_owned();
    if !unmet.is_empty() {
        // The furthest below plan first.
        let mut worst = unmet.clone();
        worst.sort_by(by_percent);
        let lead = if reached.is_empty() && unmet.len() == planned.len() && planned.len() > 1 {
            format!(
                "Cả {} chỉ tiêu có kế hoạch đều chưa đạt kế hoạch",
                format_number(planned.len() as f64)
            )
        } else if reached.is_empty() && planned.len() == 1 {
            "Chỉ tiêu có kế hoạch duy nhất chưa đạt kế hoạch".to_owned()
        } else {
            format!(
                "Còn {} chỉ tiêu chưa đạt kế hoạch",
                format_number(unmet.len() as f64)
            )
        };
        weaknesses.push_str(&format!(
            "{lead}{}. Nguyên nhân: {TO_FILL}",
            named_list(&worst, |i| named(i, "mới đạt"))
        ));
    } else {
        weaknesses.push_str(TO_FILL);
    }
    sections.push(text_section(
        "III. ĐÁNH GIÁ CHUNG",
        vec![strengths, weaknesses],
    ));

    // IV. Directions for next year.
    let directions = if rec.directions.trim().is_empty() {
        vec![TO_FILL.to_owned()]
    } else {
        rec.direction_lines().map(str::to_owned).collect()
    };
    sections.push(text_section(
        &format!("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {}", year + 1),
        directions,
    ));
    sections.push(text_section(
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        vec![TO_FILL.to_owned()],
    ));
    sections.push(ReportSection {
        heading: format!("PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM {year}"),
        body: String::new(),
        kind: SectionKind::IndicatorAppendix,
    });

    let subject = format!(
        "Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm {} của {}",
        year + 1,
        rec.bloc_name
    );
    report_frame(members, data, ReportKind::YearEnd, subject, sections)
}

/// The header and closing of a draft report of `kind`, around its `sections`: number, issuer,
/// date (its conference's), subject, recipients and the leader's signature.
fn report_frame(
    members: &[Member],
    data: &YearData,
    kind: ReportKind,
    subject: String,
    sections: Vec<ReportSection>,
) -> Report {
    let rec = &data.record;
    let year = rec.year;
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id));
    let abbreviation = leader
        .and_then(|m| m.name_in(year))
        .map_or(String::new(), |n| n.abbreviation.clone());
    let bloc_upper = rec.bloc_name.to_uppercase();
    let (date, _) = conference_when_where(data, kind);
    Report {
        number: match kind {
            // Decree 30: the văn thư gives the number when the report is issued, so a new
            // draft leaves it blank ("Số:      /BC-TTTT"). The year-end draft keeps the
            // number it has always been composed with, which stored reports carry.
            ReportKind::YearEnd if abbreviation.is_empty() => "01/BC".to_owned(),
            ReportKind::YearEnd => format!("01/BC-{abbreviation}"),
            _ => blank_number(members, data, "BC"),
        },
        parent_body: rec.parent_body(),
        issuing_body: bloc_upper.clone(),
        place: rec.place.clone(),
        date,
        doc_type: "BÁO CÁO".to_owned(),
        subject,
        sections,
        recipients: vec![
            "Ban Thi đua - Khen thưởng tỉnh".to_owned(),
            "Các đơn vị thành viên Khối".to_owned(),
            "Lưu: VT".to_owned(),
        ],
        sign_authority: format!("TM. {bloc_upper}"),
        sign_position: "TRƯỞNG KHỐI".to_owned(),
        signer: leader.map_or(String::new(), |m| m.head_name.clone()),
        status: ReportStatus::Draft,
    }
}

/// The date and venue of the conference of `kind`: the year-end one's are on the year record,
/// the mid-year review's on its own conference record (its date, else the year's "Sơ kết"
/// milestone).
pub(crate) fn conference_when_where(
    data: &YearData,
    kind: ReportKind,
) -> (Option<chrono::NaiveDate>, String) {
    match kind {
        ReportKind::YearEnd => (
            data.record.conference_date,
            data.record.conference_venue.trim().to_owned(),
        ),
        ReportKind::Midyear => {
            // Without its own date, the review's milestone dates it.
            let c = data.report_parts(kind).conference;
            let milestone = crate::domain::calendar::date_of(
                &data.milestones,
                crate::domain::calendar::MilestoneKind::MidyearReview,
            );
            (c.date.or(milestone), c.venue.trim().to_owned())
        }
        // The plan is adopted where the pledge is signed.
        ReportKind::Plan => (
            crate::domain::calendar::date_of(
                &data.milestones,
                crate::domain::calendar::MilestoneKind::Pledge,
            ),
            String::new(),
        ),
    }
}

/// The opening sentence of section I: the bloc, its members and its leader.
fn bloc_sentence(members: &[Member], data: &YearData) -> String {
    let rec = &data.record;
    let year = rec.year;
    let in_bloc = crate::domain::members_in(members, year);
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id));
    format!(
        "{} {} năm {} gồm {} đơn vị thành viên: {}.{}",
        rec.bloc_name,
        rec.province,
        year,
        in_bloc.len(),
        join_names(in_bloc.iter().map(|m| m.full_name_in(year).to_owned())),
        leader.map_or(String::new(), |m| format!(
            " {} là Trưởng khối năm {year}.",
            m.full_name_in(year)
        )),
    )
}

/// The draft review of the first six months: each member's six-month figures against the
/// year's plan ("bằng 52% kế hoạch năm"), with no verdict (the year is not over), room for the
/// assessment, the tasks of the last six months, and the appendix of six-month results.
fn midyear_draft(members: &[Member], data: &YearData) -> Report {
    let kind = ReportKind::Midyear;
    let rec = &data.record;
    let year = rec.year;
    let span = kind.span(year);
    let in_bloc = crate::domain::members_in(members, year);
    let mut sections = Vec::new();

    let mut situation = vec![bloc_sentence(members, data)];
    let (date, venue) = conference_when_where(data, kind);
    if let Some(date) = date {
        situation.push(format!(
            "Ngày {}, tại {}, {} đã tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng {span}, triển khai nhiệm vụ trọng tâm 6 tháng cuối năm {year}.",
            format_date(date),
            if venue.is_empty() { TO_FILL } else { &venue },
            rec.bloc_name,
        ));
    }
    sections.push(text_section("I. ĐẶC ĐIỂM TÌNH HÌNH", situation));

    let launched = launched_by(rec);
    let mut results = vec![format!(
        "Thực hiện phong trào thi đua hoàn thành các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}{launched}, trong {span} các đơn vị thành viên trong Khối đã đạt được kết quả như sau:"
    )];
    let mut reported = 0;
    for m in &in_bloc {
        let phrases: Vec<String> = data
            .indicators
            .iter()
            .filter(|i| i.member == m.id)
            .filter_map(|i| period_phrase(i, Period::FirstHalf))
            .collect();
        reported += phrases.len();
        let said = if phrases.is_empty() {
            TO_FILL.to_owned()
        } else if phrases.len() > MAX_LISTED {
            format!(
                "Đơn vị báo cáo kết quả {} chỉ tiêu; chi tiết tại phụ lục.",
                format_number(phrases.len() as f64)
            )
        } else {
            capitalise(&format!("{}.", phrases.join("; ")))
        };
        results.push(format!("- {}: {said}", m.full_name_in(year)));
    }
    sections.push(text_section(
        &format!(
            "II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ {}",
            span.to_uppercase()
        ),
        results,
    ));

    let mut strengths = "1. Ưu điểm: Các đơn vị thành viên đã bám sát chỉ tiêu, nhiệm vụ được giao, tổ chức phong trào thi đua thiết thực, hiệu quả.".to_owned();
    if reported > 0 {
        strengths.push_str(&format!(
            " Trong {span}, các đơn vị báo cáo kết quả {} chỉ tiêu (chi tiết tại phụ lục).",
            format_number(reported as f64)
        ));
    }
    sections.push(text_section(
        "III. ĐÁNH GIÁ CHUNG",
        vec![
            strengths,
            format!("2. Tồn tại, hạn chế và nguyên nhân: {TO_FILL}"),
        ],
    ));
    sections.push(text_section(
        &format!("IV. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM {year}"),
        vec![TO_FILL.to_owned()],
    ));
    sections.push(text_section(
        "V. KIẾN NGHỊ, ĐỀ XUẤT",
        vec![TO_FILL.to_owned()],
    ));
    sections.push(ReportSection {
        heading: format!(
            "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {}",
            span.to_uppercase()
        ),
        body: String::new(),
        kind: SectionKind::IndicatorAppendix,
    });
    let subject = format!(
        "Sơ kết công tác thi đua, khen thưởng {span} và nhiệm vụ trọng tâm 6 tháng cuối năm {year} của {}",
        rec.bloc_name
    );
    report_frame(members, data, kind, subject, sections)
}

/// The draft plan: the text of the plan document (purpose, content, schedule, organisation) as
/// sections to edit, under the plan's number and title.
fn plan_draft(members: &[Member], data: &YearData) -> Report {
    use super::document::Block;
    let doc = super::plan::plan_document(members, data, data.previous.as_ref());
    let mut sections: Vec<ReportSection> = Vec::new();
    for block in doc.blocks {
        match (block, sections.last_mut()) {
            (Block::Heading(heading), _) => sections.push(ReportSection {
                heading,
                body: String::new(),
                kind: SectionKind::Text,
            }),
            (Block::Paragraph(p), Some(s)) => {
                if !s.body.is_empty() {
                    s.body.push('\n');
                }
                s.body.push_str(&p);
            }
            (Block::Paragraph(p), None) => sections.push(text_section("", vec![p])),
            (Block::Table(_) | Block::Figure(_), _) => {}
        }
    }
    let mut report = report_frame(members, data, ReportKind::Plan, doc.subject, sections);
    report.doc_type = doc.doc_type;
    // "Số:        /KH-TTTT": the number is given when the plan is issued.
    report.number = doc
        .number
        .strip_prefix("Số:")
        .unwrap_or(&doc.number)
        .to_owned();
    report
}

/// "      /BC-TTTT": a report number with the leader's abbreviation, the number itself blank.
fn blank_number(members: &[Member], data: &YearData, kind: &str) -> String {
    let number = super::awards::registration_number(members, data, kind);
    number.strip_prefix("Số:").unwrap_or(&number).to_owned()
}

/// An indicator's result of `period` in a sentence, against the year's plan where the plan
/// gives a figure to reach: "Trồng rừng mới được 780 ha, bằng 52% kế hoạch năm"; `None`
/// without a result for the period.
pub(crate) fn period_phrase(i: &Indicator, period: Period) -> Option<String> {
    let result = i.result_in(period)?;
    let mut phrase = format!(
        "{} được {}",
        i.name,
        with_unit(&format_number(result), &i.unit)
    );
    if let Some(p) = i.percent_in(period) {
        phrase.push_str(&format!(", bằng {} kế hoạch năm", format_percent(p)));
    } else if !i.plan_shown().trim().is_empty() {
        phrase.push_str(&format!(
            " (kế hoạch năm: {})",
            lower_first(i.plan_shown().trim())
        ));
    }
    Some(phrase)
}

/// The date line of the report: "Hà Giang, ngày 16 tháng 12 năm 2020".
pub fn place_date_line(report: &Report) -> String {
    match report.date {
        Some(d) if report.place.trim().is_empty() => {
            let s = format_document_date(d);
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
        Some(d) => format!("{}, {}", report.place.trim(), format_document_date(d)),
        None if report.place.trim().is_empty() => "ngày … tháng … năm …".to_owned(),
        None => format!("{}, ngày … tháng … năm …", report.place.trim()),
    }
}

fn text_section(heading: &str, paragraphs: Vec<String>) -> ReportSection {
    ReportSection {
        heading: heading.to_owned(),
        body: paragraphs.join("\n"),
        kind: SectionKind::Text,
    }
}

/// "A, B, C và D"
fn join_names(names: impl Iterator<Item = String>) -> String {
    crate::text::join_with_and(&names.collect::<Vec<_>>())
}

/// " do UBND tỉnh phát động tại Chương trình số 298/CTr-UBND ngày 25/12/2019", as the
/// reference article says who launched the year's movement and where; empty without a basis.
pub(crate) fn launched_by(rec: &crate::domain::YearRecord) -> String {
    let basis = rec.basis.trim();
    if basis.is_empty() {
        return String::new();
    }
    // The level of the province's people's committee: "tỉnh", or "thành phố" for a city.
    let province = rec.province.trim();
    let level = if province.starts_with("thành phố") {
        "thành phố"
    } else {
        province.split_whitespace().next().unwrap_or_default()
    };
    if level.is_empty() {
        format!(" được phát động tại {basis}")
    } else {
        format!(" do UBND {level} phát động tại {basis}")
    }
}

/// How many indicators the assessment names before it counts the rest.
const ASSESSED_NAMED: usize = 5;

/// ": A; B; C" for a few indicators, ", trong đó: A; …; E và 9 chỉ tiêu khác (chi tiết tại phụ
/// lục)" for more.
fn named_list(list: &[&Indicator], name: impl Fn(&Indicator) -> String) -> String {
    let names: Vec<String> = list.iter().take(ASSESSED_NAMED).map(|i| name(i)).collect();
    if list.len() <= ASSESSED_NAMED {
        format!(": {}", names.join("; "))
    } else {
        format!(
            ", trong đó: {} và {} chỉ tiêu khác (chi tiết tại phụ lục)",
            names.join("; "),
            format_number((list.len() - ASSESSED_NAMED) as f64)
        )
    }
}

/// Orders indicators by their percent of plan, lowest first.
fn by_percent(a: &&Indicator, b: &&Indicator) -> std::cmp::Ordering {
    let p = |i: &Indicator| i.percent_of_plan().unwrap_or(0.0);
    p(a).total_cmp(&p(b))
}

/// "Trồng rừng mới theo Quyết định số 1511 được 1.463/1.498,3 ha, đạt 98% kế hoạch"; for a
/// target written as text, "Tỷ lệ hộ nghèo giảm được 2,5% (kế hoạch: dưới 3%), đạt kế hoạch".
fn planned_phrase(i: &Indicator) -> Option<String> {
    let result = i.result?;
    if !i.plan_text.trim().is_empty() {
        let verdict = match i.evaluation() {
            Evaluation::Exceeded => "vượt kế hoạch",
            Evaluation::Met => "đạt kế hoạch",
            Evaluation::NotMet => "không đạt kế hoạch",
            Evaluation::Unknown => return None,
        };
        return Some(format!(
            "{} được {} (kế hoạch: {}), {verdict}",
            i.name,
            with_unit(&format_number(result), &i.unit),
            lower_first(i.plan_text.trim())
        ));
    }
    let plan = i.plan?;
    let pct = i.percent_of_plan()?;
    Some(format!(
        "{} được {}, đạt {} kế hoạch",
        i.name,
        with_unit(
            &format!("{}/{}", format_number(result), format_number(plan)),
            &i.unit
        ),
        format_percent(pct)
    ))
}

/// "1.463 ha", "2,5%" (a percent sign stands against its number), or the bare figure.
fn with_unit(figure: &str, unit: &str) -> String {
    match unit.trim() {
        "" => figure.to_owned(),
        "%" => format!("{figure}%"),
        u => format!("{figure} {u}"),
    }
}

/// "Chăm sóc rừng trồng 1.738 ha" or, with a plan, the planned phrase; then, when last year
/// had a result to compare with, ", tăng 12% so với năm 2019".
pub(crate) fn figure_phrase(i: &Indicator, last: &LastYear) -> String {
    let mut phrase = if let Some(p) = planned_phrase(i) {
        p
    } else {
        match i.result {
            Some(r) => format!("{} {}", i.name, with_unit(&format_number(r), &i.unit)),
            None => format!("{}: chưa có kết quả", i.name),
        }
    };
    phrase.push_str(&compared_phrase(i, last));
    phrase
}

/// ", tăng 12% so với năm 2019", ", giảm 5% so với năm 2019" or ", bằng năm 2019"; nothing
/// when either year lacks a result or last year's was 0.
fn compared_phrase(i: &Indicator, last: &LastYear) -> String {
    let (Some(year), Some(change)) = (last.year, change_percent(i.result, last.result(i))) else {
        return String::new();
    };
    if change > 0.0 {
        format!(", tăng {} so với năm {year}", format_percent(change))
    } else if change < 0.0 {
        format!(", giảm {} so với năm {year}", format_percent(-change))
    } else {
        format!(", bằng năm {year}")
    }
}

/// Whether a member's own words already state the indicator's figures: its result (and its
/// plan, when it has one) appear among the numbers of the text, "03/04" counting as 3 and 4.
fn mentions(text: &str, i: &Indicator) -> bool {
    let Some(result) = i.result else {
        return false;
    };
    let numbers: Vec<f64> = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|t| t.trim_matches(|c| c == '.' || c == ','))
        .filter(|t| !t.is_empty())
        .filter_map(|t| crate::text::number::parse_number(t).ok())
        .collect();
    let has = |v: f64| numbers.iter().any(|n| (n - v).abs() < 1e-9);
    has(result) && i.plan.is_none_or(has)
}

/// A text that opens with a topic label, "Công tác truyền thông: số video …", as the clause
/// "Về công tác truyền thông, số video …", so that it reads after "Sở …: " without a second
/// colon. Other texts are returned as they are.
pub(crate) fn topic_clause(text: &str) -> String {
    let Some((label, rest)) = text.split_once(':') else {
        return text.to_owned();
    };
    let is_label = !label.trim().is_empty()
        && label.split_whitespace().count() <= 6
        && !label.contains([',', ';', '.', '(', ')', '"', '“'])
        && !rest.trim().is_empty();
    if !is_label {
        return text.to_owned();
    }
    format!(
        "Về {}, {}",
        lower_first(label.trim()),
        lower_first(rest.trim())
    )
}

/// The first letter in lower case, unless the word is an abbreviation ("UBND", "HĐND").
pub(crate) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() || second == ' ' => {
            first.to_lowercase().collect::<String>() + &s[first.len_utf8()..]
        }
        _ => s.to_owned(),
    }
}

/// The first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, members, years};

    fn sample() -> (Vec<Member>, YearData) {
        let mut store = Store::open_in_memory().unwrap();
        crate::sample::fill(&mut store).unwrap();
        (
            members::list(store.conn()).unwrap(),
            years::data(store.conn(), 2020).unwrap(),
        )
    }

    fn section<'a>(report: &'a Report, starts: &str) -> &'a str {
        &report
            .sections
            .iter()
            .find(|s| s.heading.starts_with(starts))
            .unwrap()
            .body
    }

    #[test]
    fn every_sentence_is_true_of_the_sample_and_each_figure_is_said_once() {
        let (members, data) = sample();
        let report = compose_draft(&members, &data);
        let results = section(&report, "II.");
        let assessment = section(&report, "III.");
        // The movement's basis opens the results.
        assert!(results.contains("Chương trình số 298/CTr-UBND ngày 25/12/2019"));
        // No doubled colon after the member's name, no repeated planned figure.
        assert!(!results.contains("Truyền thông: Công tác truyền thông:"));
        assert!(
            results.contains("Sở Thông tin và Truyền thông: Về công tác truyền thông, số video")
        );
        assert!(!results.contains("Chỉ tiêu có kế hoạch"));
        assert_eq!(results.matches("1.463/1.498,3").count(), 1);
        assert_eq!(results.matches("98%").count(), 1);
        // Neither planned indicator reached its plan: the strengths do not say otherwise, the
        // shortcomings say it as a shortcoming and do not repeat the figures.
        let (strengths, weaknesses) = assessment.split_once('\n').unwrap();
        assert!(!strengths.contains("kế hoạch;") && !strengths.contains("chưa có chỉ tiêu"));
        assert!(!strengths.contains("đạt và vượt"), "{strengths}");
        assert!(
            weaknesses.contains("Cả 2 chỉ tiêu có kế hoạch đều chưa đạt kế hoạch"),
            "{weaknesses}"
        );
        assert!(!weaknesses.contains("98%"));
    }

    #[test]
    fn a_reached_plan_is_a_strength_and_a_missed_one_a_shortcoming_with_its_figure() {
        let (members, mut data) = sample();
        // Beyond a dozen indicators a member's paragraph gives counts, so the assessment
        // carries the figures itself.
        for k in 0..15 {
            let mut extra = data.indicators[0].clone();
            extra.id = 10_000 + k;
            extra.name = format!("Chỉ tiêu {k}");
            extra.plan = Some(100.0);
            extra.result = Some(if k == 0 { 120.0 } else { 50.0 });
            data.indicators.push(extra);
        }
        let report = compose_draft(&members, &data);
        let results = section(&report, "II.");
        assert!(results.contains("chi tiết tại phụ lục"));
        let assessment = section(&report, "III.");
        let (strengths, weaknesses) = assessment.split_once('\n').unwrap();
        assert!(
            strengths
                .contains("1 trong 17 chỉ tiêu có kế hoạch đã đạt và vượt kế hoạch: Chỉ tiêu 0"),
            "{strengths}"
        );
        assert!(strengths.contains("đạt 120% kế hoạch"), "{strengths}");
        assert!(
            weaknesses.contains("Còn 16 chỉ tiêu chưa đạt kế hoạch"),
            "{weaknesses}"
        );
        assert!(weaknesses.contains("Chỉ tiêu 1 (") && weaknesses.contains("mới đạt 50% kế hoạch"));
        // Past five, the rest are counted rather than named, and the furthest below plan come
        // first (the sample's 98% and 75% are among the rest).
        assert!(
            weaknesses.contains("và 11 chỉ tiêu khác (chi tiết tại phụ lục). Nguyên nhân:"),
            "{weaknesses}"
        );
        assert!(!weaknesses.contains("98%") && !weaknesses.contains("…"));
    }

    #[test]
    fn a_figure_is_compared_with_last_year_only_when_both_results_exist() {
        let (_, data) = sample();
        let mut i = data.indicators[0].clone();
        i.name = "Tin bài".to_owned();
        i.unit = "tin".to_owned();
        i.plan = None;
        i.plan_text.clear();
        i.result = Some(112.0);
        let lineage = i.lineage();
        let last = |r| LastYear::new(2019, [(lineage, r)]);
        assert_eq!(
            figure_phrase(&i, &last(Some(100.0))),
            "Tin bài 112 tin, tăng 12% so với năm 2019"
        );
        i.result = Some(95.0);
        assert!(figure_phrase(&i, &last(Some(100.0))).ends_with(", giảm 5% so với năm 2019"));
        // Last year missing, without a result, or 0: no comparison at all.
        for l in [LastYear::default(), last(None), last(Some(0.0))] {
            let p = figure_phrase(&i, &l);
            assert!(
                !p.contains("tăng") && !p.contains("giảm") && !p.contains("so với"),
                "{p}"
            );
        }
        i.result = None;
        assert!(!figure_phrase(&i, &last(Some(100.0))).contains("so với"));
    }

    #[test]
    fn a_target_written_as_text_is_said_with_its_verdict() {
        let (_, data) = sample();
        let mut i = data.indicators[0].clone();
        i.name = "Tỷ lệ hộ nghèo".to_owned();
        i.unit = "%".to_owned();
        i.set_plan("Dưới 3").unwrap();
        i.result = Some(2.5);
        assert_eq!(
            figure_phrase(&i, &LastYear::default()),
            "Tỷ lệ hộ nghèo được 2,5% (kế hoạch: dưới 3), vượt kế hoạch"
        );
        i.result = Some(3.5);
        assert!(figure_phrase(&i, &LastYear::default()).ends_with("không đạt kế hoạch"));
        assert_eq!(
            i.percent_of_plan(),
            None,
            "no percentage where less is better"
        );
    }

    #[test]
    fn the_movement_is_launched_by_the_province_or_citys_committee() {
        let mut rec = crate::domain::YearRecord::new(2020, "Khối", "tỉnh Hà Giang", "Hà Giang");
        assert_eq!(launched_by(&rec), "");
        rec.basis = "Chương trình số 298/CTr-UBND ngày 25/12/2019".into();
        assert_eq!(
            launched_by(&rec),
            " do UBND tỉnh phát động tại Chương trình số 298/CTr-UBND ngày 25/12/2019"
        );
        rec.province = "thành phố Hà Nội".into();
        assert!(launched_by(&rec).starts_with(" do UBND thành phố phát động tại"));
        rec.province = String::new();
        assert!(launched_by(&rec).starts_with(" được phát động tại"));
    }

    #[test]
    fn topic_labels_become_clauses_and_other_texts_stay() {
        assert_eq!(
            topic_clause("Công tác truyền thông: Số video 1.128"),
            "Về công tác truyền thông, số video 1.128"
        );
        assert_eq!(
            topic_clause("UBND tỉnh giao: 5 dự án"),
            "Về UBND tỉnh giao, 5 dự án"
        );
        let long = "Trình UBND tỉnh cho phép chuyển mục đích sử dụng đất, giao đất: 39 dự án";
        assert_eq!(topic_clause(long), long);
        assert_eq!(topic_clause("Không có nhãn"), "Không có nhãn");
    }

    #[test]
    fn a_narrative_states_a_figure_by_its_numbers_leading_zeros_and_all() {
        let (_, data) = sample();
        let khcn = data
            .indicators
            .iter()
            .find(|i| i.name.starts_with("Dự án xây dựng nhãn hiệu"))
            .unwrap();
        assert!(mentions("phê duyệt triển khai 03/04 dự án", khcn));
        assert!(!mentions("phê duyệt triển khai 03 dự án", khcn));
    }
}
