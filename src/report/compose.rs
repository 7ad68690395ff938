//! Composes the draft summary report from a year's data, in the plain prose of the province's
//! reports: the conference, each member's results with its figures, what was and was not
//! reached, the directions for next year, and the indicator appendix.
//!
//! Pure: it reads a [`YearData`] and the members, and returns a [`Report`] to be edited.

use crate::domain::{
    Indicator, Member, Report, ReportSection, ReportStatus, SectionKind, YearData,
};
use crate::text::date::{format_date, format_document_date};
use crate::text::number::{format_number, format_percent};

/// How many of a member's indicators its paragraph lists one by one.
const MAX_LISTED: usize = 12;

/// Placeholder text the secretariat replaces; kept in one place so the UI can point at it.
pub const TO_FILL: &str = "(Ban thư ký bổ sung.)";

/// The draft report of `data.record.year`.
pub fn compose_draft(members: &[Member], data: &YearData) -> Report {
    let rec = &data.record;
    let year = rec.year;
    let in_bloc = crate::domain::members_in(members, year);
    let name_of = |id| {
        members
            .iter()
            .find(|m| m.id == id)
            .map_or(String::new(), |m| m.full_name_in(year).to_owned())
    };
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id));
    let abbreviation = leader
        .and_then(|m| m.name_in(year))
        .map_or(String::new(), |n| n.abbreviation.clone());
    let bloc_upper = rec.bloc_name.to_uppercase();

    let mut sections = Vec::new();

    // I. The bloc and the conference.
    let mut situation = vec![format!(
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
    )];
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
            p.push_str(&format!(
                " Dự hội nghị có lãnh đạo, chuyên viên các đơn vị thành viên trong Khối: {}",
                join_names(attending.into_iter())
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

    // II. Results of each member.
    let mut results = vec![format!(
        "Hưởng ứng phong trào thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}, các đơn vị thành viên trong Khối đã tổ chức triển khai và phát động thi đua đến toàn thể công chức, viên chức và người lao động trong ngành mình. Kết quả cụ thể của từng đơn vị như sau:"
    )];
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
        let mut p = format!("- {}: ", m.full_name_in(year));
        // A report stays concise: a member's figures are listed one by one only when there are
        // few; beyond that the paragraph gives the count and the appendix table has them all.
        let planned: Vec<String> = own.iter().filter_map(|i| planned_phrase(i)).collect();
        if !narrative.is_empty() {
            p.push_str(&narrative);
            if !planned.is_empty() && planned.len() <= MAX_LISTED {
                p.push_str(&format!(" Chỉ tiêu có kế hoạch: {}.", planned.join("; ")));
            }
        } else if !own.is_empty() && own.len() <= MAX_LISTED {
            let figures: Vec<String> = own.iter().map(|i| figure_phrase(i)).collect();
            p.push_str(&format!("{}.", figures.join("; ")));
        } else if own.is_empty() {
            p.push_str(TO_FILL);
        }
        if own.len() > MAX_LISTED || planned.len() > MAX_LISTED {
            let reached = own
                .iter()
                .filter(|i| i.percent_of_plan().is_some_and(|p| p >= 100.0))
                .count();
            if !narrative.is_empty() {
                p.push(' ');
            }
            p.push_str(&format!(
                "Đơn vị thực hiện {} chỉ tiêu ({} chỉ tiêu có kế hoạch, {} chỉ tiêu đạt và vượt kế hoạch); chi tiết tại phụ lục.",
                format_number(own.len() as f64),
                format_number(planned.len() as f64),
                format_number(reached as f64)
            ));
        }
        results.push(p);
    }
    results.extend(super::scores::results_paragraph(members, data));
    sections.push(text_section(
        &format!("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU, NHIỆM VỤ NĂM {year}"),
        results,
    ));

    // III. Assessment: what the figures say, and room for the rest.
    let planned: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| i.plan.is_some_and(|p| p > 0.0) && i.result.is_some())
        .collect();
    let reached = planned
        .iter()
        .filter(|i| i.percent_of_plan().is_some_and(|p| p >= 100.0))
        .count();
    let mut strengths = format!(
        "1. Ưu điểm: Các đơn vị thành viên đã bám sát chỉ tiêu, nhiệm vụ được giao, tổ chức phong trào thi đua thiết thực, hiệu quả. Năm {year}, các đơn vị báo cáo {} chỉ tiêu",
        format_number(data.indicators.len() as f64)
    );
    if planned.is_empty() {
        strengths.push('.');
    } else {
        let reached = if reached == 0 {
            "chưa có chỉ tiêu nào đạt kế hoạch".to_owned()
        } else {
            format!(
                "{} chỉ tiêu đạt và vượt kế hoạch",
                format_number(reached as f64)
            )
        };
        strengths.push_str(&format!(
            ", trong đó {} chỉ tiêu có kế hoạch; {reached}.",
            format_number(planned.len() as f64),
        ));
    }
    let unmet: Vec<String> = planned
        .iter()
        .filter(|i| i.percent_of_plan().is_some_and(|p| p < 100.0))
        .map(|i| {
            format!(
                "{} ({}) đạt {} kế hoạch",
                i.name,
                members
                    .iter()
                    .find(|m| m.id == i.member)
                    .map_or("", |m| m.short_name_in(year)),
                i.percent_of_plan().map(format_percent).unwrap_or_default()
            )
        })
        .collect();
    let mut weaknesses = "2. Tồn tại, hạn chế và nguyên nhân: ".to_owned();
    if unmet.is_empty() {
        weaknesses.push_str(TO_FILL);
    } else {
        weaknesses.push_str(&format!(
            "Còn {} chỉ tiêu chưa đạt kế hoạch: {}. {TO_FILL}",
            format_number(unmet.len() as f64),
            unmet.join("; ")
        ));
    }
    sections.push(text_section(
        "III. ĐÁNH GIÁ CHUNG",
        vec![strengths, weaknesses],
    ));

    // IV. Directions for next year.
    let directions = if rec.directions.trim().is_empty() {
        vec![TO_FILL.to_owned()]
    } else {
        rec.directions
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.trim().to_owned())
            .collect()
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

    Report {
        number: if abbreviation.is_empty() {
            "01/BC".to_owned()
        } else {
            format!("01/BC-{abbreviation}")
        },
        parent_body: rec.parent_body(),
        issuing_body: bloc_upper.clone(),
        place: rec.place.clone(),
        date: rec.conference_date,
        doc_type: "BÁO CÁO".to_owned(),
        subject: format!(
            "Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm {} của {}",
            year + 1,
            rec.bloc_name
        ),
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

/// "Trồng rừng mới theo Quyết định số 1511: 1.463/1.498,3 ha, đạt 98% kế hoạch"
fn planned_phrase(i: &Indicator) -> Option<String> {
    let (plan, result) = (i.plan?, i.result?);
    let pct = i.percent_of_plan()?;
    Some(format!(
        "{}: {}/{} {}, đạt {} kế hoạch",
        i.name,
        format_number(result),
        format_number(plan),
        i.unit,
        format_percent(pct)
    ))
}

/// "Chăm sóc rừng trồng 1.738 ha" or, with a plan, the planned phrase.
fn figure_phrase(i: &Indicator) -> String {
    if let Some(p) = planned_phrase(i) {
        return p;
    }
    match i.result {
        Some(r) => format!("{} {} {}", i.name, format_number(r), i.unit)
            .trim_end()
            .to_owned(),
        None => format!("{}: chưa có kết quả", i.name),
    }
}
