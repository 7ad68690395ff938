//! Shared widgets: a labelled text row, a form field that commits on Enter or when it loses
//! focus, a form of such fields over one record, and the one date field used wherever a date is
//! entered (typed dd/mm/yyyy, checked, with a small calendar in Vietnamese).

use crate::text::date::{format_date, month_name, parse_date, weekday_short};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, RichText};
use std::collections::HashMap;

/// The spreadsheet cell's exit, where the tabs have always found it.
pub use super::cell::{CellExit, cell_exit};

pub const ERROR_COLOR: Color32 = Color32::from_rgb(180, 0, 0);
/// Amber for what deserves a look but does not stop the user (a warning before an export).
pub const WARNING_COLOR: Color32 = Color32::from_rgb(150, 90, 0);

/// A grid row: a label and a single-line text field named by it (for screen readers and tests).
pub fn text_row_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
) -> egui::Response {
    let label = ui.label(label);
    let output = egui::TextEdit::singleline(value)
        .hint_text(hint)
        .desired_width(340.0)
        .show(ui);
    // These rows hold proposals (the year after, the current name): typing replaces them.
    let response = select_all_on_focus(ui, output).labelled_by(label.id);
    ui.end_row();
    response
}

/// Selects a field's whole text when it takes the keyboard, so that typing replaces a proposed
/// value instead of appending to it ("2021" + "2022" = "20212022").
pub fn select_all_on_focus(
    ui: &egui::Ui,
    output: egui::text_edit::TextEditOutput,
) -> egui::Response {
    let response = output.response.response;
    if response.gained_focus() {
        let mut state = output.state;
        let all = egui::text::CCursorRange::select_all(&output.galley);
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), response.id);
    }
    response
}

/// "Tìm:" and the search text, named by that label (for screen readers and tests).
pub fn search_field_ui(ui: &mut egui::Ui, search: &mut String, hint: &str) {
    let label = ui.label("Tìm:");
    ui.add(
        egui::TextEdit::singleline(search)
            .hint_text(hint)
            .desired_width(200.0),
    )
    .labelled_by(label.id);
}

/// Why what the user asked for was refused, in red under the form.
pub fn error_label_ui(ui: &mut egui::Ui, error: &str) {
    ui.label(RichText::new(error).color(ERROR_COLOR));
}

/// A form's two-column grid: labels at least `label_width` wide, then their fields.
pub fn form_grid_ui<R>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    label_width: f32,
    add_rows: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing([10.0, 6.0])
        .min_col_width(label_width)
        .show(ui, add_rows)
        .inner
}

/// The state of a form field that is edited in a buffer and committed as one edit.
#[derive(Debug, Default, Clone)]
pub struct FieldBuffer {
    /// What is being typed, while the field has focus; `None` shows the stored value.
    pub editing: Option<String>,
    /// The refusal of the last committed value, shown under the field in red.
    pub error: Option<String>,
}

/// A labelled single- or multi-line field inside a two-column grid. Returns the new text when
/// the user commits it (Enter on a single line, or leaving the field) and it differs from
/// `stored`. Esc puts the stored value back.
pub fn form_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    stored: &str,
    buffer: &mut FieldBuffer,
    multiline: bool,
    enabled: bool,
) -> Option<String> {
    form_field_hinted_ui(ui, label, "", stored, buffer, multiline, enabled)
}

/// [`form_field_ui`] with a grey `hint` shown while the field is empty (never stored).
pub fn form_field_hinted_ui(
    ui: &mut egui::Ui,
    label: &str,
    hint: &str,
    stored: &str,
    buffer: &mut FieldBuffer,
    multiline: bool,
    enabled: bool,
) -> Option<String> {
    let label_response = ui.label(label);
    let mut committed = None;
    ui.vertical(|ui| {
        let mut text = buffer.editing.clone().unwrap_or_else(|| stored.to_owned());
        let edit = if multiline {
            egui::TextEdit::multiline(&mut text)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
        } else {
            egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY)
        }
        .hint_text(hint);
        let response = ui.add_enabled(enabled, edit).labelled_by(label_response.id);
        if response.has_focus() || response.changed() {
            buffer.editing = Some(text.clone());
        }
        if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            buffer.editing = None;
            buffer.error = None;
            response.surrender_focus();
        } else if response.lost_focus()
            && let Some(t) = buffer.editing.take()
            && t != stored
        {
            committed = Some(t);
        }
        if let Some(e) = &buffer.error {
            ui.label(RichText::new(e).color(ERROR_COLOR).small());
        }
    });
    ui.end_row();
    committed
}

/// The buffers of a panel's form fields, by the fields' keys.
pub type FieldBuffers = HashMap<String, FieldBuffer>;

/// One text field of a record `T` in a form: its buffer's key, its label, and how to read and
/// write it in the record. A form is a list of these drawn by [`text_fields_ui`].
pub struct TextField<'a, T> {
    pub key: &'static str,
    pub label: &'a str,
    pub multiline: bool,
    pub get: fn(&T) -> &str,
    pub set: fn(&mut T, String),
}

impl<'a, T> TextField<'a, T> {
    /// A single-line field.
    pub fn new(
        key: &'static str,
        label: &'a str,
        get: fn(&T) -> &str,
        set: fn(&mut T, String),
    ) -> Self {
        TextField {
            key,
            label,
            multiline: false,
            get,
            set,
        }
    }

    /// The same field on several lines.
    pub fn multiline(self) -> Self {
        TextField {
            multiline: true,
            ..self
        }
    }
}

/// Draws `fields` of `record` as rows of a two-column grid. Returns the record with the field
/// the user committed this frame set, for the caller to save as one edit.
pub fn text_fields_ui<T: Clone>(
    ui: &mut egui::Ui,
    fields: &[TextField<'_, T>],
    record: &T,
    buffers: &mut FieldBuffers,
    enabled: bool,
) -> Option<T> {
    let mut changed = None;
    for field in fields {
        let buffer = buffers.entry(field.key.to_owned()).or_default();
        let stored = (field.get)(record);
        if let Some(v) = form_field_ui(ui, field.label, stored, buffer, field.multiline, enabled) {
            let mut edited = record.clone();
            (field.set)(&mut edited, v);
            changed = Some(edited);
        }
    }
    changed
}

/// A labelled multi-line field laid out on its own (label above, full width), committed when
/// the user leaves it. Returns the new text when it differs from `stored`.
pub fn text_area_ui(
    ui: &mut egui::Ui,
    label: &str,
    stored: &str,
    buffer: &mut FieldBuffer,
    rows: usize,
    enabled: bool,
) -> Option<String> {
    let label_response = ui.label(label);
    let mut text = buffer.editing.clone().unwrap_or_else(|| stored.to_owned());
    let response = ui
        .add_enabled(
            enabled,
            egui::TextEdit::multiline(&mut text)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label_response.id);
    if response.has_focus() || response.changed() {
        buffer.editing = Some(text);
    }
    let mut committed = None;
    if response.lost_focus()
        && let Some(t) = buffer.editing.take()
        && t != stored
    {
        committed = Some(t);
    }
    committed
}

/// The date field's own state: the text being typed and whether the calendar is open.
#[derive(Debug, Default, Clone)]
pub struct DateBuffer {
    pub field: FieldBuffer,
    pub calendar_open: bool,
    /// The month shown by the calendar.
    pub month: Option<NaiveDate>,
}

/// The width of `text` on one line at the body size.
pub fn text_width(ui: &egui::Ui, text: egui::RichText) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x
}

/// A date typed as dd/mm/yyyy, or picked from a Vietnamese calendar. Returns the new date when
/// the user commits a valid one (`Some(None)` when the field was emptied); a refused text keeps
/// the stored date and shows why under the field.
pub fn date_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    stored: Option<NaiveDate>,
    buffer: &mut DateBuffer,
    enabled: bool,
) -> Option<Option<NaiveDate>> {
    let label_response = ui.label(label);
    let mut result = None;
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            let shown = stored.map(format_date).unwrap_or_default();
            let mut text = buffer
                .field
                .editing
                .clone()
                .unwrap_or_else(|| shown.clone());
            // Wide enough for its hint at any text size (and for the date typed).
            let hint = "ngày/tháng/năm";
            let width = text_width(ui, egui::RichText::new(hint)) + 24.0;
            let response = ui
                .add_enabled(
                    enabled,
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(hint)
                        .desired_width(width.max(120.0)),
                )
                .labelled_by(label_response.id);
            if response.has_focus() || response.changed() {
                buffer.field.editing = Some(text.clone());
            }
            if response.lost_focus()
                && let Some(t) = buffer.field.editing.take()
            {
                if t.trim().is_empty() {
                    buffer.field.error = None;
                    if stored.is_some() {
                        result = Some(None);
                    }
                } else {
                    match parse_date(&t) {
                        Ok(d) => {
                            buffer.field.error = None;
                            if Some(d) != stored {
                                result = Some(Some(d));
                            }
                        }
                        Err(e) => {
                            buffer.field.error = Some(e.to_string());
                            buffer.field.editing = Some(t);
                        }
                    }
                }
            }
            if ui
                .add_enabled(enabled, egui::Button::new("Lịch"))
                .on_hover_text("Chọn ngày trên lịch")
                .clicked()
            {
                buffer.calendar_open = !buffer.calendar_open;
                buffer.month = stored.or_else(|| Some(chrono::Local::now().date_naive()));
            }
        });
        if let Some(e) = &buffer.field.error {
            ui.label(RichText::new(e).color(ERROR_COLOR).small());
        }
        if buffer.calendar_open
            && enabled
            && let Some(picked) = calendar_ui(ui, stored, buffer)
        {
            buffer.calendar_open = false;
            buffer.field = FieldBuffer::default();
            if Some(picked) != stored {
                result = Some(Some(picked));
            }
        }
    });
    ui.end_row();
    result
}

/// A month grid with Vietnamese month and weekday names (weeks start on Monday, as in Vietnam).
fn calendar_ui(
    ui: &mut egui::Ui,
    selected: Option<NaiveDate>,
    buffer: &mut DateBuffer,
) -> Option<NaiveDate> {
    let today = chrono::Local::now().date_naive();
    let month = buffer.month.unwrap_or(today);
    let first = NaiveDate::from_ymd_opt(month.year(), month.month(), 1)?;
    let mut picked = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui.button("‹").on_hover_text("Tháng trước").clicked() {
                buffer.month = first.checked_sub_months(chrono::Months::new(1));
            }
            ui.label(
                RichText::new(format!(
                    "{} năm {}",
                    month_name(first.month()),
                    first.year()
                ))
                .strong(),
            );
            if ui.button("›").on_hover_text("Tháng sau").clicked() {
                buffer.month = first.checked_add_months(chrono::Months::new(1));
            }
        });
        egui::Grid::new(ui.scope_id().with("calendar"))
            .spacing([4.0, 2.0])
            .show(ui, |ui| {
                for w in [
                    chrono::Weekday::Mon,
                    chrono::Weekday::Tue,
                    chrono::Weekday::Wed,
                    chrono::Weekday::Thu,
                    chrono::Weekday::Fri,
                    chrono::Weekday::Sat,
                    chrono::Weekday::Sun,
                ] {
                    ui.label(RichText::new(weekday_short(w)).small());
                }
                ui.end_row();
                let offset = first.weekday().num_days_from_monday();
                for _ in 0..offset {
                    ui.label("");
                }
                let mut day = first;
                let mut column = offset;
                while day.month() == first.month() {
                    let text = RichText::new(format!("{:>2}", day.day()));
                    let text = if day == today { text.underline() } else { text };
                    if ui.selectable_label(Some(day) == selected, text).clicked() {
                        picked = Some(day);
                    }
                    column += 1;
                    if column == 7 {
                        column = 0;
                        ui.end_row();
                    }
                    match day.succ_opt() {
                        Some(d) => day = d,
                        None => break,
                    }
                }
            });
    });
    picked
}
