//! Reading a returned data-request workbook: every row is matched by its hidden key, and the
//! whole file is checked before anything is written. The preview lists each change (old →
//! new), each row that cannot be read (with its row number as Excel shows it and the reason)
//! and each row that matches nothing; a file with an unreadable row, or a key of another year
//! or bloc, is refused whole. The changes are one `Edit::Steps`: one transaction, one undo.
//!
//! The sheet is read as a stream of cells, keeping only the key, name and result columns, so a
//! workbook that claims a huge sheet (or has one) costs no more memory than its real rows.

use super::requests::{KEY_COL, NAME_COL, RESULT_COL};
use super::{KEY_PREFIX, RowKey, bloc_tag};
use crate::domain::{Indicator, Year};
use crate::edit::Edit;
use crate::ops::{OpsError, Result};
use crate::store::Store;
use crate::text::number::{NumberError, format_number, parse_non_negative};
use calamine::{DataRef, Reader, Xlsx};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Larger than any data-request workbook (12.000 indicators make well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Cells read before the file is declared too large: a sheet of a real bloc has far fewer.
const MAX_CELLS: usize = 2_000_000;

/// The label of the import in the Undo menu.
pub const LABEL: &str = "nhập số liệu từ Excel";

/// One result that the import would change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The row as Excel numbers it (1-based).
    pub row: u32,
    pub member: String,
    pub indicator: Indicator,
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

    /// The edit that makes the changes, as one undo step; refused when a row is unreadable.
    pub fn edit(&self) -> Result<Edit> {
        if let Some(refusal) = self.refusal() {
            return Err(OpsError::Invalid(refusal));
        }
        let steps = self
            .changes
            .iter()
            .map(|c| {
                let mut ind = c.indicator.clone();
                ind.result = Some(c.new);
                Edit::UpdateIndicator(ind)
            })
            .collect();
        Ok(Edit::Steps {
            label: LABEL,
            steps,
        })
    }
}

/// "Dòng 9 · Sở Tài chính · Thu ngân sách (tỷ đồng): từ 1.128 thành 3.611,73" (words, not an
/// arrow: the window's font has no arrow).
pub fn change_line(c: &Change) -> String {
    let old = c
        .indicator
        .result
        .map_or_else(|| "(trống)".to_owned(), format_number);
    let unit = if c.indicator.unit.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.indicator.unit)
    };
    format!(
        "Dòng {} · {} · {}{unit}: từ {old} thành {}",
        c.row,
        c.member,
        c.indicator.name,
        format_number(c.new)
    )
}

/// What one row of the sheet holds in the columns the import reads.
#[derive(Debug, Default)]
struct RawRow {
    key: Option<String>,
    name: String,
    result: Cell,
}

#[derive(Debug, Default)]
enum Cell {
    #[default]
    Empty,
    Number(f64),
    Text(String),
    Other(&'static str),
}

/// Reads `file` and matches it against `year` of the open file, writing nothing.
pub fn preview(store: &Store, year: Year, file: &Path) -> Result<Preview> {
    let rows = read_rows(file)?;
    let record = crate::store::years::get(store.conn(), year)?
        .ok_or_else(|| OpsError::Invalid(format!("Tệp dữ liệu chưa có năm {year}.")))?;
    if record.is_locked() {
        return Err(crate::store::StoreError::Locked(year).into());
    }
    let bloc = bloc_tag(&record.bloc_name);
    let members = crate::store::members::list(store.conn())?;
    let indicators: HashMap<i64, Indicator> = crate::store::indicators::list(store.conn(), year)?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let mut out = Preview {
        file: file.to_path_buf(),
        year,
        changes: Vec::new(),
        unreadable: Vec::new(),
        unmatched: Vec::new(),
        unchanged: 0,
    };
    let mut keyed = 0;
    let mut seen: HashMap<i64, u32> = HashMap::new();
    for (index, raw) in rows {
        let row = index + 1;
        let Some(key_text) = raw.key else {
            continue;
        };
        if !key_text.trim().starts_with(KEY_PREFIX) {
            continue;
        }
        keyed += 1;
        let Some(key) = RowKey::parse(&key_text) else {
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
            out.unmatched.push(RowProblem {
                row,
                reason: format!(
                    "chỉ tiêu “{}” không còn trong năm {year} (có thể đã bị xóa sau khi gửi mẫu).",
                    raw.name
                ),
            });
            continue;
        };
        if let Some(first) = seen.insert(ind.id, row) {
            out.unreadable.push(RowProblem {
                row,
                reason: format!("chỉ tiêu “{}” đã có ở dòng {first}.", ind.name),
            });
            continue;
        }
        let new = match raw.result {
            Cell::Empty => {
                out.unchanged += 1;
                continue;
            }
            // A result is never negative (the store refuses one): said here, with its row.
            Cell::Number(v) if v < 0.0 => {
                let e = NumberError::Negative {
                    text: format_number(v),
                };
                out.unreadable.push(RowProblem {
                    row,
                    reason: format!("cột “Kết quả thực hiện”: {e}"),
                });
                continue;
            }
            Cell::Number(v) => v,
            Cell::Text(text) => match parse_non_negative(&text) {
                Ok(v) => v,
                Err(e) => {
                    out.unreadable.push(RowProblem {
                        row,
                        reason: format!("cột “Kết quả thực hiện”: {e}"),
                    });
                    continue;
                }
            },
            Cell::Other(what) => {
                out.unreadable.push(RowProblem {
                    row,
                    reason: format!(
                        "cột “Kết quả thực hiện” chứa {what}, không phải số. Hãy gõ số như 1.128 hoặc 3.611,73."
                    ),
                });
                continue;
            }
        };
        if ind.result == Some(new) {
            out.unchanged += 1;
            continue;
        }
        let member = members
            .iter()
            .find(|m| m.id == ind.member)
            .map_or_else(String::new, |m| m.short_name_in(year).to_owned());
        out.changes.push(Change {
            row,
            member,
            indicator: ind.clone(),
            new,
        });
    }
    if keyed == 0 {
        return Err(OpsError::Invalid(format!(
            "Tệp “{}” không phải mẫu báo cáo số liệu do chương trình tạo (không có cột mã ẩn của các chỉ tiêu), nên chưa nhập được. Hãy dùng tệp mẫu đã gửi cho đơn vị (Tệp › Xuất mẫu báo cáo số liệu…).",
            file.display()
        )));
    }
    Ok(out)
}

/// Applies a preview in one transaction (the command line; the window goes through its history
/// so the import is one undo step). Returns how many results changed.
pub fn apply(store: &mut Store, preview: &Preview) -> Result<usize> {
    let edit = preview.edit()?;
    store.write(|tx| edit.apply(tx))?;
    Ok(preview.changes.len())
}

fn not_a_workbook(file: &Path, why: impl std::fmt::Display) -> OpsError {
    OpsError::Invalid(format!(
        "Không đọc được tệp “{}” như một bảng tính Excel (.xlsx) ({why}). Hãy mở tệp bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.",
        file.display()
    ))
}

/// The rows of the first sheet that has keys (the request's sheet), by 0-based row number.
fn read_rows(file: &Path) -> Result<BTreeMap<u32, RawRow>> {
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
    let names = wb.sheet_names();
    let mut last = BTreeMap::new();
    for name in names {
        let rows = read_sheet(&mut wb, &name, file)?;
        if rows.values().any(|r| r.key.is_some()) {
            return Ok(rows);
        }
        last = rows;
    }
    Ok(last)
}

fn read_sheet<R: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<R>,
    name: &str,
    file: &Path,
) -> Result<BTreeMap<u32, RawRow>> {
    let mut cells = wb
        .worksheet_cells_reader(name)
        .map_err(|e| not_a_workbook(file, e))?;
    let mut rows: BTreeMap<u32, RawRow> = BTreeMap::new();
    let mut count = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|e| not_a_workbook(file, e))? {
        count += 1;
        if count > MAX_CELLS {
            return Err(OpsError::Invalid(format!(
                "Trang tính “{name}” của tệp “{}” có quá nhiều ô (hơn {MAX_CELLS}), không phải mẫu báo cáo số liệu; không nhập tệp này.",
                file.display()
            )));
        }
        let (row, col) = cell.get_position();
        let value = cell.get_value();
        if col == u32::from(KEY_COL) {
            if let Some(text) = text_of(value) {
                rows.entry(row).or_default().key = Some(text);
            }
        } else if col == u32::from(NAME_COL) {
            if let Some(text) = text_of(value) {
                rows.entry(row).or_default().name = text;
            }
        } else if col == u32::from(RESULT_COL) {
            let result = match value {
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
            };
            rows.entry(row).or_default().result = result;
        }
    }
    Ok(rows)
}

fn text_of(value: &DataRef<'_>) -> Option<String> {
    match value {
        DataRef::String(s) => Some(s.clone()),
        DataRef::SharedString(s) => Some((*s).to_owned()),
        _ => None,
    }
}
