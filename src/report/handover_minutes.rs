//! The handover minutes ("Biên bản bàn giao nhiệm vụ Trưởng khối"), in the Decree 30 layout
//! with the symbol BB. Data in, document out: the operation that hands over
//! (`ops::handover`) gathers the values.

use super::document::{
    Align, Block, Closing, Column, Document, DraftMark, Meta, Signature, Table, TableRow,
};
use crate::domain::{HandoverItem, Member, Year, YearRecord};
use crate::text::date::{format_date, format_document_date};
use chrono::NaiveDate;

/// What the minutes record.
#[derive(Debug, Clone, Copy)]
pub struct HandoverMinutes<'a> {
    /// The year handed over (its bloc, province, place and conference venue).
    pub record: &'a YearRecord,
    /// The leader handing over, and the member receiving.
    pub from: Option<&'a Member>,
    pub to: Option<&'a Member>,
    pub date: NaiveDate,
    pub notes: &'a str,
    pub items: &'a [HandoverItem],
    /// The successor's file: its name, size in bytes, the years it holds and its SHA-256.
    pub file_name: &'a str,
    pub file_size: u64,
    pub years: &'a [Year],
    pub sha256: &'a str,
}

/// "184 KB", "1,2 MB": a file's size as the record states it.
fn format_size(bytes: u64) -> String {
    use crate::text::number::format_number;
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} byte")
    } else if b < KB * KB {
        format!("{} KB", format_number((b / KB).round()))
    } else {
        format!("{} MB", format_number((b / KB / KB * 10.0).round() / 10.0))
    }
}

/// The handover minutes as a document.
pub fn handover_minutes_document(m: &HandoverMinutes) -> Document {
    let rec = m.record;
    let year = rec.year;
    let (from, to, file_name, hash) = (m.from, m.to, m.file_name, m.sha256);
    let name = |m: Option<&Member>| m.map_or(String::new(), |m| m.full_name_in(year).to_owned());
    let abbreviation = from
        .and_then(|m| m.name_in(year))
        .map(|n| n.abbreviation.clone())
        .filter(|a| !a.is_empty());
    let bloc_upper = rec.bloc_name.to_uppercase();
    let mut blocks = vec![
        Block::Paragraph(format!(
            "Hôm nay, {}, tại {}, chúng tôi gồm:",
            format_document_date(m.date),
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
    let rows = m
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
        subtitle: None,
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
    // The record describes the file itself, so that the receiver can tell it is the one handed
    // over: its name, size, the years it holds, and its checksum on a line of its own.
    let held = match m.years {
        [] => String::new(),
        [only] => format!(", chứa dữ liệu năm {only}"),
        [first, last] => format!(", chứa dữ liệu các năm {first} và {last}"),
        [first, .., last] => format!(", chứa dữ liệu các năm từ {first} đến {last}"),
    };
    // The checksum after a forced break: a line of its own at the full measure, where its 64
    // characters fit unbroken.
    blocks.push(Block::Paragraph(format!(
        "Tệp dữ liệu bàn giao: “{file_name}”, dung lượng {}{held}. Mã kiểm tra SHA-256 của tệp:\n{hash}",
        format_size(m.file_size)
    )));
    blocks.push(Block::Paragraph(
        "Bên nhận đối chiếu mã kiểm tra của tệp nhận được với mã ghi trong biên bản này; tệp có mã khác là tệp đã bị thay đổi."
            .to_owned(),
    ));
    if !m.notes.trim().is_empty() {
        blocks.push(Block::Paragraph(format!("Ghi chú: {}", m.notes.trim())));
    }
    blocks.push(Block::Paragraph(format!(
        "Biên bản được lập ngày {}, thành 02 bản có giá trị như nhau, mỗi bên giữ 01 bản.",
        format_date(m.date)
    )));
    let head = |m: Option<&Member>| m.map_or(String::new(), |m| m.head_name.trim().to_owned());
    let title =
        |m: Option<&Member>| m.map_or(String::new(), |m| m.head_title.trim().to_uppercase());
    Document {
        meta: Meta {
            title: format!("Biên bản bàn giao nhiệm vụ Trưởng khối năm {}", year + 1),
            author: rec.bloc_name.clone(),
            subject: format!("Bàn giao nhiệm vụ Trưởng khối {}", rec.bloc_name),
        },
        parent_body: rec.parent_body(),
        issuing_body: bloc_upper,
        number: match abbreviation {
            Some(a) => format!("Số: 01/BB-{a}"),
            None => "Số: 01/BB".to_owned(),
        },
        place_date: if rec.place.trim().is_empty() {
            format_document_date(m.date)
        } else {
            format!("{}, {}", rec.place.trim(), format_document_date(m.date))
        },
        doc_type: "BIÊN BẢN".to_owned(),
        subject: format!("Bàn giao nhiệm vụ Trưởng khối năm {}", year + 1),
        blocks,
        closing: Closing {
            recipients: super::conference::default_recipients(),
            signatures: vec![
                Signature {
                    authority: "ĐẠI DIỆN BÊN GIAO".to_owned(),
                    position: title(from),
                    signer: head(from),
                },
                Signature {
                    authority: "ĐẠI DIỆN BÊN NHẬN".to_owned(),
                    position: title(to),
                    signer: head(to),
                },
            ],
        },
        appendices: Vec::new(),
        landscape: false,
        plain: false,
        draft: DraftMark::None,
        two_up: false,
    }
}
