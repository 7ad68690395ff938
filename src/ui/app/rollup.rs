//! "Tổng hợp các khối…" in the Tệp menu: the dialog opened on the open year, and the request it
//! sends run through `ops::rollup`, its outcome shown in the dialog (what was written, each
//! file that could not be read with the reason). The chart prints as the documents' charts do,
//! by the export dialog's "In kèm biểu đồ".

use super::{App, RollupRequest};
use crate::ops::{Overwrite, rollup};
use crate::ui::dialogs::{Dialog, RollupDialog};

impl App {
    pub(super) fn rollup_dialog(&mut self) {
        let year = self.session.as_ref().map(|s| s.view.year());
        let folder = self.folder(crate::ui::files::Output::Rollup);
        self.dialog = Some(Dialog::Rollup(RollupDialog::new(year, &folder)));
    }

    // Twenty large files take a few seconds in a debug build and less in the release; the
    // window waits for them as it waits for a copy to be saved.
    pub(super) fn rollup(&mut self, req: RollupRequest) {
        let fonts = crate::ops::export::document_fonts(self.settings.use_system_font);
        let overwrite = if req.overwrite {
            Overwrite::Allow
        } else {
            Overwrite::Refuse
        };
        let charts = self.settings.print_charts;
        let done = rollup::rollup(&req.files, req.year, &req.out, &fonts, overwrite, charts);
        if done.is_ok() {
            self.settings
                .remember_folder(crate::ui::files::Output::Rollup, &req.out);
            self.save_settings();
        }
        let outcome = done
            .map(|done| {
                done.message(&req.out)
                    .lines()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .map_err(|e| e.to_string());
        if let Some(Dialog::Rollup(d)) = &mut self.dialog {
            d.set_outcome(outcome);
        }
    }
}
