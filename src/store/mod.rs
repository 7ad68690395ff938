//! The bloc's SQLite file: opening it, its schema, and one module per entity.
//!
//! Every write goes through [`Store::write`], one transaction per user action. Text is
//! normalised to NFC here, on its way in, so everything read back from the store is NFC.
//! Writes to a handed-over (locked) year are refused here too, so no screen can forget to.
//!
//! The file uses the rollback journal (`journal_mode=DELETE`) with `synchronous=FULL`: an edit
//! that returned is on disk, and once the program closes the database is one self-contained file
//! with no `-wal` or `-journal` beside it.

pub mod awards;
pub mod backup;
pub mod conference;
pub mod copy;
pub mod handovers;
pub mod indicators;
pub mod json;
pub mod members;
pub mod milestones;
pub mod receive;
pub mod reports;
pub mod schema;
pub mod scoring;
pub mod shape;
pub mod years;

use crate::domain::Year;
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Everything that can go wrong with a bloc file, worded for the user (in Vietnamese); the
/// underlying cause is kept as the error's source for the log.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("Không mở được tệp “{path}”: {reason}")]
    Open {
        path: String,
        reason: String,
        #[source]
        source: Option<rusqlite::Error>,
    },
    #[error(
        "Tệp “{path}” không phải là tệp dữ liệu của chương trình Khối thi đua. Hãy chọn đúng tệp .sqlite do chương trình tạo ra."
    )]
    Foreign { path: String },
    #[error(
        "Tệp “{path}” được tạo bởi phiên bản mới hơn của chương trình (lược đồ dữ liệu số {found}, phiên bản này chỉ đọc được đến số {known}). Hãy cập nhật chương trình rồi mở lại."
    )]
    Newer {
        path: String,
        found: i32,
        known: i32,
    },
    #[error("{}", describe_sqlite(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// A rule of the data was broken; the message says which and what to do.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Name(#[from] crate::domain::NameError),
    /// A file beside the database could not be read or written; callers that know which file
    /// reword it with the file's name.
    #[error("Lỗi đọc hoặc ghi tệp ({0}).")]
    Io(#[from] std::io::Error),
    #[error("Năm {0} đã bàn giao nên chỉ xem được. Muốn sửa, hãy mở khóa năm này ở thẻ Bàn giao.")]
    Locked(Year),
    /// The stored values are no longer those the window last read (another window or a command
    /// changed them): nothing was written, and the window reads the file again.
    #[error("Dữ liệu đã bị thay đổi ở nơi khác; đã tải lại.")]
    Stale,
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A Vietnamese sentence for the SQLite failures a user can cause or meet.
pub(crate) fn describe_sqlite(e: &rusqlite::Error) -> String {
    use rusqlite::Error as E;
    // A value SQLite stores but we cannot read (text that is not UTF-8, a number where text
    // belongs): a damaged file or one written by another tool, never something the user did.
    if matches!(
        e,
        E::Utf8Error(..)
            | E::FromSqlConversionFailure(..)
            | E::InvalidColumnType(..)
            | E::IntegralValueOutOfRange(..)
    ) {
        return format!(
            "Tệp dữ liệu có giá trị không đọc được (chữ sai bảng mã hoặc số sai kiểu), có thể tệp đã bị hỏng hoặc bị chương trình khác sửa. Hãy khôi phục từ bản sao lưu hoặc xin lại tệp ({e})."
        );
    }
    let code = e.sqlite_error_code();
    match code {
        Some(ErrorCode::DiskFull) => {
            "Ổ đĩa đã đầy nên chưa lưu được. Hãy giải phóng chỗ trống rồi thử lại; dữ liệu đã lưu trước đó vẫn còn nguyên.".to_owned()
        }
        Some(ErrorCode::ReadOnly) => {
            "Tệp dữ liệu đang ở chế độ chỉ đọc (thư mục hoặc tệp không cho ghi). Hãy chép tệp vào một thư mục có quyền ghi rồi mở lại.".to_owned()
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            "Tệp dữ liệu đang được một cửa sổ khác của chương trình sử dụng. Hãy đóng cửa sổ đó rồi thử lại.".to_owned()
        }
        Some(ErrorCode::NotADatabase) => {
            "Tệp không phải là cơ sở dữ liệu SQLite hoặc đã bị hỏng.".to_owned()
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            "Tệp dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.".to_owned()
        }
        Some(ErrorCode::CannotOpen) => {
            "Không mở được tệp: thư mục không tồn tại hoặc không có quyền truy cập.".to_owned()
        }
        Some(ErrorCode::ConstraintViolation) => {
            "Dữ liệu không hợp lệ nên không được lưu (vi phạm ràng buộc của tệp).".to_owned()
        }
        _ => format!("Lỗi khi đọc hoặc ghi tệp dữ liệu ({e})."),
    }
}

/// An open bloc file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened only to read ([`Store::open_read_only`]), possibly as an upgraded copy in memory.
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the program's own file read-write, creating it (with the current schema) when it
    /// does not exist, and upgrading an older schema in place.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with_backups(path, None)
    }

    /// Like [`Store::open`], taking a backup into `backups` before upgrading an older schema.
    pub fn open_with_backups(path: &Path, backups: Option<&Path>) -> Result<Store> {
        let shown = path.display().to_string();
        let open_err = |source: rusqlite::Error| StoreError::Open {
            path: shown.clone(),
            reason: describe_sqlite(&source),
            source: Some(source),
        };
        if path.is_dir() {
            return Err(StoreError::Open {
                path: shown,
                reason: "đây là một thư mục, không phải tệp.".to_owned(),
                source: None,
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(open_err)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: false,
        };
        store.prepare(backups).map_err(|e| match e {
            StoreError::Sqlite(source) => open_err(source),
            other => other,
        })?;
        Ok(store)
    }

    /// Opens a file only to read it: never created, never upgraded in place, never written.
    /// A file of an older schema is read through an upgraded copy in memory; an empty file
    /// (0 bytes, or a database without tables) is refused, since it holds no bloc.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let shown = path.display().to_string();
        let open_err = |source: rusqlite::Error| StoreError::Open {
            path: shown.clone(),
            reason: describe_sqlite(&source),
            source: Some(source),
        };
        if !path.is_file() {
            return Err(StoreError::Open {
                path: shown,
                reason: "không có tệp này.".to_owned(),
                source: None,
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_err)?;
        harden(&conn).map_err(|e| match e {
            StoreError::Sqlite(source) => open_err(source),
            other => other,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(2))
            .map_err(open_err)?;
        let (version, tables) = check_ours(&conn, &shown).map_err(|e| match e {
            StoreError::Sqlite(source) => open_err(source),
            other => other,
        })?;
        if tables == 0 {
            return Err(StoreError::Open {
                path: shown,
                reason: "tệp trống, không có dữ liệu của khối nào.".to_owned(),
                source: None,
            });
        }
        let conn = if version < schema::CURRENT_VERSION {
            let mut memory = Connection::open_in_memory()?;
            rusqlite::backup::Backup::new(&conn, &mut memory)?.run_to_completion(
                256,
                std::time::Duration::ZERO,
                None,
            )?;
            harden(&memory)?;
            schema::migrate(&mut memory, version, schema::CURRENT_VERSION)?;
            memory
        } else {
            conn
        };
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            read_only: true,
        })
    }

    /// Whether this is an older schema read through an upgraded copy in memory: what a command
    /// exporting from such a file writes must not be recorded in it.
    pub fn is_older_file(path: &Path) -> Result<bool> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let (_, version, tables) = identify(&conn)?;
        Ok(tables > 0 && version < schema::CURRENT_VERSION)
    }

    /// Whether the file can only be read (opened read-only, or write-protected on disk).
    pub fn is_read_only(&self) -> bool {
        self.read_only || self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// A private database in memory, for tests and for building files before writing them.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            read_only: false,
        };
        store.prepare(None)?;
        Ok(store)
    }

    /// Settings for safety, then identification and migration of the schema.
    fn prepare(&mut self, backups: Option<&Path>) -> Result<()> {
        harden(&self.conn)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(2))?;
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        let (version, tables) = check_ours(&self.conn, &self.path.display().to_string())?;
        if version < schema::CURRENT_VERSION {
            if let (Some(dir), true) = (backups, tables > 0) {
                backup::snapshot(&self.conn, dir, &format!("truoc-nang-cap-v{version}"))?;
            }
            schema::migrate(&mut self.conn, version, schema::CURRENT_VERSION)?;
        }
        Ok(())
    }

    /// Brings the open database up to the current schema (after a restore of an older backup).
    pub fn upgrade(&mut self) -> Result<()> {
        self.prepare(None)
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for reads. Writes go through [`Store::write`].
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: all of it is saved, or (on any error) none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.write_op(f)
    }

    /// [`Store::write`] for an operation whose steps fail with its own error type (writing
    /// files inside the transaction, as a handover does): committed only if `f` succeeds.
    pub fn write_op<T, E: From<StoreError>>(
        &mut self,
        f: impl FnOnce(&Transaction) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if self.read_only {
            return Err(StoreError::Invalid(format!(
                "Tệp “{}” đang mở chỉ để xem nên không sửa được.",
                self.path.display()
            ))
            .into());
        }
        // Immediate: the write lock is taken before the first read, so what an edit checks
        // (the values the window last read) cannot change before it writes.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// SQLite's advice for files that may come from elsewhere, applied to every connection: no
/// trigger or view a file brings runs with our privileges, and corrupt pages are detected.
pub fn harden(conn: &Connection) -> Result<()> {
    use rusqlite::config::DbConfig;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    Ok(())
}

/// Refuses a database that is not one of ours (an empty new file is fine) or that a newer
/// program wrote; returns its schema version and number of tables.
pub(crate) fn check_ours(conn: &Connection, shown: &str) -> Result<(i32, i64)> {
    let (app_id, version, tables) = identify(conn)?;
    if tables > 0 && app_id != schema::APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: shown.to_owned(),
        });
    }
    if version > schema::CURRENT_VERSION {
        return Err(StoreError::Newer {
            path: shown.to_owned(),
            found: version,
            known: schema::CURRENT_VERSION,
        });
    }
    Ok((version, tables))
}

/// The application id, schema version and number of tables of an open database.
pub fn identify(conn: &Connection) -> Result<(i32, i32, i64)> {
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    Ok((app_id, version, tables))
}

/// One column of a row as it is stored: its name and value.
pub(crate) type Column = (&'static str, rusqlite::types::Value);

/// Writes into the row of `table` chosen by `key` (SQL with `?` for each of `key_params`) only
/// the columns whose value differs between `old` (what the window last read) and `new`, and
/// only if the row still holds `old` in each of them: another window's change to any other
/// column survives, and a change to one of these refuses the edit ([`StoreError::Stale`]).
/// `old` and `new` list the same columns in the same order, as stored (normalised).
pub(crate) fn update_changed(
    conn: &Connection,
    table: &str,
    key: &str,
    key_params: &[rusqlite::types::Value],
    old: &[Column],
    new: &[Column],
    gone: &str,
) -> Result<()> {
    let changed: Vec<(&str, &rusqlite::types::Value, &rusqlite::types::Value)> = old
        .iter()
        .zip(new)
        .filter(|((_, o), (_, n))| o != n)
        .map(|((name, o), (_, n))| (*name, o, n))
        .collect();
    let exists = |conn: &Connection| -> Result<bool> {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {table} WHERE {key}"),
            rusqlite::params_from_iter(key_params),
            |r| r.get(0),
        )?;
        Ok(n > 0)
    };
    if changed.is_empty() {
        return if exists(conn)? {
            Ok(())
        } else {
            Err(StoreError::Invalid(gone.to_owned()))
        };
    }
    let set: Vec<String> = changed.iter().map(|(c, _, _)| format!("{c} = ?")).collect();
    let held: Vec<String> = changed
        .iter()
        .map(|(c, _, _)| format!("{c} IS ?"))
        .collect();
    let sql = format!(
        "UPDATE {table} SET {} WHERE {key} AND {}",
        set.join(", "),
        held.join(" AND ")
    );
    let params = changed
        .iter()
        .map(|(_, _, n)| *n)
        .chain(key_params)
        .chain(changed.iter().map(|(_, o, _)| *o));
    if conn.execute(&sql, rusqlite::params_from_iter(params))? > 0 {
        return Ok(());
    }
    if exists(conn)? {
        Err(StoreError::Stale)
    } else {
        Err(StoreError::Invalid(gone.to_owned()))
    }
}

/// Text as stored.
pub(crate) fn text_value(s: &str) -> rusqlite::types::Value {
    rusqlite::types::Value::Text(nfc(s))
}

/// NFC-normalises text on its way into the store.
pub(crate) fn nfc(s: &str) -> String {
    crate::text::nfc(s)
}

/// Refuses a write to a year that was handed over.
pub(crate) fn ensure_open(conn: &Connection, year: Year) -> Result<()> {
    let status: Option<String> = conn
        .prepare_cached("SELECT status FROM year WHERE year = ?1")?
        .query_row([year], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    match status.as_deref() {
        Some("open") => Ok(()),
        Some(_) => Err(StoreError::Locked(year)),
        None => Err(StoreError::Invalid(format!(
            "Năm {year} chưa có trong tệp. Hãy tạo năm trước."
        ))),
    }
}

/// Reads an optional ISO date column, ignoring a value that is not a date rather than failing
/// the whole read (a foreign tool may have written it).
pub(crate) fn parse_iso_date(s: Option<String>) -> Option<chrono::NaiveDate> {
    s.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

pub(crate) fn iso_date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// The local time as stored in event columns.
pub(crate) fn now_local() -> String {
    chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string()
}
