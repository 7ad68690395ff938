//! The app shell: the open file and year, the menu, the tabs, the status bar and the dialogs.
//!
//! Tabs and dialogs push [`Action`]s while drawing; [`App::apply_actions`] runs them after the
//! frame. Data changes are [`Edit`]s applied through the undo [`History`], one transaction each.

use super::{handover_tab, indicators_tab, members_tab, report_tab};
use crate::domain::{
    Attendee, Handover, Indicator, Member, Narrative, Opinion, Report, ReportVersion, Year,
    YearRecord,
};
use crate::edit::{Edit, History};
use crate::ops::bloc::{NewBloc, create_bloc_file};
use crate::ops::export::DocumentKind;
use crate::ops::{self, Overwrite};
use crate::store::receive::Findings;
use crate::store::{self, Store, StoreError, handovers, indicators, members, reports, years};
use egui::{Align, Color32, Key, KeyboardShortcut, Layout, Modifiers, RichText};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Members,
    Indicators,
    Report,
    Handover,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Members, Tab::Indicators, Tab::Report, Tab::Handover];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Members => "Thành viên",
            Tab::Indicators => "Chỉ tiêu",
            Tab::Report => "Báo cáo",
            Tab::Handover => "Bàn giao",
        }
    }
}

/// What the user asked for during a frame, applied after it.
#[derive(Debug)]
pub enum Action {
    Open(PathBuf),
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
    RestoreBackup(PathBuf),
    Reload,
    Quit,
    /// Opens the export dialog for the year's report.
    ExportPdfDialog(DocumentKind),
    /// Exports the year's report to this path, in the background.
    ExportPdf(DocumentKind, PathBuf),
}

/// "khoi-thi-dua-2021.sqlite" beside the open file, for the successor.
fn handover_path(db: &Path, year: Year) -> PathBuf {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    dir.join(format!("khoi-thi-dua-{}.sqlite", year + 1))
}

static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Everything the tabs show of the selected year, read once after each change.
#[derive(Debug, Clone)]
pub struct YearView {
    pub members: Vec<Member>,
    pub record: YearRecord,
    pub attendees: Vec<Attendee>,
    pub indicators: Vec<Indicator>,
    pub narratives: Vec<Narrative>,
    pub report: Option<Report>,
    pub versions: Vec<ReportVersion>,
    pub opinions: Vec<Opinion>,
    pub handovers: Vec<Handover>,
    pub conference: crate::domain::Conference,
    pub news: Option<crate::domain::NewsItem>,
    pub years: Vec<Year>,
    /// Changes at every load, so a tab can cache what it derives from the data.
    pub generation: u64,
    /// When the report was last exported to PDF.
    pub exported_at: Option<String>,
    /// What was found when this file was received from elsewhere.
    pub received: Option<Findings>,
    /// Where the handover form proposes to write the successor's file.
    pub default_handover_path: PathBuf,
}

impl YearView {
    fn load(store: &Store, year: Year) -> store::Result<YearView> {
        let conn = store.conn();
        let Some(record) = years::get(conn, year)? else {
            return Err(StoreError::Invalid(format!(
                "Năm {year} không có trong tệp."
            )));
        };
        Ok(YearView {
            members: members::list(conn)?,
            record,
            attendees: years::attendees(conn, year)?,
            indicators: indicators::list(conn, year)?,
            narratives: years::narratives(conn, year)?,
            report: reports::get(conn, year)?,
            versions: reports::versions(conn, year)?,
            opinions: reports::opinions(conn, year)?,
            handovers: handovers::list(conn, year)?,
            conference: store::conference::get(conn, year)?,
            news: store::conference::news(conn, year)?,
            years: years::list(conn)?,
            generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            exported_at: reports::exported_at(conn, year)?,
            received: None,
            default_handover_path: handover_path(store.path(), year),
        })
    }

    pub fn year(&self) -> Year {
        self.record.year
    }

    /// The members of this year in the bloc's order.
    pub fn members_in_year(&self) -> Vec<&Member> {
        crate::domain::members_in(&self.members, self.year())
    }

    pub fn member(&self, id: crate::domain::MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn short_name(&self, id: crate::domain::MemberId) -> String {
        self.member(id)
            .map_or(String::new(), |m| m.short_name_in(self.year()).to_owned())
    }

    pub fn locked(&self) -> bool {
        self.record.is_locked()
    }
}

/// An open file and the year being worked on.
pub struct Session {
    pub store: Store,
    pub view: YearView,
    pub history: History,
    /// Local time of the last successful save, shown in the status bar.
    pub saved_at: Option<String>,
    /// Set when the file came from elsewhere and this is the program's own copy of it.
    pub received: Option<Findings>,
}

enum Dialog {
    Error(String),
    Welcome,
    NewBloc(NewBloc, Option<String>),
    Export {
        path: String,
        error: Option<String>,
        kind: DocumentKind,
    },
    Restore {
        selected: Option<PathBuf>,
    },
    Info(String, Vec<String>),
}

/// Settings kept in the data folder between runs (never business data).
#[derive(Debug, Serialize, Deserialize)]
struct Settings {
    recent: Vec<PathBuf>,
    /// Files this program created (Mới…), opened directly; any other file is received as a copy.
    #[serde(default)]
    own: Vec<PathBuf>,
    /// Print with the PC's own Times New Roman when it is installed (else Liberation Serif).
    #[serde(default = "yes")]
    use_system_font: bool,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            own: Vec::new(),
            use_system_font: true,
        }
    }
}

const RECENT_MAX: usize = 8;

pub struct App {
    data_dir: Option<PathBuf>,
    settings: Settings,
    pub session: Option<Session>,
    pub tab: Tab,
    dialog: Option<Dialog>,
    toast: Option<(String, f64)>,
    actions: Vec<Action>,
    members_tab: members_tab::MembersTab,
    indicators_tab: indicators_tab::IndicatorsTab,
    report_tab: report_tab::ReportTab,
    handover_tab: handover_tab::HandoverTab,
    export: Option<super::export::ExportJob>,
}

impl App {
    /// Opens `db`, or the default database in `data_dir` (created from the sample on first run,
    /// with a welcome). Failures become an error dialog, never a panic.
    pub fn new(data_dir: Option<PathBuf>, db: Option<PathBuf>) -> App {
        let settings = data_dir
            .as_deref()
            .and_then(|d| std::fs::read_to_string(d.join("settings.json")).ok())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let mut app = App {
            data_dir,
            settings,
            session: None,
            tab: Tab::Members,
            dialog: None,
            toast: None,
            actions: Vec::new(),
            members_tab: Default::default(),
            indicators_tab: Default::default(),
            report_tab: Default::default(),
            handover_tab: Default::default(),
            export: None,
        };
        match db {
            Some(path) => app.open(&path),
            None => app.open_default(),
        }
        app
    }

    fn open_default(&mut self) {
        let Some(dir) = self.data_dir.clone() else {
            self.dialog = Some(Dialog::Error(
                "Không tìm thấy thư mục dữ liệu của người dùng. Hãy mở một tệp bằng Tệp › Mở…"
                    .to_owned(),
            ));
            return;
        };
        let path = crate::paths::default_database(&dir);
        if path.exists() {
            self.open(&path);
            return;
        }
        if let Err(e) = std::fs::create_dir_all(&dir) {
            self.dialog = Some(Dialog::Error(format!(
                "Không tạo được thư mục dữ liệu “{}” ({e}). Hãy mở một tệp bằng Tệp › Mở…",
                dir.display()
            )));
            return;
        }
        match crate::sample::write_sample(&path) {
            Ok(store) => {
                self.set_session(store, Some(crate::sample::SAMPLE_YEAR));
                self.dialog = Some(Dialog::Welcome);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    fn open(&mut self, path: &Path) {
        if !path.is_file() {
            self.dialog = Some(Dialog::Error(format!(
                "Không tìm thấy tệp “{}”. Hãy kiểm tra lại đường dẫn.",
                path.display()
            )));
            return;
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let own = self.settings.own.contains(&canonical)
            || self
                .data_dir
                .as_deref()
                .and_then(|d| std::fs::canonicalize(d).ok())
                .is_some_and(|d| canonical.starts_with(d));
        let backups = self.backups_dir();
        if own {
            match Store::open_with_backups(path, backups.as_deref()) {
                Ok(store) => {
                    self.set_session(store, None);
                    self.remember(path);
                }
                Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
            }
            return;
        }
        // A file from elsewhere: checked read-only, then copied into the data folder.
        let Some(dir) = self.data_dir.clone() else {
            self.dialog = Some(Dialog::Error(
                "Không tìm thấy thư mục dữ liệu của người dùng để chép tệp nhận được vào."
                    .to_owned(),
            ));
            return;
        };
        match ops::receive::receive(path, &dir) {
            Ok((store, findings)) => {
                let copy = store.path().to_path_buf();
                self.set_session(store, None);
                if let Some(s) = &mut self.session {
                    s.received = Some(findings.clone());
                    s.view.received = Some(findings.clone());
                }
                self.remember_own(&copy);
                self.remember(&copy);
                let mut lines = findings.lines();
                lines.push(format!(
                    "Tệp gốc không bị sửa. Chương trình làm việc trên bản sao: {}",
                    copy.display()
                ));
                self.dialog = Some(Dialog::Info("Đã nhận tệp".to_owned(), lines));
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    fn backups_dir(&self) -> Option<PathBuf> {
        self.data_dir.as_deref().map(crate::paths::backups_dir)
    }

    fn remember_own(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.settings.own.contains(&path) {
            self.settings.own.push(path);
        }
    }

    /// Makes `store` the open file, on `year` or its latest year.
    fn set_session(&mut self, store: Store, year: Option<Year>) {
        let list = match years::list(store.conn()) {
            Ok(l) => l,
            Err(e) => {
                self.dialog = Some(Dialog::Error(e.to_string()));
                return;
            }
        };
        let Some(year) = year.filter(|y| list.contains(y)).or(list.last().copied()) else {
            self.dialog = Some(Dialog::Error(format!(
                "Tệp “{}” chưa có năm nào. Hãy tạo khối mới bằng Tệp › Mới…",
                store.path().display()
            )));
            return;
        };
        match YearView::load(&store, year) {
            Ok(view) => {
                self.session = Some(Session {
                    store,
                    view,
                    history: History::default(),
                    saved_at: None,
                    received: None,
                });
                self.reset_tabs();
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    fn reset_tabs(&mut self) {
        self.members_tab = Default::default();
        self.indicators_tab = Default::default();
        self.report_tab = Default::default();
        self.handover_tab = Default::default();
    }

    fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.settings.recent.retain(|p| p != &path);
        self.settings.recent.insert(0, path);
        self.settings.recent.truncate(RECENT_MAX);
        self.save_settings();
    }

    /// Writes the settings (recent files, own files, font choice) to the data folder.
    fn save_settings(&self) {
        if let Some(dir) = &self.data_dir
            && let Ok(text) = serde_json::to_string_pretty(&self.settings)
        {
            // Settings are a convenience: failing to save them must not bother the user.
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join("settings.json"), text);
        }
    }

    /// The message of the open error dialog, if any (for tests and the status bar).
    pub fn error_message(&self) -> Option<&str> {
        match &self.dialog {
            Some(Dialog::Error(m)) => Some(m),
            _ => None,
        }
    }

    /// Queues an action, as a tab does while drawing.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// Runs the queued actions.
    pub fn apply_actions(&mut self, ctx: &egui::Context) {
        let actions = std::mem::take(&mut self.actions);
        for action in actions {
            self.apply(ctx, action);
        }
    }

    fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Open(path) => self.open(&path),
            Action::CreateBloc(form) => self.create_bloc(form),
            Action::SaveCopy(path) => {
                let Some(s) = &self.session else { return };
                // The native save dialog has already asked before replacing a file.
                match ops::save_copy(&s.store, &path, Overwrite::Allow) {
                    Ok(()) => self.toast(ctx, format!("Đã lưu bản sao: {}", path.display())),
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::SelectYear(year) => self.reload(Some(year)),
            Action::SelectTab(tab) => self.tab = tab,
            Action::Edit(edit) => {
                let Some(s) = &mut self.session else { return };
                match s.history.apply(&mut s.store, &edit) {
                    Ok(()) => {
                        s.saved_at = Some(chrono::Local::now().format("%H:%M").to_string());
                        self.reload(None);
                    }
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::Undo | Action::Redo => {
                let Some(s) = &mut self.session else { return };
                let undo = matches!(action, Action::Undo);
                let result = if undo {
                    s.history.undo(&mut s.store)
                } else {
                    s.history.redo(&mut s.store)
                };
                match result {
                    Ok(Some(label)) => {
                        s.saved_at = Some(chrono::Local::now().format("%H:%M").to_string());
                        let verb = if undo {
                            "Đã hoàn tác"
                        } else {
                            "Đã làm lại"
                        };
                        self.reload(None);
                        self.toast(ctx, format!("{verb}: {label}"));
                    }
                    Ok(None) => {}
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::ShowError(message) => self.dialog = Some(Dialog::Error(message)),
            Action::Toast(message) => self.toast(ctx, message),
            Action::Reload => self.reload(None),
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Action::Handover(req) => {
                let (Some(s), Some(backups)) = (
                    &mut self.session,
                    self.data_dir.as_deref().map(crate::paths::backups_dir),
                ) else {
                    return;
                };
                let fonts = ops::export::document_fonts(self.settings.use_system_font);
                match ops::handover::perform(&mut s.store, &req, &backups, &fonts) {
                    Ok(done) => {
                        s.history = History::default();
                        s.saved_at = Some(chrono::Local::now().format("%H:%M").to_string());
                        self.reload(None);
                        self.dialog = Some(Dialog::Info(
                            "Đã bàn giao".to_owned(),
                            vec![
                                format!(
                                    "Năm {} đã được khóa; năm {} đã được mở.",
                                    req.year, done.next_year
                                ),
                                format!("Tệp cho đơn vị nhận: {}", done.file.display()),
                                format!("Mã SHA-256: {}", done.sha256),
                                format!("Biên bản bàn giao: {}", done.minutes.display()),
                                format!(
                                    "Bản sao lưu trước khi bàn giao: {}",
                                    done.backup.display()
                                ),
                            ],
                        ));
                    }
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::UnlockYear(year) => {
                let Some(s) = &mut self.session else { return };
                let result = s.store.write(|tx| {
                    years::set_status(tx, year, crate::domain::YearStatus::Open, "Mở khóa để sửa")
                });
                match result {
                    Ok(()) => {
                        s.history = History::default();
                        self.reload(None);
                        self.toast(
                            ctx,
                            format!("Đã mở khóa năm {year}; việc mở khóa đã được ghi lại."),
                        );
                    }
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::RestoreBackup(path) => {
                let (Some(s), Some(data_dir)) = (&mut self.session, self.data_dir.as_deref())
                else {
                    return;
                };
                match ops::receive::restore(&mut s.store, &path, data_dir) {
                    Ok(before) => {
                        s.history = History::default();
                        let year = s.view.year();
                        let years = years::list(s.store.conn()).unwrap_or_default();
                        let year = if years.contains(&year) {
                            Some(year)
                        } else {
                            years.last().copied()
                        };
                        self.reload(year);
                        self.dialog = Some(Dialog::Info(
                            "Đã khôi phục".to_owned(),
                            vec![
                                format!("Dữ liệu đã được khôi phục từ {}", path.display()),
                                format!(
                                    "Trạng thái trước khi khôi phục được lưu tại {}",
                                    before.display()
                                ),
                            ],
                        ));
                    }
                    Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
                }
            }
            Action::ExportPdfDialog(kind) => {
                let Some(s) = &self.session else { return };
                let path = super::export::default_pdf_path(&s.store, s.view.year(), kind);
                self.dialog = Some(Dialog::Export {
                    path: path.display().to_string(),
                    error: None,
                    kind,
                });
            }
            Action::ExportPdf(kind, path) if kind != DocumentKind::Report => {
                self.save_settings();
                let Some(s) = &mut self.session else { return };
                let year = s.view.year();
                let fonts = ops::export::document_fonts(self.settings.use_system_font);
                // The export dialog asked before replacing an existing file.
                match ops::export::export_document(
                    &mut s.store,
                    year,
                    kind,
                    &path,
                    &fonts,
                    Overwrite::Allow,
                ) {
                    Ok(done) => {
                        self.dialog = done.missing_chars_message().map(Dialog::Error);
                        self.toast(ctx, format!("Đã xuất: {}", path.display()));
                    }
                    Err(e) => {
                        if let Some(Dialog::Export { error, .. }) = &mut self.dialog {
                            *error = Some(e.to_string());
                        } else {
                            self.dialog = Some(Dialog::Error(e.to_string()));
                        }
                    }
                }
            }
            Action::ExportPdf(_, path) => {
                self.save_settings();
                let Some(s) = &mut self.session else { return };
                let year = s.view.year();
                match super::export::ExportJob::start(
                    &mut s.store,
                    year,
                    path,
                    ctx,
                    self.settings.use_system_font,
                ) {
                    Ok(job) => {
                        self.export = Some(job);
                        self.dialog = None;
                        self.reload(None);
                    }
                    Err(e) => {
                        if let Some(Dialog::Export { error, .. }) = &mut self.dialog {
                            *error = Some(e);
                        } else {
                            self.dialog = Some(Dialog::Error(e));
                        }
                    }
                }
            }
        }
    }

    /// Reads the year's data again (after a change, or to show another year).
    fn reload(&mut self, year: Option<Year>) {
        let Some(s) = &mut self.session else { return };
        let year = year.unwrap_or(s.view.year());
        match YearView::load(&s.store, year) {
            Ok(mut view) => {
                view.received = s.received.clone();
                s.view = view;
            }
            Err(e) => self.dialog = Some(Dialog::Error(e.to_string())),
        }
    }

    fn toast(&mut self, ctx: &egui::Context, message: String) {
        self.toast = Some((message, ctx.input(|i| i.time)));
    }

    fn create_bloc(&mut self, form: NewBloc) {
        match create_bloc_file(&form) {
            Ok(store) => {
                let path = store.path().to_path_buf();
                self.set_session(store, None);
                self.remember_own(&path);
                self.remember(&path);
                self.dialog = None;
            }
            Err(e) => self.dialog = Some(Dialog::NewBloc(form, Some(e.to_string()))),
        }
    }

    /// The window's title: the bloc's name and the file's name.
    pub fn title(&self) -> String {
        match &self.session {
            Some(s) => format!(
                "{} — {}",
                s.view.record.bloc_name,
                s.store
                    .path()
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            None => "Khối thi đua".to_owned(),
        }
    }

    /// Whether a PDF export is running in the background.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// Takes the result of a finished export: the toast on success, the dialog on failure.
    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export else { return };
        let Some(result) = job.finished() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let path = job.path.clone();
        self.export = None;
        match result {
            Ok(done) => {
                if let Some(s) = &mut self.session {
                    let year = s.view.year();
                    if let Err(e) = s.store.write(|tx| reports::mark_exported(tx, year)) {
                        self.dialog = Some(Dialog::Error(e.to_string()));
                    }
                }
                self.reload(None);
                let mut message = format!("Đã xuất PDF ({} trang): {}", done.pages, path.display());
                if let Some(missing) = ops::export::missing_chars_message(&done.missing_chars) {
                    self.dialog = Some(Dialog::Error(missing));
                    message.push_str(" — có ký tự bị thay thế");
                }
                self.toast(ctx, message);
            }
            Err(e) => self.dialog = Some(Dialog::Error(e)),
        }
    }

    /// Draws the whole window; called by eframe and by the UI tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_export(&ctx);
        self.shortcuts(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::CentralPanel::default_margins().show(ui, |ui| self.body_ui(ui));
        self.dialog_ui(&ctx);
        self.apply_actions(&ctx);
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |key: Key| {
            ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
        };
        if pressed(Key::O) {
            self.pick_and_open();
        }
        if pressed(Key::P) && self.session.is_some() {
            self.actions
                .push(Action::ExportPdfDialog(DocumentKind::Report));
        }
        for (key, tab) in [Key::Num1, Key::Num2, Key::Num3, Key::Num4]
            .into_iter()
            .zip(Tab::ALL)
        {
            if pressed(key) {
                self.actions.push(Action::SelectTab(tab));
            }
        }
        // A focused text field keeps Ctrl+Z for its own text; elsewhere it undoes data edits.
        if !typing {
            if pressed(Key::Z) {
                self.actions.push(Action::Undo);
            }
            if pressed(Key::Y) {
                self.actions.push(Action::Redo);
            }
        }
    }

    fn pick_and_open(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .set_title("Mở tệp dữ liệu khối thi đua")
            .add_filter("Tệp dữ liệu khối thi đua", &["sqlite", "db"])
            .pick_file()
        {
            self.actions.push(Action::Open(path));
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Tệp", |ui| {
                if ui.button("Mới…").clicked() {
                    self.dialog = Some(Dialog::NewBloc(new_bloc_form(&self.data_dir), None));
                }
                if ui.button("Mở…  (Ctrl+O)").clicked() {
                    self.pick_and_open();
                }
                ui.menu_button("Mở gần đây", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("(chưa có)");
                    }
                    for path in self.settings.recent.clone() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.actions.push(Action::Open(path));
                        }
                    }
                });
                let has_file = self.session.is_some();
                if ui
                    .add_enabled(has_file, egui::Button::new("Xuất PDF…  (Ctrl+P)"))
                    .clicked()
                {
                    self.actions
                        .push(Action::ExportPdfDialog(DocumentKind::Report));
                }
                if ui
                    .add_enabled(has_file, egui::Button::new("Lưu bản sao…"))
                    .clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .set_title("Lưu bản sao tệp dữ liệu")
                        .add_filter("Tệp dữ liệu khối thi đua", &["sqlite"])
                        .set_file_name("ban-sao.sqlite")
                        .save_file()
                {
                    self.actions.push(Action::SaveCopy(path));
                }
                if ui
                    .add_enabled(has_file, egui::Button::new("Khôi phục từ bản sao lưu…"))
                    .clicked()
                {
                    self.dialog = Some(Dialog::Restore { selected: None });
                }
                ui.separator();
                if ui.button("Thoát").clicked() {
                    self.actions.push(Action::Quit);
                }
            });
            ui.menu_button("Sửa", |ui| {
                let (undo, redo) = self.session.as_ref().map_or((None, None), |s| {
                    (s.history.can_undo(), s.history.can_redo())
                });
                let undo_text = undo.map_or("Hoàn tác (Ctrl+Z)".to_owned(), |l| {
                    format!("Hoàn tác: {l} (Ctrl+Z)")
                });
                if ui
                    .add_enabled(undo.is_some(), egui::Button::new(undo_text))
                    .clicked()
                {
                    self.actions.push(Action::Undo);
                }
                let redo_text = redo.map_or("Làm lại (Ctrl+Y)".to_owned(), |l| {
                    format!("Làm lại: {l} (Ctrl+Y)")
                });
                if ui
                    .add_enabled(redo.is_some(), egui::Button::new(redo_text))
                    .clicked()
                {
                    self.actions.push(Action::Redo);
                }
            });
            ui.menu_button("Trợ giúp", |ui| {
                if ui.button("Giới thiệu").clicked() {
                    self.dialog = Some(Dialog::Welcome);
                }
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                self.year_picker_ui(ui);
            });
        });
        if let Some(s) = &self.session {
            ui.add_space(2.0);
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    let text = RichText::new(tab.label()).size(16.0);
                    if ui.selectable_label(self.tab == tab, text).clicked() {
                        self.actions.push(Action::SelectTab(tab));
                    }
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} — năm {}",
                            s.view.record.bloc_name,
                            s.view.year()
                        ))
                        .strong(),
                    );
                });
            });
            ui.add_space(2.0);
        }
    }

    fn year_picker_ui(&mut self, ui: &mut egui::Ui) {
        let Some(s) = &self.session else { return };
        let current = s.view.year();
        // Right to left: the box first, then its label to its left.
        egui::ComboBox::from_id_salt("year-picker")
            .selected_text(current.to_string())
            .width(80.0)
            .show_ui(ui, |ui| {
                for &y in &s.view.years {
                    if ui.selectable_label(y == current, y.to_string()).clicked() && y != current {
                        self.actions.push(Action::SelectYear(y));
                    }
                }
            })
            .response
            .accessible_name("Năm");
        ui.label("Năm:");
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let Some(s) = &self.session else {
                ui.label("Chưa mở tệp dữ liệu nào.");
                return;
            };
            ui.label(s.store.path().display().to_string());
            if let Some(r) = &s.received {
                ui.label(
                    RichText::new(format!("(bản sao của tệp nhận được {})", r.path.display()))
                        .italics(),
                );
            }
            ui.separator();
            let year = s.view.year();
            let leader = s
                .view
                .record
                .leader
                .map_or("chưa chọn".to_owned(), |id| s.view.short_name(id));
            ui.label(format!("Trưởng khối {year}: {leader}"));
            ui.separator();
            match &s.saved_at {
                Some(t) => ui.label(format!("Mọi thay đổi đã được lưu ({t})")),
                None => ui.label("Mọi thay đổi đã được lưu"),
            };
            if let Some(job) = &self.export {
                ui.separator();
                let (done, total) = job.progress();
                ui.label("Đang xuất PDF…");
                let fraction = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(160.0)
                        .show_percentage(),
                );
                if ui.button("Hủy xuất").clicked() {
                    job.cancel();
                }
            }
            if let Some((message, at)) = &self.toast {
                let now = ui.input(|i| i.time);
                if now - at < 8.0 {
                    ui.separator();
                    ui.label(RichText::new(message).color(Color32::from_rgb(0, 110, 40)));
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs(1));
                }
            }
        });
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
        if s.view.locked() {
            egui::Frame::new()
                .fill(Color32::from_rgb(255, 243, 205))
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!(
                            "Năm {} đã bàn giao — chỉ xem. Muốn sửa, hãy mở khóa ở thẻ Bàn giao.",
                            s.view.year()
                        ))
                        .strong(),
                    );
                });
        }
        let view = &s.view;
        let mut actions = Vec::new();
        match self.tab {
            Tab::Members => self.members_tab.ui(ui, view, &mut actions),
            Tab::Indicators => self.indicators_tab.ui(ui, view, &mut actions),
            Tab::Report => self.report_tab.ui(ui, view, &mut actions),
            Tab::Handover => self.handover_tab.ui(ui, view, &mut actions),
        }
        self.actions.extend(actions);
    }

    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let mut close = false;
        let mut next: Option<Dialog> = None;
        match dialog {
            Dialog::Error(message) => {
                let response = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
                    ui.set_max_width(520.0);
                    ui.heading("Không thực hiện được");
                    ui.add_space(6.0);
                    ui.label(message.as_str());
                    ui.add_space(10.0);
                    if ui.button("Đóng").clicked() {
                        close = true;
                    }
                });
                if response.should_close() {
                    close = true;
                }
            }
            Dialog::Welcome => {
                let response = egui::Modal::new(egui::Id::unique("welcome")).show(ctx, |ui| {
                    ui.set_max_width(560.0);
                    ui.heading("Chào mừng đến với chương trình Khối thi đua");
                    ui.add_space(6.0);
                    ui.label("Chương trình giúp Ban thư ký của Trưởng khối quản lý các đơn vị thành viên, chỉ tiêu và thành tích của từng đơn vị, soạn báo cáo tổng kết theo thể thức Nghị định 30/2020/NĐ-CP và bàn giao nhiệm vụ Trưởng khối cho năm sau.");
                    ui.add_space(4.0);
                    ui.label("Dữ liệu đang mở là ví dụ: Khối Kinh tế ngành tỉnh Hà Giang, năm 2020. Mọi thay đổi được lưu ngay.");
                    ui.add_space(10.0);
                    ui.horizontal(|ui| {
                        if ui.button("Xem tiếp dữ liệu mẫu").clicked() {
                            close = true;
                        }
                        if ui.button("Bắt đầu khối của tôi…").clicked() {
                            next = Some(Dialog::NewBloc(new_bloc_form(&self.data_dir), None));
                        }
                    });
                });
                if response.should_close() {
                    close = true;
                }
            }
            Dialog::NewBloc(form, error) => {
                let mut submit = false;
                egui::Modal::new(egui::Id::unique("new-bloc")).show(ctx, |ui| {
                    ui.set_width(560.0);
                    ui.heading("Tạo khối thi đua mới");
                    ui.add_space(6.0);
                    egui::Grid::new("new-bloc-grid")
                        .num_columns(2)
                        .spacing([10.0, 8.0])
                        .show(ui, |ui| {
                            super::widgets::text_row(
                                ui,
                                "Tên khối",
                                &mut form.bloc_name,
                                "Khối Kinh tế ngành",
                            );
                            super::widgets::text_row(
                                ui,
                                "Tỉnh",
                                &mut form.province,
                                "tỉnh Hà Giang",
                            );
                            super::widgets::text_row(
                                ui,
                                "Địa danh ghi ngày tháng",
                                &mut form.place,
                                "Hà Giang",
                            );
                            super::widgets::text_row(ui, "Năm đầu tiên", &mut form.year, "2021");
                            let label = ui.label("Đơn vị thành viên (mỗi dòng một đơn vị)");
                            ui.add(
                                egui::TextEdit::multiline(&mut form.members)
                                    .desired_rows(6)
                                    .desired_width(340.0)
                                    .hint_text(
                                        "Sở Thông tin và Truyền thông\nBan Quản lý Khu kinh tế\n…",
                                    ),
                            )
                            .labelled_by(label.id);
                            ui.end_row();
                            let label = ui.label("Trưởng khối");
                            let lines = form.member_lines();
                            let selected = lines
                                .get(form.leader)
                                .cloned()
                                .unwrap_or_else(|| "(chưa có đơn vị)".to_owned());
                            egui::ComboBox::from_id_salt("new-bloc-leader")
                                .selected_text(selected)
                                .width(340.0)
                                .show_ui(ui, |ui| {
                                    for (i, name) in lines.iter().enumerate() {
                                        ui.selectable_value(&mut form.leader, i, name);
                                    }
                                })
                                .response
                                .labelled_by(label.id);
                            ui.end_row();
                            super::widgets::text_row(ui, "Lưu vào tệp", &mut form.path, "");
                        });
                    if ui.button("Chọn nơi lưu…").clicked()
                        && let Some(p) = rfd::FileDialog::new()
                            .add_filter("Tệp dữ liệu khối thi đua", &["sqlite"])
                            .set_file_name("khoi-moi.sqlite")
                            .save_file()
                    {
                        form.path = p.display().to_string();
                    }
                    if let Some(e) = error {
                        ui.colored_label(Color32::from_rgb(180, 0, 0), e.as_str());
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Tạo khối").clicked() {
                            submit = true;
                        }
                        if ui.button("Hủy").clicked() {
                            close = true;
                        }
                    });
                });
                if submit {
                    self.actions.push(Action::CreateBloc(form.clone()));
                }
            }
            Dialog::Info(title, lines) => {
                let response = egui::Modal::new(egui::Id::unique("info")).show(ctx, |ui| {
                    ui.set_max_width(640.0);
                    ui.heading(title.as_str());
                    ui.add_space(6.0);
                    for line in lines.iter() {
                        ui.label(line.as_str());
                    }
                    ui.add_space(10.0);
                    if ui.button("Đóng").clicked() {
                        close = true;
                    }
                });
                if response.should_close() {
                    close = true;
                }
            }
            Dialog::Restore { selected } => {
                let list = self
                    .data_dir
                    .as_ref()
                    .map(|d| ops::receive::backups(d))
                    .unwrap_or_default();
                let mut restore = None;
                egui::Modal::new(egui::Id::unique("restore")).show(ctx, |ui| {
                    ui.set_width(620.0);
                    ui.heading("Khôi phục từ bản sao lưu");
                    ui.add_space(6.0);
                    ui.label("Chương trình tự lưu một bản sao trước mỗi lần nâng cấp tệp, bàn giao hay khôi phục (giữ 10 bản gần nhất). Khôi phục sẽ thay toàn bộ dữ liệu đang mở bằng bản đã chọn; trạng thái hiện tại được lưu lại trước.");
                    ui.add_space(6.0);
                    if list.is_empty() {
                        ui.label("Chưa có bản sao lưu nào.");
                    }
                    egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                        for p in &list {
                            let name = p.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
                            if ui.selectable_label(selected.as_ref() == Some(p), name).clicked() {
                                *selected = Some(p.clone());
                            }
                        }
                    });
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.add_enabled(selected.is_some(), egui::Button::new("Khôi phục bản đã chọn")).clicked() {
                            restore = selected.clone();
                        }
                        if ui.button("Hủy").clicked() {
                            close = true;
                        }
                    });
                });
                if let Some(p) = restore {
                    self.actions.push(Action::RestoreBackup(p));
                    close = true;
                }
            }
            Dialog::Export { path, error, kind } => {
                let mut submit = false;
                let kind = *kind;
                egui::Modal::new(egui::Id::unique("export")).show(ctx, |ui| {
                    ui.set_width(560.0);
                    ui.heading(match kind {
                        DocumentKind::Report => "Xuất báo cáo ra PDF",
                        DocumentKind::Minutes => "Xuất biên bản hội nghị ra PDF",
                        DocumentKind::News => "Xuất tin bài",
                    });
                    ui.add_space(6.0);
                    ui.label(match kind {
                        DocumentKind::News => "Tin bài được xuất theo đuôi tệp: .pdf (bản in), .txt (văn bản thuần) hoặc .html (dán vào trình soạn thảo của trang tin).",
                        _ => "Văn bản được in theo thể thức Nghị định 30/2020/NĐ-CP, khổ A4, phông Times New Roman (hoặc Liberation Serif tương đương).",
                    });
                    ui.add_space(6.0);
                    ui.horizontal(|ui| {
                        let label = ui.label("Lưu vào tệp:");
                        ui.add(egui::TextEdit::singleline(path).desired_width(360.0))
                            .labelled_by(label.id);
                        if ui.button("Chọn…").clicked()
                            && let Some(p) = rfd::FileDialog::new()
                                .add_filter("Tệp PDF, văn bản hoặc HTML", &["pdf", "txt", "html"])
                                .set_file_name(
                                    Path::new(path.as_str())
                                        .file_name()
                                        .map(|f| f.to_string_lossy().into_owned())
                                        .unwrap_or_default(),
                                )
                                .save_file()
                            {
                                *path = p.display().to_string();
                            }
                    });
                    if kind != DocumentKind::News || path.ends_with(".pdf") {
                        ui.checkbox(
                            &mut self.settings.use_system_font,
                            "Dùng phông Times New Roman của máy nếu có (nếu không: Liberation Serif kèm theo, cùng kích thước chữ)",
                        );
                    }
                    if let Some(e) = error {
                        ui.colored_label(Color32::from_rgb(180, 0, 0), e.as_str());
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Xuất").clicked() {
                            submit = true;
                        }
                        if ui.button("Hủy").clicked() {
                            close = true;
                        }
                    });
                });
                if submit {
                    if path.trim().is_empty() {
                        *error = Some("Hãy chọn nơi lưu tệp PDF.".to_owned());
                    } else {
                        self.actions
                            .push(Action::ExportPdf(kind, PathBuf::from(path.trim())));
                    }
                }
            }
        }
        if let Some(n) = next {
            self.dialog = Some(n);
        } else if close {
            self.dialog = None;
        }
    }
}

/// The "Mới…" form, proposing a file in the data folder and the current year.
fn new_bloc_form(data_dir: &Option<PathBuf>) -> NewBloc {
    NewBloc {
        path: data_dir
            .as_deref()
            .map(|d| d.join("khoi-moi.sqlite").display().to_string())
            .unwrap_or_default(),
        year: chrono::Local::now().format("%Y").to_string(),
        ..Default::default()
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
