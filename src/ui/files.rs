//! Where the window proposes to write new files: the year's documents, the workbooks, the
//! successor's file of a handover (the folder last used for each kind, else a "Khối thi đua"
//! folder in the user's Documents), and the "Mới…" form's first values; and the system's file
//! dialog, which may not open at all. The writing itself is `ops`'s.

use crate::domain::Year;
use crate::ops::bloc::NewBloc;
use crate::ui::app::Action;
use crate::ui::dialogs::{PathKind, PathRequest};
use std::path::{Path, PathBuf};

/// The folder of the open file, where exports are proposed.
pub fn beside(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// "khoi-thi-dua-2021.sqlite" in `folder`, for the successor.
pub fn handover_path(folder: &Path, year: Year) -> PathBuf {
    folder.join(format!("khoi-thi-dua-{}.sqlite", year + 1))
}

/// "ChiTieu2020.xlsx" in `folder`, for Xuất Excel.
pub fn default_xlsx_path(folder: &Path, year: Year) -> PathBuf {
    folder.join(format!("ChiTieu{year}.xlsx"))
}

/// A kind of output, each with its own remembered folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The year's documents (PDF, Word, the news item).
    Document,
    /// The year's workbook (Xuất Excel).
    Workbook,
    /// The data-request workbooks, a folder of them.
    Requests,
    /// The successor's file and the handover minutes.
    Handover,
    /// The roll-up of several blocs.
    Rollup,
    /// A copy of the open file (Lưu bản sao…).
    Copy,
}

impl Output {
    /// Its key in the settings file.
    pub fn key(self) -> &'static str {
        match self {
            Output::Document => "van-ban",
            Output::Workbook => "excel",
            Output::Requests => "mau-so-lieu",
            Output::Handover => "ban-giao",
            Output::Rollup => "tong-hop",
            Output::Copy => "ban-sao",
        }
    }
}

/// The folder proposed for `kind`: the one last written to when it still exists; else the
/// "Khối thi đua" folder of `documents`, made if missing; else beside the open file.
pub fn folder_for(
    settings: &crate::ui::settings::Settings,
    documents: Option<&Path>,
    kind: Output,
    db: &Path,
) -> PathBuf {
    if let Some(last) = settings.output_folders.get(kind.key())
        && last.is_dir()
    {
        return last.clone();
    }
    match documents {
        Some(d) if d.is_dir() || std::fs::create_dir_all(d).is_ok() => d.to_path_buf(),
        _ => beside(db),
    }
}

/// What the system's file dialog gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    Chosen(PathBuf),
    /// The user closed it.
    Cancelled,
    /// It did not open (no file-dialog service, as on a Linux desktop without its portal).
    Unavailable,
}

/// Why the window falls back to its path field.
pub const NO_FILE_DIALOG: &str = "Không mở được hộp chọn tệp của hệ thống (máy thiếu dịch vụ hộp thoại tệp). Hãy gõ đường dẫn đầy đủ vào ô bên cạnh.";

/// Whether the window tries the system's file dialogs. The tests say no: none opens on a
/// desktop that has them, and the path field shows as on a machine without them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FileDialogs {
    #[default]
    System,
    Unavailable,
}

fn dialogs_id() -> egui::Id {
    egui::Id::unique("khoi-thi-dua-file-dialogs")
}

/// Told by the app at each frame, so that every [`pick`] of the frame knows.
pub fn set_dialogs(ctx: &egui::Context, dialogs: FileDialogs) {
    ctx.data_mut(|d| d.insert_temp(dialogs_id(), dialogs));
}

/// Runs a system file dialog. It answers "nothing" both when the user cancels and when it
/// cannot open at all; no one closes a dialog within a fifth of a second, so an answer that
/// fast is taken for a dialog that never opened.
pub fn pick(ctx: &egui::Context, dialog: impl FnOnce() -> Option<PathBuf>) -> Picked {
    if ctx.data(|d| d.get_temp::<FileDialogs>(dialogs_id())) == Some(FileDialogs::Unavailable) {
        return Picked::Unavailable;
    }
    let started = std::time::Instant::now();
    match dialog() {
        Some(path) => Picked::Chosen(path),
        None if started.elapsed() < std::time::Duration::from_millis(200) => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// Asks for a path with the system's `dialog`; where it cannot open, with the path field of
/// `request` ([`PathDialog`](crate::ui::dialogs::PathDialog)), the proposed place filled in.
/// The path chosen becomes `request.then`'s action.
pub fn choose(
    ctx: &egui::Context,
    dialog: impl FnOnce() -> Option<PathBuf>,
    request: PathRequest,
    actions: &mut Vec<Action>,
) {
    match pick(ctx, dialog) {
        Picked::Chosen(path) => actions.push((request.then)(path)),
        Picked::Cancelled => {}
        Picked::Unavailable => actions.push(Action::AskPath(request)),
    }
}

/// Mở…: a bloc's file, from `folder`.
pub fn open_file(ctx: &egui::Context, folder: PathBuf, actions: &mut Vec<Action>) {
    let dialog = rfd::FileDialog::new()
        .set_title("Mở tệp dữ liệu khối thi đua")
        .add_filter("Tệp dữ liệu khối thi đua", &["sqlite", "db"])
        .set_directory(&folder);
    let request = PathRequest {
        title: "Mở tệp dữ liệu khối thi đua",
        confirm: "Mở",
        kind: PathKind::Existing,
        proposed: folder,
        then: Action::Open,
    };
    choose(ctx, || dialog.pick_file(), request, actions);
}

/// Lưu bản sao…: "ban-sao.sqlite" in `folder`.
pub fn save_copy(ctx: &egui::Context, folder: &Path, actions: &mut Vec<Action>) {
    let proposed = folder.join("ban-sao.sqlite");
    let dialog = rfd::FileDialog::new()
        .set_title("Lưu bản sao tệp dữ liệu")
        .add_filter("Tệp dữ liệu khối thi đua", &["sqlite"])
        .set_directory(folder)
        .set_file_name("ban-sao.sqlite");
    let request = PathRequest {
        title: "Lưu bản sao tệp dữ liệu",
        confirm: "Lưu",
        kind: PathKind::New,
        proposed,
        then: Action::SaveCopy,
    };
    choose(ctx, || dialog.save_file(), request, actions);
}

/// Xuất Excel…: `proposed` ("ChiTieu2020.xlsx" in the workbooks' folder).
pub fn export_workbook(ctx: &egui::Context, proposed: PathBuf, actions: &mut Vec<Action>) {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Xuất Excel")
        .add_filter("Bảng tính Excel", &["xlsx"]);
    if let Some(dir) = proposed.parent() {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = proposed.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let request = PathRequest {
        title: "Xuất Excel",
        confirm: "Xuất",
        kind: PathKind::New,
        proposed,
        then: Action::ExportXlsx,
    };
    choose(ctx, || dialog.save_file(), request, actions);
}

/// Xuất mẫu báo cáo số liệu…: the folder to write the workbooks into, `folder` proposed.
pub fn request_folder(ctx: &egui::Context, folder: PathBuf, actions: &mut Vec<Action>) {
    let dialog = rfd::FileDialog::new()
        .set_title("Chọn thư mục ghi mẫu báo cáo số liệu")
        .set_directory(&folder);
    let request = PathRequest {
        title: "Chọn thư mục ghi mẫu báo cáo số liệu",
        confirm: "Xuất",
        kind: PathKind::Folder,
        proposed: folder,
        then: |dir| Action::ExportRequests(dir, crate::ops::Overwrite::Refuse),
    };
    choose(ctx, || dialog.pick_folder(), request, actions);
}

/// Nhập số liệu từ Excel…: a returned workbook, from `folder`.
pub fn import_workbook(ctx: &egui::Context, folder: PathBuf, actions: &mut Vec<Action>) {
    let dialog = rfd::FileDialog::new()
        .set_title("Nhập số liệu từ Excel")
        .add_filter("Bảng tính Excel", &["xlsx"])
        .set_directory(&folder);
    let request = PathRequest {
        title: "Nhập số liệu từ Excel",
        confirm: "Nhập",
        kind: PathKind::Existing,
        proposed: folder,
        then: Action::PreviewImport,
    };
    choose(ctx, || dialog.pick_file(), request, actions);
}

/// The "Mới…" form, proposing a file in the data folder and the current year.
pub fn new_bloc_form(data_dir: &Option<PathBuf>) -> NewBloc {
    NewBloc {
        path: data_dir
            .as_deref()
            .map(|d| d.join("khoi-moi.sqlite").display().to_string())
            .unwrap_or_default(),
        year: chrono::Local::now().format("%Y").to_string(),
        ..Default::default()
    }
}
