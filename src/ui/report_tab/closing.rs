//! The end of the report: the recipients ("Nơi nhận", one per line) and the signature block.

use crate::domain::Report;
use crate::ui::widgets::{FieldBuffers, TextField, form_field_ui, form_grid_ui, text_fields_ui};

/// Returns the report with the field the user changed.
pub fn closing_ui(
    ui: &mut egui::Ui,
    report: &Report,
    fields: &mut FieldBuffers,
    editable: bool,
) -> Option<Report> {
    ui.heading("Nơi nhận, chữ ký");
    let form: [TextField<Report>; 3] = [
        TextField::new(
            "authority",
            "Thẩm quyền ký",
            |r| &r.sign_authority,
            |r, v| r.sign_authority = v,
        ),
        TextField::new(
            "position",
            "Chức vụ người ký",
            |r| &r.sign_position,
            |r, v| r.sign_position = v,
        ),
        TextField::new("signer", "Người ký", |r| &r.signer, |r, v| r.signer = v),
    ];
    form_grid_ui(ui, "report-closing", 170.0, |ui| {
        let recipients = report.recipients.join("\n");
        let buffer = fields.entry("recipients".to_owned()).or_default();
        let mut changed = None;
        if let Some(v) = form_field_ui(
            ui,
            "Nơi nhận (mỗi dòng một nơi)",
            &recipients,
            buffer,
            true,
            editable,
        ) {
            let mut r = report.clone();
            r.recipients = recipient_lines(&v);
            changed = Some(r);
        }
        if let Some(r) = text_fields_ui(ui, &form, report, fields, editable) {
            changed = Some(r);
        }
        changed
    })
}

/// The recipients typed one per line, without the "- " and ";" or "." the printed list adds.
fn recipient_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches('-')
                .trim()
                .trim_end_matches([';', '.'])
                .to_owned()
        })
        .filter(|l| !l.is_empty())
        .collect()
}
