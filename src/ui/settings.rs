//! The window's settings, kept in `settings.json` in the data folder between runs: recent files,
//! the files this program created (opened directly, not received as copies) and the font choice
//! for printing. Never business data; a file that cannot be read gives the defaults.

use crate::ops::OpsError;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// How many files "Mở gần đây" lists.
const RECENT_MAX: usize = 8;

const FILE_NAME: &str = "settings.json";

/// Settings kept in the data folder between runs (never business data).
#[derive(Debug, Serialize, Deserialize)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    /// Files this program created (Mới…), opened directly; any other file is received as a copy.
    #[serde(default)]
    pub own: Vec<PathBuf>,
    /// Print with the PC's own Times New Roman when it is installed (else Liberation Serif).
    #[serde(default = "yes")]
    pub use_system_font: bool,
    /// On a report not yet adopted, also print "DỰ THẢO" diagonally across every page.
    #[serde(default)]
    pub diagonal_draft_mark: bool,
    /// Print the report's charts ("In kèm biểu đồ").
    #[serde(default = "yes")]
    pub print_charts: bool,
    /// The columns chosen to import a workbook that is not a data-request file, by its layout
    /// (the headings' text), so the next file of that shape is read the same way.
    #[serde(default)]
    pub xlsx_layouts: std::collections::BTreeMap<String, crate::ops::xlsx::mapped::Columns>,
    /// The folder last written to, per kind of output ("van-ban", "excel", …).
    #[serde(default)]
    pub output_folders: std::collections::BTreeMap<String, PathBuf>,
}

fn yes() -> bool {
    true
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            own: Vec::new(),
            use_system_font: true,
            diagonal_draft_mark: false,
            print_charts: true,
            xlsx_layouts: Default::default(),
            output_folders: Default::default(),
        }
    }
}

impl Settings {
    /// How documents are printed, as the user last chose.
    pub fn print_options(&self) -> crate::ops::export::PrintOptions {
        crate::ops::export::PrintOptions {
            diagonal_draft_mark: self.diagonal_draft_mark,
            charts: self.print_charts,
        }
    }

    /// The settings saved in `data_dir`; the defaults when there are none or they cannot be read
    /// (a damaged settings file must not keep the program from starting).
    pub fn load(data_dir: Option<&Path>) -> Settings {
        data_dir
            .and_then(|d| std::fs::read_to_string(d.join(FILE_NAME)).ok())
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Writes the settings to `data_dir`; the message names the file that could not be written.
    pub fn save(&self, data_dir: &Path) -> Result<(), OpsError> {
        let file = data_dir.join(FILE_NAME);
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| OpsError::Invalid(format!("Không lưu được cài đặt ({e}).")))?;
        std::fs::create_dir_all(data_dir).map_err(|source| OpsError::Write {
            path: data_dir.to_path_buf(),
            source,
        })?;
        crate::ops::write_file(&file, text.as_bytes())
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: &Path) {
        let path = canonical(path);
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }

    /// Keeps the columns chosen for a layout; a few dozen layouts at most.
    pub fn remember_layout(&mut self, layout: String, columns: crate::ops::xlsx::mapped::Columns) {
        const LAYOUTS_MAX: usize = 50;
        self.xlsx_layouts.insert(layout.clone(), columns);
        while self.xlsx_layouts.len() > LAYOUTS_MAX {
            let Some(other) = self.xlsx_layouts.keys().find(|k| **k != layout).cloned() else {
                break;
            };
            self.xlsx_layouts.remove(&other);
        }
    }

    /// Remembers the folder of `written` (a file, or the folder itself for the data requests)
    /// as the next place to propose for `kind`.
    pub fn remember_folder(&mut self, kind: crate::ui::files::Output, written: &Path) {
        let folder = if written.is_dir() {
            Some(written)
        } else {
            written.parent().filter(|p| !p.as_os_str().is_empty())
        };
        if let Some(folder) = folder {
            self.output_folders
                .insert(kind.key().to_owned(), canonical(folder));
        }
    }

    /// Records that this program created `path` (or copied it in), so it opens directly.
    pub fn remember_own(&mut self, path: &Path) {
        let path = canonical(path);
        if !self.own.contains(&path) {
            self.own.push(path);
        }
    }
}

/// The path as the settings keep it: absolute, links resolved when the file exists.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
