//! The pledge signed at the start of the year ("Bản ký kết giao ước thi đua năm N"): the bloc's
//! goals for the year, each member's key works, the scoring guide in force, every member's
//! registered targets in the appendix, and a signature for each member's head. Data in,
//! document out, in the Decree 30 layout.

use super::compose::{TO_FILL, launched_by};
use super::document::{Align, Block, Column, Document, Signature, Table};
use super::scores::bloc_document;
use crate::domain::{Member, YearData, YearRecord, members_in};
use crate::text::date::format_date;

/// The pledge of `data`'s year. `previous` is the year before, whose conference adopted the
/// directions the pledge takes as its goals.
pub fn pledge_document(
    members: &[Member],
    data: &YearData,
    previous: Option<&YearRecord>,
) -> Document {
    let rec = &data.record;
    let year = rec.year;
    let in_bloc = members_in(members, year);
    let mut blocks = vec![Block::Paragraph(basis(data))];

    blocks.push(Block::Heading("I. MỤC TIÊU, NỘI DUNG THI ĐUA".to_owned()));
    let goals: Vec<&str> = previous.map_or(Vec::new(), |p| p.direction_lines().collect());
    if goals.is_empty() {
        blocks.push(Block::Paragraph(TO_FILL.to_owned()));
    } else {
        blocks.extend(goals.iter().map(|g| Block::Paragraph((*g).to_owned())));
    }

    blocks.push(Block::Heading(
        "II. CÔNG TRÌNH, PHẦN VIỆC TRỌNG ĐIỂM CỦA CÁC ĐƠN VỊ".to_owned(),
    ));
    blocks.push(Block::Paragraph(
        "Các đơn vị thành viên đăng ký thực hiện các chỉ tiêu, nhiệm vụ tại phụ lục kèm theo và các công trình, phần việc trọng điểm sau:".to_owned(),
    ));
    for (k, m) in in_bloc.iter().enumerate() {
        let works: Vec<&str> = data
            .narratives
            .iter()
            .find(|n| n.member == m.id)
            .map_or(Vec::new(), |n| n.key_work_lines().collect());
        blocks.push(Block::Paragraph(format!(
            "{}. {}:{}",
            k + 1,
            m.full_name_in(year),
            if works.is_empty() {
                " (chưa đăng ký)."
            } else {
                ""
            }
        )));
        let last = works.len().saturating_sub(1);
        blocks.extend(works.iter().enumerate().map(|(i, w)| {
            let end = if i == last { '.' } else { ';' };
            Block::Paragraph(format!("- {}{end}", w.trim_end_matches(['.', ';'])))
        }));
    }

    blocks.push(Block::Heading("III. TỔ CHỨC THỰC HIỆN".to_owned()));
    let scoring = match data.scoring.scheme.as_ref() {
        Some(s) => {
            let mut by = s.document_name().to_owned();
            if !s.basis.trim().is_empty() {
                by.push_str(&format!(" ({}", s.basis.trim()));
                if let Some(d) = s.basis_date {
                    by.push_str(&format!(" ngày {}", format_date(d)));
                }
                by.push(')');
            }
            format!("1. Việc chấm điểm, xếp hạng thi đua năm {year} thực hiện theo {by}.")
        }
        None => format!("1. Việc chấm điểm, xếp hạng thi đua năm {year}: {TO_FILL}"),
    };
    blocks.push(Block::Paragraph(scoring));
    blocks.push(Block::Paragraph(
        "2. Các đơn vị thành viên tổ chức phát động phong trào thi đua trong cơ quan, đơn vị mình; báo cáo kết quả thực hiện 6 tháng đầu năm và cả năm về đơn vị Trưởng khối đúng thời hạn để tổng hợp, sơ kết, tổng kết.".to_owned(),
    ));
    blocks.push(Block::Paragraph(format!(
        "3. Bản giao ước thi đua được lập thành {} bản, mỗi đơn vị thành viên giữ 01 bản, gửi Ban Thi đua - Khen thưởng tỉnh 01 bản.",
        two_digits(in_bloc.len() + 1)
    )));

    let mut doc = bloc_document(
        members,
        data,
        "BẢN KÝ KẾT",
        format!("Giao ước thi đua năm {year}"),
        blocks,
    );
    doc.place_date = undated_line(rec);
    doc.number = super::awards::registration_number(members, data, "GƯ");
    // Every member's head signs, two to a row, the leader first.
    let mut signers = in_bloc.clone();
    signers.sort_by_key(|m| Some(m.id) != rec.leader);
    doc.closing.signatures = signers
        .iter()
        .map(|m| Signature {
            authority: m.full_name_in(year).to_uppercase(),
            position: m.head_title.trim().to_uppercase(),
            signer: m.head_name.trim().to_owned(),
        })
        .collect();
    doc.appendices = vec![targets_table(members, data)];
    doc
}

/// "Hà Giang, ngày … tháng … năm 2021": the date line of a document of the start of the year,
/// dated when it is signed.
pub(super) fn undated_line(rec: &YearRecord) -> String {
    let year = rec.year;
    if rec.place.trim().is_empty() {
        format!("ngày … tháng … năm {year}")
    } else {
        format!("{}, ngày … tháng … năm {year}", rec.place.trim())
    }
}

/// "Căn cứ …": the law, the province's programme, the movement.
fn basis(data: &YearData) -> String {
    let rec = &data.record;
    let launched = launched_by(rec);
    let movement = if launched.is_empty() {
        String::new()
    } else {
        format!("; hưởng ứng phong trào thi đua{launched}")
    };
    format!(
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15{movement}, các đơn vị thành viên {} thống nhất ký kết giao ước thi đua năm {} với các nội dung sau:",
        rec.bloc_name.trim(),
        rec.year
    )
}

/// "09", "12": counts of copies are written with two digits.
fn two_digits(n: usize) -> String {
    format!("{n:02}")
}

/// The appendix: each member's indicators with the plan it registers, as typed.
fn targets_table(members: &[Member], data: &YearData) -> Block {
    let year = data.record.year;
    let rows = super::summary::indicator_rows(members, data, |ind| {
        vec![
            ind.name.clone(),
            ind.unit.clone(),
            ind.plan_shown(),
            ind.note.clone(),
        ]
    });
    let col = Column::new;
    Block::Table(Table {
        title: Some(format!(
            "CHỈ TIÊU, NHIỆM VỤ ĐĂNG KÝ THI ĐUA NĂM {year} CỦA CÁC ĐƠN VỊ THÀNH VIÊN"
        )),
        subtitle: Some(format!("(Kèm theo Bản ký kết giao ước thi đua năm {year})")),
        columns: vec![
            col("STT", 0.6, Align::Center),
            col("Chỉ tiêu, nhiệm vụ", 4.6, Align::Left),
            col("Đơn vị tính", 1.3, Align::Center),
            col("Kế hoạch đăng ký", 1.6, Align::Right),
            col("Ghi chú", 1.8, Align::Left),
        ],
        rows,
        landscape: false,
        font_size: 12.0,
    })
}
