//! "Tạo khối thi đua mới": the form of a new bloc file (name, province, first year, member
//! units one per line, the leader, where to save). Checking and writing are done by the action.

use super::Choice;
use crate::ops::bloc::NewBloc;
use crate::ui::app::Action;
use crate::ui::files::{NO_FILE_DIALOG, Picked, pick};
use crate::ui::widgets::{ERROR_COLOR, text_row_ui};

pub struct NewBlocDialog {
    form: NewBloc,
    /// Why the last "Tạo khối" was refused.
    error: Option<String>,
}

impl NewBlocDialog {
    pub fn new(form: NewBloc, error: Option<String>) -> NewBlocDialog {
        NewBlocDialog { form, error }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let form = &mut self.form;
        egui::Modal::new(egui::Id::unique("new-bloc")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Tạo khối thi đua mới");
            ui.add_space(6.0);
            egui::Grid::new("new-bloc-grid")
                .num_columns(2)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    text_row_ui(ui, "Tên khối", &mut form.bloc_name, "Khối Kinh tế ngành");
                    text_row_ui(ui, "Tỉnh", &mut form.province, "tỉnh Hà Giang");
                    text_row_ui(ui, "Địa danh ghi ngày tháng", &mut form.place, "Hà Giang");
                    text_row_ui(ui, "Năm đầu tiên", &mut form.year, "2021");
                    let label = ui.label("Đơn vị thành viên (mỗi dòng một đơn vị)");
                    ui.add(
                        egui::TextEdit::multiline(&mut form.members)
                            .desired_rows(6)
                            .desired_width(340.0)
                            .hint_text("Sở Thông tin và Truyền thông\nBan Quản lý Khu kinh tế\n…"),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Trưởng khối");
                    let lines = form.member_lines();
                    let selected = lines
                        .get(form.leader)
                        .cloned()
                        .unwrap_or_else(|| "(chưa có đơn vị)".to_owned());
                    egui::ComboBox::from_id_salt("new-bloc-leader")
                        .selected_text(selected)
                        .width(340.0)
                        .show_ui(ui, |ui| {
                            for (i, name) in lines.iter().enumerate() {
                                ui.selectable_value(&mut form.leader, i, name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    text_row_ui(ui, "Lưu vào tệp", &mut form.path, "");
                });
            if ui.button("Chọn nơi lưu…").clicked() {
                let dialog = rfd::FileDialog::new()
                    .add_filter("Tệp dữ liệu khối thi đua", &["sqlite"])
                    .set_file_name("khoi-moi.sqlite");
                match pick(ui.ctx(), || dialog.save_file()) {
                    Picked::Chosen(p) => form.path = p.display().to_string(),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.error = Some(NO_FILE_DIALOG.to_owned()),
                }
            }
            if let Some(e) = &self.error {
                ui.colored_label(ERROR_COLOR, e.as_str());
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Tạo khối").clicked() {
                    choice = Some(Choice::Do(Action::CreateBloc(form.clone())));
                }
                if ui.button("Hủy").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        choice
    }
}
