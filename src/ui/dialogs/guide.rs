//! "Hướng dẫn sử dụng" (F1): the guide's sections with a search that ignores accents, and a way
//! to print it.

use super::Choice;
use crate::ops::export::DocumentKind;
use crate::report::guide::matching;
use crate::ui::app::Action;
use egui::RichText;

pub struct GuideDialog {
    search: String,
    /// Whether a file is open (printing goes through the export dialog, which needs one).
    has_file: bool,
}

impl GuideDialog {
    pub fn new(has_file: bool) -> GuideDialog {
        GuideDialog {
            search: String::new(),
            has_file,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let has_file = self.has_file;
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("guide")).show(ctx, |ui| {
            ui.set_width(ctx.content_rect().width().min(760.0) - 48.0);
            ui.heading("Hướng dẫn sử dụng");
            ui.horizontal(|ui| {
                let label = ui.label("Tìm trong hướng dẫn:");
                ui.add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text("ví dụ: chấm chéo, bàn giao, Excel")
                        .desired_width(280.0),
                )
                .labelled_by(label.id);
            });
            ui.add_space(6.0);
            let sections = matching(&self.search);
            // A fixed height: the dialog does not jump about as the search narrows the text.
            let height = (ctx.content_rect().height() - 220.0).max(160.0);
            egui::ScrollArea::vertical()
                .max_height(height)
                .min_scrolled_height(height)
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if sections.is_empty() {
                        ui.label(format!("Không có mục nào chứa “{}”.", self.search.trim()));
                    }
                    for (heading, body) in sections {
                        ui.label(RichText::new(heading).strong());
                        for line in body.lines().filter(|l| !l.trim().is_empty()) {
                            ui.label(line.trim());
                        }
                        ui.add_space(6.0);
                    }
                });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(has_file, egui::Button::new("In hướng dẫn (PDF, Word)…"))
                    .on_disabled_hover_text("Mở một tệp dữ liệu trước, rồi xuất từ đây.")
                    .clicked()
                {
                    choice = Some(Choice::Do(Action::ExportPdfDialog(DocumentKind::Guide)));
                }
                if ui.button("Đóng").clicked() {
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
