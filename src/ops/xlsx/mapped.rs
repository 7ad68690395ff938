//! A member's own sheet, not one of our data-request workbooks: the user says on which row the
//! headings are and which column holds the indicator's name, its unit, plan and result, and the
//! rows are matched by name (case and spacing aside) to that member's indicators of the year.
//! The preview and the refusals are those of a request (`import::Preview`). The window keeps the
//! columns chosen for each layout (the headings' text), so the next file of that shape is read
//! the same way.

use super::import::{Field, Preview, RowProblem, open_year, short_name};
use super::sheet::{Cell, read_rows};
use crate::domain::{Indicator, MemberId, Year};
use crate::ops::{OpsError, Result};
use crate::store::Store;
use crate::text::collate::{fold_case, fold_for_search};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// Rows searched for the headings when guessing where they are.
const HEAD_ROWS: u32 = 30;

/// Which column holds what (0-based), and the row of the headings (0-based); the rows below
/// it are read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Columns {
    pub header_row: u32,
    pub name: u16,
    pub unit: Option<u16>,
    pub plan: Option<u16>,
    pub result: Option<u16>,
}

/// The headings of a sheet: their row (0-based) and each column's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub header_row: u32,
    pub headings: Vec<(u16, String)>,
}

impl Head {
    /// The layout the window remembers columns by: the headings' text, folded.
    pub fn layout(&self) -> String {
        self.headings
            .iter()
            .map(|(_, h)| fold_for_search(h))
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Columns guessed from the headings' words ("Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện").
    pub fn guess(&self) -> Columns {
        let find = |words: &[&str]| {
            self.headings
                .iter()
                .find(|(_, h)| {
                    let h = fold_for_search(h);
                    words.iter().any(|w| h.contains(w))
                })
                .map(|(c, _)| *c)
        };
        Columns {
            header_row: self.header_row,
            name: find(&["chi tieu", "noi dung", "ten"])
                .or(self.headings.get(1).map(|(c, _)| *c))
                .unwrap_or(0),
            unit: find(&["don vi tinh", "dvt"]),
            plan: find(&["ke hoach"]),
            result: find(&["thuc hien", "ket qua"]),
        }
    }
}

/// The headings of `file`'s first sheet: on `header_row` (0-based) when given, else on the
/// first of its first rows with at least two texts.
pub fn head(file: &Path, header_row: Option<u32>) -> Result<Head> {
    let rows = read_rows(file, None, |_| false)?;
    let texts = |cells: &HashMap<u16, Cell>| {
        let mut t: Vec<(u16, String)> = cells
            .iter()
            .filter_map(|(c, v)| v.text().map(|t| (*c, t.trim().to_owned())))
            .collect();
        t.sort();
        t
    };
    let chosen = match header_row {
        Some(r) => rows.get(&r).map(|cells| (r, texts(cells))),
        None => rows
            .range(..HEAD_ROWS)
            .map(|(r, cells)| (*r, texts(cells)))
            .find(|(_, t)| t.len() >= 2),
    };
    let (header_row, headings) = chosen.unwrap_or((header_row.unwrap_or(0), Vec::new()));
    Ok(Head {
        header_row,
        headings,
    })
}

/// Reads `file` with `cols` as `member`'s figures for `year`, writing nothing.
pub fn preview(
    store: &Store,
    year: Year,
    file: &Path,
    member: MemberId,
    cols: &Columns,
) -> Result<Preview> {
    if cols.plan.is_none() && cols.result.is_none() {
        return Err(OpsError::Invalid(
            "Hãy chọn cột kế hoạch hoặc cột kết quả thực hiện (hoặc cả hai) để nhập.".to_owned(),
        ));
    }
    open_year(store, year)?;
    let members = crate::store::members::list(store.conn())?;
    let name = short_name(&members, member, year);
    let own: Vec<Indicator> = crate::store::indicators::list(store.conn(), year)?
        .into_iter()
        .filter(|i| i.member == member)
        .collect();
    if own.is_empty() {
        return Err(OpsError::Invalid(format!(
            "Đơn vị {name} chưa có chỉ tiêu nào năm {year}, nên không có gì để nhập."
        )));
    }
    let mut by_name: HashMap<String, Vec<&Indicator>> = HashMap::new();
    for ind in &own {
        by_name.entry(fold_case(&ind.name)).or_default().push(ind);
    }
    let figures: Vec<(Field, u16)> = [(Field::Plan, cols.plan), (Field::Result, cols.result)]
        .into_iter()
        .filter_map(|(f, c)| c.map(|c| (f, c)))
        .collect();
    let mut wanted = vec![cols.name];
    wanted.extend(cols.unit);
    wanted.extend(figures.iter().map(|(_, c)| *c));
    let rows = read_rows(file, Some(&wanted), |_| false)?;
    let mut out = Preview::new(file, year);
    let mut seen: HashMap<i64, u32> = HashMap::new();
    for (index, cells) in rows.range(cols.header_row + 1..) {
        let row = index + 1;
        let Some(text) = cells.get(&cols.name).and_then(Cell::text) else {
            continue;
        };
        // A heading of a group, a blank line between parts: no figure, nothing to match.
        if figures.iter().all(|(_, c)| !cells.contains_key(c)) {
            continue;
        }
        let unit = cols
            .unit
            .and_then(|c| cells.get(&c))
            .and_then(Cell::text)
            .map(fold_case);
        let candidates: Vec<&Indicator> = by_name
            .get(&fold_case(text))
            .map(|list| {
                let same_unit: Vec<&Indicator> = list
                    .iter()
                    .copied()
                    .filter(|i| unit.as_ref().is_none_or(|u| fold_case(&i.unit) == *u))
                    .collect();
                if same_unit.is_empty() {
                    list.clone()
                } else {
                    same_unit
                }
            })
            .unwrap_or_default();
        let ind = match candidates.as_slice() {
            [one] => *one,
            [] => {
                out.unmatched.push(RowProblem {
                    row,
                    reason: format!("{name} không có chỉ tiêu “{}” năm {year}.", text.trim()),
                });
                continue;
            }
            _ => {
                out.unmatched.push(RowProblem {
                    row,
                    reason: format!(
                        "{name} có {} chỉ tiêu cùng tên “{}”; hãy nhập chỉ tiêu này bằng tay.",
                        candidates.len(),
                        text.trim()
                    ),
                });
                continue;
            }
        };
        if !out.first_row_of(&mut seen, row, ind) {
            continue;
        }
        for (field, col) in &figures {
            let cell = cells.get(col).cloned().unwrap_or_default();
            out.consider(row, &name, ind, *field, &cell);
        }
    }
    Ok(out)
}

/// Reads the columns as typed on the command line: "name=C,unit=D,plan=E,result=F" (letters as
/// Excel shows them; `name` and one of `plan`, `result` needed), with the headings on
/// `header_row` (1-based, as Excel numbers rows).
pub fn parse_columns(spec: &str, header_row: u32) -> Result<Columns> {
    let bad = |what: &str| {
        OpsError::Invalid(format!(
            "Không hiểu “{what}” trong --columns. Hãy viết ví dụ name=C,unit=D,plan=E,result=F (chữ cái của cột như Excel ghi)."
        ))
    };
    let mut cols: HashMap<&str, u16> = HashMap::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((key, letters)) = part.split_once('=') else {
            return Err(bad(part));
        };
        let key = key.trim();
        if !["name", "unit", "plan", "result"].contains(&key) {
            return Err(bad(part));
        }
        let col = super::sheet::parse_column(letters).ok_or_else(|| bad(part))?;
        cols.insert(key, col);
    }
    let name = *cols.get("name").ok_or_else(|| bad(spec))?;
    Ok(Columns {
        header_row: header_row.saturating_sub(1),
        name,
        unit: cols.get("unit").copied(),
        plan: cols.get("plan").copied(),
        result: cols.get("result").copied(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_read_as_typed_on_the_command_line() {
        let c = parse_columns("name=B, plan=D,result=E", 3).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c,
            Columns {
                header_row: 2,
                name: 1,
                unit: None,
                plan: Some(3),
                result: Some(4)
            }
        );
        for bad in ["plan=D", "name=1", "name=B,kết quả=E", "name"] {
            assert!(parse_columns(bad, 1).is_err(), "{bad}");
        }
    }

    #[test]
    fn columns_are_guessed_from_the_headings() {
        let head = Head {
            header_row: 4,
            headings: vec![
                (0, "STT".into()),
                (1, "Tên chỉ tiêu".into()),
                (2, "ĐVT".into()),
                (3, "KH năm 2020 (Kế hoạch)".into()),
                (4, "Thực hiện".into()),
            ],
        };
        let c = head.guess();
        assert_eq!(
            (c.name, c.unit, c.plan, c.result),
            (1, Some(2), Some(3), Some(4))
        );
        assert_eq!(c.header_row, 4);
    }
}
