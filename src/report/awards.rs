//! The award proposal's dossier, in the Decree 30 layout: the tờ trình to the province's
//! chairman (legal bases, the review, the table of nominees, the enclosed documents), the
//! minutes of the review meeting (biên bản họp bình xét, suy tôn) and the vote count (biên bản
//! kiểm phiếu), plus the sentences the conference minutes and the report say about the vote.
//! Data in, document out; only the totals of a vote exist, so no document names a voter.

use super::conference::{attendance, person_line};
use super::document::{Align, Block, Column, Document, Table, TableRow};
use super::scores::{bloc_document, minutes_paragraphs as ranking_paragraphs};
use crate::domain::awards::{
    Award, AwardResult, Ranks, Verdict, VoteRound, format_share, tally_all,
};
use crate::domain::scoring::format_score;
use crate::domain::{Member, MemberId, YearData, members_in};
use crate::text::date::format_document_date;
use crate::text::join_with_and;
use crate::text::number::format_number;

/// The room left for the number the office gives at registration (no-break spaces, which the
/// layout keeps).
const BLANK: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

/// What every award document of a year starts from.
pub struct Context<'a> {
    members: &'a [Member],
    data: &'a YearData,
    ranks: Ranks,
    results: Vec<AwardResult>,
}

impl<'a> Context<'a> {
    pub fn new(members: &'a [Member], data: &'a YearData) -> Context<'a> {
        let count = members_in(members, data.record.year).len();
        Context {
            members,
            data,
            ranks: Ranks::of(members, data),
            results: tally_all(&data.awards, count),
        }
    }

    fn year(&self) -> i32 {
        self.data.record.year
    }

    fn name(&self, id: MemberId) -> String {
        self.members
            .iter()
            .find(|m| m.id == id)
            .map_or(String::new(), |m| m.full_name_in(self.year()).to_owned())
    }

    fn award(&self, r: &AwardResult) -> Option<&'a Award> {
        self.data.awards.award(r.award)
    }

    /// Whether any vote was counted.
    pub fn voted(&self) -> bool {
        !self.data.awards.rounds.is_empty()
    }

    /// The awards whose vote ended in a tie at the quota's edge, with the tied members, for
    /// the refusal to print a proposal that is not settled.
    pub fn open_ties(&self) -> Vec<String> {
        self.results
            .iter()
            .filter(|r| !r.open_tie().is_empty())
            .filter_map(|r| {
                let names: Vec<String> = r.open_tie().into_iter().map(|m| self.name(m)).collect();
                self.award(r)
                    .map(|a| format!("“{}”: {}", a.name, join_with_and(&names)))
            })
            .collect()
    }

    /// Every member proposed, with its award, in catalogue order.
    fn proposed(&self) -> Vec<(&'a Award, MemberId, &AwardResult)> {
        let mut out = Vec::new();
        for r in &self.results {
            if let Some(a) = self.award(r) {
                out.extend(r.proposed().into_iter().map(|m| (a, m, r)));
            }
        }
        out
    }

    pub fn proposed_count(&self) -> usize {
        self.proposed().len()
    }

    /// "Cờ thi đua của UBND tỉnh cho Sở Thông tin và Truyền thông; Bằng khen … cho A và B".
    fn proposals_in_words(&self) -> Option<String> {
        let parts: Vec<String> = self
            .results
            .iter()
            .filter_map(|r| {
                let names: Vec<String> = r.proposed().into_iter().map(|m| self.name(m)).collect();
                let a = self.award(r)?;
                (!names.is_empty()).then(|| format!("{} cho {}", a.name, join_with_and(&names)))
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }

    /// One round's figures in a sentence.
    fn round_figures(&self, round: &VoteRound) -> String {
        let n = |v: u32| format_number(f64::from(v));
        format!(
            "có mặt {}/{} thành viên; số phiếu phát ra {}, thu về {}, hợp lệ {}, không hợp lệ {}",
            n(round.present),
            n(round.members),
            n(round.issued),
            n(round.returned),
            n(round.valid),
            n(round.invalid())
        )
    }

    /// The vote for each award in words: the rule, each round's figures, each nominee's votes
    /// and share and the outcome.
    fn vote_paragraphs(&self) -> Vec<Block> {
        let mut out = Vec::new();
        for r in &self.results {
            let Some(a) = self.award(r) else { continue };
            let rounds = self.data.awards.rounds_for(a.id);
            if rounds.is_empty() {
                continue;
            }
            out.push(Block::Paragraph(format!(
                "- {} (đề nghị tối đa {} đơn vị, cần đạt {}):",
                a.name,
                r.quota,
                a.threshold.describe()
            )));
            for round in rounds {
                let votes: Vec<String> = round
                    .votes
                    .iter()
                    .map(|v| {
                        let share = match round.base(a.threshold.of) {
                            0 => String::new(),
                            b => format!(
                                " ({})",
                                format_share(f64::from(v.votes) * 100.0 / f64::from(b))
                            ),
                        };
                        format!(
                            "{} {} phiếu{share}",
                            self.name(v.member),
                            format_number(f64::from(v.votes))
                        )
                    })
                    .collect();
                out.push(Block::Paragraph(format!(
                    "Vòng {}: {}; số phiếu đồng ý: {}.",
                    round.round,
                    self.round_figures(round),
                    votes.join("; ")
                )));
            }
            out.push(Block::Paragraph(r.explain(a.threshold, &|m| self.name(m))));
        }
        out
    }

    /// The table of nominees: award, unit, score, rank, votes and share, outcome.
    fn nominees_table(&self, only_proposed: bool) -> Table {
        let mut rows = Vec::new();
        let mut stt = 0;
        for r in &self.results {
            let Some(a) = self.award(r) else { continue };
            let list: Vec<_> = r
                .nominees
                .iter()
                .filter(|n| !only_proposed || n.verdict == Verdict::Proposed)
                .collect();
            if list.is_empty() {
                continue;
            }
            rows.push(TableRow::Group(a.name.clone()));
            for n in list {
                stt += 1;
                let mut cells = vec![
                    stt.to_string(),
                    self.name(n.member),
                    self.ranks
                        .final_total(n.member)
                        .map(format_score)
                        .unwrap_or_default(),
                    self.ranks
                        .rank(n.member)
                        .map(|k| k.to_string())
                        .unwrap_or_default(),
                    if n.verdict == Verdict::NotVoted {
                        String::new()
                    } else {
                        format_number(f64::from(n.votes))
                    },
                    n.share.map(format_share).unwrap_or_default(),
                ];
                if !only_proposed {
                    cells.push(n.verdict.label().to_owned());
                }
                rows.push(TableRow::Cells(cells));
            }
        }
        let col = Column::new;
        let mut columns = vec![
            col("STT", 0.6, Align::Center),
            col("Đơn vị", 3.6, Align::Left),
            col("Điểm", 0.9, Align::Right),
            col("Xếp hạng", 0.9, Align::Center),
            col("Số phiếu đồng ý", 1.1, Align::Right),
            col("Tỷ lệ", 0.9, Align::Right),
        ];
        if !only_proposed {
            columns.push(col("Kết quả", 1.6, Align::Left));
        }
        Table {
            title: None,
            subtitle: None,
            columns,
            rows,
            landscape: false,
            font_size: 12.0,
        }
    }

    fn committee_paragraphs(&self) -> Vec<Block> {
        let c = &self.data.awards.committee;
        if c.is_empty() {
            return vec![Block::Paragraph(
                "Ban kiểm phiếu: (chưa ghi tên các thành viên).".to_owned(),
            )];
        }
        let mut out = vec![Block::Paragraph("Ban kiểm phiếu gồm:".to_owned())];
        let last = c.len() - 1;
        out.extend(c.iter().enumerate().map(|(i, p)| {
            let end = if i == last { '.' } else { ';' };
            // "- Nguyễn Văn A, Chánh Văn phòng Sở Công Thương: Trưởng ban;"
            let who = person_line(&crate::domain::Person {
                position: String::new(),
                ..p.clone()
            });
            let role = p.position.trim();
            if role.is_empty() {
                Block::Paragraph(format!("- {who}{end}"))
            } else {
                Block::Paragraph(format!("- {who}: {role}{end}"))
            }
        }));
        out
    }

    fn meeting_date(&self) -> String {
        self.data
            .record
            .conference_date
            .map_or("ngày … tháng … năm …".to_owned(), format_document_date)
    }

    /// "TTr-TTTT", "BB-TTTT": the document's number with the leader's abbreviation, the
    /// number itself left for the office that registers it.
    fn number(&self, kind: &str) -> String {
        registration_number(self.members, self.data, kind)
    }
}

/// "Số:      /KH-TTTT": a document's number with the leader's abbreviation, the number itself
/// left blank for the office that registers it.
pub(super) fn registration_number(members: &[Member], data: &YearData, kind: &str) -> String {
    let abbr = data
        .record
        .leader
        .and_then(|id| members.iter().find(|m| m.id == id))
        .and_then(|m| m.name_in(data.record.year))
        .map(|n| n.abbreviation.trim().to_owned())
        .filter(|a| !a.is_empty());
    match abbr {
        Some(a) => format!("Số:{BLANK}/{kind}-{a}"),
        None => format!("Số:{BLANK}/{kind}"),
    }
}

/// The tờ trình đề nghị khen thưởng to the province's chairman, signed by the Trưởng khối.
pub fn proposal_document(cx: &Context<'_>) -> Document {
    let data = cx.data;
    let rec = &data.record;
    let year = cx.year();
    let province = rec.province.trim();
    let chairman = if province.is_empty() {
        "Chủ tịch Ủy ban nhân dân tỉnh".to_owned()
    } else {
        format!("Chủ tịch Ủy ban nhân dân {province}")
    };
    // Each award's basis lists the law and the rules; each is cited once.
    const LAW: &str = "Luật Thi đua, khen thưởng số 06/2022/QH15";
    let mut bases = vec![format!("Căn cứ {LAW}")];
    let mut seen = vec![LAW];
    for (a, _, _) in cx.proposed() {
        for b in a.basis.split(';').map(str::trim) {
            if !b.is_empty() && !seen.contains(&b) {
                seen.push(b);
                bases.push(format!("căn cứ {b}"));
            }
        }
    }
    if let Some(s) = data.scoring.scheme.as_ref()
        && !s.basis.trim().is_empty()
    {
        bases.push(format!("căn cứ {}", s.basis.trim()));
    }
    let mut blocks = vec![
        Block::Paragraph(format!(
            "Kính gửi: {chairman} (qua Sở Nội vụ - Ban Thi đua - Khen thưởng)."
        )),
        Block::Paragraph(format!(
            "{}; căn cứ kết quả chấm điểm, xếp hạng thi đua và kết quả bình xét, suy tôn tại Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} ({}), {} kính trình {chairman} xem xét, khen thưởng như sau:",
            bases.join("; "),
            cx.meeting_date(),
            rec.bloc_name
        )),
        Block::Heading("I. QUÁ TRÌNH BÌNH XÉT, SUY TÔN".to_owned()),
    ];
    let members = members_in(cx.members, year).len();
    blocks.push(Block::Paragraph(format!(
        "Năm {year}, {} có {members} đơn vị thành viên. Căn cứ kết quả tự chấm điểm của các đơn vị và kết quả thẩm định, thống nhất của Khối, Hội nghị tổng kết đã thống nhất kết quả chấm điểm, xếp hạng, bình xét và bỏ phiếu kín suy tôn các đơn vị đề nghị khen thưởng. Kết quả kiểm phiếu:",
        rec.bloc_name
    )));
    blocks.extend(cx.vote_paragraphs());
    blocks.push(Block::Heading("II. ĐỀ NGHỊ KHEN THƯỞNG".to_owned()));
    blocks.push(Block::Paragraph(format!(
        "{} kính đề nghị {chairman} xem xét, tặng: {}.",
        rec.bloc_name,
        cx.proposals_in_words()
            .unwrap_or_else(|| "(chưa có đơn vị được đề nghị)".to_owned())
    )));
    blocks.push(Block::Table(cx.nominees_table(true)));
    blocks.push(Block::Heading("III. HỒ SƠ KÈM THEO".to_owned()));
    for line in [
        "Biên bản họp bình xét, suy tôn;",
        "Biên bản kiểm phiếu;",
        "Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua;",
        "Báo cáo thành tích của các đơn vị được đề nghị khen thưởng.",
    ] {
        blocks.push(Block::Paragraph(format!("- {line}")));
    }
    blocks.push(Block::Paragraph(format!(
        "Kính trình {chairman} xem xét, quyết định./."
    )));
    let mut doc = bloc_document(
        cx.members,
        data,
        "TỜ TRÌNH",
        format!(
            "Về việc đề nghị khen thưởng thành tích xuất sắc trong phong trào thi đua năm {year}"
        ),
        blocks,
    );
    doc.number = cx.number("TTr");
    doc.closing.recipients = vec![
        "Như trên".to_owned(),
        "Sở Nội vụ (Ban Thi đua - Khen thưởng)".to_owned(),
        "Các đơn vị thành viên Khối".to_owned(),
        "Lưu: VT".to_owned(),
    ];
    doc
}

/// The minutes of the review meeting (biên bản họp bình xét, suy tôn): attendance, the adopted
/// ranking, the awards' rules, the counting committee, the vote, the conclusion; the chair and
/// the secretary sign.
pub fn review_minutes_document(cx: &Context<'_>) -> Document {
    let data = cx.data;
    let rec = &data.record;
    let year = cx.year();
    let conf = &data.conference;
    let mut blocks = vec![Block::Heading("I. THỜI GIAN, ĐỊA ĐIỂM".to_owned())];
    blocks.push(Block::Paragraph(format!(
        "Thời gian: {}.",
        cx.meeting_date()
    )));
    if !rec.conference_venue.trim().is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Địa điểm: {}.",
            rec.conference_venue.trim()
        )));
    }
    blocks.push(Block::Heading("II. THÀNH PHẦN".to_owned()));
    for (role, p) in [("Chủ tọa", &conf.chair), ("Thư ký", &conf.secretary)] {
        if !person_line(p).is_empty() {
            blocks.push(Block::Paragraph(format!("{role}: {}.", person_line(p))));
        }
    }
    let (units, _) = attendance(cx.members, data.record.year, &data.attendees);
    if !units.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Đại diện các đơn vị thành viên Khối: {}.",
            units.join("; ")
        )));
    }
    blocks.push(Block::Heading("III. NỘI DUNG".to_owned()));
    blocks.push(Block::Paragraph(
        "1. Thống nhất kết quả chấm điểm, xếp hạng thi đua.".to_owned(),
    ));
    blocks.extend(ranking_paragraphs(cx.members, data));
    blocks.push(Block::Paragraph(
        "2. Danh hiệu, hình thức khen thưởng được bình xét và tiêu chuẩn bỏ phiếu:".to_owned(),
    ));
    let count = members_in(cx.members, year).len();
    for a in data.awards.awards_in_order() {
        blocks.push(Block::Paragraph(format!(
            "- {}: đề nghị {}; cần đạt {}; xét {}.",
            a.name,
            a.quota.describe(count),
            a.threshold.describe(),
            a.eligibility.label().to_lowercase()
        )));
    }
    blocks.push(Block::Paragraph(
        "3. Hội nghị bầu Ban kiểm phiếu và bỏ phiếu kín.".to_owned(),
    ));
    blocks.extend(cx.committee_paragraphs());
    blocks.push(Block::Paragraph(
        "4. Kết quả bỏ phiếu (theo Biên bản kiểm phiếu):".to_owned(),
    ));
    if cx.voted() {
        blocks.extend(cx.vote_paragraphs());
    } else {
        blocks.push(Block::Paragraph("(chưa nhập kết quả bỏ phiếu).".to_owned()));
    }
    blocks.push(Block::Heading("IV. KẾT LUẬN".to_owned()));
    blocks.push(Block::Paragraph(match cx.proposals_in_words() {
        Some(p) => format!(
            "Hội nghị thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng {p}. Giao Trưởng khối hoàn thiện hồ sơ, trình cấp có thẩm quyền xem xét, quyết định."
        ),
        None => "Chưa có đơn vị đạt tiêu chuẩn đề nghị khen thưởng.".to_owned(),
    }));
    blocks.push(Block::Paragraph(
        "Biên bản đã được thông qua tại cuộc họp./.".to_owned(),
    ));
    let mut doc = bloc_document(
        cx.members,
        data,
        "BIÊN BẢN",
        format!("Họp bình xét, suy tôn đề nghị khen thưởng năm {year}"),
        blocks,
    );
    doc.number = cx.number("BB");
    doc.closing.signatures = vec![
        super::document::Signature {
            authority: String::new(),
            position: "THƯ KÝ".to_owned(),
            signer: conf.secretary.name.clone(),
        },
        super::document::Signature {
            authority: String::new(),
            position: "CHỦ TỌA".to_owned(),
            signer: conf.chair.name.clone(),
        },
    ];
    doc
}

/// The vote count (biên bản kiểm phiếu): the committee, each round's figures and a table of
/// nominees with their votes and share; the committee signs.
pub fn vote_count_document(cx: &Context<'_>) -> Document {
    let data = cx.data;
    let year = cx.year();
    let mut blocks = vec![Block::Paragraph(format!(
        "Hôm nay, {}, tại Hội nghị tổng kết công tác thi đua, khen thưởng năm {year} của {}, Ban kiểm phiếu tiến hành kiểm phiếu bình xét, suy tôn đề nghị khen thưởng.",
        cx.meeting_date(),
        data.record.bloc_name
    ))];
    blocks.extend(cx.committee_paragraphs());
    for r in &cx.results {
        let Some(a) = cx.award(r) else { continue };
        for round in data.awards.rounds_for(a.id) {
            blocks.push(Block::Heading(format!(
                "{} – vòng {}",
                a.name.to_uppercase(),
                round.round
            )));
            blocks.push(Block::Paragraph(format!(
                "Tiêu chuẩn: đề nghị tối đa {} đơn vị, cần đạt {}. Số liệu: {}.",
                r.quota,
                a.threshold.describe(),
                cx.round_figures(round)
            )));
            let base = round.base(a.threshold.of);
            let rows = round
                .votes
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let verdict = r
                        .nominee(v.member)
                        .filter(|n| n.round == round.round)
                        .map_or(Verdict::NotVoted, |n| n.verdict);
                    TableRow::Cells(vec![
                        (i + 1).to_string(),
                        cx.name(v.member),
                        format_number(f64::from(v.votes)),
                        if base == 0 {
                            String::new()
                        } else {
                            format_share(f64::from(v.votes) * 100.0 / f64::from(base))
                        },
                        match verdict {
                            Verdict::NotVoted => "Xét ở vòng sau".to_owned(),
                            v => v.label().to_owned(),
                        },
                    ])
                })
                .collect();
            let col = Column::new;
            blocks.push(Block::Table(Table {
                title: None,
                subtitle: None,
                columns: vec![
                    col("STT", 0.6, Align::Center),
                    col("Đơn vị", 3.4, Align::Left),
                    col("Số phiếu đồng ý", 1.2, Align::Right),
                    col("Tỷ lệ", 0.9, Align::Right),
                    col("Kết quả", 1.8, Align::Left),
                ],
                rows,
                landscape: false,
                font_size: 12.0,
            }));
        }
    }
    if !cx.voted() {
        blocks.push(Block::Paragraph("(Chưa nhập kết quả bỏ phiếu.)".to_owned()));
    }
    blocks.push(Block::Paragraph(
        "Biên bản kiểm phiếu được lập và công bố tại Hội nghị./.".to_owned(),
    ));
    let mut doc = bloc_document(
        cx.members,
        data,
        "BIÊN BẢN KIỂM PHIẾU",
        format!("Bình xét, suy tôn đề nghị khen thưởng năm {year}"),
        blocks,
    );
    doc.number = String::new();
    doc.closing.recipients = Vec::new();
    // Signatures stand in pairs: the head signs on the right of the first pair, as a head does.
    let mut order: Vec<(usize, &crate::domain::Person)> =
        data.awards.committee.iter().enumerate().collect();
    if order.len() > 1 {
        order.swap(0, 1);
    }
    doc.closing.signatures = order
        .into_iter()
        .map(|(i, p)| super::document::Signature {
            authority: String::new(),
            position: if p.position.trim().is_empty() {
                if i == 0 {
                    "TRƯỞNG BAN"
                } else {
                    "THÀNH VIÊN"
                }
                .to_owned()
            } else {
                p.position.trim().to_uppercase()
            },
            signer: p.name.clone(),
        })
        .collect();
    doc
}

/// The ballot (phiếu bầu) handed to each member present: every award with its nominees and an
/// "Đồng ý" and a "Không đồng ý" box to tick; no place for the voter's name, since votes are
/// secret. `None` when no award has a nominee yet.
pub fn ballot_document(cx: &Context<'_>) -> Option<Document> {
    let data = cx.data;
    let year = cx.year();
    let members = members_in(cx.members, year).len();
    let mut awards: Vec<&Award> = data.awards.awards.iter().collect();
    awards.sort_by_key(|a| a.sort);
    let intro = Block::Paragraph(
        "Đại biểu đánh dấu (X) vào một trong hai ô “Đồng ý” hoặc “Không đồng ý” ở từng đơn vị. Phiếu không ghi tên người bầu; ở đơn vị nào đánh dấu cả hai ô hoặc để trống cả hai ô thì phiếu không được tính cho đơn vị đó; phiếu đồng ý nhiều đơn vị hơn số lượng được đề nghị của một danh hiệu thì không hợp lệ ở danh hiệu đó."
            .to_owned(),
    );
    // One table for every award, so that the boxes line up from the first row to the last;
    // each box two lines high, room enough for a cross made by hand.
    let tick = "\u{a0}\n\u{a0}".to_owned();
    let mut rows = Vec::new();
    for a in awards {
        let mut nominees: Vec<_> = data
            .awards
            .nominations
            .iter()
            .filter(|n| n.award == a.id)
            .collect();
        if nominees.is_empty() {
            continue;
        }
        nominees.sort_by_key(|n| n.sort);
        rows.push(TableRow::Group(format!(
            "{} (đồng ý tối đa {} đơn vị)",
            a.name,
            format_number(a.quota.count(members) as f64)
        )));
        rows.extend(nominees.iter().enumerate().map(|(i, n)| {
            TableRow::Cells(vec![
                (i + 1).to_string(),
                cx.name(n.member),
                tick.clone(),
                tick.clone(),
            ])
        }));
    }
    if rows.is_empty() {
        return None;
    }
    let col = Column::new;
    let blocks = vec![
        intro,
        Block::Table(Table {
            title: None,
            subtitle: None,
            columns: vec![
                col("STT", 0.6, Align::Center),
                col("Đơn vị được đề nghị", 4.0, Align::Left),
                col("Đồng ý", 1.3, Align::Center),
                col("Không đồng ý", 1.3, Align::Center),
            ],
            rows,
            landscape: false,
            font_size: 13.0,
        }),
    ];
    let mut doc = bloc_document(
        cx.members,
        data,
        "PHIẾU BẦU",
        format!("Bình xét, suy tôn đề nghị khen thưởng năm {year}"),
        blocks,
    );
    doc.number = String::new();
    doc.closing = super::document::Closing::default();
    // Two ballots at A5 to each A4 sheet, to cut.
    doc.two_up = true;
    Some(doc)
}

/// What the conference minutes record of the vote: each award's result and the proposals.
/// Empty until a vote was counted.
pub fn minutes_paragraphs(members: &[Member], data: &YearData) -> Vec<Block> {
    let cx = Context::new(members, data);
    if !cx.voted() {
        return Vec::new();
    }
    let mut out = vec![Block::Paragraph(
        "Hội nghị bình xét, bỏ phiếu kín suy tôn các đơn vị đề nghị khen thưởng; kết quả kiểm phiếu:"
            .to_owned(),
    )];
    out.extend(cx.vote_paragraphs());
    if let Some(p) = cx.proposals_in_words() {
        out.push(Block::Paragraph(format!(
            "Hội nghị thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng {p}."
        )));
    }
    out
}

/// The report's sentence on the proposals, once the vote was counted.
pub fn results_paragraph(members: &[Member], data: &YearData) -> Option<String> {
    let cx = Context::new(members, data);
    let p = cx.proposals_in_words()?;
    Some(format!(
        "Qua bình xét, bỏ phiếu kín, {} thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng {p}.",
        data.record.bloc_name
    ))
}
