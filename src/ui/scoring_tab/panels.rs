//! Beside the score table: the selected member's whole sheet (every criterion at every stage,
//! and the note and evidence of the selected cell), the ranking, and the score documents' export.

use super::cells::CellState;
use super::{Derived, YearView};
use crate::domain::MemberId;
use crate::domain::scoring::{Scheme, ScoreChange, Stage, format_score};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use crate::ui::app::Action;
use crate::ui::charts;
use crate::ui::widgets::{FieldBuffers, TextField, form_grid_ui, text_fields_ui};
use egui::{Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

#[derive(Default)]
pub(crate) struct PanelState {
    /// The member whose sheet is shown.
    pub member: Option<MemberId>,
    pub export_menu_open: bool,
    /// "Biểu đồ" beside the ranking's heading: the totals as bars over the table.
    pub chart_open: bool,
    buffers: FieldBuffers,
    /// The cell the note buffers belong to.
    buffers_for: Option<(MemberId, i64, Stage)>,
}

fn right(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        ui.label(text);
    });
}

impl PanelState {
    #[allow(clippy::too_many_arguments)]
    pub fn member_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        derived: &Derived,
        cells: &CellState,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let member = self
            .member
            .filter(|m| derived.members.contains(m))
            .or(derived.members.first().copied());
        let Some(member) = member else {
            ui.label("Năm này chưa có đơn vị thành viên.");
            return;
        };
        let Some(k) = derived.members.iter().position(|&m| m == member) else {
            return;
        };
        let t = &derived.totals[k];
        ui.heading("Bảng điểm của đơn vị");
        ui.label(RichText::new(view.member(member).map_or("", |m| m.full_name_in(year))).strong());
        let totals: Vec<String> = Stage::ALL
            .iter()
            .map(|&s| format!("{}: {}", s.label(), format_score(t.stage(s).total)))
            .collect();
        ui.label(totals.join(" · "));
        if !t.sent_self_score() {
            ui.label(RichText::new("Chưa gửi bảng tự chấm điểm: không xếp loại.").italics());
        }
        if let Some((m, c)) = cells.selected.filter(|(m, _)| *m == member)
            && let Some(criterion) = scheme.criterion(c)
        {
            ui.separator();
            self.note_ui(ui, view, derived, m, criterion, locked, actions);
        }
        ui.separator();
        let rows = &derived.rows;
        const TITLES: [&str; 5] = ["Tiêu chí", "Chuẩn", "Tự chấm", "Khối", "Th.nhất"];
        // The number columns are as wide as their titles at any text size.
        let widths: Vec<f32> = TITLES[1..]
            .iter()
            .map(|t| strong_width(ui, t).max(52.0))
            .collect();
        let mut table = TableBuilder::new(ui)
            .id_salt("member-sheet-table")
            .striped(true)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::remainder().at_least(72.0).clip(true));
        for width in widths {
            table = table.column(Column::exact(width));
        }
        table
            .header(22.0, |mut h| {
                for title in TITLES {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let (depth, i, leaf) = rows[row.index()];
                    let c = &scheme.criteria[i];
                    let text = |s: String| {
                        if leaf {
                            RichText::new(s)
                        } else {
                            RichText::new(s).strong()
                        }
                    };
                    row.col(|ui| {
                        ui.add_space(depth as f32 * 10.0);
                        ui.add(
                            egui::Label::new(text(format!("{} {}", c.code, c.title))).truncate(),
                        );
                    });
                    row.col(|ui| right(ui, RichText::new(format_score(c.max)).weak()));
                    for s in 0..3 {
                        row.col(|ui| right(ui, text(format_score(t.points[i][s]))));
                    }
                });
            });
    }

    /// The note and evidence of the selected cell at the shown stage.
    #[allow(clippy::too_many_arguments)]
    fn note_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        derived: &Derived,
        member: MemberId,
        criterion: &crate::domain::scoring::Criterion,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        // The note belongs to the last stage with a typed score, shown in the sheet's header.
        let scores = &view.data.scoring.scores;
        let typed = Stage::ALL
            .iter()
            .rev()
            .find_map(|&s| derived.index.get(scores, member, criterion.id, s));
        ui.label(format!("Mục {} {}", criterion.code, criterion.title));
        let Some(score) = typed else {
            ui.label(
                RichText::new(
                    "Chưa có điểm nhập tay ở mục này: nhập điểm trước, rồi ghi chú và minh chứng.",
                )
                .small()
                .weak(),
            );
            return;
        };
        let key = (member, criterion.id, score.stage);
        if self.buffers_for != Some(key) {
            self.buffers.clear();
            self.buffers_for = Some(key);
        }
        ui.label(
            RichText::new(format!(
                "Ghi chú của điểm {} ({})",
                format_score(score.value),
                score.stage.label().to_lowercase()
            ))
            .small(),
        );
        let fields = [
            TextField::new(
                "note",
                "Ghi chú",
                |s: &crate::domain::scoring::Score| &s.note,
                |s, v| s.note = v,
            ),
            TextField::new(
                "evidence",
                "Minh chứng",
                |s: &crate::domain::scoring::Score| &s.evidence,
                |s, v| s.evidence = v,
            ),
        ];
        let changed = form_grid_ui(ui, "score-note", 80.0, |ui| {
            text_fields_ui(ui, &fields, score, &mut self.buffers, !locked)
        });
        if let Some(edited) = changed {
            actions.push(Action::Edit(Edit::SetScores {
                year: view.year(),
                changes: vec![ScoreChange {
                    member,
                    criterion: criterion.id,
                    stage: score.stage,
                    scorer: score.scorer,
                    score: Some(edited),
                }],
            }));
        }
    }

    /// The ranking: rank, member, self, bloc, final, classification, and how ties were settled.
    pub fn ranking_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        derived: &Derived,
    ) {
        ui.horizontal(|ui| {
            ui.heading("Xếp hạng");
            // Only once some member is ranked: there is nothing to draw before.
            if !derived.chart.is_empty() {
                ui.toggle_value(&mut self.chart_open, "Biểu đồ")
                    .on_hover_text(charts::SCORE_TITLE);
            }
        });
        // The chart takes the table's place, so that neither is cut on a low screen.
        if self.chart_open && !derived.chart.is_empty() {
            // Lower than usual when the panel is: its note stays in sight.
            let height = (ui.available_height() - 75.0).clamp(120.0, charts::CHART_HEIGHT);
            charts::bar_chart_ui(
                ui,
                "score-chart",
                charts::SCORE_TITLE,
                &derived.chart,
                crate::report::document::Scale::Number,
                0.0,
                height,
            );
            ui.label(
                RichText::new(
                    "Tổng điểm thống nhất theo thứ tự xếp hạng, màu theo mức xếp loại; rê chuột lên cột để xem hạng và xếp loại. Bấm “Biểu đồ” lần nữa để xem lại bảng.",
                )
                .small()
                .weak(),
            );
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("ranking-scroll")
            .auto_shrink(false)
            .show(ui, |ui| self.ranking_table_ui(ui, view, scheme, derived));
    }

    fn ranking_table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        derived: &Derived,
    ) {
        let rows = &derived.ranking.rows;
        const TITLES: [&str; 7] = [
            "Hạng",
            "Đơn vị",
            "Tự chấm",
            "Khối chấm",
            "Thống nhất",
            "Xếp loại",
            "Ghi chú",
        ];
        let totals: Vec<f32> = TITLES[2..5]
            .iter()
            .map(|t| strong_width(ui, t).max(80.0))
            .collect();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut table = TableBuilder::new(ui)
            .id_salt("ranking-table")
            .striped(true)
            .cell_layout(Layout::left_to_right(Align::Center))
            .column(Column::exact(48.0))
            .column(Column::initial(200.0).resizable(true).clip(true));
        for width in totals {
            table = table.column(Column::exact(width));
        }
        table
            .column(Column::initial(170.0).resizable(true).clip(true))
            .column(Column::remainder().at_least(160.0).clip(true))
            .header(row_height, |mut h| {
                for title in TITLES {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let r = &rows[row.index()];
                    row.col(|ui| {
                        let shown = r.rank.map_or("—".to_owned(), |n| n.to_string());
                        // Read out with its member ("Hạng 1: Sở TT&TT"), for screen readers.
                        let spoken = match r.rank {
                            Some(n) => format!("Hạng {n}: {}", view.short_name(r.member)),
                            None => format!("Không xếp loại: {}", view.short_name(r.member)),
                        };
                        ui.label(shown).widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &spoken)
                        });
                    });
                    row.col(|ui| {
                        let selected = self.member == Some(r.member);
                        // No padding: the name lines up with its column's title and its row.
                        ui.spacing_mut().button_padding = egui::Vec2::ZERO;
                        if ui
                            .selectable_label(selected, view.short_name(r.member))
                            .clicked()
                        {
                            self.member = Some(r.member);
                        }
                    });
                    // An unranked member has no total to compare, only the reason.
                    let ranked = r.rank.is_some();
                    let score = |v: f64| {
                        if ranked {
                            format_score(v)
                        } else {
                            "—".to_owned()
                        }
                    };
                    row.col(|ui| right(ui, score(r.self_total)));
                    row.col(|ui| {
                        right(
                            ui,
                            r.bloc_total
                                .map(format_score)
                                .unwrap_or_else(|| "—".to_owned()),
                        )
                    });
                    row.col(|ui| right(ui, RichText::new(score(r.final_total)).strong()));
                    row.col(|ui| {
                        ui.label(&r.classification);
                    });
                    row.col(|ui| {
                        ui.label(r.explain(scheme, |m| view.short_name(m)));
                    });
                });
            });
    }

    /// The score documents, each through the export dialog.
    pub fn export_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let member = self.member;
            for (label, kind) in [
                ("Bảng tổng hợp, xếp hạng", DocumentKind::Scores),
                (
                    "Bảng điểm chi tiết của đơn vị đang chọn",
                    DocumentKind::ScoreSheet(member),
                ),
                (
                    "Bảng điểm chi tiết của mọi đơn vị",
                    DocumentKind::ScoreSheet(None),
                ),
                ("Mẫu tự chấm điểm (để trống)", DocumentKind::ScoreForm(None)),
            ] {
                if ui.button(label).clicked() {
                    actions.push(Action::ExportPdfDialog(kind));
                    self.export_menu_open = false;
                }
            }
        });
    }
}

/// The width of `text` in bold at the body size, with room for a cell's padding.
pub(super) fn strong_width(ui: &egui::Ui, text: &str) -> f32 {
    crate::ui::widgets::text_width(ui, RichText::new(text).strong())
        + 2.0 * ui.spacing().item_spacing.x
}
