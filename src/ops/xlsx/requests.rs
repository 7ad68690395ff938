//! The data-request workbooks ("Mẫu báo cáo số liệu"): one per member, listing its indicators
//! with their unit and plan and an empty result cell to fill, ready to e-mail. Each row carries
//! a hidden key (year, bloc, member, indicator) so that the returned file is matched row by
//! row (`import`). The sheet is protected without a password, only the result cells are
//! open: the layout the import expects cannot be broken by accident.

use super::{RowKey, Styles, Widths, bloc_tag, headers, page_setup, title, write_plan, xlsx_error};
use crate::domain::{Indicator, Member, Year, YearData, members_in};
use crate::ops::{OpsError, Overwrite, Result, check_output, write_file};
use crate::store::Store;
use rust_xlsxwriter::{Color, Format, ProtectionOptions, Workbook};
use std::path::{Path, PathBuf};

/// The sheet's name in every request workbook.
pub const SHEET: &str = "Mẫu báo cáo";

/// Columns: the hidden key, then what the member sees.
pub const KEY_COL: u16 = 0;
pub const NAME_COL: u16 = 2;
pub const RESULT_COL: u16 = 5;
const HEADERS: [&str; 6] = [
    "STT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch",
    "Kết quả thực hiện",
    "Ghi chú",
];
/// The header row (0-based); the indicators follow it.
pub const HEADER_ROW: u32 = 7;

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Requests {
    pub files: Vec<PathBuf>,
    /// Members of the year with no indicator, for whom no file was made.
    pub skipped: Vec<String>,
}

/// Writes one request workbook per member of `year` that has indicators into `dir` (made
/// when missing). Every file name is checked before the first is written.
pub fn export_requests(
    store: &Store,
    year: Year,
    dir: &Path,
    overwrite: Overwrite,
) -> Result<Requests> {
    let members = crate::store::members::list(store.conn())?;
    let data = crate::store::years::data(store.conn(), year)?;
    let mut plan: Vec<(PathBuf, &Member)> = Vec::new();
    let mut skipped = Vec::new();
    for m in members_in(&members, year) {
        if !data.indicators.iter().any(|i| i.member == m.id) {
            skipped.push(m.full_name_in(year).to_owned());
            continue;
        }
        let stem = safe_file_stem(m.short_name_in(year), m.id);
        let mut path = dir.join(format!("{stem}.xlsx"));
        let mut n = 2;
        while plan.iter().any(|(p, _)| *p == path) {
            path = dir.join(format!("{stem} ({n}).xlsx"));
            n += 1;
        }
        plan.push((path, m));
    }
    if plan.is_empty() {
        return Err(OpsError::Invalid(format!(
            "Năm {year} chưa có chỉ tiêu nào, nên chưa có mẫu báo cáo số liệu để gửi."
        )));
    }
    std::fs::create_dir_all(dir).map_err(|source| OpsError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    for (path, _) in &plan {
        check_output(path, &[store.path()], overwrite)?;
    }
    let mut files = Vec::new();
    for (path, member) in plan {
        let bytes = workbook_bytes(member, &data)?;
        write_file(&path, &bytes)?;
        files.push(path);
    }
    Ok(Requests { files, skipped })
}

/// The request workbook of `member`.
pub fn workbook_bytes(member: &Member, data: &YearData) -> Result<Vec<u8>> {
    let year = data.record.year;
    let s = Styles::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(SHEET).map_err(xlsx_error)?;
    let last = HEADERS.len() as u16;
    title(
        ws,
        0,
        last + 1,
        &format!("MẪU BÁO CÁO SỐ LIỆU NĂM {year}"),
        &s.title,
    )?;
    title(ws, 1, last + 1, member.full_name_in(year), &s.title)?;
    let lines = [
        format!(
            "Hướng dẫn: xin nhập kết quả thực hiện năm {year} vào cột “Kết quả thực hiện” (các ô nền vàng), mỗi chỉ tiêu một ô; để trống ô chưa có số liệu."
        ),
        "Gõ số như thường lệ trong Excel, hoặc gõ theo kiểu Việt Nam như 1.128 hoặc 3.611,73. Không thêm, xóa hay đổi thứ tự các dòng, không đổi tên trang tính.".to_owned(),
        format!(
            "Lưu tệp (giữ dạng .xlsx) rồi gửi lại cho Ban thư ký {}; chương trình của Khối đọc tệp này và ghi số liệu vào đúng chỉ tiêu.",
            data.record.bloc_name
        ),
    ];
    for (i, line) in lines.iter().enumerate() {
        title(ws, 3 + i as u32, last + 1, line, &s.subtitle)?;
    }
    ws.write_string_with_format(HEADER_ROW, KEY_COL, "Mã", &s.header)
        .map_err(xlsx_error)?;
    headers(ws, HEADER_ROW, 1, &HEADERS, &s.header)?;
    let open = number_cell_open();
    let bloc = bloc_tag(&data.record.bloc_name);
    let own: Vec<&Indicator> = data
        .indicators
        .iter()
        .filter(|i| i.member == member.id)
        .collect();
    let mut widths = Widths::new(&HEADERS);
    for (k, ind) in own.iter().enumerate() {
        let row = HEADER_ROW + 1 + k as u32;
        let key = RowKey {
            year,
            bloc: bloc.clone(),
            member: member.id,
            indicator: ind.id,
        };
        ws.write_string(row, KEY_COL, key.text())
            .map_err(xlsx_error)?;
        ws.write_number_with_format(row, 1, (k + 1) as f64, &s.center)
            .map_err(xlsx_error)?;
        ws.write_string_with_format(row, NAME_COL, &ind.name, &s.text)
            .map_err(xlsx_error)?;
        widths.note(1, &ind.name);
        ws.write_string_with_format(row, 3, &ind.unit, &s.center)
            .map_err(xlsx_error)?;
        widths.note(2, &ind.unit);
        write_plan(ws, (row, 4), ind, &s.text, &mut widths, 3)?;
        ws.write_blank(row, RESULT_COL, &open).map_err(xlsx_error)?;
        ws.write_string_with_format(row, 6, &ind.note, &s.text)
            .map_err(xlsx_error)?;
        widths.note(5, &ind.note);
    }
    widths.apply(ws, 1)?;
    ws.set_column_width(RESULT_COL, 18).map_err(xlsx_error)?;
    ws.set_column_hidden(KEY_COL).map_err(xlsx_error)?;
    page_setup(ws, HEADER_ROW, false)?;
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    wb.save_to_buffer().map_err(xlsx_error)
}

/// The result cell: open to typing under the sheet's protection, yellow so it is found.
fn number_cell_open() -> Format {
    Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_background_color(Color::RGB(0xFFF2CC))
        .set_num_format("#,##0.##########")
        .set_unlocked()
}

/// A member's short name as a Windows file name: the characters Windows refuses become "-",
/// trailing dots and spaces go, a reserved device name gets a "_" before it.
pub fn safe_file_stem(name: &str, id: i64) -> String {
    let cleaned: String = crate::text::nfc(name)
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim().trim_end_matches(['.', ' ']).to_owned();
    if cleaned.is_empty() {
        return format!("don-vi-{id}");
    }
    let stem = cleaned.split('.').next().unwrap_or("").to_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.chars().last().is_some_and(|c| c.is_ascii_digit()));
    let mut out = if reserved {
        format!("_{cleaned}")
    } else {
        cleaned
    };
    // Far below Windows' 255, leaving room for the folder and " (2).xlsx".
    if out.chars().count() > 100 {
        out = out
            .chars()
            .take(100)
            .collect::<String>()
            .trim_end()
            .to_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::safe_file_stem;

    #[test]
    fn short_names_become_names_windows_accepts() {
        assert_eq!(safe_file_stem("Sở Tài chính", 1), "Sở Tài chính");
        assert_eq!(safe_file_stem("Sở KH/ĐT: \"mới\"", 1), "Sở KH-ĐT- -mới-");
        assert_eq!(safe_file_stem("Cục Thuế. ", 1), "Cục Thuế");
        assert_eq!(safe_file_stem("con", 1), "_con");
        assert_eq!(safe_file_stem("COM1", 1), "_COM1");
        assert_eq!(safe_file_stem("  ", 7), "don-vi-7");
    }
}
