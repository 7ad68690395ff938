//! File operations the window starts: the "Mới…" form and the new bloc file it writes, a
//! compacted copy of the open file, and where a handover proposes to write the successor's
//! file. Kept apart from drawing so that they can move out of `ui/` as they are.

use crate::domain::{Member, MemberName, Year, YearRecord};
use crate::store::{Store, StoreError, members, years};
use std::path::{Path, PathBuf};

/// "khoi-thi-dua-2021.sqlite" beside the open file, for the successor.
pub fn handover_path(db: &Path, year: Year) -> PathBuf {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    dir.join(format!("khoi-thi-dua-{}.sqlite", year + 1))
}

/// The "Mới…" form: a new bloc file.
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

/// The "Mới…" form, proposing a file in the data folder and the current year.
pub fn new_bloc_form(data_dir: &Option<PathBuf>) -> NewBloc {
    NewBloc {
        path: data_dir
            .as_deref()
            .map(|d| d.join("khoi-moi.sqlite").display().to_string())
            .unwrap_or_default(),
        year: chrono::Local::now().format("%Y").to_string(),
        ..Default::default()
    }
}

/// Checks the "Mới…" form and writes the new file; the message says what to correct.
pub fn create_bloc_file(form: &NewBloc) -> Result<Store, String> {
    let bloc_name = crate::text::nfc(form.bloc_name.trim());
    if bloc_name.is_empty() {
        return Err("Hãy nhập tên khối.".to_owned());
    }
    let year: Year = form
        .year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| {
            format!(
                "Năm “{}” không hợp lệ. Hãy gõ năm, ví dụ 2021.",
                form.year.trim()
            )
        })?;
    let names = form.member_lines();
    if names.is_empty() {
        return Err("Hãy nhập ít nhất một đơn vị thành viên, mỗi dòng một đơn vị.".to_owned());
    }
    let path = PathBuf::from(form.path.trim());
    if form.path.trim().is_empty() {
        return Err("Hãy chọn nơi lưu tệp.".to_owned());
    }
    if path.exists() {
        return Err(format!(
            "Tệp “{}” đã có. Hãy chọn tên khác để không ghi đè dữ liệu.",
            path.display()
        ));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("Không tạo được thư mục “{}” ({e}).", parent.display()))?;
    }
    let mut store = Store::open(&path).map_err(|e| e.to_string())?;
    let result = store.write(|tx| {
        let mut ids = Vec::new();
        for name in &names {
            ids.push(members::insert(
                tx,
                &Member {
                    id: 0,
                    position: 0,
                    joined_year: year,
                    left_year: None,
                    merged_into: None,
                    head_name: String::new(),
                    head_title: String::new(),
                    contact_name: String::new(),
                    phone: String::new(),
                    email: String::new(),
                    names: vec![MemberName {
                        from_year: year,
                        full_name: name.clone(),
                        short_name: String::new(),
                        abbreviation: String::new(),
                    }],
                },
            )?);
        }
        let mut rec = YearRecord::new(year, &bloc_name, form.province.trim(), form.place.trim());
        rec.leader = ids.get(form.leader).copied();
        years::insert(tx, &rec)?;
        Ok(())
    });
    if let Err(e) = result {
        drop(store);
        let _ = std::fs::remove_file(&path);
        return Err(e.to_string());
    }
    Ok(store)
}

/// Writes a compacted single-file copy of the open database (`VACUUM INTO`), replacing an
/// existing file only after the save dialog has asked the user.
pub fn save_copy(store: &Store, path: &Path) -> Result<(), String> {
    if path == store.path() {
        return Err("Bản sao phải có tên khác với tệp đang mở.".to_owned());
    }
    let tmp = path.with_extension("tmp-khoi-thi-dua");
    let _ = std::fs::remove_file(&tmp);
    let shown = path.display();
    store
        .conn()
        .execute("VACUUM INTO ?1", [tmp.to_string_lossy()])
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("Không lưu được bản sao “{shown}”: {}", StoreError::from(e))
        })?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("Không lưu được bản sao “{shown}” ({e}). Hãy chọn thư mục khác.")
    })
}
