//! The summary report as a printable [`Document`]: the header fields, the sections as headings
//! and paragraphs, the indicator appendix as a table grouped by member, and the closing
//! (recipients and signature). Data in, document out: nothing here reads the store.

use super::compose::place_date_line;
use super::document::{
    Align, Block, Closing, Column, Document, DraftMark, Figure, FigureBar, Meta, Scale, Signature,
    Table, TableRow,
};
use crate::domain::charts::plan_shares;
use crate::domain::{
    Member, Period, Report, ReportKind, ReportStatus, SectionKind, YearData, members_in,
};
use crate::text::date::format_date;
use crate::text::number::{format_number, format_percent};

/// The document of the year-end `report` for the year in `data`, with its charts: each
/// member's share of planned indicators met after the indicator appendix, the ranked totals
/// after the ranking ([`Document::without_figures`] leaves them out).
pub fn report_document(members: &[Member], data: &YearData, report: &Report) -> Document {
    report_document_of(members, data, report, ReportKind::YearEnd)
}

/// The document of `report`, the year's report of `kind`: its appendix gives the results of
/// the kind's period.
pub fn report_document_of(
    members: &[Member],
    data: &YearData,
    report: &Report,
    kind: ReportKind,
) -> Document {
    let year = data.record.year;
    let mut blocks = Vec::new();
    let mut appendices = Vec::new();
    // Plans are met or not at the year's end; a mid-year review or a plan has no such chart.
    let mut plan_figure = (kind == ReportKind::YearEnd).then(|| plan_share_figure(members, data));
    for section in &report.sections {
        match section.kind {
            SectionKind::Text => {
                if !section.heading.trim().is_empty() {
                    blocks.push(Block::Heading(section.heading.trim().to_owned()));
                }
                for p in section.body.lines().filter(|l| !l.trim().is_empty()) {
                    blocks.push(Block::Paragraph(p.trim().to_owned()));
                }
            }
            SectionKind::IndicatorAppendix => {
                let mut table =
                    indicator_table(members, data, section.heading.trim(), kind.period());
                table.subtitle = Some(attached_to(report, &data.record.bloc_name));
                appendices.push(Block::Table(table));
                appendices.extend(plan_figure.take());
            }
        }
    }
    appendices.extend(plan_figure.take());
    if kind == ReportKind::YearEnd {
        appendices.extend(super::scores::ranking_appendix(members, data));
        appendices.extend(super::scores::ranking_figure(members, data));
    }
    let bloc = &data.record.bloc_name;
    Document {
        meta: Meta {
            title: format!("{} {}", report.doc_type, report.subject),
            author: bloc.clone(),
            subject: kind.title(year),
        },
        parent_body: report.parent_body.clone(),
        issuing_body: report.issuing_body.clone(),
        number: format!("Số: {}", report.number),
        place_date: place_date_line(report),
        doc_type: report.doc_type.clone(),
        subject: report.subject.clone(),
        blocks,
        closing: Closing {
            recipients: report.recipients.clone(),
            signatures: vec![Signature {
                authority: report.sign_authority.clone(),
                position: report.sign_position.clone(),
                signer: report.signer.clone(),
            }],
        },
        appendices,
        landscape: false,
        plain: false,
        draft: match report.status {
            ReportStatus::Draft => DraftMark::Header,
            ReportStatus::Adopted => DraftMark::None,
        },
        two_up: false,
    }
}

/// "Biểu đồ …. Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm 2020": for each member of the
/// year with indicators to judge, the share met or exceeded; no bar for a member with none (the
/// figure prints nothing when no member has one).
pub fn plan_share_figure(members: &[Member], data: &YearData) -> Block {
    let year = data.record.year;
    let in_year = members_in(members, year);
    let ids: Vec<_> = in_year.iter().map(|m| m.id).collect();
    let bars = plan_shares(&ids, &data.indicators)
        .into_iter()
        .filter_map(|share| {
            let percent = share.percent()?;
            let label = in_year
                .iter()
                .find(|m| m.id == share.member)
                .map_or(String::new(), |m| m.short_name_in(year).to_owned());
            Some(FigureBar {
                label,
                value: percent,
                shown: format_percent(percent),
            })
        })
        .collect();
    Block::Figure(Figure {
        caption: format!("Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm {year}"),
        axis_title: "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả".to_owned(),
        scale: Scale::Percent,
        bars,
    })
}

/// "(Kèm theo Báo cáo số 01/BC-TTTT ngày 16/12/2020 của Khối Kinh tế ngành)": the line under
/// an appendix's title naming the document it belongs to.
fn attached_to(report: &Report, bloc: &str) -> String {
    let doc_type = {
        let lower = report.doc_type.trim().to_lowercase();
        let mut c = lower.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    let mut s = format!("(Kèm theo {doc_type}");
    if let Some(number) = report.cited_number() {
        s.push_str(&format!(" số {number}"));
    }
    if let Some(d) = report.date {
        s.push_str(&format!(" ngày {}", format_date(d)));
    }
    if !bloc.trim().is_empty() {
        s.push_str(&format!(" của {}", bloc.trim()));
    }
    s.push(')');
    s
}

/// The year's indicators as table rows, numbered, under a group row for each member;
/// `cells` gives the cells of an indicator after its number.
pub(super) fn indicator_rows(
    members: &[Member],
    data: &YearData,
    cells: impl Fn(&crate::domain::Indicator) -> Vec<String>,
) -> Vec<TableRow> {
    let year = data.record.year;
    let mut rows = Vec::with_capacity(data.indicators.len() + members.len());
    let mut current = None;
    for (n, ind) in data.indicators.iter().enumerate() {
        if current != Some(ind.member) {
            current = Some(ind.member);
            let name = members
                .iter()
                .find(|m| m.id == ind.member)
                .map_or(String::new(), |m| m.full_name_in(year).to_owned());
            rows.push(TableRow::Group(name));
        }
        let mut row = vec![(n + 1).to_string()];
        row.extend(cells(ind));
        rows.push(TableRow::Cells(row));
    }
    rows
}

/// Every indicator of the year with plan, result and percent, grouped by member; when the file
/// has last year's indicators, with last year's result ("Cùng kỳ năm trước") and this year's as a
/// percentage of it ("So sánh (%)"). For the first six months: their result against the year's
/// plan, without a verdict or last year's (a whole year's) figure.
fn indicator_table(members: &[Member], data: &YearData, title: &str, period: Period) -> Table {
    let last = &data.last_year;
    let compare = last.exists() && period == Period::Year;
    let rows = indicator_rows(members, data, |ind| {
        let mut cells = vec![
            ind.name.clone(),
            ind.unit.clone(),
            ind.plan_shown(),
            ind.result_in(period).map(format_number).unwrap_or_default(),
            match period {
                Period::Year => against_plan(ind),
                Period::FirstHalf => ind
                    .percent_in(period)
                    .map(format_percent)
                    .unwrap_or_default(),
            },
        ];
        if compare {
            cells.push(last.result(ind).map(format_number).unwrap_or_default());
            cells.push(last.ratio(ind).map(format_percent).unwrap_or_default());
        }
        cells.push(ind.note.clone());
        cells
    });
    let col = Column::new;
    let mut columns = vec![
        col("STT", 0.6, Align::Center),
        col("Chỉ tiêu", if compare { 3.4 } else { 4.2 }, Align::Left),
        col(
            "Đơn vị tính",
            if compare { 1.1 } else { 1.3 },
            Align::Center,
        ),
        col(
            match period {
                Period::Year => "Kế hoạch",
                Period::FirstHalf => "Kế hoạch năm",
            },
            if compare { 1.2 } else { 1.3 },
            Align::Right,
        ),
        col(
            match period {
                Period::Year => "Thực hiện",
                Period::FirstHalf => "Thực hiện 6 tháng",
            },
            if compare { 1.2 } else { 1.3 },
            Align::Right,
        ),
        col(
            match period {
                Period::Year => "So với KH",
                Period::FirstHalf => "So với KH năm",
            },
            if compare { 1.0 } else { 1.1 },
            Align::Right,
        ),
    ];
    if compare {
        columns.push(col("Cùng kỳ năm trước", 1.2, Align::Right));
        columns.push(col("So sánh (%)", 1.0, Align::Right));
    }
    columns.push(col("Ghi chú", if compare { 1.2 } else { 1.6 }, Align::Left));
    Table {
        title: (!title.is_empty()).then(|| title.to_owned()),
        subtitle: None,
        columns,
        rows,
        landscape: false,
        font_size: 12.0,
    }
}

/// The appendix's "So với KH": the percentage of a figure to reach, or how a result stands
/// against a target written as text ("Đạt" for "Dưới 3" and 2).
fn against_plan(ind: &crate::domain::Indicator) -> String {
    if let Some(p) = ind.percent_of_plan() {
        return format_percent(p);
    }
    match ind.evaluation() {
        crate::domain::target::Evaluation::Unknown => String::new(),
        e => e.label().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::LastYear;
    use crate::store::{Store, members, years};

    fn appendix(data: &YearData) -> Table {
        let mut store = Store::open_in_memory().unwrap();
        crate::sample::fill(&mut store).unwrap();
        let all = members::list(store.conn()).unwrap();
        let report = crate::report::compose::compose_draft(&all, data);
        let doc = report_document(&all, data, &report);
        doc.appendices
            .into_iter()
            .find_map(|b| match b {
                Block::Table(t) if t.columns.iter().any(|c| c.title == "Chỉ tiêu") => Some(t),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn the_appendix_compares_with_last_year_only_when_it_exists() {
        let mut store = Store::open_in_memory().unwrap();
        crate::sample::fill(&mut store).unwrap();
        let mut data = years::data(store.conn(), 2020).unwrap();
        let titles = |t: &Table| {
            t.columns
                .iter()
                .map(|c| c.title.clone())
                .collect::<Vec<_>>()
        };
        let without = appendix(&data);
        assert!(!titles(&without).contains(&"Cùng kỳ năm trước".to_owned()));

        let first = data.indicators[0].clone();
        let result = first.result.unwrap();
        // Last year's result four fifths of this year's: 125%; a second indicator had 0.
        let second = data.indicators[1].lineage();
        data.last_year = LastYear::new(
            2019,
            [(first.lineage(), Some(result * 0.8)), (second, Some(0.0))],
        );
        let with = appendix(&data);
        let t = titles(&with);
        let before = t.iter().position(|c| c == "Cùng kỳ năm trước").unwrap();
        let ratio = t.iter().position(|c| c == "So sánh (%)").unwrap();
        let rows: Vec<&Vec<String>> = with
            .rows
            .iter()
            .filter_map(|r| match r {
                TableRow::Cells(c) => Some(c),
                _ => None,
            })
            .collect();
        assert_eq!(rows[0][before], format_number(result * 0.8));
        assert_eq!(rows[0][ratio], "125%");
        assert_eq!(rows[1][before], "0");
        assert_eq!(rows[1][ratio], "", "no ratio against 0");
        assert_eq!(rows[2][before], "", "not there last year");
        assert_eq!(rows[2][ratio], "");
    }
}
