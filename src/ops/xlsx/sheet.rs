//! A workbook read as a stream of cells, keeping only the columns asked for, with a cap on the
//! file's size and on its cells: a sheet that claims (or has) a cell at XFD1048576 costs no
//! more memory than its real rows.

use crate::ops::{OpsError, Result};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// Larger than any data-request workbook (12.000 indicators make well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Cells read before the file is declared too large: a sheet of a real bloc has far fewer.
const MAX_CELLS: usize = 2_000_000;

/// One cell as the import sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Cell {
    #[default]
    Empty,
    Number(f64),
    Text(String),
    /// A value that is neither a number nor text, said as the user would ("một ngày tháng").
    Other(&'static str),
}

impl Cell {
    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// The cells kept, by 0-based row and column.
pub type Rows = BTreeMap<u32, HashMap<u16, Cell>>;

fn not_a_workbook(file: &Path, why: impl std::fmt::Display) -> OpsError {
    OpsError::Invalid(format!(
        "Không đọc được tệp “{}” như một bảng tính Excel (.xlsx) ({why}). Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.",
        file.display()
    ))
}

/// The cells of `cols` (all columns when `None`) of the first sheet `wanted` accepts, or of
/// the first sheet with any cell when none does.
pub fn read_rows(
    file: &Path,
    cols: Option<&[u16]>,
    wanted: impl Fn(&Rows) -> bool,
) -> Result<Rows> {
    let size = std::fs::metadata(file)
        .map_err(|source| OpsError::Read {
            path: file.to_path_buf(),
            source,
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(OpsError::Invalid(format!(
            "Tệp “{}” lớn bất thường ({} MB, giới hạn {} MB), nên không được nhập.",
            file.display(),
            size / 1024 / 1024,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let reader = std::fs::File::open(file).map_err(|source| OpsError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let mut wb: Xlsx<_> =
        Xlsx::new(std::io::BufReader::new(reader)).map_err(|e| not_a_workbook(file, e))?;
    let mut first: Option<Rows> = None;
    for name in wb.sheet_names() {
        let rows = read_sheet(&mut wb, &name, file, cols)?;
        if wanted(&rows) {
            return Ok(rows);
        }
        if first.is_none() && !rows.is_empty() {
            first = Some(rows);
        }
    }
    Ok(first.unwrap_or_default())
}

fn read_sheet<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    name: &str,
    file: &Path,
    cols: Option<&[u16]>,
) -> Result<Rows> {
    let mut cells = wb
        .worksheet_cells_reader(name)
        .map_err(|e| not_a_workbook(file, e))?;
    let mut rows = Rows::new();
    let mut count = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|e| not_a_workbook(file, e))? {
        count += 1;
        if count > MAX_CELLS {
            return Err(OpsError::Invalid(format!(
                "Trang tính “{name}” của tệp “{}” có quá nhiều ô (hơn {MAX_CELLS}); không nhập tệp này.",
                file.display()
            )));
        }
        let (row, col) = cell.get_position();
        let Ok(col) = u16::try_from(col) else {
            continue;
        };
        if cols.is_some_and(|cols| !cols.contains(&col)) {
            continue;
        }
        let value = cell_of(cell.get_value());
        if value != Cell::Empty {
            rows.entry(row).or_default().insert(col, value);
        }
    }
    Ok(rows)
}

fn cell_of(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Empty => Cell::Empty,
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) if f.is_finite() => Cell::Number(*f),
        DataRef::Float(_) => Cell::Other("một giá trị không phải số"),
        DataRef::String(s) if s.trim().is_empty() => Cell::Empty,
        DataRef::SharedString(s) if s.trim().is_empty() => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Bool(_) => Cell::Other("giá trị đúng/sai"),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) => Cell::Other("một ngày tháng"),
        DataRef::DurationIso(_) => Cell::Other("một khoảng thời gian"),
        DataRef::Error(_) => Cell::Other("một lỗi công thức"),
    }
}

/// A column's letters as Excel shows them: 0 → "A", 27 → "AB".
pub fn column_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// Letters ("C", "ab") as a 0-based column; `None` for anything else.
pub fn parse_column(s: &str) -> Option<u16> {
    let s = s.trim();
    if s.is_empty() || s.len() > 3 {
        return None;
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        n = n * 26 + (c as u32 - 'A' as u32 + 1);
    }
    u16::try_from(n - 1).ok().filter(|c| *c < 16_384)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        for (col, letters) in [(0, "A"), (2, "C"), (25, "Z"), (26, "AA"), (16_383, "XFD")] {
            assert_eq!(column_letters(col), letters);
            assert_eq!(parse_column(letters), Some(col));
        }
        assert_eq!(parse_column("c"), Some(2));
        for bad in ["", "1", "A1", "XFE", "ABCD"] {
            assert_eq!(parse_column(bad), None, "{bad}");
        }
    }
}
