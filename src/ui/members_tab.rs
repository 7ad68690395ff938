//! The "Thành viên" tab: the year's member units in the bloc's order, and the selected unit's
//! form (names, head, contact, role this year, name history, leaving or merging).

use super::app::Action;
use super::session::YearView;
use super::widgets::{FieldBuffers, TextField, error_label_ui, search_field_ui, text_fields_ui};
use crate::domain::{Member, MemberId, MemberName, Role, Year};
use crate::edit::Edit;
use crate::text::collate::{compare_vi, matches_search};
use egui::RichText;
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub struct MembersTab {
    selected: Option<MemberId>,
    search: String,
    sort_by_name: bool,
    new_member: Option<(String, Option<String>)>,
    fields: FieldBuffers,
    rename: Option<RenameForm>,
    leave: Option<LeaveForm>,
    /// After adding a unit: the largest id before it, so the new one is selected once loaded.
    select_added_after: Option<MemberId>,
}

#[derive(Default, Clone)]
struct RenameForm {
    year: String,
    full: String,
    short: String,
    abbreviation: String,
    error: Option<String>,
}

#[derive(Default, Clone)]
struct LeaveForm {
    year: String,
    merged_into: Option<MemberId>,
    error: Option<String>,
}

impl MembersTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        let locked = view.locked();
        if let Some(before) = self.select_added_after
            && let Some(added) = view
                .members
                .iter()
                .map(|m| m.id)
                .filter(|&id| id > before)
                .max()
        {
            self.select(added);
            self.select_added_after = None;
        }
        if self.selected.and_then(|id| view.member(id)).is_none() {
            self.selected = view.members_in_year().first().map(|m| m.id);
        }
        egui::Panel::right("member-form")
            .resizable(true)
            .default_size(360.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    match self.selected.and_then(|id| view.member(id)) {
                        Some(m) => self.form_ui(ui, view, m, locked, actions),
                        None => {
                            ui.add_space(20.0);
                            ui.label("Chọn một đơn vị trong bảng để xem và sửa thông tin.");
                        }
                    }
                });
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(format!("Đơn vị thành viên năm {year}"));
            });
            ui.horizontal_wrapped(|ui| {
                search_field_ui(ui, &mut self.search, "tên đơn vị");
                ui.separator();
                ui.label("Sắp xếp:");
                ui.selectable_value(&mut self.sort_by_name, false, "Thứ tự trong khối");
                ui.selectable_value(&mut self.sort_by_name, true, "Theo tên");
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!locked, egui::Button::new("Thêm đơn vị"))
                    .clicked()
                {
                    self.new_member = Some((String::new(), None));
                }
                let can_move = !locked && self.selected.is_some() && !self.sort_by_name;
                if ui.add_enabled(can_move, egui::Button::new("Lên")).clicked()
                    && let Some(id) = self.selected
                {
                    actions.push(Action::Edit(Edit::MoveMember {
                        member: id,
                        year,
                        delta: -1,
                    }));
                }
                if ui
                    .add_enabled(can_move, egui::Button::new("Xuống"))
                    .clicked()
                    && let Some(id) = self.selected
                {
                    actions.push(Action::Edit(Edit::MoveMember {
                        member: id,
                        year,
                        delta: 1,
                    }));
                }
            });
            if let Some((name, error)) = &mut self.new_member {
                let mut done = false;
                ui.horizontal(|ui| {
                    let label = ui.label("Tên đơn vị mới:");
                    let r = ui
                        .add(egui::TextEdit::singleline(name).desired_width(320.0))
                        .labelled_by(label.id);
                    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    if ui.button("Thêm").clicked() || enter {
                        match crate::domain::check_member_name(&view.members, year, name, None) {
                            Ok(()) => {
                                actions
                                    .push(Action::Edit(Edit::AddMember(Member::new(year, name))));
                                self.select_added_after =
                                    Some(view.members.iter().map(|m| m.id).max().unwrap_or(0));
                                done = true;
                            }
                            Err(e) => *error = Some(e.to_string()),
                        }
                    }
                    if ui.button("Hủy").clicked() {
                        done = true;
                    }
                });
                if let Some(e) = error {
                    error_label_ui(ui, e);
                }
                if done {
                    self.new_member = None;
                }
            }
            ui.add_space(4.0);
            self.table_ui(ui, view);
        });
    }

    /// Shows `id`'s form, forgetting what was being typed in the previous one.
    fn select(&mut self, id: MemberId) {
        self.selected = Some(id);
        self.fields.clear();
        self.rename = None;
        self.leave = None;
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, view: &YearView) {
        let year = view.year();
        let mut list: Vec<(usize, &Member)> = view
            .members_in_year()
            .into_iter()
            .enumerate()
            .filter(|(_, m)| {
                matches_search(m.full_name_in(year), &self.search)
                    || matches_search(m.short_name_in(year), &self.search)
            })
            .collect();
        if self.sort_by_name {
            list.sort_by(|a, b| compare_vi(a.1.full_name_in(year), b.1.full_name_in(year)));
        }
        let role_title = format!("Vai trò năm {year}");
        egui::ScrollArea::horizontal().show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("members-table")
                .striped(true)
                // The whole row is the click target of its member, as in a spreadsheet.
                .sense(egui::Sense::click())
                // Every column's text sits on the same line, centred in the row.
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(36.0))
                .column(Column::remainder().at_least(160.0).clip(true))
                .column(Column::initial(90.0).resizable(true).clip(true))
                .column(Column::initial(64.0).resizable(true).clip(true))
                .column(Column::initial(120.0).resizable(true).clip(true))
                .column(Column::initial(96.0).resizable(true).clip(true))
                .column(Column::exact(116.0))
                .header(26.0, |mut h| {
                    for t in [
                        "STT",
                        "Tên đơn vị",
                        "Viết tắt",
                        "Ký hiệu",
                        "Thủ trưởng",
                        "Điện thoại",
                        &role_title,
                    ] {
                        h.col(|ui| {
                            ui.strong(t);
                        });
                    }
                })
                .body(|mut body| {
                    // Labels pass clicks through to their row (no text selection in a table).
                    body.ui_mut().style_mut().interaction.selectable_labels = false;
                    for (i, m) in list {
                        body.row(28.0, |mut row| {
                            let selected = self.selected == Some(m.id);
                            row.set_selected(selected);
                            row.col(|ui| {
                                ui.label((i + 1).to_string());
                            });
                            row.col(|ui| {
                                // A plain label like its neighbours (the row shows the
                                // selection and takes the click), so every column lines up.
                                ui.label(m.full_name_in(year));
                            });
                            row.col(|ui| {
                                ui.label(m.name_in(year).map_or("", |n| n.short_name.as_str()));
                            });
                            row.col(|ui| {
                                ui.label(m.name_in(year).map_or("", |n| n.abbreviation.as_str()));
                            });
                            row.col(|ui| {
                                let head = match (m.head_title.is_empty(), m.head_name.is_empty()) {
                                    (_, true) => String::new(),
                                    (true, false) => m.head_name.clone(),
                                    (false, false) => format!("{} ({})", m.head_name, m.head_title),
                                };
                                ui.label(head);
                            });
                            row.col(|ui| {
                                ui.label(&m.phone);
                            });
                            row.col(|ui| {
                                let role = view.data.record.role_of(m.id);
                                let text = RichText::new(role.label());
                                ui.label(if role == Role::Leader {
                                    text.strong()
                                } else {
                                    text
                                });
                            });
                            if row.response().clicked() {
                                self.select(m.id);
                            }
                        });
                    }
                });
        });
        let left: Vec<&Member> = view
            .members
            .iter()
            .filter(|m| !m.is_member_in(year) && m.joined_year <= year)
            .collect();
        if !left.is_empty() {
            ui.add_space(8.0);
            ui.label(RichText::new("Đơn vị đã rời khối hoặc sáp nhập:").italics());
            for m in left {
                let merged = m
                    .merged_into
                    .map(|t| format!(", sáp nhập vào {}", view.short_name(t)))
                    .unwrap_or_default();
                ui.label(format!(
                    "{} (từ năm {}{merged})",
                    m.full_name_in(year),
                    m.left_year.unwrap_or(year)
                ));
            }
        }
    }

    fn form_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        m: &Member,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let enabled = !locked;
        ui.heading(m.full_name_in(year));
        ui.add_space(4.0);
        let current = m.name_in(year).cloned().unwrap_or(MemberName {
            from_year: year,
            full_name: String::new(),
            short_name: String::new(),
            abbreviation: String::new(),
        });
        let name_form: [TextField<MemberName>; 3] = [
            TextField::new(
                "full",
                "Tên đầy đủ",
                |n| &n.full_name,
                |n, v| n.full_name = v,
            ),
            TextField::new(
                "short",
                "Tên viết tắt",
                |n| &n.short_name,
                |n, v| n.short_name = v,
            ),
            TextField::new(
                "abbr",
                "Ký hiệu trên văn bản",
                |n| &n.abbreviation,
                |n, v| n.abbreviation = v,
            ),
        ];
        let detail_form: [TextField<Member>; 5] = [
            TextField::new(
                "head",
                "Thủ trưởng đơn vị",
                |m| &m.head_name,
                |m, v| m.head_name = v,
            ),
            TextField::new(
                "title",
                "Chức vụ",
                |m| &m.head_title,
                |m, v| m.head_title = v,
            ),
            TextField::new(
                "contact",
                "Người liên hệ",
                |m| &m.contact_name,
                |m, v| m.contact_name = v,
            ),
            TextField::new("phone", "Điện thoại", |m| &m.phone, |m, v| m.phone = v),
            TextField::new("email", "Thư điện tử", |m| &m.email, |m, v| m.email = v),
        ];
        egui::Grid::new("member-form-grid")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                if let Some(name) =
                    text_fields_ui(ui, &name_form, &current, &mut self.fields, enabled)
                {
                    // Only the full name must be unique in its year; a refusal shows under it.
                    let refused = name.full_name != current.full_name && {
                        let check = crate::domain::check_member_name(
                            &view.members,
                            name.from_year,
                            &name.full_name,
                            Some(m.id),
                        );
                        let buffer = self.fields.entry("full".to_owned()).or_default();
                        buffer.error = check.err().map(|e| e.to_string());
                        buffer.error.is_some()
                    };
                    if !refused {
                        actions.push(Action::Edit(Edit::SetMemberName {
                            member: m.id,
                            name,
                            previous: Some(current.clone()),
                        }));
                    }
                }
                if let Some(changed) =
                    text_fields_ui(ui, &detail_form, m, &mut self.fields, enabled)
                {
                    actions.push(Action::Edit(Edit::UpdateMember {
                        from: m.clone(),
                        to: changed,
                    }));
                }
                let label = ui.label(format!("Vai trò năm {year}"));
                let role = view.data.record.role_of(m.id);
                ui.add_enabled_ui(enabled, |ui| {
                    egui::ComboBox::from_id_salt("member-role")
                        .selected_text(role.label())
                        .show_ui(ui, |ui| {
                            for r in [Role::Leader, Role::Deputy, Role::Member] {
                                if ui.selectable_label(r == role, r.label()).clicked() && r != role
                                {
                                    let mut rec = view.data.record.clone();
                                    if rec.leader == Some(m.id) {
                                        rec.leader = None;
                                    }
                                    if rec.deputy == Some(m.id) {
                                        rec.deputy = None;
                                    }
                                    match r {
                                        Role::Leader => rec.leader = Some(m.id),
                                        Role::Deputy => rec.deputy = Some(m.id),
                                        Role::Member => {}
                                    }
                                    actions.push(Action::Edit(Edit::UpdateYear {
                                        from: view.data.record.clone(),
                                        to: rec,
                                    }));
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.label(RichText::new("Lịch sử tên").strong());
        for n in m.names.iter().rev() {
            let short = if n.short_name.is_empty() {
                String::new()
            } else {
                format!(" ({})", n.short_name)
            };
            ui.label(format!("Từ năm {}: {}{short}", n.from_year, n.full_name));
        }
        if let Some(left) = m.left_year {
            ui.label(format!("Rời khối từ năm {left}"));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new("Đổi tên từ năm…"))
                .clicked()
            {
                self.rename = Some(RenameForm {
                    year: (year + 1).to_string(),
                    full: current.full_name.clone(),
                    short: current.short_name.clone(),
                    abbreviation: current.abbreviation.clone(),
                    error: None,
                });
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Rời khối…"))
                .clicked()
            {
                self.leave = Some(LeaveForm {
                    year: (year + 1).to_string(),
                    ..Default::default()
                });
            }
        });
        self.rename_ui(ui, view, m, actions);
        self.leave_ui(ui, view, m, actions);
    }

    fn rename_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        m: &Member,
        actions: &mut Vec<Action>,
    ) {
        let Some(form) = &mut self.rename else { return };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new("Đổi tên đơn vị").strong());
            ui.label("Các năm trước năm đổi tên vẫn giữ tên cũ trong văn bản.");
            egui::Grid::new("rename-grid")
                .num_columns(2)
                .show(ui, |ui| {
                    super::widgets::text_row_ui(ui, "Từ năm", &mut form.year, "2021");
                    super::widgets::text_row_ui(ui, "Tên mới", &mut form.full, "");
                    super::widgets::text_row_ui(ui, "Tên viết tắt mới", &mut form.short, "");
                    super::widgets::text_row_ui(ui, "Ký hiệu mới", &mut form.abbreviation, "");
                });
            if let Some(e) = &form.error {
                error_label_ui(ui, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Đổi tên").clicked() {
                    match form.year.trim().parse::<Year>() {
                        Ok(from) if (1900..=2200).contains(&from) => {
                            match crate::domain::check_member_name(
                                &view.members,
                                from,
                                &form.full,
                                Some(m.id),
                            ) {
                                Ok(()) => {
                                    let previous =
                                        m.names.iter().find(|n| n.from_year == from).cloned();
                                    actions.push(Action::Edit(Edit::SetMemberName {
                                        member: m.id,
                                        name: MemberName {
                                            from_year: from,
                                            full_name: form.full.clone(),
                                            short_name: form.short.clone(),
                                            abbreviation: form.abbreviation.clone(),
                                        },
                                        previous,
                                    }));
                                    close = true;
                                }
                                Err(e) => form.error = Some(e.to_string()),
                            }
                        }
                        _ => {
                            form.error = Some(format!(
                                "Năm “{}” không hợp lệ. Hãy gõ năm, ví dụ 2021.",
                                form.year.trim()
                            ))
                        }
                    }
                }
                if ui.button("Hủy").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.rename = None;
        }
    }

    fn leave_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        m: &Member,
        actions: &mut Vec<Action>,
    ) {
        let Some(form) = &mut self.leave else { return };
        let year = view.year();
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new("Đơn vị rời khối hoặc sáp nhập").strong());
            egui::Grid::new("leave-grid").num_columns(2).show(ui, |ui| {
                super::widgets::text_row_ui(ui, "Từ năm", &mut form.year, "2025");
                let label = ui.label("Sáp nhập vào");
                let selected = form
                    .merged_into
                    .map_or("(không sáp nhập)".to_owned(), |id| view.short_name(id));
                egui::ComboBox::from_id_salt("merged-into")
                    .selected_text(selected)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut form.merged_into, None, "(không sáp nhập)");
                        for other in view.members_in_year() {
                            if other.id != m.id {
                                ui.selectable_value(
                                    &mut form.merged_into,
                                    Some(other.id),
                                    other.full_name_in(year),
                                );
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            });
            if let Some(e) = &form.error {
                error_label_ui(ui, e);
            }
            ui.horizontal(|ui| {
                if ui.button("Xác nhận").clicked() {
                    match form.year.trim().parse::<Year>() {
                        Ok(from) if from > m.joined_year && from <= 2200 => {
                            let mut changed = m.clone();
                            changed.left_year = Some(from);
                            changed.merged_into = form.merged_into;
                            actions.push(Action::Edit(Edit::UpdateMember {
                                from: m.clone(),
                                to: changed,
                            }));
                            close = true;
                        }
                        _ => {
                            form.error = Some(format!(
                                "Năm rời khối phải sau năm đơn vị vào khối ({}).",
                                m.joined_year
                            ))
                        }
                    }
                }
                if ui.button("Hủy").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.leave = None;
        }
    }
}
