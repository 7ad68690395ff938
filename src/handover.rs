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
//! a `.tmp` file nobody would take for a database, or, if killed in the instant between placing
//! the successor's file and the commit, a whole successor file (never half of one).

use crate::domain::{Handover, HandoverItem, Member, MemberId, Year, YearRecord, YearStatus};
use crate::report::document::{
    Align, Block, Closing, Column, Document, Meta, Signature, Table, TableRow,
};
use crate::report::fonts::FontSet;
use crate::report::pdf::render_pdf;
use crate::store::{
    self, Store, StoreError, backup, handovers, indicators, members, receive, years,
};
use crate::text::date::{format_date, format_document_date};
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
    /// The file for the successor; must not exist yet.
    pub out: PathBuf,
}

/// What the handover produced.
#[derive(Debug, Clone)]
pub struct HandoverOutcome {
    pub file: PathBuf,
    pub sha256: String,
    pub minutes: PathBuf,
    pub backup: PathBuf,
    pub next_year: Year,
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
) -> Result<HandoverOutcome, String> {
    let out = &req.out;
    if out.exists() {
        return Err(format!(
            "Tệp “{}” đã có. Hãy chọn tên tệp khác để không ghi đè.",
            out.display()
        ));
    }
    if out.extension().is_none_or(|e| e != "sqlite") {
        return Err("Tệp bàn giao phải có đuôi .sqlite.".to_owned());
    }
    let minutes = minutes_path(out);
    if minutes.exists() {
        return Err(format!(
            "Tệp biên bản “{}” đã có. Hãy chọn tên tệp bàn giao khác.",
            minutes.display()
        ));
    }
    let file_name = out
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let backup = backup::snapshot(
        store.conn(),
        backups,
        &format!("truoc-ban-giao-{}", req.year),
    )
    .map_err(|e| e.to_string())?;

    // 1. The successor's copy, built under a temporary name.
    let tmp = out.with_extension("sqlite.tmp");
    let _ = std::fs::remove_file(&tmp);
    let cleanup = |paths: &[&Path]| {
        for p in paths {
            let _ = std::fs::remove_file(p);
        }
    };
    let built = (|| -> Result<String, String> {
        // The backup just written is a compacted copy (`VACUUM INTO`) of the file as it is now:
        // copying its bytes gives the successor's starting point without compacting the whole
        // file a second time (on a 240.000-indicator file that saved about a third of the time).
        std::fs::copy(&backup, &tmp).map_err(|e| {
            format!(
                "Không ghi được tệp bàn giao “{}” ({e}). Hãy chọn thư mục khác.",
                out.display()
            )
        })?;
        let mut copy = Store::open(&tmp).map_err(|e| e.to_string())?;
        copy.write(|tx| apply(tx, req, &file_name, ""))
            .map_err(|e| e.to_string())?;
        drop(copy);
        receive::sha256_file(&tmp).map_err(|e| format!("Không đọc lại được tệp bàn giao ({e})."))
    })();
    let hash = match built {
        Ok(h) => h,
        Err(e) => {
            cleanup(&[&tmp]);
            return Err(e);
        }
    };

    // 2. The open file, in a transaction committed only once everything else is in place.
    let year = req.year;
    let result = store.write(|tx| {
        apply(tx, req, &file_name, &hash)?;
        let doc = minutes_document(tx, req, &file_name, &hash)?;
        let pdf = render_pdf(&doc, fonts, &|_, _| true)
            .map_err(|e| StoreError::Invalid(e.to_string()))?;
        crate::cli::write_new_file(&minutes, &pdf.bytes).map_err(StoreError::Invalid)?;
        std::fs::rename(&tmp, out).map_err(|e| {
            StoreError::Invalid(format!(
                "Không ghi được tệp bàn giao “{}” ({e}). Hãy chọn thư mục khác.",
                out.display()
            ))
        })?;
        Ok(())
    });
    if let Err(e) = result {
        cleanup(&[&tmp, &minutes]);
        if !out.exists() || receive::sha256_file(out).ok().as_deref() == Some(hash.as_str()) {
            let _ = std::fs::remove_file(out);
        }
        return Err(e.to_string());
    }
    Ok(HandoverOutcome {
        file: out.clone(),
        sha256: hash,
        minutes,
        backup,
        next_year: year + 1,
    })
}

/// The handover minutes, in the Decree 30 layout with the symbol BB.
fn minutes_document(
    conn: &Connection,
    req: &HandoverRequest,
    file_name: &str,
    hash: &str,
) -> store::Result<Document> {
    let year = req.year;
    let Some(rec) = years::get(conn, year)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {year} không có trong tệp."
        )));
    };
    let all = members::list(conn)?;
    let find = |id: Option<MemberId>| id.and_then(|id| all.iter().find(|m| m.id == id));
    let from: Option<&Member> = find(rec.leader);
    let to: Option<&Member> = find(Some(req.to));
    let name = |m: Option<&Member>| m.map_or(String::new(), |m| m.full_name_in(year).to_owned());
    let abbreviation = from
        .and_then(|m| m.name_in(year))
        .map(|n| n.abbreviation.clone())
        .filter(|a| !a.is_empty());
    let bloc_upper = rec.bloc_name.to_uppercase();
    let mut blocks = vec![
        Block::Paragraph(format!(
            "Hôm nay, {}, tại {}, chúng tôi gồm:",
            format_document_date(req.date),
            if rec.conference_venue.trim().is_empty() {
                rec.place.clone()
            } else {
                rec.conference_venue.clone()
            }
        )),
        Block::Heading(format!(
            "1. Bên giao: {} (Trưởng khối năm {year})",
            name(from)
        )),
    ];
    if let Some(m) = from.filter(|m| !m.head_name.is_empty()) {
        blocks.push(Block::Paragraph(format!(
            "Đại diện: Ông/Bà {}, {}.",
            m.head_name, m.head_title
        )));
    }
    blocks.push(Block::Heading(format!(
        "2. Bên nhận: {} (Trưởng khối năm {})",
        name(to),
        year + 1
    )));
    if let Some(m) = to.filter(|m| !m.head_name.is_empty()) {
        blocks.push(Block::Paragraph(format!(
            "Đại diện: Ông/Bà {}, {}.",
            m.head_name, m.head_title
        )));
    }
    blocks.push(Block::Paragraph(format!(
        "Hai bên thống nhất bàn giao nhiệm vụ Trưởng khối {} năm {} với các nội dung sau:",
        rec.bloc_name,
        year + 1
    )));
    let rows = req
        .items
        .iter()
        .enumerate()
        .map(|(i, it)| {
            TableRow::Cells(vec![
                format!("{}", i + 1),
                it.item.clone(),
                it.quantity.clone(),
                it.note.clone(),
            ])
        })
        .collect();
    let col = Column::new;
    blocks.push(Block::Table(Table {
        title: None,
        columns: vec![
            col("STT", 0.6, Align::Center),
            col("Nội dung bàn giao", 5.0, Align::Left),
            col("Số lượng", 1.4, Align::Center),
            col("Ghi chú", 2.0, Align::Left),
        ],
        rows,
        landscape: false,
        font_size: 13.0,
    }));
    blocks.push(Block::Paragraph(format!(
        "Tệp dữ liệu bàn giao: {file_name}; mã kiểm tra SHA-256: {hash}. Bên nhận mở tệp bằng chương trình Khối thi đua (Tệp › Mở…) và đối chiếu mã kiểm tra hiển thị với mã ghi trong biên bản này."
    )));
    if !req.notes.trim().is_empty() {
        blocks.push(Block::Paragraph(format!("Ghi chú: {}", req.notes.trim())));
    }
    blocks.push(Block::Paragraph(format!(
        "Biên bản được lập ngày {}, thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.",
        format_date(req.date)
    )));
    let head = |m: Option<&Member>| m.map_or(String::new(), |m| m.head_name.clone());
    Ok(Document {
        meta: Meta {
            title: format!("Biên bản bàn giao nhiệm vụ Trưởng khối năm {}", year + 1),
            author: rec.bloc_name.clone(),
            subject: format!("Bàn giao nhiệm vụ Trưởng khối {}", rec.bloc_name),
        },
        parent_body: if rec.province.trim().is_empty() {
            String::new()
        } else {
            format!("UBND {}", rec.province.trim().to_uppercase())
        },
        issuing_body: bloc_upper,
        number: match abbreviation {
            Some(a) => format!("Số: 01/BB-{a}"),
            None => "Số: 01/BB".to_owned(),
        },
        place_date: if rec.place.trim().is_empty() {
            format_document_date(req.date)
        } else {
            format!("{}, {}", rec.place.trim(), format_document_date(req.date))
        },
        doc_type: "BIÊN BẢN".to_owned(),
        subject: format!("Bàn giao nhiệm vụ Trưởng khối năm {}", year + 1),
        blocks,
        closing: Closing {
            recipients: Vec::new(),
            signatures: vec![
                Signature {
                    authority: "ĐẠI DIỆN BÊN GIAO".to_owned(),
                    position: String::new(),
                    signer: head(from),
                },
                Signature {
                    authority: "ĐẠI DIỆN BÊN NHẬN".to_owned(),
                    position: String::new(),
                    signer: head(to),
                },
            ],
        },
        appendices: Vec::new(),
        plain: false,
    })
}

/// Finds a member of `year` by the name a user types: full name, short name or abbreviation,
/// ignoring case (and accents when none are typed).
pub fn find_member(all: &[Member], year: Year, typed: &str) -> Result<MemberId, String> {
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
        [] => Err(format!(
            "Không tìm thấy đơn vị “{typed}” trong Khối năm {year}. Hãy gõ đúng tên đầy đủ hoặc tên viết tắt."
        )),
        many => Err(format!(
            "“{typed}” khớp với nhiều đơn vị ({}). Hãy gõ tên đầy đủ.",
            many.iter()
                .map(|m| m.full_name_in(year))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}
