//! The Excel items of the Tệp menu: the year's workbook, the data-request workbooks and the
//! import of a returned one (its preview first). The workbooks are made and read in
//! `ops::xlsx`; here they are only asked for and their outcome shown.

use super::{Action, App};
use crate::edit::Edit;
use crate::ops::xlsx::{export, import, requests};
use crate::ops::{OpsError, Overwrite};
use crate::ui::dialogs::{ConfirmDialog, Dialog, ImportDialog};
use std::path::Path;

impl App {
    pub(super) fn export_xlsx(&mut self, ctx: &egui::Context, path: &Path) {
        let Some(s) = &self.session else { return };
        // The native save dialog has already asked before replacing a file.
        match export::export_year(&s.store, s.view.year(), path, Overwrite::Allow) {
            Ok(_) => self.toast(ctx, format!("Đã xuất Excel: {}", path.display())),
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    pub(super) fn export_requests(&mut self, dir: &Path, overwrite: Overwrite) {
        let Some(s) = &self.session else { return };
        let year = s.view.year();
        match requests::export_requests(&s.store, year, dir, overwrite) {
            Ok(done) => {
                let mut lines = vec![format!(
                    "Đã ghi {} mẫu báo cáo số liệu năm {year} vào thư mục “{}”, mỗi đơn vị một tệp mang tên ngắn của đơn vị, sẵn sàng gửi thư điện tử.",
                    done.files.len(),
                    dir.display()
                )];
                if !done.skipped.is_empty() {
                    lines.push(format!(
                        "Không có chỉ tiêu nên không có mẫu: {}.",
                        done.skipped.join("; ")
                    ));
                }
                self.dialog = Some(Dialog::info("Đã xuất mẫu báo cáo số liệu", lines));
            }
            Err(OpsError::Exists { path }) => {
                self.dialog = Some(Dialog::Confirm(ConfirmDialog::new(
                    "Thay các tệp đã có?",
                    vec![format!(
                        "Thư mục “{}” đã có tệp “{}” (và có thể cả tệp của các đơn vị khác). Ghi mẫu mới sẽ thay các tệp đó.",
                        dir.display(),
                        path.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    )],
                    "Thay các tệp",
                    Action::ExportRequests(dir.to_path_buf(), Overwrite::Allow),
                )));
            }
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    pub(super) fn preview_import(&mut self, file: &Path) {
        let Some(s) = &self.session else { return };
        if s.lock.is_none() {
            self.dialog = Some(Dialog::error(OpsError::InUse {
                path: s.store.path().to_path_buf(),
            }));
            return;
        }
        match import::preview(&s.store, s.view.year(), file) {
            Ok(preview) => self.dialog = Some(Dialog::Import(ImportDialog::new(&preview))),
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    pub(super) fn import(&mut self, ctx: &egui::Context, edit: Edit) {
        self.dialog = None;
        let n = match &edit {
            Edit::Steps { steps, .. } => steps.len(),
            _ => 1,
        };
        self.apply(ctx, Action::Edit(edit));
        if self.dialog.is_none() {
            self.toast(
                ctx,
                format!("Đã nhập {n} số liệu từ Excel (Ctrl+Z để hoàn tác)."),
            );
        }
    }
}
