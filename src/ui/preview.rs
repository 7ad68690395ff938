//! The print preview's pages: the document is read on the UI thread (fast), laid out once on a
//! worker thread by the very layout the PDF writer uses ([`ops::export::pages`]), and each
//! visible page is drawn with egui's painter in the embedded Liberation Serif faces the PDF
//! embeds, registered once as the "preview-…" font families.

use crate::domain::Year;
use crate::ops::export::{DocumentKind, document, document_fonts, pages};
use crate::ops::{self, OpsError};
use crate::report::fonts::{Faces, FontSet, FontStyle, LIBERATION_SERIF};
use crate::report::layout::{Item, Layout, Page, TextRun, Watermark};
use crate::store::Store;
use crate::ui::settings::Settings;
use egui::{Color32, FontFamily, FontId, Painter, Pos2, Rect, Stroke, pos2, vec2};
use std::sync::{Arc, Mutex};

/// egui points per PDF point at 100%: a page shown at its printed size (96 dpi over 72 points
/// an inch).
pub const REAL_SIZE: f32 = 96.0 / 72.0;

/// The egui font family drawing `style`.
pub fn family(style: FontStyle) -> FontFamily {
    FontFamily::Name(
        match style {
            FontStyle::Regular => "preview-regular",
            FontStyle::Bold => "preview-bold",
            FontStyle::Italic => "preview-italic",
            FontStyle::BoldItalic => "preview-bolditalic",
        }
        .into(),
    )
}

/// Registers the four Liberation Serif faces the PDF embeds as the preview's font families.
pub fn register_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    for (style, bytes) in FontStyle::ALL.into_iter().zip(LIBERATION_SERIF) {
        let FontFamily::Name(name) = family(style) else {
            continue;
        };
        ctx.add_font(FontInsert::new(
            &name,
            egui::FontData::from_static(bytes),
            vec![InsertFontFamily {
                family: family(style),
                priority: FontPriority::Highest,
            }],
        ));
    }
}

/// The laid-out document: its pages, and the faces they were measured with (a justified line's
/// words are placed by the same widths).
pub struct Laid {
    pub layout: Layout,
    fonts: FontSet,
}

impl Laid {
    /// The faces the pages were measured with.
    fn faces(&self) -> Option<&Faces> {
        self.fonts.faces().ok()
    }
}

type Outcome = Arc<Mutex<Option<Result<Laid, String>>>>;

/// A document being laid out on a worker thread.
pub struct PreviewJob {
    outcome: Outcome,
}

impl PreviewJob {
    /// Reads `kind` of `year` (nothing is written, not even a draft report) and starts laying
    /// it out with the fonts the export would use.
    pub fn start(
        store: &Store,
        year: Year,
        kind: DocumentKind,
        ctx: &egui::Context,
        settings: &Settings,
    ) -> Result<PreviewJob, OpsError> {
        let doc = document(store, year, kind, settings.print_options())?;
        let prefer_system_font = settings.use_system_font;
        let outcome: Outcome = Arc::default();
        let slot = outcome.clone();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("xem-truoc".to_owned())
            .spawn(move || {
                let fonts = document_fonts(prefer_system_font);
                let result = pages(&doc, &fonts)
                    .map(|layout| Laid { layout, fonts })
                    .map_err(|e| e.to_string());
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(result);
                }
                ctx.request_repaint();
            })
            .map_err(|e| {
                ops::OpsError::Invalid(format!("Không bắt đầu dàn trang để xem trước được ({e})."))
            })?;
        Ok(PreviewJob { outcome })
    }

    /// The pages once the worker has finished (once: the caller keeps them).
    pub fn finished(&self) -> Option<Result<Laid, String>> {
        self.outcome.lock().ok().and_then(|mut slot| slot.take())
    }
}

/// Draws `page` into `rect` (the page at `scale` egui points per PDF point): the white sheet
/// with its shadow, then what the PDF prints, in its order: the faint marks under the text, the
/// filled rectangles (a figure's gridlines and bars), the text runs, the rules.
pub fn paint_page(painter: &Painter, laid: &Laid, page: &Page, rect: Rect, scale: f32) {
    painter.rect_filled(
        rect.translate(vec2(3.0, 4.0)),
        0.0,
        Color32::from_black_alpha(60),
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    painter.rect_stroke(
        rect,
        0.0,
        Stroke::new(1.0, Color32::from_gray(170)),
        egui::StrokeKind::Outside,
    );
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let at = |x: f32, y: f32| rect.min + vec2(x, y) * scale;
    for mark in page.watermarks() {
        paint_watermark(&painter, mark, at(mark.x, mark.y), scale);
    }
    for fill in page.fills() {
        let r = fill.rect;
        let grey = (fill.grey.clamp(0.0, 1.0) * 255.0).round() as u8;
        // A hairline (a gridline) stays visible however small the page is drawn.
        let min = 0.6;
        let (mut w, mut h) = (r.width * scale, r.height * scale);
        let mut top_left = at(r.x, r.y);
        if w < min {
            top_left.x -= (min - w) / 2.0;
            w = min;
        }
        if h < min {
            top_left.y -= (min - h) / 2.0;
            h = min;
        }
        painter.rect_filled(
            Rect::from_min_size(top_left, vec2(w, h)),
            0.0,
            Color32::from_gray(grey),
        );
    }
    let faces = laid.faces();
    for run in page.texts() {
        paint_run(&painter, faces, run, &at, scale);
    }
    for item in &page.items {
        let Item::Rule(r) = item else { continue };
        let width = (r.thickness * scale).max(0.6);
        painter.line_segment(
            [at(r.x1, r.y1), at(r.x2, r.y2)],
            Stroke::new(width, Color32::BLACK),
        );
    }
}

/// A text run with its left end and baseline where the PDF puts them. A justified line is drawn
/// word by word, each word where the PDF's widened spaces put it.
fn paint_run(
    painter: &Painter,
    faces: Option<&Faces>,
    run: &TextRun,
    at: &dyn Fn(f32, f32) -> Pos2,
    scale: f32,
) {
    let font = FontId::new(run.size * scale, family(run.style));
    let (Some(faces), true) = (faces, run.word_spacing > 0.0) else {
        paint_text(painter, &run.text, &font, at(run.x, run.y));
        return;
    };
    let face = faces.get(run.style);
    let mut x = run.x;
    for piece in run.text.split_inclusive(' ') {
        let word = piece.trim_end_matches(' ');
        if !word.is_empty() {
            paint_text(painter, word, &font, at(x, run.y));
        }
        let spaces = piece.len() - word.len();
        x += face.text_width_pt(piece, run.size) + run.word_spacing * spaces as f32;
    }
}

/// `text` with its baseline starting at `baseline`.
fn paint_text(painter: &Painter, text: &str, font: &FontId, baseline: Pos2) {
    let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), Color32::BLACK);
    let above = first_baseline(&galley);
    painter.galley(pos2(baseline.x, baseline.y - above), galley, Color32::BLACK);
}

/// The faint mark set at its angle, turning about the start of its baseline as the PDF does.
fn paint_watermark(painter: &Painter, mark: &Watermark, start: Pos2, scale: f32) {
    let grey = (mark.grey.clamp(0.0, 1.0) * 255.0).round() as u8;
    let colour = Color32::from_gray(grey);
    let font = FontId::new(mark.size * scale, family(mark.style));
    let galley = painter.layout_no_wrap(mark.text.clone(), font, colour);
    let above = first_baseline(&galley);
    // The PDF turns counter-clockwise with y up; egui turns clockwise with y down.
    let angle = -mark.angle.to_radians();
    let top_left = start + egui::emath::Rot2::from_angle(angle) * vec2(0.0, -above);
    painter.add(egui::epaint::TextShape::new(top_left, galley, colour).with_angle(angle));
}

/// How far below the galley's top its first baseline is.
fn first_baseline(galley: &egui::Galley) -> f32 {
    galley
        .rows
        .first()
        .and_then(|row| row.glyphs.first().map(|g| row.pos.y + g.pos.y))
        .unwrap_or(0.0)
}

/// What the preview shows the document as, for its title ("Xem trước báo cáo năm 2020").
pub fn title(kind: DocumentKind, year: Year) -> String {
    format!("Xem trước {}", kind.of_year(year))
}
