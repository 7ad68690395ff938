//! Opening a file that came from elsewhere (a USB stick, an e-mail): untrusted input.
//!
//! Following SQLite's advice for such files, [`inspect`] opens it read-only with defensive
//! settings (no trigger or view of the file runs, the schema is not trusted), checks the
//! application id, the schema version, `integrity_check` (every page, every index) and the
//! schema's shape against the one this program creates, then reads every row of every year
//! through the same code the window uses, so that "sound" means "opens"; it lists objects
//! another tool added, and computes the SHA-256 so the receiver can compare it with the
//! sender's. [`receive`] then copies a sound file into the data folder without those objects,
//! upgrading an older schema on that copy; the original is never written.

use super::shape::{self, Object, Shape};
use super::{
    Store, StoreError, copy, describe_sqlite, harden, identify, members, reports, schema, years,
};
use crate::domain::{Member, Year, YearData};
use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What [`inspect`] found about a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    pub path: PathBuf,
    pub size: u64,
    /// SHA-256 of the file's bytes, in lower-case hex.
    pub sha256: String,
    pub schema_version: Option<i32>,
    pub bloc_name: Option<String>,
    pub years: Vec<Year>,
    pub last_handover: Option<HandoverInfo>,
    /// Tables, indexes, triggers and views the program did not create (another tool added
    /// them); never run, and left out of the copy when the file is received.
    pub foreign_objects: Vec<Object>,
    /// `Ok` for a sound file this program can open; otherwise the Vietnamese reason.
    pub verdict: Result<(), String>,
}

/// Who handed the file over, to whom and when: the last handover recorded in it.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoverInfo {
    pub year: Year,
    pub from: String,
    pub to: String,
    pub date: NaiveDate,
}

impl Findings {
    fn nothing_yet(path: &Path) -> Findings {
        Findings {
            path: path.to_path_buf(),
            size: 0,
            sha256: String::new(),
            schema_version: None,
            bloc_name: None,
            years: Vec::new(),
            last_handover: None,
            foreign_objects: Vec::new(),
            verdict: Ok(()),
        }
    }

    pub fn is_sound(&self) -> bool {
        self.verdict.is_ok()
    }

    /// The findings as the lines `khoi-thi-dua verify` prints and the window shows.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![
            format!("Tệp: {}", self.path.display()),
            format!(
                "Dung lượng: {} byte",
                crate::text::number::format_number(self.size as f64)
            ),
            format!("Mã kiểm tra (SHA-256): {}", self.sha256),
        ];
        if let Some(v) = self.schema_version {
            // Users know programs by their version, not schemas by their number.
            let current = schema::CURRENT_VERSION;
            out.push(match v.cmp(&current) {
                std::cmp::Ordering::Equal => {
                    format!("Ghi bởi: phiên bản này của chương trình (định dạng số {v})")
                }
                std::cmp::Ordering::Less => format!(
                    "Ghi bởi: một phiên bản cũ hơn của chương trình (định dạng số {v}; phiên bản này dùng số {current})"
                ),
                std::cmp::Ordering::Greater => format!(
                    "Ghi bởi: một phiên bản mới hơn của chương trình (định dạng số {v}; phiên bản này chỉ đọc đến số {current})"
                ),
            });
        }
        if let Some(name) = &self.bloc_name {
            out.push(format!("Khối: {name}"));
        }
        if !self.years.is_empty() {
            let years: Vec<String> = self.years.iter().map(|y| y.to_string()).collect();
            out.push(format!("Các năm: {}", years.join(", ")));
        }
        if let Some(h) = &self.last_handover {
            out.push(format!(
                "Bàn giao: {} bàn giao nhiệm vụ Trưởng khối năm {} cho {} ngày {}",
                h.from,
                h.year + 1,
                h.to,
                crate::text::date::format_date(h.date)
            ));
        }
        if !self.foreign_objects.is_empty() {
            let list: Vec<String> = self.foreign_objects.iter().map(shape::describe).collect();
            out.push(format!(
                "Đối tượng không do chương trình tạo (không bao giờ được chạy; bị bỏ khỏi bản sao khi nhận tệp): {}",
                list.join(", ")
            ));
        }
        out.push(match &self.verdict {
            Ok(()) => "Kết luận: tệp nguyên vẹn, mở được.".to_owned(),
            Err(e) => format!("Kết luận: KHÔNG mở được. {e}"),
        });
        out
    }
}

/// SHA-256 of a file, in lower-case hex.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Inspects a file without ever writing it.
pub fn inspect(path: &Path) -> Findings {
    let mut f = Findings::nothing_yet(path);
    let checked = preflight(path, &mut f, true)
        .and_then(|()| check_structure(path, &mut f))
        .and_then(|complete| {
            if complete {
                read_all(path, &mut f)
            } else {
                Ok(())
            }
        });
    if let Err(e) = checked {
        f.verdict = Err(e);
    }
    f
}

/// What can be told before SQLite opens the file: a file, not empty, no interrupted change
/// beside it; its size, and its SHA-256 when `hash` is asked.
fn preflight(path: &Path, f: &mut Findings, hash: bool) -> Result<(), String> {
    let shown = path.display();
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => f.size = m.len(),
        Ok(_) => return Err(format!("“{shown}” không phải là một tệp.")),
        Err(e) => return Err(format!("Không đọc được tệp “{shown}” ({e}).")),
    }
    if hash {
        f.sha256 = sha256_file(path).map_err(|e| format!("Không đọc được tệp “{shown}” ({e})."))?;
    }
    if f.size == 0 {
        return Err(format!(
            "Tệp “{shown}” trống (0 byte): có thể việc chép tệp chưa xong. Hãy xin lại tệp từ đơn vị bàn giao."
        ));
    }
    let journal = crate::fsutil::journal_of(path);
    if std::fs::metadata(&journal).is_ok_and(|m| m.len() > 0) {
        return Err(format!(
            "Tệp “{shown}” có một thay đổi bị ngắt giữa chừng (tệp “{}” nằm bên cạnh). Hãy mở tệp bằng chương trình trên máy đã ghi nó để hoàn tất, rồi chép lại; đừng xóa tệp “-journal” đó.",
            journal.display()
        ));
    }
    Ok(())
}

/// The file as SQLite sees it: ours, not newer, whole (`integrity_check`), the expected shape.
/// `Ok(false)` for a file without a schema yet (nothing more to read).
fn check_structure(path: &Path, f: &mut Findings) -> Result<bool, String> {
    let shown = path.display();
    let broken = |e: &rusqlite::Error| {
        format!(
            "Tệp “{shown}” không phải là tệp dữ liệu hợp lệ hoặc đã bị hỏng ({}). Hãy xin lại tệp từ đơn vị bàn giao.",
            describe_sqlite(e)
        )
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| broken(&e))?;
    harden(&conn).map_err(|e| e.to_string())?;
    conn.busy_timeout(std::time::Duration::from_secs(2))
        .map_err(|e| broken(&e))?;
    let (app_id, version, tables) = identify(&conn).map_err(|e| match e {
        super::StoreError::Sqlite(e) => broken(&e),
        other => other.to_string(),
    })?;
    if app_id != schema::APPLICATION_ID || tables == 0 {
        return Err(format!(
            "Tệp “{shown}” không phải là tệp dữ liệu của chương trình Khối thi đua (có thể là tệp của chương trình khác)."
        ));
    }
    f.schema_version = Some(version);
    if version > schema::CURRENT_VERSION {
        return Err(format!(
            "Tệp được tạo bởi phiên bản mới hơn của chương trình (lược đồ dữ liệu số {version}, phiên bản này chỉ đọc được đến số {}). Hãy cập nhật chương trình rồi mở lại.",
            schema::CURRENT_VERSION
        ));
    }
    let result: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| broken(&e))?;
    if result != ["ok"] {
        return Err(format!(
            "Tệp “{shown}” bị hỏng (kiểm tra toàn vẹn báo lỗi: {}). Hãy xin lại tệp từ đơn vị bàn giao.",
            result.first().map_or("", String::as_str)
        ));
    }
    if version < 1 {
        return Ok(false);
    }
    // The schema's shape: what the program needs is there, with the types it reads.
    let changed = |what: String| {
        format!(
            "Tệp “{shown}” có cấu trúc khác với tệp của chương trình ({what}), có thể đã bị chương trình khác sửa. Hãy xin lại tệp từ đơn vị bàn giao."
        )
    };
    let have = Shape::of(&conn).map_err(|e| changed(e.to_string()))?;
    let expected = Shape::expected(version).map_err(|e| e.to_string())?;
    let problems = have.problems(&expected);
    if !problems.is_empty() {
        return Err(changed(problems.join("; ")));
    }
    f.foreign_objects = have.foreign(&expected);
    Ok(true)
}

/// A value that cannot be read is a damaged file: say which file.
fn unreadable(path: &Path, e: StoreError) -> String {
    format!(
        "Tệp “{}” không đọc được: {e} Hãy xin lại tệp từ đơn vị bàn giao.",
        path.display()
    )
}

/// One year of a file from elsewhere, for comparing blocs: the checks of [`inspect`] up to the
/// schema's shape (no hash), then the members and `year` read through the window's own code,
/// never the file's other years. `Err` is the Vietnamese reason, naming the file.
pub fn read_year(path: &Path, year: Year) -> Result<(Vec<Member>, YearData), String> {
    let mut f = Findings::nothing_yet(path);
    preflight(path, &mut f, false)?;
    check_structure(path, &mut f)?;
    let unreadable = |e| unreadable(path, e);
    let store = Store::open_read_only(path).map_err(unreadable)?;
    let conn = store.conn();
    let list = years::list(conn).map_err(unreadable)?;
    if !list.contains(&year) {
        let have: Vec<String> = list.iter().map(|y| y.to_string()).collect();
        let have = if have.is_empty() {
            "tệp chưa có năm nào".to_owned()
        } else {
            format!("các năm có trong tệp: {}", have.join(", "))
        };
        return Err(format!(
            "Tệp “{}” không có số liệu năm {year} ({have}).",
            path.display()
        ));
    }
    let all = members::list(conn).map_err(unreadable)?;
    let data = years::data(conn, year).map_err(unreadable)?;
    Ok((all, data))
}

/// Every row of every year, read by the code that opening uses.
fn read_all(path: &Path, f: &mut Findings) -> Result<(), String> {
    let shown = path.display();
    // Through an upgraded copy in memory for an older schema.
    let unreadable = |e| unreadable(path, e);
    let store = Store::open_read_only(path).map_err(unreadable)?;
    let conn = store.conn();
    let list = years::list(conn).map_err(unreadable)?;
    if let Some(y) = list.iter().find(|y| !(1900..=2200).contains(*y)) {
        return Err(format!(
            "Tệp “{shown}” có năm {y}, ngoài khoảng 1900–2200 mà chương trình làm việc; có thể tệp đã bị chương trình khác sửa. Hãy xin lại tệp từ đơn vị bàn giao."
        ));
    }
    let all = members::list(conn).map_err(unreadable)?;
    for &y in &list {
        let data = years::data(conn, y).map_err(unreadable)?;
        for kind in crate::domain::ReportKind::ALL {
            reports::exported_at(conn, y, kind).map_err(unreadable)?;
        }
        if y == list.last().copied().unwrap_or(y) {
            f.bloc_name = Some(data.record.bloc_name.clone());
        }
        if let Some(h) = data.handovers.last() {
            let name = |id: Option<i64>| {
                id.and_then(|id| all.iter().find(|m| m.id == id))
                    .map_or(String::new(), |m| m.full_name_in(y).to_owned())
            };
            f.last_handover = Some(HandoverInfo {
                year: y,
                from: name(h.from_member),
                to: name(Some(h.to_member)),
                date: h.date,
            });
        }
    }
    f.years = list;
    Ok(())
}

/// Copies a sound file into `dir` (the data folder's `received`), upgrades the copy when its
/// schema is older, and opens it. The original is only read.
pub fn receive(path: &Path, dir: &Path, backups: &Path) -> Result<(Store, Findings), StoreError> {
    let findings = inspect(path);
    if let Err(reason) = &findings.verdict {
        return Err(StoreError::Invalid(reason.clone()));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        StoreError::Invalid(format!("Không tạo được thư mục “{}” ({e}).", dir.display()))
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "tep-nhan".to_owned());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let mut target = dir.join(format!("{stem}-nhan-{stamp}.sqlite"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{stem}-nhan-{stamp}-{n}.sqlite"));
        n += 1;
    }
    let copy = || -> Result<(), StoreError> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        harden(&conn)?;
        copy::copy_to(&conn, &target)?;
        // What another tool added does not travel into the program's copy.
        let mut copy = Connection::open(&target)?;
        harden(&copy)?;
        shape::drop_objects(&mut copy, &findings.foreign_objects)
    };
    copy().map_err(|e| {
        crate::fsutil::discard_temp(&target);
        StoreError::Invalid(format!(
            "Không chép được tệp “{}” vào thư mục dữ liệu: {e}",
            path.display()
        ))
    })?;
    let store = Store::open_with_backups(&target, Some(backups))?;
    Ok((store, findings))
}
