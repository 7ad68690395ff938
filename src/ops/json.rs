//! The JSON exchange format as files: exporting the whole bloc or one year, and importing a
//! file into a database (a new one is built under a temporary name and appears only whole).

use super::{OpsError, Overwrite, Result, check_output, write_file};
use crate::domain::Year;
use crate::store::Store;
use crate::store::json::{self, ImportSummary};
use std::path::Path;

/// The JSON text of the whole file, or of `year` only.
pub fn export_text(store: &Store, year: Option<Year>) -> Result<String> {
    let ex = json::export(store.conn(), year)?;
    Ok(json::to_string(&ex)?)
}

/// Writes the JSON of the whole file, or of `year`, to `out`.
pub fn export_file(
    store: &Store,
    year: Option<Year>,
    out: &Path,
    overwrite: Overwrite,
) -> Result<()> {
    check_output(out, &[store.path()], overwrite)?;
    let text = export_text(store, year)?;
    write_file(out, text.as_bytes())
}

/// Imports the JSON file `input` into the database `db`, in one transaction. A `db` that does
/// not exist yet is built beside its name and renamed into place only once the import
/// succeeded, so a failed or killed import never leaves a half-made file.
pub fn import_file(db: &Path, input: &Path) -> Result<ImportSummary> {
    if crate::fsutil::same_file(db, input) {
        return Err(OpsError::SameAsInput {
            out: db.to_path_buf(),
            input: input.to_path_buf(),
        });
    }
    let size = std::fs::metadata(input)
        .map_err(|source| OpsError::Read {
            path: input.to_path_buf(),
            source,
        })?
        .len();
    if size > crate::domain::limits::MAX_JSON_BYTES {
        return Err(OpsError::Invalid(format!(
            "Tệp JSON “{}” lớn bất thường ({} MB, giới hạn {} MB), nên không được nhập.",
            input.display(),
            size / 1024 / 1024,
            crate::domain::limits::MAX_JSON_BYTES / 1024 / 1024
        )));
    }
    let text = std::fs::read_to_string(input).map_err(|source| OpsError::Read {
        path: input.to_path_buf(),
        source,
    })?;
    let ex = json::parse(&text)
        .map_err(|e| OpsError::Invalid(format!("Tệp “{}”: {e}", input.display())))?;
    if db.exists() {
        let data_dir = crate::paths::data_dir();
        let _claim = super::lock::claim(db, data_dir.as_deref())?;
        // An older schema is upgraded only after a backup, like any file opened to write.
        let backups = super::backups_dir(data_dir.as_deref())?;
        let mut store = Store::open_with_backups(db, Some(&backups))?;
        for data in &ex.years {
            super::refuse_held_year(&store, data.record.year)?;
        }
        return Ok(json::import(&mut store, &ex)?);
    }
    let mut summary = None;
    super::build_file(db, |tmp| -> Result<()> {
        let mut store = Store::open(tmp)?;
        summary = Some(json::import(&mut store, &ex)?);
        Ok(())
    })?;
    summary.ok_or_else(|| OpsError::Invalid("Không nhập được tệp JSON.".to_owned()))
}
