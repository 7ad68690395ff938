//! The report's header: number, bodies, place, type, subject, signer and the date of issue, with
//! the place-and-date line as it will be printed.

use crate::domain::Report;
use crate::report::compose::place_date_line;
use crate::ui::widgets::{
    DateBuffer, FieldBuffers, TextField, date_field_ui, form_grid_ui, text_fields_ui,
};
use egui::RichText;

#[derive(Default)]
pub struct HeaderPanel {
    date: DateBuffer,
}

impl HeaderPanel {
    /// Returns the report with the field the user changed.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        report: &Report,
        fields: &mut FieldBuffers,
        editable: bool,
    ) -> Option<Report> {
        ui.heading("Số, ngày, tiêu đề");
        ui.label(RichText::new(place_date_line(report)).italics());
        ui.add_space(6.0);
        let form: [TextField<Report>; 7] = [
            TextField::new(
                "number",
                "Số và ký hiệu",
                |r| &r.number,
                |r, v| r.number = v,
            ),
            TextField::new(
                "parent",
                "Cơ quan cấp trên",
                |r| &r.parent_body,
                |r, v| r.parent_body = v,
            ),
            TextField::new(
                "issuer",
                "Cơ quan ban hành",
                |r| &r.issuing_body,
                |r, v| r.issuing_body = v,
            ),
            TextField::new("place", "Địa danh", |r| &r.place, |r, v| r.place = v),
            TextField::new(
                "type",
                "Loại văn bản",
                |r| &r.doc_type,
                |r, v| r.doc_type = v,
            ),
            TextField::new(
                "subject",
                "Trích yếu",
                |r: &Report| &r.subject,
                |r, v| r.subject = v,
            )
            .multiline(),
            TextField::new("signer", "Người ký", |r| &r.signer, |r, v| r.signer = v),
        ];
        form_grid_ui(ui, "report-header", 170.0, |ui| {
            let mut changed = text_fields_ui(ui, &form, report, fields, editable);
            if let Some(d) =
                date_field_ui(ui, "Ngày ban hành", report.date, &mut self.date, editable)
            {
                let mut r = report.clone();
                r.date = d;
                changed = Some(r);
            }
            changed
        })
    }
}
