//! The report tab's left panel: the document's outline (header, sections, recipients and
//! signature) with adding, moving and deleting sections, then the conference, the news item,
//! the saved versions and the opinions. Returns the part the user selected.

use super::{Part, Shown};
use crate::domain::{Report, ReportKind, ReportSection, SectionKind};
use crate::edit::Edit;
use crate::ui::app::Action;
use egui::RichText;

pub fn outline_ui(
    ui: &mut egui::Ui,
    shown: Shown<'_>,
    current: Part,
    actions: &mut Vec<Action>,
) -> Option<Part> {
    let Shown {
        view, kind, report, ..
    } = shown;
    let parts = view.data.report_parts(kind);
    let mut selected = None;
    // The section added, moved or deleted, whose neighbour is selected.
    let mut moved = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        let mut item = |ui: &mut egui::Ui, part: Part, text: String| {
            if ui.selectable_label(current == part, text).clicked() {
                selected = Some(part);
            }
        };
        ui.label(RichText::new("Nội dung văn bản").strong());
        item(ui, Part::Header, "Số, ngày, tiêu đề".to_owned());
        for (i, s) in report.sections.iter().enumerate() {
            let title = if s.heading.trim().is_empty() {
                format!("Mục {}", i + 1)
            } else {
                s.heading.clone()
            };
            item(ui, Part::Section(i), title);
        }
        item(ui, Part::Closing, "Nơi nhận, chữ ký".to_owned());
        ui.horizontal(|ui| {
            moved = section_buttons_ui(ui, shown, current, actions);
        });
        ui.add_space(10.0);
        ui.label(RichText::new("Hội nghị và lịch sử").strong());
        if kind.has_conference() {
            item(
                ui,
                Part::Conference,
                format!("Hội nghị {}", kind.review_word()),
            );
        }
        if kind == ReportKind::YearEnd {
            item(ui, Part::News, "Tin bài cho trang thông tin".to_owned());
        }
        item(
            ui,
            Part::Versions,
            format!("Phiên bản đã lưu ({})", parts.versions.len()),
        );
        item(
            ui,
            Part::Opinions,
            format!("Ý kiến tại hội nghị ({})", parts.opinions.len()),
        );
    });
    moved.or(selected)
}

/// "Thêm mục", and for the selected section "Lên", "Xuống", "Xóa mục"; each saves the report.
fn section_buttons_ui(
    ui: &mut egui::Ui,
    shown: Shown<'_>,
    current: Part,
    actions: &mut Vec<Action>,
) -> Option<Part> {
    let Shown {
        view,
        kind,
        report,
        editable,
    } = shown;
    let year = view.year();
    let mut save = |r: Report| {
        actions.push(Action::Edit(Edit::SaveReport {
            year,
            kind,
            report: r,
        }))
    };
    let mut selected = None;
    if ui
        .add_enabled(editable, egui::Button::new("Thêm mục"))
        .clicked()
    {
        let mut r = report.clone();
        let at = match current {
            Part::Section(i) => i + 1,
            _ => r.sections.len(),
        };
        r.sections.insert(
            at.min(r.sections.len()),
            ReportSection {
                heading: "Mục mới".to_owned(),
                body: String::new(),
                kind: SectionKind::Text,
            },
        );
        save(r);
        selected = Some(Part::Section(at));
    }
    let Part::Section(i) = current else {
        return selected;
    };
    if ui
        .add_enabled(editable && i > 0, egui::Button::new("Lên"))
        .clicked()
    {
        let mut r = report.clone();
        r.sections.swap(i, i - 1);
        save(r);
        selected = Some(Part::Section(i - 1));
    }
    let last = report.sections.len().saturating_sub(1);
    if ui
        .add_enabled(editable && i < last, egui::Button::new("Xuống"))
        .clicked()
    {
        let mut r = report.clone();
        r.sections.swap(i, i + 1);
        save(r);
        selected = Some(Part::Section(i + 1));
    }
    if ui
        .add_enabled(editable, egui::Button::new("Xóa mục"))
        .clicked()
    {
        let mut r = report.clone();
        if i < r.sections.len() {
            let removed = r.sections.remove(i);
            save(r);
            actions.push(Action::Toast(format!(
                "Đã xóa mục “{}”. Bấm Ctrl+Z để hoàn tác.",
                removed.heading
            )));
        }
        selected = Some(Part::Header);
    }
    selected
}
