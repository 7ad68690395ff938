//! "Tổng hợp các khối…": the blocs' files to compare (picked several at once, or a path typed),
//! the year, where to write (.pdf, .docx or .xlsx). The action reads and writes through
//! `ops::rollup`; the dialog stays open to show what was written and the files that could not
//! be read, with the reason.

use super::Choice;
use crate::ui::app::{Action, RollupRequest};
use crate::ui::files::{NO_FILE_DIALOG, Picked, pick};
use crate::ui::widgets::{ERROR_COLOR, text_row_ui};
use std::path::PathBuf;

pub struct RollupDialog {
    files: Vec<PathBuf>,
    /// A path typed by hand, added with "Thêm".
    typed: String,
    year: String,
    out: String,
    overwrite: bool,
    /// The outcome of the last "Tổng hợp": what was written, or why nothing was.
    outcome: Option<Result<Vec<String>, String>>,
}

impl RollupDialog {
    /// The dialog on `year`, proposing to write into `folder`.
    pub fn new(year: Option<crate::domain::Year>, folder: &std::path::Path) -> RollupDialog {
        let name = match year {
            Some(y) => format!("TongHopCacKhoi{y}.pdf"),
            None => "TongHopCacKhoi.pdf".to_owned(),
        };
        RollupDialog {
            files: Vec::new(),
            typed: String::new(),
            year: year.map(|y| y.to_string()).unwrap_or_default(),
            out: folder.join(name).display().to_string(),
            overwrite: false,
            outcome: None,
        }
    }

    /// Shows the outcome of the request the dialog sent.
    pub fn set_outcome(&mut self, outcome: Result<Vec<String>, String>) {
        self.outcome = Some(outcome);
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("rollup")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading("Tổng hợp các khối");
            ui.label("Đọc tệp dữ liệu của nhiều khối (chỉ đọc, không sửa tệp nào) và lập bảng so sánh một năm.");
            ui.add_space(6.0);
            self.files_ui(ui);
            ui.add_space(6.0);
            egui::Grid::new("rollup-grid")
                .num_columns(2)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    text_row_ui(ui, "Năm", &mut self.year, "2020");
                    text_row_ui(ui, "Ghi ra tệp", &mut self.out, "tong-hop-cac-khoi.pdf");
                });
            ui.horizontal(|ui| {
                if ui.button("Chọn nơi lưu…").clicked() {
                    let dialog = rfd::FileDialog::new()
                        .add_filter("PDF", &["pdf"])
                        .add_filter("Word", &["docx"])
                        .add_filter("Excel", &["xlsx"])
                        .set_file_name("tong-hop-cac-khoi.pdf");
                    match pick(ui.ctx(), || dialog.save_file()) {
                        Picked::Chosen(p) => {
                            self.out = p.display().to_string();
                            // The system's dialog has asked before replacing.
                            self.overwrite = true;
                        }
                        Picked::Cancelled => {}
                        Picked::Unavailable => self.outcome = Some(Err(NO_FILE_DIALOG.to_owned())),
                    }
                }
                ui.checkbox(&mut self.overwrite, "Ghi đè tệp đã có");
            });
            match &self.outcome {
                Some(Ok(lines)) => {
                    for line in lines {
                        ui.label(line.as_str());
                    }
                }
                Some(Err(e)) => {
                    ui.colored_label(ERROR_COLOR, e.as_str());
                }
                None => {}
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Tổng hợp").clicked() {
                    match self.request() {
                        Ok(r) => choice = Some(Choice::Do(Action::Rollup(r))),
                        Err(e) => self.outcome = Some(Err(e)),
                    }
                }
                if ui.button("Đóng").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        choice
    }

    fn files_ui(&mut self, ui: &mut egui::Ui) {
        ui.label(format!("Tệp dữ liệu các khối ({} tệp):", self.files.len()));
        let mut remove = None;
        egui::ScrollArea::vertical()
            .max_height(180.0)
            .id_salt("rollup-files")
            .show(ui, |ui| {
                for (i, f) in self.files.iter().enumerate() {
                    ui.horizontal(|ui| {
                        if ui.small_button("Bỏ").clicked() {
                            remove = Some(i);
                        }
                        ui.label(f.display().to_string());
                    });
                }
            });
        if let Some(i) = remove {
            self.files.remove(i);
        }
        ui.horizontal(|ui| {
            if ui.button("Chọn tệp…").clicked() {
                let dialog = rfd::FileDialog::new()
                    .set_title("Chọn tệp dữ liệu của các khối")
                    .add_filter("Tệp dữ liệu khối thi đua", &["sqlite", "db"]);
                // Several files at once: one path each, the first standing for the answer.
                let mut picked = Vec::new();
                let first = pick(ui.ctx(), || {
                    picked = dialog.pick_files().unwrap_or_default();
                    picked.first().cloned()
                });
                match first {
                    Picked::Chosen(_) => self.files.extend(picked),
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.outcome = Some(Err(NO_FILE_DIALOG.to_owned())),
                }
            }
            let label = ui.label("Đường dẫn tệp");
            ui.add(egui::TextEdit::singleline(&mut self.typed).desired_width(300.0))
                .labelled_by(label.id);
            if ui.button("Thêm").clicked() && !self.typed.trim().is_empty() {
                self.files.push(PathBuf::from(self.typed.trim()));
                self.typed.clear();
            }
        });
    }

    fn request(&self) -> Result<RollupRequest, String> {
        let year = self.year.trim().parse().map_err(|_| {
            format!(
                "Năm “{}” không đọc được: hãy gõ năm bốn chữ số, ví dụ 2020.",
                self.year.trim()
            )
        })?;
        if self.out.trim().is_empty() {
            return Err("Hãy cho biết tệp cần ghi (.pdf, .docx hoặc .xlsx).".to_owned());
        }
        Ok(RollupRequest {
            files: self.files.clone(),
            year,
            out: PathBuf::from(self.out.trim()),
            overwrite: self.overwrite,
        })
    }
}
