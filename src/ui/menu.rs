//! The window's chrome around the tabs: the menu bar (Tệp, Sửa, Trợ giúp) with the year picker,
//! the row of tabs, the keyboard shortcuts and the status bar (file, leader, saved, export
//! progress, the last message). It only reads the app's state and pushes [`Action`]s.

use super::app::{Action, Tab};
use super::export::ExportJob;
use super::files::Output;
use super::session::Session;
use crate::ops::export::DocumentKind;
use egui::{Align, Color32, Key, KeyboardShortcut, Layout, Modifiers, RichText};
use std::path::{Path, PathBuf};

/// Why the year picker and the ways of opening another file wait while an export runs.
pub const WAIT_FOR_EXPORT: &str = "Đang xuất văn bản: hãy chờ xuất xong (hoặc bấm Hủy xuất ở thanh trạng thái) rồi đổi năm hay mở tệp khác.";

/// What Ctrl+S says: every change is written to the file as it is made.
pub const SAVED: &str = "Mọi thay đổi đã được lưu (chương trình lưu ngay mỗi thay đổi).";

/// How long a message stays in the status bar, in seconds.
const TOAST_SECONDS: f64 = 8.0;

/// What the menu and the status bar show.
pub struct Chrome<'a> {
    /// For the folders proposed to the Excel items.
    pub settings: &'a super::settings::Settings,
    pub documents: Option<&'a Path>,
    pub session: Option<&'a Session>,
    pub recent: &'a [PathBuf],
    pub tab: Tab,
    /// The export running in the background, if any.
    pub export: Option<&'a ExportJob>,
    /// The document Xuất PDF… and Xem trước… open on: the report the Báo cáo tab shows.
    pub document: DocumentKind,
}

impl Chrome<'_> {
    fn exporting(&self) -> bool {
        self.export.is_some()
    }

    /// The menu bar, the year picker and, with a file open, the row of tabs.
    pub fn menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Tệp", |ui| self.file_menu_ui(ui, actions));
            ui.menu_button("Sửa", |ui| self.edit_menu_ui(ui, actions));
            ui.menu_button("Xem", |ui| self.view_menu_ui(ui, actions));
            ui.menu_button("Trợ giúp", |ui| {
                if ui
                    .add(egui::Button::new("Hướng dẫn sử dụng").shortcut_text("F1"))
                    .clicked()
                {
                    actions.push(Action::Guide);
                }
                if ui.button("Giới thiệu").clicked() {
                    actions.push(Action::About);
                }
            });
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                self.year_picker_ui(ui, actions);
            });
        });
        if let Some(s) = self.session {
            ui.add_space(2.0);
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    let text = RichText::new(tab.label()).size(16.0);
                    if ui.selectable_label(self.tab == tab, text).clicked() {
                        actions.push(Action::SelectTab(tab));
                    }
                }
                // What is left of the row after the tabs: on a narrow window or with large text
                // the name is cut short (the whole of it on hover), never drawn over a tab.
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!(
                                "{} — năm {}",
                                s.view.data.record.bloc_name,
                                s.view.year()
                            ))
                            .strong(),
                        )
                        .truncate(),
                    );
                });
            });
            ui.add_space(2.0);
        }
    }

    fn file_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let free = !self.exporting();
        if ui
            .add_enabled(free, egui::Button::new("Mới…"))
            .on_disabled_hover_text(WAIT_FOR_EXPORT)
            .clicked()
        {
            actions.push(Action::NewBlocDialog);
        }
        if ui
            .add_enabled(free, egui::Button::new("Mở…").shortcut_text("Ctrl+O"))
            .on_disabled_hover_text(WAIT_FOR_EXPORT)
            .clicked()
        {
            actions.push(Action::OpenDialog);
        }
        ui.add_enabled_ui(free, |ui| {
            ui.menu_button("Mở gần đây", |ui| {
                if self.recent.is_empty() {
                    ui.label("(chưa có)");
                }
                for path in self.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::Open(path.clone()));
                    }
                }
            })
            .response
            .on_disabled_hover_text(WAIT_FOR_EXPORT);
        });
        let has_file = self.session.is_some();
        if ui
            .add_enabled(has_file, egui::Button::new("Lưu").shortcut_text("Ctrl+S"))
            .on_hover_text("Chương trình lưu ngay mỗi thay đổi; không cần bấm Lưu.")
            .clicked()
        {
            actions.push(Action::Toast(SAVED.to_owned()));
        }
        if ui
            .add_enabled(
                has_file,
                egui::Button::new("Xuất PDF…").shortcut_text("Ctrl+P"),
            )
            .on_hover_text("Xuất một văn bản của năm (báo cáo tổng kết, báo cáo sơ kết 6 tháng, biên bản, kế hoạch, giao ước, tin bài) ra PDF hoặc Word")
            .clicked()
        {
            actions.push(Action::ExportPdfDialog(self.document));
        }
        if ui
            .add_enabled(
                has_file,
                egui::Button::new("Xem trước…").shortcut_text("Ctrl+Shift+P"),
            )
            .on_hover_text("Xem các trang của một văn bản của năm như khi in")
            .clicked()
        {
            actions.push(Action::Preview(self.document));
        }
        self.excel_menu_ui(ui, has_file, actions);
        if ui
            .button("Tổng hợp các khối…")
            .on_hover_text("So sánh tệp dữ liệu của nhiều khối trong một năm (chỉ đọc các tệp)")
            .clicked()
        {
            actions.push(Action::RollupDialog);
        }
        if ui
            .add_enabled(has_file, egui::Button::new("Lưu bản sao…"))
            .clicked()
            && let Some(s) = self.session
        {
            let folder = super::files::folder_for(
                self.settings,
                self.documents,
                Output::Copy,
                s.store.path(),
            );
            super::files::save_copy(ui.ctx(), &folder, actions);
        }
        let restore = ui.add_enabled(
            has_file && free,
            egui::Button::new("Khôi phục từ bản sao lưu…"),
        );
        let restore = if has_file {
            restore.on_disabled_hover_text(WAIT_FOR_EXPORT)
        } else {
            restore
        };
        if restore.clicked() {
            actions.push(Action::RestoreDialog);
        }
        ui.separator();
        if ui.button("Thoát").clicked() {
            actions.push(Action::Quit);
        }
    }

    /// Xuất Excel, the data-request workbooks and the import of a returned one.
    fn excel_menu_ui(&self, ui: &mut egui::Ui, has_file: bool, actions: &mut Vec<Action>) {
        let folder = |s: &Session, kind| {
            super::files::folder_for(self.settings, self.documents, kind, s.store.path())
        };
        if ui
            .add_enabled(has_file, egui::Button::new("Xuất Excel…"))
            .clicked()
            && let Some(s) = self.session
        {
            // "ChiTieu2020.xlsx" in the folder last used for workbooks, as the PDFs propose.
            let proposed =
                super::files::default_xlsx_path(&folder(s, Output::Workbook), s.view.year());
            super::files::export_workbook(ui.ctx(), proposed, actions);
        }
        if ui
            .add_enabled(has_file, egui::Button::new("Xuất mẫu báo cáo số liệu…"))
            .on_hover_text("Mỗi đơn vị một tệp Excel để điền kết quả thực hiện rồi gửi lại.")
            .clicked()
            && let Some(s) = self.session
        {
            super::files::request_folder(ui.ctx(), folder(s, Output::Requests), actions);
        }
        let writable = self.session.is_some_and(|s| s.lock.is_some());
        if ui
            .add_enabled(writable, egui::Button::new("Nhập số liệu từ Excel…"))
            .on_disabled_hover_text("Tệp đang mở chỉ để xem.")
            .clicked()
            && let Some(s) = self.session
        {
            // Where the data-request workbooks went: the returned ones are often put beside.
            super::files::import_workbook(ui.ctx(), folder(s, Output::Requests), actions);
        }
    }

    fn edit_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let (undo, redo) = self.session.map_or((None, None), |s| {
            (s.history.can_undo(), s.history.can_redo())
        });
        for (step, verb, keys, action) in [
            (undo, "Hoàn tác", "Ctrl+Z", Action::Undo),
            (redo, "Làm lại", "Ctrl+Y", Action::Redo),
        ] {
            let text = step.map_or(verb.to_owned(), |l| format!("{verb}: {l}"));
            if ui
                .add_enabled(step.is_some(), egui::Button::new(text).shortcut_text(keys))
                .clicked()
            {
                actions.push(action);
            }
        }
    }

    /// The tabs, each with its Ctrl+number.
    fn view_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        for (n, tab) in Tab::ALL.into_iter().enumerate() {
            let button = egui::Button::selectable(self.tab == tab, tab.label())
                .shortcut_text(format!("Ctrl+{}", n + 1));
            if ui.add_enabled(self.session.is_some(), button).clicked() {
                actions.push(Action::SelectTab(tab));
            }
        }
        // Larger text for tired eyes and projectors: egui's zoom, which the keys also reach and
        // which is kept with the window's state between runs.
        ui.separator();
        let ctx = ui.ctx().clone();
        let percent = (ctx.zoom_factor() * 100.0).round();
        ui.label(format!("Cỡ chữ: {percent}%"));
        if ui
            .add(egui::Button::new("Chữ to hơn").shortcut_text("Ctrl +"))
            .clicked()
        {
            egui::gui_zoom::zoom_in(&ctx);
        }
        if ui
            .add(egui::Button::new("Chữ nhỏ hơn").shortcut_text("Ctrl −"))
            .clicked()
        {
            egui::gui_zoom::zoom_out(&ctx);
        }
        if ui
            .add_enabled(
                ctx.zoom_factor() != 1.0,
                egui::Button::new("Cỡ chữ mặc định").shortcut_text("Ctrl 0"),
            )
            .clicked()
        {
            ctx.set_zoom_factor(1.0);
        }
    }

    /// "Năm:" and the years of the file; it waits while an export runs, since the export
    /// belongs to the year shown when it started.
    fn year_picker_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(s) = self.session else { return };
        let current = s.view.year();
        // Right to left: the box first, then its label to its left.
        ui.add_enabled_ui(!self.exporting(), |ui| {
            egui::ComboBox::from_id_salt("year-picker")
                .selected_text(current.to_string())
                .width(80.0)
                .show_ui(ui, |ui| {
                    for &y in &s.view.years {
                        if ui.selectable_label(y == current, y.to_string()).clicked()
                            && y != current
                        {
                            actions.push(Action::SelectYear(y));
                        }
                    }
                })
                .response
                .accessible_name("Năm")
                .on_disabled_hover_text(WAIT_FOR_EXPORT);
        });
        ui.label("Năm:");
    }

    /// The status bar: the file, the leader, the last save, the export running and the last
    /// message (for eight seconds). `notice` is a standing warning, such as unsaved settings.
    pub fn status_ui(
        &self,
        ui: &mut egui::Ui,
        toast: Option<&(String, f64)>,
        notice: Option<&str>,
    ) {
        // Wrapped: a long path or message goes on a second line instead of off the window.
        ui.horizontal_wrapped(|ui| {
            let Some(s) = self.session else {
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
                .data
                .record
                .leader
                .map_or("chưa chọn".to_owned(), |id| s.view.short_name(id));
            ui.label(format!("Trưởng khối {year}: {leader}"));
            if let Some(held) = s.view.held_message() {
                ui.separator();
                ui.label(RichText::new(held).strong());
            }
            ui.separator();
            match &s.saved_at {
                _ if s.lock.is_none() => ui.label("Chỉ xem (tệp đang được sửa ở cửa sổ khác)"),
                Some(t) => ui.label(format!("Mọi thay đổi đã được lưu ({t})")),
                None => ui.label("Mọi thay đổi đã được lưu"),
            };
            if let Some(job) = self.export {
                ui.separator();
                export_progress_ui(ui, job);
            }
            if let Some(n) = notice {
                ui.separator();
                ui.label(RichText::new(n).color(super::widgets::ERROR_COLOR));
            }
            if let Some((message, at)) = toast {
                let now = ui.input(|i| i.time);
                if now - at < TOAST_SECONDS {
                    ui.separator();
                    ui.label(RichText::new(message).color(Color32::from_rgb(0, 110, 40)));
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_secs(1));
                }
            }
        });
    }
}

/// "Đang xuất báo cáo sơ kết 6 tháng đầu năm 2020…", the progress bar and "Hủy xuất".
fn export_progress_ui(ui: &mut egui::Ui, job: &ExportJob) {
    let (done, total) = job.progress();
    ui.label(format!("Đang xuất {}…", job.kind.of_year(job.year)));
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

/// The keyboard shortcuts: Ctrl+O, Ctrl+P, Ctrl+Shift+P, Ctrl+S, Ctrl+1… for the tabs, Ctrl+Z / Ctrl+Y.
/// Ctrl+P and Ctrl+Shift+P open on `document`, the report the Báo cáo tab shows.
pub fn shortcuts(
    ctx: &egui::Context,
    has_file: bool,
    exporting: bool,
    document: DocumentKind,
    actions: &mut Vec<Action>,
) {
    let typing = ctx.egui_wants_keyboard_input();
    let pressed = |key: Key| {
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
    };
    // People press Ctrl+S out of habit: the field being typed in is left, which saves it like
    // every other change, and the status bar says so.
    if pressed(Key::S) && has_file {
        if let Some(id) = ctx.memory(|m| m.focused()) {
            ctx.memory_mut(|m| m.surrender_focus(id));
        }
        actions.push(Action::Toast(SAVED.to_owned()));
    }
    if pressed(Key::O) {
        if exporting {
            actions.push(Action::Toast(WAIT_FOR_EXPORT.to_owned()));
        } else {
            actions.push(Action::OpenDialog);
        }
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) {
        actions.push(Action::Guide);
    }
    // Ctrl+Shift+P before Ctrl+P, which would also match it.
    let preview = ctx.input_mut(|i| {
        i.consume_shortcut(&KeyboardShortcut::new(
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::P,
        ))
    });
    if preview && has_file {
        actions.push(Action::Preview(document));
    }
    if pressed(Key::P) && has_file {
        actions.push(Action::ExportPdfDialog(document));
    }
    let digits = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    for (key, tab) in digits.into_iter().zip(Tab::ALL) {
        if pressed(key) {
            actions.push(Action::SelectTab(tab));
        }
    }
    // A focused text field keeps Ctrl+Z for its own text; elsewhere it undoes data edits.
    if !typing {
        if pressed(Key::Z) {
            actions.push(Action::Undo);
        }
        if pressed(Key::Y) {
            actions.push(Action::Redo);
        }
    }
}
