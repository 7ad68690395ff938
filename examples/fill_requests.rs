//! Fills data-request workbooks as the members would, for trials and benchmarks:
//!
//!     cargo run --release --example fill_requests -- OUT.xlsx REQUEST.xlsx [REQUEST.xlsx …]
//!
//! Copies the cells of each request (the heading once, then every member's rows one after the
//! other) into one workbook and types a result into every row: 1.000 + the row's index + 0,25.
//! The import matches rows by their hidden keys, not by file, so one workbook can carry a whole
//! year. The tests use [`returned`] to fill requests with chosen values and keys.

#![allow(dead_code)] // the tests include this file for `returned` only

use calamine::{Data, Reader, Xlsx};
use khoi_thi_dua::ops::xlsx::RowKey;
use khoi_thi_dua::ops::xlsx::requests::{HEADER_ROW, RESULT_COL, SHEET};
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// What a member types into a result cell.
#[derive(Clone)]
pub enum Typed {
    Number(f64),
    Text(&'static str),
    Bool(bool),
}

type Error = Box<dyn std::error::Error>;

/// Writes `out`: the cells of `requests` (the heading of the first, then each one's rows), the
/// `n`-th keyed row's result typed as `fill(n)`, every key passed through `key`.
pub fn returned(
    requests: &[&Path],
    out: &Path,
    fill: impl Fn(usize) -> Option<Typed>,
    key: impl Fn(RowKey) -> RowKey,
) -> Result<(), Error> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET)?;
    let mut n = 0;
    let mut next_row = 0;
    for (i, request) in requests.iter().enumerate() {
        let mut source: Xlsx<_> = calamine::open_workbook(request)?;
        let range = source.worksheet_range(SHEET)?;
        let Some((top, _)) = range.start() else {
            continue;
        };
        let mut last = next_row;
        for (row, col, value) in range.used_cells() {
            let row = row as u32 + top;
            if i > 0 && row <= HEADER_ROW {
                continue;
            }
            let at = if i == 0 {
                row
            } else {
                next_row + row - HEADER_ROW - 1
            };
            let col = col as u16;
            last = last.max(at + 1);
            match value {
                Data::String(text) => match RowKey::parse(text) {
                    Some(k) => {
                        ws.write_string(at, col, key(k).text())?;
                        match fill(n) {
                            Some(Typed::Number(v)) => ws.write_number(at, RESULT_COL, v)?,
                            Some(Typed::Text(t)) => ws.write_string(at, RESULT_COL, t)?,
                            Some(Typed::Bool(b)) => ws.write_boolean(at, RESULT_COL, b)?,
                            None => ws,
                        };
                        n += 1;
                    }
                    None => {
                        ws.write_string(at, col, text)?;
                    }
                },
                Data::Float(v) => {
                    ws.write_number(at, col, *v)?;
                }
                Data::Int(v) => {
                    ws.write_number(at, col, *v as f64)?;
                }
                _ => {}
            }
        }
        next_row = last;
    }
    wb.save(out)?;
    Ok(())
}

fn main() -> Result<(), Error> {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let Some((out, requests)) = args.split_first() else {
        return Err("cách dùng: fill_requests OUT.xlsx REQUEST.xlsx [REQUEST.xlsx …]".into());
    };
    let requests: Vec<&Path> = requests.iter().map(PathBuf::as_path).collect();
    returned(
        &requests,
        out,
        |n| Some(Typed::Number(1000.0 + n as f64 + 0.25)),
        |k| k,
    )?;
    println!("Đã ghi “{}”.", out.display());
    Ok(())
}
