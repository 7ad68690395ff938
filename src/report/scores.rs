//! The scoring documents, in the Decree 30 layout: the ranked table of the year ("Bảng tổng hợp
//! kết quả chấm điểm, xếp hạng thi đua"), landscape; each member's detailed sheet for the annex;
//! and the blank self-scoring form sent out at the start of the year. Data in, document out.

use super::document::{
    Align, Block, Closing, Column, Document, DraftMark, Figure, FigureBar, Meta, Scale, Signature,
    Table, TableRow,
};
use crate::domain::scoring::{
    CriterionKind, Inputs, Ranking, Scheme, Stage, Totals, compute, format_score, rank,
};
use crate::domain::{Member, MemberId, YearData, members_in};
use crate::text::date::{format_date, format_document_date};

/// What every scoring document of a year starts from.
struct Context<'a> {
    data: &'a YearData,
    members: &'a [Member],
    scheme: &'a Scheme,
    ids: Vec<MemberId>,
    totals: Vec<Totals>,
}

impl<'a> Context<'a> {
    fn new(members: &'a [Member], data: &'a YearData, scheme: &'a Scheme) -> Context<'a> {
        let year = data.record.year;
        let ids: Vec<MemberId> = members_in(members, year).iter().map(|m| m.id).collect();
        let totals = compute(scheme, &ids, &data.scoring.scores, Inputs::of(data));
        Context {
            data,
            members,
            scheme,
            ids,
            totals,
        }
    }

    fn year(&self) -> i32 {
        self.data.record.year
    }

    fn member(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    fn full_name(&self, id: MemberId) -> String {
        self.member(id)
            .map_or(String::new(), |m| m.full_name_in(self.year()).to_owned())
    }

    /// The bloc's header, closing and meta around `blocks`.
    fn document(&self, doc_type: &str, subject: String, blocks: Vec<Block>) -> Document {
        bloc_document(self.members, self.data, doc_type, subject, blocks)
    }

    /// "Căn cứ …": the law, the bloc's scoring guide when recorded.
    fn basis(&self) -> String {
        let s = self.scheme;
        let mut parts = vec!["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15".to_owned()];
        if !s.basis.trim().is_empty() {
            let date = s
                .basis_date
                .map_or(String::new(), |d| format!(" ngày {}", format_date(d)));
            parts.push(format!("căn cứ {}{date}", s.basis.trim()));
        }
        let cross = if s.cross_scoring {
            ", kết quả chấm chéo giữa các đơn vị (điểm khối chấm là trung bình điểm các đơn vị khác chấm)"
        } else {
            ""
        };
        format!(
            "{}; căn cứ kết quả tự chấm điểm của các đơn vị thành viên{cross} và kết quả thẩm định, thống nhất của Khối, {} tổng hợp kết quả chấm điểm, xếp hạng thi đua năm {} như sau:",
            parts.join("; "),
            self.data.record.bloc_name,
            self.year()
        )
    }
}

/// "Hà Giang, ngày 16 tháng 12 năm 2020" from the conference date, dotted without one.
pub(super) fn place_date(data: &YearData) -> String {
    let rec = &data.record;
    let date = rec
        .conference_date
        .map_or("ngày … tháng … năm …".to_owned(), format_document_date);
    if rec.place.trim().is_empty() {
        date
    } else {
        format!("{}, {date}", rec.place.trim())
    }
}

/// A document the bloc issues over its leader's signature ("TM. KHỐI … / TRƯỞNG KHỐI"): the
/// Decree 30 header from the year's record, `blocks`, the usual recipients. The scoring and
/// award documents start from it and change what differs.
pub(super) fn bloc_document(
    members: &[Member],
    data: &YearData,
    doc_type: &str,
    subject: String,
    blocks: Vec<Block>,
) -> Document {
    let rec = &data.record;
    let leader = rec
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id));
    Document {
        meta: Meta {
            title: format!("{doc_type} {subject}"),
            author: rec.bloc_name.clone(),
            subject: subject.clone(),
        },
        parent_body: rec.parent_body(),
        issuing_body: rec.bloc_name.to_uppercase(),
        number: String::new(),
        place_date: place_date(data),
        doc_type: doc_type.to_owned(),
        subject,
        blocks,
        closing: Closing {
            recipients: super::conference::default_recipients(),
            signatures: vec![Signature {
                authority: format!("TM. {}", rec.bloc_name.to_uppercase()),
                position: "TRƯỞNG KHỐI".to_owned(),
                signer: leader.map_or(String::new(), |m| m.head_name.clone()),
            }],
        },
        appendices: Vec::new(),
        landscape: false,
        plain: false,
        draft: DraftMark::None,
        two_up: false,
    }
}

/// The ranked table: STT, unit, self, bloc, bonus, deductions, total, rank, band, how a tie
/// was settled (or why a member is not ranked). Landscape, as Decree 30 allows wide tables.
fn ranking_table(cx: &Context<'_>, ranking: &Ranking, title: Option<String>) -> Table {
    let scheme = cx.scheme;
    let name = |id: MemberId| {
        cx.member(id)
            .map_or(String::new(), |m| m.short_name_in(cx.year()).to_owned())
    };
    let rows = ranking
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // A member that sent no self-score has no total to print, only the reason.
            let ranked = r.rank.is_some();
            let score = |v: f64| {
                if ranked {
                    format_score(v)
                } else {
                    String::new()
                }
            };
            let some = |v: f64| {
                if v > 0.0 {
                    format_score(v)
                } else {
                    String::new()
                }
            };
            TableRow::Cells(vec![
                (i + 1).to_string(),
                cx.full_name(r.member),
                score(r.self_total),
                r.bloc_total.map(format_score).unwrap_or_default(),
                some(r.bonus),
                some(r.deductions),
                score(r.final_total),
                r.rank.map(|n| n.to_string()).unwrap_or_default(),
                r.classification.clone(),
                r.explain(scheme, name),
            ])
        })
        .collect();
    let col = Column::new;
    Table {
        title,
        subtitle: None,
        columns: vec![
            col("STT", 0.6, Align::Center),
            col("Đơn vị", 3.4, Align::Left),
            col("Tự chấm", 1.1, Align::Right),
            col("Khối chấm", 1.1, Align::Right),
            col("Điểm thưởng", 1.1, Align::Right),
            col("Điểm trừ", 1.0, Align::Right),
            col("Tổng", 1.0, Align::Right),
            col("Xếp hạng", 1.0, Align::Center),
            col("Xếp loại", 2.6, Align::Left),
            col("Ghi chú", 2.8, Align::Left),
        ],
        rows,
        landscape: true,
        font_size: 12.0,
    }
}

/// The ranked table of the year, landscape.
pub fn ranking_document(members: &[Member], data: &YearData, scheme: &Scheme) -> Document {
    let cx = Context::new(members, data, scheme);
    let ranking = rank(scheme, &cx.totals);
    let mut blocks = vec![
        Block::Paragraph(cx.basis()),
        Block::Table(ranking_table(&cx, &ranking, None)),
    ];
    if let Some(leader) = ranking.leader() {
        blocks.push(Block::Paragraph(format!(
            "Đơn vị dẫn đầu phong trào thi đua của Khối năm {}: {}.",
            cx.year(),
            cx.full_name(leader)
        )));
    }
    let mut doc = cx.document(
        "BẢNG TỔNG HỢP",
        format!("Kết quả chấm điểm, xếp hạng thi đua năm {}", cx.year()),
        blocks,
    );
    doc.landscape = true;
    if scheme.secretariat_signs {
        // Two signatures print side by side: the secretariat on the left, the leader on the right.
        doc.closing.signatures.insert(
            0,
            Signature {
                authority: String::new(),
                position: "THƯ KÝ KHỐI".to_owned(),
                signer: data.conference.secretary.name.clone(),
            },
        );
    }
    doc
}

/// The year's scoring and ranking, once the bloc has scored (at least one member ranked).
fn scored<'a>(members: &'a [Member], data: &'a YearData) -> Option<(Context<'a>, Ranking)> {
    let scheme = data.scoring.scheme.as_ref()?;
    let cx = Context::new(members, data, scheme);
    let ranking = rank(scheme, &cx.totals);
    ranking.leader()?;
    Some((cx, ranking))
}

/// The member leading the bloc's movement by the year's ranking, once the bloc has scored.
pub(super) fn leader(members: &[Member], data: &YearData) -> Option<MemberId> {
    scored(members, data).and_then(|(_, ranking)| ranking.leader())
}

/// The report's paragraph on the results: who leads, how many members in each band, how many
/// are not ranked. `None` until the bloc has scored.
pub fn results_paragraph(members: &[Member], data: &YearData) -> Option<String> {
    let (cx, ranking) = scored(members, data)?;
    let leader = ranking.rows.first()?;
    let mut bands: Vec<(String, usize)> = Vec::new();
    for r in ranking.rows.iter().filter(|r| r.rank.is_some()) {
        match bands.iter_mut().find(|(b, _)| *b == r.classification) {
            Some((_, n)) => *n += 1,
            None => bands.push((r.classification.clone(), 1)),
        }
    }
    let counts: Vec<String> = bands
        .iter()
        .filter(|(b, _)| !b.is_empty())
        .map(|(b, n)| format!("{n} đơn vị {}", b.to_lowercase()))
        .collect();
    let unranked = ranking.rows.iter().filter(|r| r.rank.is_none()).count();
    let mut p = format!(
        "Kết quả chấm điểm, xếp hạng thi đua năm {}: {} dẫn đầu phong trào thi đua của Khối với {} điểm",
        cx.year(),
        cx.full_name(leader.member),
        format_score(leader.final_total)
    );
    if !counts.is_empty() {
        p.push_str(&format!("; {}", crate::text::join_with_and(&counts)));
    }
    if unranked > 0 {
        p.push_str(&format!(
            "; {unranked} đơn vị không xếp loại do không gửi bảng tự chấm điểm"
        ));
    }
    p.push_str(" (chi tiết tại phụ lục).");
    Some(p)
}

/// The ranked table as an appendix of the report, once the bloc has scored.
pub fn ranking_appendix(members: &[Member], data: &YearData) -> Option<Block> {
    let (cx, ranking) = scored(members, data)?;
    let title = format!(
        "PHỤ LỤC: KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM {}",
        cx.year()
    );
    Some(Block::Table(ranking_table(&cx, &ranking, Some(title))))
}

/// "Biểu đồ …. Tổng điểm thi đua theo thứ tự xếp hạng năm 2020": the ranked members' agreed
/// totals in rank order, once the bloc has scored.
pub fn ranking_figure(members: &[Member], data: &YearData) -> Option<Block> {
    let (cx, ranking) = scored(members, data)?;
    let bars: Vec<FigureBar> = crate::domain::charts::score_bars(cx.scheme, &ranking)
        .into_iter()
        .map(|b| FigureBar {
            label: format!(
                "{}. {}",
                b.rank,
                cx.member(b.member)
                    .map_or(String::new(), |m| m.short_name_in(cx.year()).to_owned())
            ),
            value: b.total,
            shown: format_score(b.total),
        })
        .collect();
    (!bars.is_empty()).then(|| {
        Block::Figure(Figure {
            caption: format!(
                "Tổng điểm thi đua của các đơn vị theo thứ tự xếp hạng năm {}",
                cx.year()
            ),
            axis_title: "Tổng điểm (điểm thống nhất)".to_owned(),
            scale: Scale::Number,
            bars,
        })
    })
}

/// What the conference minutes record of the ranking the conference adopted.
pub fn minutes_paragraphs(members: &[Member], data: &YearData) -> Vec<Block> {
    let Some((cx, ranking)) = scored(members, data) else {
        return Vec::new();
    };
    let mut out = vec![Block::Paragraph(format!(
        "Hội nghị thống nhất kết quả chấm điểm, xếp hạng thi đua năm {} như sau:",
        cx.year()
    ))];
    for r in &ranking.rows {
        let line = match r.rank {
            Some(n) => {
                let band = if r.classification.is_empty() {
                    String::new()
                } else {
                    format!(", {}", r.classification.to_lowercase())
                };
                format!(
                    "- Hạng {n}: {} ({} điểm{band}).",
                    cx.full_name(r.member),
                    format_score(r.final_total)
                )
            }
            None => format!(
                "- Không xếp loại: {} (không gửi bảng tự chấm điểm).",
                cx.full_name(r.member)
            ),
        };
        out.push(Block::Paragraph(line));
    }
    out
}

/// The sheet's rows: every criterion with its standard score, then `cells` of it.
fn sheet_rows(scheme: &Scheme, cells: impl Fn(usize) -> Vec<String>) -> Vec<TableRow> {
    let position = |id| scheme.criteria.iter().position(|c| c.id == id);
    scheme
        .in_order()
        .into_iter()
        .filter_map(|(_, c)| {
            let i = position(c.id)?;
            let max = format_score(c.max);
            let standard = match c.kind {
                CriterionKind::Bonus { .. } => format!("+{max}"),
                CriterionKind::Deduction { .. } => format!("−{max}"),
                _ => max,
            };
            let mut row = vec![c.code.clone(), c.title.clone(), standard];
            row.extend(cells(i));
            Some(TableRow::Cells(row))
        })
        .collect()
}

/// Each member's detailed sheet (criterion, standard, self, bloc, final, note); all members
/// when `member` is `None`.
pub fn sheet_document(
    members: &[Member],
    data: &YearData,
    scheme: &Scheme,
    member: Option<MemberId>,
) -> Document {
    let cx = Context::new(members, data, scheme);
    let mut blocks = Vec::new();
    let chosen: Vec<usize> = (0..cx.ids.len())
        .filter(|&k| member.is_none_or(|m| cx.ids[k] == m))
        .collect();
    for &k in &chosen {
        let id = cx.ids[k];
        let t = &cx.totals[k];
        if member.is_none() {
            blocks.push(Block::Heading(cx.full_name(id)));
        }
        let notes = |i: usize| {
            let c = &scheme.criteria[i];
            Stage::ALL
                .iter()
                .rev()
                .filter_map(|&s| {
                    data.scoring
                        .scores
                        .iter()
                        .find(|sc| sc.member == id && sc.criterion == c.id && sc.stage == s)
                })
                .map(|sc| sc.note.clone())
                .find(|n| !n.is_empty())
                .unwrap_or_default()
        };
        let mut rows = sheet_rows(scheme, |i| {
            let mut v: Vec<String> = (0..3).map(|s| format_score(t.points[i][s])).collect();
            v.push(notes(i));
            v
        });
        let totals = Stage::ALL.iter().map(|&s| format_score(t.stage(s).total));
        rows.push(total_row(scheme, totals));
        blocks.push(Block::Table(sheet_table(
            vec!["Tự chấm", "Khối chấm", "Thống nhất", "Ghi chú"],
            rows,
        )));
        if !t.sent_self_score() {
            blocks.push(Block::Paragraph(
                "Đơn vị chưa gửi bảng tự chấm điểm: không xếp loại.".to_owned(),
            ));
        }
    }
    let subject = match member {
        Some(id) => format!(
            "Kết quả chấm điểm thi đua năm {} của {}",
            cx.year(),
            cx.full_name(id)
        ),
        None => format!(
            "Kết quả chấm điểm thi đua năm {} của các đơn vị thành viên",
            cx.year()
        ),
    };
    cx.document("BẢNG ĐIỂM", subject, blocks)
}

/// The last row of a sheet: "Tổng cộng", the base, then `cells`.
fn total_row(scheme: &Scheme, cells: impl IntoIterator<Item = String>) -> TableRow {
    let mut row = vec![
        String::new(),
        "Tổng cộng".to_owned(),
        format_score(scheme.base_total),
    ];
    row.extend(cells);
    TableRow::Cells(row)
}

fn sheet_table(extra: Vec<&str>, rows: Vec<TableRow>) -> Table {
    let col = Column::new;
    let mut columns = vec![
        col("TT", 0.7, Align::Center),
        col("Tiêu chí", 5.0, Align::Left),
        col("Điểm chuẩn", 1.1, Align::Right),
    ];
    for title in extra {
        let (width, align) = if matches!(title, "Ghi chú" | "Minh chứng") {
            (2.0, Align::Left)
        } else {
            (1.1, Align::Right)
        };
        columns.push(col(title, width, align));
    }
    Table {
        title: None,
        subtitle: None,
        columns,
        rows,
        landscape: false,
        font_size: 11.0,
    }
}

/// The blank self-scoring form: the sheet with empty score columns, for `member` or any.
pub fn form_document(
    members: &[Member],
    data: &YearData,
    scheme: &Scheme,
    member: Option<MemberId>,
) -> Document {
    let cx = Context::new(members, data, scheme);
    let unit = member.map_or("………………………………………………".to_owned(), |id| cx.full_name(id));
    let rows = sheet_rows(scheme, |i| {
        vec![String::new(), scheme.criteria[i].evidence.clone()]
    });
    let mut rows = rows;
    rows.push(total_row(scheme, [String::new(), String::new()]));
    let blocks = vec![
        Block::Paragraph(format!("Đơn vị: {unit}")),
        Block::Paragraph(format!(
            "Đơn vị tự chấm điểm từng mục theo {}, ghi minh chứng kèm theo và gửi về Trưởng khối trước hội nghị tổng kết. Đơn vị không gửi bảng tự chấm điểm thì không được xếp loại. Điểm trừ ghi số điểm bị trừ.",
            if scheme.basis.trim().is_empty() {
                format!("hướng dẫn chấm điểm của {}", cx.data.record.bloc_name)
            } else {
                scheme.basis.trim().to_owned()
            }
        )),
        Block::Table(sheet_table(vec!["Tự chấm", "Minh chứng"], rows)),
    ];
    let mut doc = cx.document(
        "BẢNG TỰ CHẤM ĐIỂM",
        format!("Thi đua năm {}", cx.year()),
        blocks,
    );
    // The form goes out at the start of the year and comes back signed by the member: its
    // name (left for it to write on a blank form) and a date it fills in.
    doc.issuing_body = match member {
        Some(id) => cx.full_name(id).to_uppercase(),
        None => "……………………………".to_owned(),
    };
    doc.place_date = "……………, ngày … tháng … năm …".to_owned();
    doc.closing = Closing {
        recipients: Vec::new(),
        signatures: vec![Signature {
            authority: String::new(),
            position: "THỦ TRƯỞNG ĐƠN VỊ".to_owned(),
            signer: member
                .and_then(|id| cx.member(id))
                .map_or(String::new(), |m| m.head_name.clone()),
        }],
    };
    doc
}
