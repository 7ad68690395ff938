//! Spreadsheet cells, shared by the Chỉ tiêu and Chấm điểm tables: a cell shown is one click
//! target over its whole area, empty or not, with a visible hover and focus; the editor that
//! opens in it selects its value (typing replaces it, as in Excel) and is left with Tab,
//! Shift+Tab, Enter (save and move) or Esc (forget the typing).

use egui::text::CCursorRange;
use egui::{Align2, Response, RichText, Sense, TextWrapMode, WidgetText};

use super::widgets::ERROR_COLOR;

/// How the user left a spreadsheet cell being edited (the Chỉ tiêu and Chấm điểm tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellExit {
    /// Tab: save and go to the next cell across.
    Next,
    /// Shift+Tab: save and go back one cell.
    Previous,
    /// Enter: save and go down.
    Down,
    /// Clicked elsewhere: save and stay.
    Stay,
    /// Esc: forget the typing.
    Cancel,
}

/// The way a cell's field that just lost focus was left, from the keys of this frame.
pub fn cell_exit(ui: &egui::Ui) -> CellExit {
    if let Some(tab) = tab_pressed(ui) {
        return tab;
    }
    ui.input(|i| {
        if i.key_pressed(egui::Key::Escape) {
            CellExit::Cancel
        } else if i.key_pressed(egui::Key::Enter) {
            CellExit::Down
        } else {
            CellExit::Stay
        }
    })
}

/// Tab (next) or Shift+Tab (previous) pressed this frame, read from the key event itself so that
/// the Shift held with it counts.
fn tab_pressed(ui: &egui::Ui) -> Option<CellExit> {
    ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Key {
                key: egui::Key::Tab,
                pressed: true,
                modifiers,
                ..
            } => Some(if modifiers.shift {
                CellExit::Previous
            } else {
                CellExit::Next
            }),
            _ => None,
        })
    })
}

/// Space between a cell's edge and its text.
const PADDING: f32 = 4.0;

/// A cell shown (not being edited): the whole cell answers a click, so an empty cell is as easy
/// to hit as a full one. `name` is what screen readers and tests call it; text too long for the
/// column ends in "…" and is shown whole on hover.
pub fn cell_button_ui(
    ui: &mut egui::Ui,
    text: RichText,
    name: &str,
    right: bool,
    selected: bool,
) -> Response {
    let full = text.text().to_owned();
    let (rect, mut response) = ui.allocate_exact_size(ui.available_size(), Sense::click());
    let enabled = ui.is_enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter();
    if selected || response.hovered() {
        painter.rect(
            rect.shrink(1.0),
            2.0,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    if response.has_focus() {
        painter.rect_stroke(
            rect.shrink(1.0),
            2.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let galley = WidgetText::from(text).into_galley(
        ui,
        Some(TextWrapMode::Truncate),
        (rect.width() - 2.0 * PADDING).max(0.0),
        egui::TextStyle::Body,
    );
    let align = if right {
        Align2::RIGHT_CENTER
    } else {
        Align2::LEFT_CENTER
    };
    let inner = rect.shrink2(egui::vec2(PADDING, 0.0));
    let pos = align.align_size_within_rect(galley.size(), inner).min;
    let elided = galley.elided;
    ui.painter().galley(pos, galley, visuals.text_color());
    if elided {
        response = response.on_hover_text(full);
    }
    response
}

/// The editor open in a cell: `focus` is set when the cell was just opened, so that it takes
/// the keyboard with its value selected. Returns the field and, once the user leaves it, how.
pub fn cell_editor_ui(
    ui: &mut egui::Ui,
    text: &mut String,
    right: bool,
    focus: &mut bool,
    error: Option<&str>,
) -> (Response, Option<CellExit>) {
    let inner = ui.vertical(|ui| {
        // Tab stays with the field (it would move egui's focus a frame late for Shift+Tab and
        // close the editor instead of moving back); the cell moves on itself.
        let mut output = egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .lock_focus(true)
            .align(if right {
                Align2::RIGHT_CENTER
            } else {
                Align2::LEFT_CENTER
            })
            .show(ui);
        let response = output.response.response;
        // A cell opened this frame has not been typed in: the Tab that opened it is not its own.
        let just_opened = *focus;
        if *focus {
            response.request_focus();
            output
                .state
                .cursor
                .set_char_range(Some(CCursorRange::select_all_str(text.as_str())));
            output.state.store(ui.ctx(), response.id);
            *focus = false;
        }
        if let Some(e) = error {
            ui.label(RichText::new(e).color(ERROR_COLOR).small());
        }
        let exit = if just_opened {
            None
        } else if response.has_focus() {
            tab_pressed(ui)
        } else if response.lost_focus() {
            Some(cell_exit(ui))
        } else {
            None
        };
        (response, exit)
    });
    inner.inner
}
