//! The "Báo cáo" tab: the year's reports, one at a time (the switch on top: the year-end
//! summary or the mid-year review; the same editor for both). On the left the document's
//! outline (header, sections, recipients, signature), the conference, the news item (year-end
//! only), the saved versions and the conference opinions; on the right the selected part's
//! editor, one module per panel. Above them: status, compose, adopt, export.

mod closing;
mod conference;
mod header;
mod news;
mod opinions;
mod outline;
mod sections;
mod versions;

use super::app::Action;
use super::session::YearView;
use super::widgets::FieldBuffers;
use crate::domain::{Report, ReportKind, ReportStatus};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use egui::{Color32, RichText};

/// The part of the tab shown on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    Conference,
    News,
    #[default]
    Header,
    Section(usize),
    Closing,
    Versions,
    Opinions,
}

#[derive(Default)]
pub struct ReportTab {
    /// Which of the year's reports is edited.
    kind: ReportKind,
    part: Part,
    /// The text fields of the part shown (emptied when another part is selected).
    fields: FieldBuffers,
    header: header::HeaderPanel,
    conference: conference::ConferencePanel,
    news: news::NewsPanel,
    versions: versions::VersionsPanel,
    confirm: Option<Confirm>,
}

/// The report as the tab shows it this frame: the year's view, its report, and whether the
/// report may be edited (a draft of a year not handed over).
#[derive(Clone, Copy)]
struct Shown<'a> {
    view: &'a YearView,
    kind: ReportKind,
    report: &'a Report,
    editable: bool,
}

/// The question asked before a step that replaces or locks the report.
enum Confirm {
    Recompose,
    Unlock,
    Adopt,
}

/// The name of the version that keeps the report as it was before a recompose.
const BEFORE_RECOMPOSE: &str = "Trước khi tạo lại dự thảo";

impl ReportTab {
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &YearView, actions: &mut Vec<Action>) {
        let year = view.year();
        self.kind_switch_ui(ui);
        let kind = self.kind;
        self.confirm_ui(ui.ctx(), view, actions);
        let Some(report) = view.data.report_parts(kind).report else {
            ui.heading(kind.title(year));
            ui.add_space(8.0);
            ui.label(match kind {
                ReportKind::YearEnd => "Năm này chưa có báo cáo tổng kết. Chương trình soạn sẵn một dự thảo từ số liệu chỉ tiêu, thành tích và hội nghị của năm để Ban thư ký sửa tiếp.",
                ReportKind::Midyear => "Năm này chưa có báo cáo sơ kết. Chương trình soạn sẵn một dự thảo từ kết quả 6 tháng đầu năm (nhập ở thẻ Chỉ tiêu, kỳ “6 tháng đầu năm”) so với kế hoạch năm để Ban thư ký sửa tiếp.",
                ReportKind::Plan => "Năm này chưa có kế hoạch. Chương trình soạn sẵn một dự thảo từ phương hướng năm trước, bảng điểm và lịch của năm để Ban thư ký sửa tiếp, lưu phiên bản và thông qua như báo cáo.",
            });
            ui.add_space(8.0);
            if ui
                .add_enabled(!view.locked(), egui::Button::new("Tạo dự thảo từ số liệu"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::SaveReport {
                    year,
                    kind,
                    report: compose(view, kind),
                }));
            }
            return;
        };
        let shown = Shown {
            view,
            kind,
            report,
            editable: !view.locked() && report.status == ReportStatus::Draft,
        };
        self.toolbar_ui(ui, shown, actions);
        ui.add_space(4.0);
        egui::Panel::left("report-outline")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                if let Some(part) = outline::outline_ui(ui, shown, self.part, actions) {
                    self.select(part);
                }
            });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                // The fields stop short of the scroll bar, which floats over the right edge.
                ui.set_max_width(ui.available_width() - 2.0 * ui.spacing().scroll.bar_width);
                self.part_ui(ui, shown, actions)
            });
        });
    }

    /// The document of the report shown, which Tệp › Xuất PDF… and Xem trước… open on.
    pub fn document(&self) -> DocumentKind {
        DocumentKind::report(self.kind)
    }

    /// Which report is edited: "Tổng kết" or "Sơ kết 6 tháng đầu năm".
    fn kind_switch_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("Báo cáo:");
            for k in ReportKind::ALL {
                if ui.selectable_label(self.kind == k, k.label()).clicked() && self.kind != k {
                    self.kind = k;
                    self.select(Part::Header);
                    self.versions = Default::default();
                    self.confirm = None;
                }
            }
        });
        ui.add_space(4.0);
    }

    /// The heading, the report's status and the buttons that act on the whole report.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, shown: Shown<'_>, actions: &mut Vec<Action>) {
        let Shown {
            view,
            kind,
            report,
            editable,
        } = shown;
        ui.horizontal_wrapped(|ui| {
            ui.heading(kind.title(view.year()));
            let (text, color) = match report.status {
                ReportStatus::Draft => ("Dự thảo", Color32::from_rgb(160, 90, 0)),
                ReportStatus::Adopted => ("Đã thông qua", Color32::from_rgb(0, 110, 40)),
            };
            ui.label(RichText::new(text).strong().color(color));
            ui.separator();
            if ui
                .add_enabled(editable, egui::Button::new("Tạo dự thảo từ số liệu"))
                .clicked()
            {
                self.confirm = Some(Confirm::Recompose);
            }
            match report.status {
                ReportStatus::Draft => {
                    if ui
                        .add_enabled(!view.locked(), egui::Button::new("Thông qua…"))
                        .clicked()
                    {
                        self.confirm = Some(Confirm::Adopt);
                    }
                }
                ReportStatus::Adopted => {
                    if ui
                        .add_enabled(!view.locked(), egui::Button::new("Mở khóa báo cáo…"))
                        .clicked()
                    {
                        self.confirm = Some(Confirm::Unlock);
                    }
                }
            }
            if ui.button("Xuất PDF…").clicked() {
                actions.push(Action::ExportPdfDialog(DocumentKind::report(kind)));
            }
        });
    }

    /// The editor of the selected part.
    fn part_ui(&mut self, ui: &mut egui::Ui, shown: Shown<'_>, actions: &mut Vec<Action>) {
        let Shown {
            view,
            kind,
            report,
            editable,
        } = shown;
        let fields = &mut self.fields;
        let year = view.year();
        let save = |r: Report| {
            Action::Edit(Edit::SaveReport {
                year,
                kind,
                report: r,
            })
        };
        match self.part {
            Part::Header => {
                if let Some(r) = self.header.ui(ui, report, fields, editable) {
                    actions.push(save(r));
                }
            }
            Part::Section(i) => match report.sections.get(i) {
                Some(section) => {
                    if let Some(s) = sections::section_ui(ui, view, section, i, fields, editable) {
                        let mut r = report.clone();
                        r.sections[i] = s;
                        actions.push(save(r));
                    }
                }
                None => self.select(Part::Header),
            },
            Part::Closing => {
                if let Some(r) = closing::closing_ui(ui, report, fields, editable) {
                    actions.push(save(r));
                }
            }
            Part::Versions => self.versions.ui(ui, view, kind, actions),
            Part::Conference if kind.has_conference() => {
                self.conference.ui(ui, view, kind, fields, actions)
            }
            Part::Conference => self.select(Part::Header),
            Part::News if kind == ReportKind::YearEnd => self.news.ui(ui, view, fields, actions),
            Part::News => self.select(Part::Header),
            Part::Opinions => opinions::opinions_ui(ui, view, kind, fields, actions),
        }
    }

    fn select(&mut self, part: Part) {
        if self.part != part {
            self.part = part;
            self.fields.clear();
            self.header = Default::default();
            self.conference.forget_typing();
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, view: &YearView, actions: &mut Vec<Action>) {
        let Some(confirm) = &self.confirm else { return };
        let year = view.year();
        let kind = self.kind;
        let title = kind.title(year);
        let name = kind.name(year);
        let (title, text, ok) = match confirm {
            Confirm::Recompose => (
                "Tạo lại dự thảo từ số liệu?",
                format!(
                    "Toàn bộ nội dung {name} sẽ được thay bằng dự thảo mới soạn từ số liệu. Nội dung hiện tại được lưu thành phiên bản “{BEFORE_RECOMPOSE}” để có thể khôi phục."
                ),
                "Tạo lại dự thảo",
            ),
            Confirm::Adopt => (
                "Thông qua báo cáo?",
                format!(
                    "{title} sẽ chuyển sang trạng thái Đã thông qua và nội dung bị khóa, không sửa được nữa trừ khi mở khóa."
                ),
                "Thông qua",
            ),
            Confirm::Unlock => (
                "Mở khóa báo cáo đã thông qua?",
                format!(
                    "{title} đã được hội nghị thông qua. Mở khóa sẽ đưa báo cáo về trạng thái Dự thảo để sửa; hãy chắc chắn việc sửa đã được Khối đồng ý."
                ),
                "Mở khóa",
            ),
        };
        let mut close = false;
        egui::Modal::new(egui::Id::unique("report-confirm")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(title);
            ui.add_space(6.0);
            ui.label(text);
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button(ok).clicked() {
                    actions.push(Action::Edit(match confirm {
                        Confirm::Recompose => recompose(view, kind),
                        Confirm::Adopt => Edit::SetReportStatus {
                            year,
                            kind,
                            status: ReportStatus::Adopted,
                        },
                        Confirm::Unlock => Edit::SetReportStatus {
                            year,
                            kind,
                            status: ReportStatus::Draft,
                        },
                    }));
                    close = true;
                }
                if ui.button("Hủy").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.confirm = None;
        }
    }
}

/// The refusal shown instead of saving a record whose required `text` is blank.
fn blank_refusal(text: &str, message: &str) -> Option<Action> {
    text.trim()
        .is_empty()
        .then(|| Action::ShowError(message.to_owned()))
}

/// A fresh draft of `kind` composed from what the tabs show.
fn compose(view: &YearView, kind: ReportKind) -> Report {
    crate::report::compose::compose_draft_of(&view.members, &view.data, kind)
}

/// Keeps the report as a version, then replaces it with a fresh draft: one edit, so that one
/// Ctrl+Z puts back the report and removes the version together.
fn recompose(view: &YearView, kind: ReportKind) -> Edit {
    let year = view.year();
    Edit::Steps {
        label: "tạo lại dự thảo báo cáo",
        steps: vec![
            Edit::SaveVersion {
                year,
                kind,
                name: BEFORE_RECOMPOSE.to_owned(),
            },
            Edit::SaveReport {
                year,
                kind,
                report: compose(view, kind),
            },
        ],
    }
}
