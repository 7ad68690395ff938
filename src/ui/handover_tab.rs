//! The "Bàn giao" tab: the year's checklist computed from the data, the handover form, one
//! prominent "Bàn giao…" that shows exactly what will happen before doing it, and afterwards the
//! result (the new file, its SHA-256, the minutes). For a received file, who handed it over.

use super::app::Action;
use super::files::{NO_FILE_DIALOG, Picked, pick};
use super::session::YearView;
use super::todo::{Check, DONE, checks_ui, year_end_checks};
use super::widgets::{DateBuffer, date_field_ui, error_label_ui, form_grid_ui};
use crate::domain::{HandoverItem, MemberId};
use crate::ops::handover::{HandoverRequest, default_items, minutes_path};
use crate::text::date::format_date;
use egui::RichText;
use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct HandoverTab {
    year: Option<i32>,
    to: Option<MemberId>,
    date: Option<chrono::NaiveDate>,
    date_buffer: DateBuffer,
    notes: String,
    items: Vec<HandoverItem>,
    out: String,
    error: Option<String>,
    confirm: bool,
    confirm_unlock: bool,
    /// "Chọn…" found no system file dialog: the path field is the way, and it says so.
    no_dialog: bool,
    /// The checklist and the [`YearView::generation`] it was computed from: it walks members by
    /// indicators, so it is computed once per change rather than at every frame.
    checks: Option<(u64, Vec<Check>)>,
}

impl HandoverTab {
    fn reset_for(&mut self, view: &YearView) {
        let year = view.year();
        *self = HandoverTab {
            year: Some(year),
            to: view.data.record.next_leader.or_else(|| {
                view.data
                    .record
                    .leader
                    .and_then(|l| crate::domain::next_in_rotation(&view.members, year, l))
            }),
            date: view
                .data
                .record
                .conference_date
                .or_else(|| Some(chrono::Local::now().date_naive())),
            items: default_items(year),
            out: view.default_handover_path.display().to_string(),
            ..Default::default()
        };
    }

    /// The checklist of the year as the view shows it, computed again only after a change.
    fn checklist(&mut self, view: &YearView) -> &[Check] {
        if self
            .checks
            .as_ref()
            .is_none_or(|(generation, _)| *generation != view.generation)
        {
            self.checks = None;
        }
        let (_, checks) = self
            .checks
            .get_or_insert_with(|| (view.generation, year_end_checks(view)));
        checks
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        if self.year != Some(year) {
            self.reset_for(view);
        }
        self.confirm_ui(ui.ctx(), view, actions);
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(format!("Bàn giao nhiệm vụ Trưởng khối năm {year}"));
            if let Some(findings) = &view.received {
                received_ui(ui, findings);
            }
            ui.add_space(6.0);
            if view.read_only {
                ui.label("Cửa sổ này chỉ xem tệp (tệp đang được sửa ở một cửa sổ khác), nên không bàn giao được từ đây.");
                return;
            }
            if let Some(held) = view.held_message() {
                // Not handed over from this file's point of view: the successor holds it, and
                // the banner above offers to take it back.
                ui.label(RichText::new(format!("{held}.")).strong());
                ui.label("Việc bàn giao năm này do đơn vị đang giữ năm làm trên tệp của mình.");
                return;
            }
            if view.locked() {
                self.locked_ui(ui, view, actions);
                return;
            }
            ui.label(RichText::new("Kiểm tra trước khi bàn giao").strong());
            let checks = self.checklist(view);
            checks_ui(ui, checks.iter(), actions);
            ui.add_space(10.0);
            self.form_ui(ui, view);
            ui.add_space(10.0);
            if let Some(e) = &self.error {
                error_label_ui(ui, e);
            }
            let button = egui::Button::new(RichText::new("Bàn giao…").size(18.0).strong())
                .min_size(egui::vec2(160.0, 36.0));
            if ui.add(button).clicked() {
                self.error = self.request(view).err();
                self.confirm = self.error.is_none();
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, view: &YearView) {
        let year = view.year();
        ui.label(RichText::new("Thông tin bàn giao").strong());
        form_grid_ui(ui, "handover-form", 190.0, |ui| {
            let label = ui.label(format!("Đơn vị nhận (Trưởng khối năm {})", year + 1));
            let selected = self.to.map_or("(chọn đơn vị)".to_owned(), |id| {
                view.member(id)
                    .map_or(String::new(), |m| m.full_name_in(year).to_owned())
            });
            egui::ComboBox::from_id_salt("handover-to")
                .selected_text(selected)
                .width(360.0)
                .show_ui(ui, |ui| {
                    for m in view.members_in_year() {
                        if Some(m.id) != view.data.record.leader {
                            ui.selectable_value(&mut self.to, Some(m.id), m.full_name_in(year));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            if let Some(d) =
                date_field_ui(ui, "Ngày bàn giao", self.date, &mut self.date_buffer, true)
            {
                self.date = d;
            }
            let label = ui.label("Ghi chú");
            ui.add(
                egui::TextEdit::multiline(&mut self.notes)
                    .desired_rows(2)
                    .desired_width(480.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Lưu tệp cho đơn vị nhận");
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut self.out).desired_width(400.0))
                    .labelled_by(label.id);
                if ui.button("Chọn…").clicked() {
                    let mut dialog = rfd::FileDialog::new()
                        .add_filter("Tệp dữ liệu khối thi đua", &["sqlite"])
                        .set_file_name(format!("khoi-thi-dua-{}.sqlite", year + 1));
                    if let Some(dir) = Path::new(self.out.trim()).parent().filter(|d| d.is_dir()) {
                        dialog = dialog.set_directory(dir);
                    }
                    match pick(ui.ctx(), || dialog.save_file()) {
                        Picked::Chosen(p) => {
                            self.out = p.display().to_string();
                            self.no_dialog = false;
                        }
                        Picked::Cancelled => {}
                        Picked::Unavailable => self.no_dialog = true,
                    }
                }
            });
            ui.end_row();
        });
        if self.no_dialog {
            ui.colored_label(super::widgets::ERROR_COLOR, NO_FILE_DIALOG);
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Danh mục bàn giao").strong());
        let mut remove = None;
        egui::Grid::new("handover-items")
            .num_columns(4)
            .striped(true)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let h_item = ui.strong("Nội dung").id;
                let h_qty = ui.strong("Số lượng").id;
                let h_note = ui.strong("Ghi chú").id;
                ui.label("");
                ui.end_row();
                for (i, item) in self.items.iter_mut().enumerate() {
                    ui.add_sized([420.0, 24.0], egui::TextEdit::singleline(&mut item.item))
                        .labelled_by(h_item);
                    ui.add_sized(
                        [100.0, 24.0],
                        egui::TextEdit::singleline(&mut item.quantity),
                    )
                    .labelled_by(h_qty);
                    ui.add_sized([200.0, 24.0], egui::TextEdit::singleline(&mut item.note))
                        .labelled_by(h_note);
                    if ui.small_button("Bỏ").clicked() {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
            });
        if let Some(i) = remove {
            self.items.remove(i);
        }
        if ui.button("Thêm dòng").clicked() {
            self.items.push(HandoverItem {
                item: String::new(),
                quantity: String::new(),
                note: String::new(),
            });
        }
    }

    /// The request the form describes, or what is missing.
    fn request(&self, view: &YearView) -> Result<HandoverRequest, String> {
        let Some(to) = self.to else {
            return Err("Hãy chọn đơn vị nhận bàn giao.".to_owned());
        };
        let Some(date) = self.date else {
            return Err("Hãy nhập ngày bàn giao.".to_owned());
        };
        let out = self.out.trim();
        if out.is_empty() {
            return Err("Hãy chọn nơi lưu tệp cho đơn vị nhận.".to_owned());
        }
        let mut out = PathBuf::from(out);
        if out.extension().is_none() {
            out.set_extension("sqlite");
        }
        Ok(HandoverRequest {
            year: view.year(),
            to,
            date,
            notes: self.notes.trim().to_owned(),
            items: self
                .items
                .iter()
                .filter(|i| !i.item.trim().is_empty())
                .cloned()
                .collect(),
            out,
            redo_unfinished: false,
        })
    }

    fn locked_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        ui.label(
            RichText::new(format!("Năm {year} đã bàn giao. Mọi thẻ chỉ xem được."))
                .strong()
                .color(DONE),
        );
        for h in &view.data.handovers {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(format!(
                    "Ngày {}: {} bàn giao nhiệm vụ Trưởng khối năm {} cho {}.",
                    format_date(h.date),
                    h.from_member
                        .map(|m| view.short_name(m))
                        .unwrap_or_default(),
                    year + 1,
                    view.member(h.to_member)
                        .map_or(String::new(), |m| m.full_name_in(year).to_owned())
                ));
                if !h.file_name.is_empty() {
                    ui.label(format!("Tệp bàn giao: {}", h.file_name));
                }
                if !h.file_hash.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label("Mã kiểm tra (SHA-256):");
                        ui.monospace(&h.file_hash);
                        if ui.small_button("Chép mã").clicked() {
                            ui.ctx().copy_text(h.file_hash.clone());
                            actions.push(Action::Toast("Đã chép mã kiểm tra.".to_owned()));
                        }
                    });
                    ui.label(
                        RichText::new(
                            "Đơn vị nhận so mã này với mã của tệp nhận được: trùng nhau nghĩa là tệp không bị đổi hay hỏng trên đường chuyển.",
                        )
                        .small()
                        .weak(),
                    );
                }
                for item in &h.items {
                    ui.label(format!("- {} ({}) {}", item.item, item.quantity, item.note));
                }
            });
        }
        if view.years.contains(&(year + 1)) && ui.button(format!("Sang năm {}", year + 1)).clicked()
        {
            actions.push(Action::SelectYear(year + 1));
        }
        ui.add_space(8.0);
        if ui.button("Mở khóa năm…").clicked() {
            self.confirm_unlock = true;
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        if self.confirm_unlock {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("unlock-year")).show(ctx, |ui| {
                ui.set_max_width(520.0);
                ui.heading(format!("Mở khóa năm {year}?"));
                ui.label(format!("Năm {year} đã bàn giao. Mở khóa cho phép sửa lại số liệu và báo cáo của năm này; việc mở khóa được ghi vào lịch sử của tệp. Tệp đã gửi cho đơn vị nhận không thay đổi."));
                ui.horizontal(|ui| {
                    if ui.button("Mở khóa").clicked() {
                        actions.push(Action::UnlockYear(year));
                        close = true;
                    }
                    if ui.button("Hủy").clicked() {
                        close = true;
                    }
                });
            });
            if close {
                self.confirm_unlock = false;
            }
        }
        if !self.confirm {
            return;
        }
        let Ok(req) = self.request(view) else {
            self.confirm = false;
            return;
        };
        let to = view
            .member(req.to)
            .map_or(String::new(), |m| m.full_name_in(year).to_owned());
        let copied = view.data.indicators.len();
        let mut close = false;
        egui::Modal::new(egui::Id::unique("handover-confirm")).show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.heading(format!("Bàn giao nhiệm vụ Trưởng khối năm {} cho {to}?", year + 1));
            ui.add_space(6.0);
            ui.label("Chương trình sẽ làm tất cả các việc sau, hoặc không làm việc nào nếu có lỗi:");
            for line in [
                format!("1. Ghi nhận việc bàn giao ngày {} với {} mục trong danh mục.", format_date(req.date), req.items.len()),
                format!("2. Khóa năm {year}: mọi thẻ chỉ xem được (có thể mở khóa sau, việc mở khóa được ghi lại)."),
                format!("3. Mở năm {} với Trưởng khối {to}, các đơn vị thành viên và danh mục {copied} chỉ tiêu (tên, đơn vị tính, kế hoạch; không chép kết quả).", year + 1),
                format!("4. Ghi tệp dữ liệu cho đơn vị nhận: {}", req.out.display()),
                format!("5. Xuất biên bản bàn giao: {}", minutes_path(&req.out).display()),
                "Trước đó, một bản sao lưu của tệp hiện tại được lưu trong thư mục dữ liệu.".to_owned(),
            ] {
                ui.label(line);
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("Xác nhận bàn giao").strong()).clicked() {
                    actions.push(Action::Handover(req.clone()));
                    close = true;
                }
                if ui.button("Hủy").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm = false;
        }
    }
}

/// Who handed a received file over, when, and its hash, for the receiver to compare.
fn received_ui(ui: &mut egui::Ui, findings: &crate::store::receive::Findings) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new("Tệp nhận được").strong());
        for line in findings.lines() {
            ui.label(line);
        }
    });
}
