//! The opinions given on the draft at the conference: who gave each, what it says, and how the
//! secretariat handled it (accepted into the report, or explained).

use super::blank_refusal;
use crate::domain::{Handling, Opinion, ReportKind};
use crate::edit::Edit;
use crate::ui::app::Action;
use crate::ui::session::YearView;
use crate::ui::widgets::{FieldBuffers, form_field_hinted_ui};
use egui::RichText;

pub fn opinions_ui(
    ui: &mut egui::Ui,
    view: &YearView,
    kind: ReportKind,
    fields: &mut FieldBuffers,
    actions: &mut Vec<Action>,
) {
    let year = view.year();
    let editable = !view.locked();
    ui.heading("Ý kiến tại hội nghị");
    ui.label("Các ý kiến của đơn vị thành viên về dự thảo báo cáo, và cách Ban thư ký xử lý: tiếp thu vào báo cáo, hoặc giải trình.");
    if ui
        .add_enabled(editable, egui::Button::new("Thêm ý kiến"))
        .clicked()
    {
        actions.push(Action::Edit(Edit::InsertOpinion {
            year,
            kind,
            opinion: Opinion {
                id: 0,
                member: view.members_in_year().first().map(|m| m.id),
                speaker: String::new(),
                text: String::new(),
                handling: Handling::Pending,
                response: String::new(),
            },
        }));
    }
    ui.add_space(6.0);
    let opinions = view.data.report_parts(kind).opinions;
    if opinions.is_empty() {
        ui.label("Chưa có ý kiến nào.");
    }
    for (n, op) in opinions.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let mut changed = opinion_header_ui(ui, view, kind, n, op, editable, actions);
            egui::Grid::new(("opinion", op.id))
                .num_columns(2)
                .show(ui, |ui| {
                    let mut field = |key: String, label: &str, hint: &str, stored: &str| {
                        let buffer = fields.entry(key).or_default();
                        form_field_hinted_ui(ui, label, hint, stored, buffer, true, editable)
                    };
                    if let Some(v) = field(
                        format!("op-text-{}", op.id),
                        "Nội dung",
                        "Nội dung ý kiến",
                        &op.text,
                    ) {
                        let mut o = op.clone();
                        o.text = v;
                        changed = Some(o);
                    }
                    if let Some(v) = field(
                        format!("op-resp-{}", op.id),
                        "Tiếp thu / giải trình",
                        "",
                        &op.response,
                    ) {
                        let mut o = op.clone();
                        o.response = v;
                        changed = Some(o);
                    }
                });
            if let Some(o) = changed {
                // A new opinion starts empty (the field shows a hint); only emptying a written
                // one is refused.
                let refusal = if o.text == op.text {
                    None
                } else {
                    blank_refusal(&o.text, "Nội dung ý kiến không được để trống.")
                };
                actions.push(refusal.unwrap_or(Action::Edit(Edit::UpdateOpinion {
                    year,
                    kind,
                    from: op.clone(),
                    to: o,
                })));
            }
        });
    }
}

/// "Ý kiến n", who gave it, how it was handled and "Xóa ý kiến". Returns the opinion as the
/// user changed it.
fn opinion_header_ui(
    ui: &mut egui::Ui,
    view: &YearView,
    kind: ReportKind,
    n: usize,
    op: &Opinion,
    editable: bool,
    actions: &mut Vec<Action>,
) -> Option<Opinion> {
    let year = view.year();
    let mut changed = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("Ý kiến {}", n + 1)).strong());
        ui.add_enabled_ui(editable, |ui| {
            let who = op
                .member
                .map_or("(khách mời)".to_owned(), |id| view.short_name(id));
            let label = ui.label("Đơn vị:");
            egui::ComboBox::from_id_salt(("opinion-member", op.id))
                .selected_text(who)
                .show_ui(ui, |ui| {
                    for m in view.members_in_year() {
                        if ui
                            .selectable_label(op.member == Some(m.id), m.full_name_in(year))
                            .clicked()
                        {
                            let mut o = op.clone();
                            o.member = Some(m.id);
                            changed = Some(o);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label("Xử lý:");
            egui::ComboBox::from_id_salt(("opinion-handling", op.id))
                .selected_text(op.handling.label())
                .show_ui(ui, |ui| {
                    for h in [Handling::Pending, Handling::Accepted, Handling::Explained] {
                        if ui.selectable_label(op.handling == h, h.label()).clicked() {
                            let mut o = op.clone();
                            o.handling = h;
                            changed = Some(o);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if ui
            .add_enabled(editable, egui::Button::new("Xóa ý kiến"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::DeleteOpinion {
                year,
                kind,
                id: op.id,
            }));
        }
    });
    changed
}
