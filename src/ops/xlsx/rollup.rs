//! The comparison of several blocs (`ops::rollup`) as a workbook: the blocs on one sheet, the
//! award proposals on another (a column says whose), the files that could not be read on a
//! third when there are any. Counts and shares are stored as numbers.

use super::{Styles, Widths, headers, number_format, page_setup, percent_cell, title, xlsx_error};
use crate::ops::Result;
use crate::report::rollup::{BLOC_HEADERS, PROPOSAL_HEADERS, Rollup, file_name};
use rust_xlsxwriter::{Workbook, Worksheet};

/// Rows above every table: the title, the year's line, a blank, then the header row.
const HEADER_ROW: u32 = 3;

/// The workbook as bytes.
pub fn workbook_bytes(r: &Rollup) -> Result<Vec<u8>> {
    let s = Styles::new();
    let mut wb = Workbook::new();
    blocs_sheet(wb.add_worksheet(), r, &s)?;
    if r.blocs.iter().any(|b| !b.proposals.is_empty()) {
        proposals_sheet(wb.add_worksheet(), r, &s)?;
    }
    if !r.unreadable.is_empty() {
        unreadable_sheet(wb.add_worksheet(), r, &s)?;
    }
    wb.save_to_buffer().map_err(xlsx_error)
}

/// Names the sheet, writes its title and the header row.
fn head(
    ws: &mut Worksheet,
    name: &str,
    heading: &str,
    cols: &[&str],
    s: &Styles,
) -> Result<Widths> {
    ws.set_name(name).map_err(xlsx_error)?;
    let n = cols.len() as u16;
    title(ws, 0, n, heading, &s.title)?;
    headers(ws, HEADER_ROW, 0, cols, &s.header)?;
    Ok(Widths::new(cols))
}

fn text(ws: &mut Worksheet, w: &mut Widths, row: u32, col: u16, v: &str, s: &Styles) -> Result<()> {
    w.note(usize::from(col), v);
    ws.write_string_with_format(row, col, v, &s.text)
        .map_err(xlsx_error)?;
    Ok(())
}

fn number(ws: &mut Worksheet, w: &mut Widths, row: u32, col: u16, v: f64) -> Result<()> {
    w.note_number(usize::from(col), v);
    ws.write_number_with_format(row, col, v, &number_format(v))
        .map_err(xlsx_error)?;
    Ok(())
}

fn percent(ws: &mut Worksheet, row: u32, col: u16, p: Option<f64>, s: &Styles) -> Result<()> {
    match p.and_then(percent_cell) {
        Some((v, f)) => ws.write_number_with_format(row, col, v, &f),
        None => ws.write_blank(row, col, &s.text),
    }
    .map_err(xlsx_error)?;
    Ok(())
}

fn blocs_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles) -> Result<()> {
    let heading = format!("TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM {}", r.year);
    let mut w = head(ws, "Các khối", &heading, &BLOC_HEADERS, s)?;
    for (i, b) in r.blocs.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &s.center)
            .map_err(xlsx_error)?;
        text(ws, &mut w, row, 1, &b.bloc_name, s)?;
        number(ws, &mut w, row, 2, b.members as f64)?;
        text(ws, &mut w, row, 3, b.leader.as_deref().unwrap_or(""), s)?;
        text(
            ws,
            &mut w,
            row,
            4,
            b.leading.as_deref().unwrap_or("Chưa xếp hạng"),
            s,
        )?;
        text(ws, &mut w, row, 5, &b.classes_text(), s)?;
        text(ws, &mut w, row, 6, &b.indicators.filled(), s)?;
        percent(ws, row, 7, b.indicators.met_percent(), s)?;
        text(ws, &mut w, row, 8, &file_name(&b.path), s)?;
    }
    w.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}

fn proposals_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles) -> Result<()> {
    let heading = format!("ĐỀ NGHỊ KHEN THƯỞNG CỦA CÁC KHỐI NĂM {}", r.year);
    let mut cols = vec!["Khối"];
    cols.extend_from_slice(&PROPOSAL_HEADERS[1..]);
    let mut w = head(ws, "Đề nghị khen thưởng", &heading, &cols, s)?;
    let mut row = HEADER_ROW;
    for b in &r.blocs {
        for p in &b.proposals {
            row += 1;
            text(ws, &mut w, row, 0, &b.bloc_name, s)?;
            text(ws, &mut w, row, 1, &p.award, s)?;
            text(ws, &mut w, row, 2, &p.nominee, s)?;
            match p.votes {
                Some(v) => number(ws, &mut w, row, 3, f64::from(v))?,
                None => {
                    ws.write_blank(row, 3, &s.text).map_err(xlsx_error)?;
                }
            }
            percent(ws, row, 4, p.share, s)?;
            text(ws, &mut w, row, 5, &p.outcome, s)?;
        }
    }
    w.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, true)
}

fn unreadable_sheet(ws: &mut Worksheet, r: &Rollup, s: &Styles) -> Result<()> {
    let heading = format!("CÁC TỆP KHÔNG ĐỌC ĐƯỢC KHI TỔNG HỢP NĂM {}", r.year);
    let mut w = head(ws, "Tệp không đọc được", &heading, &["Tệp", "Lý do"], s)?;
    for (i, u) in r.unreadable.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        text(ws, &mut w, row, 0, &file_name(&u.path), s)?;
        text(ws, &mut w, row, 1, &u.reason, s)?;
    }
    w.apply(ws, 0)?;
    page_setup(ws, HEADER_ROW, false)
}
