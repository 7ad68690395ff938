//! The year's workbook for the office ("Xuất Excel"): the indicator table, and the ranking and
//! the award proposals once the year has them.
//!
//! The indicators are one sheet grouped by member (a bold row per member, then its indicators),
//! not a sheet per member: the province asks for one table, an office filters, sorts and sums
//! one table, and printing it gives one continuous document with the header on every page.

use super::{
    Styles, Widths, headers, number_format, page_setup, percent_cell, title, write_plan, xlsx_error,
};
use crate::domain::awards::Ranks;
use crate::domain::{Member, Year, YearData, members_in};
use crate::ops::{Overwrite, Result, check_output, write_file};
use crate::store::Store;
use crate::text::number::format_roman;
use rust_xlsxwriter::{Workbook, Worksheet};
use std::path::Path;

const INDICATOR_HEADERS: [&str; 7] = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Kết quả thực hiện",
    "Tỷ lệ so với kế hoạch",
    "Ghi chú",
];

const RANKING_HEADERS: [&str; 8] = [
    "Xếp hạng",
    "Đơn vị",
    "Điểm tự chấm",
    "Điểm Khối chấm",
    "Điểm thưởng",
    "Điểm trừ",
    "Tổng điểm",
    "Xếp loại",
];

const AWARD_HEADERS: [&str; 7] = [
    "STT",
    "Danh hiệu đề nghị",
    "Cấp khen",
    "Đơn vị",
    "Thành tích, lý do đề nghị",
    "Số phiếu",
    "Quyết định",
];

/// What was written (members are numbered I, II, III… as Vietnamese tables number their parts).
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub indicators: usize,
    /// The sheets, by name.
    pub sheets: Vec<String>,
}

/// Writes the workbook of `year` to `out`.
pub fn export_year(
    store: &Store,
    year: Year,
    out: &Path,
    overwrite: Overwrite,
) -> Result<Exported> {
    check_output(out, &[store.path()], overwrite)?;
    let members = crate::store::members::list(store.conn())?;
    let data = crate::store::years::data(store.conn(), year)?;
    let (bytes, done) = workbook_bytes(&members, &data)?;
    write_file(out, &bytes)?;
    Ok(done)
}

/// The workbook as bytes.
pub fn workbook_bytes(members: &[Member], data: &YearData) -> Result<(Vec<u8>, Exported)> {
    let styles = Styles::new();
    let mut wb = Workbook::new();
    let mut sheets = Vec::new();
    let ws = wb.add_worksheet();
    indicator_sheet(ws, members, data, &styles)?;
    sheets.push(ws.name());
    let ranks = Ranks::of(members, data);
    if ranks.scored {
        let ws = wb.add_worksheet();
        ranking_sheet(ws, members, data, &ranks, &styles)?;
        sheets.push(ws.name());
        if let Some(scheme) = data.scoring.scheme.as_ref() {
            let ws = wb.add_worksheet();
            score_sheet(ws, members, data, scheme, &styles)?;
            sheets.push(ws.name());
        }
    }
    if !data.awards.nominations.is_empty() {
        let ws = wb.add_worksheet();
        awards_sheet(ws, members, data, &styles)?;
        sheets.push(ws.name());
    }
    let bytes = wb.save_to_buffer().map_err(xlsx_error)?;
    Ok((
        bytes,
        Exported {
            indicators: data.indicators.len(),
            sheets,
        },
    ))
}

fn name_of(members: &[Member], id: i64, year: Year) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map_or_else(String::new, |m| m.full_name_in(year).to_owned())
}

/// Rows above every table: the sheet's name, its title, the bloc, then the header row.
const HEADER_ROW: u32 = 3;

/// Names the sheet and writes its title, the bloc's name and the header row; returns the
/// column widths to grow as the rows are written.
fn sheet_head(
    ws: &mut Worksheet,
    name: &str,
    heading: &str,
    data: &YearData,
    names: &[&str],
    s: &Styles,
) -> Result<Widths> {
    ws.set_name(name).map_err(xlsx_error)?;
    let cols = names.len() as u16;
    title(ws, 0, cols, heading, &s.title)?;
    title(ws, 1, cols, &data.record.bloc_name, &s.subtitle)?;
    headers(ws, HEADER_ROW, 0, names, &s.header)?;
    Ok(Widths::new(names))
}

fn indicator_sheet(
    ws: &mut Worksheet,
    members: &[Member],
    data: &YearData,
    s: &Styles,
) -> Result<()> {
    let year = data.record.year;
    let mut widths = sheet_head(
        ws,
        "Chỉ tiêu",
        &format!("CHỈ TIÊU KẾ HOẠCH VÀ KẾT QUẢ THỰC HIỆN NĂM {year}"),
        data,
        &INDICATOR_HEADERS,
        s,
    )?;
    let cols = INDICATOR_HEADERS.len() as u16;
    let mut row = HEADER_ROW + 1;
    for (n, member) in members_in(members, year).iter().enumerate() {
        let own: Vec<_> = data
            .indicators
            .iter()
            .filter(|i| i.member == member.id)
            .collect();
        ws.write_string_with_format(row, 0, format_roman(n + 1), &s.group)
            .map_err(xlsx_error)?;
        ws.merge_range(row, 1, row, cols - 1, member.full_name_in(year), &s.group)
            .map_err(xlsx_error)?;
        row += 1;
        let mut group = "";
        for (k, ind) in own.iter().enumerate() {
            if !ind.group.is_empty() && ind.group != group {
                group = &ind.group;
                ws.merge_range(row, 1, row, cols - 1, group, &s.subgroup)
                    .map_err(xlsx_error)?;
                ws.write_blank(row, 0, &s.subgroup).map_err(xlsx_error)?;
                row += 1;
            }
            ws.write_number_with_format(row, 0, (k + 1) as f64, &s.center)
                .map_err(xlsx_error)?;
            ws.write_string_with_format(row, 1, &ind.name, &s.text)
                .map_err(xlsx_error)?;
            widths.note(1, &ind.name);
            ws.write_string_with_format(row, 2, &ind.unit, &s.center)
                .map_err(xlsx_error)?;
            widths.note(2, &ind.unit);
            write_plan(ws, (row, 3), ind, &s.text, &mut widths, 3)?;
            match ind.result {
                Some(v) => {
                    ws.write_number_with_format(row, 4, v, &number_format(v))
                        .map_err(xlsx_error)?;
                    widths.note_number(4, v);
                }
                None => {
                    ws.write_blank(row, 4, &s.text).map_err(xlsx_error)?;
                }
            }
            match ind.percent_of_plan().and_then(percent_cell) {
                Some((v, format)) => {
                    ws.write_number_with_format(row, 5, v, &format)
                        .map_err(xlsx_error)?;
                }
                None => {
                    ws.write_blank(row, 5, &s.text).map_err(xlsx_error)?;
                }
            }
            ws.write_string_with_format(row, 6, &ind.note, &s.text)
                .map_err(xlsx_error)?;
            widths.note(6, &ind.note);
            row += 1;
        }
    }
    widths.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}

fn ranking_sheet(
    ws: &mut Worksheet,
    members: &[Member],
    data: &YearData,
    ranks: &Ranks,
    s: &Styles,
) -> Result<()> {
    let year = data.record.year;
    let mut widths = sheet_head(
        ws,
        "Xếp hạng",
        &format!("KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM {year}"),
        data,
        &RANKING_HEADERS,
        s,
    )?;
    for (i, r) in ranks.ranking.rows.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        match r.rank {
            Some(rank) => ws.write_number_with_format(row, 0, rank as f64, &s.center),
            None => ws.write_string_with_format(row, 0, "—", &s.center),
        }
        .map_err(xlsx_error)?;
        let name = name_of(members, r.member, year);
        widths.note(1, &name);
        ws.write_string_with_format(row, 1, &name, &s.text)
            .map_err(xlsx_error)?;
        let numbers = [
            Some(r.self_total),
            r.bloc_total,
            Some(r.bonus),
            Some(r.deductions),
            Some(r.final_total),
        ];
        for (k, v) in numbers.into_iter().enumerate() {
            let col = 2 + k as u16;
            match v {
                Some(v) => {
                    let v = crate::domain::scoring::round2(v);
                    ws.write_number_with_format(row, col, v, &number_format(v))
                }
                None => ws.write_blank(row, col, &s.text),
            }
            .map_err(xlsx_error)?;
        }
        widths.note(7, &r.classification);
        ws.write_string_with_format(row, 7, &r.classification, &s.text)
            .map_err(xlsx_error)?;
    }
    widths.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}

/// The agreed score of every member on every criterion: the criteria down (groups with their
/// sums), the members across by short name, the totals at the foot.
fn score_sheet(
    ws: &mut Worksheet,
    members: &[Member],
    data: &YearData,
    scheme: &crate::domain::scoring::Scheme,
    s: &Styles,
) -> Result<()> {
    use crate::domain::scoring::{Inputs, Stage, compute, round2};
    let year = data.record.year;
    let in_bloc = crate::domain::members_in(members, year);
    let ids: Vec<i64> = in_bloc.iter().map(|m| m.id).collect();
    let totals = compute(scheme, &ids, &data.scoring.scores, Inputs::of(data));
    let mut names: Vec<&str> = vec!["Mã", "Tiêu chí", "Điểm chuẩn"];
    names.extend(in_bloc.iter().map(|m| m.short_name_in(year)));
    let mut widths = sheet_head(
        ws,
        "Bảng điểm",
        &format!("BẢNG ĐIỂM THI ĐUA NĂM {year} (ĐIỂM THỐNG NHẤT)"),
        data,
        &names,
        s,
    )?;
    let at: std::collections::HashMap<i64, usize> = scheme
        .criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();
    let final_stage = Stage::Final as usize;
    let mut row = HEADER_ROW + 1;
    let number = |ws: &mut Worksheet, row: u32, col: u16, v: f64| -> Result<()> {
        let v = round2(v);
        ws.write_number_with_format(row, col, v, &number_format(v))
            .map(|_| ())
            .map_err(xlsx_error)
    };
    for (_, c) in scheme.in_order() {
        let Some(&i) = at.get(&c.id) else { continue };
        let text = if scheme.has_children(c.id) {
            &s.subgroup
        } else {
            &s.text
        };
        ws.write_string_with_format(row, 0, &c.code, text)
            .map_err(xlsx_error)?;
        ws.write_string_with_format(row, 1, &c.title, text)
            .map_err(xlsx_error)?;
        widths.note(1, &c.title);
        number(ws, row, 2, c.max)?;
        for (k, t) in totals.iter().enumerate() {
            number(ws, row, 3 + k as u16, t.points[i][final_stage])?;
        }
        row += 1;
    }
    ws.write_string_with_format(row, 1, "Tổng cộng", &s.subgroup)
        .map_err(xlsx_error)?;
    number(ws, row, 2, scheme.base_total)?;
    for (k, t) in totals.iter().enumerate() {
        number(ws, row, 3 + k as u16, t.stage(Stage::Final).total)?;
    }
    widths.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}

fn awards_sheet(ws: &mut Worksheet, members: &[Member], data: &YearData, s: &Styles) -> Result<()> {
    let year = data.record.year;
    let awards = &data.awards;
    let mut widths = sheet_head(
        ws,
        "Đề nghị khen thưởng",
        &format!("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM {year}"),
        data,
        &AWARD_HEADERS,
        s,
    )?;
    let mut row = HEADER_ROW + 1;
    for award in awards.awards_in_order() {
        let last_round = awards.rounds_for(award.id).into_iter().last();
        for nomination in awards.nominations_for(award.id) {
            let n = f64::from(row - HEADER_ROW);
            ws.write_number_with_format(row, 0, n, &s.center)
                .map_err(xlsx_error)?;
            let name = name_of(members, nomination.member, year);
            let decision = &nomination.decision;
            let decision_text = if decision.received() {
                let mut t = format!("Số {}", decision.number.trim());
                if let Some(date) = decision.date {
                    t.push_str(&format!(" ngày {}", crate::text::date::format_date(date)));
                }
                if !decision.issuer.trim().is_empty() {
                    t.push_str(&format!(" của {}", decision.issuer.trim()));
                }
                t
            } else {
                String::new()
            };
            for (col, text) in [
                (1u16, award.name.as_str()),
                (2, award.level.as_str()),
                (3, name.as_str()),
                (4, nomination.reason.as_str()),
                (6, decision_text.as_str()),
            ] {
                widths.note(col.into(), text);
                ws.write_string_with_format(row, col, text, &s.text)
                    .map_err(xlsx_error)?;
            }
            match last_round.and_then(|r| r.votes_for(nomination.member)) {
                Some(v) => ws.write_number_with_format(row, 5, f64::from(v), &s.center),
                None => ws.write_blank(row, 5, &s.text),
            }
            .map_err(xlsx_error)?;
            row += 1;
        }
    }
    widths.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}
