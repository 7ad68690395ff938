//! The app shell: the window's frame (menu, tabs, status bar, dialog), the [`Action`] queue and
//! [`App::apply`], which runs each action after the frame.
//!
//! Tabs and dialogs push [`Action`]s while drawing; [`App::apply_actions`] runs them after the
//! frame. Data changes are [`Edit`]s applied through the undo [`History`], one transaction each.
//! The open file lives in [`super::session`], the menu and status bar in [`super::menu`], the
//! dialogs in [`super::dialogs`].

use super::dialogs::{
    Choice, ConfirmDialog, Dialog, ExportDialog, NewBlocDialog, PreviewDialog, RestoreDialog,
    WelcomeDialog,
};
use super::export::ExportJob;
use super::files::{Output, folder_for, handover_path, new_bloc_form};
use super::menu::{Chrome, WAIT_FOR_EXPORT, shortcuts};
use super::preview::PreviewJob;
use super::session::{self, Notice, Opened, Session};
use super::settings::Settings;
use super::{awards_tab, handover_tab, indicators_tab, members_tab, report_tab, scoring_tab};
use crate::domain::Year;
use crate::edit::{Edit, History};
use crate::ops::bloc::{NewBloc, create_bloc_file};
use crate::ops::export::DocumentKind;
use crate::ops::{self, Overwrite};
use crate::store::years;
use egui::{Color32, RichText};

mod office;
mod rollup;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// "Việc cần làm": what the year still needs, each with a link to its tab.
    Todo,
    Members,
    Indicators,
    Scoring,
    Awards,
    Report,
    Handover,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Todo,
        Tab::Members,
        Tab::Indicators,
        Tab::Scoring,
        Tab::Awards,
        Tab::Report,
        Tab::Handover,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Todo => "Việc cần làm",
            Tab::Members => "Thành viên",
            Tab::Indicators => "Chỉ tiêu",
            Tab::Scoring => "Chấm điểm",
            Tab::Awards => "Khen thưởng",
            Tab::Report => "Báo cáo",
            Tab::Handover => "Bàn giao",
        }
    }
}

/// What the user asked for during a frame, applied after it.
#[derive(Debug)]
pub enum Action {
    /// Reads an indicator's history for the Chỉ tiêu tab's side panel.
    IndicatorHistory(i64),
    /// Reads a member's years for the Chỉ tiêu tab's chart.
    MemberYears(crate::domain::MemberId),
    Open(PathBuf),
    /// Asks which file to open (Mở…, Ctrl+O), from the open file's folder.
    OpenDialog,
    /// The path field in place of a system file dialog that cannot open.
    AskPath(super::dialogs::PathRequest),
    /// Opens a file only to show it (another window has it open to change it).
    OpenToView(PathBuf),
    /// Opens the "Mới…" form.
    NewBlocDialog,
    CreateBloc(NewBloc),
    SaveCopy(PathBuf),
    SelectYear(Year),
    SelectTab(Tab),
    Edit(Edit),
    Undo,
    Redo,
    ShowError(String),
    Toast(String),
    Handover(crate::ops::handover::HandoverRequest),
    UnlockYear(Year),
    /// Takes a year back from the successor in this file (a handover that must be redone).
    TakeBack(Year),
    /// Opens the list of backups to restore one.
    RestoreDialog,
    RestoreBackup(PathBuf),
    Reload,
    Quit,
    /// Shows the welcome again (Trợ giúp › Giới thiệu).
    About,
    /// Shows the user's guide (F1, Trợ giúp › Hướng dẫn sử dụng).
    Guide,
    /// Opens the export dialog for the year's report.
    ExportPdfDialog(DocumentKind),
    /// Exports the year's report to this path, in the background.
    ExportPdf(DocumentKind, PathBuf),
    /// Shows the year's document as it prints ("Xem trước"), laid out in the background.
    Preview(DocumentKind),
    /// Opens a file or folder with the system's program ("Mở tệp", "Mở thư mục").
    OpenWithSystem(PathBuf),
    /// Asks before doing `then`, showing what it will change.
    Confirm {
        title: String,
        lines: Vec<String>,
        confirm: String,
        then: Box<Action>,
    },
    /// Writes the year's workbook (.xlsx) to this path.
    ExportXlsx(PathBuf),
    /// Writes the data-request workbooks into this folder.
    ExportRequests(PathBuf, Overwrite),
    /// Reads a returned data-request workbook and shows what importing it would change.
    PreviewImport(PathBuf),
    /// Makes the changes of an import's preview (one edit, one undo step).
    Import(Edit),
    /// Asks which columns of a workbook that is not a data-request file hold what, with its
    /// headings read on this row (0-based; `None`: guessed).
    ChooseColumns(PathBuf, Option<u32>),
    /// Previews a workbook read with the columns chosen, and remembers them for its layout.
    PreviewMapped {
        file: PathBuf,
        member: crate::domain::MemberId,
        columns: crate::ops::xlsx::mapped::Columns,
        layout: String,
    },
    /// Opens "Tổng hợp các khối…".
    RollupDialog,
    /// Compares the blocs' files of the request (`ops::rollup`).
    Rollup(RollupRequest),
}

/// What "Tổng hợp các khối…" asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct RollupRequest {
    pub files: Vec<PathBuf>,
    pub year: Year,
    pub out: PathBuf,
    pub overwrite: bool,
}

/// How files and folders are handed to the system's programs: for real, or, in the tests,
/// only noted so that no program starts.
#[derive(Debug, Default)]
enum Launcher {
    #[default]
    System,
    Recorded(Vec<PathBuf>),
}

pub struct App {
    data_dir: Option<PathBuf>,
    /// The "Khối thi đua" folder where exports are proposed (`paths::documents_dir`).
    documents: Option<PathBuf>,
    settings: Settings,
    /// Why the settings could not be saved, shown in the status bar until a save succeeds.
    settings_error: Option<String>,
    pub session: Option<Session>,
    pub tab: Tab,
    dialog: Option<Dialog>,
    toast: Option<(String, f64)>,
    /// The file the last export wrote, offered to open until another message replaces it.
    exported: Option<PathBuf>,
    launcher: Launcher,
    /// Whether the system's file dialogs are tried (the tests: never).
    file_dialogs: super::files::FileDialogs,
    actions: Vec<Action>,
    members_tab: members_tab::MembersTab,
    indicators_tab: indicators_tab::IndicatorsTab,
    scoring_tab: scoring_tab::ScoringTab,
    awards_tab: awards_tab::AwardsTab,
    report_tab: report_tab::ReportTab,
    handover_tab: handover_tab::HandoverTab,
    todo: super::todo::TodoPanel,
    export: Option<ExportJob>,
}

impl App {
    /// Opens `db`, or the default database in `data_dir` (created from the sample on first run,
    /// with a welcome). Failures become an error dialog, never a panic.
    pub fn new(data_dir: Option<PathBuf>, db: Option<PathBuf>) -> App {
        let settings = Settings::load(data_dir.as_deref());
        let mut app = App {
            documents: crate::paths::documents_dir(data_dir.as_deref()),
            data_dir,
            settings,
            settings_error: None,
            session: None,
            tab: Tab::Todo,
            dialog: None,
            toast: None,
            exported: None,
            launcher: Launcher::System,
            file_dialogs: Default::default(),
            actions: Vec::new(),
            members_tab: Default::default(),
            indicators_tab: Default::default(),
            scoring_tab: Default::default(),
            awards_tab: Default::default(),
            report_tab: Default::default(),
            handover_tab: Default::default(),
            todo: Default::default(),
            export: None,
        };
        let opened = match db {
            Some(path) => session::open(&path, app.data_dir.as_deref(), &app.settings.own),
            None => session::open_default(app.data_dir.as_deref(), &app.settings.own),
        };
        app.show_opened(opened);
        app
    }

    fn open(&mut self, path: &Path) {
        // The file this window already has: nothing to open, and no second claim on it.
        if let Some(s) = &self.session
            && crate::fsutil::same_file(path, s.store.path())
        {
            self.reload(None);
            return;
        }
        let opened = session::open(path, self.data_dir.as_deref(), &self.settings.own);
        self.show_opened(opened);
    }

    /// Makes an opened file the session and tells the user what they need to know about it.
    fn show_opened(&mut self, opened: Result<Opened, ops::OpsError>) {
        let opened = match opened {
            Ok(o) => o,
            Err(ops::OpsError::InUse { path }) => {
                self.dialog = Some(Dialog::Confirm(ConfirmDialog::new(
                    "Tệp đang mở ở cửa sổ khác",
                    vec![
                        format!(
                            "Tệp “{}” đang được mở để sửa ở một cửa sổ khác của chương trình. Mỗi tệp chỉ sửa ở một cửa sổ, để hai cửa sổ không ghi đè lên thay đổi của nhau.",
                            path.display()
                        ),
                        "Bạn có thể mở tệp ở cửa sổ này chỉ để xem (không sửa được), hoặc không mở."
                            .to_owned(),
                    ],
                    "Mở chỉ để xem",
                    Action::OpenToView(path),
                )));
                return;
            }
            Err(e) => {
                self.dialog = Some(Dialog::error(e));
                return;
            }
        };
        self.session = Some(opened.session);
        self.reset_tabs();
        if let Some(path) = &opened.recent {
            if opened.own {
                self.settings.remember_own(path);
            }
            self.settings.remember(path);
            self.save_settings();
        }
        match opened.notice {
            Notice::Nothing => {}
            Notice::Welcome => self.dialog = Some(Dialog::Welcome(WelcomeDialog)),
            Notice::Received(lines) => self.dialog = Some(Dialog::info("Đã nhận tệp", lines)),
        }
    }

    fn backups_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(crate::paths::backups_dir)
    }

    fn reset_tabs(&mut self) {
        self.members_tab = Default::default();
        self.indicators_tab = Default::default();
        self.scoring_tab = Default::default();
        self.awards_tab = Default::default();
        self.report_tab = Default::default();
        self.handover_tab = Default::default();
    }

    /// Writes the settings (recent files, own files, font choice) to the data folder.
    fn save_settings(&mut self) {
        let Some(dir) = &self.data_dir else { return };
        // Settings are a convenience: a failed save does not stop the work, it is shown in the
        // status bar instead of interrupting with a dialog.
        self.settings_error = self.settings.save(dir).err().map(|e| e.to_string());
    }

    /// The message of the open error dialog, if any (for tests and the status bar).
    pub fn error_message(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Error(d)) => Some(&d.message),
            _ => None,
        }
    }

    /// Queues an action, as a tab does while drawing.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Runs the queued actions, then asks for a frame to show what they changed (they run after
    /// this frame was drawn).
    pub fn apply_actions(&mut self, ctx: &egui::Context) {
        let actions = std::mem::take(&mut self.actions);
        if actions.is_empty() {
            return;
        }
        for action in actions {
            self.apply(ctx, action);
        }
        ctx.request_repaint();
    }

    fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Open(_)
            | Action::OpenDialog
            | Action::NewBlocDialog
            | Action::CreateBloc(_)
            | Action::SelectYear(_)
            | Action::RestoreDialog
            | Action::RestoreBackup(_)
                if self.export.is_some() =>
            {
                // The running export belongs to this year of this file; the menu waits too.
                self.toast(ctx, WAIT_FOR_EXPORT.to_owned());
            }
            Action::Open(path) => self.open(&path),
            Action::OpenDialog => {
                let folder = match (&self.session, &self.data_dir) {
                    (Some(s), _) => super::files::beside(s.store.path()),
                    (None, Some(dir)) => dir.clone(),
                    (None, None) => PathBuf::from("."),
                };
                super::files::open_file(ctx, folder, &mut self.actions);
            }
            Action::AskPath(request) => {
                self.dialog = Some(Dialog::Path(super::dialogs::PathDialog::new(request)));
            }
            Action::OpenToView(path) => {
                self.dialog = None;
                self.show_opened(session::open_to_view(&path));
            }
            Action::NewBlocDialog => {
                self.dialog = Some(Dialog::NewBloc(NewBlocDialog::new(
                    new_bloc_form(&self.data_dir),
                    None,
                )));
            }
            Action::CreateBloc(form) => self.create_bloc(form),
            Action::SaveCopy(path) => {
                let Some(s) = &self.session else { return };
                // The native save dialog has already asked before replacing a file.
                match ops::save_copy(&s.store, &path, Overwrite::Allow) {
                    Ok(()) => {
                        self.toast(ctx, format!("Đã lưu bản sao: {}", path.display()));
                        self.wrote(Output::Copy, &path);
                    }
                    Err(e) => self.dialog = Some(Dialog::error(e)),
                }
            }
            Action::SelectYear(year) => self.reload(Some(year)),
            Action::SelectTab(tab) => self.tab = tab,
            Action::IndicatorHistory(id) => {
                let Some(s) = &self.session else { return };
                match super::indicator_history::HistoryPanel::read(&s.store, id, s.view.generation)
                {
                    Ok(panel) => self.indicators_tab.history = Some(panel),
                    Err(e) => self.dialog = Some(Dialog::error(e)),
                }
            }
            Action::MemberYears(member) => {
                let Some(s) = &self.session else { return };
                match super::charts::MemberYears::read(&s.store, member, s.view.generation) {
                    Ok(years) => self.indicators_tab.member_years = Some(years),
                    Err(e) => self.dialog = Some(Dialog::error(e)),
                }
            }
            Action::Edit(edit) => {
                let Some(s) = &mut self.session else { return };
                if let Some(held) = s.view.held_message() {
                    self.dialog = Some(Dialog::error(held_refusal(&held)));
                    return;
                }
                let read = s.view.read_state(&edit);
                match s.history.apply_read(&mut s.store, &edit, read.as_ref()) {
                    Ok(()) => {
                        s.mark_saved();
                        if let Err(e) = s.refresh_after(&edit) {
                            self.dialog = Some(Dialog::error(e));
                        }
                    }
                    Err(e) => self.refused(e),
                }
            }
            Action::Undo => self.undo_redo(ctx, true),
            Action::Redo => self.undo_redo(ctx, false),
            Action::ShowError(message) => self.dialog = Some(Dialog::error(message)),
            Action::Toast(message) => self.toast(ctx, message),
            Action::Reload => self.reload(None),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::About => self.dialog = Some(self.about()),
            Action::Guide => {
                self.dialog = Some(Dialog::Guide(super::dialogs::GuideDialog::new(
                    self.session.is_some(),
                )))
            }
            Action::Handover(req) => self.hand_over(&req),
            Action::UnlockYear(year) => self.reopen(
                ctx,
                |tx| years::set_status(tx, year, crate::domain::YearStatus::Open, "Mở khóa để sửa"),
                format!("Đã mở khóa năm {year}; việc mở khóa đã được ghi lại."),
            ),
            Action::TakeBack(year) => {
                self.dialog = None;
                self.reopen(
                    ctx,
                    |tx| years::take_back(tx, year),
                    format!("Đã lấy lại quyền sửa năm {year}; việc này đã được ghi lại."),
                );
            }
            Action::RestoreDialog => {
                let list = self
                    .data_dir
                    .as_deref()
                    .map(ops::receive::backups)
                    .unwrap_or_default();
                self.dialog = Some(Dialog::Restore(RestoreDialog::new(list)));
            }
            Action::RestoreBackup(path) => self.restore(&path),
            Action::ExportPdfDialog(kind) => {
                let Some(s) = &self.session else { return };
                let year = s.view.year();
                let folder = folder_for(
                    &self.settings,
                    self.documents.as_deref(),
                    Output::Document,
                    s.store.path(),
                );
                let path = super::export::default_pdf_path(&folder, year, kind);
                // What the document still lacks is said before it is written; the user may go on.
                let warnings = ops::export::check(&s.store, year, kind).unwrap_or_default();
                self.dialog = Some(Dialog::Export(ExportDialog::new(kind, &path, warnings)));
            }
            Action::Preview(kind) => self.preview(ctx, kind),
            Action::ExportPdf(kind, path) => self.start_export(ctx, kind, path),
            Action::OpenWithSystem(path) => self.launch(&path),
            Action::Confirm {
                title,
                lines,
                confirm,
                then,
            } => {
                self.dialog = Some(Dialog::Confirm(ConfirmDialog::new(
                    &title, lines, &confirm, *then,
                )));
            }
            Action::ExportXlsx(path) => self.export_xlsx(ctx, &path),
            Action::ExportRequests(dir, overwrite) => self.export_requests(&dir, overwrite),
            Action::PreviewImport(file) => self.preview_import(&file),
            Action::Import(edit) => self.import(ctx, edit),
            Action::ChooseColumns(file, header_row) => self.choose_columns(file, header_row),
            Action::PreviewMapped {
                file,
                member,
                columns,
                layout,
            } => self.preview_mapped(&file, member, columns, layout),
            Action::RollupDialog => self.rollup_dialog(),
            Action::Rollup(req) => self.rollup(req),
        }
    }

    /// Makes a year editable again in this file (unlocking it, or taking it back from the
    /// successor): the change is on record in the year's history; the undo steps are dropped.
    fn reopen(
        &mut self,
        ctx: &egui::Context,
        change: impl FnOnce(&rusqlite::Transaction) -> crate::store::Result<()>,
        done: String,
    ) {
        let Some(s) = &mut self.session else { return };
        match s.store.write(change) {
            Ok(()) => {
                s.history = History::default();
                self.reload(None);
                self.toast(ctx, done);
            }
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    fn undo_redo(&mut self, ctx: &egui::Context, undo: bool) {
        let Some(s) = &mut self.session else { return };
        if let Some(held) = s.view.held_message() {
            self.dialog = Some(Dialog::error(held_refusal(&held)));
            return;
        }
        let result = if undo {
            s.history.undo(&mut s.store)
        } else {
            s.history.redo(&mut s.store)
        };
        match result {
            Ok(Some(label)) => {
                s.mark_saved();
                let verb = if undo {
                    "Đã hoàn tác"
                } else {
                    "Đã làm lại"
                };
                self.reload(None);
                self.toast(ctx, format!("{verb}: {label}"));
            }
            Ok(None) => {}
            Err(e) => self.refused(e),
        }
    }

    /// Tells why an edit, an undo or a redo was not saved; when the file no longer holds what
    /// the window showed, shows the file as it now is (the message says it was read again).
    fn refused(&mut self, e: crate::store::StoreError) {
        if matches!(e, crate::store::StoreError::Stale) {
            self.reload(None);
        }
        if self.dialog.is_none() {
            self.dialog = Some(Dialog::error(e));
        }
    }

    fn hand_over(&mut self, req: &crate::ops::handover::HandoverRequest) {
        let backups = self.backups_dir();
        let (Some(s), Some(backups)) = (&mut self.session, backups) else {
            return;
        };
        let fonts = ops::export::document_fonts(self.settings.use_system_font);
        match ops::handover::perform(&mut s.store, req, &backups, &fonts) {
            Ok(done) => {
                s.history = History::default();
                s.mark_saved();
                self.reload(None);
                let mut lines = vec![
                    format!(
                        "Năm {} đã được khóa; năm {} đã được mở.",
                        req.year, done.next_year
                    ),
                    format!("Tệp cho đơn vị nhận: {}", done.file.display()),
                    format!(
                        "Mã kiểm tra (SHA-256), để đơn vị nhận so với tệp nhận được: {}",
                        done.sha256
                    ),
                    format!("Biên bản bàn giao: {}", done.minutes.display()),
                    done.dated.clone(),
                    format!("Bản sao lưu trước khi bàn giao: {}", done.backup.display()),
                ];
                if !done.dropped.is_empty() {
                    lines.push(format!(
                        "Đã bỏ khỏi tệp bàn giao các đối tượng không do chương trình tạo: {}",
                        done.dropped.join(", ")
                    ));
                }
                for kept in &done.replaced {
                    lines.push(format!(
                        "Tệp của lần bàn giao trước được chuyển vào: {}",
                        kept.display()
                    ));
                }
                self.dialog = Some(Dialog::info("Đã bàn giao", lines));
                let file = done.file.clone();
                self.wrote(Output::Handover, &file);
            }
            Err(e @ ops::OpsError::UnfinishedHandover { .. }) => {
                let redo = crate::ops::handover::HandoverRequest {
                    redo_unfinished: true,
                    ..req.clone()
                };
                self.dialog = Some(Dialog::Confirm(ConfirmDialog::new(
                    "Làm lại việc bàn giao?",
                    vec![
                        e.to_string(),
                        format!(
                            "Bấm “Làm lại bàn giao” để xóa tệp dở dang “{}” (và biên bản dở dang bên cạnh, nếu có) rồi bàn giao lại năm {} từ đầu.",
                            req.out.display(),
                            req.year
                        ),
                    ],
                    "Làm lại bàn giao",
                    Action::Handover(redo),
                )));
            }
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    fn restore(&mut self, path: &Path) {
        // The restore dialog has done its part; what follows says how it went.
        self.dialog = None;
        let (Some(s), Some(data_dir)) = (&mut self.session, self.data_dir.as_deref()) else {
            return;
        };
        if s.lock.is_none() {
            self.dialog = Some(Dialog::error(
                "Cửa sổ này chỉ xem tệp (tệp đang được sửa ở một cửa sổ khác), nên không khôi phục được từ đây.",
            ));
            return;
        }
        match ops::receive::restore(&mut s.store, path, data_dir) {
            Ok(before) => {
                s.history = History::default();
                if let Err(e) = s.reload_whole_file() {
                    self.dialog = Some(Dialog::error(e));
                    return;
                }
                self.dialog = Some(Dialog::info(
                    "Đã khôi phục",
                    vec![
                        format!("Dữ liệu đã được khôi phục từ {}", path.display()),
                        format!(
                            "Trạng thái trước khi khôi phục được lưu tại {}",
                            before.display()
                        ),
                    ],
                ));
            }
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    /// Starts exporting `kind` of the year in the background, whatever the document. One
    /// export at a time: a second one is refused rather than replacing the first, whose result
    /// would never be shown.
    fn start_export(&mut self, ctx: &egui::Context, kind: DocumentKind, path: PathBuf) {
        if let Some(job) = &self.export {
            let message = format!(
                "Đang xuất {} ra “{}”. Hãy chờ xuất xong (hoặc bấm Hủy xuất) rồi xuất lại.",
                job.kind.of_year(job.year),
                job.path.display()
            );
            self.refuse_export(message);
            return;
        }
        self.save_settings();
        let Some(s) = &mut self.session else { return };
        let year = s.view.year();
        match ExportJob::start(&mut s.store, year, kind, path, ctx, &self.settings) {
            Ok(job) => {
                self.export = Some(job);
                self.dialog = None;
                self.reload(None);
            }
            Err(e) => self.refuse_export(e.to_string()),
        }
    }

    /// Opens the print preview of `kind`: the document is read now, laid out on a worker thread.
    fn preview(&mut self, ctx: &egui::Context, kind: DocumentKind) {
        self.save_settings();
        let Some(s) = &self.session else { return };
        let year = s.view.year();
        match PreviewJob::start(&s.store, year, kind, ctx, &self.settings) {
            Ok(job) => self.dialog = Some(Dialog::Preview(PreviewDialog::new(kind, year, job))),
            Err(e) => self.refuse_export(e.to_string()),
        }
    }

    /// Shows why an export was refused: in the export dialog when it is open, else on its own.
    fn refuse_export(&mut self, message: String) {
        if let Some(Dialog::Export(d)) = &mut self.dialog {
            d.set_error(message);
        } else {
            self.dialog = Some(Dialog::error(message));
        }
    }

    /// Reads the year's data again (after a change, or to show another year).
    fn reload(&mut self, year: Option<Year>) {
        let Some(s) = &mut self.session else { return };
        if let Err(e) = s.reload(year) {
            self.dialog = Some(Dialog::error(e));
        }
    }

    fn toast(&mut self, ctx: &egui::Context, message: String) {
        self.toast = Some((message, ctx.input(|i| i.time)));
        self.exported = None;
    }

    fn create_bloc(&mut self, form: NewBloc) {
        let store = match create_bloc_file(&form) {
            Ok(store) => store,
            Err(e) => {
                self.dialog = Some(Dialog::NewBloc(NewBlocDialog::new(
                    form,
                    Some(e.to_string()),
                )));
                return;
            }
        };
        let path = store.path().to_path_buf();
        self.dialog = None;
        let lock = ops::lock::claim(&path, self.data_dir.as_deref());
        let session = lock.and_then(|lock| Session::start(store, None, Some(lock)));
        self.show_opened(session.map(|session| Opened {
            session,
            recent: Some(path),
            own: true,
            notice: Notice::Nothing,
        }));
    }

    /// The window's title: the bloc's name and the file's name.
    pub fn title(&self) -> String {
        match &self.session {
            Some(s) => format!(
                "{} — {}",
                s.view.data.record.bloc_name,
                s.store
                    .path()
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            None => "Khối thi đua".to_owned(),
        }
    }

    /// Trợ giúp › Giới thiệu: the program's version and the file that is open, whatever bloc
    /// it holds (the sample's welcome is shown only over the sample, at the first run).
    fn about(&self) -> Dialog {
        let mut lines = vec![format!(
            "Khối thi đua, phiên bản {}: sổ tay của Ban thư ký khối giao ước thi đua (thành viên, chỉ tiêu, chấm điểm, khen thưởng, văn bản theo Nghị định 30/2020/NĐ-CP, bàn giao).",
            env!("CARGO_PKG_VERSION")
        )];
        match &self.session {
            Some(s) => {
                let years: Vec<String> = s.view.years.iter().map(|y| y.to_string()).collect();
                lines.push(format!("Tệp đang mở: {}", s.store.path().display()));
                lines.push(format!(
                    "{} — các năm trong tệp: {}",
                    s.view.data.record.bloc_name,
                    years.join(", ")
                ));
            }
            None => lines.push("Chưa mở tệp dữ liệu.".to_owned()),
        }
        Dialog::info("Giới thiệu", lines)
    }

    /// Whether a PDF export is running in the background.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Takes the result of a finished export: the toast on success, the dialog on failure. The
    /// export is recorded against the year and file it was started on, whatever is shown now.
    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export else { return };
        let Some(result) = job.finished() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let Some(job) = self.export.take() else {
            return;
        };
        let done = match result {
            Ok(done) => done,
            Err(e) => {
                self.dialog = Some(Dialog::error(e));
                return;
            }
        };
        if let Some(s) = &mut self.session
            && s.store.path() == job.db
        {
            if let Err(e) = ops::export::record(&mut s.store, job.year, job.kind) {
                self.dialog = Some(Dialog::error(e));
            }
            self.reload(None);
        }
        let mut message = job.message(&done);
        if let Some(missing) = done.missing_chars_message() {
            self.dialog = Some(Dialog::error(missing));
            message.push_str(" — có ký tự bị thay thế");
        }
        if job.composed {
            message.push_str(&format!(
                ". Năm này chưa có {} nên chương trình đã soạn dự thảo từ số liệu.",
                job.kind.label()
            ));
        }
        self.toast(ctx, message);
        self.wrote(Output::Document, &job.path);
    }

    /// After a file was written: "Mở tệp" and "Mở thư mục" in the status bar, and its folder
    /// proposed next time for the same kind of output.
    pub(super) fn wrote(&mut self, kind: Output, path: &Path) {
        self.exported = Some(path.to_path_buf());
        self.settings.remember_folder(kind, path);
        self.save_settings();
    }

    /// The folder proposed for `kind` (see `files::folder_for`).
    pub(super) fn folder(&self, kind: Output) -> PathBuf {
        let db = self.session.as_ref().map(|s| s.store.path());
        folder_for(
            &self.settings,
            self.documents.as_deref(),
            kind,
            db.unwrap_or(Path::new(".")),
        )
    }

    /// Opens `path` with the system's program; a failure is said in Vietnamese (the cause
    /// goes to the log).
    fn launch(&mut self, path: &Path) {
        match &mut self.launcher {
            Launcher::Recorded(paths) => paths.push(path.to_path_buf()),
            Launcher::System => {
                if let Err(e) = opener::open(path) {
                    crate::crash::log_note(&format!("opener::open({}): {e}", path.display()));
                    self.dialog = Some(Dialog::error(format!(
                        "Không mở được “{}” bằng chương trình của máy. Hãy kiểm tra tệp còn đó và máy có chương trình mở được loại tệp này (trình đọc PDF, Word…), hoặc mở nó từ thư mục chứa.",
                        path.display()
                    )));
                }
            }
        }
    }

    /// From now on "Mở tệp" and "Mở thư mục" only note what they would open (the tests).
    pub fn record_launches(&mut self) {
        self.launcher = Launcher::Recorded(Vec::new());
    }

    /// What "Mở tệp" and "Mở thư mục" asked to open since [`App::record_launches`].
    pub fn launched(&self) -> &[PathBuf] {
        match &self.launcher {
            Launcher::Recorded(paths) => paths,
            Launcher::System => &[],
        }
    }

    /// From now on every item that asks for a file or folder shows the path field, as on a
    /// machine whose system file dialog cannot open (the tests: no dialog opens on a desktop).
    pub fn without_file_dialogs(&mut self) {
        self.file_dialogs = super::files::FileDialogs::Unavailable;
    }

    /// Draws the whole window; called by eframe and by the UI tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        super::files::set_dialogs(&ctx, self.file_dialogs);
        self.poll_export(&ctx);
        shortcuts(
            &ctx,
            self.session.is_some(),
            self.export.is_some(),
            self.report_tab.document(),
            &mut self.actions,
        );
        if self.tab == Tab::Handover {
            let folder = self.folder(Output::Handover);
            if let Some(s) = &mut self.session {
                s.view.default_handover_path = handover_path(&folder, s.view.year());
            }
        }
        let chrome = Chrome {
            settings: &self.settings,
            documents: self.documents.as_deref(),
            session: self.session.as_ref(),
            recent: &self.settings.recent,
            tab: self.tab,
            export: self.export.as_ref(),
            document: self.report_tab.document(),
        };
        egui::Panel::top("menu").show(ui, |ui| chrome.menu_ui(ui, &mut self.actions));
        egui::Panel::bottom("status").show(ui, |ui| {
            chrome.status_ui(ui, self.toast.as_ref(), self.settings_error.as_deref());
            if let Some(path) = &self.exported {
                exported_ui(ui, path, &mut self.actions);
            }
        });
        egui::CentralPanel::default_margins().show(ui, |ui| self.body_ui(ui));
        self.dialog_ui(&ctx);
        self.apply_actions(&ctx);
    }

    fn body_ui(&mut self, ui: &mut egui::Ui) {
        let Some(s) = &self.session else {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("Chưa mở tệp dữ liệu");
                ui.label("Hãy mở một tệp (Tệp › Mở…) hoặc tạo khối mới (Tệp › Mới…).");
            });
            return;
        };
        if let Some(held) = s.view.held_message()
            && !s.view.read_only
        {
            held_banner_ui(ui, &held, s.view.year(), &mut self.actions);
        } else if s.view.locked() {
            let banner = if s.view.read_only {
                "Tệp đang được sửa ở một cửa sổ khác — cửa sổ này chỉ xem. Muốn sửa, hãy làm ở cửa sổ đó.".to_owned()
            } else {
                format!(
                    "Năm {} đã bàn giao — chỉ xem. Muốn sửa, hãy mở khóa ở thẻ Bàn giao.",
                    s.view.year()
                )
            };
            egui::Frame::new()
                .fill(Color32::from_rgb(255, 243, 205))
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(RichText::new(banner).strong());
                });
        }
        let view = &s.view;
        let actions = &mut self.actions;
        match self.tab {
            Tab::Todo => self.todo.ui(ui, view, actions),
            Tab::Members => self.members_tab.ui(ui, view, actions),
            Tab::Indicators => self.indicators_tab.ui(ui, view, actions),
            Tab::Scoring => self.scoring_tab.ui(ui, view, actions),
            Tab::Awards => self.awards_tab.ui(ui, view, actions),
            Tab::Report => self.report_tab.ui(ui, view, actions),
            Tab::Handover => self.handover_tab.ui(ui, view, actions),
        }
    }

    /// Draws the open dialog; what the user chose is queued like any other action.
    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        match dialog.ui(ctx, &mut self.settings) {
            None => {}
            Some(Choice::Close) => self.dialog = None,
            Some(Choice::Do(action)) => {
                // The path typed has been taken: what the action says replaces the field.
                if matches!(dialog, Dialog::Path(_)) {
                    self.dialog = None;
                }
                self.actions.push(action);
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = self.title();
        App::ui(self, ui);
        let new_title = self.title();
        if title != new_title || ui.ctx().cumulative_pass_nr() == 1 {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(new_title));
        }
    }
}

/// Why an edit of a year the successor holds is refused.
fn held_refusal(held: &str) -> String {
    format!(
        "{held}, nên tệp này chỉ xem năm đó: mọi thay đổi hãy làm trên tệp của đơn vị nhận. Nếu phải làm lại việc bàn giao, hãy bấm “Lấy lại quyền sửa” trên thanh báo."
    )
}

/// The banner over a year the successor holds, with "Lấy lại quyền sửa năm …", which asks
/// first and says why one would.
fn held_banner_ui(ui: &mut egui::Ui, held: &str, year: Year, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(Color32::from_rgb(255, 243, 205))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(format!("{held} — tệp này chỉ xem năm {year}.")).strong());
                if ui.button(format!("Lấy lại quyền sửa năm {year}…")).clicked() {
                    actions.push(Action::Confirm {
                        title: format!("Lấy lại quyền sửa năm {year}?"),
                        lines: vec![
                            format!("{held}: từ ngày bàn giao, số liệu năm {year} được nhập ở tệp của đơn vị nhận. Nếu sửa cả ở đây, hai tệp sẽ khác nhau."),
                            "Chỉ lấy lại khi việc bàn giao phải làm lại (bàn giao nhầm đơn vị, nhầm ngày, tệp gửi đi bị hỏng hay thất lạc). Việc lấy lại được ghi vào lịch sử của tệp.".to_owned(),
                        ],
                        confirm: "Lấy lại quyền sửa".to_owned(),
                        then: Box::new(Action::TakeBack(year)),
                    });
                }
            });
        });
}

/// "Mở tệp" and "Mở thư mục" for the file an export just wrote.
fn exported_ui(ui: &mut egui::Ui, path: &Path, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let name = path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        ui.label(format!("Tệp vừa xuất: {name}"));
        if ui
            .button("Mở tệp")
            .on_hover_text(path.display().to_string())
            .clicked()
        {
            actions.push(Action::OpenWithSystem(path.to_path_buf()));
        }
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if ui
            .button("Mở thư mục")
            .on_hover_text(folder.display().to_string())
            .clicked()
        {
            actions.push(Action::OpenWithSystem(folder.to_path_buf()));
        }
    });
}
