//! The side panel of the Khen thưởng tab: the selected nominee's reason and, once the province
//! decides, its decision; then the member's award history across the years of the file.

use super::{Action, Ctx};
use crate::domain::MemberId;
use crate::domain::awards::{AwardId, YearAwards, history};
use crate::text::date::format_date;
use crate::ui::widgets::{
    DateBuffer, FieldBuffers, date_field_ui, form_field_ui, form_grid_ui, text_area_ui,
};
use egui::RichText;

pub(super) fn ui(
    ui: &mut egui::Ui,
    cx: &Ctx<'_>,
    award: AwardId,
    selected: Option<MemberId>,
    fields: &mut FieldBuffers,
    actions: &mut Vec<Action>,
) {
    let Some(member) = selected else {
        ui.label("Chọn một đơn vị trong danh sách đề nghị để xem lý do, quyết định khen thưởng và lịch sử khen thưởng.");
        return;
    };
    let aw = cx.awards();
    ui.label(RichText::new(cx.full_name(member)).heading().strong());
    egui::ScrollArea::vertical().show(ui, |ui| {
        if let Some(n) = aw
            .nominations
            .iter()
            .find(|n| n.award == award && n.member == member)
        {
            let award_name = aw.award(award).map_or("", |a| a.name.as_str());
            ui.label(format!("Đề nghị: {award_name}"));
            let edit = |f: &dyn Fn(&mut crate::domain::awards::Nomination)| {
                let mut new: YearAwards = aw.clone();
                if let Some(x) = new
                    .nominations
                    .iter_mut()
                    .find(|x| x.award == award && x.member == member)
                {
                    f(x);
                }
                new
            };
            let key = format!("reason-{award}-{member}");
            let b = fields.entry(key).or_default();
            if let Some(t) = text_area_ui(ui, "Lý do đề nghị", &n.reason, b, 3, !cx.locked) {
                b.error = cx
                    .commit(
                        actions,
                        edit(&|x| x.reason = t.clone()),
                        "sửa lý do đề nghị",
                    )
                    .err();
            }
            if let Some(e) = &b.error {
                crate::ui::widgets::error_label_ui(ui, e);
            }
            ui.add_space(4.0);
            form_grid_ui(ui, "nomination", 100.0, |ui| {
                let key = format!("decision-{award}-{member}");
                let b = fields.entry(key).or_default();
                if let Some(t) = form_field_ui(
                    ui,
                    "Số quyết định",
                    &n.decision.number,
                    b,
                    false,
                    !cx.locked,
                ) {
                    b.error = cx
                        .commit(
                            actions,
                            edit(&|x| x.decision.number = t.clone()),
                            "ghi quyết định khen thưởng",
                        )
                        .err();
                }
                let key = format!("issuer-{award}-{member}");
                let b = fields.entry(key).or_default();
                if let Some(t) = form_field_ui(
                    ui,
                    "Cơ quan ban hành",
                    &n.decision.issuer,
                    b,
                    false,
                    !cx.locked,
                ) {
                    b.error = cx
                        .commit(
                            actions,
                            edit(&|x| x.decision.issuer = t.clone()),
                            "ghi quyết định khen thưởng",
                        )
                        .err();
                }
            });
            let id = ui.scope_id().with(("decision-date", award, member));
            let mut date: DateBuffer = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
            form_grid_ui(ui, "decision-date", 120.0, |ui| {
                if let Some(d) = date_field_ui(
                    ui,
                    "Ngày quyết định",
                    n.decision.date,
                    &mut date,
                    !cx.locked,
                ) && let Err(e) = cx.commit(
                    actions,
                    edit(&|x| x.decision.date = d),
                    "ghi quyết định khen thưởng",
                ) {
                    date.field.error = Some(e);
                }
                ui.end_row();
            });
            ui.data_mut(|d| d.insert_temp(id, date));
        }
        ui.add_space(10.0);
        ui.label(RichText::new("Lịch sử khen thưởng").strong());
        let years: Vec<_> = cx
            .view
            .award_years
            .iter()
            .map(|(y, a, n)| {
                // The year shown may have changed since the file was read: its own data wins.
                let a = if *y == cx.view.year() { aw } else { a };
                (*y, a, *n)
            })
            .collect();
        let lines = history(member, &years);
        if lines.is_empty() {
            ui.label("Chưa được đề nghị khen thưởng năm nào trong tệp này.");
            return;
        }
        // One wrapped line per year: the panel stays narrow whatever the awards' names.
        for l in lines {
            let d = &l.decision;
            let decision = if d.received() {
                let date = d
                    .date
                    .map(|x| format!(" ngày {}", format_date(x)))
                    .unwrap_or_default();
                let issuer = if d.issuer.trim().is_empty() {
                    String::new()
                } else {
                    format!(" của {}", d.issuer.trim())
                };
                format!("Quyết định số {}{date}{issuer}", d.number.trim())
            } else {
                "chưa có quyết định".to_owned()
            };
            ui.label(format!(
                "{}: {} — {}; {decision}.",
                l.year,
                l.award,
                l.verdict.label().to_lowercase()
            ));
        }
    });
}
