//! The message dialogs: an error ("Không thực hiện được" and the sentence saying what went
//! wrong and what to do), an information with a title and lines (what a handover, a restore or
//! receiving a file did), and a question that names what will happen before it is done.

use super::Choice;
use crate::ui::app::Action;

/// "Không thực hiện được": why something could not be done.
pub struct ErrorDialog {
    pub message: String,
}

impl ErrorDialog {
    pub fn new(message: impl Into<String>) -> ErrorDialog {
        ErrorDialog {
            message: message.into(),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let lines = std::slice::from_ref(&self.message);
        message_ui(ctx, "error", 520.0, "Không thực hiện được", lines)
    }
}

/// A title and lines, closed with "Đóng".
pub struct InfoDialog {
    title: String,
    lines: Vec<String>,
}

impl InfoDialog {
    pub fn new(title: &str, lines: Vec<String>) -> InfoDialog {
        InfoDialog {
            title: title.to_owned(),
            lines,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        message_ui(ctx, "info", 640.0, &self.title, &self.lines)
    }
}

/// A question: a title, lines that say exactly what will happen, the button that does it and
/// "Hủy". Esc or a click outside cancels.
pub struct ConfirmDialog {
    title: String,
    lines: Vec<String>,
    confirm: String,
    action: Option<Box<Action>>,
}

impl ConfirmDialog {
    pub fn new(title: &str, lines: Vec<String>, confirm: &str, action: Action) -> ConfirmDialog {
        ConfirmDialog {
            title: title.to_owned(),
            lines,
            confirm: confirm.to_owned(),
            action: Some(Box::new(action)),
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("confirm")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(self.title.as_str());
            ui.add_space(6.0);
            for line in &self.lines {
                ui.label(line.as_str());
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(self.confirm.as_str()).clicked() {
                    choice = self.action.take().map(|a| Choice::Do(*a));
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

/// A heading, its lines and "Đóng"; Esc or a click outside closes it too.
fn message_ui(
    ctx: &egui::Context,
    id: &str,
    max_width: f32,
    title: &str,
    lines: &[String],
) -> Option<Choice> {
    let mut choice = None;
    let response = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(max_width);
        ui.heading(title);
        ui.add_space(6.0);
        for line in lines {
            ui.label(line.as_str());
        }
        ui.add_space(10.0);
        if ui.button("Đóng").clicked() {
            choice = Some(Choice::Close);
        }
    });
    if response.should_close() {
        choice = Some(Choice::Close);
    }
    choice
}
