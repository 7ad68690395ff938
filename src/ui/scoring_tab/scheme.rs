//! Editing the score sheet itself: its name and basis, whether totals may exceed the base, the
//! classification bands, the tie-break rules, and the criteria tree (add, nest, move, scores,
//! kinds). Every change is the whole scheme saved as one edit, so Ctrl+Z undoes it.

use crate::domain::Year;
use crate::domain::scoring::{
    Band, Criterion, CriterionId, CriterionKind, Formula, Scheme, TieBreak, format_score,
};
use crate::edit::Edit;
use crate::text::number::{format_number, parse_non_negative, parse_number};
use crate::ui::app::Action;
use crate::ui::widgets::{
    DateBuffer, FieldBuffer, FieldBuffers, TextField, date_field_ui, form_field_ui, form_grid_ui,
    text_fields_ui,
};
use egui::RichText;

#[derive(Default)]
pub(crate) struct SchemeEditor {
    pub open: bool,
    selected: Option<CriterionId>,
    head: FieldBuffers,
    date: DateBuffer,
    fields: FieldBuffers,
    fields_for: Option<CriterionId>,
}

/// A number field of the form: the new value when the user commits a valid one.
fn number_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    stored: f64,
    buffer: &mut FieldBuffer,
    enabled: bool,
) -> Option<f64> {
    let text = form_field_ui(ui, label, &format_number(stored), buffer, false, enabled)?;
    match parse_non_negative(&text) {
        Ok(v) => {
            buffer.error = None;
            Some(v)
        }
        Err(e) => {
            buffer.error = Some(e.to_string());
            None
        }
    }
}

/// Bands as the user types them: one per line, "Tên mức: điểm tối thiểu".
fn bands_text(bands: &[Band]) -> String {
    bands
        .iter()
        .map(|b| format!("{}: {}", b.name, format_number(b.min_total)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_bands(text: &str) -> Result<Vec<Band>, String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let Some((name, min)) = line.rsplit_once(':') else {
                return Err(format!(
                    "Dòng “{}”: hãy ghi “Tên mức: điểm tối thiểu”, ví dụ “Hoàn thành tốt nhiệm vụ: 70”.",
                    line.trim()
                ));
            };
            let min_total = parse_number(min).map_err(|e| format!("Dòng “{}”: {e}", line.trim()))?;
            if name.trim().is_empty() {
                return Err(format!("Dòng “{}”: thiếu tên mức xếp loại.", line.trim()));
            }
            Ok(Band {
                name: name.trim().to_owned(),
                min_total,
            })
        })
        .collect()
}

/// Renumbers the siblings under `parent` in their current order, so moves are swaps.
fn renumber(scheme: &mut Scheme, parent: Option<CriterionId>) {
    let order: Vec<CriterionId> = scheme.children(parent).iter().map(|c| c.id).collect();
    for (n, id) in order.iter().enumerate() {
        if let Some(c) = scheme.criteria.iter_mut().find(|c| c.id == *id) {
            c.sort = n as i64;
        }
    }
}

impl SchemeEditor {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        year: Year,
        scheme: &Scheme,
        locked: bool,
        actions: &mut Vec<Action>,
    ) {
        let mut changed: Option<Scheme> = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Sửa bảng điểm");
            changed = self.head_ui(ui, scheme, locked);
            ui.separator();
            ui.strong("Tiêu chí");
            if let Some(s) = self.tree_ui(ui, scheme, locked) {
                changed = Some(s);
            }
            if let Some(c) = self.selected.and_then(|id| scheme.criterion(id)) {
                ui.separator();
                if let Some(s) = self.criterion_ui(ui, scheme, c, locked) {
                    changed = Some(s);
                }
            }
        });
        if let Some(scheme) = changed {
            actions.push(Action::Edit(Edit::SetScheme {
                year,
                scheme: Some(scheme),
            }));
        }
    }

    fn head_ui(&mut self, ui: &mut egui::Ui, scheme: &Scheme, locked: bool) -> Option<Scheme> {
        let enabled = !locked;
        let mut out = None;
        form_grid_ui(ui, "scheme-head", 110.0, |ui| {
            let fields = [
                TextField::new(
                    "name",
                    "Tên bảng điểm",
                    |s: &Scheme| &s.name,
                    |s, v| s.name = v,
                ),
                TextField::new(
                    "basis",
                    "Căn cứ (số văn bản)",
                    |s: &Scheme| &s.basis,
                    |s, v| s.basis = v,
                ),
            ];
            out = text_fields_ui(ui, &fields, scheme, &mut self.head, enabled);
            if let Some(d) = date_field_ui(
                ui,
                "Ngày văn bản",
                scheme.basis_date,
                &mut self.date,
                enabled,
            ) {
                out = Some(Scheme {
                    basis_date: d,
                    ..scheme.clone()
                });
            }
            ui.end_row();
            let buffer = self.head.entry("base".to_owned()).or_default();
            if let Some(v) =
                number_field_ui(ui, "Tổng điểm chuẩn", scheme.base_total, buffer, enabled)
            {
                out = Some(Scheme {
                    base_total: v,
                    ..scheme.clone()
                });
            }
            let buffer = self.head.entry("bands".to_owned()).or_default();
            if let Some(text) = form_field_ui(
                ui,
                "Xếp loại (mỗi dòng “Tên: điểm từ”)",
                &bands_text(&scheme.bands),
                buffer,
                true,
                enabled,
            ) {
                match parse_bands(&text) {
                    Ok(bands) => {
                        buffer.error = None;
                        out = Some(Scheme {
                            bands,
                            ..scheme.clone()
                        });
                    }
                    Err(e) => buffer.error = Some(e),
                }
            }
        });
        type Flag = (&'static str, fn(&Scheme) -> bool, fn(&mut Scheme, bool));
        let flags: [Flag; 4] = [
            (
                "Tổng điểm được vượt tổng điểm chuẩn (nhờ điểm thưởng)",
                |s| s.may_exceed,
                |s, v| s.may_exceed = v,
            ),
            (
                "Chấm chéo: điểm khối chấm là trung bình điểm các đơn vị khác chấm",
                |s| s.cross_scoring,
                |s, v| s.cross_scoring = v,
            ),
            (
                "Thư ký Khối cùng ký bảng tổng hợp kết quả chấm điểm",
                |s| s.secretariat_signs,
                |s, v| s.secretariat_signs = v,
            ),
            (
                "Bảng điểm mẫu (chưa điều chỉnh theo hướng dẫn của Khối)",
                |s| s.template,
                |s, v| s.template = v,
            ),
        ];
        for (label, get, set) in flags {
            let mut value = get(scheme);
            if ui
                .add_enabled(enabled, egui::Checkbox::new(&mut value, label))
                .changed()
            {
                let mut edited = scheme.clone();
                set(&mut edited, value);
                out = Some(edited);
            }
        }
        ui.add_space(4.0);
        ui.label("Khi bằng tổng điểm, xếp trên đơn vị có (theo thứ tự):");
        let mut rules = scheme.tie_breaks.clone();
        let mut rules_changed = false;
        let mut remove = None;
        let mut raise = None;
        for (i, rule) in scheme.tie_breaks.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{}. {}", i + 1, rule.describe(scheme)));
                if ui
                    .add_enabled(enabled && i > 0, egui::Button::new("Lên").small())
                    .clicked()
                {
                    raise = Some(i);
                }
                if ui
                    .add_enabled(enabled, egui::Button::new("Bỏ").small())
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = raise {
            rules.swap(i, i - 1);
            rules_changed = true;
        }
        if let Some(i) = remove {
            rules.remove(i);
            rules_changed = true;
        }
        ui.horizontal(|ui| {
            let mut options = vec![TieBreak::FewerDeductions, TieBreak::MoreBonus];
            options.extend(
                scheme
                    .children(None)
                    .iter()
                    .map(|c| TieBreak::GroupScore(c.id)),
            );
            let label = ui.label("Thêm tiêu chí phụ:");
            egui::ComboBox::from_id_salt("add-tie-break")
                .selected_text("Chọn…")
                .show_ui(ui, |ui| {
                    let missing: Vec<TieBreak> =
                        options.into_iter().filter(|o| !rules.contains(o)).collect();
                    for o in missing {
                        if ui
                            .add_enabled(
                                enabled,
                                egui::Button::selectable(false, o.describe(scheme)),
                            )
                            .clicked()
                        {
                            rules.push(o);
                            rules_changed = true;
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if rules_changed {
            out = Some(Scheme {
                tie_breaks: rules,
                ..scheme.clone()
            });
        }
        out
    }

    fn tree_ui(&mut self, ui: &mut egui::Ui, scheme: &Scheme, locked: bool) -> Option<Scheme> {
        for (depth, c) in scheme.in_order() {
            ui.horizontal(|ui| {
                ui.add_space(depth as f32 * 14.0);
                let text = format!("{} {} ({})", c.code, c.title, format_score(c.max));
                let text = if scheme.has_children(c.id) {
                    RichText::new(text).strong()
                } else {
                    RichText::new(text)
                };
                if ui
                    .selectable_label(self.selected == Some(c.id), text)
                    .clicked()
                {
                    self.selected = Some(c.id);
                }
            });
        }
        let enabled = !locked;
        let selected = self.selected.and_then(|id| scheme.criterion(id)).cloned();
        let mut out = None;
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new("Thêm mục"))
                .on_hover_text("Thêm một mục cùng cấp với mục đang chọn (hoặc ở cấp cao nhất)")
                .clicked()
            {
                out = Some(self.add(scheme, selected.as_ref().and_then(|c| c.parent)));
            }
            let sel = selected.is_some();
            if ui
                .add_enabled(enabled && sel, egui::Button::new("Thêm mục con"))
                .clicked()
            {
                out = Some(self.add(scheme, selected.as_ref().map(|c| c.id)));
            }
            if let Some(c) = &selected {
                for (label, op) in [
                    ("Lên", Op::Up),
                    ("Xuống", Op::Down),
                    ("Vào trong", Op::Indent),
                    ("Ra ngoài", Op::Outdent),
                    ("Xóa mục", Op::Delete),
                ] {
                    if ui.add_enabled(enabled, egui::Button::new(label)).clicked() {
                        out = apply(scheme, c, op);
                        if op == Op::Delete {
                            self.selected = None;
                        }
                    }
                }
            }
        });
        out
    }

    fn add(&mut self, scheme: &Scheme, parent: Option<CriterionId>) -> Scheme {
        let mut s = scheme.clone();
        let id = s.next_id();
        let sort = s
            .children(parent)
            .iter()
            .map(|c| c.sort)
            .max()
            .map_or(0, |m| m + 1);
        s.criteria.push(Criterion {
            id,
            parent,
            code: String::new(),
            title: "Mục mới".to_owned(),
            max: 0.0,
            kind: CriterionKind::Entered,
            checker: String::new(),
            evidence: String::new(),
            sort,
        });
        self.selected = Some(id);
        s
    }

    fn criterion_ui(
        &mut self,
        ui: &mut egui::Ui,
        scheme: &Scheme,
        c: &Criterion,
        locked: bool,
    ) -> Option<Scheme> {
        if self.fields_for != Some(c.id) {
            self.fields.clear();
            self.fields_for = Some(c.id);
        }
        let enabled = !locked;
        let mut edited: Option<Criterion> = None;
        ui.strong(format!("Mục {} {}", c.code, c.title));
        form_grid_ui(ui, "criterion-form", 110.0, |ui| {
            let fields = [
                TextField::new(
                    "code",
                    "Số thứ tự",
                    |c: &Criterion| &c.code,
                    |c, v| c.code = v,
                ),
                TextField::new(
                    "title",
                    "Tên tiêu chí",
                    |c: &Criterion| &c.title,
                    |c, v| c.title = v,
                ),
                TextField::new(
                    "checker",
                    "Đơn vị kiểm tra",
                    |c: &Criterion| &c.checker,
                    |c, v| c.checker = v,
                ),
                TextField::new(
                    "evidence",
                    "Minh chứng cần có",
                    |c: &Criterion| &c.evidence,
                    |c, v| c.evidence = v,
                ),
            ];
            edited = text_fields_ui(ui, &fields, c, &mut self.fields, enabled);
            let label = match c.kind {
                CriterionKind::Bonus { .. } | CriterionKind::Deduction { .. } => "Tối đa (cả mục)",
                _ => "Điểm chuẩn",
            };
            let buffer = self.fields.entry("max".to_owned()).or_default();
            if let Some(v) = number_field_ui(ui, label, c.max, buffer, enabled) {
                edited = Some(Criterion {
                    max: v,
                    ..c.clone()
                });
            }
            let label = ui.label("Cách chấm");
            let mut kind = c.kind.clone();
            egui::ComboBox::from_id_salt("criterion-kind")
                .selected_text(kind.label())
                .show_ui(ui, |ui| {
                    let plan = CriterionKind::Indicator {
                        indicator: String::new(),
                        formula: Formula::Proportional,
                    };
                    for k in [
                        CriterionKind::Entered,
                        plan,
                        CriterionKind::Bonus {
                            per: 1.0,
                            award: String::new(),
                        },
                        CriterionKind::Deduction { per: 0.5 },
                    ] {
                        let same = std::mem::discriminant(&k) == std::mem::discriminant(&c.kind);
                        if ui
                            .add_enabled(enabled, egui::Button::selectable(same, k.label()))
                            .clicked()
                            && !same
                        {
                            kind = k;
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            match &c.kind {
                CriterionKind::Bonus { per, award } => {
                    let buffer = self.fields.entry("per".to_owned()).or_default();
                    if let Some(v) = number_field_ui(ui, "Điểm mỗi lần", *per, buffer, enabled)
                    {
                        kind = CriterionKind::Bonus {
                            per: v,
                            award: award.clone(),
                        };
                    }
                    let buffer = self.fields.entry("award".to_owned()).or_default();
                    if let Some(name) = form_field_ui(
                        ui,
                        "Tính theo danh hiệu đã nhận năm trước (trống: nhập tay)",
                        award,
                        buffer,
                        false,
                        enabled,
                    ) {
                        kind = CriterionKind::Bonus {
                            per: *per,
                            award: name.trim().to_owned(),
                        };
                    }
                }
                CriterionKind::Deduction { per } => {
                    let buffer = self.fields.entry("per".to_owned()).or_default();
                    if let Some(v) = number_field_ui(ui, "Điểm mỗi lần", *per, buffer, enabled)
                    {
                        kind = CriterionKind::Deduction { per: v };
                    }
                }
                CriterionKind::Indicator { indicator, formula } => {
                    let buffer = self.fields.entry("indicator".to_owned()).or_default();
                    if let Some(name) = form_field_ui(
                        ui,
                        "Chỉ tiêu (trống: mọi chỉ tiêu)",
                        indicator,
                        buffer,
                        false,
                        enabled,
                    ) {
                        kind = CriterionKind::Indicator {
                            indicator: name,
                            formula: *formula,
                        };
                    }
                    let label = ui.label("Công thức");
                    egui::ComboBox::from_id_salt("criterion-formula")
                        .selected_text(formula.label())
                        .show_ui(ui, |ui| {
                            for f in [
                                Formula::Proportional,
                                Formula::Reached,
                                Formula::Stepped {
                                    share: 0.5,
                                    full_at: 1.2,
                                },
                            ] {
                                let same =
                                    std::mem::discriminant(&f) == std::mem::discriminant(formula);
                                if ui
                                    .add_enabled(enabled, egui::Button::selectable(same, f.label()))
                                    .clicked()
                                    && !same
                                {
                                    kind = CriterionKind::Indicator {
                                        indicator: indicator.clone(),
                                        formula: f,
                                    };
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    if let Formula::Stepped { share, full_at } = formula {
                        let buffer = self.fields.entry("share".to_owned()).or_default();
                        if let Some(v) = number_field_ui(
                            ui,
                            "Tỷ lệ điểm khi đạt kế hoạch (0–1)",
                            *share,
                            buffer,
                            enabled,
                        ) {
                            kind = CriterionKind::Indicator {
                                indicator: indicator.clone(),
                                formula: Formula::Stepped {
                                    share: v,
                                    full_at: *full_at,
                                },
                            };
                        }
                        let buffer = self.fields.entry("full_at".to_owned()).or_default();
                        if let Some(v) = number_field_ui(
                            ui,
                            "Đủ điểm khi đạt (lần kế hoạch, ví dụ 1,2)",
                            *full_at,
                            buffer,
                            enabled,
                        ) {
                            kind = CriterionKind::Indicator {
                                indicator: indicator.clone(),
                                formula: Formula::Stepped {
                                    share: *share,
                                    full_at: v,
                                },
                            };
                        }
                    }
                }
                CriterionKind::Entered => {}
            }
            if kind != c.kind {
                edited = Some(Criterion { kind, ..c.clone() });
            }
        });
        if scheme.has_children(c.id) {
            ui.label(
                RichText::new("Mục này là nhóm: điểm của nhóm là tổng các mục con.")
                    .small()
                    .weak(),
            );
        }
        let edited = edited?;
        let mut s = scheme.clone();
        if let Some(slot) = s.criteria.iter_mut().find(|x| x.id == c.id) {
            *slot = edited;
        }
        Some(s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Up,
    Down,
    Indent,
    Outdent,
    Delete,
}

/// The scheme after moving, nesting or deleting `c`; `None` when the move is not possible.
fn apply(scheme: &Scheme, c: &Criterion, op: Op) -> Option<Scheme> {
    let mut s = scheme.clone();
    renumber(&mut s, c.parent);
    let siblings: Vec<CriterionId> = s.children(c.parent).iter().map(|x| x.id).collect();
    let at = siblings.iter().position(|&id| id == c.id)?;
    let set = |s: &mut Scheme, id: CriterionId, f: &dyn Fn(&mut Criterion)| {
        if let Some(x) = s.criteria.iter_mut().find(|x| x.id == id) {
            f(x);
        }
    };
    match op {
        Op::Up | Op::Down => {
            let other = if op == Op::Up {
                at.checked_sub(1)?
            } else {
                at + 1
            };
            let other = *siblings.get(other)?;
            let (a, b) = (s.criterion(c.id)?.sort, s.criterion(other)?.sort);
            set(&mut s, c.id, &|x| x.sort = b);
            set(&mut s, other, &|x| x.sort = a);
        }
        Op::Indent => {
            let new_parent = *siblings.get(at.checked_sub(1)?)?;
            let sort = s.children(Some(new_parent)).len() as i64;
            set(&mut s, c.id, &|x| {
                x.parent = Some(new_parent);
                x.sort = sort;
            });
        }
        Op::Outdent => {
            let parent = s.criterion(c.parent?)?.clone();
            renumber(&mut s, parent.parent);
            let after = s.criterion(parent.id)?.sort;
            for x in s
                .criteria
                .iter_mut()
                .filter(|x| x.parent == parent.parent && x.sort > after)
            {
                x.sort += 1;
            }
            set(&mut s, c.id, &|x| {
                x.parent = parent.parent;
                x.sort = after + 1;
            });
        }
        Op::Delete => {
            // The criterion and everything under it; tie-break rules naming them go too.
            let mut gone = vec![c.id];
            let mut i = 0;
            while i < gone.len() {
                let id = gone[i];
                gone.extend(
                    s.criteria
                        .iter()
                        .filter(|x| x.parent == Some(id))
                        .map(|x| x.id),
                );
                i += 1;
            }
            s.criteria.retain(|x| !gone.contains(&x.id));
            s.tie_breaks
                .retain(|t| !matches!(t, TieBreak::GroupScore(id) if gone.contains(id)));
        }
    }
    Some(s)
}
