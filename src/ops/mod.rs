//! The user-level operations that the window and the command line share: export a document,
//! save a copy, hand over, receive, restore, create a bloc, exchange JSON. Each reads the store,
//! calls `report/` to turn data into documents, and writes files through `fsutil`, so that
//! neither `cli` nor `ui` composes a document or touches a file itself.
//!
//! Errors are [`OpsError`]: Vietnamese sentences naming the file or field, with the cause kept
//! as the error's source; the shell that called tells the user once (a dialog in the window,
//! one line and exit code 1 on the command line).

pub mod bloc;
pub mod export;
pub mod handover;
pub mod json;
pub mod lock;
pub mod receive;
pub mod rollup;
pub mod xlsx;

use crate::report::pdf::PdfError;
use crate::store::{Store, StoreError};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Everything an operation can fail with, worded for the user.
#[derive(Debug, Error)]
pub enum OpsError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(transparent)]
    Docx(#[from] crate::report::docx::DocxError),
    #[error(
        "Không ghi được tệp “{}” ({source}). Nếu tệp đang mở trong chương trình khác (trình đọc PDF, Word, Excel…), hãy đóng nó rồi thử lại; nếu không, hãy chọn thư mục khác có quyền ghi.",
        path.display()
    )]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Không đọc được tệp “{}” ({source}).", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The output exists and replacing it was not allowed.
    #[error("Tệp “{}” đã có; chương trình không ghi đè tệp đã có. Hãy chọn tên tệp khác.", path.display())]
    Exists { path: PathBuf },
    /// The output is one of the operation's own inputs (by file identity, whatever its spelling).
    #[error(
        "Tệp ghi ra “{}” chính là tệp “{}” đang được đọc; ghi vào đó sẽ làm mất dữ liệu. Hãy chọn tên tệp khác.",
        out.display(),
        input.display()
    )]
    SameAsInput { out: PathBuf, input: PathBuf },
    /// The successor's file of an earlier, interrupted handover of the same year is in the way:
    /// the user may redo the handover, replacing it.
    #[error(
        "Tệp “{}” là tệp bàn giao năm {year} mà tệp đang mở không ghi nhận (lần bàn giao đó bị ngắt giữa chừng, hoặc tệp đang mở đã được khôi phục về trước khi bàn giao). Có thể làm lại việc bàn giao: tệp cũ và biên bản cũ được chuyển vào thư mục sao lưu, không bị xóa.",
        path.display()
    )]
    UnfinishedHandover {
        path: PathBuf,
        year: crate::domain::Year,
    },
    /// Another window (or command) has the file open to change it.
    #[error(
        "Tệp “{}” đang được mở để sửa ở một cửa sổ khác của chương trình. Hãy làm việc ở cửa sổ đó, hoặc đóng nó rồi thử lại.",
        path.display()
    )]
    InUse { path: PathBuf },
    /// A workbook without the hidden keys of a data-request file: which column holds what must
    /// be said before it can be imported.
    #[error(
        "Tệp “{}” không phải mẫu báo cáo số liệu do chương trình tạo (không có cột mã ẩn của các chỉ tiêu). Hãy cho biết đơn vị và cột nào là tên chỉ tiêu, kế hoạch, kết quả thực hiện (dòng lệnh: --member và --columns), hoặc dùng tệp mẫu đã gửi cho đơn vị.",
        path.display()
    )]
    ForeignSheet { path: PathBuf },
    /// The year was handed on: the successor's file holds it, so this file does not write into
    /// it (the window says the same over the year, with the way to take it back).
    #[error(
        "{sentence}, nên tệp này không ghi vào năm {year}: số liệu năm {year} được nhập ở tệp của đơn vị nhận. Nếu phải làm lại việc bàn giao, hãy lấy lại quyền sửa trong cửa sổ chương trình: mở tệp này, chọn năm {year} rồi bấm “Lấy lại quyền sửa năm {year}…” trên thanh báo."
    )]
    HeldBySuccessor {
        year: crate::domain::Year,
        /// "Năm 2021 do … giữ từ 16/12/2020".
        sentence: String,
    },
    /// A rule of the request was broken; the message says which and what to do.
    #[error("{0}")]
    Invalid(String),
    /// A file operation failed where no better file name than the error's own was at hand.
    #[error("Lỗi đọc hoặc ghi tệp ({0}). Hãy kiểm tra ổ đĩa và quyền ghi của thư mục.")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = OpsError> = std::result::Result<T, E>;

/// Refuses an operation that would write into `year` when this file handed the year on (the
/// successor holds it: `store::years::held_by_successor`). Every writing operation asks here,
/// so the command line and the window refuse alike.
pub fn refuse_held_year(store: &Store, year: crate::domain::Year) -> Result<()> {
    let Some(held) = crate::store::years::held_by_successor(store.conn(), year)? else {
        return Ok(());
    };
    let members = crate::store::members::list(store.conn())?;
    Err(OpsError::HeldBySuccessor {
        year,
        sentence: held.sentence(members.iter().find(|m| m.id == held.holder)),
    })
}

/// Whether an operation may replace an output file that already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overwrite {
    /// Refuse (the command line without `--force`).
    #[default]
    Refuse,
    /// Replace it (the user confirmed, or gave `--force`). An output that is one of the
    /// inputs is refused all the same.
    Allow,
}

/// Checks an output path before anything is written: never one of `inputs` (by file identity),
/// and not an existing file unless `overwrite` allows it.
pub fn check_output(out: &Path, inputs: &[&Path], overwrite: Overwrite) -> Result<()> {
    if let Some(input) = inputs.iter().find(|i| crate::fsutil::same_file(out, i)) {
        return Err(OpsError::SameAsInput {
            out: out.to_path_buf(),
            input: input.to_path_buf(),
        });
    }
    if out.is_dir() {
        return Err(OpsError::Invalid(format!(
            "“{}” là một thư mục. Hãy chọn tên tệp cần ghi.",
            out.display()
        )));
    }
    if overwrite == Overwrite::Refuse && out.exists() {
        return Err(OpsError::Exists {
            path: out.to_path_buf(),
        });
    }
    Ok(())
}

/// Builds `out` atomically with `build` (see `fsutil::build_atomically`), naming the file in
/// an error of the file system.
pub fn build_file(out: &Path, build: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    crate::fsutil::build_atomically(out, build).map_err(|e| match e {
        OpsError::Io(source) => OpsError::Write {
            path: out.to_path_buf(),
            source,
        },
        other => other,
    })
}

/// Writes `bytes` to `out` atomically, naming the file in the error.
pub fn write_file(out: &Path, bytes: &[u8]) -> Result<()> {
    crate::fsutil::write_atomically(out, bytes).map_err(|source| OpsError::Write {
        path: out.to_path_buf(),
        source,
    })
}

/// Writes a compacted single-file copy of the open database to `out` ("Lưu bản sao…").
pub fn save_copy(store: &Store, out: &Path, overwrite: Overwrite) -> Result<()> {
    check_output(out, &[store.path()], overwrite)?;
    crate::store::copy::copy_to(store.conn(), out)?;
    Ok(())
}

/// The data folder's backup folder, or an error saying there is none.
pub fn backups_dir(data_dir: Option<&Path>) -> Result<PathBuf> {
    data_dir.map(crate::paths::backups_dir).ok_or_else(|| {
        OpsError::Invalid("Không tìm thấy thư mục dữ liệu để lưu bản sao lưu.".to_owned())
    })
}

/// Removes what a killed run may have left in the data folder: temporaries of backups and of
/// received copies, and their journals. Run at every start ([`lock::start_instance`]); a file
/// that cannot be removed is noted in the log and left for the next start. `alone`: no other
/// instance of the program is running, so every temporary there is a leftover; otherwise
/// another may be building one right now, and only those older than an hour go.
pub fn clean_leftovers(data_dir: &Path, alone: bool) {
    for dir in [
        crate::paths::backups_dir(data_dir),
        crate::paths::received_dir(data_dir),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let stale = name.is_some_and(|n| {
                n.ends_with(crate::fsutil::TEMP_SUFFIX)
                    || n.ends_with(&format!("{}-journal", crate::fsutil::TEMP_SUFFIX))
            });
            // Another instance may be building that temporary right now: only one older than
            // an hour is a leftover.
            let old = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(3600));
            if stale && (alone || old) {
                crate::fsutil::discard_temp(&path);
            }
        }
    }
}
