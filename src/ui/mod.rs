//! The window: the app shell (`app`: frame, action queue), the open file (`session`), the menu
//! and status bar (`menu`), the dialogs (`dialogs`), the settings, and one module per tab.
//! Drawing collects [`app::Action`]s; they are applied after the frame, each as one
//! transaction, so drawing never writes to the database halfway through a frame.

pub mod app;
mod awards_tab;
mod cell;
mod charts;
mod dialogs;
mod export;
mod files;
mod handover_tab;
mod indicator_history;
mod indicators_tab;
mod members_tab;
mod menu;
mod paste;
mod preview;
mod report_tab;
mod scoring_tab;
pub mod session;
mod settings;
mod todo;
pub mod widgets;

pub use app::App;

use std::path::PathBuf;
use std::process::ExitCode;

/// The name eframe gives the window (its X11 class and the key of its saved state).
pub const APP_ID: &str = "khoi-thi-dua";

/// Noto Sans, which covers every Vietnamese letter; egui's own fonts lack most of them.
const UI_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const UI_FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Name of the bold font family, for headings.
pub const BOLD: &str = "bold";

/// Installs the embedded fonts at the highest priority and the light theme with comfortable
/// sizes. Used by the window and by the UI tests alike, so both draw the same glyphs.
pub fn setup_context(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    use egui::{FontData, FontFamily};
    ctx.add_font(FontInsert::new(
        "noto-sans",
        FontData::from_static(UI_FONT),
        vec![
            InsertFontFamily {
                family: FontFamily::Proportional,
                priority: FontPriority::Highest,
            },
            InsertFontFamily {
                family: FontFamily::Monospace,
                priority: FontPriority::Lowest,
            },
        ],
    ));
    ctx.add_font(FontInsert::new(
        "noto-sans-bold",
        FontData::from_static(UI_FONT_BOLD),
        vec![InsertFontFamily {
            family: FontFamily::Name(BOLD.into()),
            priority: FontPriority::Highest,
        }],
    ));
    preview::register_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(12.0)),
            (TextStyle::Body, FontId::proportional(15.0)),
            (TextStyle::Button, FontId::proportional(15.0)),
            (
                TextStyle::Heading,
                FontId::new(20.0, FontFamily::Name(BOLD.into())),
            ),
            (TextStyle::Monospace, FontId::monospace(14.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
    ctx.style_mut_of(egui::Theme::Light, readable_light);
}

/// Locked text and check marks readable in the light theme: egui fades a disabled widget to
/// half and weak text to 60 %, about 3:1 against the background, under WCAG's 4,5:1 for text
/// (the unit test below measures the colours set here).
fn readable_light(style: &mut egui::Style) {
    style.visuals.disabled_alpha = 0.8;
    style.visuals.weak_text_color = Some(egui::Color32::from_gray(100));
}

/// Set to measure the start: the times to the window's set-up, the file read and the first
/// paint are printed on stderr; set to "exit", the window also closes once painted (so a
/// benchmark can time whole runs). See BENCHMARKS.md.
const STARTUP_LOG: &str = "KHOI_THI_DUA_STARTUP_LOG";

/// The app with the start timed: what each step of the start took, as [`STARTUP_LOG`] asks.
struct Timed {
    app: App,
    started: std::time::Instant,
    marks: Vec<(&'static str, std::time::Duration)>,
    exit: bool,
    frames: u32,
}

impl Timed {
    fn mark(&mut self, what: &'static str) {
        self.marks.push((what, self.started.elapsed()));
    }
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frames += 1;
        match self.frames {
            // The first frame drawn here is painted after this returns: the second one's start
            // is when the user first saw the window's content.
            1 => ui.ctx().request_repaint(),
            2 => {
                self.mark("vẽ xong khung hình đầu tiên");
                for (what, at) in &self.marks {
                    eprintln!("khởi động: {:>7.1} ms  {what}", at.as_secs_f64() * 1000.0);
                }
                if self.exit {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            _ => {}
        }
        eframe::App::ui(&mut self.app, ui, frame);
    }
}

/// The window's options: glow, and its own state (size, position, column widths) in the
/// program's data folder too, so KHOI_THI_DUA_DATA_DIR moves everything the program writes.
fn native_options(
    viewport: egui::ViewportBuilder,
    data_dir: Option<&std::path::Path>,
) -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        persistence_path: data_dir.map(|d| d.join("cua-so")),
        ..Default::default()
    }
}

/// Opens the window on `db`, or on the default database in the data folder.
pub fn run(db: Option<PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let timing = std::env::var(STARTUP_LOG).ok();
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Khối thi đua")
        .with_app_id(APP_ID)
        .with_inner_size([1200.0, 760.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let data_dir = crate::paths::data_dir();
    let options = native_options(viewport, data_dir.as_deref());
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let gl_ready = started.elapsed();
            setup_context(&cc.egui_ctx);
            let app = App::new(data_dir, db);
            let Some(timing) = timing else {
                return Ok(Box::new(app));
            };
            let mut timed = Timed {
                app,
                started,
                marks: vec![("cửa sổ và OpenGL sẵn sàng", gl_ready)],
                exit: timing == "exit",
                frames: 0,
            };
            timed.mark("đã đọc tệp dữ liệu");
            Ok(Box::new(timed))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "Lỗi: không mở được cửa sổ chương trình ({e}). Hãy cập nhật trình điều khiển card đồ họa."
            );
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    /// The window's state is written under the data folder given, never elsewhere.
    #[test]
    fn the_window_state_lives_in_the_data_folder() {
        let dir = std::path::Path::new("thu-muc-du-lieu");
        let options = super::native_options(egui::ViewportBuilder::default(), Some(dir));
        assert_eq!(options.persistence_path, Some(dir.join("cua-so")));
    }
}

#[cfg(test)]
mod contrast_tests {
    use egui::{Color32, Rgba};

    /// WCAG 2 contrast ratio of two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let c = Rgba::from(c);
            0.2126 * c.r() + 0.7152 * c.g() + 0.0722 * c.b()
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// `fg` faded to `alpha` (as egui draws a disabled widget) over the opaque `bg`.
    fn faded(fg: Color32, alpha: f32, bg: Color32) -> Color32 {
        let mix = |f: u8, b: u8| (f as f32 * alpha + b as f32 * (1.0 - alpha)).round() as u8;
        Color32::from_rgb(
            mix(fg.r(), bg.r()),
            mix(fg.g(), bg.g()),
            mix(fg.b(), bg.b()),
        )
    }

    fn light_visuals() -> egui::Visuals {
        let ctx = egui::Context::default();
        super::setup_context(&ctx);
        ctx.style_of(egui::Theme::Light).visuals.clone()
    }

    #[test]
    fn locked_text_and_check_marks_reach_4_5_to_1_in_the_light_theme() {
        let v = light_visuals();
        let a = v.disabled_alpha();
        let w = &v.widgets;
        let backgrounds = [v.panel_fill, v.window_fill, v.extreme_bg_color];
        for bg in backgrounds {
            // A locked label or field, and a locked button's text on its own faded fill.
            let text = faded(v.text_color(), a, bg);
            assert!(contrast(text, bg) >= 4.5, "locked text on {bg:?}");
            let button_bg = faded(w.inactive.weak_bg_fill, a, bg);
            let button_text = faded(w.inactive.text_color(), a, bg);
            assert!(
                contrast(button_text, button_bg) >= 4.5,
                "locked button on {bg:?}"
            );
            // A check mark in its box, enabled and locked.
            let mark = w.inactive.fg_stroke.color;
            assert!(contrast(mark, w.inactive.bg_fill) >= 4.5, "check mark");
            let locked_box = faded(w.inactive.bg_fill, a, bg);
            assert!(
                contrast(faded(mark, a, bg), locked_box) >= 4.5,
                "locked check mark"
            );
            // Weak text (hints under a table, empty cells).
            assert!(
                contrast(v.weak_text_color(), bg) >= 4.5,
                "weak text on {bg:?}"
            );
        }
    }

    #[test]
    fn the_measure_fails_egui_defaults() {
        // The test can fail: egui's own light theme fades locked text below 4,5:1.
        let v = egui::Visuals::light();
        let bg = v.panel_fill;
        assert!(contrast(faded(v.text_color(), v.disabled_alpha(), bg), bg) < 4.5);
        assert!(contrast(Color32::BLACK, Color32::WHITE) > 20.9);
    }
}
