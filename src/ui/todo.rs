//! "Việc cần làm", the tab the window opens on: the year's work as the data shows it, from the
//! pledge to the handover, each open item with a link to the tab where it is done. The Bàn giao
//! tab lists the year-end part of the same checks before handing over.

use super::app::{Action, Tab};
use super::session::YearView;
use super::widgets::{DateBuffer, date_field_ui, form_grid_ui};
use crate::domain::calendar::{Due, Milestone, MilestoneKind, in_date_order};
use crate::domain::{Handling, Member, ReportKind, ReportStatus};
use crate::edit::Edit;
use crate::text::date::format_date;
use chrono::NaiveDate;
use egui::{Color32, RichText};

pub const DONE: Color32 = Color32::from_rgb(0, 110, 40);
pub const OPEN: Color32 = Color32::from_rgb(170, 80, 0);

/// One line: what, whether it is done, and where to do it.
pub struct Check {
    pub text: String,
    pub done: bool,
    pub fix: Option<Tab>,
}

impl Check {
    fn new(done: bool, text: String, fix: Tab) -> Check {
        Check {
            text,
            done,
            fix: Some(fix),
        }
    }
}

/// How many members a line names before it counts the rest.
const NAMED: usize = 8;

/// The short names of the year's members for which `missing` holds ("A, B và 12 đơn vị
/// khác" past [`NAMED`]), or `None`.
fn members_missing(view: &YearView, missing: impl Fn(&Member) -> bool) -> Option<String> {
    let year = view.year();
    let names: Vec<&str> = view
        .members_in_year()
        .into_iter()
        .filter(|m| missing(m))
        .map(|m| m.short_name_in(year))
        .collect();
    match names.len() {
        0 => None,
        n if n > NAMED => Some(format!(
            "{} và {} đơn vị khác",
            names[..NAMED].join(", "),
            n - NAMED
        )),
        _ => Some(names.join(", ")),
    }
}

/// The start of the year: the score sheet, the key works the pledge lists, the signers' names.
fn pledge_checks(view: &YearView) -> Vec<Check> {
    let year = view.year();
    let data = &view.data;
    let scheme = data.scoring.scheme.as_ref();
    let no_works = members_missing(view, |m| {
        !data
            .narratives
            .iter()
            .any(|n| n.member == m.id && n.key_work_lines().next().is_some())
    });
    let no_head = members_missing(view, |m| m.head_name.trim().is_empty());
    vec![
        Check::new(
            scheme.is_some_and(|s| !s.template),
            match scheme {
                Some(s) if s.template => {
                    "Bảng điểm còn là bảng mẫu, chưa sửa theo hướng dẫn của Khối".to_owned()
                }
                Some(_) => format!("Đã có bảng điểm năm {year}"),
                None => format!("Chưa có bảng điểm năm {year}"),
            },
            Tab::Scoring,
        ),
        Check::new(
            no_works.is_none(),
            match &no_works {
                None => "Mọi đơn vị đã đăng ký công trình, phần việc trọng điểm".to_owned(),
                Some(names) => format!("Chưa đăng ký công trình, phần việc trọng điểm: {names}"),
            },
            Tab::Indicators,
        ),
        Check::new(
            no_head.is_none(),
            match &no_head {
                None => "Đã có tên thủ trưởng mọi đơn vị (người ký giao ước)".to_owned(),
                Some(names) => format!("Chưa có tên thủ trưởng (người ký giao ước): {names}"),
            },
            Tab::Members,
        ),
    ]
}

/// The mid-year review, once some member has sent figures of the first six months.
fn midyear_checks(view: &YearView) -> Vec<Check> {
    let data = &view.data;
    if !data.indicators.iter().any(|i| i.midyear.is_some()) {
        return Vec::new();
    }
    let missing = members_missing(view, |m| {
        data.indicators
            .iter()
            .any(|i| i.member == m.id && i.midyear.is_none())
    });
    vec![Check::new(
        missing.is_none(),
        match &missing {
            None => "Mọi đơn vị đã có số liệu 6 tháng đầu năm".to_owned(),
            Some(names) => format!("Còn thiếu số liệu 6 tháng đầu năm: {names}"),
        },
        Tab::Indicators,
    )]
}

/// The year's end, checked again before the handover: figures, the report adopted and
/// exported, the conference's opinions handled.
pub fn year_end_checks(view: &YearView) -> Vec<Check> {
    let data = &view.data;
    let report = data.report.as_ref();
    let missing = members_missing(view, |m| {
        !data.indicators.iter().any(|i| i.member == m.id)
            && !data.narratives.iter().any(|n| n.member == m.id)
    });
    let pending = data
        .opinions
        .iter()
        .filter(|o| o.handling == Handling::Pending)
        .count();
    vec![
        Check::new(
            missing.is_none(),
            match &missing {
                None => "Mọi đơn vị đều có chỉ tiêu hoặc đoạn thành tích".to_owned(),
                Some(names) => format!("Chưa có chỉ tiêu hay thành tích: {names}"),
            },
            Tab::Indicators,
        ),
        Check::new(
            report.is_some_and(|r| r.status == ReportStatus::Adopted),
            match report.map(|r| r.status) {
                Some(ReportStatus::Adopted) => "Báo cáo tổng kết đã được thông qua".to_owned(),
                Some(ReportStatus::Draft) => {
                    "Báo cáo tổng kết còn là dự thảo, chưa thông qua".to_owned()
                }
                None => "Chưa có báo cáo tổng kết".to_owned(),
            },
            Tab::Report,
        ),
        Check::new(
            view.exported_at.is_some(),
            match &view.exported_at {
                Some(at) => format!(
                    "Báo cáo đã xuất (lần cuối {})",
                    crate::text::date::format_stored_time(at)
                ),
                None => "Báo cáo chưa được xuất".to_owned(),
            },
            Tab::Report,
        ),
        Check::new(
            pending == 0,
            if pending == 0 {
                "Mọi ý kiến tại hội nghị đã được xử lý".to_owned()
            } else {
                format!("Còn {pending} ý kiến tại hội nghị chưa xử lý")
            },
            Tab::Report,
        ),
    ]
}

/// Scoring and proposals, once the bloc has a score sheet.
fn scoring_checks(view: &YearView) -> Vec<Check> {
    let data = &view.data;
    if data.scoring.scheme.is_none() {
        return Vec::new();
    }
    use crate::domain::scoring::Stage;
    let unscored = members_missing(view, |m| {
        !data
            .scoring
            .scores
            .iter()
            .any(|s| s.member == m.id && s.stage == Stage::SelfScore)
    });
    vec![Check::new(
        unscored.is_none(),
        match &unscored {
            None => "Mọi đơn vị đã gửi bảng tự chấm điểm".to_owned(),
            Some(names) => format!("Chưa gửi bảng tự chấm điểm: {names}"),
        },
        Tab::Scoring,
    )]
}

/// Whether the work a milestone marks is done, as the data shows it: the pledge's checks, the
/// figures of the period all in, the review's report adopted, the year handed over.
fn milestone_done(view: &YearView, kind: MilestoneKind) -> bool {
    let data = &view.data;
    let all_in = |period| {
        !data.indicators.is_empty()
            && data
                .indicators
                .iter()
                .all(|i| i.result_in(period).is_some())
    };
    let adopted = |kind| {
        data.report_parts(kind)
            .report
            .is_some_and(|r| r.status == ReportStatus::Adopted)
    };
    match kind {
        MilestoneKind::Pledge => pledge_checks(view).iter().all(|c| c.done),
        MilestoneKind::MidyearFigures => all_in(crate::domain::Period::FirstHalf),
        MilestoneKind::MidyearReview => adopted(ReportKind::Midyear),
        MilestoneKind::YearFigures => all_in(crate::domain::Period::Year),
        MilestoneKind::YearEndReview => adopted(ReportKind::YearEnd),
        MilestoneKind::Handover => data.record.is_locked() || !data.handovers.is_empty(),
    }
}

/// The tab where the work of a milestone is done.
fn milestone_tab(kind: MilestoneKind) -> Tab {
    match kind {
        MilestoneKind::Pledge | MilestoneKind::MidyearFigures | MilestoneKind::YearFigures => {
            Tab::Indicators
        }
        MilestoneKind::MidyearReview | MilestoneKind::YearEndReview => Tab::Report,
        MilestoneKind::Handover => Tab::Handover,
    }
}

/// The line of a milestone: "Hạn gửi số liệu 6 tháng: 15/06/2020 — còn 5 ngày" while its work
/// is open, without the countdown once done.
pub fn milestone_line(m: &Milestone, done: bool, today: NaiveDate) -> String {
    let mut line = format!("{}: {}", m.kind.label(), format_date(m.date));
    if !done {
        line.push_str(" — ");
        line.push_str(&Due::of(m.date, today).phrase());
    }
    line
}

/// The year's dated milestones, in date order, as checks.
fn milestone_checks(view: &YearView, today: NaiveDate) -> Vec<Check> {
    in_date_order(&view.data.milestones)
        .iter()
        .map(|m| {
            let done = milestone_done(view, m.kind);
            Check::new(done, milestone_line(m, done, today), milestone_tab(m.kind))
        })
        .collect()
}

/// Every check of the year: what is due by date first, then the work in its order.
pub fn year_checks(view: &YearView, today: NaiveDate) -> Vec<Check> {
    let mut out = milestone_checks(view, today);
    out.extend(pledge_checks(view));
    out.extend(midyear_checks(view));
    out.extend(scoring_checks(view));
    out.extend(year_end_checks(view));
    out
}

/// The tab's state: its checks for the view's generation and the day (they walk members by
/// indicators, so they are computed once per change rather than at every frame), and the
/// calendar's date fields as being typed.
#[derive(Default)]
pub struct TodoPanel {
    checks: Option<(u64, NaiveDate, Vec<Check>)>,
    dates: std::collections::HashMap<MilestoneKind, DateBuffer>,
}

impl TodoPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let today = super::session::today();
        if self
            .checks
            .as_ref()
            .is_none_or(|(generation, day, _)| *generation != view.generation || *day != today)
        {
            self.checks = Some((view.generation, today, year_checks(view, today)));
        }
        let Some((_, _, checks)) = &self.checks else {
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading(format!("Việc cần làm năm {}", view.year()));
            ui.label(
                RichText::new(
                    "Theo số liệu trong tệp, từ giao ước đầu năm đến bàn giao cuối năm. Bấm “Mở thẻ …” để làm việc đó.",
                )
                .weak(),
            );
            ui.add_space(6.0);
            let open: Vec<&Check> = checks.iter().filter(|c| !c.done).collect();
            if open.is_empty() {
                ui.label(RichText::new("Mọi việc đã xong.").strong().color(DONE));
            }
            checks_ui(ui, open.into_iter(), actions);
            let done = checks.iter().filter(|c| c.done).count();
            if done > 0 {
                ui.add_space(8.0);
                egui::CollapsingHeader::new(format!("Đã xong ({done})"))
                    .id_salt("todo-done")
                    .show(ui, |ui| checks_ui(ui, checks.iter().filter(|c| c.done), actions));
            }
            ui.add_space(8.0);
            egui::CollapsingHeader::new("Lịch của năm")
                .id_salt("todo-calendar")
                .show(ui, |ui| calendar_ui(ui, view, &mut self.dates, actions));
        });
    }
}

/// The date of each milestone of the year, typed as dd/mm/yyyy or picked; each change saves
/// the year's list as one edit.
fn calendar_ui(
    ui: &mut egui::Ui,
    view: &YearView,
    dates: &mut std::collections::HashMap<MilestoneKind, DateBuffer>,
    actions: &mut Vec<Action>,
) {
    ui.label(RichText::new("Ngày các mốc trong năm (dd/mm/yyyy); để trống mốc không dùng.").weak());
    let stored = &view.data.milestones;
    let editable = !view.locked();
    let changed = form_grid_ui(ui, "todo-calendar-grid", 220.0, |ui| {
        let mut changed = None;
        for kind in MilestoneKind::ALL {
            let current = crate::domain::calendar::date_of(stored, kind);
            let buffer = dates.entry(kind).or_default();
            if let Some(date) = date_field_ui(ui, kind.label(), current, buffer, editable) {
                let mut list: Vec<Milestone> =
                    stored.iter().filter(|m| m.kind != kind).copied().collect();
                list.extend(date.map(|date| Milestone { kind, date }));
                list.sort_by_key(|m| m.kind);
                changed = Some(list);
            }
        }
        changed
    });
    if let Some(milestones) = changed {
        actions.push(Action::Edit(Edit::SetMilestones {
            year: view.year(),
            milestones,
        }));
    }
}

/// The lines of `checks`, each marked and, while open, with its link.
pub fn checks_ui<'c>(
    ui: &mut egui::Ui,
    checks: impl Iterator<Item = &'c Check>,
    actions: &mut Vec<Action>,
) {
    for check in checks {
        ui.horizontal_wrapped(|ui| {
            let (mark, color) = if check.done {
                ("Đã xong", DONE)
            } else {
                ("Chưa xong", OPEN)
            };
            ui.label(RichText::new(mark).strong().color(color));
            ui.label(&check.text);
            if let (false, Some(tab)) = (check.done, check.fix)
                && ui.link(format!("Mở thẻ {}", tab.label())).clicked()
            {
                actions.push(Action::SelectTab(tab));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, milestones};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, m, day).unwrap()
    }

    fn sample_view(list: &[Milestone]) -> YearView {
        let mut store = Store::open_in_memory().unwrap();
        crate::sample::fill(&mut store).unwrap();
        store
            .write(|tx| milestones::set(tx, 2020, list).map(|_| ()))
            .unwrap();
        YearView::load(&store, 2020).unwrap()
    }

    #[test]
    fn a_milestone_counts_down_to_its_date_then_counts_overdue_until_its_work_is_done() {
        let m = Milestone {
            kind: MilestoneKind::MidyearFigures,
            date: d(6, 15),
        };
        assert_eq!(
            milestone_line(&m, false, d(6, 10)),
            "Hạn gửi số liệu 6 tháng: 15/06/2020 — còn 5 ngày"
        );
        assert_eq!(
            milestone_line(&m, false, d(6, 18)),
            "Hạn gửi số liệu 6 tháng: 15/06/2020 — đã quá hạn 3 ngày"
        );
        assert_eq!(
            milestone_line(&m, true, d(6, 18)),
            "Hạn gửi số liệu 6 tháng: 15/06/2020"
        );
    }

    #[test]
    fn the_years_milestones_come_first_in_date_order_done_by_what_the_data_shows() {
        let view = sample_view(&[
            Milestone {
                kind: MilestoneKind::YearEndReview,
                date: d(12, 16),
            },
            Milestone {
                kind: MilestoneKind::MidyearFigures,
                date: d(6, 15),
            },
        ]);
        let checks = year_checks(&view, d(6, 18));
        // The sample has no six-month figures and its report is a draft: both open.
        assert_eq!(
            checks[0].text,
            "Hạn gửi số liệu 6 tháng: 15/06/2020 — đã quá hạn 3 ngày"
        );
        assert!(!checks[0].done);
        assert_eq!(checks[0].fix, Some(Tab::Indicators));
        assert_eq!(checks[1].text, "Tổng kết năm: 16/12/2020 — còn 181 ngày");
        assert_eq!(checks[1].fix, Some(Tab::Report));
        // Once every indicator has its six-month figure, the deadline is met.
        let mut view = view;
        for i in &mut view.data.indicators {
            i.midyear = Some(1.0);
        }
        let checks = year_checks(&view, d(6, 18));
        assert!(checks[0].done);
        assert_eq!(checks[0].text, "Hạn gửi số liệu 6 tháng: 15/06/2020");
    }
}
