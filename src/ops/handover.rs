//! Handing the leader role, and the file, to the next member, in one all-or-nothing step:
//! record the handover, lock the finished year, open the next year (members, new leader,
//! indicator list), write a clean single-file copy for the successor with its SHA-256, and the
//! handover minutes ("Biên bản bàn giao") as PDF.
//!
//! Order matters for "all or nothing": a backup first; then the successor's copy is built as a
//! temporary file (a compacted copy of the file as it is, with the same handover applied); then
//! the handover is applied to the open file in a transaction that is committed only after the
//! copy and the minutes are in place. A failure at any point removes what was written and
//! rolls the transaction back. A killed process leaves the original as it was before or after
//! the whole handover (SQLite's journal undoes an unfinished transaction), and beside it at most
//! a `.tmp` file nobody would take for a database (removed, with any journal of it, before the
//! next try builds its copy), or, if killed in the instant between placing the successor's file
//! and the commit, a whole successor file (never half of one). The copy passes SQLite's
//! `integrity_check` before it is placed.

use super::{OpsError, Overwrite, Result, check_output, write_file};
use crate::domain::{Handover, HandoverItem, Member, MemberId, Year, YearRecord, YearStatus};
use crate::fsutil;
use crate::report::fonts::FontSet;
use crate::report::handover_minutes::{HandoverMinutes, handover_minutes_document};
use crate::report::pdf::render_pdf;
use crate::store::shape::Shape;
use crate::store::{
    self, Store, StoreError, backup, copy, handovers, indicators, members, receive, years,
};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// What the user asked for.
#[derive(Debug, Clone)]
pub struct HandoverRequest {
    pub year: Year,
    pub to: MemberId,
    pub date: NaiveDate,
    pub notes: String,
    pub items: Vec<HandoverItem>,
    /// The file for the successor; must not exist yet, unless it is this program's own
    /// unfinished successor of this year (a handover killed before it was recorded) and
    /// `redo_unfinished` is set.
    pub out: PathBuf,
    /// Replace `out` when it is an unfinished successor of this handover (the user agreed).
    pub redo_unfinished: bool,
}

/// What the handover produced.
#[derive(Debug, Clone)]
pub struct HandoverOutcome {
    pub file: PathBuf,
    pub sha256: String,
    pub minutes: PathBuf,
    pub backup: PathBuf,
    pub next_year: Year,
    /// Which date the record carries and why ("ngày hội nghị tổng kết"), for the user.
    pub dated: String,
    /// Objects another tool had added to the file, left out of the successor's copy.
    pub dropped: Vec<String>,
    /// Where an earlier successor's file and minutes of this handover, replaced by this one,
    /// were moved (the backup folder).
    pub replaced: Vec<PathBuf>,
}

/// The items usually handed over, offered as a starting list.
pub fn default_items(year: Year) -> Vec<HandoverItem> {
    let item = |item: &str, quantity: &str| HandoverItem {
        item: item.to_owned(),
        quantity: quantity.to_owned(),
        note: String::new(),
    };
    vec![
        item("Tệp dữ liệu của chương trình Khối thi đua", "01 tệp"),
        item(
            &format!("Báo cáo tổng kết công tác thi đua, khen thưởng năm {year}"),
            "01 bản",
        ),
        item("Hồ sơ, tài liệu thi đua, khen thưởng của Khối", "01 bộ"),
    ]
}

/// The minutes' file beside the successor's copy: "khoi-2021.sqlite" → "khoi-2021-bien-ban-ban-giao.pdf".
pub fn minutes_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ban-giao".to_owned());
    out.with_file_name(format!("{stem}-bien-ban-ban-giao.pdf"))
}

/// Applies the handover to a database, inside the caller's transaction.
fn apply(
    conn: &Connection,
    req: &HandoverRequest,
    file_name: &str,
    hash: &str,
) -> store::Result<i64> {
    let Some(mut rec) = years::get(conn, req.year)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {} không có trong tệp.",
            req.year
        )));
    };
    if rec.is_locked() {
        return Err(StoreError::Locked(req.year));
    }
    let all = members::list(conn)?;
    let Some(to) = all.iter().find(|m| m.id == req.to) else {
        return Err(StoreError::Invalid(
            "Đơn vị nhận bàn giao không có trong tệp.".to_owned(),
        ));
    };
    let next = req.year + 1;
    if !to.is_member_in(next) {
        return Err(StoreError::Invalid(format!(
            "{} không còn là thành viên của Khối năm {next} nên không nhận bàn giao được.",
            to.full_name_in(req.year)
        )));
    }
    let id = handovers::insert(
        conn,
        &Handover {
            id: 0,
            year: req.year,
            from_member: rec.leader,
            to_member: req.to,
            date: req.date,
            notes: req.notes.clone(),
            items: req.items.clone(),
            file_name: file_name.to_owned(),
            file_hash: hash.to_owned(),
        },
    )?;
    rec.next_leader = Some(req.to);
    years::update(conn, &rec)?;
    match years::get(conn, next)? {
        Some(mut existing) => {
            existing.leader = Some(req.to);
            if existing.deputy == Some(req.to) {
                existing.deputy = None;
            }
            years::update(conn, &existing)?;
        }
        None => {
            let mut new = YearRecord::new(next, &rec.bloc_name, &rec.province, &rec.place);
            new.leader = Some(req.to);
            years::insert(conn, &new)?;
        }
    }
    if indicators::list(conn, next)?.is_empty() && !indicators::list(conn, req.year)?.is_empty() {
        indicators::copy_previous_year(conn, next)?;
    }
    // The successor scores by the same sheet unless the bloc adopts another: the scheme goes
    // on, the scores stay with their year.
    if store::scoring::scheme(conn, next)?.is_none()
        && store::scoring::scheme(conn, req.year)?.is_some()
    {
        store::scoring::copy_previous_year(conn, next)?;
    }
    // The award catalogue goes on too; the nominations and votes belong to their year.
    store::awards::copy_catalogue(conn, req.year, next)?;
    years::set_status(
        conn,
        req.year,
        YearStatus::HandedOver,
        &format!("Bàn giao cho {}", to.full_name_in(req.year)),
    )?;
    Ok(id)
}

/// Performs the handover of `req.year`. `backups` is the data folder's backup folder.
pub fn perform(
    store: &mut Store,
    req: &HandoverRequest,
    backups: &Path,
    fonts: &FontSet,
) -> Result<HandoverOutcome> {
    let out = &req.out;
    if out.extension().is_none_or(|e| e != "sqlite") {
        return Err(OpsError::Invalid(
            "Tệp bàn giao phải có đuôi .sqlite.".to_owned(),
        ));
    }
    // A year already handed over says so, before anything about the successor's file (run
    // again after a handover that did finish, "đã có" would send the user looking elsewhere).
    if years::get(store.conn(), req.year)?.is_some_and(|r| r.is_locked()) {
        return Err(StoreError::Locked(req.year).into());
    }
    super::refuse_held_year(store, req.year)?;
    let minutes = minutes_path(out);
    let mut replaced = Vec::new();
    if out.exists() && is_unfinished_successor(store, req)? {
        if !req.redo_unfinished {
            return Err(OpsError::UnfinishedHandover {
                path: out.clone(),
                year: req.year,
            });
        }
        // Ours, and not recorded in the open file (a killed run, or the open file restored to
        // before that handover). It may already be in the successor's hands: kept, moved into
        // the backup folder, never deleted.
        for path in [out, &minutes] {
            if let Some(kept) = move_aside(path, backups)? {
                replaced.push(kept);
            }
        }
    }
    check_output(out, &[store.path()], Overwrite::Refuse)?;
    check_output(&minutes, &[store.path()], Overwrite::Refuse)?;
    let file_name = out
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let backup = backup::snapshot(
        store.conn(),
        backups,
        &format!("truoc-ban-giao-{}", req.year),
    )?;

    // 1. The successor's copy, built under a temporary name. A temporary left by a killed
    //    earlier try, and its journal, go first: SQLite would roll that journal into the copy.
    let tmp = fsutil::temp_sibling(out);
    fsutil::remove_stale_temp(&tmp).map_err(|source| OpsError::Write {
        path: tmp.clone(),
        source,
    })?;
    let mut dropped = Vec::new();
    let mut years_held = Vec::new();
    let built = (|| -> Result<String> {
        // The backup just written is a compacted copy (`VACUUM INTO`) of the file as it is now:
        // copying its bytes gives the successor's starting point without compacting the whole
        // file a second time (on a 240.000-indicator file that saved about a third of the time).
        std::fs::copy(&backup, &tmp).map_err(|source| OpsError::Write {
            path: out.clone(),
            source,
        })?;
        let mut copy = Store::open(&tmp)?;
        copy.write(|tx| apply(tx, req, &file_name, ""))?;
        // Objects another tool added to the file (a trigger a plain SQLite tool would run at
        // the successor's) are left out of the successor's copy.
        let expected = Shape::expected(store::schema::CURRENT_VERSION)?;
        let foreign = Shape::of(copy.conn())?.foreign(&expected);
        store::shape::drop_objects(copy.conn_mut(), &foreign)?;
        dropped = foreign.iter().map(store::shape::describe).collect();
        years_held = years::list(copy.conn())?;
        drop(copy);
        copy::check_integrity(&tmp)?;
        receive::sha256_file(&tmp).map_err(|source| OpsError::Read {
            path: tmp.clone(),
            source,
        })
    })();
    let hash = match built {
        Ok(h) => h,
        Err(e) => {
            fsutil::discard_temp(&tmp);
            return Err(e);
        }
    };

    // 2. The open file, in a transaction committed only once everything else is in place.
    let year = req.year;
    let file = BuiltFile {
        name: file_name.clone(),
        size: std::fs::metadata(&tmp).map(|m| m.len()).unwrap_or(0),
        years: years_held,
        sha256: hash.clone(),
    };
    let mut dated = String::new();
    let result = store.write_op(|tx| -> Result<()> {
        apply(tx, req, &file_name, &hash)?;
        let doc = minutes_document(tx, req, &file)?;
        if let Some(record) = years::get(tx, req.year)? {
            dated = dated_sentence(&record, req.date);
        }
        let pdf = render_pdf(&doc, fonts, &|_, _| true)?;
        // The successor's file first: a run killed after this leaves a whole successor that
        // the next try recognises, never minutes without their file.
        std::fs::rename(&tmp, out).map_err(|source| OpsError::Write {
            path: out.clone(),
            source,
        })?;
        write_file(&minutes, &pdf.bytes)?;
        Ok(())
    });
    if let Err(e) = result {
        fsutil::discard_temp(&tmp);
        fsutil::discard_temp(&minutes);
        // Our own successor's file, placed just before the commit failed, goes too; a file
        // that is not ours stays.
        if receive::sha256_file(out).ok().as_deref() == Some(hash.as_str()) {
            fsutil::discard_temp(out);
        }
        return Err(e);
    }
    Ok(HandoverOutcome {
        file: out.clone(),
        sha256: hash,
        minutes,
        backup,
        next_year: year + 1,
        dated,
        dropped,
        replaced,
    })
}

/// Whether `req.out` is this program's own successor of this very handover, left by a run
/// killed between placing the file and recording the handover: the open file has no handover
/// of the year, and `out` is one of our files whose year records a handover to the same member
/// under the same file name, with no hash yet (the successor's copy is written before its hash
/// is known).
fn is_unfinished_successor(store: &Store, req: &HandoverRequest) -> Result<bool> {
    if !handovers::list(store.conn(), req.year)?.is_empty() {
        return Ok(false);
    }
    let Ok(other) = Store::open_read_only(&req.out) else {
        return Ok(false);
    };
    let name = req
        .out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let theirs = handovers::list(other.conn(), req.year).unwrap_or_default();
    Ok(theirs.iter().any(|h| {
        h.to_member == req.to && h.file_hash.is_empty() && Some(&h.file_name) == name.as_ref()
    }))
}

/// Moves `path`, if it exists, into `dir` under a time-stamped name; returns where it went.
fn move_aside(path: &Path, dir: &Path) -> Result<Option<PathBuf>> {
    if !path.exists() {
        return Ok(None);
    }
    let failed = |source| OpsError::Write {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%3f");
    let dest = dir.join(format!("{stamp}-da-thay-{}", name.unwrap_or_default()));
    // A rename within one disk; a copy then a removal across disks.
    std::fs::rename(path, &dest)
        .or_else(|_| std::fs::copy(path, &dest).and_then(|_| std::fs::remove_file(path)))
        .map_err(failed)?;
    Ok(Some(dest))
}

/// The handover minutes of `req`, from the year and members as the transaction sees them.
fn minutes_document(
    conn: &Connection,
    req: &HandoverRequest,
    file: &BuiltFile,
) -> store::Result<crate::report::document::Document> {
    let Some(record) = years::get(conn, req.year)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {} không có trong tệp.",
            req.year
        )));
    };
    let all = members::list(conn)?;
    let find = |id: Option<MemberId>| id.and_then(|id| all.iter().find(|m| m.id == id));
    Ok(handover_minutes_document(&HandoverMinutes {
        record: &record,
        from: find(record.leader),
        to: find(Some(req.to)),
        date: req.date,
        notes: &req.notes,
        items: &req.items,
        file_name: &file.name,
        file_size: file.size,
        years: &file.years,
        sha256: &file.sha256,
    }))
}

/// The successor's file as the record describes it.
struct BuiltFile {
    name: String,
    size: u64,
    years: Vec<Year>,
    sha256: String,
}

/// The date a handover record carries unless the user picks another: the day of the year's
/// conference, where the leader role is handed over, when one is recorded; else today.
pub fn default_date(record: &YearRecord) -> NaiveDate {
    record
        .conference_date
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// "Biên bản đề ngày 16/12/2020, ngày hội nghị tổng kết năm 2020.": which date the record
/// carries, and what that date is.
pub fn dated_sentence(record: &YearRecord, date: NaiveDate) -> String {
    let d = crate::text::date::format_date(date);
    let year = record.year;
    match record.conference_date {
        Some(c) if c == date => {
            format!("Biên bản đề ngày {d}, ngày hội nghị tổng kết năm {year}.")
        }
        Some(c) => format!(
            "Biên bản đề ngày {d} (hội nghị tổng kết năm {year} họp ngày {}).",
            crate::text::date::format_date(c)
        ),
        None => format!("Biên bản đề ngày {d}; năm {year} chưa ghi ngày hội nghị tổng kết."),
    }
}

/// Finds a member of `year` by the name a user types: full name, short name or abbreviation,
/// ignoring case (and accents when none are typed).
pub fn find_member(all: &[Member], year: Year, typed: &str) -> Result<MemberId> {
    let typed = crate::text::nfc(typed.trim());
    let exact: Vec<&Member> = all
        .iter()
        .filter(|m| m.is_member_in(year) || m.is_member_in(year + 1))
        .filter(|m| {
            m.name_in(year).is_some_and(|n| {
                [&n.full_name, &n.short_name, &n.abbreviation]
                    .iter()
                    .any(|s| !s.is_empty() && s.to_lowercase() == typed.to_lowercase())
            })
        })
        .collect();
    if let [m] = exact.as_slice() {
        return Ok(m.id);
    }
    let loose: Vec<&Member> = all
        .iter()
        .filter(|m| m.is_member_in(year))
        .filter(|m| crate::text::collate::matches_search(m.full_name_in(year), &typed))
        .collect();
    match loose.as_slice() {
        [m] => Ok(m.id),
        [] => Err(OpsError::Invalid(format!(
            "Không tìm thấy đơn vị “{typed}” trong Khối năm {year}. Hãy gõ đúng tên đầy đủ hoặc tên viết tắt."
        ))),
        many => Err(OpsError::Invalid(format!(
            "“{typed}” khớp với nhiều đơn vị ({}). Hãy gõ tên đầy đủ.",
            many.iter()
                .map(|m| m.full_name_in(year))
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}
