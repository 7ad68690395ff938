//! The "Bàn giao" tab: the year's state and its handover records.

use super::app::{Action, YearView};
use crate::text::date::format_date;

#[derive(Default)]
pub struct HandoverTab {}

impl HandoverTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, _actions: &mut Vec<Action>) {
        let year = view.year();
        ui.heading(format!("Bàn giao nhiệm vụ Trưởng khối năm {year}"));
        ui.label(format!(
            "Trạng thái năm {year}: {}",
            view.record.status.label()
        ));
        if let Some(next) = view.record.next_leader {
            ui.label(format!(
                "Trưởng khối năm {}: {}",
                year + 1,
                view.short_name(next)
            ));
        }
        if view.handovers.is_empty() {
            ui.label("Chưa bàn giao.");
        }
        for h in &view.handovers {
            ui.label(format!(
                "Ngày {}: {} bàn giao cho {}",
                format_date(h.date),
                h.from_member
                    .map(|m| view.short_name(m))
                    .unwrap_or_default(),
                view.short_name(h.to_member)
            ));
        }
    }
}
