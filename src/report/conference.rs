//! The two other documents of the year-end conference, composed from the same data as the
//! report: the minutes ("Biên bản hội nghị", symbol BB, Decree 30 layout, signed by the
//! secretary and the chair) and the news item for the province's emulation website, in the
//! manner of the reference article (plain text and HTML to paste, or PDF).
//!
//! Both say only what the data holds: a missing time, chair or author is left out, not invented.

use super::compose::{
    TO_FILL, conference_when_where, figure_phrase, lower_first, period_phrase, topic_clause,
};
use super::document::{Block, Closing, Document, DraftMark, Meta, Signature};
use crate::domain::{
    Attendee, Handling, Indicator, Member, MemberId, NewsItem, PartOfDay, Person, ReportKind,
    ReportStatus, Year, YearData,
};
use crate::text::date::{format_date, format_document_date};
use crate::text::join_with_and;
use crate::text::number::{format_number, format_percent};

fn name_in(members: &[Member], id: MemberId, year: Year) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map_or(String::new(), |m| m.full_name_in(year).to_owned())
}

/// "14 giờ 00" from "14:00"; the text as typed when it is not a time.
fn spoken_time(t: &str) -> String {
    match t.trim().split_once([':', 'h', 'g']) {
        Some((h, m)) if h.trim().parse::<u32>().is_ok() => {
            let m = m.trim().trim_start_matches("iờ").trim();
            let m = if m.is_empty() { "00" } else { m };
            format!("{} giờ {m}", h.trim())
        }
        _ => t.trim().to_owned(),
    }
}

pub(super) fn person_line(p: &Person) -> String {
    let mut s = p.name.trim().to_owned();
    for extra in [&p.position, &p.unit] {
        if !extra.trim().is_empty() {
            if !s.is_empty() {
                s.push_str(", ");
            }
            s.push_str(extra.trim());
        }
    }
    s
}

/// Who attended `list` (a conference of `year`): the member units, then the guest bodies, with
/// people where known.
pub(super) fn attendance(
    members: &[Member],
    year: Year,
    list: &[Attendee],
) -> (Vec<String>, Vec<String>) {
    let mut units = Vec::new();
    let mut guests = Vec::new();
    for a in list {
        let body = match a.member {
            Some(id) => name_in(members, id, year),
            None => a.guest_body.clone(),
        };
        // For member units the sentence already says "lãnh đạo, chuyên viên": a position is
        // worth printing only beside a named person.
        if a.member.is_some() && a.person.trim().is_empty() {
            units.push(body);
            continue;
        }
        let who = [a.person.trim(), a.position.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let line = if who.is_empty() {
            body
        } else {
            format!("{body} ({who})")
        };
        if a.member.is_some() {
            units.push(line);
        } else {
            guests.push(line);
        }
    }
    (units, guests)
}

/// The year-end conference minutes of `data.record.year`.
pub fn minutes_document(members: &[Member], data: &YearData) -> Document {
    minutes_document_of(members, data, ReportKind::YearEnd)
}

/// The minutes of the conference of `kind` (the year-end conference, the mid-year review) of
/// `data.record.year`. What belongs to the year's end (the ranking, the awards, next year's
/// directions and leader) is said only at the year-end conference; each conference has its
/// own attendance list.
pub fn minutes_document_of(members: &[Member], data: &YearData, kind: ReportKind) -> Document {
    let rec = &data.record;
    let year = rec.year;
    let parts = data.report_parts(kind);
    let year_end = kind == ReportKind::YearEnd;
    let conf = parts.conference;
    let (date, venue) = conference_when_where(data, kind);
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id));
    let abbreviation = leader
        .and_then(|m| m.name_in(year))
        .map(|n| n.abbreviation.clone())
        .filter(|a| !a.is_empty());
    let subject = match kind {
        ReportKind::YearEnd => format!(
            "Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} và triển khai phương hướng, nhiệm vụ năm {} của {}",
            year + 1,
            rec.bloc_name
        ),
        _ => format!(
            "Hội nghị {} công tác thi đua, khen thưởng {} của {}",
            kind.review_word(),
            kind.span(year),
            rec.bloc_name
        ),
    };
    let mut blocks = vec![Block::Heading("I. THỜI GIAN, ĐỊA ĐIỂM".to_owned())];
    let part = PartOfDay::of(&conf.start_time, conf.part_of_day);
    let when = match (date, conf.start_time.trim().is_empty(), part) {
        (Some(d), false, _) => format!(
            "Thời gian: bắt đầu lúc {}, {}.",
            spoken_time(&conf.start_time),
            format_document_date(d)
        ),
        (Some(d), true, PartOfDay::Morning) => {
            format!("Thời gian: buổi sáng, {}.", format_document_date(d))
        }
        (Some(d), true, PartOfDay::Afternoon) => {
            format!("Thời gian: buổi chiều, {}.", format_document_date(d))
        }
        (Some(d), true, PartOfDay::Unknown) => format!("Thời gian: {}.", format_document_date(d)),
        (None, _, _) => "Thời gian: (chưa ghi ngày hội nghị).".to_owned(),
    };
    blocks.push(Block::Paragraph(when));
    if !venue.is_empty() {
        blocks.push(Block::Paragraph(format!("Địa điểm: {venue}.")));
    }
    blocks.push(Block::Heading("II. THÀNH PHẦN THAM DỰ".to_owned()));
    if !person_line(&conf.chair).is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Chủ tọa: {}.",
            person_line(&conf.chair)
        )));
    }
    if !person_line(&conf.secretary).is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Thư ký: {}.",
            person_line(&conf.secretary)
        )));
    }
    let (units, guests) = attendance(members, year, parts.attendees);
    if !units.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Đại diện lãnh đạo, chuyên viên các đơn vị thành viên Khối: {}.",
            units.join("; ")
        )));
    }
    if !guests.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Khách mời: {}.",
            guests.join("; ")
        )));
    }
    // Nobody recorded: a place to fill rather than an empty part.
    if units.is_empty()
        && guests.is_empty()
        && person_line(&conf.chair).is_empty()
        && person_line(&conf.secretary).is_empty()
    {
        blocks.push(Block::Paragraph(format!(
            "Đại diện lãnh đạo, chuyên viên các đơn vị thành viên Khối: {TO_FILL}"
        )));
    }
    blocks.push(Block::Heading("III. NỘI DUNG HỘI NGHỊ".to_owned()));
    let agenda: Vec<&str> = conf
        .agenda
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let report_name = report_reference(data, kind);
    if agenda.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "1. {} trình bày {report_name}.",
            leader.map_or("Trưởng khối".to_owned(), |m| format!(
                "Đại diện {}, Trưởng khối năm {year},",
                m.full_name_in(year)
            )),
        )));
    } else {
        for (i, item) in agenda.iter().enumerate() {
            blocks.push(Block::Paragraph(format!("{}. {item}", i + 1)));
        }
    }
    // The agenda's items are numbered 1, 2, …; the figures and the discussion follow on.
    let mut item = agenda.len().max(1) + 1;
    if key_figures(members, data, kind, item, &mut blocks) {
        item += 1;
    }
    discussion(members, data, kind, item, &mut blocks);
    blocks.push(Block::Heading("IV. KẾT LUẬN".to_owned()));
    for line in conf
        .conclusions
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        blocks.push(Block::Paragraph(line.to_owned()));
    }
    if year_end {
        // The ranking the conference adopted, once the bloc has scored.
        blocks.extend(super::scores::minutes_paragraphs(members, data));
        // And the award proposals it voted, once the vote was counted.
        blocks.extend(super::awards::minutes_paragraphs(members, data));
    }
    if parts
        .report
        .is_some_and(|r| r.status == ReportStatus::Adopted)
    {
        blocks.push(Block::Paragraph(format!(
            "Hội nghị thống nhất thông qua {report_name}."
        )));
    }
    let directions: Vec<&str> = if year_end {
        rec.direction_lines().collect()
    } else {
        Vec::new()
    };
    if !directions.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Hội nghị thống nhất phương hướng, nhiệm vụ năm {} của Khối:",
            year + 1
        )));
        for d in directions {
            blocks.push(Block::Paragraph(format!("- {d}")));
        }
    }
    if let Some(next) = rec.next_leader.filter(|_| year_end) {
        let mut p = format!(
            "Hội nghị thống nhất {} là Trưởng khối năm {}.",
            name_in(members, next, year),
            year + 1
        );
        if let Some(leader) = leader {
            p.push_str(&format!(
                " {}, Trưởng khối năm {year}, đã bàn giao nhiệm vụ Trưởng khối năm {} cho {}.",
                leader.full_name_in(year),
                year + 1,
                name_in(members, next, year)
            ));
        }
        blocks.push(Block::Paragraph(p));
    }
    let end = if conf.end_time.trim().is_empty() {
        "Hội nghị kết thúc cùng ngày.".to_owned()
    } else {
        format!(
            "Hội nghị kết thúc lúc {} cùng ngày.",
            spoken_time(&conf.end_time)
        )
    };
    blocks.push(Block::Paragraph(format!(
        "{end} Biên bản đã được thông qua tại Hội nghị./."
    )));
    Document {
        meta: Meta {
            title: format!(
                "Biên bản hội nghị {} {}",
                kind.review_word(),
                kind.span(year)
            ),
            author: rec.bloc_name.clone(),
            subject: subject.clone(),
        },
        parent_body: rec.parent_body(),
        issuing_body: rec.bloc_name.to_uppercase(),
        // The year-end minutes keep the number the sample's documents follow; the mid-year
        // review's is left blank for the office that registers it, as its report's is.
        number: match (year_end, abbreviation) {
            (true, Some(a)) => format!("Số: 02/BB-{a}"),
            (true, None) => "Số: 02/BB".to_owned(),
            (false, _) => super::awards::registration_number(members, data, "BB"),
        },
        place_date: match date {
            Some(d) if !rec.place.trim().is_empty() => {
                format!("{}, {}", rec.place.trim(), format_document_date(d))
            }
            Some(d) => format_document_date(d),
            None => format!("{}, ngày … tháng … năm …", rec.place.trim()),
        },
        doc_type: "BIÊN BẢN".to_owned(),
        subject,
        blocks,
        closing: Closing {
            recipients: parts
                .report
                .map(|r| r.recipients.clone())
                .filter(|r| !r.is_empty())
                .unwrap_or_else(default_recipients),
            signatures: vec![
                Signature {
                    authority: String::new(),
                    position: "THƯ KÝ".to_owned(),
                    signer: conf.secretary.name.clone(),
                },
                Signature {
                    authority: String::new(),
                    position: "CHỦ TỌA".to_owned(),
                    signer: conf.chair.name.clone(),
                },
            ],
        },
        appendices: Vec::new(),
        landscape: false,
        plain: false,
        draft: DraftMark::None,
        two_up: false,
    }
}

/// Who receives the bloc's minutes and records when the report names no one.
pub fn default_recipients() -> Vec<String> {
    vec![
        "Ban Thi đua - Khen thưởng tỉnh".to_owned(),
        "Các đơn vị thành viên Khối".to_owned(),
        "Lưu: VT".to_owned(),
    ]
}

/// "dự thảo Báo cáo số 01/BC-TTTT ngày 16/12/2020 tổng kết công tác …": the report the
/// conference discussed, by its number when it has one.
fn report_reference(data: &YearData, kind: ReportKind) -> String {
    let year = data.record.year;
    let subject = match kind {
        ReportKind::YearEnd => format!(
            "tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ năm {} của Khối",
            year + 1
        ),
        _ => format!(
            "{} công tác thi đua, khen thưởng {} của Khối",
            kind.review_word(),
            kind.span(year)
        ),
    };
    let Some(report) = data.report_parts(kind).report else {
        return format!("dự thảo Báo cáo {subject}");
    };
    let mut s = match report.status {
        ReportStatus::Draft => "dự thảo Báo cáo".to_owned(),
        ReportStatus::Adopted => "Báo cáo".to_owned(),
    };
    if let Some(number) = report.cited_number() {
        s.push_str(&format!(" số {number}"));
    }
    if let Some(d) = report.date {
        s.push_str(&format!(" ngày {}", format_date(d)));
    }
    s.push(' ');
    s.push_str(&subject);
    s
}

/// How many of a member's figures the minutes name.
const FIGURES_PER_MEMBER: usize = 3;

/// The year's main figures, a few per member (planned indicators first), as the minutes
/// summarise the report presented.
fn key_figures(
    members: &[Member],
    data: &YearData,
    kind: ReportKind,
    item: usize,
    blocks: &mut Vec<Block>,
) -> bool {
    let year = data.record.year;
    let period = kind.period();
    let mut lines = Vec::new();
    for m in crate::domain::members_in(members, year) {
        let mut own: Vec<&Indicator> = data
            .indicators
            .iter()
            .filter(|i| i.member == m.id && i.result_in(period).is_some())
            .collect();
        own.sort_by_key(|i| i.percent_in(period).is_none());
        let figures: Vec<String> = own
            .iter()
            .take(FIGURES_PER_MEMBER)
            .filter_map(|i| match kind {
                ReportKind::YearEnd => Some(figure_phrase(i, &data.last_year)),
                _ => period_phrase(i, period),
            })
            .map(|p| lower_first(&p))
            .collect();
        if !figures.is_empty() {
            lines.push(format!(
                "- {}: {}.",
                m.full_name_in(year),
                figures.join("; ")
            ));
        }
    }
    if lines.is_empty() {
        return false;
    }
    blocks.push(Block::Paragraph(format!(
        "{item}. Kết quả chủ yếu {} của các đơn vị thành viên (chi tiết tại báo cáo):",
        kind.span(year)
    )));
    blocks.extend(lines.into_iter().map(Block::Paragraph));
    true
}

/// The opinions raised on the draft and how each was handled; a place to fill when none were
/// recorded.
fn discussion(
    members: &[Member],
    data: &YearData,
    kind: ReportKind,
    item: usize,
    blocks: &mut Vec<Block>,
) {
    let year = data.record.year;
    // An opinion added in the window but never written says nothing the minutes could print.
    let opinions: Vec<_> = data
        .report_parts(kind)
        .opinions
        .iter()
        .filter(|o| !o.text.trim().is_empty())
        .collect();
    if opinions.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{item}. Ý kiến thảo luận của các đại biểu: {TO_FILL}"
        )));
        return;
    }
    blocks.push(Block::Paragraph(format!(
        "{item}. Ý kiến thảo luận của các đại biểu về dự thảo báo cáo:"
    )));
    for op in opinions {
        let who = match op.member {
            Some(id) => name_in(members, id, year),
            None => op.speaker.clone(),
        };
        let mut line = format!("- {who}: {}", op.text.trim().trim_end_matches('.'));
        match op.handling {
            Handling::Accepted => line.push_str(" (Trưởng khối tiếp thu"),
            Handling::Explained => line.push_str(" (Trưởng khối giải trình"),
            Handling::Pending => {}
        }
        if op.handling != Handling::Pending {
            if !op.response.trim().is_empty() {
                line.push_str(&format!(": {}", op.response.trim().trim_end_matches('.')));
            }
            line.push(')');
        }
        line.push('.');
        blocks.push(Block::Paragraph(line));
    }
}

/// The news item composed from the data, in the manner of the reference article.
pub fn compose_news(members: &[Member], data: &YearData) -> NewsItem {
    let rec = &data.record;
    let year = rec.year;
    let conf = &data.conference;
    let headline = format!(
        "{} tổng kết công tác thi đua, khen thưởng năm {year}, triển khai phương hướng, nhiệm vụ năm {}",
        rec.bloc_name,
        year + 1
    );
    let dateline = match rec.conference_date {
        Some(d) if !conf.start_time.trim().is_empty() => {
            format!("{} {}", format_date(d), conf.start_time.trim())
        }
        Some(d) => format_date(d),
        None => String::new(),
    };
    let mut body = Vec::new();
    // Lead: when, where, who.
    let mut lead = match rec.conference_date {
        Some(d) => {
            let part = match PartOfDay::of(&conf.start_time, conf.part_of_day) {
                PartOfDay::Morning => "Sáng ngày",
                PartOfDay::Afternoon => "Chiều ngày",
                PartOfDay::Unknown => "Ngày",
            };
            format!("{part} {}", format_date(d))
        }
        None => "Vừa qua".to_owned(),
    };
    if !rec.conference_venue.trim().is_empty() {
        lead.push_str(&format!(", tại {}", rec.conference_venue.trim()));
    }
    lead.push_str(&format!(
        ", Khối Giao ước thi đua {} đã tổ chức Hội nghị tổng kết phong trào thi đua năm {year}, triển khai phương hướng nhiệm vụ công tác năm {}.",
        rec.bloc_name.trim_start_matches("Khối ").trim_start_matches("khối "),
        year + 1
    ));
    let member_names: Vec<String> = data
        .attendees
        .iter()
        .filter_map(|a| a.member.map(|id| name_in(members, id, year)))
        .collect();
    let guests: Vec<String> = data
        .attendees
        .iter()
        .filter(|a| a.member.is_none())
        .map(|a| {
            if a.position.trim().is_empty() {
                a.guest_body.clone()
            } else {
                format!("{} {}", a.position.trim(), a.guest_body)
            }
        })
        .collect();
    if !member_names.is_empty() {
        // "A, B, C và D", or "A, B, C, D và the guests" when guests attended.
        let units = if guests.is_empty() {
            join_with_and(&member_names)
        } else {
            format!("{} và {}", member_names.join(", "), join_with_and(&guests))
        };
        lead.push_str(&format!(
            " Dự hội nghị có lãnh đạo, chuyên viên các đơn vị thành viên trong Khối: {units}"
        ));
        lead.push('.');
    }
    body.push(lead);
    if !conf.photo_caption.trim().is_empty() {
        body.push(format!(
            "({})",
            conf.photo_caption
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim()
        ));
    }
    // Results, member by member in the order the secretariat chose, with their figures.
    let mut in_order = crate::domain::members_in(members, year);
    in_order.sort_by_key(|m| {
        conf.news_order
            .iter()
            .position(|&id| id == m.id)
            .unwrap_or(usize::MAX)
    });
    let mut results = Vec::new();
    for m in in_order {
        let narrative = data
            .narratives
            .iter()
            .find(|n| n.member == m.id)
            .map(|n| topic_clause(n.text.trim().trim_end_matches('.')));
        let figures: Vec<String> = data
            .indicators
            .iter()
            .filter(|i| i.member == m.id)
            .take(8)
            .filter_map(|i| {
                let r = i.result?;
                Some(match (i.plan, i.percent_of_plan()) {
                    (Some(p), Some(pct)) => format!(
                        "{} {}/{} {}, đạt {} kế hoạch",
                        i.name.to_lowercase(),
                        format_number(r),
                        format_number(p),
                        i.unit,
                        format_percent(pct)
                    ),
                    _ => format!("{} {} {}", i.name.to_lowercase(), format_number(r), i.unit),
                })
            })
            .collect();
        match (narrative, figures.is_empty()) {
            (Some(n), _) => results.push(format!("{}: {}", m.full_name_in(year), lower_first(&n))),
            (None, false) => {
                results.push(format!("{}: {}", m.full_name_in(year), figures.join(", ")))
            }
            (None, true) => {}
        }
    }
    if !results.is_empty() {
        let launched = super::compose::launched_by(rec);
        body.push(format!(
            "Hưởng ứng phong trào thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}{launched}, các thành viên trong Khối đã tổ chức triển khai và phát động thi đua đến toàn thể công chức, viên chức và người lao động trong ngành mình, cơ bản hoàn thành các chỉ tiêu được giao, cụ thể như: {}.",
            results.join("; ")
        ));
    }
    // Discussion and directions.
    let directions: Vec<&str> = rec.direction_lines().collect();
    if !directions.is_empty() {
        body.push(format!(
            "Tại Hội nghị, các đại biểu đã tập trung thảo luận những mặt tồn tại, hạn chế; các thành viên trong Khối đã đưa ra nhiều ý kiến bổ sung vào báo cáo và đề ra phương hướng, nhiệm vụ năm {} như: {}",
            year + 1,
            directions.join(" ")
        ));
    }
    // The ranking and the proposals, once the bloc has scored and voted.
    let mut outcome = Vec::new();
    if let Some(first) = super::scores::leader(members, data) {
        outcome.push(format!(
            "Hội nghị đã thống nhất kết quả chấm điểm, xếp hạng thi đua năm {year}: {} dẫn đầu phong trào thi đua của Khối.",
            name_in(members, first, year)
        ));
    }
    outcome.extend(super::awards::results_paragraph(members, data));
    if !outcome.is_empty() {
        body.push(outcome.join(" "));
    }
    // The handover sentence.
    if let (Some(leader), Some(next)) = (rec.leader, rec.next_leader) {
        body.push(format!(
            "Tại Hội nghị, {} Trưởng khối năm {year} đã bàn giao nhiệm vụ Trưởng khối năm {} cho {}.",
            name_in(members, leader, year),
            year + 1,
            name_in(members, next, year)
        ));
    }
    NewsItem {
        headline,
        dateline,
        body: body.join("\n"),
        author: conf.news_author.clone(),
    }
}

/// The news item as plain text, ready to paste.
pub fn news_text(news: &NewsItem) -> String {
    let mut out = format!("{}\n\n", news.headline.trim());
    if !news.dateline.trim().is_empty() {
        out.push_str(&format!("{}\n\n", news.dateline.trim()));
    }
    for p in news.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(p);
        out.push_str("\n\n");
    }
    if !news.author.trim().is_empty() {
        out.push_str(news.author.trim());
        out.push('\n');
    }
    out
}

/// The news item as an HTML fragment for the website's editor (a well-formed document, so it
/// can also be opened on its own).
pub fn news_html(news: &NewsItem) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n</head>\n<body>\n<article>\n",
        super::escape_markup(news.headline.trim())
    ));
    out.push_str(&format!(
        "<h1>{}</h1>\n",
        super::escape_markup(news.headline.trim())
    ));
    if !news.dateline.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"dateline\"><em>{}</em></p>\n",
            super::escape_markup(news.dateline.trim())
        ));
    }
    for p in news.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(&format!("<p>{}</p>\n", super::escape_markup(p)));
    }
    if !news.author.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"author\" style=\"text-align:right\"><strong>{}</strong></p>\n",
            super::escape_markup(news.author.trim())
        ));
    }
    out.push_str("</article>\n</body>\n</html>\n");
    out
}

/// The news item as a plain article PDF.
pub fn news_document(data: &YearData, news: &NewsItem) -> Document {
    Document {
        meta: Meta {
            title: news.headline.clone(),
            author: if news.author.trim().is_empty() {
                data.record.bloc_name.clone()
            } else {
                news.author.clone()
            },
            subject: format!("Tin hội nghị tổng kết năm {}", data.record.year),
        },
        subject: news.headline.clone(),
        place_date: news.dateline.clone(),
        blocks: news
            .body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| Block::Paragraph(l.to_owned()))
            .collect(),
        closing: Closing {
            recipients: Vec::new(),
            signatures: if news.author.trim().is_empty() {
                Vec::new()
            } else {
                vec![Signature {
                    authority: String::new(),
                    position: String::new(),
                    signer: news.author.clone(),
                }]
            },
        },
        landscape: false,
        plain: true,
        draft: DraftMark::None,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_what_users_type() {
        let news = NewsItem {
            headline: "Sở <Xây dựng> & Kiến trúc".into(),
            dateline: "16/12/2020".into(),
            body: "Ý kiến \"đúng\" & 'đủ'".into(),
            author: "Lê Hằng".into(),
        };
        let html = news_html(&news);
        assert!(html.contains("<h1>Sở &lt;Xây dựng&gt; &amp; Kiến trúc</h1>"));
        assert!(html.contains("Ý kiến &quot;đúng&quot; &amp; &#39;đủ&#39;"));
        assert!(!html.contains("<Xây"));
    }

    #[test]
    fn spoken_times() {
        assert_eq!(spoken_time("14:00"), "14 giờ 00");
        assert_eq!(spoken_time("8h30"), "8 giờ 30");
        assert_eq!(spoken_time("chiều"), "chiều");
    }
}
