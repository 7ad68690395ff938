//! Reading a returned data-request workbook: every row is matched by its hidden key, and the
//! whole file is checked before anything is written. The preview lists each change (old →
//! new), each row that cannot be read (with its row number as Excel shows it and the reason)
//! and each row that matches nothing; a file with an unreadable row, or a key of another year
//! or bloc, is refused whole. The changes are one `Edit::Steps`: one transaction, one undo.
//!
//! A sheet without keys (a member's own table) goes through `mapped`: the user says which
//! column holds what, and rows are matched by the indicator's name.

use super::requests::{KEY_COL, NAME_COL, RESULT_COL};
use super::sheet::{Cell, Rows, read_rows};
use super::{KEY_PREFIX, RowKey, bloc_tag};
use crate::domain::{Indicator, Member, Year, YearRecord};
use crate::edit::Edit;
use crate::ops::{OpsError, Result};
use crate::store::Store;
use crate::text::number::{NumberError, format_number, parse_non_negative};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The label of the import in the Undo menu.
pub const LABEL: &str = "nhập số liệu từ Excel";

/// Which figure of an indicator a change sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Plan,
    Result,
}

impl Field {
    /// As the column is headed.
    pub fn label(self) -> &'static str {
        match self {
            Field::Plan => "Kế hoạch",
            Field::Result => "Kết quả thực hiện",
        }
    }

    fn of(self, ind: &Indicator) -> Option<f64> {
        match self {
            Field::Plan => ind.plan,
            Field::Result => ind.result,
        }
    }
}

/// One figure that the import would change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The row as Excel numbers it (1-based).
    pub row: u32,
    pub member: String,
    pub indicator: Indicator,
    pub field: Field,
    pub new: f64,
}

/// A row that cannot be used, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: u32,
    pub reason: String,
}

/// Everything the import would do, shown before anything is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file: PathBuf,
    pub year: Year,
    pub changes: Vec<Change>,
    pub unreadable: Vec<RowProblem>,
    pub unmatched: Vec<RowProblem>,
    /// Rows read whose value is already the one in the file, or left empty.
    pub unchanged: usize,
}

impl Preview {
    /// Whether the file may be imported: no unreadable row.
    pub fn refusal(&self) -> Option<String> {
        if self.unreadable.is_empty() {
            return None;
        }
        let rows: Vec<String> = self.unreadable.iter().map(|p| p.row.to_string()).collect();
        Some(format!(
            "Tệp “{}” có {} dòng không đọc được (dòng {}), nên không nhập tệp này; chưa có số liệu nào được ghi. Hãy sửa các dòng đó trong tệp rồi nhập lại.",
            self.file.display(),
            rows.len(),
            rows.join(", ")
        ))
    }

    /// The preview as lines of text (the command line prints them; the window lists them).
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!(
            "Tệp “{}”, năm {}: {} số liệu thay đổi, {} dòng không đổi, {} dòng không đọc được, {} dòng không khớp chỉ tiêu nào.",
            self.file.display(),
            self.year,
            self.changes.len(),
            self.unchanged,
            self.unreadable.len(),
            self.unmatched.len()
        )];
        for c in &self.changes {
            out.push(change_line(c));
        }
        for p in &self.unreadable {
            out.push(format!("Dòng {} không đọc được: {}", p.row, p.reason));
        }
        for p in &self.unmatched {
            out.push(format!("Dòng {} không khớp: {}", p.row, p.reason));
        }
        out
    }

    /// The edit that makes the changes, as one undo step (one update per indicator, with all
    /// its changed figures); refused when a row is unreadable.
    pub fn edit(&self) -> Result<Edit> {
        if let Some(refusal) = self.refusal() {
            return Err(OpsError::Invalid(refusal));
        }
        // Each indicator as the preview read it, and as the workbook leaves it.
        let mut updated: Vec<(Indicator, Indicator)> = Vec::new();
        let mut at: HashMap<i64, usize> = HashMap::new();
        for c in &self.changes {
            let i = *at.entry(c.indicator.id).or_insert_with(|| {
                updated.push((c.indicator.clone(), c.indicator.clone()));
                updated.len() - 1
            });
            let ind = &mut updated[i].1;
            match c.field {
                Field::Plan => {
                    // A figure typed in the workbook replaces a target written as text.
                    ind.plan = Some(c.new);
                    ind.plan_text.clear();
                }
                Field::Result => ind.result = Some(c.new),
            }
        }
        let steps = updated
            .into_iter()
            .map(|(from, to)| Edit::UpdateIndicator { from, to })
            .collect();
        Ok(Edit::Steps {
            label: LABEL,
            steps,
        })
    }
}

/// "Dòng 9 · Sở Tài chính · Thu ngân sách (tỷ đồng) · Kết quả thực hiện: từ 1.128 thành
/// 3.611,73" (words, not an arrow: the window's font has no arrow).
pub fn change_line(c: &Change) -> String {
    let old = c
        .field
        .of(&c.indicator)
        .map_or_else(|| "(trống)".to_owned(), format_number);
    let unit = if c.indicator.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.indicator.unit)
    };
    format!(
        "Dòng {} · {} · {}{unit} · {}: từ {old} thành {}",
        c.row,
        c.member,
        c.indicator.name,
        c.field.label(),
        format_number(c.new)
    )
}

/// Reads `file` and matches it against `year` of the open file by its keys, writing nothing.
/// A workbook without keys is `OpsError::ForeignSheet`: its columns must be given (`mapped`).
pub fn preview(store: &Store, year: Year, file: &Path) -> Result<Preview> {
    // The year first: one the file may not write into is said before the workbook is read.
    let record = open_year(store, year)?;
    let is_request = |rows: &Rows| {
        rows.values().any(|r| {
            r.get(&KEY_COL)
                .and_then(Cell::text)
                .is_some_and(|t| t.trim().starts_with(KEY_PREFIX))
        })
    };
    let rows = read_rows(file, Some(&[KEY_COL, NAME_COL, RESULT_COL]), is_request)?;
    if !is_request(&rows) {
        return Err(OpsError::ForeignSheet {
            path: file.to_path_buf(),
        });
    }
    let bloc = bloc_tag(&record.bloc_name);
    let members = crate::store::members::list(store.conn())?;
    let indicators: HashMap<i64, Indicator> = crate::store::indicators::list(store.conn(), year)?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut out = Preview::new(file, year);
    let mut seen: HashMap<i64, u32> = HashMap::new();
    for (index, cells) in &rows {
        let row = index + 1;
        let Some(key_text) = cells.get(&KEY_COL).and_then(Cell::text) else {
            continue;
        };
        if !key_text.trim().starts_with(KEY_PREFIX) {
            continue;
        }
        let Some(key) = RowKey::parse(key_text) else {
            out.unreadable.push(RowProblem {
                row,
                reason: "mã ẩn của dòng đã bị sửa, không đọc được.".to_owned(),
            });
            continue;
        };
        if key.year != year {
            return Err(OpsError::Invalid(format!(
                "Tệp “{}” là mẫu báo cáo số liệu năm {}, không phải năm {year}; không nhập tệp này. Hãy chọn năm {} rồi nhập lại, hoặc chọn đúng tệp.",
                file.display(),
                key.year,
                key.year
            )));
        }
        if key.bloc != bloc {
            return Err(OpsError::Invalid(format!(
                "Tệp “{}” là mẫu báo cáo số liệu của một khối khác (hoặc gửi đi khi tên khối còn khác tên “{}” hiện nay); không nhập tệp này.",
                file.display(),
                record.bloc_name
            )));
        }
        let Some(ind) = indicators
            .get(&key.indicator)
            .filter(|i| i.member == key.member)
        else {
            let name = cells.get(&NAME_COL).and_then(Cell::text).unwrap_or("");
            out.unmatched.push(RowProblem {
                row,
                reason: format!(
                    "chỉ tiêu “{name}” không còn trong năm {year} (có thể đã bị xóa sau khi gửi mẫu)."
                ),
            });
            continue;
        };
        if !out.first_row_of(&mut seen, row, ind) {
            continue;
        }
        let member = short_name(&members, ind.member, year);
        let cell = cells.get(&RESULT_COL).cloned().unwrap_or_default();
        out.consider(row, &member, ind, Field::Result, &cell);
    }
    Ok(out)
}

/// The year's record, refused when the year is missing or handed over.
pub(super) fn open_year(store: &Store, year: Year) -> Result<YearRecord> {
    let record = crate::store::years::get(store.conn(), year)?
        .ok_or_else(|| OpsError::Invalid(format!("Tệp dữ liệu chưa có năm {year}.")))?;
    if record.is_locked() {
        return Err(crate::store::StoreError::Locked(year).into());
    }
    crate::ops::refuse_held_year(store, year)?;
    Ok(record)
}

pub(super) fn short_name(members: &[Member], id: i64, year: Year) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map_or_else(String::new, |m| m.short_name_in(year).to_owned())
}

/// The figure a cell holds: a number cell by its type, a text cell by the Vietnamese rules;
/// never negative. `Ok(None)` for an empty cell; `Err` says why the cell cannot be read.
pub(super) fn figure(cell: &Cell, field: Field) -> std::result::Result<Option<f64>, String> {
    let column = field.label();
    match cell {
        Cell::Empty => Ok(None),
        // A figure is never negative (the store refuses one): said here, with its row.
        Cell::Number(v) if *v < 0.0 => {
            let e = NumberError::Negative {
                text: format_number(*v),
            };
            Err(format!("cột “{column}”: {e}"))
        }
        Cell::Number(v) => Ok(Some(*v)),
        Cell::Text(text) => parse_non_negative(text)
            .map(Some)
            .map_err(|e| format!("cột “{column}”: {e}")),
        Cell::Other(what) => Err(format!(
            "cột “{column}” chứa {what}, không phải số. Hãy gõ số như 1.128 hoặc 3.611,73."
        )),
    }
}

impl Preview {
    pub(super) fn new(file: &Path, year: Year) -> Preview {
        Preview {
            file: file.to_path_buf(),
            year,
            changes: Vec::new(),
            unreadable: Vec::new(),
            unmatched: Vec::new(),
            unchanged: 0,
        }
    }

    /// Whether `row` is the first to name `ind` (`seen`: the rows so far); a second row is
    /// noted as unreadable, since which of the two is right cannot be told.
    pub(super) fn first_row_of(
        &mut self,
        seen: &mut HashMap<i64, u32>,
        row: u32,
        ind: &Indicator,
    ) -> bool {
        match seen.insert(ind.id, row) {
            None => true,
            Some(first) => {
                self.unreadable.push(RowProblem {
                    row,
                    reason: format!("chỉ tiêu “{}” đã có ở dòng {first}.", ind.name),
                });
                false
            }
        }
    }

    /// Notes what `cell` of row `row` does to `field` of `ind`: a change, nothing, or a row
    /// that cannot be read.
    pub(super) fn consider(
        &mut self,
        row: u32,
        member: &str,
        ind: &Indicator,
        field: Field,
        cell: &Cell,
    ) {
        match figure(cell, field) {
            Err(reason) => self.unreadable.push(RowProblem { row, reason }),
            Ok(None) => self.unchanged += 1,
            Ok(Some(v)) if field.of(ind) == Some(v) => self.unchanged += 1,
            Ok(Some(new)) => self.changes.push(Change {
                row,
                member: member.to_owned(),
                indicator: ind.clone(),
                field,
                new,
            }),
        }
    }
}

/// Applies a preview in one transaction (the command line; the window goes through its history
/// so the import is one undo step). Returns how many results changed.
pub fn apply(store: &mut Store, preview: &Preview) -> Result<usize> {
    let edit = preview.edit()?;
    store.write(|tx| edit.apply(tx))?;
    Ok(preview.changes.len())
}
