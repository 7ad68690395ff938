//! Excel workbooks (.xlsx): the year's tables for the office (`export`), the data-request
//! workbook sent to each member (`requests`) and the reading of a returned one (`import`).
//! Written with rust_xlsxwriter, read with calamine; neither `ui` nor `cli` touches a workbook.
//!
//! Numbers are stored as numbers. Their number formats are Excel's locale-free codes
//! (`#,##0`, `#,##0.00`): Excel draws the separators of the reader's locale, so a Vietnamese
//! Excel shows 1.128 and 3.611,73 and an English one 1,128 and 3,611.73, for the same value.

pub mod export;
pub mod import;
pub mod mapped;
pub mod requests;
pub mod rollup;
pub mod sheet;

use super::OpsError;
use crate::domain::Year;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};
use sha2::{Digest, Sha256};

/// What a row's hidden key starts with: marks the rows of our data-request workbooks.
pub const KEY_PREFIX: &str = "KTD1";

/// A4 in Excel's paper size codes.
const PAPER_A4: u8 = 9;

/// The widest a column is made (in characters); longer text wraps.
const MAX_WIDTH: usize = 60;

pub(crate) fn xlsx_error(e: XlsxError) -> OpsError {
    OpsError::Invalid(format!("Không tạo được bảng tính Excel ({e})."))
}

/// The bloc as the keys name it: a short hash of its name, so that a file returned to another
/// bloc with the same numbering is refused.
pub fn bloc_tag(bloc_name: &str) -> String {
    let name = crate::text::nfc(bloc_name.trim()).to_lowercase();
    Sha256::digest(name.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hidden key of one indicator's row: the program's mark, the year, the bloc, the
/// member and the indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowKey {
    pub year: Year,
    pub bloc: String,
    pub member: i64,
    pub indicator: i64,
}

impl RowKey {
    pub fn text(&self) -> String {
        format!(
            "{KEY_PREFIX}|{}|{}|{}|{}",
            self.year, self.bloc, self.member, self.indicator
        )
    }

    /// Reads a key; `None` for text that is not one.
    pub fn parse(s: &str) -> Option<RowKey> {
        let mut parts = s.trim().split('|');
        if parts.next()? != KEY_PREFIX {
            return None;
        }
        let year = parts.next()?.parse().ok()?;
        let bloc = parts.next()?.to_owned();
        let member = parts.next()?.parse().ok()?;
        let indicator = parts.next()?.parse().ok()?;
        parts.next().is_none().then_some(RowKey {
            year,
            bloc,
            member,
            indicator,
        })
    }
}

/// The number format that shows `v` with exactly the decimals it has (up to 6), so the cell
/// reads as the program writes the number: 1.128, 3.611,73.
/// Writes an indicator's plan: the number, or the target as the secretariat typed it ("Trên 4",
/// "6,6-6,8") as text, so that the workbook says what the plan says.
pub(crate) fn write_plan(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    ind: &crate::domain::Indicator,
    text: &Format,
    widths: &mut Widths,
    width_col: usize,
) -> Result<(), OpsError> {
    if !ind.plan_text.trim().is_empty() {
        widths.note(width_col, &ind.plan_text);
        return ws
            .write_string_with_format(row, col, &ind.plan_text, text)
            .map(|_| ())
            .map_err(xlsx_error);
    }
    match ind.plan {
        Some(v) => {
            widths.note_number(width_col, v);
            ws.write_number_with_format(row, col, v, &number_format(v))
        }
        None => ws.write_blank(row, col, text),
    }
    .map(|_| ())
    .map_err(xlsx_error)
}

pub(crate) fn number_format(v: f64) -> Format {
    Format::new()
        .set_num_format(number_code(decimals(v)))
        .set_border(FormatBorder::Thin)
}

fn decimals(v: f64) -> usize {
    let plain = format!("{v}");
    plain.split_once('.').map_or(0, |(_, f)| f.len().min(6))
}

fn number_code(decimals: usize) -> String {
    if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(decimals))
    }
}

/// A percentage as the program shows it (`text::number::format_percent`: 98%, 99,7%): the
/// value stored is the one shown, with as many decimals.
pub(crate) fn percent_cell(p: f64) -> Option<(f64, Format)> {
    let shown = crate::text::number::format_percent(p);
    let body = shown.strip_suffix('%')?;
    let value = crate::text::number::parse_number(body).ok()?;
    let code = format!("{}%", number_code(decimals(value)));
    Some((
        value / 100.0,
        Format::new()
            .set_num_format(code)
            .set_border(FormatBorder::Thin),
    ))
}

/// The formats of a table.
pub(crate) struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub group: Format,
    pub subgroup: Format,
    pub text: Format,
    pub center: Format,
}

impl Styles {
    pub fn new() -> Styles {
        let base = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        Styles {
            title: base.clone().set_bold().set_font_size(14),
            subtitle: base.clone().set_italic(),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xDDEBF7)),
            group: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF2F2F2)),
            subgroup: cell.clone().set_italic(),
            center: cell.clone().set_align(FormatAlign::Center),
            text: cell,
        }
    }
}

/// Column widths fitted to what was written (in characters), applied once at the end.
pub(crate) struct Widths(Vec<usize>);

impl Widths {
    pub fn new(headers: &[&str]) -> Widths {
        // A heading wraps onto two lines rather than widening its column.
        Widths(
            headers
                .iter()
                .map(|h| h.chars().count().div_ceil(2).max(6))
                .collect(),
        )
    }

    pub fn note(&mut self, col: usize, text: &str) {
        if let Some(w) = self.0.get_mut(col) {
            *w = (*w).max(text.chars().count().min(MAX_WIDTH));
        }
    }

    pub fn note_number(&mut self, col: usize, v: f64) {
        self.note(col, &crate::text::number::format_number(v));
    }

    pub fn apply(&self, ws: &mut Worksheet, first_col: u16) -> Result<(), OpsError> {
        for (i, w) in self.0.iter().enumerate() {
            let col = first_col + u16::try_from(i).unwrap_or(0);
            ws.set_column_width(col, (*w + 2) as f64)
                .map_err(xlsx_error)?;
        }
        Ok(())
    }
}

/// A4, landscape when asked, one page wide, the header row repeated on every page, the
/// header row frozen on screen.
pub(crate) fn page_setup(
    ws: &mut Worksheet,
    header_row: u32,
    landscape: bool,
) -> Result<(), OpsError> {
    ws.set_paper_size(PAPER_A4);
    if landscape {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(header_row, header_row)
        .map_err(xlsx_error)?;
    ws.set_freeze_panes(header_row + 1, 0).map_err(xlsx_error)?;
    ws.set_footer("&CTrang &P/&N");
    Ok(())
}

/// Writes a title over `cols` columns at `row`.
pub(crate) fn title(
    ws: &mut Worksheet,
    row: u32,
    cols: u16,
    text: &str,
    format: &Format,
) -> Result<(), OpsError> {
    if cols > 1 {
        ws.merge_range(row, 0, row, cols - 1, text, format)
            .map_err(xlsx_error)?;
    } else {
        ws.write_string_with_format(row, 0, text, format)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// The header row.
pub(crate) fn headers(
    ws: &mut Worksheet,
    row: u32,
    first_col: u16,
    names: &[&str],
    format: &Format,
) -> Result<(), OpsError> {
    for (i, name) in names.iter().enumerate() {
        let col = first_col + u16::try_from(i).unwrap_or(0);
        ws.write_string_with_format(row, col, *name, format)
            .map_err(xlsx_error)?;
    }
    ws.set_row_height(row, 33).map_err(xlsx_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_and_other_text_is_not_a_key() {
        let key = RowKey {
            year: 2020,
            bloc: bloc_tag("Khối Kinh tế ngành"),
            member: 3,
            indicator: 41,
        };
        assert_eq!(RowKey::parse(&key.text()), Some(key));
        for other in [
            "",
            "KTD1|2020",
            "KTD2|2020|ab|1|2",
            "KTD1|x|ab|1|2",
            "KTD1|2020|ab|1|2|3",
        ] {
            assert_eq!(RowKey::parse(other), None, "{other}");
        }
    }

    #[test]
    fn number_formats_show_the_decimals_the_value_has() {
        assert_eq!(number_code(decimals(1128.0)), "#,##0");
        assert_eq!(number_code(decimals(3611.73)), "#,##0.00");
        assert_eq!(number_code(decimals(0.5)), "#,##0.0");
    }

    #[test]
    fn a_percentage_is_stored_as_shown() {
        for (p, stored) in [(99.96, 0.999), (97.64, 0.98), (1250.0, 12.5)] {
            let (v, _) = percent_cell(p).unwrap_or((0.0, Format::new()));
            assert!((v - stored).abs() < 1e-12, "{p}: {v}");
        }
    }
}
