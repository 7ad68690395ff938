//! The export dialog of one of the year's documents (report, conference minutes, news item,
//! score and award documents): PDF or Word (.docx), where to write it, the font setting, and
//! the question before replacing an existing file.

use super::Choice;
use crate::ops::export::{DocumentKind, Format};
use crate::ui::app::Action;
use crate::ui::files::{NO_FILE_DIALOG, Picked, pick};
use crate::ui::settings::Settings;
use crate::ui::widgets::{ERROR_COLOR, WARNING_COLOR};
use std::path::{Path, PathBuf};

pub struct ExportDialog {
    kind: DocumentKind,
    path: String,
    /// Why the last export was refused, shown in red.
    error: Option<String>,
    /// The existing file the user is being asked about replacing.
    overwrite: Option<PathBuf>,
    /// The path picked in the system's save dialog, which has already asked about replacing it.
    picked: Option<PathBuf>,
    /// What the document still lacks (unfilled places, a signer's name); the user may go on.
    warnings: Vec<String>,
}

impl ExportDialog {
    pub fn new(kind: DocumentKind, path: &Path, warnings: Vec<String>) -> ExportDialog {
        ExportDialog {
            kind,
            path: path.display().to_string(),
            error: None,
            overwrite: None,
            picked: None,
            warnings,
        }
    }

    /// Shows why the export was refused; the dialog stays open to correct it.
    pub fn set_error(&mut self, message: String) {
        self.error = Some(message);
    }

    pub fn ui(&mut self, ctx: &egui::Context, settings: &mut Settings) -> Option<Choice> {
        let mut choice = None;
        let kind = self.kind;
        egui::Modal::new(egui::Id::unique("export")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(match kind {
                DocumentKind::Report => "Xuất báo cáo",
                DocumentKind::Minutes => "Xuất biên bản hội nghị",
                DocumentKind::MidyearReport => "Xuất báo cáo sơ kết 6 tháng đầu năm",
                DocumentKind::MidyearMinutes => "Xuất biên bản hội nghị sơ kết",
                DocumentKind::News => "Xuất tin bài",
                DocumentKind::Scores => "Xuất bảng tổng hợp kết quả chấm điểm, xếp hạng",
                DocumentKind::ScoreSheet(_) => "Xuất bảng điểm chi tiết",
                DocumentKind::ScoreForm(_) => "Xuất mẫu tự chấm điểm",
                DocumentKind::Proposal => "Xuất tờ trình đề nghị khen thưởng",
                DocumentKind::ReviewMinutes => "Xuất biên bản họp bình xét, suy tôn",
                DocumentKind::VoteCount => "Xuất biên bản kiểm phiếu",
                DocumentKind::Ballot => "Xuất phiếu bầu",
                DocumentKind::Pledge => "Xuất bản ký kết giao ước thi đua",
                DocumentKind::Plan => "Xuất kế hoạch tổ chức phong trào thi đua",
                DocumentKind::Guide => "In hướng dẫn sử dụng",
            });
            ui.add_space(6.0);
            if let Some(other) = document_choice_ui(ui, "export-document", kind) {
                choice = Some(Choice::Do(Action::ExportPdfDialog(other)));
            }
            ui.label(match kind {
                DocumentKind::News => "Tin bài được xuất theo đuôi tệp: .pdf (bản in), .docx (Word), .txt (văn bản thuần) hoặc .html (dán vào trình soạn thảo của trang tin).",
                _ => "Văn bản theo thể thức Nghị định 30/2020/NĐ-CP, khổ A4, phông Times New Roman: bản in PDF, hoặc tệp Word (.docx) để sửa câu chữ trước khi ký.",
            });
            ui.add_space(6.0);
            let asking = self.overwrite.is_some();
            ui.add_enabled_ui(!asking, |ui| {
                self.format_ui(ui);
                self.path_ui(ui);
            });
            if self.format() == Some(Format::Pdf) {
                ui.checkbox(
                    &mut settings.use_system_font,
                    "Dùng phông Times New Roman của máy nếu có (nếu không: Liberation Serif kèm theo, cùng kích thước chữ)",
                );
            }
            if kind.report_kind().is_some() {
                ui.checkbox(
                    &mut settings.diagonal_draft_mark,
                    "Báo cáo chưa thông qua: in thêm chữ “DỰ THẢO” chéo trên mỗi trang (chữ “DỰ THẢO” ở đầu trang luôn được in)",
                );
                ui.checkbox(&mut settings.print_charts, "In kèm biểu đồ")
                    .on_hover_text(
                        "Phụ lục có thêm biểu đồ tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị và, khi đã chấm điểm, biểu đồ tổng điểm theo thứ tự xếp hạng (tệp Word: bảng số liệu của biểu đồ)",
                    );
            }
            if !self.warnings.is_empty() {
                ui.add_space(4.0);
                ui.label(egui::RichText::new("Lưu ý trước khi xuất (vẫn có thể xuất):").strong());
                for w in &self.warnings {
                    ui.colored_label(WARNING_COLOR, format!("• {w}"));
                }
            }
            if let Some(e) = &self.error {
                ui.colored_label(ERROR_COLOR, e.as_str());
            }
            ui.add_space(8.0);
            let buttons = match self.overwrite.clone() {
                Some(existing) => self.overwrite_ui(ui, existing),
                None => self.buttons_ui(ui),
            };
            choice = choice.take().or(buttons);
        });
        choice
    }

    /// The format the path's extension chooses, if it is one the document can be written in.
    fn format(&self) -> Option<Format> {
        Format::for_output(self.kind, Path::new(self.path.trim())).ok()
    }

    /// One choice per format ("PDF", "Word (.docx)", …): choosing one changes the path's
    /// extension, as typing another extension changes the choice.
    fn format_ui(&mut self, ui: &mut egui::Ui) {
        let current = self.format();
        ui.horizontal(|ui| {
            ui.label("Định dạng:");
            for (ext, format) in Format::accepted(self.kind) {
                if *ext == "htm" {
                    continue;
                }
                if ui
                    .selectable_label(current == Some(*format), format_label(*format))
                    .clicked()
                {
                    let path = PathBuf::from(self.path.trim()).with_extension(ext);
                    self.path = path.display().to_string();
                    self.picked = None;
                    self.error = None;
                }
            }
        });
    }

    /// The path field and "Chọn…" (the system's save dialog).
    fn path_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Lưu vào tệp:");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(360.0))
                .labelled_by(label.id);
            if ui.button("Chọn…").clicked() {
                let name = Path::new(self.path.as_str())
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mut dialog = self.save_dialog().set_file_name(name);
                if let Some(dir) = Path::new(self.path.trim()).parent().filter(|d| d.is_dir()) {
                    dialog = dialog.set_directory(dir);
                }
                match pick(ui.ctx(), || dialog.save_file()) {
                    Picked::Chosen(p) => {
                        self.path = p.display().to_string();
                        self.picked = Some(p);
                        self.error = None;
                    }
                    Picked::Cancelled => {}
                    Picked::Unavailable => self.error = Some(NO_FILE_DIALOG.to_owned()),
                }
            }
        });
    }

    /// The system's save dialog, the chosen format's filter first.
    fn save_dialog(&self) -> rfd::FileDialog {
        let current = self.format();
        let mut formats: Vec<(&str, Format)> = Format::accepted(self.kind)
            .iter()
            .filter(|(e, _)| *e != "htm")
            .copied()
            .collect();
        formats.sort_by_key(|(_, f)| Some(*f) != current);
        formats
            .into_iter()
            .fold(rfd::FileDialog::new(), |dialog, (ext, format)| {
                dialog.add_filter(format_label(format), &[ext])
            })
    }

    /// "Xuất", "Xem trước" (the pages as printed; not for the news item's text or HTML) and
    /// "Hủy". A path naming an existing file asks first rather than replacing it.
    fn buttons_ui(&mut self, ui: &mut egui::Ui) -> Option<Choice> {
        let mut choice = None;
        ui.horizontal(|ui| {
            if ui.button("Xuất").clicked() {
                let typed = PathBuf::from(self.path.trim());
                if typed.as_os_str().is_empty() {
                    self.error = Some("Hãy chọn nơi lưu tệp.".to_owned());
                } else if let Err(e) = Format::for_output(self.kind, &typed) {
                    self.error = Some(e.to_string());
                } else if typed.is_file() && self.picked.as_ref() != Some(&typed) {
                    self.overwrite = Some(typed);
                } else {
                    choice = Some(Choice::Do(Action::ExportPdf(self.kind, typed)));
                }
            }
            if self.format() != Some(Format::Text)
                && self.format() != Some(Format::Html)
                && ui
                    .button("Xem trước")
                    .on_hover_text("Xem các trang như khi in, trước khi xuất")
                    .clicked()
            {
                choice = Some(Choice::Do(Action::Preview(self.kind)));
            }
            if ui.button("Hủy").clicked() {
                choice = Some(Choice::Close);
            }
        });
        choice
    }

    /// "Tệp … đã có. Ghi đè?" with "Ghi đè" and "Không".
    fn overwrite_ui(&mut self, ui: &mut egui::Ui, existing: PathBuf) -> Option<Choice> {
        let mut choice = None;
        ui.label(
            egui::RichText::new(format!("Tệp “{}” đã có. Ghi đè?", existing.display())).strong(),
        );
        ui.horizontal(|ui| {
            if ui.button("Ghi đè").clicked() {
                self.overwrite = None;
                choice = Some(Choice::Do(Action::ExportPdf(self.kind, existing)));
            }
            if ui.button("Không").clicked() {
                self.overwrite = None;
            }
        });
        choice
    }
}

/// "Văn bản:" and the documents of the year's cycle to choose from, when `kind` is one of them
/// (the score and award documents, the guide, keep their own dialog). Returns the document
/// chosen when it is another.
pub fn document_choice_ui(ui: &mut egui::Ui, id: &str, kind: DocumentKind) -> Option<DocumentKind> {
    if !DocumentKind::CYCLE.contains(&kind) {
        return None;
    }
    let mut chosen = kind;
    ui.horizontal(|ui| {
        let label = ui.label("Văn bản:");
        egui::ComboBox::from_id_salt(id)
            .selected_text(kind.choice_label())
            .width(320.0)
            .show_ui(ui, |ui| {
                for k in DocumentKind::CYCLE {
                    ui.selectable_value(&mut chosen, k, k.choice_label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    (chosen != kind).then_some(chosen)
}

/// The name of a format as the dialog shows it.
fn format_label(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "Word (.docx)",
        Format::Text => "Văn bản thuần (.txt)",
        Format::Html => "HTML (.html)",
    }
}
