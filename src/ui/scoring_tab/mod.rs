//! The "Chấm điểm" tab: the year's score sheet down the side, the members across by short name,
//! one stage at a time (Tự chấm / Khối chấm / Thống nhất), entered like the Chỉ tiêu tab (Tab
//! and Enter move on, Esc cancels, a refused value stays in the cell with the reason under it);
//! group subtotals and totals follow every edit. Beside it: the selected member's whole sheet,
//! the ranking, and the scheme's editor (`scheme`).
//!
//! Totals and ranks are derived once per change of the data (`Derived`), never per frame; a
//! score edit patches the year in memory instead of reading it again (see `YearView`).

mod cells;
mod panels;
mod scheme;

use super::app::Action;
use super::session::YearView;
use crate::domain::MemberId;
use crate::domain::charts::score_bars;
use crate::domain::scoring::{
    CriterionId, Inputs, Ranking, Scheme, ScoreIndex, Stage, Totals, compute, rank, template_scheme,
};
use crate::edit::Edit;
use egui::RichText;

/// What the tab shows, derived from the year's scoring once per change.
pub(crate) struct Derived {
    generation: u64,
    pub members: Vec<MemberId>,
    /// The criteria in reading order: (depth, index in `scheme.criteria`, is a leaf).
    pub rows: Vec<(usize, usize, bool)>,
    pub totals: Vec<Totals>,
    pub ranking: Ranking,
    pub index: ScoreIndex,
    /// The ranked members' final totals as bars, in rank order (empty when nobody is ranked).
    pub chart: Vec<crate::ui::charts::ChartBar>,
}

impl Derived {
    fn new(view: &YearView, scheme: &Scheme) -> Derived {
        let members: Vec<MemberId> = view.members_in_year().iter().map(|m| m.id).collect();
        let scoring = &view.data.scoring;
        let totals = compute(scheme, &members, &scoring.scores, Inputs::of(&view.data));
        let ranking = rank(scheme, &totals);
        let position: std::collections::HashMap<CriterionId, usize> = scheme
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let rows = scheme
            .in_order()
            .into_iter()
            .filter_map(|(depth, c)| {
                position
                    .get(&c.id)
                    .map(|&i| (depth, i, !scheme.has_children(c.id)))
            })
            .collect();
        let chart =
            crate::ui::charts::score_bars(&score_bars(scheme, &ranking), |m| view.short_name(m));
        Derived {
            chart,
            generation: view.generation,
            members,
            rows,
            totals,
            ranking,
            index: ScoreIndex::new(&scoring.scores),
        }
    }
}

#[derive(Default)]
pub struct ScoringTab {
    pub(crate) stage: StageChoice,
    /// With cross-scoring, at the bloc's stage: the member whose scores of the others are shown
    /// and typed (`None`: the bloc's own appraisal, and the averages).
    pub(crate) scorer: Option<MemberId>,
    derived: Option<Derived>,
    cells: cells::CellState,
    panels: panels::PanelState,
    editor: scheme::SchemeEditor,
}

/// The stage shown, `Tự chấm` first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StageChoice(pub Stage);

impl Default for StageChoice {
    fn default() -> Self {
        StageChoice(Stage::SelfScore)
    }
}

impl ScoringTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        let locked = view.locked();
        let Some(scheme) = view.data.scoring.scheme.as_ref() else {
            no_scheme_ui(ui, year, locked, actions);
            return;
        };
        if self
            .derived
            .as_ref()
            .is_none_or(|d| d.generation != view.generation)
        {
            self.derived = Some(Derived::new(view, scheme));
        }
        self.toolbar_ui(ui, view, scheme, locked, actions);
        let Some(derived) = &self.derived else { return };
        if self.editor.open {
            egui::Panel::left("scheme-editor")
                .resizable(true)
                .default_size(380.0)
                .show(ui, |ui| self.editor.ui(ui, year, scheme, locked, actions));
        }
        egui::Panel::right("member-sheet")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                // A margin on the window's side, so the last column does not touch its edge.
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        right: 8,
                        ..Default::default()
                    })
                    .show(ui, |ui| {
                        self.panels.member_ui(
                            ui,
                            view,
                            scheme,
                            derived,
                            &self.cells,
                            locked,
                            actions,
                        )
                    })
                    .inner
            });
        // On a low screen (1024×600) the ranking leaves the score table at least half the room.
        let room = ui.available_height();
        // With its chart, the ranking is given the chart's height if the screen allows.
        let charted = self.panels.chart_open && !derived.chart.is_empty();
        let least = if charted {
            (crate::ui::charts::CHART_HEIGHT + 80.0).min(room * 0.6)
        } else {
            0.0
        };
        egui::Panel::bottom("ranking")
            .resizable(true)
            .default_size(220.0_f32.min(room * 0.4))
            .min_size(least)
            .max_size((room * if charted { 0.6 } else { 0.5 }).max(120.0))
            .show(ui, |ui| self.panels.ranking_ui(ui, view, scheme, derived));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let stage = self.stage.0;
            self.cells.table_ui(
                ui,
                view,
                scheme,
                derived,
                stage,
                self.scorer,
                locked,
                &mut self.panels,
                actions,
            );
        });
    }

    fn toolbar_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        ui.horizontal(|ui| {
            ui.label("Giai đoạn:");
            for stage in Stage::ALL {
                ui.selectable_value(&mut self.stage, StageChoice(stage), stage.label());
            }
            if scheme.cross_scoring && self.stage.0 == Stage::Bloc {
                self.scorer_ui(ui, view);
            }
            ui.separator();
            let label = if self.editor.open {
                "Đóng phần sửa bảng điểm"
            } else {
                "Sửa bảng điểm…"
            };
            if ui.button(label).clicked() {
                self.editor.open = !self.editor.open;
            }
            if ui
                .add_enabled(!locked, egui::Button::new("Chép bảng điểm năm trước"))
                .on_hover_text(format!(
                    "Thay bảng điểm năm {year} bằng bảng điểm năm {} (không chép điểm; hoàn tác bằng Ctrl+Z)",
                    year - 1
                ))
                .clicked()
            {
                actions.push(Action::Edit(Edit::CopyPreviousScheme(year)));
            }
            if ui.button("Xuất PDF…").clicked() {
                self.panels.export_menu_open = !self.panels.export_menu_open;
            }
        });
        if self.panels.export_menu_open {
            self.panels.export_ui(ui, actions);
        }
        ui.label(RichText::new(&scheme.name).strong());
        if scheme.template {
            egui::Frame::new()
                .fill(egui::Color32::from_rgb(255, 243, 205))
                .inner_margin(4.0)
                .show(ui, |ui| {
                    ui.label("Đây là bảng điểm mẫu của chương trình: tên mục, điểm chuẩn, mức xếp loại và cách xếp hạng chỉ là gợi ý. Hãy sửa theo hướng dẫn chấm điểm Khối đã thống nhất (Sửa bảng điểm…), rồi bỏ dấu “Bảng điểm mẫu”.");
                });
        }
        ui.label(
            RichText::new(
                "Bấm vào một ô để chấm; Tab sang đơn vị kế tiếp, Enter xuống mục kế tiếp, Esc để hủy. Điểm thưởng, điểm trừ có thể gõ theo số lần: “2 lần”. Ô in nghiêng được tính từ chỉ tiêu hoặc từ danh hiệu đã nhận năm trước; ô nhạt lấy từ giai đoạn trước.",
            )
            .small()
            .weak(),
        );
    }
}

impl ScoringTab {
    /// Chấm chéo: whose scores the table shows, the bloc's appraisal (with the averages) or one
    /// member's scores of the others.
    fn scorer_ui(&mut self, ui: &mut egui::Ui, view: &YearView) {
        const BLOC: &str = "Cả Khối (trung bình chấm chéo)";
        let label = ui.label("Chấm chéo:");
        let shown = self.scorer.map_or(BLOC.to_owned(), |m| {
            format!("{} chấm các đơn vị khác", view.short_name(m))
        });
        egui::ComboBox::from_id_salt("cross-scorer")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.scorer, None, BLOC);
                for m in view.members_in_year() {
                    let label = format!("{} chấm các đơn vị khác", m.short_name_in(view.year()));
                    ui.selectable_value(&mut self.scorer, Some(m.id), label);
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Mỗi đơn vị chấm các đơn vị khác; điểm khối chấm của một mục là trung bình điểm các đơn vị khác chấm, không tính điểm đơn vị tự chấm.");
    }
}

/// The year has no score sheet yet: adopt the template or copy last year's.
fn no_scheme_ui(ui: &mut egui::Ui, year: i32, locked: bool, actions: &mut Vec<Action>) {
    ui.add_space(20.0);
    ui.heading(format!("Năm {year} chưa có bảng điểm"));
    ui.label("Mỗi năm Khối thống nhất một hướng dẫn chấm điểm. Bắt đầu từ bảng điểm mẫu rồi sửa theo hướng dẫn của Khối, hoặc chép bảng điểm năm trước.");
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!locked, egui::Button::new("Áp dụng bảng điểm mẫu"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::SetScheme {
                year,
                scheme: Some(template_scheme(year)),
            }));
        }
        if ui
            .add_enabled(!locked, egui::Button::new("Chép bảng điểm năm trước"))
            .clicked()
        {
            actions.push(Action::Edit(Edit::CopyPreviousScheme(year)));
        }
    });
}
