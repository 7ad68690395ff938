//! The Excel items of the Tệp menu: the year's workbook, the data-request workbooks and the
//! import of a returned one (its preview first). The workbooks are made and read in
//! `ops::xlsx`; here they are only asked for and their outcome shown.

use super::{Action, App};
use crate::domain::MemberId;
use crate::edit::Edit;
use crate::ops::xlsx::mapped::{self, Columns};
use crate::ops::xlsx::{export, import, requests};
use crate::ops::{OpsError, Overwrite};
use crate::text::collate::fold_for_search;
use crate::ui::dialogs::{ColumnsDialog, ConfirmDialog, Dialog, ImportDialog};
use std::path::{Path, PathBuf};

impl App {
    pub(super) fn export_xlsx(&mut self, ctx: &egui::Context, path: &Path) {
        // A question asked before (no file dialog on this machine) has been answered.
        self.dialog = None;
        let Some(s) = &self.session else { return };
        // The native save dialog has already asked before replacing a file.
        match export::export_year(&s.store, s.view.year(), path, Overwrite::Allow) {
            Ok(_) => {
                self.toast(ctx, format!("Đã xuất Excel: {}", path.display()));
                self.wrote(crate::ui::files::Output::Workbook, path);
            }
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
                self.wrote(crate::ui::files::Output::Requests, dir);
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
            Err(OpsError::ForeignSheet { .. }) => self.choose_columns(file.to_path_buf(), None),
            Err(e) => self.dialog = Some(Dialog::error(e)),
        }
    }

    /// A workbook that is not a data-request file: which columns hold what, starting from
    /// those chosen for the same headings before, else guessed; the member from the file's
    /// name when it is a member's short name.
    pub(super) fn choose_columns(&mut self, file: PathBuf, header_row: Option<u32>) {
        let Some(s) = &self.session else { return };
        let head = match mapped::head(&file, header_row) {
            Ok(head) => head,
            Err(e) => {
                self.dialog = Some(Dialog::error(e));
                return;
            }
        };
        let year = s.view.year();
        let data = &s.view.data;
        let members: Vec<(MemberId, String)> = s
            .view
            .members_in_year()
            .into_iter()
            .filter(|m| data.indicators.iter().any(|i| i.member == m.id))
            .map(|m| (m.id, m.full_name_in(year).to_owned()))
            .collect();
        let stem = file
            .file_stem()
            .map(|n| fold_for_search(&n.to_string_lossy()))
            .unwrap_or_default();
        let member = s
            .view
            .members_in_year()
            .into_iter()
            .filter(|m| members.iter().any(|(id, _)| *id == m.id))
            .find(|m| {
                let short = fold_for_search(&requests::safe_file_stem(m.short_name_in(year), m.id));
                !short.is_empty() && stem.contains(&short)
            })
            .map(|m| m.id);
        let mut columns = self
            .settings
            .xlsx_layouts
            .get(&head.layout())
            .cloned()
            .unwrap_or_else(|| head.guess());
        columns.header_row = head.header_row;
        self.dialog = Some(Dialog::Columns(ColumnsDialog::new(
            file, head, members, member, columns,
        )));
    }

    pub(super) fn preview_mapped(
        &mut self,
        file: &Path,
        member: MemberId,
        columns: Columns,
        layout: String,
    ) {
        let Some(s) = &self.session else { return };
        match mapped::preview(&s.store, s.view.year(), file, member, &columns) {
            Ok(preview) => {
                self.dialog = Some(Dialog::Import(ImportDialog::new(&preview)));
                self.settings.remember_layout(layout, columns);
                self.save_settings();
            }
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
