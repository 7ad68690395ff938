//! The "Báo cáo" tab: the year's summary report. On the left the document's outline (header,
//! sections, recipients, signature), the saved versions and the conference opinions; on the
//! right the selected part's editor. On top: status, compose, save a version, adopt, export.

use super::app::{Action, YearView};
use super::widgets::{DateBuffer, FieldBuffer, date_field, form_field};
use crate::domain::{Handling, Opinion, Report, ReportSection, ReportStatus, SectionKind};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use crate::report::compose::place_date_line;
use egui::{Color32, RichText};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    Conference,
    News,
    #[default]
    Header,
    Section(usize),
    Closing,
    Versions,
    Opinions,
}

#[derive(Default)]
pub struct ReportTab {
    part: Part,
    fields: HashMap<String, FieldBuffer>,
    date: DateBuffer,
    confirm: Option<Confirm>,
    version_name: String,
    viewing_version: Option<i64>,
    conference_date: DateBuffer,
    guest: String,
}

enum Confirm {
    Recompose,
    Unlock,
    Adopt,
}

impl ReportTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        self.confirm_ui(ui.ctx(), view, actions);
        let Some(report) = &view.report else {
            ui.heading(format!("Báo cáo tổng kết năm {year}"));
            ui.add_space(8.0);
            ui.label("Năm này chưa có báo cáo. Chương trình soạn sẵn một dự thảo từ số liệu chỉ tiêu, thành tích và hội nghị của năm để Ban thư ký sửa tiếp.");
            ui.add_space(8.0);
            if ui
                .add_enabled(!view.locked(), egui::Button::new("Tạo dự thảo từ số liệu"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::SaveReport {
                    year,
                    report: compose(view),
                }));
            }
            return;
        };
        let editable = !view.locked() && report.status == ReportStatus::Draft;
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!("Báo cáo tổng kết năm {year}"));
            let (text, color) = match report.status {
                ReportStatus::Draft => ("Dự thảo", Color32::from_rgb(160, 90, 0)),
                ReportStatus::Adopted => ("Đã thông qua", Color32::from_rgb(0, 110, 40)),
            };
            ui.label(RichText::new(text).strong().color(color));
            ui.separator();
            if ui
                .add_enabled(editable, egui::Button::new("Tạo dự thảo từ số liệu"))
                .clicked()
            {
                self.confirm = Some(Confirm::Recompose);
            }
            match report.status {
                ReportStatus::Draft => {
                    if ui
                        .add_enabled(!view.locked(), egui::Button::new("Thông qua…"))
                        .clicked()
                    {
                        self.confirm = Some(Confirm::Adopt);
                    }
                }
                ReportStatus::Adopted => {
                    if ui
                        .add_enabled(!view.locked(), egui::Button::new("Mở khóa báo cáo…"))
                        .clicked()
                    {
                        self.confirm = Some(Confirm::Unlock);
                    }
                }
            }
            if ui.button("Xuất PDF…").clicked() {
                actions.push(Action::ExportPdfDialog(DocumentKind::Report));
            }
        });
        ui.add_space(4.0);
        egui::Panel::left("report-outline")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                self.outline_ui(ui, view, report, editable, actions)
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| match self.part {
                Part::Header => self.header_ui(ui, view, report, editable, actions),
                Part::Section(i) => self.section_ui(ui, view, report, i, editable, actions),
                Part::Closing => self.closing_ui(ui, view, report, editable, actions),
                Part::Versions => self.versions_ui(ui, view, actions),
                Part::Conference => self.conference_ui(ui, view, actions),
                Part::News => self.news_ui(ui, view, actions),
                Part::Opinions => self.opinions_ui(ui, view, actions),
            });
        });
    }

    fn select(&mut self, part: Part) {
        if self.part != part {
            self.part = part;
            self.fields.clear();
            self.date = DateBuffer::default();
            self.conference_date = DateBuffer::default();
        }
    }

    fn outline_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        report: &Report,
        editable: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.label(RichText::new("Nội dung văn bản").strong());
            if ui
                .selectable_label(self.part == Part::Header, "Số, ngày, tiêu đề")
                .clicked()
            {
                self.select(Part::Header);
            }
            for (i, s) in report.sections.iter().enumerate() {
                let title = if s.heading.trim().is_empty() {
                    format!("Mục {}", i + 1)
                } else {
                    s.heading.clone()
                };
                if ui
                    .selectable_label(self.part == Part::Section(i), title)
                    .clicked()
                {
                    self.select(Part::Section(i));
                }
            }
            if ui
                .selectable_label(self.part == Part::Closing, "Nơi nhận, chữ ký")
                .clicked()
            {
                self.select(Part::Closing);
            }
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(editable, egui::Button::new("Thêm mục"))
                    .clicked()
                {
                    let mut r = report.clone();
                    let at = match self.part {
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
                    actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
                    self.select(Part::Section(at));
                }
                if let Part::Section(i) = self.part {
                    if ui
                        .add_enabled(editable && i > 0, egui::Button::new("Lên"))
                        .clicked()
                    {
                        let mut r = report.clone();
                        r.sections.swap(i, i - 1);
                        actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
                        self.select(Part::Section(i - 1));
                    }
                    let last = report.sections.len().saturating_sub(1);
                    if ui
                        .add_enabled(editable && i < last, egui::Button::new("Xuống"))
                        .clicked()
                    {
                        let mut r = report.clone();
                        r.sections.swap(i, i + 1);
                        actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
                        self.select(Part::Section(i + 1));
                    }
                    if ui
                        .add_enabled(editable, egui::Button::new("Xóa mục"))
                        .clicked()
                    {
                        let mut r = report.clone();
                        if i < r.sections.len() {
                            let removed = r.sections.remove(i);
                            actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
                            actions.push(Action::Toast(format!(
                                "Đã xóa mục “{}”. Bấm Ctrl+Z để hoàn tác.",
                                removed.heading
                            )));
                        }
                        self.select(Part::Header);
                    }
                }
            });
            ui.add_space(10.0);
            ui.label(RichText::new("Hội nghị và lịch sử").strong());
            if ui
                .selectable_label(self.part == Part::Conference, "Hội nghị tổng kết")
                .clicked()
            {
                self.select(Part::Conference);
            }
            if ui
                .selectable_label(self.part == Part::News, "Tin bài cho trang thông tin")
                .clicked()
            {
                self.select(Part::News);
            }
            if ui
                .selectable_label(
                    self.part == Part::Versions,
                    format!("Phiên bản đã lưu ({})", view.versions.len()),
                )
                .clicked()
            {
                self.select(Part::Versions);
            }
            if ui
                .selectable_label(
                    self.part == Part::Opinions,
                    format!("Ý kiến tại hội nghị ({})", view.opinions.len()),
                )
                .clicked()
            {
                self.select(Part::Opinions);
            }
        });
    }

    fn field(
        &mut self,
        ui: &mut egui::Ui,
        key: &str,
        label: &str,
        value: &str,
        multiline: bool,
        editable: bool,
    ) -> Option<String> {
        let buffer = self.fields.entry(key.to_owned()).or_default();
        form_field(ui, label, value, buffer, multiline, editable)
    }

    fn header_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        report: &Report,
        editable: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        ui.heading("Số, ngày, tiêu đề");
        ui.label(RichText::new(place_date_line(report)).italics());
        ui.add_space(6.0);
        let mut changed: Option<Report> = None;
        egui::Grid::new("report-header")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(170.0)
            .show(ui, |ui| {
                type Setter = fn(&mut Report, String);
                let fields: [(&str, &str, &str, bool, Setter); 7] = [
                    (
                        "number",
                        "Số và ký hiệu",
                        &report.number,
                        false,
                        |r, v| r.number = v,
                    ),
                    (
                        "parent",
                        "Cơ quan cấp trên",
                        &report.parent_body,
                        false,
                        |r, v| r.parent_body = v,
                    ),
                    (
                        "issuer",
                        "Cơ quan ban hành",
                        &report.issuing_body,
                        false,
                        |r, v| r.issuing_body = v,
                    ),
                    ("place", "Địa danh", &report.place, false, |r, v| {
                        r.place = v
                    }),
                    (
                        "type",
                        "Loại văn bản",
                        &report.doc_type,
                        false,
                        |r, v| r.doc_type = v,
                    ),
                    ("subject", "Trích yếu", &report.subject, true, |r, v| {
                        r.subject = v
                    }),
                    ("signer", "Người ký", &report.signer, false, |r, v| {
                        r.signer = v
                    }),
                ];
                for (key, label, value, multi, set) in fields {
                    if let Some(v) = self.field(ui, key, label, value, multi, editable) {
                        let mut r = report.clone();
                        set(&mut r, v);
                        changed = Some(r);
                    }
                }
                if let Some(d) =
                    date_field(ui, "Ngày ban hành", report.date, &mut self.date, editable)
                {
                    let mut r = report.clone();
                    r.date = d;
                    changed = Some(r);
                }
            });
        if let Some(r) = changed {
            actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
        }
    }

    fn section_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        report: &Report,
        i: usize,
        editable: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let Some(section) = report.sections.get(i) else {
            self.select(Part::Header);
            return;
        };
        let mut changed: Option<Report> = None;
        egui::Grid::new(("report-section", i))
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(120.0)
            .show(ui, |ui| {
                if let Some(v) = self.field(
                    ui,
                    "heading",
                    "Tiêu đề mục",
                    &section.heading,
                    false,
                    editable,
                ) {
                    let mut r = report.clone();
                    r.sections[i].heading = v;
                    changed = Some(r);
                }
                if section.kind == SectionKind::Text
                    && let Some(v) =
                        self.field(ui, "body", "Nội dung", &section.body, true, editable)
                {
                    let mut r = report.clone();
                    r.sections[i].body = v;
                    changed = Some(r);
                }
            });
        if section.kind == SectionKind::IndicatorAppendix {
            ui.add_space(6.0);
            ui.label(format!(
                "Mục này là bảng của cả {} chỉ tiêu năm {year} (kế hoạch, thực hiện, % kế hoạch), lấy từ thẻ Chỉ tiêu mỗi khi xuất PDF.",
                view.indicators.len()
            ));
        } else {
            ui.label(
                RichText::new("Mỗi dòng là một đoạn văn; đoạn văn được căn đều hai bên và thụt đầu dòng khi in.")
                    .small()
                    .weak(),
            );
        }
        if let Some(r) = changed {
            actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
        }
    }

    fn closing_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        report: &Report,
        editable: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        ui.heading("Nơi nhận, chữ ký");
        let mut changed: Option<Report> = None;
        egui::Grid::new("report-closing")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(170.0)
            .show(ui, |ui| {
                let recipients = report.recipients.join("\n");
                if let Some(v) = self.field(
                    ui,
                    "recipients",
                    "Nơi nhận (mỗi dòng một nơi)",
                    &recipients,
                    true,
                    editable,
                ) {
                    let mut r = report.clone();
                    r.recipients = v
                        .lines()
                        .map(|l| {
                            l.trim()
                                .trim_start_matches('-')
                                .trim()
                                .trim_end_matches([';', '.'])
                                .to_owned()
                        })
                        .filter(|l| !l.is_empty())
                        .collect();
                    changed = Some(r);
                }
                type Setter = fn(&mut Report, String);
                let fields: [(&str, &str, &str, Setter); 3] = [
                    (
                        "authority",
                        "Thẩm quyền ký",
                        &report.sign_authority,
                        |r, v| r.sign_authority = v,
                    ),
                    (
                        "position",
                        "Chức vụ người ký",
                        &report.sign_position,
                        |r, v| r.sign_position = v,
                    ),
                    ("signer", "Người ký", &report.signer, |r, v| {
                        r.signer = v
                    }),
                ];
                for (key, label, value, set) in fields {
                    if let Some(v) = self.field(ui, key, label, value, false, editable) {
                        let mut r = report.clone();
                        set(&mut r, v);
                        changed = Some(r);
                    }
                }
            });
        if let Some(r) = changed {
            actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
        }
    }

    fn conference_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        let editable = !view.locked();
        ui.heading(format!("Hội nghị tổng kết năm {year}"));
        ui.label("Thông tin của năm dùng trong văn bản: tên khối, địa danh, ngày và địa điểm hội nghị, phương hướng năm sau.");
        ui.add_space(6.0);
        let rec = &view.record;
        let mut changed: Option<crate::domain::YearRecord> = None;
        egui::Grid::new("conference")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(170.0)
            .show(ui, |ui| {
                type Setter = fn(&mut crate::domain::YearRecord, String);
                let fields: [(&str, &str, &str, bool, Setter); 5] = [
                    ("bloc", "Tên khối", &rec.bloc_name, false, |r, v| {
                        r.bloc_name = v
                    }),
                    ("province", "Tỉnh", &rec.province, false, |r, v| {
                        r.province = v
                    }),
                    (
                        "place",
                        "Địa danh ghi ngày tháng",
                        &rec.place,
                        false,
                        |r, v| r.place = v,
                    ),
                    (
                        "venue",
                        "Địa điểm hội nghị",
                        &rec.conference_venue,
                        false,
                        |r, v| r.conference_venue = v,
                    ),
                    (
                        "directions",
                        &format!("Phương hướng năm {}", year + 1),
                        &rec.directions,
                        true,
                        |r, v| r.directions = v,
                    ),
                ];
                for (key, label, value, multi, set) in fields {
                    if let Some(v) = self.field(ui, key, label, value, multi, editable) {
                        let mut r = rec.clone();
                        set(&mut r, v);
                        changed = Some(r);
                    }
                }
                if let Some(d) = date_field(
                    ui,
                    "Ngày hội nghị",
                    rec.conference_date,
                    &mut self.conference_date,
                    editable,
                ) {
                    let mut r = rec.clone();
                    r.conference_date = d;
                    changed = Some(r);
                }
            });
        if let Some(r) = changed {
            if r.bloc_name.trim().is_empty() {
                actions.push(Action::ShowError(
                    "Tên khối không được để trống.".to_owned(),
                ));
            } else {
                actions.push(Action::Edit(Edit::UpdateYear(r)));
            }
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Biên bản hội nghị").strong());
        let conf = &view.conference;
        let mut changed_conf: Option<crate::domain::Conference> = None;
        egui::Grid::new("conference-record")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(170.0)
            .show(ui, |ui| {
                type Setter = fn(&mut crate::domain::Conference, String);
                let fields: [(&str, &str, &str, bool, Setter); 11] = [
                    (
                        "start",
                        "Giờ bắt đầu",
                        &conf.start_time,
                        false,
                        |c, v| c.start_time = v,
                    ),
                    ("end", "Giờ kết thúc", &conf.end_time, false, |c, v| {
                        c.end_time = v
                    }),
                    (
                        "chair",
                        "Chủ trì: họ tên",
                        &conf.chair.name,
                        false,
                        |c, v| c.chair.name = v,
                    ),
                    (
                        "chair-pos",
                        "Chủ trì: chức vụ",
                        &conf.chair.position,
                        false,
                        |c, v| c.chair.position = v,
                    ),
                    (
                        "chair-unit",
                        "Chủ trì: đơn vị",
                        &conf.chair.unit,
                        false,
                        |c, v| c.chair.unit = v,
                    ),
                    (
                        "sec",
                        "Thư ký: họ tên",
                        &conf.secretary.name,
                        false,
                        |c, v| c.secretary.name = v,
                    ),
                    (
                        "sec-pos",
                        "Thư ký: chức vụ",
                        &conf.secretary.position,
                        false,
                        |c, v| c.secretary.position = v,
                    ),
                    (
                        "sec-unit",
                        "Thư ký: đơn vị",
                        &conf.secretary.unit,
                        false,
                        |c, v| c.secretary.unit = v,
                    ),
                    (
                        "agenda",
                        "Chương trình (mỗi dòng một nội dung)",
                        &conf.agenda,
                        true,
                        |c, v| c.agenda = v,
                    ),
                    (
                        "conclusions",
                        "Kết luận",
                        &conf.conclusions,
                        true,
                        |c, v| c.conclusions = v,
                    ),
                    (
                        "author",
                        "Người viết tin",
                        &conf.news_author,
                        false,
                        |c, v| c.news_author = v,
                    ),
                ];
                for (key, label, value, multi, set) in fields {
                    if let Some(v) = self.field(ui, key, label, value, multi, editable) {
                        let mut c = conf.clone();
                        set(&mut c, v);
                        changed_conf = Some(c);
                    }
                }
            });
        if let Some(c) = changed_conf {
            actions.push(Action::Edit(Edit::SetConference {
                year,
                conference: c,
            }));
        }
        if ui.button("Xuất biên bản hội nghị…").clicked() {
            actions.push(Action::ExportPdfDialog(DocumentKind::Minutes));
        }
        ui.add_space(8.0);
        ui.label(RichText::new("Đơn vị và đại biểu dự hội nghị").strong());
        let mut list = view.attendees.clone();
        let mut list_changed = false;
        for m in view.members_in_year() {
            let mut present = list.iter().any(|a| a.member == Some(m.id));
            if ui
                .add_enabled(
                    editable,
                    egui::Checkbox::new(&mut present, m.full_name_in(year)),
                )
                .changed()
            {
                if present {
                    list.push(crate::domain::Attendee {
                        id: 0,
                        member: Some(m.id),
                        guest_body: String::new(),
                        person: String::new(),
                        position: "Lãnh đạo, chuyên viên".to_owned(),
                    });
                } else {
                    list.retain(|a| a.member != Some(m.id));
                }
                list_changed = true;
            }
        }
        let guests: Vec<String> = list
            .iter()
            .filter(|a| a.member.is_none())
            .map(|a| a.guest_body.clone())
            .collect();
        for g in guests {
            ui.horizontal(|ui| {
                ui.label(format!("Khách mời: {g}"));
                if ui
                    .add_enabled(editable, egui::Button::new("Bỏ").small())
                    .clicked()
                {
                    list.retain(|a| a.member.is_some() || a.guest_body != g);
                    list_changed = true;
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
                list.push(crate::domain::Attendee {
                    id: 0,
                    member: None,
                    guest_body: self.guest.trim().to_owned(),
                    person: String::new(),
                    position: String::new(),
                });
                self.guest.clear();
                list_changed = true;
            }
        });
        if list_changed {
            for a in &mut list {
                a.id = 0;
            }
            actions.push(Action::Edit(Edit::SetAttendees { year, list }));
        }
    }

    fn news_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        let editable = !view.locked();
        ui.heading(format!("Tin bài hội nghị tổng kết năm {year}"));
        let saved = view.news.is_some();
        ui.label(if saved {
            "Tin bài đã được sửa và lưu; bấm “Soạn lại từ số liệu” để soạn lại."
        } else {
            "Tin bài được soạn tự động từ số liệu (ngày, địa điểm, đơn vị dự, kết quả, phương hướng, bàn giao). Sửa ở đây rồi xuất ra PDF, văn bản thuần hoặc HTML."
        });
        let news = view.news.clone().unwrap_or_else(|| {
            let data = year_data(view);
            crate::report::conference::compose_news(&view.members, &data)
        });
        let mut changed: Option<crate::domain::NewsItem> = None;
        egui::Grid::new("news")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .min_col_width(120.0)
            .show(ui, |ui| {
                type Setter = fn(&mut crate::domain::NewsItem, String);
                let fields: [(&str, &str, &str, bool, Setter); 4] = [
                    ("headline", "Tiêu đề", &news.headline, true, |n, v| {
                        n.headline = v
                    }),
                    ("dateline", "Thời gian", &news.dateline, false, |n, v| {
                        n.dateline = v
                    }),
                    ("body", "Nội dung", &news.body, true, |n, v| n.body = v),
                    ("author", "Tác giả", &news.author, false, |n, v| {
                        n.author = v
                    }),
                ];
                for (key, label, value, multi, set) in fields {
                    if let Some(v) = self.field(ui, key, label, value, multi, editable) {
                        let mut n = news.clone();
                        set(&mut n, v);
                        changed = Some(n);
                    }
                }
            });
        if let Some(n) = changed {
            actions.push(Action::Edit(Edit::SetNews {
                year,
                news: Some(n),
            }));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(editable && saved, egui::Button::new("Soạn lại từ số liệu"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::SetNews { year, news: None }));
                self.fields.clear();
            }
            if ui.button("Xuất tin bài…").clicked() {
                actions.push(Action::ExportPdfDialog(DocumentKind::News));
            }
        });
    }

    fn versions_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        ui.heading("Phiên bản đã lưu");
        ui.horizontal(|ui| {
            let label = ui.label("Tên phiên bản:");
            ui.add(
                egui::TextEdit::singleline(&mut self.version_name)
                    .hint_text(format!("Dự thảo lần {}", view.versions.len() + 1))
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            if ui
                .add_enabled(!view.locked(), egui::Button::new("Lưu phiên bản"))
                .clicked()
            {
                let name = if self.version_name.trim().is_empty() {
                    format!("Dự thảo lần {}", view.versions.len() + 1)
                } else {
                    self.version_name.trim().to_owned()
                };
                actions.push(Action::Edit(Edit::SaveVersion {
                    year,
                    name: name.clone(),
                }));
                actions.push(Action::Toast(format!("Đã lưu phiên bản “{name}”.")));
                self.version_name.clear();
            }
        });
        ui.add_space(6.0);
        if view.versions.is_empty() {
            ui.label("Chưa có phiên bản nào được lưu.");
        }
        for v in view.versions.iter().rev() {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&v.name).strong());
                ui.label(format!("lưu lúc {}", v.saved_at));
                if ui.button("Xem").clicked() {
                    self.viewing_version = if self.viewing_version == Some(v.id) { None } else { Some(v.id) };
                }
                let restorable = !view.locked()
                    && view.report.as_ref().is_some_and(|r| r.status == ReportStatus::Draft);
                if ui
                    .add_enabled(restorable, egui::Button::new("Khôi phục"))
                    .on_hover_text("Thay nội dung báo cáo hiện tại bằng phiên bản này (hoàn tác được bằng Ctrl+Z)")
                    .clicked()
                {
                    let mut r = v.report.clone();
                    r.status = ReportStatus::Draft;
                    actions.push(Action::Edit(Edit::SaveReport { year, report: r }));
                    actions.push(Action::Toast(format!("Đã khôi phục phiên bản “{}”.", v.name)));
                }
            });
            if self.viewing_version == Some(v.id) {
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

    fn opinions_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
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
                opinion: Opinion {
                    id: 0,
                    member: view.members_in_year().first().map(|m| m.id),
                    speaker: String::new(),
                    text: "Nội dung ý kiến".to_owned(),
                    handling: Handling::Pending,
                    response: String::new(),
                },
            }));
        }
        ui.add_space(6.0);
        if view.opinions.is_empty() {
            ui.label("Chưa có ý kiến nào.");
        }
        for (n, op) in view.opinions.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let mut changed: Option<Opinion> = None;
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
                                        .selectable_label(
                                            op.member == Some(m.id),
                                            m.full_name_in(year),
                                        )
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
                                for h in
                                    [Handling::Pending, Handling::Accepted, Handling::Explained]
                                {
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
                        actions.push(Action::Edit(Edit::DeleteOpinion { year, id: op.id }));
                    }
                });
                egui::Grid::new(("opinion", op.id))
                    .num_columns(2)
                    .show(ui, |ui| {
                        if let Some(v) = self.field(
                            ui,
                            &format!("op-text-{}", op.id),
                            "Nội dung",
                            &op.text,
                            true,
                            editable,
                        ) {
                            let mut o = op.clone();
                            o.text = v;
                            changed = Some(o);
                        }
                        if let Some(v) = self.field(
                            ui,
                            &format!("op-resp-{}", op.id),
                            "Tiếp thu / giải trình",
                            &op.response,
                            true,
                            editable,
                        ) {
                            let mut o = op.clone();
                            o.response = v;
                            changed = Some(o);
                        }
                    });
                if let Some(o) = changed {
                    if o.text.trim().is_empty() {
                        actions.push(Action::ShowError(
                            "Nội dung ý kiến không được để trống.".to_owned(),
                        ));
                    } else {
                        actions.push(Action::Edit(Edit::UpdateOpinion { year, opinion: o }));
                    }
                }
            });
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, view: &YearView, actions: &mut Vec<Action>) {
        let Some(confirm) = &self.confirm else { return };
        let year = view.year();
        let (title, text, ok) = match confirm {
            Confirm::Recompose => (
                "Tạo lại dự thảo từ số liệu?",
                format!(
                    "Toàn bộ nội dung báo cáo năm {year} sẽ được thay bằng dự thảo mới soạn từ số liệu. Nội dung hiện tại được lưu thành phiên bản “Trước khi tạo lại dự thảo” để có thể khôi phục."
                ),
                "Tạo lại dự thảo",
            ),
            Confirm::Adopt => (
                "Thông qua báo cáo?",
                format!(
                    "Báo cáo năm {year} sẽ chuyển sang trạng thái Đã thông qua và nội dung bị khóa, không sửa được nữa trừ khi mở khóa."
                ),
                "Thông qua",
            ),
            Confirm::Unlock => (
                "Mở khóa báo cáo đã thông qua?",
                format!(
                    "Báo cáo năm {year} đã được hội nghị thông qua. Mở khóa sẽ đưa báo cáo về trạng thái Dự thảo để sửa; hãy chắc chắn việc sửa đã được Khối đồng ý."
                ),
                "Mở khóa",
            ),
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("report-confirm")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(title);
            ui.add_space(6.0);
            ui.label(text);
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(ok).clicked() {
                    match confirm {
                        Confirm::Recompose => {
                            actions.push(Action::Edit(Edit::SaveVersion {
                                year,
                                name: "Trước khi tạo lại dự thảo".to_owned(),
                            }));
                            actions.push(Action::Edit(Edit::SaveReport {
                                year,
                                report: compose(view),
                            }));
                        }
                        Confirm::Adopt => actions.push(Action::Edit(Edit::SetReportStatus {
                            year,
                            status: ReportStatus::Adopted,
                        })),
                        Confirm::Unlock => actions.push(Action::Edit(Edit::SetReportStatus {
                            year,
                            status: ReportStatus::Draft,
                        })),
                    }
                    close = true;
                }
                if ui.button("Hủy").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm = None;
        }
    }
}

/// A fresh draft composed from what the tabs show.
fn compose(view: &YearView) -> Report {
    crate::report::compose::compose_draft(&view.members, &year_data(view))
}

/// The year's data as the composers take it, from what the tabs show.
fn year_data(view: &YearView) -> crate::domain::YearData {
    crate::domain::YearData {
        record: view.record.clone(),
        attendees: view.attendees.clone(),
        indicators: view.indicators.clone(),
        narratives: view.narratives.clone(),
        report: None,
        versions: Vec::new(),
        opinions: view.opinions.clone(),
        handovers: view.handovers.clone(),
        events: Vec::new(),
        conference: view.conference.clone(),
        news: view.news.clone(),
    }
}
