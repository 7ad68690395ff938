//! The score table: criteria down, members across, one stage; cells entered like a spreadsheet.

use super::panels::PanelState;
use super::{Derived, YearView};
use crate::domain::MemberId;
use crate::domain::scoring::{
    Criterion, CriterionId, CriterionKind, Inputs, Scheme, Score, ScoreChange, Source, Stage,
    Totals, check_score, compute, format_score,
};
use crate::edit::Edit;
use crate::text::number::parse_non_negative;
use crate::ui::app::Action;
use crate::ui::cell::{CellExit, cell_editor_ui};
use crate::ui::widgets::ERROR_COLOR;
use egui::{Align, Color32, Layout, RichText};
use egui_extras::{Column, TableBuilder};

/// The cell being typed into.
#[derive(Debug, Clone)]
struct CellEdit {
    member: MemberId,
    criterion: CriterionId,
    text: String,
    error: Option<String>,
    focus: bool,
}

#[derive(Debug, Default)]
pub(crate) struct CellState {
    editing: Option<CellEdit>,
    /// The cell last clicked: its member's sheet is shown, its note can be edited.
    pub selected: Option<(MemberId, CriterionId)>,
    /// The totals of the cross-scores one member gave, for the view's generation.
    cross: Option<(u64, MemberId, Vec<Totals>)>,
}

/// The totals of the cross-scores `scorer` gave every member, computed as if they were
/// self-scores (so caps and group sums apply the same way) with nothing from the indicators.
fn cross_totals(
    scheme: &Scheme,
    derived: &Derived,
    scores: &[Score],
    scorer: MemberId,
) -> Vec<Totals> {
    let given: Vec<Score> = scores
        .iter()
        .filter(|s| s.scorer == Some(scorer) && s.stage == Stage::Bloc)
        .map(|s| Score {
            stage: Stage::SelfScore,
            scorer: None,
            ..s.clone()
        })
        .collect();
    let plain = Scheme {
        cross_scoring: false,
        ..scheme.clone()
    };
    compute(&plain, &derived.members, &given, Inputs::default())
}

/// The score typed in a cell: empty clears it; "2 lần" counts occurrences of a bonus or
/// deduction; otherwise points, the Vietnamese way ("1,5").
pub fn parse_cell(c: &Criterion, text: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let value = match t.strip_suffix("lần").map(str::trim) {
        Some(count) => {
            let Some(per) = c.kind.per() else {
                return Err("Chỉ điểm thưởng và điểm trừ mới gõ theo số lần.".to_owned());
            };
            let n = parse_non_negative(count).map_err(|e| e.to_string())?;
            if n.fract() != 0.0 {
                return Err("Số lần phải là số nguyên.".to_owned());
            }
            n * per
        }
        None => parse_non_negative(t).map_err(|e| e.to_string())?,
    };
    check_score(c, value)?;
    Ok(Some(value))
}

/// A cell's text as shown: signed points (a deduction with its minus sign).
fn shown(points: f64, source: Source) -> String {
    if source == Source::Empty {
        return String::new();
    }
    format_score(points)
}

/// The name a cell has for screen readers and tests: "Sở TT&TT, mục 1.2".
pub fn cell_name(member: &str, c: &Criterion) -> String {
    let code = if c.code.trim().is_empty() {
        c.title.as_str()
    } else {
        c.code.trim()
    };
    format!("Điểm {member}, mục {code}")
}

impl CellState {
    #[allow(clippy::too_many_arguments)]
    pub fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        derived: &Derived,
        stage: Stage,
        scorer: Option<MemberId>,
        locked: bool,
        panels: &mut PanelState,
        actions: &mut Vec<Action>,
    ) {
        if derived.rows.is_empty() {
            ui.label("Bảng điểm chưa có tiêu chí nào. Bấm “Sửa bảng điểm…” để thêm.");
            return;
        }
        // The refusal in full above the table too: the cell's column is narrow.
        if let Some(e) = self.editing.as_ref()
            && let Some(message) = &e.error
        {
            let criterion = scheme
                .criterion(e.criterion)
                .map_or("", |c| c.code.as_str());
            ui.label(
                RichText::new(format!(
                    "{}, mục {criterion}: {message} Giá trị cũ được giữ; sửa lại hoặc bấm Esc.",
                    view.short_name(e.member)
                ))
                .color(ERROR_COLOR),
            );
        }
        // With a scoring member chosen, the table shows (and takes) the scores it gave.
        let scorer = scorer.filter(|_| stage == Stage::Bloc && scheme.cross_scoring);
        if let Some(by) = scorer
            && self
                .cross
                .as_ref()
                .is_none_or(|c| (c.0, c.1) != (view.generation, by))
        {
            let totals = cross_totals(scheme, derived, &view.data.scoring.scores, by);
            self.cross = Some((view.generation, by, totals));
        }
        let cross = self.cross.take();
        let (all_totals, s) = match (&cross, scorer) {
            (Some((_, _, t)), Some(_)) => (t.as_slice(), Stage::SelfScore as usize),
            _ => (derived.totals.as_slice(), stage as usize),
        };
        let names: Vec<String> = derived
            .members
            .iter()
            .map(|&m| view.short_name(m))
            .collect();
        let error_row = self
            .editing
            .as_ref()
            .filter(|e| e.error.is_some())
            .map(|e| e.criterion);
        let heights: Vec<f32> = derived
            .rows
            .iter()
            .map(|&(_, i, _)| {
                if Some(scheme.criteria[i].id) == error_row {
                    64.0
                } else {
                    26.0
                }
            })
            .chain([28.0])
            .collect();
        // Member names take up to two lines in their header.
        let header_height = (2.0 * ui.text_style_height(&egui::TextStyle::Body)
            + 2.0 * ui.spacing().button_padding.y
            + 6.0)
            .max(40.0);
        let standard_width = super::panels::strong_width(ui, "Điểm chuẩn").max(80.0);
        egui::ScrollArea::horizontal().show(ui, |ui| {
            // Columns are virtualised as rows are: a member's cells are drawn only when its
            // column is within a screen's width of the view (or holds the cell being typed
            // in); 40 members × 120 criteria would otherwise lay out every column each frame.
            let view_x = ui.clip_rect().x_range();
            let margin = view_x.span();
            let column_x: std::cell::RefCell<Vec<egui::Rangef>> = Default::default();
            let editing_member = self.editing.as_ref().map(|e| e.member);
            let drawn = |k: usize, member: MemberId| {
                editing_member == Some(member)
                    || column_x.borrow().get(k).is_none_or(|x| {
                        x.max >= view_x.min - margin && x.min <= view_x.max + margin
                    })
            };
            let mut table = TableBuilder::new(ui)
                .id_salt("scores-table")
                .striped(true)
                .cell_layout(Layout::left_to_right(Align::Center))
                .column(Column::initial(300.0).resizable(true).clip(true))
                .column(Column::exact(standard_width));
            for _ in &derived.members {
                table = table.column(Column::initial(84.0).resizable(true).clip(true));
            }
            // A cell just moved to (Tab, Enter) is brought into view.
            if let Some(e) = self.editing.as_ref().filter(|e| e.focus)
                && let Some(row) = derived
                    .rows
                    .iter()
                    .position(|&(_, i, _)| scheme.criteria[i].id == e.criterion)
            {
                table = table.scroll_to_row(row, None);
            }
            table
                .header(header_height, |mut h| {
                    h.col(|ui| {
                        ui.strong("Tiêu chí");
                    });
                    h.col(|ui| {
                        ui.strong("Điểm chuẩn");
                    });
                    for (k, name) in names.iter().enumerate() {
                        let (rect, _) = h.col(|ui| {
                            let member = derived.members[k];
                            let full = view
                                .member(member)
                                .map_or(String::new(), |m| m.full_name_in(view.year()).to_owned());
                            let selected = panels.member == Some(member);
                            if member_header_ui(ui, selected, name)
                                .on_hover_text(full)
                                .clicked()
                            {
                                panels.member = Some(member);
                            }
                        });
                        column_x.borrow_mut().push(rect.x_range());
                    }
                })
                .body(|body| {
                    body.heterogeneous_rows(heights.into_iter(), |mut row| {
                        let r = row.index();
                        let Some(&(depth, i, leaf)) = derived.rows.get(r) else {
                            // The last row: the totals.
                            row.col(|ui| {
                                let what = match scorer {
                                    Some(by) => format!("{} chấm", view.short_name(by)),
                                    None => stage.label().to_lowercase(),
                                };
                                ui.strong(format!("Tổng cộng ({what})"));
                            });
                            row.col(|ui| {
                                right(ui, RichText::new(format_score(scheme.base_total)).strong());
                            });
                            for (k, t) in all_totals.iter().enumerate() {
                                if !drawn(k, t.member) {
                                    row.col(|_| {});
                                    continue;
                                }
                                row.col(|ui| {
                                    right(
                                        ui,
                                        RichText::new(format_score(t.stages[s].total)).strong(),
                                    );
                                });
                            }
                            return;
                        };
                        let c = &scheme.criteria[i];
                        row.col(|ui| {
                            ui.add_space(depth as f32 * 14.0);
                            let text = format!("{} {}", c.code, c.title);
                            let text = if leaf {
                                RichText::new(text)
                            } else {
                                RichText::new(text).strong()
                            };
                            ui.add(egui::Label::new(text).truncate())
                                .on_hover_text(hover(c));
                        });
                        row.col(|ui| {
                            let max = format_score(c.max);
                            right(
                                ui,
                                RichText::new(match c.kind {
                                    CriterionKind::Deduction { .. } => format!("−{max}"),
                                    CriterionKind::Bonus { .. } => format!("+{max}"),
                                    _ => max,
                                })
                                .weak(),
                            );
                        });
                        for (k, t) in all_totals.iter().enumerate() {
                            if !drawn(k, t.member) {
                                row.col(|_| {});
                                continue;
                            }
                            row.col(|ui| {
                                if scorer == Some(t.member) {
                                    right(ui, RichText::new("—").weak())
                                        .on_hover_text("Đơn vị không chấm chéo cho chính mình.");
                                    return;
                                }
                                let (points, source) = (t.points[i][s], t.sources[i][s]);
                                if !leaf {
                                    right(ui, RichText::new(format_score(points)).strong());
                                    return;
                                }
                                let at = Place {
                                    stage,
                                    scorer,
                                    member: t.member,
                                };
                                self.cell_ui(
                                    ui, view, scheme, derived, c, at, &names[k], points, source,
                                    locked, panels, actions,
                                );
                            });
                        }
                    });
                });
        });
        self.cross = cross;
    }

    #[allow(clippy::too_many_arguments)]
    fn cell_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        scheme: &Scheme,
        derived: &Derived,
        c: &Criterion,
        at: Place,
        member_name: &str,
        points: f64,
        source: Source,
        locked: bool,
        panels: &mut PanelState,
        actions: &mut Vec<Action>,
    ) {
        let Place {
            stage,
            scorer,
            member,
        } = at;
        let typed_at = |member: MemberId, criterion: CriterionId| {
            derived
                .index
                .get_by(&view.data.scoring.scores, member, criterion, stage, scorer)
        };
        let name = cell_name(member_name, c);
        let editing_here = self
            .editing
            .as_ref()
            .is_some_and(|e| e.member == member && e.criterion == c.id);
        if !editing_here {
            let text = shown(points, source);
            let rich = match source {
                Source::Entered => RichText::new(text),
                Source::Computed => RichText::new(text)
                    .italics()
                    .color(Color32::from_rgb(0, 90, 160)),
                Source::Averaged => RichText::new(text)
                    .italics()
                    .color(Color32::from_rgb(0, 110, 60)),
                Source::Earlier | Source::Empty => RichText::new(text).weak(),
            };
            let selected = self.selected == Some((member, c.id));
            let response = ui
                .with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.add_sized(
                        ui.available_size(),
                        egui::Button::selectable(selected, rich).frame_when_inactive(false),
                    )
                })
                .inner;
            let n = name.clone();
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &n));
            let response = match source {
                // Hover texts are built only when shown, not for every cell of every frame.
                Source::Computed => response.on_hover_ui(|ui| {
                    ui.label(match &c.kind {
                        CriterionKind::Bonus { award, .. } => format!(
                            "Tính từ danh hiệu “{award}” đơn vị đã nhận năm trước (quyết định ghi ở tab Khen thưởng năm trước); gõ điểm để thay (ghi lý do ở phần ghi chú)."
                        ),
                        _ => "Tính từ chỉ tiêu của đơn vị; gõ điểm để thay (ghi lý do ở phần ghi chú)."
                            .to_owned(),
                    });
                }),
                Source::Earlier => response
                    .on_hover_text("Chưa chấm ở giai đoạn này: đang lấy điểm giai đoạn trước."),
                Source::Averaged => response.on_hover_ui(|ui| {
                    let n = derived
                        .index
                        .cross_average(member, c.id)
                        .map_or(0, |(_, n)| n);
                    ui.label(format!(
                        "Trung bình điểm chấm chéo của {n} đơn vị (không tính điểm đơn vị tự chấm); gõ điểm để thay bằng điểm thẩm định của Khối."
                    ));
                }),
                _ => response,
            };
            if response.clicked() {
                self.selected = Some((member, c.id));
                panels.member = Some(member);
                if !locked {
                    let typed = typed_at(member, c.id)
                        .map(|s| format_score(s.value))
                        .unwrap_or_default();
                    self.editing = Some(CellEdit {
                        member,
                        criterion: c.id,
                        text: typed,
                        error: None,
                        focus: true,
                    });
                }
            }
            return;
        }
        let Some(edit) = &mut self.editing else {
            return;
        };
        let (response, outcome) = cell_editor_ui(
            ui,
            &mut edit.text,
            true,
            &mut edit.focus,
            edit.error.as_deref(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
        let Some(movement) = outcome else { return };
        if movement == CellExit::Cancel {
            self.editing = None;
            return;
        }
        let year = view.year();
        match parse_cell(c, &edit.text) {
            Ok(value) => {
                let old = typed_at(member, c.id);
                if old.map(|s| s.value) != value {
                    let score = value.map(|value| Score {
                        member,
                        criterion: c.id,
                        stage,
                        value,
                        note: old.map(|s| s.note.clone()).unwrap_or_default(),
                        evidence: old.map(|s| s.evidence.clone()).unwrap_or_default(),
                        scorer,
                    });
                    actions.push(Action::Edit(Edit::SetScores {
                        year,
                        changes: vec![ScoreChange {
                            member,
                            criterion: c.id,
                            stage,
                            scorer,
                            score,
                        }],
                    }));
                }
                self.editing = next_cell(scheme, derived, scorer, member, c.id, movement).map(
                    |(member, criterion)| CellEdit {
                        member,
                        criterion,
                        text: typed_at(member, criterion)
                            .map(|s| format_score(s.value))
                            .unwrap_or_default(),
                        error: None,
                        focus: true,
                    },
                );
                if let Some(e) = &self.editing {
                    self.selected = Some((e.member, e.criterion));
                }
            }
            Err(message) => {
                edit.error = Some(message);
                edit.focus = true;
            }
        }
    }
}

fn right(ui: &mut egui::Ui, text: RichText) -> egui::Response {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(text))
        .inner
}

/// What a criterion's row tells on hover: its kind, who checks it, the evidence expected.
fn hover(c: &Criterion) -> String {
    let mut lines = vec![format!("{} {}", c.code, c.title), c.kind.label().to_owned()];
    if let Some(per) = c.kind.per() {
        lines.push(format!(
            "Mỗi lần {} điểm, tối đa {} điểm",
            format_score(per),
            format_score(c.max)
        ));
    }
    if !c.checker.is_empty() {
        lines.push(format!("Kiểm tra: {}", c.checker));
    }
    if !c.evidence.is_empty() {
        lines.push(format!("Minh chứng: {}", c.evidence));
    }
    lines.join("\n")
}

/// Where a cell's score goes: its stage, the scoring member (cross-scoring) and the member.
#[derive(Debug, Clone, Copy)]
struct Place {
    stage: Stage,
    scorer: Option<MemberId>,
    member: MemberId,
}

/// The cell Tab, Shift+Tab or Enter moves to: across the members, then down the leaves; a
/// scoring member's own column is passed over.
fn next_cell(
    scheme: &Scheme,
    derived: &Derived,
    scorer: Option<MemberId>,
    member: MemberId,
    criterion: CriterionId,
    movement: CellExit,
) -> Option<(MemberId, CriterionId)> {
    let leaves: Vec<CriterionId> = derived
        .rows
        .iter()
        .filter(|r| r.2)
        .map(|r| scheme.criteria[r.1].id)
        .collect();
    let row = leaves.iter().position(|&c| c == criterion)?;
    let members: Vec<MemberId> = derived
        .members
        .iter()
        .copied()
        .filter(|&m| Some(m) != scorer)
        .collect();
    let col = members.iter().position(|&m| m == member)?;
    let n = members.len();
    let (row, col) = match movement {
        CellExit::Next if col + 1 < n => (row, col + 1),
        CellExit::Next => (row + 1, 0),
        CellExit::Previous if col > 0 => (row, col - 1),
        CellExit::Previous => (row.checked_sub(1)?, n.checked_sub(1)?),
        CellExit::Down => (row + 1, col),
        CellExit::Stay | CellExit::Cancel => return None,
    };
    Some((*members.get(col)?, *leaves.get(row)?))
}

/// A member's column header: its short name in bold, wrapped onto at most two lines and ended
/// with "…" past them (the full name is on hover), selectable to show its sheet beside.
fn member_header_ui(ui: &mut egui::Ui, selected: bool, name: &str) -> egui::Response {
    let padding = ui.spacing().button_padding.x;
    let mut job = egui::WidgetText::from(RichText::new(name).strong()).into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        Align::Center,
    );
    let job_mut = std::sync::Arc::make_mut(&mut job);
    job_mut.wrap = egui::text::TextWrapping {
        max_width: (ui.available_width() - 2.0 * padding).max(1.0),
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = ui
        .painter()
        .layout_job(std::sync::Arc::unwrap_or_clone(job));
    ui.add(egui::Button::selectable(selected, galley))
}
