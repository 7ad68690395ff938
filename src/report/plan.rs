//! The year's plan ("Kế hoạch tổ chức phong trào thi đua năm N"): purpose, content (the goals
//! the year before adopted, each member's key works, the scoring guide), the year's schedule
//! and who does what. Composed from the data as a draft the secretariat finishes (in Word, from
//! the .docx), in the Decree 30 layout.

use super::compose::{TO_FILL, launched_by};
use super::document::{Block, Document, DraftMark};
use super::scores::bloc_document;
use crate::domain::calendar::{MilestoneKind, in_date_order};
use crate::domain::{Member, Year, YearData, YearRecord};
use crate::text::date::format_date;

/// The plan of `data`'s year; `previous` is the year before, whose conference adopted the
/// directions the plan takes as its goals.
pub fn plan_document(
    members: &[Member],
    data: &YearData,
    previous: Option<&YearRecord>,
) -> Document {
    let rec = &data.record;
    let year = rec.year;
    let launched = launched_by(rec);
    let mut blocks = vec![
        Block::Heading("I. MỤC ĐÍCH, YÊU CẦU".to_owned()),
        Block::Paragraph(format!(
            "1. Cụ thể hóa phong trào thi đua hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm {year}{launched} trong các đơn vị thành viên {}.",
            rec.bloc_name.trim()
        )),
        Block::Paragraph(
            "2. Phong trào thi đua được tổ chức thiết thực, hiệu quả, gắn với nhiệm vụ chính trị của từng đơn vị; việc đánh giá, chấm điểm, xếp hạng và đề nghị khen thưởng bảo đảm công khai, dân chủ, đúng thực chất.".to_owned(),
        ),
        Block::Heading("II. NỘI DUNG THI ĐUA".to_owned()),
    ];
    let goals: Vec<&str> = previous.map_or(Vec::new(), |p| p.direction_lines().collect());
    if goals.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "1. Mục tiêu, nhiệm vụ: {TO_FILL}"
        )));
    } else {
        blocks.push(Block::Paragraph(format!(
            "1. Mục tiêu, nhiệm vụ (theo phương hướng Hội nghị tổng kết năm {} đã thống nhất):",
            year - 1
        )));
        blocks.extend(goals.iter().map(|g| Block::Paragraph(format!("- {g}"))));
    }
    blocks.push(Block::Paragraph(
        "2. Các đơn vị thành viên đăng ký chỉ tiêu, nhiệm vụ và công trình, phần việc trọng điểm trong Bản ký kết giao ước thi đua; phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu đã đăng ký.".to_owned(),
    ));
    let scoring = match data.scoring.scheme.as_ref() {
        Some(s) => format!(
            "3. Việc chấm điểm, xếp hạng thi đua thực hiện theo {}.",
            s.document_name()
        ),
        None => format!("3. Việc chấm điểm, xếp hạng thi đua: {TO_FILL}"),
    };
    blocks.push(Block::Paragraph(scoring));
    blocks.push(Block::Heading("III. TIẾN ĐỘ THỰC HIỆN".to_owned()));
    if !data.milestones.is_empty() {
        // The year's own calendar, when the secretariat has set its dates.
        blocks.extend(
            in_date_order(&data.milestones)
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    Block::Paragraph(format!(
                        "{}. Ngày {}: {}.",
                        i + 1,
                        format_date(m.date),
                        schedule_item(m.kind, year)
                    ))
                }),
        );
    } else {
        blocks.extend(
        [
            format!("1. Quý I năm {year}: tổ chức ký kết giao ước thi đua; thống nhất hướng dẫn chấm điểm."),
            format!("2. Tháng 6 năm {year}: các đơn vị gửi báo cáo kết quả 6 tháng đầu năm; tổ chức sơ kết."),
            format!("3. Tháng 11 năm {year}: các đơn vị gửi báo cáo kết quả cả năm và bảng tự chấm điểm."),
            format!(
                "4. Tháng 12 năm {year}: tổ chức Hội nghị tổng kết, chấm điểm, xếp hạng, bình xét đề nghị khen thưởng và bàn giao nhiệm vụ Trưởng khối năm {}.",
                year + 1
            ),
        ]
        .map(Block::Paragraph),
        );
    }
    blocks.push(Block::Heading("IV. TỔ CHỨC THỰC HIỆN".to_owned()));
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id))
        .map_or("Đơn vị Trưởng khối".to_owned(), |m| {
            m.full_name_in(year).to_owned()
        });
    blocks.push(Block::Paragraph(format!(
        "1. {leader} (Trưởng khối) chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, tổ chức sơ kết, tổng kết."
    )));
    blocks.push(Block::Paragraph(
        "2. Các đơn vị thành viên Khối căn cứ Kế hoạch này xây dựng kế hoạch triển khai trong cơ quan, đơn vị mình và báo cáo kết quả đúng thời hạn.".to_owned(),
    ));
    let mut doc = bloc_document(
        members,
        data,
        "KẾ HOẠCH",
        format!("Tổ chức phong trào thi đua năm {year}"),
        blocks,
    );
    // Composed from the data, for the secretariat to finish before it is signed.
    doc.draft = DraftMark::Header;
    doc.number = super::awards::registration_number(members, data, "KH");
    doc.place_date = super::pledge::undated_line(rec);
    doc
}

/// What happens at a milestone, as the plan's schedule says it.
fn schedule_item(kind: MilestoneKind, year: Year) -> String {
    match kind {
        MilestoneKind::Pledge => {
            "tổ chức ký kết giao ước thi đua; thống nhất hướng dẫn chấm điểm".to_owned()
        }
        MilestoneKind::MidyearFigures => {
            "hạn các đơn vị gửi báo cáo kết quả 6 tháng đầu năm".to_owned()
        }
        MilestoneKind::MidyearReview => {
            format!("tổ chức Hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {year}")
        }
        MilestoneKind::YearFigures => {
            "hạn các đơn vị gửi báo cáo kết quả cả năm và bảng tự chấm điểm".to_owned()
        }
        MilestoneKind::YearEndReview => format!(
            "tổ chức Hội nghị tổng kết năm {year}, chấm điểm, xếp hạng, bình xét đề nghị khen thưởng"
        ),
        MilestoneKind::Handover => format!("bàn giao nhiệm vụ Trưởng khối năm {}", year + 1),
    }
}
