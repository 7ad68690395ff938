//! Creating a new bloc file ("Tệp › Mới…"): the bloc's name, its province and place, the first
//! year and its member units, written in one transaction to a new file.

use super::{OpsError, Overwrite, Result, check_output};
use crate::domain::{Member, Year, YearRecord};
use crate::store::{Store, members, years};
use std::path::PathBuf;

/// The "Mới…" form as the user typed it.
#[derive(Debug, Clone, Default)]
pub struct NewBloc {
    pub path: String,
    pub bloc_name: String,
    pub province: String,
    pub place: String,
    pub year: String,
    /// One member unit per line.
    pub members: String,
    /// Index into the member lines.
    pub leader: usize,
}

impl NewBloc {
    /// The member names typed, one per line, trimmed, without empty lines.
    pub fn member_lines(&self) -> Vec<String> {
        self.members
            .lines()
            .map(|l| crate::text::nfc(l.trim()))
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// Checks the form and writes the new file; the error says what to correct. A file that
/// exists is never touched; a failure leaves no file behind.
pub fn create_bloc_file(form: &NewBloc) -> Result<Store> {
    let invalid = |s: String| OpsError::Invalid(s);
    let bloc_name = crate::text::nfc(form.bloc_name.trim());
    if bloc_name.is_empty() {
        return Err(invalid("Hãy nhập tên khối.".to_owned()));
    }
    let year: Year = form
        .year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| {
            invalid(format!(
                "Năm “{}” không hợp lệ. Hãy gõ năm, ví dụ 2021.",
                form.year.trim()
            ))
        })?;
    let names = form.member_lines();
    if names.is_empty() {
        return Err(invalid(
            "Hãy nhập ít nhất một đơn vị thành viên, mỗi dòng một đơn vị.".to_owned(),
        ));
    }
    if form.path.trim().is_empty() {
        return Err(invalid("Hãy chọn nơi lưu tệp.".to_owned()));
    }
    let path = PathBuf::from(form.path.trim());
    if path.exists() {
        return Err(invalid(format!(
            "Tệp “{}” đã có. Hãy chọn tên khác để không ghi đè dữ liệu.",
            path.display()
        )));
    }
    check_output(&path, &[], Overwrite::Refuse)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            invalid(format!(
                "Không tạo được thư mục “{}” ({e}).",
                parent.display()
            ))
        })?;
    }
    // Built under a temporary name, so a failure (or a kill) leaves no file behind.
    super::build_file(&path, |tmp| -> Result<()> {
        let mut store = Store::open(tmp)?;
        store.write(|tx| {
            let mut ids = Vec::new();
            for name in &names {
                ids.push(members::insert(tx, &Member::new(year, name))?);
            }
            let mut rec =
                YearRecord::new(year, &bloc_name, form.province.trim(), form.place.trim());
            rec.leader = ids.get(form.leader).copied();
            years::insert(tx, &rec)
        })?;
        Ok(())
    })?;
    let store = Store::open(&path)?;
    Ok(store)
}
