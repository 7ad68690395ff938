//! The Chỉ tiêu tab's history of one indicator: its plan, result and % of plan in every year
//! of its lineage, a chart of plan and result, and the link by hand to last year's indicator
//! it continues after a renaming. Read once per selection and view generation, never per frame.

use super::app::Action;
use super::session::YearView;
use crate::domain::Indicator;
use crate::domain::history::HistoryYear;
use crate::edit::Edit;
use crate::store::{self, Store, indicators};
use crate::text::number::{format_number, format_percent};
use egui::RichText;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};

/// One indicator's history as read for one generation of the view.
pub struct HistoryPanel {
    pub id: i64,
    pub generation: u64,
    years: Vec<HistoryYear>,
    /// Last year's indicators it may be linked to (its member's and its merged predecessors').
    candidates: Vec<Indicator>,
}

impl HistoryPanel {
    pub fn read(store: &Store, id: i64, generation: u64) -> store::Result<Self> {
        let conn = store.conn();
        let Some(ind) = indicators::get(conn, id)? else {
            return Ok(HistoryPanel {
                id,
                generation,
                years: Vec::new(),
                candidates: Vec::new(),
            });
        };
        Ok(HistoryPanel {
            id,
            generation,
            years: indicators::history(conn, ind.lineage())?,
            candidates: indicators::link_candidates(conn, id)?,
        })
    }
}

/// The history of `ind` under the member's texts.
pub fn history_ui(
    ui: &mut egui::Ui,
    panel: &HistoryPanel,
    ind: &Indicator,
    view: &YearView,
    locked: bool,
    actions: &mut Vec<Action>,
) {
    ui.separator();
    ui.heading("Lịch sử chỉ tiêu");
    ui.label(RichText::new(&ind.name).strong());
    egui::Grid::new("indicator-history")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for title in ["Năm", "Kế hoạch", "Thực hiện", "% KH"] {
                ui.strong(title);
            }
            ui.end_row();
            for y in &panel.years {
                let year = ui.label(format!("Năm {}", y.year));
                if y.member != ind.member || y.name != ind.name {
                    year.on_hover_text(format!("{} — {}", view.short_name(y.member), y.name));
                }
                ui.label(&y.plan_shown);
                ui.label(y.result.map(format_number).unwrap_or_default());
                ui.label(y.percent.map(format_percent).unwrap_or_default());
                ui.end_row();
            }
        });
    if panel.years.len() > 1 {
        chart_ui(ui, &panel.years);
    } else {
        ui.label(
            RichText::new("Chỉ tiêu chưa có số liệu các năm trước.")
                .small()
                .weak(),
        );
    }
    link_ui(ui, panel, ind, view, locked, actions);
}

/// Plan (a line) and result (bars) by year, numbers the Vietnamese way on the axis and on hover.
fn chart_ui(ui: &mut egui::Ui, years: &[HistoryYear]) {
    let bars: Vec<Bar> = years
        .iter()
        .filter_map(|y| Some(Bar::new(f64::from(y.year), y.result?).width(0.6)))
        .collect();
    let plan: PlotPoints = years
        .iter()
        .filter_map(|y| Some([f64::from(y.year), y.plan?]))
        .collect();
    let results = BarChart::new("Thực hiện", bars).element_formatter(Box::new(|bar, _| {
        format!(
            "Năm {}: thực hiện {}",
            bar.argument,
            format_number(bar.value)
        )
    }));
    Plot::new("indicator-history-chart")
        .height(180.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_formatter(|mark, _| {
            // Only whole years are labelled.
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format_number(mark.value))
        .label_formatter(|pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => Some(format!(
                "Năm {}: {} {}",
                position.x.round(),
                plot_name.to_lowercase(),
                format_number(position.y)
            )),
            _ => None,
        })
        .show(ui, |plot| {
            plot.bar_chart(results);
            plot.line(Line::new("Kế hoạch", plan));
        });
}

/// "Nối với chỉ tiêu năm trước": the combo of last year's indicators to continue.
fn link_ui(
    ui: &mut egui::Ui,
    panel: &HistoryPanel,
    ind: &Indicator,
    view: &YearView,
    locked: bool,
    actions: &mut Vec<Action>,
) {
    if panel.candidates.is_empty() {
        return;
    }
    let current = panel
        .candidates
        .iter()
        .find(|c| c.lineage() == ind.lineage());
    let shown = current.map_or("(chỉ tiêu mới)".to_owned(), |c| c.name.clone());
    ui.add_space(4.0);
    let label = ui.label(format!("Là chỉ tiêu năm {} nào:", ind.year - 1));
    ui.add_enabled_ui(!locked, |ui| {
        egui::ComboBox::from_id_salt("indicator-link")
            .selected_text(shown)
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(current.is_none(), "(chỉ tiêu mới)")
                    .clicked()
                    && current.is_some()
                {
                    actions.push(Action::Edit(Edit::LinkIndicator {
                        id: ind.id,
                        lineage: None,
                    }));
                }
                for c in &panel.candidates {
                    let text = if c.member == ind.member {
                        c.name.clone()
                    } else {
                        format!("{} ({})", c.name, view.short_name(c.member))
                    };
                    let chosen = current.is_some_and(|x| x.id == c.id);
                    if ui.selectable_label(chosen, text).clicked() && !chosen {
                        actions.push(Action::Edit(Edit::LinkIndicator {
                            id: ind.id,
                            lineage: Some(c.lineage()),
                        }));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Nối chỉ tiêu đã đổi tên với chỉ tiêu năm trước để giữ lịch sử số liệu");
    });
}
