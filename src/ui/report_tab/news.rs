//! The news item for the bloc's website: composed from the year's data until the user edits it,
//! then the saved text; exported as PDF, plain text or HTML.

use crate::domain::{Conference, NewsItem, ReportKind};
use crate::edit::Edit;
use crate::ops::export::DocumentKind;
use crate::ui::app::Action;
use crate::ui::session::YearView;
use crate::ui::widgets::{FieldBuffers, TextField, form_grid_ui, text_fields_ui};

#[derive(Default)]
pub struct NewsPanel {
    /// The item composed from the data, and the [`YearView::generation`] it was composed from:
    /// composing reads the whole year, so it is done once per change, not at every frame.
    composed: Option<(u64, NewsItem)>,
}

impl NewsPanel {
    /// The saved item, or the one composed from the data as it is now.
    fn news<'a>(&'a mut self, view: &'a YearView) -> &'a NewsItem {
        if let Some(saved) = &view.data.news {
            return saved;
        }
        if self
            .composed
            .as_ref()
            .is_none_or(|(generation, _)| *generation != view.generation)
        {
            self.composed = None;
        }
        let (_, item) = self.composed.get_or_insert_with(|| {
            let item = crate::report::conference::compose_news(&view.members, &view.data);
            (view.generation, item)
        });
        item
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &YearView,
        fields: &mut FieldBuffers,
        actions: &mut Vec<Action>,
    ) {
        let year = view.year();
        let editable = !view.locked();
        ui.heading(format!("Tin bài hội nghị tổng kết năm {year}"));
        let saved = view.data.news.is_some();
        ui.label(if saved {
            "Tin bài đã được sửa và lưu; bấm “Soạn lại từ số liệu” để soạn lại."
        } else {
            "Tin bài được soạn tự động từ số liệu (ngày, địa điểm, đơn vị dự, kết quả, phương hướng, bàn giao). Sửa ở đây rồi xuất ra PDF, văn bản thuần hoặc HTML."
        });
        let form: [TextField<NewsItem>; 4] = [
            TextField::new(
                "headline",
                "Tiêu đề",
                |n: &NewsItem| &n.headline,
                |n, v| n.headline = v,
            )
            .multiline(),
            TextField::new(
                "dateline",
                "Thời gian",
                |n| &n.dateline,
                |n, v| n.dateline = v,
            ),
            TextField::new(
                "body",
                "Nội dung",
                |n: &NewsItem| &n.body,
                |n, v| n.body = v,
            )
            .multiline(),
            TextField::new("author", "Tác giả", |n| &n.author, |n, v| n.author = v),
        ];
        let news = self.news(view);
        let changed = form_grid_ui(ui, "news", 120.0, |ui| {
            text_fields_ui(ui, &form, news, fields, editable)
        });
        if let Some(n) = changed {
            actions.push(Action::Edit(Edit::SetNews {
                year,
                news: Some(n),
            }));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(editable && saved, egui::Button::new("Soạn lại từ số liệu"))
                .clicked()
            {
                actions.push(Action::Edit(Edit::SetNews { year, news: None }));
                fields.clear();
            }
            if ui.button("Xuất tin bài…").clicked() {
                actions.push(Action::ExportPdfDialog(DocumentKind::News));
            }
        });
        if !saved {
            order_ui(ui, view, editable, actions);
        }
    }
}

/// The order in which the composed item names the members' results, with a button to move
/// each one up; one click is one edit of the conference record.
fn order_ui(ui: &mut egui::Ui, view: &YearView, editable: bool, actions: &mut Vec<Action>) {
    let year = view.year();
    let conference = &view.data.conference;
    let mut members = view.members_in_year();
    members.sort_by_key(|m| {
        conference
            .news_order
            .iter()
            .position(|&id| id == m.id)
            .unwrap_or(usize::MAX)
    });
    egui::CollapsingHeader::new("Thứ tự các đơn vị trong tin bài")
        .id_salt("news-order")
        .show(ui, |ui| {
            for (i, m) in members.iter().enumerate() {
                ui.horizontal(|ui| {
                    let up = ui.add_enabled(editable && i > 0, egui::Button::new("Lên").small());
                    let name = m.full_name_in(year);
                    if up.on_hover_text(format!("Đưa {name} lên trước")).clicked() {
                        let mut order: Vec<_> = members.iter().map(|m| m.id).collect();
                        order.swap(i - 1, i);
                        actions.push(Action::Edit(Edit::SetConference {
                            year,
                            kind: ReportKind::YearEnd,
                            conference: Conference {
                                news_order: order,
                                ..conference.clone()
                            },
                        }));
                    }
                    ui.label(format!("{}. {name}", i + 1));
                });
            }
        });
}
