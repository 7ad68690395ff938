//! The Excel commands: `export-xlsx`, `export-requests`, `import-xlsx`. The workbooks
//! themselves are made and read in `ops::xlsx`.

use super::{FILE_HELP_TEMPLATE, SUB_HELP_TEMPLATE, open_to_read, open_to_write, overwrite};
use crate::domain::Year;
use crate::ops::OpsError;
use crate::ops::xlsx::{export, import, mapped, requests};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Xuất bảng chỉ tiêu của một năm (và bảng xếp hạng, danh sách đề nghị khen thưởng nếu có)
/// ra Excel (.xlsx).
#[derive(Debug, Args)]
#[command(help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua export-xlsx [TÙY_CHỌN] --year <NĂM> --out <TỆP>")]
pub struct ExportXlsx {
    /// Năm cần xuất.
    #[arg(long, value_name = "NĂM")]
    year: Year,
    /// Tệp Excel cần ghi (.xlsx).
    #[arg(long, value_name = "TỆP")]
    out: PathBuf,
    /// Ghi đè tệp ra khi tệp đó đã có.
    #[arg(long)]
    force: bool,
}

/// Ghi mẫu báo cáo số liệu (.xlsx) cho từng đơn vị vào một thư mục, mỗi đơn vị một tệp mang
/// tên ngắn của đơn vị.
#[derive(Debug, Args)]
#[command(help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua export-requests [TÙY_CHỌN] --year <NĂM> --out-dir <THƯ_MỤC>")]
pub struct ExportRequests {
    /// Năm của các chỉ tiêu.
    #[arg(long, value_name = "NĂM")]
    year: Year,
    /// Thư mục ghi các tệp (tạo mới nếu chưa có).
    #[arg(long, value_name = "THƯ_MỤC")]
    out_dir: PathBuf,
    /// Ghi đè các tệp đã có trong thư mục.
    #[arg(long)]
    force: bool,
}

/// Nhập kết quả thực hiện từ mẫu báo cáo số liệu (.xlsx) một đơn vị gửi lại, hoặc từ bảng
/// tính khác khi cho biết đơn vị và các cột; in danh sách thay đổi trước khi ghi.
#[derive(Debug, Args)]
#[command(help_template = FILE_HELP_TEMPLATE, override_usage = "khoi-thi-dua import-xlsx [TÙY_CHỌN] --year <NĂM> <TỆP_XLSX>")]
pub struct ImportXlsx {
    /// Năm của các chỉ tiêu.
    #[arg(long, value_name = "NĂM")]
    year: Year,
    /// Tệp Excel đơn vị gửi lại.
    #[arg(value_name = "TỆP_XLSX")]
    input: PathBuf,
    /// Chỉ in các thay đổi, không ghi gì vào tệp dữ liệu.
    #[arg(long)]
    dry_run: bool,
    /// Với bảng tính không phải mẫu của chương trình: đơn vị gửi số liệu (tên đầy đủ, tên ngắn
    /// hoặc viết tắt).
    #[arg(long, value_name = "ĐƠN_VỊ", requires = "columns")]
    member: Option<String>,
    /// Với bảng tính không phải mẫu của chương trình: cột của tên chỉ tiêu, đơn vị tính, kế
    /// hoạch, kết quả, ví dụ name=B,unit=C,plan=D,result=E.
    #[arg(long, value_name = "CỘT", requires = "member")]
    columns: Option<String>,
    /// Dòng tiêu đề của bảng (số dòng như Excel ghi); mặc định: dòng đầu có từ hai ô chữ.
    #[arg(long, value_name = "DÒNG", requires = "columns")]
    header_row: Option<u32>,
}

pub fn export_xlsx(db: Option<&Path>, args: ExportXlsx) -> Result<String, OpsError> {
    let store = open_to_read(db)?;
    let done = export::export_year(&store, args.year, &args.out, overwrite(args.force))?;
    Ok(format!(
        "Đã xuất Excel năm {}: “{}” ({} chỉ tiêu; trang: {}).",
        args.year,
        args.out.display(),
        done.indicators,
        done.sheets.join(", ")
    ))
}

pub fn export_requests(db: Option<&Path>, args: ExportRequests) -> Result<String, OpsError> {
    let store = open_to_read(db)?;
    let done = requests::export_requests(&store, args.year, &args.out_dir, overwrite(args.force))?;
    let mut message = format!(
        "Đã ghi {} mẫu báo cáo số liệu năm {} vào “{}”.",
        done.files.len(),
        args.year,
        args.out_dir.display()
    );
    if !done.skipped.is_empty() {
        message.push_str(&format!(
            "\nKhông có chỉ tiêu nên không có mẫu: {}.",
            done.skipped.join("; ")
        ));
    }
    Ok(message)
}

pub fn import_xlsx(db: Option<&Path>, args: ImportXlsx) -> Result<String, OpsError> {
    let (mut store, _claim) = open_to_write(db)?;
    let preview = match (&args.member, &args.columns) {
        (Some(member), Some(spec)) => {
            let all = crate::store::members::list(store.conn())?;
            let member = crate::ops::handover::find_member(&all, args.year, member)?;
            let header_row = match args.header_row {
                Some(row) => row,
                None => mapped::head(&args.input, None)?.header_row + 1,
            };
            let columns = mapped::parse_columns(spec, header_row)?;
            mapped::preview(&store, args.year, &args.input, member, &columns)?
        }
        _ => import::preview(&store, args.year, &args.input)?,
    };
    let lines = preview.lines().join("\n");
    if let Some(refusal) = preview.refusal() {
        // The rows to fix, then the refusal on stderr; a closed pipe only loses the list.
        let _ = writeln!(std::io::stdout().lock(), "{lines}");
        return Err(OpsError::Invalid(refusal));
    }
    if args.dry_run {
        return Ok(format!("{lines}\nChạy thử: chưa ghi gì vào tệp dữ liệu."));
    }
    let n = import::apply(&mut store, &preview)?;
    Ok(format!("{lines}\nĐã ghi {n} số liệu vào tệp dữ liệu."))
}
