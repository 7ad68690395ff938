//! The print preview ("Xem trước"): the document's pages as the PDF prints them, with zoom
//! (Vừa trang, 100%, − and +), paging ("Trang trước", "Trang sau", "Trang 2/5") and scrolling,
//! "Xuất…" on to the export dialog of the same document, and "Đóng". Only the pages in view are
//! drawn.

use super::Choice;
use crate::domain::Year;
use crate::ops::export::DocumentKind;
use crate::text::number::format_number;
use crate::ui::app::Action;
use crate::ui::preview::{Laid, PreviewJob, REAL_SIZE, paint_page, title};
use crate::ui::widgets::ERROR_COLOR;
use egui::{Rect, vec2};

/// The zoom steps of − and +, as shares of the printed size.
const ZOOM_STEPS: [f32; 10] = [0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0];
/// Space around and between the pages, in egui points.
const GAP: f32 = 16.0;

enum State {
    Laying(PreviewJob),
    Ready(Box<Laid>),
    Failed(String),
}

pub struct PreviewDialog {
    kind: DocumentKind,
    year: Year,
    state: State,
    /// The zoom as a share of the printed size; `None`: the whole page fits the view.
    zoom: Option<f32>,
    /// The page shown at the top of the view (0-based).
    page: usize,
    /// A page to scroll to on the next frame (after paging or zooming).
    jump: Option<usize>,
    /// The scale the last frame drew at, so that − and + step from what is shown.
    shown_scale: f32,
}

impl PreviewDialog {
    pub fn new(kind: DocumentKind, year: Year, job: PreviewJob) -> PreviewDialog {
        PreviewDialog {
            kind,
            year,
            state: State::Laying(job),
            zoom: None,
            page: 0,
            jump: None,
            shown_scale: REAL_SIZE,
        }
    }

    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        if let State::Laying(job) = &self.state
            && let Some(result) = job.finished()
        {
            self.state = match result {
                Ok(laid) => State::Ready(Box::new(laid)),
                Err(e) => State::Failed(e),
            };
        }
        let mut choice = None;
        let screen = ctx.content_rect();
        let response = egui::Modal::new(egui::Id::unique("preview")).show(ctx, |ui| {
            ui.set_width((screen.width() - 80.0).max(320.0));
            ui.set_height((screen.height() - 100.0).max(240.0));
            ui.horizontal(|ui| {
                ui.heading(title(self.kind, self.year));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Đóng").clicked() {
                        choice = Some(Choice::Close);
                    }
                    if ui.button("Xuất…").clicked() {
                        choice = Some(Choice::Do(Action::ExportPdfDialog(self.kind)));
                    }
                });
            });
            if let Some(other) =
                super::export::document_choice_ui(ui, "preview-document", self.kind)
            {
                choice = Some(Choice::Do(Action::Preview(other)));
            }
            match &self.state {
                State::Laying(_) => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Đang dàn trang…");
                    });
                }
                State::Failed(e) => {
                    ui.colored_label(ERROR_COLOR, e.as_str());
                }
                State::Ready(_) => {
                    self.toolbar_ui(ui);
                    ui.separator();
                    self.pages_ui(ui);
                }
            }
        });
        if response.should_close() && choice.is_none() {
            choice = Some(Choice::Close);
        }
        choice
    }

    fn page_count(&self) -> usize {
        match &self.state {
            State::Ready(laid) => laid.layout.pages.len(),
            State::Laying(_) | State::Failed(_) => 0,
        }
    }

    /// Paging and zoom.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui) {
        let count = self.page_count();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.page > 0, egui::Button::new("Trang trước"))
                .clicked()
            {
                self.go_to(self.page.saturating_sub(1));
            }
            ui.label(format!(
                "Trang {}/{}",
                format_number((self.page + 1) as f64),
                format_number(count as f64)
            ));
            if ui
                .add_enabled(self.page + 1 < count, egui::Button::new("Trang sau"))
                .clicked()
            {
                self.go_to(self.page + 1);
            }
            ui.separator();
            let shown = self.shown_scale / REAL_SIZE;
            if ui.button("−").on_hover_text("Thu nhỏ").clicked() {
                let smaller = ZOOM_STEPS.iter().rev().find(|z| **z < shown - 0.01);
                self.set_zoom(Some(*smaller.unwrap_or(&ZOOM_STEPS[0])));
            }
            ui.label(format!(
                "Tỉ lệ {}%",
                format_number((shown * 100.0).round() as f64)
            ));
            if ui.button("+").on_hover_text("Phóng to").clicked() {
                let larger = ZOOM_STEPS.iter().find(|z| **z > shown + 0.01);
                self.set_zoom(Some(*larger.unwrap_or(&ZOOM_STEPS[ZOOM_STEPS.len() - 1])));
            }
            if ui
                .selectable_label(self.zoom.is_none(), "Vừa trang")
                .clicked()
            {
                self.set_zoom(None);
            }
            if ui
                .selectable_label(self.zoom == Some(1.0), "100%")
                .on_hover_text("Trang bằng khổ giấy in")
                .clicked()
            {
                self.set_zoom(Some(1.0));
            }
        });
    }

    fn go_to(&mut self, page: usize) {
        self.page = page;
        self.jump = Some(page);
    }

    /// Changes the zoom, keeping the page shown at the top of the view.
    fn set_zoom(&mut self, zoom: Option<f32>) {
        self.zoom = zoom;
        self.jump = Some(self.page);
    }

    /// The pages one under the other, centred, in a scrolling area; only those in view drawn.
    fn pages_ui(&mut self, ui: &mut egui::Ui) {
        let State::Ready(laid) = &self.state else {
            return;
        };
        let pages = &laid.layout.pages;
        let view = ui.available_size();
        let scale = match self.zoom {
            Some(z) => z * REAL_SIZE,
            None => {
                let page = pages.get(self.page).or(pages.first());
                page.map_or(REAL_SIZE, |p| {
                    ((view.x - 2.0 * GAP) / p.width)
                        .min((view.y - 2.0 * GAP) / p.height)
                        .max(0.05)
                })
            }
        };
        self.shown_scale = scale;
        // Each page's top, from the top of the scrolled content.
        let mut tops = Vec::with_capacity(pages.len());
        let mut y = GAP;
        let mut widest: f32 = 0.0;
        for p in pages {
            tops.push(y);
            y += p.height * scale + GAP;
            widest = widest.max(p.width * scale);
        }
        let mut area = egui::ScrollArea::both()
            .id_salt("preview-pages")
            .auto_shrink(false);
        let jump = self.jump.take();
        if let Some(page) = jump
            && let Some(top) = tops.get(page)
        {
            area = area.vertical_scroll_offset(top - GAP);
        }
        let shown = area.show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            // As wide as the view inside the scroll bars, or the widest page: no sideways
            // scrolling unless a page is wider than the view.
            let content = vec2((widest + 2.0 * GAP).max(viewport.width()), y);
            ui.allocate_space(content);
            let painter = ui.painter();
            for (page, top) in pages.iter().zip(&tops) {
                let size = vec2(page.width, page.height) * scale;
                let left = (content.x - size.x) / 2.0;
                let rect = Rect::from_min_size(egui::pos2(left, *top), size);
                if rect.intersects(viewport) {
                    paint_page(painter, laid, page, rect.translate(origin.to_vec2()), scale);
                }
            }
            viewport
        });
        // Once scrolled, the page across the top third of the view is the one "Trang …/…" names.
        if jump.is_none() {
            let mark = shown.inner.min.y + shown.inner.height() / 3.0;
            self.page = tops.iter().rposition(|t| *t <= mark).unwrap_or(0);
        }
    }
}
