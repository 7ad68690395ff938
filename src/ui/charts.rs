//! The bar charts of the Chỉ tiêu and Chấm điểm tabs: "Tỷ lệ chỉ tiêu đạt kế hoạch theo đơn
//! vị" and "Tổng điểm và xếp hạng". The figures come from `domain::charts`, turned into bars
//! (short names under them, the value over them, the detail on hover) once per generation of
//! the view by the tab that shows them; drawing them is all a frame does.

use crate::domain::MemberId;
use crate::domain::charts::{PlanShare, ScoreBar};
use crate::domain::scoring::format_score;
use crate::report::document::Scale;
use crate::text::number::{format_number, format_percent};
use egui::{Align2, Color32, RichText};
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Plot, PlotPoint, Text};

/// The height of every chart: readable on a 1366×768 screen and leaving the table its room.
pub const CHART_HEIGHT: f32 = 220.0;

pub const PLAN_SHARE_TITLE: &str = "Tỷ lệ chỉ tiêu đạt kế hoạch theo đơn vị";
pub const SCORE_TITLE: &str = "Tổng điểm và xếp hạng";
/// Over one member's chart, followed by its short name.
pub const MEMBER_YEARS_TITLE: &str = "Tỷ lệ chỉ tiêu đạt kế hoạch qua các năm";

/// One bar as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    /// Under the bar: the member's short name.
    pub label: String,
    pub value: f64,
    /// Over the bar: "75%", "124,4".
    pub shown: String,
    /// On hover.
    pub detail: String,
    pub color: Option<Color32>,
}

/// A chart's bars as built for one generation of the view.
#[derive(Debug, Clone, Default)]
pub struct ChartData {
    pub generation: u64,
    pub bars: Vec<ChartBar>,
}

/// One member's share of plans met in each year of the file, as read for one generation of the
/// view (the member's and its merged predecessors' indicators of every year: one query, then
/// counted), never per frame.
pub struct MemberYears {
    pub member: MemberId,
    pub generation: u64,
    pub bars: Vec<ChartBar>,
}

impl MemberYears {
    pub fn read(
        store: &crate::store::Store,
        member: MemberId,
        generation: u64,
    ) -> crate::store::Result<MemberYears> {
        let indicators =
            crate::store::indicators::of_member_and_predecessors(store.conn(), member)?;
        Ok(MemberYears {
            member,
            generation,
            bars: year_share_bars(&crate::domain::charts::plan_shares_by_year(&indicators)),
        })
    }
}

/// A bar per year: "Năm 2020" under it, "75%" over it, "Năm 2020: 6/8 chỉ tiêu đạt và vượt kế
/// hoạch" on hover.
pub fn year_share_bars(years: &[crate::domain::charts::YearShare]) -> Vec<ChartBar> {
    years
        .iter()
        .filter_map(|y| {
            let percent = y.percent()?;
            Some(ChartBar {
                label: format!("Năm {}", y.year),
                value: percent,
                shown: format_percent(percent),
                detail: format!(
                    "Năm {}: {}/{} chỉ tiêu đạt và vượt kế hoạch",
                    y.year,
                    format_number(y.met as f64),
                    format_number(y.evaluated as f64)
                ),
                color: None,
            })
        })
        .collect()
}

/// The bars of the plan shares: "75%" over the bar, "Sở TT&TT: 6/8 chỉ tiêu đạt và vượt kế
/// hoạch" on hover.
pub fn plan_share_bars(shares: &[PlanShare], name: impl Fn(MemberId) -> String) -> Vec<ChartBar> {
    shares
        .iter()
        .filter_map(|s| {
            let percent = s.percent()?;
            let name = name(s.member);
            Some(ChartBar {
                detail: format!(
                    "{name}: {}/{} chỉ tiêu đạt và vượt kế hoạch",
                    format_number(s.met as f64),
                    format_number(s.evaluated as f64)
                ),
                label: name,
                value: percent,
                shown: format_percent(percent),
                color: None,
            })
        })
        .collect()
}

/// The bars of the final totals in rank order, coloured by band from the highest.
pub fn score_bars(bars: &[ScoreBar], name: impl Fn(MemberId) -> String) -> Vec<ChartBar> {
    bars.iter()
        .map(|b| {
            let name = name(b.member);
            let mut detail = format!(
                "Hạng {}: {name}, tổng điểm {}",
                b.rank,
                format_score(b.total)
            );
            if !b.classification.is_empty() {
                detail.push_str(&format!(" — {}", b.classification));
            }
            ChartBar {
                label: name,
                value: b.total,
                shown: format_score(b.total),
                detail,
                color: b.band.map(band_color),
            }
        })
        .collect()
}

/// The colour of the band at `place` from the highest: green, blue, amber, then red.
fn band_color(place: usize) -> Color32 {
    const COLORS: [Color32; 4] = [
        Color32::from_rgb(46, 139, 87),
        Color32::from_rgb(70, 130, 180),
        Color32::from_rgb(218, 165, 32),
        Color32::from_rgb(205, 92, 92),
    ];
    COLORS[place.min(COLORS.len() - 1)]
}

/// A titled bar chart of fixed `height`: one bar per member, the names under the bars (those
/// that do not fit are left out, never overlapped), the values over them, the detail on hover.
/// The vertical axis is in `scale`, ticked as the printed charts are (0%, 25%, … 100%; round
/// steps for scores); `top` is included so the values over the bars fit.
pub fn bar_chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    title: &str,
    bars: &[ChartBar],
    scale: Scale,
    top: f64,
    height: f32,
) {
    ui.label(RichText::new(title).strong());
    if bars.is_empty() {
        return;
    }
    let font = egui::TextStyle::Small.resolve(ui.style());
    // Each name shortened to its bar's width ("Sở Thông tin…"); the whole name is on hover.
    // (The plot keeps no margin left and right, so each bar has its share of the width less
    // the value axis.)
    let room = (ui.available_width() - 70.0) / bars.len() as f32 - 6.0;
    let labels: Vec<String> = bars
        .iter()
        .map(|b| fit_label(ui, &b.label, &font, room))
        .collect();
    let drawn: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let color = b.color.unwrap_or(DEFAULT_COLOR);
            Bar::new(i as f64, b.value)
                .width(0.6)
                .name(&b.detail)
                .fill(color.gamma_multiply(0.8))
                .stroke(egui::Stroke::new(1.0, color))
        })
        .collect();
    // The detail is an ordinary tooltip (below); egui_plot's own would cover the value.
    let chart = BarChart::new(title, drawn).allow_hover(false);
    let highest = bars.iter().map(|b| b.value).fold(top, f64::max);
    let (_, step) = crate::report::layout::axis_ticks(scale, highest);
    let value_axis = match scale {
        Scale::Percent => percent_axis,
        Scale::Number => number_axis,
    };
    let names = AxisHints::new_x()
        .label_spacing(24.0..=40.0)
        .tick_label_font(font)
        .formatter(move |mark: GridMark, _| {
            if mark.value.fract() != 0.0 || mark.value < 0.0 {
                return String::new();
            }
            labels.get(mark.value as usize).cloned().unwrap_or_default()
        });
    let count = bars.len();
    let shown = Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .custom_x_axes(vec![names])
        .x_grid_spacer(move |_| {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_grid_spacer(move |input: GridInput| value_marks(input.bounds, step))
        .y_axis_formatter(move |mark, _| value_axis(mark.value))
        .set_margin_fraction(egui::vec2(0.0, 0.05))
        .include_x(-0.5)
        .include_x(count as f64 - 0.5)
        .include_y(0.0)
        // Room over the highest bar for its value.
        .include_y(highest * 1.12)
        .label_formatter(|_| None)
        .show(ui, |plot| {
            let pointer = plot
                .response()
                .hovered()
                .then(|| plot.pointer_coordinate())
                .flatten();
            plot.bar_chart(chart);
            for (i, b) in bars.iter().enumerate() {
                plot.text(
                    Text::new(
                        format!("{id}-{i}"),
                        PlotPoint::new(i as f64, b.value.max(0.0)),
                        RichText::new(&b.shown).small(),
                    )
                    .anchor(Align2::CENTER_BOTTOM),
                );
            }
            pointer.and_then(|p| bar_at(p.x, bars))
        });
    if let Some(bar) = shown.inner.and_then(|i| bars.get(i)) {
        shown.response.on_hover_text_at_pointer(&bar.detail);
    }
}

/// The bar whose column holds the plot's `x`: within its width (0,6), at any height, so that a
/// bar of 0% still tells its count.
fn bar_at(x: f64, bars: &[ChartBar]) -> Option<usize> {
    let i = x.round();
    if (x - i).abs() > 0.3 || i < 0.0 || i as usize >= bars.len() {
        return None;
    }
    Some(i as usize)
}

/// The colour of a bar without a band.
const DEFAULT_COLOR: Color32 = Color32::from_rgb(70, 130, 180);

/// `label` as it fits in `room` points in `font`: whole, or its beginning and "…".
fn fit_label(ui: &egui::Ui, label: &str, font: &egui::FontId, room: f32) -> String {
    let width = |text: &str| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), Color32::PLACEHOLDER)
            .size()
            .x
    };
    if width(label) <= room {
        return label.to_owned();
    }
    let chars: Vec<char> = label.chars().collect();
    let shortened = |n: usize| format!("{}…", chars[..n].iter().collect::<String>().trim_end());
    // The most characters that fit, found by halving.
    let (mut fits, mut too_many) = (0, chars.len());
    while too_many - fits > 1 {
        let mid = (fits + too_many) / 2;
        if width(&shortened(mid)) <= room {
            fits = mid;
        } else {
            too_many = mid;
        }
    }
    if fits == 0 {
        String::new()
    } else {
        shortened(fits)
    }
}

/// The vertical axis of a share: "50%".
pub fn percent_axis(v: f64) -> String {
    format_percent(v)
}

/// Grid marks every `step` from 0 up to the top of `bounds` (a labelled line each).
fn value_marks(bounds: (f64, f64), step: f64) -> Vec<GridMark> {
    if step.is_nan() || step <= 0.0 || !bounds.1.is_finite() {
        return Vec::new();
    }
    let last = (bounds.1 / step).floor().clamp(0.0, 1000.0) as u32;
    (0..=last)
        .map(|k| GridMark {
            value: f64::from(k) * step,
            step_size: step,
        })
        .collect()
}

/// The vertical axis of a score: "124,4".
pub fn number_axis(v: f64) -> String {
    format_number(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f64) -> ChartBar {
        ChartBar {
            label: String::new(),
            value,
            shown: String::new(),
            detail: String::new(),
            color: None,
        }
    }

    #[test]
    fn the_value_axis_is_ticked_like_the_printed_charts() {
        let values = |marks: Vec<GridMark>| marks.iter().map(|m| m.value).collect::<Vec<_>>();
        // Percentages: every 25 up to what is shown, never below 0.
        assert_eq!(
            values(value_marks((-5.0, 112.0), 25.0)),
            [0.0, 25.0, 50.0, 75.0, 100.0]
        );
        let (_, step) = crate::report::layout::axis_ticks(Scale::Number, 95.92);
        assert_eq!(step, 20.0);
        assert_eq!(
            values(value_marks((0.0, 107.4), step)),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        // Nothing to mark rather than a loop without end.
        assert!(value_marks((0.0, f64::INFINITY), 25.0).is_empty());
        assert!(value_marks((0.0, 100.0), 0.0).is_empty());
    }

    #[test]
    fn bars_say_the_share_over_them_and_the_count_on_hover() {
        let name = |m: MemberId| if m == 1 { "Sở TT&TT" } else { "Sở CT" }.to_owned();
        let shares = [
            PlanShare {
                member: 1,
                met: 6,
                evaluated: 8,
            },
            PlanShare {
                member: 2,
                met: 0,
                evaluated: 0,
            },
        ];
        let bars = plan_share_bars(&shares, name);
        assert_eq!(bars.len(), 1, "no bar without a judged indicator");
        assert_eq!(bars[0].label, "Sở TT&TT");
        assert_eq!(bars[0].value, 75.0);
        assert_eq!(bars[0].shown, "75%");
        assert_eq!(
            bars[0].detail,
            "Sở TT&TT: 6/8 chỉ tiêu đạt và vượt kế hoạch"
        );
        let scores = [ScoreBar {
            member: 2,
            rank: 1,
            total: 124.4,
            classification: "Hoàn thành xuất sắc nhiệm vụ".to_owned(),
            band: Some(0),
        }];
        let bars = score_bars(&scores, name);
        assert_eq!(bars[0].shown, "124,4");
        assert_eq!(
            bars[0].detail,
            "Hạng 1: Sở CT, tổng điểm 124,4 — Hoàn thành xuất sắc nhiệm vụ"
        );
        assert_eq!(bars[0].color, Some(band_color(0)));
    }

    #[test]
    fn the_pointer_finds_the_column_under_it_and_nothing_between() {
        let bars = [bar(50.0), bar(0.0), bar(-10.0)];
        assert_eq!(bar_at(0.1, &bars), Some(0));
        assert_eq!(bar_at(0.45, &bars), None, "between two bars");
        assert_eq!(bar_at(1.0, &bars), Some(1), "a bar of 0 has its column");
        assert_eq!(bar_at(1.75, &bars), Some(2));
        assert_eq!(bar_at(3.0, &bars), None, "past the last bar");
        assert_eq!(bar_at(-1.0, &bars), None);
    }
}
