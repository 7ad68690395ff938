//! The window as the UI tests drive it: built at a laptop's size with the program's own fonts
//! and style, and driven by the labels a user reads, as a person clicks and types.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, HarnessBuilder};
use khoi_thi_dua::store::Store;
use khoi_thi_dua::ui::App;

/// The program's window in the test harness.
pub type Window = Harness<'static, App>;

/// The harness builder every window test starts from.
pub fn builder() -> HarnessBuilder<App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(khoi_thi_dua::ui::setup_context)
}

/// The window `builder` makes, showing `app`.
pub fn build(builder: HarnessBuilder<App>, app: App) -> Window {
    builder.build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

/// The window showing `app`; a letter missing from the UI fonts fails the test.
pub fn window(app: App) -> Window {
    build(builder(), app)
}

/// The window showing `app`, drawing a box for a character none of its fonts has (emoji,
/// Arabic, Hebrew), as the real window does, where the harness's default would panic.
pub fn window_drawing_missing_glyphs(app: App) -> Window {
    build(builder().allow_missing_glyphs(), app)
}

/// The store of the file the window has open.
pub fn store(h: &Window) -> &Store {
    &h.state().session.as_ref().unwrap().store
}

/// Clicks what the user finds by `label`, and lets the window answer.
pub fn click(h: &mut Window, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

/// Scrolls a button into view, as a person would, and clicks it.
pub fn click_scrolled(h: &mut Window, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    click(h, label);
}

/// Clicks into the field a user finds by its label and types, as a person would.
pub fn type_into(h: &mut Window, label: &str, text: &str) {
    click(h, label);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Selects the whole text of a field and types over it.
pub fn replace_text(h: &mut Window, label: &str, text: &str) {
    click(h, label);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Runs frames until the background export has finished and its result is shown.
pub fn wait_for_export(h: &mut Window) {
    for _ in 0..400 {
        if !h.state().exporting() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        // A running export keeps asking for frames (its progress): step, do not wait to settle.
        h.run_steps(2);
    }
    assert!(!h.state().exporting(), "the export did not finish");
    h.run();
}
