//! The report's saved versions: saving the current text under a name, looking at a version, and
//! putting one back as the draft (undoable like any edit).

use crate::domain::{ReportKind, ReportStatus};
use crate::edit::Edit;
use crate::ui::app::Action;
use crate::ui::session::YearView;
use egui::RichText;

#[derive(Default)]
pub struct VersionsPanel {
    /// The name typed for the next version.
    name: String,
    /// The version whose text is unfolded.
    viewing: Option<i64>,
}

impl VersionsPanel {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        kind: ReportKind,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let parts = view.data.report_parts(kind);
        ui.heading("Phiên bản đã lưu");
        ui.horizontal(|ui| {
            let label = ui.label("Tên phiên bản:");
            ui.add(
                egui::TextEdit::singleline(&mut self.name)
                    .hint_text(format!("Dự thảo lần {}", parts.versions.len() + 1))
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(!view.locked(), egui::Button::new("Lưu phiên bản"))
                .clicked()
            {
                let name = if self.name.trim().is_empty() {
                    format!("Dự thảo lần {}", parts.versions.len() + 1)
                } else {
                    self.name.trim().to_owned()
                };
                actions.push(Action::Edit(Edit::SaveVersion {
                    year,
                    kind,
                    name: name.clone(),
                }));
                actions.push(Action::Toast(format!("Đã lưu phiên bản “{name}”.")));
                self.name.clear();
            }
        });
        ui.add_space(6.0);
        if parts.versions.is_empty() {
            ui.label("Chưa có phiên bản nào được lưu.");
        }
        let restorable = !view.locked()
            && parts
                .report
                .is_some_and(|r| r.status == ReportStatus::Draft);
        for v in parts.versions.iter().rev() {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&v.name).strong());
                ui.label(format!(
                    "lưu lúc {}",
                    crate::text::date::format_stored_time(&v.saved_at)
                ));
                if ui.button("Xem").clicked() {
                    self.viewing = if self.viewing == Some(v.id) {
                        None
                    } else {
                        Some(v.id)
                    };
                }
                if ui
                    .add_enabled(restorable, egui::Button::new("Khôi phục"))
                    .on_hover_text(
                        "Thay nội dung báo cáo hiện tại bằng phiên bản này (hoàn tác được bằng Ctrl+Z)",
                    )
                    .clicked()
                {
                    let mut r = v.report.clone();
                    r.status = ReportStatus::Draft;
                    actions.push(Action::Edit(Edit::SaveReport {
                        year,
                        kind,
                        report: r,
                    }));
                    actions.push(Action::Toast(format!(
                        "Đã khôi phục phiên bản “{}”.",
                        v.name
                    )));
                }
            });
            if self.viewing == Some(v.id) {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("{} {}", v.report.doc_type, v.report.subject))
                            .strong(),
                    );
                    for s in &v.report.sections {
                        ui.label(RichText::new(&s.heading).strong());
                        ui.label(&s.body);
                    }
                });
            }
        }
    }
}
