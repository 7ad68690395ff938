//! The window's modal dialogs. Each is a small type whose `ui` draws it and returns what the
//! user chose, if anything this frame; the shell turns the choice into an [`Action`] applied
//! after the frame, so no dialog writes anything while it is being drawn.

mod columns;
mod export;
mod guide;
mod import;
mod message;
mod new_bloc;
mod path;
mod preview;
mod restore;
mod rollup;
mod welcome;

pub use columns::ColumnsDialog;
pub use export::ExportDialog;
pub use guide::GuideDialog;
pub use import::ImportDialog;
pub use message::{ConfirmDialog, ErrorDialog, InfoDialog};
pub use new_bloc::NewBlocDialog;
pub use path::{PathDialog, PathKind, PathRequest};
pub use preview::PreviewDialog;
pub use restore::RestoreDialog;
pub use rollup::RollupDialog;
pub use welcome::WelcomeDialog;

use super::app::Action;
use super::settings::Settings;

/// What the user chose in a dialog.
// At most one a frame, moved straight into the action queue: boxing the action would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Choice {
    /// Close the dialog (Đóng, Hủy, Esc where the dialog allows it).
    Close,
    /// Do this; the action decides whether the dialog stays (to show a refusal) or goes.
    Do(Action),
}

/// The dialog shown over the window, if any.
pub enum Dialog {
    Error(ErrorDialog),
    Info(InfoDialog),
    Confirm(ConfirmDialog),
    Welcome(WelcomeDialog),
    Guide(GuideDialog),
    NewBloc(NewBlocDialog),
    Restore(RestoreDialog),
    Export(ExportDialog),
    Preview(PreviewDialog),
    Import(ImportDialog),
    Columns(ColumnsDialog),
    Rollup(RollupDialog),
    Path(PathDialog),
}

impl Dialog {
    /// An error, shown as its Vietnamese sentence.
    pub fn error(message: impl std::fmt::Display) -> Dialog {
        Dialog::Error(ErrorDialog::new(message.to_string()))
    }

    pub fn info(title: &str, lines: Vec<String>) -> Dialog {
        Dialog::Info(InfoDialog::new(title, lines))
    }

    /// Draws the dialog. `settings` holds the print settings the export dialog shows.
    pub fn ui(&mut self, ctx: &egui::Context, settings: &mut Settings) -> Option<Choice> {
        match self {
            Dialog::Error(d) => d.ui(ctx),
            Dialog::Info(d) => d.ui(ctx),
            Dialog::Confirm(d) => d.ui(ctx),
            Dialog::Welcome(d) => d.ui(ctx),
            Dialog::Guide(d) => d.ui(ctx),
            Dialog::NewBloc(d) => d.ui(ctx),
            Dialog::Restore(d) => d.ui(ctx),
            Dialog::Export(d) => d.ui(ctx, settings),
            Dialog::Preview(d) => d.ui(ctx),
            Dialog::Import(d) => d.ui(ctx),
            Dialog::Columns(d) => d.ui(ctx),
            Dialog::Rollup(d) => d.ui(ctx),
            Dialog::Path(d) => d.ui(ctx),
        }
    }
}
