//! The "Chỉ tiêu" tab: every indicator of the year grouped by member, edited in place like a
//! spreadsheet (Tab and Enter move on, Esc cancels), with the selected member's narrative beside
//! the table. Rows are virtualised, so a year of 12.000 indicators scrolls smoothly.

use super::app::Action;
use super::cell::{CellExit, cell_button_ui, cell_editor_ui};
use super::session::YearView;
use super::widgets::{FieldBuffer, search_field_ui, text_area_ui};
use super::{charts, paste};
use crate::domain::charts::plan_shares;
use crate::domain::{Indicator, MemberId, NarrativeField, Period};
use crate::edit::Edit;
use crate::text::collate::{compare_vi, matches_search};
use crate::text::number::{format_number, format_percent, parse_non_negative};
use egui::{Align, Layout, RichText};
use egui_extras::{Column, TableBuilder};

/// The editable columns, in the order Tab moves through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Group,
    Name,
    Unit,
    Plan,
    Result,
    Note,
}

impl Col {
    const ORDER: [Col; 6] = [
        Col::Group,
        Col::Name,
        Col::Unit,
        Col::Plan,
        Col::Result,
        Col::Note,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Col::Group => "Nhóm",
            Col::Name => "Chỉ tiêu",
            Col::Unit => "ĐVT",
            Col::Plan => "Kế hoạch",
            Col::Result => "Thực hiện",
            Col::Note => "Ghi chú",
        }
    }

    /// The title shown for `period`: "Thực hiện 6 tháng" for the first half.
    fn title_in(self, period: Period) -> &'static str {
        match (self, period) {
            (Col::Result, Period::FirstHalf) => "Thực hiện 6 tháng",
            _ => self.title(),
        }
    }

    fn is_number(self) -> bool {
        matches!(self, Col::Plan | Col::Result)
    }

    fn text_of(self, ind: &Indicator, period: Period) -> String {
        match self {
            Col::Group => ind.group.clone(),
            Col::Name => ind.name.clone(),
            Col::Unit => ind.unit.clone(),
            Col::Plan => ind.plan_shown(),
            Col::Result => ind.result_in(period).map(format_number).unwrap_or_default(),
            Col::Note => ind.note.clone(),
        }
    }

    /// The indicator with this column set from `text`, or the Vietnamese refusal.
    fn with_text(self, ind: &Indicator, period: Period, text: &str) -> Result<Indicator, String> {
        let mut out = ind.clone();
        let number = |t: &str| -> Result<Option<f64>, String> {
            if t.trim().is_empty() {
                Ok(None)
            } else {
                parse_non_negative(t).map(Some).map_err(|e| e.to_string())
            }
        };
        match self {
            Col::Group => out.group = text.to_owned(),
            Col::Name => {
                if text.trim().is_empty() {
                    return Err("Tên chỉ tiêu không được để trống.".to_owned());
                }
                out.name = text.to_owned();
            }
            Col::Unit => out.unit = text.to_owned(),
            Col::Plan => out.set_plan(text)?,
            Col::Result => out.set_result_in(period, number(text)?),
            Col::Note => out.note = text.to_owned(),
        }
        Ok(out)
    }
}

/// The cell being edited.
#[derive(Debug, Clone)]
struct CellEdit {
    id: i64,
    col: Col,
    text: String,
    error: Option<String>,
    focus: bool,
}

/// A column and its direction; the units keep the bloc's order, their rows follow the column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sort {
    col: Col,
    ascending: bool,
}

impl Sort {
    /// A click on `col`'s header: sort by it, then reverse, then back to the bloc's order.
    fn after_click(current: Option<Sort>, col: Col) -> Option<Sort> {
        match current {
            Some(s) if s.col == col && s.ascending => Some(Sort {
                col,
                ascending: false,
            }),
            Some(s) if s.col == col => None,
            _ => Some(Sort {
                col,
                ascending: true,
            }),
        }
    }

    fn compare(self, a: &Indicator, b: &Indicator, period: Period) -> std::cmp::Ordering {
        let number = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            // Empty cells last, whichever the direction.
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        let order = match self.col {
            Col::Plan => return self.directed(number(a.plan, b.plan), a.plan, b.plan),
            Col::Result => {
                let (x, y) = (a.result_in(period), b.result_in(period));
                return self.directed(number(x, y), x, y);
            }
            col => compare_vi(&col.text_of(a, period), &col.text_of(b, period)),
        };
        if self.ascending {
            order
        } else {
            order.reverse()
        }
    }

    /// A number comparison in this direction, empty cells staying last.
    fn directed(
        self,
        order: std::cmp::Ordering,
        a: Option<f64>,
        b: Option<f64>,
    ) -> std::cmp::Ordering {
        if self.ascending || a.is_none() || b.is_none() {
            order
        } else {
            order.reverse()
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Row {
    Header(MemberId, usize),
    Item(usize),
}

/// What the row list was built for: the data's generation, the filter, the search, the sort
/// and the period.
type RowsKey = (u64, Option<MemberId>, String, Option<Sort>, Period);

#[derive(Default)]
pub struct IndicatorsTab {
    filter: Option<MemberId>,
    search: String,
    selected_member: Option<MemberId>,
    editing: Option<CellEdit>,
    narrative: FieldBuffer,
    key_works: FieldBuffer,
    narrative_member: Option<MemberId>,
    /// The row list, rebuilt only when the data, the filter or the search change.
    rows: Vec<Row>,
    rows_key: Option<RowsKey>,
    /// "Tổng cộng" per additive unit of the rows shown, built with them.
    totals: Vec<crate::domain::totals::UnitTotal>,
    /// Whose results the table shows and takes: the year's or the first half's.
    period: Period,
    /// The column the rows of each unit are sorted by (a click on its header), if any.
    sort: Option<Sort>,
    /// After adding a row, the cell to open once the new row is loaded.
    open_new_row: Option<MemberId>,
    known_ids: usize,
    /// The indicator whose history the side panel shows ("Lịch sử" on its row).
    selected_indicator: Option<i64>,
    /// Its history as read for a generation of the view (set by the app after the frame).
    pub history: Option<super::indicator_history::HistoryPanel>,
    /// The history last asked for, so a failed read is not asked again every frame.
    history_asked: Option<(i64, u64)>,
    /// "Biểu đồ": the chart of each member's share of plans met, over the table.
    chart_open: bool,
    /// Its bars as built for a generation of the view.
    chart: Option<super::charts::ChartData>,
    /// With the table filtered to one member, that member's years (set by the app after the
    /// frame, read once per member and generation).
    pub member_years: Option<super::charts::MemberYears>,
    /// The member's years last asked for, so a failed read is not asked again every frame.
    member_years_asked: Option<(MemberId, u64)>,
}

impl IndicatorsTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        let locked = view.locked();
        self.open_added_row(view);
        self.ask_history(view, actions);
        let members = view.members_in_year();
        if self.selected_member.is_none() {
            self.selected_member = self.filter.or(members.first().map(|m| m.id));
        }
        egui::Panel::right("narrative")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| self.narrative_ui(ui, view, locked, actions));
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // Wrapped, so that on a small screen the buttons go to a second line, never cut.
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Đơn vị:");
                let selected = self
                    .filter
                    .map_or("Tất cả".to_owned(), |id| view.short_name(id));
                egui::ComboBox::from_id_salt("indicator-filter")
                    .selected_text(selected)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.filter, None, "Tất cả");
                        for m in &members {
                            ui.selectable_value(&mut self.filter, Some(m.id), m.full_name_in(year));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if let Some(f) = self.filter {
                    self.selected_member = Some(f);
                }
                ui.separator();
                ui.label("Kỳ:");
                for period in Period::ALL {
                    if ui
                        .selectable_value(&mut self.period, period, period.label())
                        .changed()
                    {
                        self.editing = None;
                    }
                }
                search_field_ui(ui, &mut self.search, "tên chỉ tiêu, nhóm, ghi chú");
                ui.separator();
                let target = self.selected_member;
                let add = ui
                    .add_enabled(!locked && target.is_some(), egui::Button::new("Thêm chỉ tiêu"))
                    .on_hover_text("Thêm một dòng cho đơn vị đang chọn");
                if add.clicked()
                    && let Some(member) = target {
                        actions.push(Action::Edit(Edit::InsertIndicator(Indicator {
                            id: 0,
                            year,
                            member,
                            group: String::new(),
                            name: "Chỉ tiêu mới".to_owned(),
                            unit: String::new(),
                            plan: None,
                            plan_text: String::new(),
                            midyear: None,
                            result: None,
                            note: String::new(),
                            sort: -1,
                            key: None,
                        })));
                        self.open_new_row = Some(member);
                        self.known_ids = view.data.indicators.iter().map(|i| i.id).max().unwrap_or(0) as usize;
                    }
                if ui
                    .add_enabled(!locked, egui::Button::new("Chép danh mục năm trước"))
                    .on_hover_text(format!(
                        "Chép tên, đơn vị tính và kế hoạch các chỉ tiêu năm {} (không chép kết quả)",
                        year - 1
                    ))
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::CopyPreviousYear(year)));
                }
                ui.toggle_value(&mut self.chart_open, "Biểu đồ")
                    .on_hover_text(charts::PLAN_SHARE_TITLE);
                if ui
                    .button("Chép bảng")
                    .on_hover_text(
                        "Chép các chỉ tiêu đang hiện (các cột Nhóm đến Ghi chú), dán vào Excel bằng Ctrl+V",
                    )
                    .clicked()
                {
                    let rows = self.shown_rows(view, None);
                    let text = paste::copy(&rows, &self.block_columns(0));
                    ui.ctx().copy_text(text);
                    actions.push(Action::Toast(format!(
                        "Đã chép {} chỉ tiêu; dán vào Excel bằng Ctrl+V.",
                        rows.len()
                    )));
                }
                // The documents of the start of the year, made from this tab's data.
                use crate::ops::export::DocumentKind;
                for (label, hover, kind) in [
                    (
                        "Xuất kế hoạch…",
                        format!("Kế hoạch tổ chức phong trào thi đua năm {year} (dự thảo, sửa tiếp trong Word)"),
                        DocumentKind::Plan,
                    ),
                    (
                        "Xuất bản giao ước…",
                        format!("Bản ký kết giao ước thi đua năm {year}: chỉ tiêu đăng ký, công trình trọng điểm và chữ ký thủ trưởng các đơn vị"),
                        DocumentKind::Pledge,
                    ),
                ] {
                    if ui.button(label).on_hover_text(hover).clicked() {
                        actions.push(Action::ExportPdfDialog(kind));
                    }
                }
            });
            ui.label(
                RichText::new(
                    "Bấm vào một ô để sửa; Tab hoặc Enter để lưu và sang ô tiếp theo, Esc để hủy. Số gõ theo kiểu Việt Nam: 1.128 hoặc 3.611,73. Kế hoạch có thể gõ “Trên 4”, “Dưới 3”, “6,6-6,8”, “Khoảng 4” hoặc “Không để xảy ra”.",
                )
                .small()
                .weak(),
            );
            if self.chart_open {
                self.chart_ui(ui, view, actions);
            }
            ui.add_space(4.0);
            self.table_ui(ui, view, locked, actions);
        });
    }

    /// Each member's share of planned indicators met, built once per generation of the view; with
    /// the table filtered to one member, that member's share in each year instead.
    fn chart_ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        if let Some(member) = self.filter {
            self.member_years_ui(ui, view, member, actions);
            return;
        }
        if self
            .chart
            .as_ref()
            .is_none_or(|c| c.generation != view.generation)
        {
            let members: Vec<MemberId> = view.members_in_year().iter().map(|m| m.id).collect();
            let shares = plan_shares(&members, &view.data.indicators);
            self.chart = Some(charts::ChartData {
                generation: view.generation,
                bars: charts::plan_share_bars(&shares, |m| view.short_name(m)),
            });
        }
        let bars = self.chart.as_ref().map_or(&[][..], |c| &c.bars[..]);
        charts::bar_chart_ui(
            ui,
            "plan-share-chart",
            charts::PLAN_SHARE_TITLE,
            bars,
            crate::report::document::Scale::Percent,
            100.0,
            charts::CHART_HEIGHT,
        );
        let note = if bars.is_empty() {
            "Chưa có chỉ tiêu nào có kế hoạch và kết quả để so sánh."
        } else if self.period == Period::FirstHalf {
            "Tính theo kết quả cả năm, trên các chỉ tiêu có kế hoạch và kết quả; rê chuột lên cột để xem số chỉ tiêu."
        } else {
            "Tính trên các chỉ tiêu có kế hoạch và kết quả; rê chuột lên cột để xem số chỉ tiêu."
        };
        ui.label(RichText::new(note).small().weak());
        ui.separator();
    }

    /// One member's share of planned indicators met in each year of the file.
    fn member_years_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        member: MemberId,
        actions: &mut Vec<Action>,
    ) {
        let wanted = (member, view.generation);
        let have = self.member_years.as_ref().map(|m| (m.member, m.generation));
        if have != Some(wanted) && self.member_years_asked != Some(wanted) {
            self.member_years_asked = Some(wanted);
            actions.push(Action::MemberYears(member));
        }
        let bars = self
            .member_years
            .as_ref()
            .filter(|m| m.member == member)
            .map_or(&[][..], |m| &m.bars[..]);
        charts::bar_chart_ui(
            ui,
            "member-years-chart",
            &format!(
                "{}: {}",
                charts::MEMBER_YEARS_TITLE,
                view.short_name(member)
            ),
            bars,
            crate::report::document::Scale::Percent,
            100.0,
            charts::CHART_HEIGHT,
        );
        let note = if bars.is_empty() {
            "Đơn vị chưa có năm nào có chỉ tiêu có kế hoạch và kết quả để so sánh."
        } else {
            "Mỗi cột là một năm trong tệp (kể cả chỉ tiêu của đơn vị đã sáp nhập vào), tính theo kết quả cả năm; rê chuột lên cột để xem số chỉ tiêu. Chọn “Tất cả” để xem các đơn vị."
        };
        ui.label(RichText::new(note).small().weak());
        ui.separator();
    }

    /// Once a newly added row appears, open its name cell for typing.
    fn open_added_row(&mut self, view: &YearView) {
        let Some(member) = self.open_new_row else {
            return;
        };
        if let Some(ind) = view
            .data
            .indicators
            .iter()
            .filter(|i| i.member == member && i.id as usize > self.known_ids)
            .max_by_key(|i| i.id)
        {
            self.editing = Some(CellEdit {
                id: ind.id,
                col: Col::Name,
                text: ind.name.clone(),
                error: None,
                focus: true,
            });
            self.open_new_row = None;
        }
    }

    fn rebuild_rows(&mut self, view: &YearView) {
        let period = self.period;
        let key = (
            view.generation,
            self.filter,
            self.search.clone(),
            self.sort,
            period,
        );
        if self.rows_key.as_ref() == Some(&key) {
            return;
        }
        self.rows.clear();
        let mut current: Option<MemberId> = None;
        let mut header_at = 0;
        for (i, ind) in view.data.indicators.iter().enumerate() {
            if self.filter.is_some_and(|f| f != ind.member) {
                continue;
            }
            let found = matches_search(&ind.name, &self.search)
                || matches_search(&ind.group, &self.search)
                || matches_search(&ind.note, &self.search);
            if !found {
                continue;
            }
            if current != Some(ind.member) {
                current = Some(ind.member);
                header_at = self.rows.len();
                self.rows.push(Row::Header(ind.member, 0));
            }
            if let Some(Row::Header(_, n)) = self.rows.get_mut(header_at) {
                *n += 1;
            }
            self.rows.push(Row::Item(i));
        }
        // In the data's order, whatever the sort: a total's parts follow it there.
        let shown = self.shown_rows(view, None);
        self.totals = crate::domain::totals::unit_totals(&shown, period);
        if let Some(sort) = self.sort {
            // Each unit's rows, between its header and the next, in the column's order.
            let indicators = &view.data.indicators;
            for group in self.rows.split_mut(|r| matches!(r, Row::Header(..))) {
                group.sort_by(|a, b| match (a, b) {
                    (Row::Item(a), Row::Item(b)) => {
                        sort.compare(&indicators[*a], &indicators[*b], period)
                    }
                    _ => std::cmp::Ordering::Equal,
                });
            }
        }
        self.rows_key = Some(key);
    }

    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        self.rebuild_rows(view);
        if self.rows.is_empty() {
            ui.add_space(20.0);
            // A unit chosen without a search: it has none yet, which is not a filter's doing.
            let unit_has_none = self.search.trim().is_empty()
                && self
                    .filter
                    .is_some_and(|m| !view.data.indicators.iter().any(|i| i.member == m));
            ui.label(if view.data.indicators.is_empty() {
                "Năm này chưa có chỉ tiêu nào. Bấm “Thêm chỉ tiêu” hoặc “Chép danh mục năm trước”."
                    .to_owned()
            } else if let Some(m) = self.filter.filter(|_| unit_has_none) {
                format!(
                    "{} chưa có chỉ tiêu nào năm {}. Bấm “Thêm chỉ tiêu” để thêm.",
                    view.short_name(m),
                    view.year()
                )
            } else {
                "Không có chỉ tiêu nào khớp với bộ lọc.".to_owned()
            });
            return;
        }
        let year = view.year();
        let row_height = 28.0;
        let error_row = self
            .editing
            .as_ref()
            .filter(|e| e.error.is_some())
            .map(|e| e.id);
        let heights: Vec<f32> = self
            .rows
            .iter()
            .map(|r| match r {
                Row::Item(i) if Some(view.data.indicators[*i].id) == error_row => row_height + 36.0,
                _ => row_height,
            })
            .collect();
        let mut header_ids = [egui::Id::NULL; 6];
        let rows = std::mem::take(&mut self.rows);
        // Room under the table for the "Tổng cộng" lines.
        let line = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        // The lines wrap side by side: two rows of them cover most years; the header row and
        // the sideways scroll bar take the rest.
        let reserve = if self.totals.is_empty() {
            0.0
        } else {
            2.0 * line + 64.0
        };
        let max_height = (ui.available_height() - reserve).max(120.0);
        // Below about 1100 px the table scrolls sideways; its widths are its own (by id), so
        // they survive a change of tab.
        egui::ScrollArea::horizontal().show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("indicators-table")
                .max_scroll_height(max_height)
                .striped(true)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(
                    Column::initial(80.0)
                        .at_least(40.0)
                        .resizable(true)
                        .clip(true),
                )
                .column(Column::remainder().at_least(160.0).clip(true))
                .column(
                    Column::initial(64.0)
                        .at_least(40.0)
                        .resizable(true)
                        .clip(true),
                )
                .column(
                    Column::initial(88.0)
                        .at_least(50.0)
                        .resizable(true)
                        .clip(true),
                )
                .column(
                    Column::initial(88.0)
                        .at_least(50.0)
                        .resizable(true)
                        .clip(true),
                )
                .column(Column::exact(56.0))
                .column(Column::exact(80.0))
                .column(
                    Column::initial(84.0)
                        .at_least(40.0)
                        .resizable(true)
                        .clip(true),
                )
                .column(Column::exact(104.0))
                .header(28.0, |mut h| {
                    for (i, col) in Col::ORDER.iter().enumerate() {
                        if i == 5 {
                            h.col(|ui| {
                                ui.strong(match self.period {
                                    Period::FirstHalf => "% KH năm",
                                    Period::Year => "% KH",
                                });
                            });
                            h.col(|ui| {
                                ui.strong("Đánh giá");
                            });
                        }
                        h.col(|ui| {
                            header_ids[i] = self.header_ui(ui, *col);
                        });
                    }
                    h.col(|_| {});
                })
                .body(|body| {
                    body.heterogeneous_rows(heights.into_iter(), |mut row| {
                        let Some(kind) = rows.get(row.index()).copied() else {
                            return;
                        };
                        match kind {
                            Row::Header(member, count) => {
                                let name = view
                                    .member(member)
                                    .map_or(String::new(), |m| m.full_name_in(year).to_owned());
                                // The short name keeps the group row readable in a narrow column;
                                // the full name is on hover and beside the table.
                                let short = view.short_name(member);
                                row.col(|_| {});
                                row.col(|ui| {
                                    let text = RichText::new(format!("{short} — {count} chỉ tiêu"))
                                        .strong();
                                    let selected = self.selected_member == Some(member);
                                    if ui
                                        .selectable_label(selected, text)
                                        .on_hover_text(&name)
                                        .clicked()
                                    {
                                        self.selected_member = Some(member);
                                    }
                                });
                                for _ in 0..7 {
                                    row.col(|_| {});
                                }
                            }
                            Row::Item(i) => {
                                let ind = &view.data.indicators[i];
                                for (ci, col) in Col::ORDER.iter().enumerate() {
                                    if ci == 5 {
                                        row.col(|ui| {
                                            ui.with_layout(
                                                Layout::right_to_left(Align::Center),
                                                |ui| {
                                                    ui.label(
                                                        ind.percent_in(self.period)
                                                            .map(format_percent)
                                                            .unwrap_or_default(),
                                                    );
                                                },
                                            );
                                        });
                                        // The evaluation is of the year's result.
                                        row.col(|ui| {
                                            if self.period == Period::Year {
                                                evaluation_ui(ui, ind);
                                            }
                                        });
                                    }
                                    row.col(|ui| {
                                        self.cell_ui(
                                            ui,
                                            view,
                                            &rows,
                                            ind,
                                            *col,
                                            header_ids[ci],
                                            locked,
                                            actions,
                                        );
                                    });
                                }
                                row.col(|ui| {
                                    let shown = self.selected_indicator == Some(ind.id);
                                    if ui
                                        .selectable_label(shown, RichText::new("Lịch sử").small())
                                        .on_hover_text(format!(
                                            "Số liệu các năm của chỉ tiêu “{}”",
                                            ind.name
                                        ))
                                        .clicked()
                                    {
                                        self.selected_indicator = Some(ind.id);
                                        self.selected_member = Some(ind.member);
                                    }
                                    if ui
                                        .add_enabled(
                                            !locked,
                                            egui::Button::new("Xóa")
                                                .small()
                                                .wrap_mode(egui::TextWrapMode::Extend),
                                        )
                                        .on_hover_text(format!(
                                            "Xóa chỉ tiêu “{}” (hoàn tác bằng Ctrl+Z)",
                                            ind.name
                                        ))
                                        .clicked()
                                    {
                                        actions.push(Action::Edit(Edit::DeleteIndicator(ind.id)));
                                        actions.push(Action::Toast(format!(
                                            "Đã xóa chỉ tiêu “{}” của {}. Bấm Ctrl+Z để hoàn tác.",
                                            ind.name,
                                            view.short_name(ind.member)
                                        )));
                                    }
                                });
                            }
                        }
                    });
                });
        });
        self.rows = rows;
        self.totals_ui(ui);
    }

    /// "Tổng cộng (tin bài): 1.128" for each unit whose results add up (see `domain::totals`),
    /// side by side while they fit the width.
    fn totals_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            for (n, t) in self.totals.iter().enumerate() {
                if n > 0 {
                    ui.separator();
                }
                ui.label(
                    RichText::new(format!("Tổng cộng ({}): {}", t.unit, format_number(t.total)))
                        .strong(),
                )
                .on_hover_text(format!(
                    "Cộng {} chỉ tiêu đang hiện có đơn vị tính “{}”; một chỉ tiêu bằng tổng các dòng ngay dưới nó (“trong đó”) được tính một lần.",
                    t.rows, t.unit
                ));
            }
        });
    }

    /// A column's title, which sorts each unit's rows by it when clicked (a small triangle,
    /// up or down, shows how; the UI font has no arrow characters).
    fn header_ui(&mut self, ui: &mut egui::Ui, col: Col) -> egui::Id {
        let title = col.title_in(self.period);
        let response = ui
            .add(egui::Button::new(RichText::new(title).strong()).frame(false))
            .on_hover_text(format!(
                "Sắp xếp các chỉ tiêu của mỗi đơn vị theo cột “{}” (bấm lần nữa để đảo chiều, lần thứ ba để về thứ tự ban đầu)",
                title
            ));
        if let Some(sort) = self.sort.filter(|s| s.col == col) {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(8.0, 8.0), egui::Sense::hover());
            let (tip, base) = if sort.ascending {
                (rect.center_top(), [rect.left_bottom(), rect.right_bottom()])
            } else {
                (rect.center_bottom(), [rect.left_top(), rect.right_top()])
            };
            ui.painter().add(egui::Shape::convex_polygon(
                vec![tip, base[0], base[1]],
                ui.visuals().strong_text_color(),
                egui::Stroke::NONE,
            ));
        }
        // Named by the title alone: it also names the cell being edited below it.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
        if response.clicked() {
            self.sort = Sort::after_click(self.sort, col);
        }
        response.id
    }

    #[allow(clippy::too_many_arguments)]
    fn cell_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        rows: &[Row],
        ind: &Indicator,
        col: Col,
        header: egui::Id,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let editing_here = self
            .editing
            .as_ref()
            .is_some_and(|e| e.id == ind.id && e.col == col);
        if !editing_here {
            let text = col.text_of(ind, self.period);
            // An empty cell is named by its column and row, so that it can be found and read.
            let name = if text.is_empty() {
                format!("{} của “{}”", col.title_in(self.period), ind.name)
            } else {
                text.clone()
            };
            let response = cell_button_ui(ui, RichText::new(text), &name, col.is_number(), false);
            if response.clicked() && !locked {
                self.selected_member = Some(ind.member);
                self.editing = Some(CellEdit {
                    id: ind.id,
                    col,
                    text: col.text_of(ind, self.period),
                    error: None,
                    focus: true,
                });
            }
            return;
        }
        // A block copied from a spreadsheet fills the cells from this one on.
        let block = ui.input_mut(|i| {
            let at = i
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Paste(s) if paste::is_block(s)))?;
            match i.events.remove(at) {
                egui::Event::Paste(s) => Some(s),
                _ => None,
            }
        });
        if let Some(block) = block {
            self.paste_block(view, rows, ind, col, &block, actions);
            return;
        }
        let Some(edit) = &mut self.editing else {
            return;
        };
        let (response, outcome) = cell_editor_ui(
            ui,
            &mut edit.text,
            col.is_number(),
            &mut edit.focus,
            edit.error.as_deref(),
        );
        response.labelled_by(header);
        let Some(movement) = outcome else { return };
        if let CellExit::Cancel = movement {
            self.editing = None;
            return;
        }
        match col.with_text(ind, self.period, &edit.text) {
            Ok(changed) => {
                if changed != *ind {
                    actions.push(Action::Edit(Edit::UpdateIndicator {
                        from: ind.clone(),
                        to: changed,
                    }));
                }
                self.editing = next_cell(rows, view, ind, col, self.period, movement);
            }
            Err(message) => {
                edit.error = Some(message);
                edit.focus = true;
            }
        }
    }

    /// The editable columns from `from` rightwards, as the paste and the copy read them.
    fn block_columns(&self, from: usize) -> Vec<paste::Column<'static>> {
        let period = self.period;
        Col::ORDER[from..]
            .iter()
            .map(|&col| paste::Column {
                title: col.title_in(period),
                text_of: Box::new(move |i: &Indicator| col.text_of(i, period)),
                with_text: Box::new(move |i: &Indicator, t: &str| col.with_text(i, period, t)),
            })
            .collect()
    }

    /// The indicators of the rows shown, from `from` (an indicator's id) down, or all.
    fn shown_rows<'v>(&self, view: &'v YearView, from: Option<i64>) -> Vec<&'v Indicator> {
        let all: Vec<&Indicator> = self
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Item(i) => view.data.indicators.get(*i),
                Row::Header(..) => None,
            })
            .collect();
        let start = from
            .and_then(|id| all.iter().position(|i| i.id == id))
            .unwrap_or(0);
        all[start..].to_vec()
    }

    /// Pastes a spreadsheet block from the cell being edited: refused whole at the cell when a
    /// value cannot be read, one change saved at once, several shown first.
    #[allow(clippy::too_many_arguments)]
    fn paste_block(
        &mut self,
        view: &YearView,
        rows: &[Row],
        ind: &Indicator,
        col: Col,
        block: &str,
        actions: &mut Vec<Action>,
    ) {
        let from = Col::ORDER.iter().position(|&c| c == col).unwrap_or(0);
        let columns = self.block_columns(from);
        let saved_rows = std::mem::replace(&mut self.rows, rows.to_vec());
        let targets = self.shown_rows(view, Some(ind.id));
        let pasted = paste::paste(block, &targets, &columns);
        self.rows = saved_rows;
        if !pasted.refused.is_empty() {
            if let Some(edit) = &mut self.editing {
                let mut message = pasted.refused.iter().take(3).cloned().collect::<Vec<_>>();
                if pasted.refused.len() > 3 {
                    message.push(format!("và {} chỗ khác", pasted.refused.len() - 3));
                }
                edit.error = Some(format!(
                    "Chưa dán gì: {}. Sửa trong bảng tính rồi chép lại.",
                    message.join("; ")
                ));
                edit.focus = true;
            }
            return;
        }
        self.editing = None;
        let mut changed = pasted.changed;
        match changed.len() {
            0 => actions.push(Action::Toast(
                "Các ô dán vào đã có đúng các giá trị này.".to_owned(),
            )),
            1 => {
                if let Some((from, to)) = changed.pop() {
                    actions.push(Action::Edit(Edit::UpdateIndicator { from, to }));
                }
            }
            n => {
                let mut lines = vec![format!(
                    "Dán từ bảng tính sẽ sửa {} ô của {n} chỉ tiêu (hoàn tác bằng Ctrl+Z):",
                    pasted.lines.len()
                )];
                lines.extend(pasted.lines);
                actions.push(Action::Confirm {
                    title: "Dán từ bảng tính".to_owned(),
                    lines,
                    confirm: "Dán".to_owned(),
                    then: Box::new(Action::Edit(Edit::Steps {
                        label: "dán từ bảng tính",
                        steps: changed
                            .into_iter()
                            .map(|(from, to)| Edit::UpdateIndicator { from, to })
                            .collect(),
                    })),
                });
            }
        }
    }

    fn narrative_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let Some(member) = self.selected_member.and_then(|id| view.member(id)) else {
            ui.label("Chọn một đơn vị để xem phần thành tích.");
            return;
        };
        if self.narrative_member != Some(member.id) {
            self.narrative = FieldBuffer::default();
            self.key_works = FieldBuffer::default();
            self.narrative_member = Some(member.id);
        }
        ui.heading("Thành tích nổi bật");
        ui.label(RichText::new(member.full_name_in(year)).strong());
        ui.add_space(4.0);
        let own = view.data.narratives.iter().find(|n| n.member == member.id);
        let stored = |field| own.map_or("", |n| n.field(field));
        egui::ScrollArea::vertical().show(ui, |ui| {
            // The history asked for with "Lịch sử" comes first, where it is seen at once.
            let shown = self
                .selected_indicator
                .and_then(|id| view.data.indicators.iter().find(|i| i.id == id))
                .filter(|i| i.member == member.id);
            if let (Some(ind), Some(panel)) = (shown, &self.history)
                && panel.id == ind.id
            {
                super::indicator_history::history_ui(ui, panel, ind, view, locked, actions);
                ui.separator();
            }
            for (field, label, rows, buffer) in [
                (
                    NarrativeField::Achievements,
                    "Đoạn thành tích (đưa vào báo cáo)",
                    14,
                    &mut self.narrative,
                ),
                (
                    NarrativeField::KeyWorks,
                    "Công trình, phần việc trọng điểm đăng ký (mỗi dòng một việc; đưa vào bản giao ước)",
                    5,
                    &mut self.key_works,
                ),
            ] {
                if let Some(text) = text_area_ui(ui, label, stored(field), buffer, rows, !locked) {
                    actions.push(Action::Edit(Edit::SetNarrative {
                        year,
                        member: member.id,
                        field,
                        previous: stored(field).to_owned(),
                        text,
                    }));
                }
                ui.add_space(6.0);
            }
        });
    }

    /// Asks for the selected indicator's history when it is not read yet for this view.
    fn ask_history(&mut self, view: &YearView, actions: &mut Vec<Action>) {
        let Some(id) = self.selected_indicator else {
            return;
        };
        let wanted = (id, view.generation);
        let have = self.history.as_ref().map(|h| (h.id, h.generation));
        if have != Some(wanted) && self.history_asked != Some(wanted) {
            self.history_asked = Some(wanted);
            actions.push(Action::IndicatorHistory(id));
        }
    }
}

/// The cell that Tab, Shift+Tab or Enter moves to.
fn next_cell(
    rows: &[Row],
    view: &YearView,
    ind: &Indicator,
    col: Col,
    period: Period,
    movement: CellExit,
) -> Option<CellEdit> {
    let items: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Item(i) => Some(*i),
            Row::Header(..) => None,
        })
        .collect();
    let pos = items
        .iter()
        .position(|&i| view.data.indicators[i].id == ind.id)?;
    let ci = Col::ORDER.iter().position(|&c| c == col)?;
    let (row, col) = match movement {
        CellExit::Next if ci + 1 < Col::ORDER.len() => (pos, ci + 1),
        CellExit::Next => (pos + 1, 0),
        CellExit::Previous if ci > 0 => (pos, ci - 1),
        CellExit::Previous => (pos.checked_sub(1)?, Col::ORDER.len() - 1),
        CellExit::Down => (pos + 1, ci),
        CellExit::Stay | CellExit::Cancel => return None,
    };
    let target = &view.data.indicators[*items.get(row)?];
    let col = Col::ORDER[col];
    Some(CellEdit {
        id: target.id,
        col,
        text: col.text_of(target, period),
        error: None,
        focus: true,
    })
}

/// How the result stands against the plan, coloured; nothing without a plan.
fn evaluation_ui(ui: &mut egui::Ui, ind: &Indicator) {
    use crate::domain::target::Evaluation;
    if ind.target().is_none() {
        return;
    }
    let e = ind.evaluation();
    let text = RichText::new(e.label());
    let text = match e {
        Evaluation::Exceeded | Evaluation::Met => text.color(egui::Color32::from_rgb(0, 110, 60)),
        Evaluation::NotMet => text.color(super::widgets::ERROR_COLOR),
        Evaluation::Unknown => text.weak(),
    };
    ui.label(text);
}
