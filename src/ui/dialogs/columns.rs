//! "Chọn cột để nhập": a workbook that is not one of our data-request files (a member's own
//! table). The user says whose figures it holds, on which row its headings are and which column
//! holds the name, unit, plan and result; "Xem trước" shows the import's preview. The columns
//! start as those chosen last time for the same headings, else as guessed from their words.

use super::Choice;
use crate::domain::MemberId;
use crate::ops::xlsx::mapped::{Columns, Head};
use crate::ops::xlsx::sheet::column_letters;
use crate::ui::app::Action;
use std::path::PathBuf;

pub struct ColumnsDialog {
    file: PathBuf,
    head: Head,
    /// The members of the year with indicators: id and full name.
    members: Vec<(MemberId, String)>,
    member: Option<MemberId>,
    columns: Columns,
    /// The headings' row as Excel numbers it (1-based), as typed.
    header_row: u32,
}

impl ColumnsDialog {
    pub fn new(
        file: PathBuf,
        head: Head,
        members: Vec<(MemberId, String)>,
        member: Option<MemberId>,
        columns: Columns,
    ) -> ColumnsDialog {
        let header_row = head.header_row + 1;
        ColumnsDialog {
            file,
            head,
            members,
            member,
            columns,
            header_row,
        }
    }

    fn heading(&self, col: Option<u16>) -> String {
        match col {
            None => "(không có)".to_owned(),
            Some(c) => {
                let text = self
                    .head
                    .headings
                    .iter()
                    .find(|(h, _)| *h == c)
                    .map_or("", |(_, t)| t.as_str());
                format!("Cột {} — {text}", column_letters(c))
            }
        }
    }

    fn column_ui(&mut self, ui: &mut egui::Ui, label: &str, which: usize, optional: bool) {
        let current = match which {
            0 => Some(self.columns.name),
            1 => self.columns.unit,
            2 => self.columns.plan,
            _ => self.columns.result,
        };
        let mut chosen = current;
        let label = ui.label(label);
        egui::ComboBox::from_id_salt(("xlsx-column", which))
            .selected_text(self.heading(current))
            .width(360.0)
            .show_ui(ui, |ui| {
                if optional {
                    ui.selectable_value(&mut chosen, None, "(không có)");
                }
                for (c, _) in &self.head.headings {
                    ui.selectable_value(&mut chosen, Some(*c), self.heading(Some(*c)));
                }
            })
            .response
            .labelled_by(label.id);
        ui.end_row();
        match which {
            0 => self.columns.name = chosen.unwrap_or(self.columns.name),
            1 => self.columns.unit = chosen,
            2 => self.columns.plan = chosen,
            _ => self.columns.result = chosen,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("xlsx_columns")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Chọn cột để nhập");
            ui.add_space(6.0);
            ui.label(format!(
                "Tệp “{}” không phải mẫu báo cáo số liệu của chương trình. Hãy cho biết số liệu của đơn vị nào và cột nào chứa gì; các dòng được ghép với chỉ tiêu của đơn vị theo tên.",
                self.file.display()
            ));
            ui.add_space(6.0);
            egui::Grid::new("xlsx-columns-grid")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label("Đơn vị");
                    let selected = self
                        .members
                        .iter()
                        .find(|(id, _)| Some(*id) == self.member)
                        .map_or("(chọn đơn vị)", |(_, n)| n.as_str())
                        .to_owned();
                    egui::ComboBox::from_id_salt("xlsx-member")
                        .selected_text(selected)
                        .width(360.0)
                        .show_ui(ui, |ui| {
                            for (id, name) in &self.members {
                                ui.selectable_value(&mut self.member, Some(*id), name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Dòng tiêu đề");
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut self.header_row).range(1..=1_048_576))
                            .labelled_by(label.id);
                        if self.header_row != self.head.header_row + 1
                            && ui.button("Đọc tiêu đề dòng này").clicked()
                        {
                            choice = Some(Choice::Do(Action::ChooseColumns(
                                self.file.clone(),
                                Some(self.header_row - 1),
                            )));
                        }
                    });
                    ui.end_row();
                    self.column_ui(ui, "Tên chỉ tiêu", 0, false);
                    self.column_ui(ui, "Đơn vị tính", 1, true);
                    self.column_ui(ui, "Kế hoạch", 2, true);
                    self.column_ui(ui, "Kết quả thực hiện", 3, true);
                });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let ready = self.member.is_some()
                    && (self.columns.plan.is_some() || self.columns.result.is_some());
                if ui
                    .add_enabled(ready, egui::Button::new("Xem trước"))
                    .clicked()
                    && let Some(member) = self.member
                {
                    choice = Some(Choice::Do(Action::PreviewMapped {
                        file: self.file.clone(),
                        member,
                        columns: self.columns.clone(),
                        layout: self.head.layout(),
                    }));
                }
                if ui.button("Hủy").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        if response.should_close() && choice.is_none() {
            choice = Some(Choice::Close);
        }
        choice
    }
}
