//! Exporting any of the year's documents off the UI thread: the document is read from the store
//! on the UI thread (fast), then laid out and written on a worker thread with progress and
//! cancellation, so the window never freezes on a report of hundreds of pages. Every document
//! takes this one path, whatever its kind.

use crate::domain::Year;
use crate::ops::export::{DocumentKind, Exported, Format, document_fonts, prepare, write};
use crate::ops::{OpsError, Overwrite, check_output};
use crate::store::Store;
use crate::ui::settings::Settings;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

type Outcome = Arc<Mutex<Option<Result<Exported, OpsError>>>>;

/// An export running on a worker thread. It knows what it exports, so that its result is
/// recorded against that year of that file whatever the window shows when it finishes.
pub struct ExportJob {
    /// The year whose document is being exported.
    pub year: Year,
    /// Which document.
    pub kind: DocumentKind,
    /// The database file the report comes from.
    pub db: PathBuf,
    /// The file being written.
    pub path: PathBuf,
    /// Whether the year had no report, so a draft was composed from the data for the export.
    pub composed: bool,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    outcome: Outcome,
}

impl ExportJob {
    /// Starts exporting `kind` of `year` to `path`.
    pub fn start(
        store: &mut Store,
        year: Year,
        kind: DocumentKind,
        path: PathBuf,
        ctx: &egui::Context,
        settings: &Settings,
    ) -> Result<ExportJob, OpsError> {
        let prefer_system_font = settings.use_system_font;
        // The export dialog has asked before replacing an existing file; the open database is
        // never a place to write to.
        check_output(&path, &[store.path()], Overwrite::Allow)?;
        let prepared = prepare(store, year, kind, &path, settings.print_options())?;
        let composed = prepared.composed;
        let job = ExportJob {
            year,
            kind,
            db: store.path().to_path_buf(),
            path: path.clone(),
            composed,
            done: Arc::default(),
            total: Arc::default(),
            cancel: Arc::default(),
            outcome: Arc::default(),
        };
        let (done, total, cancel, outcome) = (
            job.done.clone(),
            job.total.clone(),
            job.cancel.clone(),
            job.outcome.clone(),
        );
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("xuat-pdf".to_owned())
            .spawn(move || {
                let fonts = document_fonts(prefer_system_font);
                let progress = |d: usize, t: usize| {
                    done.store(d, Ordering::Relaxed);
                    total.store(t, Ordering::Relaxed);
                    ctx.request_repaint();
                    !cancel.load(Ordering::Relaxed)
                };
                let result = write(&prepared, &fonts, &path, &progress);
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                ctx.request_repaint();
            })
            .map_err(|e| OpsError::Invalid(format!("Không bắt đầu xuất văn bản được ({e}).")))?;
        Ok(job)
    }

    /// What the status bar says once `done` is written: "Đã xuất PDF báo cáo sơ kết 6 tháng
    /// đầu năm 2020 (4 trang): …", "Đã xuất báo cáo năm 2020 ra tệp Word: …".
    pub fn message(&self, done: &Exported) -> String {
        let what = self.kind.of_year(self.year);
        let path = self.path.display();
        match Format::for_output(self.kind, &self.path) {
            Ok(Format::Pdf) => format!("Đã xuất PDF {what} ({} trang): {path}", done.pages),
            Ok(Format::Docx) => format!("Đã xuất {what} ra tệp Word: {path}"),
            _ => format!("Đã xuất {what}: {path}"),
        }
    }

    /// The result once the worker has finished.
    pub fn finished(&self) -> Option<Result<Exported, OpsError>> {
        self.outcome.lock().ok().and_then(|mut slot| slot.take())
    }

    /// Pages written so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Where the export dialog proposes to write, in `folder`: "BaoCao2020.pdf",
/// "BienBanHoiNghi2020.pdf" or "TinBai2020.html".
pub fn default_pdf_path(folder: &std::path::Path, year: Year, kind: DocumentKind) -> PathBuf {
    folder.join(match kind {
        DocumentKind::Report => format!("BaoCao{year}.pdf"),
        DocumentKind::Minutes => format!("BienBanHoiNghi{year}.pdf"),
        DocumentKind::MidyearReport => format!("BaoCaoSoKet6Thang{year}.pdf"),
        DocumentKind::MidyearMinutes => format!("BienBanHoiNghiSoKet{year}.pdf"),
        DocumentKind::News => format!("TinBai{year}.html"),
        DocumentKind::Scores => format!("BangTongHopDiem{year}.pdf"),
        DocumentKind::ScoreSheet(Some(m)) => format!("BangDiem{year}-{m}.pdf"),
        DocumentKind::ScoreSheet(None) => format!("BangDiem{year}.pdf"),
        DocumentKind::ScoreForm(_) => format!("MauTuChamDiem{year}.pdf"),
        DocumentKind::Proposal => format!("ToTrinhKhenThuong{year}.pdf"),
        DocumentKind::ReviewMinutes => format!("BienBanBinhXet{year}.pdf"),
        DocumentKind::VoteCount => format!("BienBanKiemPhieu{year}.pdf"),
        DocumentKind::Ballot => format!("PhieuBau{year}.pdf"),
        DocumentKind::Pledge => format!("GiaoUocThiDua{year}.pdf"),
        DocumentKind::Plan => format!("KeHoachThiDua{year}.pdf"),
        DocumentKind::Guide => "HuongDanSuDung.pdf".to_owned(),
    })
}
