//! "Khôi phục từ bản sao lưu": the backups the program took (before migrations, handovers and
//! restores), newest first as listed when the dialog opened, and the one to restore.

use super::Choice;
use crate::ui::app::Action;
use std::path::PathBuf;

pub struct RestoreDialog {
    backups: Vec<PathBuf>,
    selected: Option<PathBuf>,
}

impl RestoreDialog {
    /// The dialog over `backups`, read once when it opens rather than at every frame.
    pub fn new(backups: Vec<PathBuf>) -> RestoreDialog {
        RestoreDialog {
            backups,
            selected: None,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("restore")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading("Khôi phục từ bản sao lưu");
            ui.add_space(6.0);
            ui.label("Chương trình tự lưu một bản sao trước mỗi lần nâng cấp tệp, bàn giao hay khôi phục (giữ 10 bản gần nhất). Khôi phục sẽ thay toàn bộ dữ liệu đang mở bằng bản đã chọn; trạng thái hiện tại được lưu lại trước.");
            ui.add_space(6.0);
            if self.backups.is_empty() {
                ui.label("Chưa có bản sao lưu nào.");
            }
            egui::ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                for p in &self.backups {
                    let name = p
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if ui
                        .selectable_label(self.selected.as_ref() == Some(p), name)
                        .clicked()
                    {
                        self.selected = Some(p.clone());
                    }
                }
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(
                        self.selected.is_some(),
                        egui::Button::new("Khôi phục bản đã chọn"),
                    )
                    .clicked()
                    && let Some(p) = self.selected.clone()
                {
                    choice = Some(Choice::Do(Action::RestoreBackup(p)));
                }
                if ui.button("Hủy").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        choice
    }
}
