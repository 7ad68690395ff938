//! `rollup`: several blocs' files compared for one year (`ops::rollup`).

use super::{FILE_HELP_TEMPLATE, overwrite};
use crate::domain::Year;
use crate::ops::OpsError;
use clap::Args;
use std::path::PathBuf;

/// Tổng hợp kết quả thi đua của nhiều khối trong một năm từ các tệp dữ liệu các khối gửi
/// (chỉ đọc, không sửa tệp nào), ghi ra PDF, Word (.docx) hoặc Excel (.xlsx) theo phần mở
/// rộng của tệp ra.
#[derive(Debug, Args)]
#[command(help_template = FILE_HELP_TEMPLATE, override_usage = "khoi-thi-dua rollup [TÙY_CHỌN] --year <NĂM> --out <TỆP.pdf|TỆP.docx|TỆP.xlsx> <TỆP>...")]
pub struct Rollup {
    /// Các tệp dữ liệu (.sqlite) của các khối.
    #[arg(value_name = "TỆP", required = true)]
    inputs: Vec<PathBuf>,
    /// Năm cần tổng hợp.
    #[arg(long, value_name = "NĂM")]
    year: Year,
    /// Tệp cần ghi (.pdf, .docx hoặc .xlsx).
    #[arg(long, value_name = "TỆP")]
    out: PathBuf,
    /// Ghi đè tệp ra khi tệp đó đã có.
    #[arg(long)]
    force: bool,
    /// In bằng phông chữ đi kèm chương trình (Liberation Serif) dù máy có Times New Roman.
    #[arg(long)]
    embedded_font: bool,
    /// Không in kèm biểu đồ tỷ lệ chỉ tiêu đạt kế hoạch của các khối (trong tệp PDF và Word).
    #[arg(long)]
    no_charts: bool,
}

pub fn rollup(args: Rollup) -> Result<String, OpsError> {
    let fonts = crate::ops::export::document_fonts(!args.embedded_font);
    let done = crate::ops::rollup::rollup(
        &args.inputs,
        args.year,
        &args.out,
        &fonts,
        overwrite(args.force),
        !args.no_charts,
    )?;
    Ok(done.message(&args.out))
}
