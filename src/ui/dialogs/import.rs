//! "Nhập số liệu từ Excel": the preview of a returned data-request workbook, every change
//! (old → new), every unreadable row and every row that matches nothing, before anything is
//! written. "Nhập" makes the changes as one edit (one undo step); a file with an unreadable
//! row cannot be imported, and the dialog says which rows to fix.

use super::Choice;
use crate::ops::xlsx::import::Preview;
use crate::ui::app::Action;

pub struct ImportDialog {
    summary: String,
    lines: Vec<String>,
    refusal: Option<String>,
    changes: usize,
    edit: Option<Box<crate::edit::Edit>>,
}

impl ImportDialog {
    pub fn new(preview: &Preview) -> ImportDialog {
        let mut lines = preview.lines();
        let summary = if lines.is_empty() {
            String::new()
        } else {
            lines.remove(0)
        };
        let refusal = preview.refusal();
        let edit = preview.edit().ok().map(Box::new);
        ImportDialog {
            summary,
            lines,
            refusal,
            changes: preview.changes.len(),
            edit,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("import_xlsx")).show(ctx, |ui| {
            ui.set_max_width(760.0);
            ui.heading("Nhập số liệu từ Excel");
            ui.add_space(6.0);
            ui.label(self.summary.as_str());
            if let Some(refusal) = &self.refusal {
                ui.colored_label(ui.visuals().error_fg_color, refusal.as_str());
            }
            ui.add_space(4.0);
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .auto_shrink([false, true])
                .show_rows(ui, 18.0, self.lines.len(), |ui, range| {
                    for line in &self.lines[range] {
                        ui.label(line.as_str());
                    }
                });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let can_import = self.refusal.is_none() && self.changes > 0;
                if ui
                    .add_enabled(can_import, egui::Button::new("Nhập"))
                    .clicked()
                {
                    choice = self.edit.take().map(|e| Choice::Do(Action::Import(*e)));
                }
                if ui.button("Hủy").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        if response.should_close() && choice.is_none() {
            choice = Some(Choice::Close);
        }
        choice
    }
}
