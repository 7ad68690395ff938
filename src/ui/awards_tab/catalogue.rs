//! The catalogue's editor: the award shown in the tab, every number of its rule editable
//! (quota as "1" or "20%", the threshold's percentage, its base, "trên" or "từ … trở lên"),
//! who may be nominated, whether the ranking suggests nominees; add and remove awards. An
//! edited award is no longer the template.

use super::{Action, Ctx, parse_count};
use crate::domain::awards::{Award, AwardId, Eligibility, Quota, VoteBase, YearAwards};
use crate::text::number::{format_number, parse_number};
use crate::ui::widgets::{FieldBuffers, form_field_ui, form_grid_ui};

/// Draws the editor of `award_id`; returns an award to show instead (one just added).
pub(super) fn ui(
    ui: &mut egui::Ui,
    cx: &Ctx<'_>,
    award_id: AwardId,
    fields: &mut FieldBuffers,
    actions: &mut Vec<Action>,
) -> Option<AwardId> {
    let aw = cx.awards();
    let award = aw.award(award_id)?;
    ui.heading("Danh mục danh hiệu");
    ui.label("Số lượng, tỷ lệ phiếu và đối tượng xét là quy định của tỉnh và của Khối: sửa cho đúng quy chế năm nay.");
    ui.add_space(6.0);
    let save = |actions: &mut Vec<Action>, a: Award, label: &'static str| {
        let mut new: YearAwards = aw.clone();
        if let Some(slot) = new.awards.iter_mut().find(|x| x.id == a.id) {
            *slot = Award {
                template: false,
                ..a
            };
        }
        cx.commit(actions, new, label)
    };
    let enabled = !cx.locked;
    let mut shown = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        form_grid_ui(ui, ("catalogue", award_id), 130.0, |ui| {
            type Text = (&'static str, fn(&Award) -> String, bool);
            let texts: [Text; 4] = [
                ("Tên danh hiệu", |a| a.name.clone(), false),
                ("Cấp khen thưởng", |a| a.level.clone(), false),
                ("Căn cứ", |a| a.basis.clone(), true),
                ("Số lượng đề nghị", |a| quota_text(a.quota), false),
            ];
            for (label, get, multiline) in texts {
                let b = fields.entry(format!("cat-{award_id}-{label}")).or_default();
                let Some(t) = form_field_ui(ui, label, &get(award), b, multiline, enabled) else {
                    continue;
                };
                let mut a = award.clone();
                let parsed = match label {
                    "Tên danh hiệu" => {
                        a.name = t;
                        Ok(())
                    }
                    "Cấp khen thưởng" => {
                        a.level = t;
                        Ok(())
                    }
                    "Căn cứ" => {
                        a.basis = t;
                        Ok(())
                    }
                    _ => parse_quota(&t).map(|q| a.quota = q),
                };
                b.error = parsed
                    .and_then(|()| save(actions, a, "sửa danh mục khen thưởng"))
                    .err();
            }
            let b = fields
                .entry(format!("cat-{award_id}-threshold"))
                .or_default();
            let stored = format_number(award.threshold.percent);
            if let Some(t) =
                form_field_ui(ui, "Tỷ lệ phiếu cần đạt (%)", &stored, b, false, enabled)
            {
                let mut a = award.clone();
                b.error = parse_percent(&t)
                    .and_then(|p| {
                        a.threshold.percent = p;
                        save(actions, a, "sửa danh mục khen thưởng")
                    })
                    .err();
            }
            let label = ui.label("Tính trên");
            let mut of = award.threshold.of;
            egui::ComboBox::from_id_salt(("threshold-of", award_id))
                .selected_text(of.label())
                .show_ui(ui, |ui| {
                    for v in [VoteBase::Present, VoteBase::Members] {
                        ui.selectable_value(&mut of, v, v.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            let mut strict = award.threshold.strict;
            ui.add_enabled(
                enabled,
                egui::Checkbox::new(&mut strict, "Phải trên tỷ lệ (bằng tỷ lệ là không đạt)"),
            );
            ui.end_row();
            let label = ui.label("Đối tượng xét");
            let mut eligibility = award.eligibility;
            egui::ComboBox::from_id_salt(("eligibility", award_id))
                .selected_text(eligibility.label())
                .show_ui(ui, |ui| {
                    for e in Eligibility::ALL {
                        ui.selectable_value(&mut eligibility, e, e.label());
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            ui.label("");
            let mut suggest = award.suggest;
            ui.add_enabled(
                enabled,
                egui::Checkbox::new(&mut suggest, "Đề xuất theo xếp hạng"),
            );
            ui.end_row();
            if enabled
                && (of != award.threshold.of
                    || strict != award.threshold.strict
                    || eligibility != award.eligibility
                    || suggest != award.suggest)
            {
                let mut a = award.clone();
                a.threshold.of = of;
                a.threshold.strict = strict;
                a.eligibility = eligibility;
                a.suggest = suggest;
                if let Err(e) = save(actions, a, "sửa danh mục khen thưởng") {
                    actions.push(Action::ShowError(e));
                }
            }
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new("Thêm danh hiệu"))
                .clicked()
            {
                let mut new = aw.clone();
                let id = aw.next_award_id();
                new.awards.push(Award {
                    id,
                    name: "Danh hiệu mới".to_owned(),
                    sort: aw.awards.iter().map(|a| a.sort).max().unwrap_or(0) + 1,
                    template: false,
                    suggest: false,
                    ..award.clone()
                });
                match cx.commit(actions, new, "thêm danh hiệu khen thưởng") {
                    Ok(()) => shown = Some(id),
                    Err(e) => actions.push(Action::ShowError(e)),
                }
            }
            let used = aw.nominations.iter().any(|n| n.award == award_id);
            if ui
                .add_enabled(enabled, egui::Button::new("Xóa danh hiệu"))
                .on_hover_text(if used {
                    "Xóa cả danh sách đề nghị và số phiếu của danh hiệu này (Ctrl+Z để hoàn tác)"
                } else {
                    "Xóa danh hiệu khỏi danh mục năm nay"
                })
                .clicked()
            {
                let mut new = aw.clone();
                new.awards.retain(|a| a.id != award_id);
                new.nominations.retain(|n| n.award != award_id);
                new.rounds.retain(|r| r.award != award_id);
                if let Err(e) = cx.commit(actions, new, "xóa danh hiệu khen thưởng") {
                    actions.push(Action::ShowError(e));
                }
            }
        });
    });
    shown
}

fn quota_text(q: Quota) -> String {
    match q {
        Quota::Count(n) => n.to_string(),
        Quota::Share(p) => format!("{}%", format_number(p)),
    }
}

/// "3" (đơn vị) or "20%" (of the members).
fn parse_quota(text: &str) -> Result<Quota, String> {
    let t = text.trim();
    match t.strip_suffix('%') {
        Some(p) => parse_percent(p).and_then(|p| {
            if p > 0.0 {
                Ok(Quota::Share(p))
            } else {
                Err("Tỷ lệ đề nghị phải lớn hơn 0%.".to_owned())
            }
        }),
        None => parse_count(t, "Số lượng đề nghị").map(Quota::Count),
    }
}

fn parse_percent(text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches('%').trim();
    match parse_number(t) {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!(
            "Tỷ lệ phải là một số từ 0 đến 100 (đã nhập “{}”).",
            text.trim()
        )),
    }
}
