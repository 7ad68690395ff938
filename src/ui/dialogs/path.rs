//! The path field in place of the system's file dialog, for a machine where that dialog cannot
//! open (a Linux desktop without its portal): one dialog for every item that would have asked
//! for a file or a folder, the proposed place filled in. What it asks for is a
//! [`PathRequest`]; the path typed is checked for its kind here, and the action does the rest.

use super::Choice;
use crate::ui::app::Action;
use crate::ui::widgets::ERROR_COLOR;
use std::path::{Path, PathBuf};

/// What the typed path must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// A file that exists: one to open or to read.
    Existing,
    /// A file to write, in a folder that exists; an existing one is replaced, as the system's
    /// save dialog would have asked.
    New,
    /// A folder to write files into (made if missing).
    Folder,
}

/// What an item asks for when the system's dialog cannot open.
#[derive(Debug)]
pub struct PathRequest {
    /// The dialog's title, the item's own words ("Lưu bản sao tệp dữ liệu").
    pub title: &'static str,
    /// The button that goes on ("Mở", "Lưu", "Nhập", "Xuất").
    pub confirm: &'static str,
    pub kind: PathKind,
    /// Filled in: the folder the item proposes, with a file name where one is proposed.
    pub proposed: PathBuf,
    /// The action with the path chosen.
    pub then: fn(PathBuf) -> Action,
}

/// The label of the field, by which a user (and the tests) find it.
const PATH_LABEL: &str = "Đường dẫn";

/// Why the field is there instead of the system's dialog.
const WHY: &str = "Không mở được hộp chọn tệp của hệ thống (máy thiếu dịch vụ hộp thoại tệp). Hãy gõ đường dẫn đầy đủ vào ô dưới đây, hoặc dán đường dẫn chép từ trình quản lý tệp.";

pub struct PathDialog {
    request: PathRequest,
    text: String,
    /// Why the last path was refused.
    error: Option<String>,
}

impl PathDialog {
    pub fn new(request: PathRequest) -> PathDialog {
        PathDialog {
            text: request.proposed.display().to_string(),
            request,
            error: None,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("path-field")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(self.request.title);
            ui.add_space(6.0);
            ui.label(WHY);
            ui.add_space(6.0);
            let label = ui.label(PATH_LABEL);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(ui.available_width().min(620.0)),
                )
                .labelled_by(label.id);
            if field.changed() {
                self.error = None;
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if self.request.kind == PathKind::New && Path::new(self.text.trim()).is_file() {
                ui.label("Tệp này đã có và sẽ được thay.");
            }
            if let Some(e) = &self.error {
                ui.colored_label(ERROR_COLOR, e.as_str());
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(self.request.confirm).clicked() || entered {
                    match checked(self.request.kind, &self.text) {
                        Ok(path) => choice = Some(Choice::Do((self.request.then)(path))),
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("Hủy").clicked() {
                    choice = Some(Choice::Close);
                }
            });
        });
        if choice.is_none() && response.should_close() {
            choice = Some(Choice::Close);
        }
        choice
    }
}

/// The typed path when it names what `kind` asks for, else why not.
fn checked(kind: PathKind, text: &str) -> Result<PathBuf, String> {
    let text = text.trim().trim_matches('"');
    if text.is_empty() {
        return Err("Hãy gõ đường dẫn.".to_owned());
    }
    let path = PathBuf::from(text);
    let folder_missing = |p: &Path| {
        p.parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
            .map(|d| {
                format!(
                    "Không có thư mục “{}”. Hãy kiểm tra đường dẫn.",
                    d.display()
                )
            })
    };
    match kind {
        PathKind::Existing if !path.is_file() => Err(format!(
            "Không có tệp “{text}”. Hãy kiểm tra đường dẫn, cả phần đuôi của tên tệp."
        )),
        PathKind::New if path.is_dir() => Err(format!(
            "“{text}” là một thư mục. Hãy gõ thêm tên tệp vào cuối đường dẫn."
        )),
        PathKind::New => folder_missing(&path).map_or(Ok(path), Err),
        PathKind::Folder if path.is_file() => Err(format!(
            "“{text}” là một tệp, không phải thư mục. Hãy gõ đường dẫn của thư mục."
        )),
        _ => Ok(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_must_name_what_the_item_asks_for() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.sqlite");
        std::fs::write(&file, b"x").unwrap();
        let f = file.to_str().unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(
            checked(PathKind::Existing, &format!(" \"{f}\" ")),
            Ok(file.clone())
        );
        assert!(
            checked(PathKind::Existing, d)
                .unwrap_err()
                .contains("Không có tệp")
        );
        assert!(
            checked(PathKind::Existing, "  ")
                .unwrap_err()
                .contains("Hãy gõ")
        );
        assert_eq!(checked(PathKind::New, f), Ok(file.clone()));
        assert!(
            checked(PathKind::New, d)
                .unwrap_err()
                .contains("là một thư mục")
        );
        let nowhere = dir.path().join("khong-co").join("b.xlsx");
        let said = checked(PathKind::New, nowhere.to_str().unwrap()).unwrap_err();
        assert!(said.contains("Không có thư mục"), "{said}");
        assert!(
            checked(PathKind::Folder, f)
                .unwrap_err()
                .contains("là một tệp")
        );
        assert_eq!(checked(PathKind::Folder, d), Ok(dir.path().to_path_buf()));
    }
}
