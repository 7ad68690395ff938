//! The comparison of several blocs' files for one year ("TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI"),
//! as the province's emulation office reads them side by side: per bloc its members, its leader
//! and leading unit, the classification counts, the award proposals with their vote shares and
//! the indicator coverage; then the files that could not be read, with the reason. The plain
//! summary is built by `ops::rollup`; this module only turns it into a document.

use super::document::{
    Align, Block, Closing, Column, Document, DraftMark, Figure, FigureBar, Meta, Scale, Signature,
    Table, TableRow,
};
use crate::domain::Year;
use crate::text::number::{format_number, format_percent};
use std::path::PathBuf;

/// The summary of several blocs' files for one year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rollup {
    pub year: Year,
    /// The blocs read, in the order the files were given.
    pub blocs: Vec<BlocSummary>,
    /// The files that could not be read, with the reason.
    pub unreadable: Vec<Unreadable>,
}

/// One bloc's year, in figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BlocSummary {
    pub path: PathBuf,
    pub bloc_name: String,
    /// Members of the bloc in the year.
    pub members: usize,
    /// The unit leading the bloc that year (Trưởng khối), by its full name.
    pub leader: Option<String>,
    /// The unit ranked first by the year's scores ("đơn vị dẫn đầu"), when the bloc scored.
    pub leading: Option<String>,
    /// How many members reached each classification, in the ranking's order.
    pub classes: Vec<(String, usize)>,
    pub proposals: Vec<Proposal>,
    pub indicators: Coverage,
}

/// One nominee for one award, with the outcome of its last vote round.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposal {
    pub award: String,
    pub nominee: String,
    /// Votes in the nominee's last round; `None` before any vote.
    pub votes: Option<u32>,
    /// Share of the round's base, in percent.
    pub share: Option<f64>,
    /// "Đạt, đề nghị", "Không đạt", …
    pub outcome: String,
}

/// How far the year's indicators are filled and met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    pub total: usize,
    /// With a result for the year.
    pub with_result: usize,
    /// With a result and a target to weigh it against (met, exceeded or not met).
    pub evaluated: usize,
    /// Met or exceeded.
    pub met: usize,
}

impl Coverage {
    /// "1.128/1.200"
    pub fn filled(&self) -> String {
        format!(
            "{}/{}",
            format_number(self.with_result as f64),
            format_number(self.total as f64)
        )
    }

    /// The share of evaluated indicators met, in percent; `None` when none could be weighed.
    pub fn met_percent(&self) -> Option<f64> {
        (self.evaluated > 0).then(|| self.met as f64 * 100.0 / self.evaluated as f64)
    }
}

/// A file left out of the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

impl BlocSummary {
    /// "Hoàn thành xuất sắc nhiệm vụ: 5; Hoàn thành tốt nhiệm vụ: 3", or "Chưa chấm điểm".
    pub fn classes_text(&self) -> String {
        if self.classes.is_empty() {
            return "Chưa chấm điểm".to_owned();
        }
        self.classes
            .iter()
            .map(|(name, n)| format!("{name}: {}", format_number(*n as f64)))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl Proposal {
    /// "12 phiếu (85,7%)", empty before any vote.
    pub fn votes_text(&self) -> String {
        match (self.votes, self.share) {
            (Some(v), Some(s)) => format!(
                "{} phiếu ({})",
                format_number(f64::from(v)),
                format_percent(s)
            ),
            (Some(v), None) => format!("{} phiếu", format_number(f64::from(v))),
            _ => String::new(),
        }
    }
}

/// The file's name as the tables show it (the folder is on the user's PC, not the reader's).
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The comparison as a document: a neutral header (whoever prints it issues it), landscape.
pub fn rollup_document(r: &Rollup) -> Document {
    let year = r.year;
    let mut blocks = vec![Block::Paragraph(format!(
        "Tổng hợp từ {} tệp dữ liệu của các khối thi đua năm {year}: đọc được {} tệp{}.",
        format_number((r.blocs.len() + r.unreadable.len()) as f64),
        format_number(r.blocs.len() as f64),
        if r.unreadable.is_empty() {
            String::new()
        } else {
            format!(
                ", không đọc được {} tệp (danh sách ở mục cuối)",
                format_number(r.unreadable.len() as f64)
            )
        }
    ))];
    blocks.push(Block::Heading(
        "1. Các khối, đơn vị dẫn đầu và xếp loại".to_owned(),
    ));
    blocks.push(Block::Table(blocs_table(r)));
    blocks.push(Block::Figure(met_figure(r)));
    blocks.push(Block::Heading(
        "2. Đề nghị khen thưởng và tỷ lệ phiếu bầu".to_owned(),
    ));
    if r.blocs.iter().all(|b| b.proposals.is_empty()) {
        blocks.push(Block::Paragraph(
            "Chưa khối nào có đề nghị khen thưởng trong năm.".to_owned(),
        ));
    } else {
        blocks.push(Block::Table(proposals_table(r)));
    }
    if !r.unreadable.is_empty() {
        blocks.push(Block::Heading("3. Các tệp không đọc được".to_owned()));
        blocks.push(Block::Table(unreadable_table(r)));
    }
    let title = format!("TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM {year}");
    Document {
        meta: Meta {
            title: title.clone(),
            author: String::new(),
            subject: format!("Kết quả thi đua các khối năm {year}"),
        },
        parent_body: String::new(),
        issuing_body: String::new(),
        number: String::new(),
        place_date: "……, ngày … tháng … năm …".to_owned(),
        doc_type: title,
        subject: String::new(),
        blocks,
        closing: Closing {
            recipients: vec!["Lưu: VT".to_owned()],
            signatures: vec![Signature {
                authority: String::new(),
                position: "NGƯỜI TỔNG HỢP".to_owned(),
                signer: String::new(),
            }],
        },
        appendices: Vec::new(),
        landscape: true,
        plain: false,
        draft: DraftMark::None,
        two_up: false,
    }
}

fn table(columns: Vec<Column>, rows: Vec<TableRow>) -> Table {
    Table {
        title: None,
        subtitle: None,
        columns,
        rows,
        landscape: true,
        font_size: 11.0,
    }
}

/// The headings of the blocs' table, shared with the workbook.
pub const BLOC_HEADERS: [&str; 9] = [
    "STT",
    "Khối",
    "Số thành viên",
    "Trưởng khối",
    "Đơn vị dẫn đầu",
    "Xếp loại",
    "Chỉ tiêu có kết quả",
    "Tỷ lệ chỉ tiêu đạt, vượt",
    "Tệp",
];

fn blocs_table(r: &Rollup) -> Table {
    let widths = [0.6, 2.6, 1.1, 2.4, 2.4, 3.4, 1.4, 1.3, 2.0];
    let aligns = [
        Align::Center,
        Align::Left,
        Align::Right,
        Align::Left,
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Left,
    ];
    let columns = BLOC_HEADERS
        .iter()
        .zip(widths)
        .zip(aligns)
        .map(|((t, w), a)| Column::new(t, w, a))
        .collect();
    let rows = r
        .blocs
        .iter()
        .enumerate()
        .map(|(i, b)| {
            TableRow::Cells(vec![
                (i + 1).to_string(),
                b.bloc_name.clone(),
                format_number(b.members as f64),
                b.leader.clone().unwrap_or_default(),
                b.leading
                    .clone()
                    .unwrap_or_else(|| "Chưa xếp hạng".to_owned()),
                b.classes_text(),
                b.indicators.filled(),
                b.indicators
                    .met_percent()
                    .map(format_percent)
                    .unwrap_or_default(),
                file_name(&b.path),
            ])
        })
        .collect();
    table(columns, rows)
}

/// Each bloc's share of its indicators met or exceeded, as a chart under the blocs' table (a
/// bloc without an indicator weighed has no bar; no bloc with one, no chart).
fn met_figure(r: &Rollup) -> Figure {
    Figure {
        caption: format!(
            "Tỷ lệ chỉ tiêu đạt và vượt kế hoạch của các khối năm {}",
            r.year
        ),
        axis_title: "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả".to_owned(),
        scale: Scale::Percent,
        bars: r
            .blocs
            .iter()
            .filter_map(|b| {
                let percent = b.indicators.met_percent()?;
                Some(FigureBar {
                    label: b.bloc_name.clone(),
                    value: percent,
                    shown: format_percent(percent),
                })
            })
            .collect(),
    }
}

/// The headings of the proposals' table, shared with the workbook.
pub const PROPOSAL_HEADERS: [&str; 6] = [
    "STT",
    "Danh hiệu, hình thức khen thưởng",
    "Đơn vị được đề nghị",
    "Số phiếu",
    "Tỷ lệ phiếu",
    "Kết quả",
];

fn proposals_table(r: &Rollup) -> Table {
    let col = Column::new;
    let columns = vec![
        col(PROPOSAL_HEADERS[0], 0.6, Align::Center),
        col(PROPOSAL_HEADERS[1], 3.2, Align::Left),
        col(PROPOSAL_HEADERS[2], 3.2, Align::Left),
        col(PROPOSAL_HEADERS[3], 1.0, Align::Right),
        col(PROPOSAL_HEADERS[4], 1.0, Align::Right),
        col(PROPOSAL_HEADERS[5], 2.2, Align::Left),
    ];
    let mut rows = Vec::new();
    for b in r.blocs.iter().filter(|b| !b.proposals.is_empty()) {
        rows.push(TableRow::Group(b.bloc_name.clone()));
        for (i, p) in b.proposals.iter().enumerate() {
            rows.push(TableRow::Cells(vec![
                (i + 1).to_string(),
                p.award.clone(),
                p.nominee.clone(),
                p.votes
                    .map(|v| format_number(f64::from(v)))
                    .unwrap_or_default(),
                p.share.map(format_percent).unwrap_or_default(),
                p.outcome.clone(),
            ]));
        }
    }
    table(columns, rows)
}

fn unreadable_table(r: &Rollup) -> Table {
    let col = Column::new;
    let columns = vec![
        col("STT", 0.6, Align::Center),
        col("Tệp", 3.0, Align::Left),
        col("Lý do", 8.0, Align::Left),
    ];
    let rows = r
        .unreadable
        .iter()
        .enumerate()
        .map(|(i, u)| {
            TableRow::Cells(vec![
                (i + 1).to_string(),
                file_name(&u.path),
                u.reason.clone(),
            ])
        })
        .collect();
    table(columns, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_without_evaluated_indicators_has_no_percent() {
        let c = Coverage {
            total: 3,
            with_result: 0,
            evaluated: 0,
            met: 0,
        };
        assert_eq!(c.met_percent(), None);
        assert_eq!(c.filled(), "0/3");
        let c = Coverage {
            total: 1200,
            with_result: 1128,
            evaluated: 4,
            met: 3,
        };
        assert_eq!(c.filled(), "1.128/1.200");
        assert_eq!(c.met_percent().map(format_percent).as_deref(), Some("75%"));
    }

    #[test]
    fn the_blocs_weighed_are_charted_after_their_table() {
        let bloc = |name: &str, evaluated, met| BlocSummary {
            bloc_name: name.to_owned(),
            indicators: Coverage {
                total: 10,
                with_result: 10,
                evaluated,
                met,
            },
            ..BlocSummary::default()
        };
        let r = Rollup {
            year: 2020,
            blocs: vec![
                bloc("Khối A", 4, 3),
                bloc("Khối B", 0, 0),
                bloc("Khối C", 8, 8),
            ],
            unreadable: Vec::new(),
        };
        let doc = rollup_document(&r);
        let at = doc
            .blocks
            .iter()
            .position(|b| matches!(b, Block::Figure(_)))
            .unwrap();
        assert!(matches!(doc.blocks[at - 1], Block::Table(_)));
        let Block::Figure(f) = &doc.blocks[at] else {
            unreachable!()
        };
        let bars: Vec<(&str, &str)> = f
            .bars
            .iter()
            .map(|b| (b.label.as_str(), b.shown.as_str()))
            .collect();
        assert_eq!(bars, [("Khối A", "75%"), ("Khối C", "100%")]);
        assert_eq!(doc.figure_numbers(), [Some(1)]);
    }

    #[test]
    fn the_document_lists_unreadable_files_after_the_blocs() {
        let r = Rollup {
            year: 2020,
            blocs: vec![BlocSummary {
                bloc_name: "Khối Kinh tế ngành".to_owned(),
                members: 10,
                ..BlocSummary::default()
            }],
            unreadable: vec![Unreadable {
                path: PathBuf::from("hong.sqlite"),
                reason: "Tệp bị hỏng.".to_owned(),
            }],
        };
        let doc = rollup_document(&r);
        assert_eq!(doc.doc_type, "TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM 2020");
        assert!(doc.landscape);
        let last = doc.blocks.last();
        let Some(Block::Table(t)) = last else {
            panic!("no table of unreadable files: {last:?}");
        };
        assert_eq!(
            t.rows,
            vec![TableRow::Cells(vec![
                "1".to_owned(),
                "hong.sqlite".to_owned(),
                "Tệp bị hỏng.".to_owned()
            ])]
        );
    }
}
