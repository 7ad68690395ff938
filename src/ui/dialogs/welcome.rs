//! The welcome shown on the first run, over the sample it has just created: what the program
//! does, and the way to start the user's own bloc.

use super::Choice;
use crate::ui::app::Action;

#[derive(Default)]
pub struct WelcomeDialog;

impl WelcomeDialog {
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("welcome")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Chào mừng đến với chương trình Khối thi đua");
            ui.add_space(6.0);
            ui.label("Chương trình giúp Ban thư ký của Trưởng khối quản lý các đơn vị thành viên, chỉ tiêu và thành tích của từng đơn vị, soạn báo cáo tổng kết theo thể thức Nghị định 30/2020/NĐ-CP và bàn giao nhiệm vụ Trưởng khối cho năm sau.");
            ui.add_space(4.0);
            ui.label("Dữ liệu đang mở là ví dụ: Khối Kinh tế ngành tỉnh Hà Giang, năm 2020. Mọi thay đổi được lưu ngay.");
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Xem tiếp dữ liệu mẫu").clicked() {
                    choice = Some(Choice::Close);
                }
                if ui.button("Bắt đầu khối của tôi…").clicked() {
                    choice = Some(Choice::Do(Action::NewBlocDialog));
                }
            });
        });
        if response.should_close() && choice.is_none() {
            choice = Some(Choice::Close);
        }
        choice
    }
}
