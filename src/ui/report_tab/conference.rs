//! The summary conference of the year: the year's details used in the documents (bloc name,
//! place, venue, date, next year's directions), the conference record printed as the minutes,
//! and who attended (member units and guests).

use super::blank_refusal;
use crate::domain::{Attendee, Conference, PartOfDay, ReportKind, YearRecord};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use crate::ui::app::Action;
use crate::ui::session::YearView;
use crate::ui::widgets::{
    DateBuffer, FieldBuffers, TextField, date_field_ui, form_grid_ui, text_fields_ui,
};
use egui::RichText;

#[derive(Default)]
pub struct ConferencePanel {
    date: DateBuffer,
    /// The guest body being typed.
    guest: String,
    /// Guests' positions as being typed, by guest body.
    positions: std::collections::HashMap<String, String>,
}

impl ConferencePanel {
    /// Forgets a half-typed date (another part of the tab was selected).
    pub fn forget_typing(&mut self) {
        self.date = DateBuffer::default();
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        kind: ReportKind,
        fields: &mut FieldBuffers,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let editable = !view.locked();
        ui.heading(format!(
            "Hội nghị {} {}",
            kind.review_word(),
            kind.span(year)
        ));
        if kind == ReportKind::YearEnd {
            ui.label("Thông tin của năm dùng trong văn bản: tên khối, địa danh, ngày và địa điểm hội nghị, phương hướng năm sau.");
            ui.add_space(6.0);
            self.year_ui(ui, view, fields, actions);
        } else {
            ui.label("Ngày và địa điểm hội nghị sơ kết, dùng trong báo cáo sơ kết và biên bản.");
            ui.add_space(6.0);
            self.when_where_ui(ui, view, kind, fields, actions);
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Biên bản hội nghị").strong());
        record_ui(ui, view, kind, fields, actions);
        if let Some(minutes) = DocumentKind::minutes(kind)
            && ui.button("Xuất biên bản hội nghị…").clicked()
        {
            actions.push(Action::ExportPdfDialog(minutes));
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Đơn vị và đại biểu dự hội nghị").strong());
        if let Some(list) = self.attendees_ui(ui, view, kind, editable) {
            actions.push(Action::Edit(Edit::SetAttendees { year, kind, list }));
        }
    }

    /// The date and venue of a conference other than the year-end one, kept on its record.
    fn when_where_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        kind: ReportKind,
        fields: &mut FieldBuffers,
        actions: &mut Vec<Action>,
    ) {
        let editable = !view.locked();
        let stored = view.data.report_parts(kind).conference;
        let form: [TextField<Conference>; 1] = [TextField::new(
            "midyear-venue",
            "Địa điểm hội nghị",
            |c| &c.venue,
            |c, v| c.venue = v,
        )];
        let changed = form_grid_ui(ui, "conference-when-where", 170.0, |ui| {
            let mut changed = text_fields_ui(ui, &form, stored, fields, editable);
            if let Some(d) =
                date_field_ui(ui, "Ngày hội nghị", stored.date, &mut self.date, editable)
            {
                changed = Some(Conference {
                    date: d,
                    ..stored.clone()
                });
            }
            changed
        });
        save_conference(view, kind, changed, actions);
    }

    /// The year's details and the conference date.
    fn year_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        fields: &mut FieldBuffers,
        actions: &mut Vec<Action>,
    ) {
        let editable = !view.locked();
        let rec = &view.data.record;
        let directions = format!("Phương hướng năm {}", view.year() + 1);
        let form: [TextField<YearRecord>; 6] = [
            TextField::new("bloc", "Tên khối", |r| &r.bloc_name, |r, v| r.bloc_name = v),
            TextField::new("province", "Tỉnh", |r| &r.province, |r, v| r.province = v),
            TextField::new(
                "place",
                "Địa danh ghi ngày tháng",
                |r| &r.place,
                |r, v| r.place = v,
            ),
            TextField::new(
                "venue",
                "Địa điểm hội nghị",
                |r| &r.conference_venue,
                |r, v| r.conference_venue = v,
            ),
            TextField::new(
                "basis",
                "Căn cứ phát động thi đua",
                |r| &r.basis,
                |r, v| r.basis = v,
            ),
            TextField::new(
                "directions",
                &directions,
                |r: &YearRecord| &r.directions,
                |r, v| r.directions = v,
            )
            .multiline(),
        ];
        let changed = form_grid_ui(ui, "conference", 170.0, |ui| {
            let mut changed = text_fields_ui(ui, &form, rec, fields, editable);
            if let Some(d) = date_field_ui(
                ui,
                "Ngày hội nghị",
                rec.conference_date,
                &mut self.date,
                editable,
            ) {
                let mut r = rec.clone();
                r.conference_date = d;
                changed = Some(r);
            }
            changed
        });
        if let Some(r) = changed {
            let refusal = blank_refusal(&r.bloc_name, "Tên khối không được để trống.");
            actions.push(refusal.unwrap_or(Action::Edit(Edit::UpdateYear {
                from: rec.clone(),
                to: r,
            })));
        }
    }

    /// A tick per member unit of the year, the guests, and a field to add a guest. Returns the
    /// new list when the user changed it.
    fn attendees_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        kind: ReportKind,
        editable: bool,
    ) -> Option<Vec<Attendee>> {
        let year = view.year();
        let stored = view.data.report_parts(kind).attendees;
        // Copied only once something changes, not at every frame.
        let mut changed: Option<Vec<Attendee>> = None;
        for m in view.members_in_year() {
            let list = changed.as_ref().map_or(stored, |l| l.as_slice());
            let mut present = list.iter().any(|a| a.member == Some(m.id));
            if ui
                .add_enabled(
                    editable,
                    egui::Checkbox::new(&mut present, m.full_name_in(year)),
                )
                .changed()
            {
                let list = changed.get_or_insert_with(|| stored.to_vec());
                if present {
                    list.push(Attendee {
                        id: 0,
                        member: Some(m.id),
                        guest_body: String::new(),
                        person: String::new(),
                        position: "Lãnh đạo, chuyên viên".to_owned(),
                    });
                } else {
                    list.retain(|a| a.member != Some(m.id));
                }
                // The units in the bloc's order whatever order they were ticked in, the
                // guests after them.
                let order: Vec<_> = view.members_in_year().iter().map(|m| m.id).collect();
                list.sort_by_key(|a| {
                    a.member
                        .and_then(|id| order.iter().position(|&o| o == id))
                        .unwrap_or(usize::MAX)
                });
            }
        }
        for guest in stored.iter().filter(|a| a.member.is_none()) {
            let g = &guest.guest_body;
            ui.horizontal(|ui| {
                ui.label(format!("Khách mời: {g}"));
                // The guest's position, printed in the minutes ("Chuyên viên Ban Thi đua …").
                let label = ui.label("chức vụ:");
                let typed = self
                    .positions
                    .entry(g.clone())
                    .or_insert_with(|| guest.position.clone());
                let field = ui
                    .add_enabled(
                        editable,
                        egui::TextEdit::singleline(typed)
                            .hint_text("Chuyên viên")
                            .desired_width(160.0),
                    )
                    .labelled_by(label.id);
                if field.lost_focus() && typed.trim() != guest.position.trim() {
                    let position = typed.trim().to_owned();
                    let list = changed.get_or_insert_with(|| stored.to_vec());
                    for a in list
                        .iter_mut()
                        .filter(|a| a.member.is_none() && &a.guest_body == g)
                    {
                        a.position = position.clone();
                    }
                    self.positions.remove(g);
                } else if !field.has_focus() && typed.trim() != guest.position.trim() {
                    // Changed elsewhere (undo, another year): show the stored value.
                    *typed = guest.position.clone();
                }
                if ui
                    .add_enabled(editable, egui::Button::new("Bỏ").small())
                    .clicked()
                {
                    changed
                        .get_or_insert_with(|| stored.to_vec())
                        .retain(|a| a.member.is_some() || &a.guest_body != g);
                }
            });
        }
        ui.horizontal(|ui| {
            let label = ui.label("Thêm cơ quan khách mời:");
            ui.add_enabled(
                editable,
                egui::TextEdit::singleline(&mut self.guest)
                    .hint_text("Ban Thi đua - Khen thưởng tỉnh")
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(editable, egui::Button::new("Thêm khách mời"))
                .clicked()
                && !self.guest.trim().is_empty()
            {
                changed
                    .get_or_insert_with(|| stored.to_vec())
                    .push(Attendee {
                        id: 0,
                        member: None,
                        guest_body: self.guest.trim().to_owned(),
                        person: String::new(),
                        position: String::new(),
                    });
                self.guest.clear();
            }
        });
        let mut list = changed?;
        for a in &mut list {
            a.id = 0;
        }
        Some(list)
    }
}

/// The conference record printed as the minutes: times, chair, secretary, agenda, conclusions.
fn record_ui(
    ui: &mut egui::Ui,
    view: &YearView,
    kind: ReportKind,
    fields: &mut FieldBuffers,
    actions: &mut Vec<Action>,
) {
    let form: [TextField<Conference>; 12] = [
        TextField::new(
            "start",
            "Giờ bắt đầu",
            |c| &c.start_time,
            |c, v| c.start_time = v,
        ),
        TextField::new(
            "end",
            "Giờ kết thúc",
            |c| &c.end_time,
            |c, v| c.end_time = v,
        ),
        TextField::new(
            "chair",
            "Chủ tọa: họ tên",
            |c| &c.chair.name,
            |c, v| c.chair.name = v,
        ),
        TextField::new(
            "chair-pos",
            "Chủ tọa: chức vụ",
            |c| &c.chair.position,
            |c, v| c.chair.position = v,
        ),
        TextField::new(
            "chair-unit",
            "Chủ tọa: đơn vị",
            |c| &c.chair.unit,
            |c, v| c.chair.unit = v,
        ),
        TextField::new(
            "sec",
            "Thư ký: họ tên",
            |c| &c.secretary.name,
            |c, v| c.secretary.name = v,
        ),
        TextField::new(
            "sec-pos",
            "Thư ký: chức vụ",
            |c| &c.secretary.position,
            |c, v| c.secretary.position = v,
        ),
        TextField::new(
            "sec-unit",
            "Thư ký: đơn vị",
            |c| &c.secretary.unit,
            |c, v| c.secretary.unit = v,
        ),
        TextField::new(
            "agenda",
            "Chương trình (mỗi dòng một nội dung)",
            |c: &Conference| &c.agenda,
            |c, v| c.agenda = v,
        )
        .multiline(),
        TextField::new(
            "conclusions",
            "Kết luận",
            |c: &Conference| &c.conclusions,
            |c, v| c.conclusions = v,
        )
        .multiline(),
        TextField::new(
            "author",
            "Người viết tin",
            |c| &c.news_author,
            |c, v| c.news_author = v,
        ),
        TextField::new(
            "caption",
            "Chú thích ảnh trong tin",
            |c| &c.photo_caption,
            |c, v| c.photo_caption = v,
        ),
    ];
    let editable = !view.locked();
    let stored = view.data.report_parts(kind).conference;
    // The news item's author and photo caption are the year-end conference's.
    let form = if kind == ReportKind::YearEnd {
        &form[..]
    } else {
        &form[..10]
    };
    let changed = form_grid_ui(ui, "conference-record", 170.0, |ui| {
        let mut changed = text_fields_ui(ui, form, stored, fields, editable);
        // When no start time is recorded, the part of the day still dates the news item
        // ("Chiều ngày 16/12/2020") and the minutes.
        let label = ui.label("Buổi (khi không ghi giờ)");
        let mut part = stored.part_of_day;
        ui.add_enabled_ui(editable, |ui| {
            egui::ComboBox::from_id_salt("part-of-day")
                .selected_text(part.label())
                .show_ui(ui, |ui| {
                    for p in PartOfDay::ALL {
                        ui.selectable_value(&mut part, p, p.label());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.end_row();
        if part != stored.part_of_day {
            changed = Some(Conference {
                part_of_day: part,
                ..stored.clone()
            });
        }
        changed
    });
    save_conference(view, kind, changed, actions);
}

/// Saves the conference record of `kind` when a form changed it.
fn save_conference(
    view: &YearView,
    kind: ReportKind,
    changed: Option<Conference>,
    actions: &mut Vec<Action>,
) {
    if let Some(conference) = changed {
        actions.push(Action::Edit(Edit::SetConference {
            year: view.year(),
            kind,
            conference,
        }));
    }
}
