//! One section of the report: its heading and, for a text section, its paragraphs; the
//! indicator appendix is a table filled from the Chỉ tiêu tab when printing.

use crate::domain::{ReportSection, SectionKind};
use crate::ui::session::YearView;
use crate::ui::widgets::{FieldBuffers, TextField, text_fields_ui};
use egui::RichText;

/// Returns the section as the user changed it.
pub fn section_ui(
    ui: &mut egui::Ui,
    view: &YearView,
    section: &ReportSection,
    i: usize,
    fields: &mut FieldBuffers,
    editable: bool,
) -> Option<ReportSection> {
    let heading: TextField<ReportSection> = TextField::new(
        "heading",
        "Tiêu đề mục",
        |s| &s.heading,
        |s, v| s.heading = v,
    );
    let body: TextField<ReportSection> = TextField::new(
        "body",
        "Nội dung",
        |s: &ReportSection| &s.body,
        |s, v| s.body = v,
    )
    .multiline();
    let form = if section.kind == SectionKind::Text {
        vec![heading, body]
    } else {
        vec![heading]
    };
    let mut changed = None;
    egui::Grid::new(("report-section", i))
        .num_columns(2)
        .spacing([10.0, 6.0])
        .min_col_width(120.0)
        .show(ui, |ui| {
            changed = text_fields_ui(ui, &form, section, fields, editable);
        });
    if section.kind == SectionKind::IndicatorAppendix {
        ui.add_space(6.0);
        ui.label(format!(
            "Mục này là bảng của cả {} chỉ tiêu năm {} (kế hoạch, thực hiện, % kế hoạch), lấy từ thẻ Chỉ tiêu mỗi khi xuất PDF.",
            view.data.indicators.len(),
            view.year()
        ));
    } else {
        ui.label(
            RichText::new(
                "Mỗi dòng là một đoạn văn; đoạn văn được căn đều hai bên và thụt đầu dòng khi in.",
            )
            .small()
            .weak(),
        );
    }
    changed
}
