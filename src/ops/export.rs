//! Exporting one of the year's documents (the summary report, the conference minutes, the news
//! item, the score and award documents) as PDF or Word (.docx) by the file's extension; the
//! news item also as plain text or HTML.
//!
//! Three steps, so that the window can run the slow middle one on a worker thread:
//! [`prepare`] reads the store and composes (saving a draft report when the year has none),
//! [`write`] lays out and writes the file, [`record`] notes in the store that the report went
//! out. [`export_document`] runs all three for the command line.

use super::{OpsError, Overwrite, Result, check_output, write_file};
use crate::domain::{MemberId, ReportKind, Year};
use crate::report::compose::{TO_FILL, compose_draft_of};
use crate::report::conference::{
    compose_news, minutes_document_of, news_document, news_html, news_text,
};
use crate::report::document::{Block, Document, DraftMark};
use crate::report::docx::render_docx;
use crate::report::fonts::FontSet;
use crate::report::layout::Layout;
use crate::report::pdf::{PdfError, Rendered, render_pdf};
use crate::report::scores;
use crate::report::summary::report_document_of;
use crate::store::{Store, conference, members, reports, years};
use std::path::Path;

/// Which document of the year to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentKind {
    /// The summary report ("Báo cáo tổng kết").
    #[default]
    Report,
    /// The conference minutes ("Biên bản hội nghị").
    Minutes,
    /// The review of the first six months ("Báo cáo sơ kết 6 tháng đầu năm").
    MidyearReport,
    /// The minutes of the mid-year review conference ("Biên bản hội nghị sơ kết").
    MidyearMinutes,
    /// The news item for the website: PDF, or plain text (.txt) or HTML (.html) by the file's
    /// extension.
    News,
    /// The ranked table of the year's scores ("Bảng tổng hợp kết quả chấm điểm, xếp hạng").
    Scores,
    /// A member's detailed score sheet, or every member's (`None`).
    ScoreSheet(Option<MemberId>),
    /// The blank self-scoring form, for a member or any (`None`).
    ScoreForm(Option<MemberId>),
    /// The tờ trình đề nghị khen thưởng to the province's chairman.
    Proposal,
    /// The minutes of the review meeting (biên bản họp bình xét, suy tôn).
    ReviewMinutes,
    /// The vote count (biên bản kiểm phiếu).
    VoteCount,
    /// The ballot handed to each member present (phiếu bầu).
    Ballot,
    /// The pledge signed at the start of the year (bản ký kết giao ước thi đua).
    Pledge,
    /// The year's plan (kế hoạch tổ chức phong trào thi đua), composed as a draft.
    Plan,
    /// The user's guide (hướng dẫn sử dụng), the same whatever the year.
    Guide,
}

impl DocumentKind {
    /// The documents of the year's cycle, in the order the year brings them: the plan and the
    /// pledge at its start, the mid-year review and its minutes, the year-end report, its
    /// minutes and the news item. The export dialog and the print preview offer them to choose.
    pub const CYCLE: [DocumentKind; 7] = [
        DocumentKind::Plan,
        DocumentKind::Pledge,
        DocumentKind::MidyearReport,
        DocumentKind::MidyearMinutes,
        DocumentKind::Report,
        DocumentKind::Minutes,
        DocumentKind::News,
    ];

    /// The document's name in a list to choose from ("Báo cáo sơ kết 6 tháng đầu năm").
    pub fn choice_label(self) -> String {
        match self {
            DocumentKind::Report => "Báo cáo tổng kết năm".to_owned(),
            DocumentKind::Minutes => "Biên bản hội nghị tổng kết".to_owned(),
            DocumentKind::MidyearReport => "Báo cáo sơ kết 6 tháng đầu năm".to_owned(),
            other => {
                let label = other.label();
                let mut chars = label.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_uppercase().chain(chars).collect()
                })
            }
        }
    }

    /// The report document of `kind`.
    pub fn report(kind: ReportKind) -> Self {
        match kind {
            ReportKind::YearEnd => DocumentKind::Report,
            ReportKind::Midyear => DocumentKind::MidyearReport,
            ReportKind::Plan => DocumentKind::Plan,
        }
    }

    /// The minutes of the conference of `kind`, for the kinds that have one.
    pub fn minutes(kind: ReportKind) -> Option<Self> {
        match kind {
            ReportKind::YearEnd => Some(DocumentKind::Minutes),
            ReportKind::Midyear => Some(DocumentKind::MidyearMinutes),
            ReportKind::Plan => None,
        }
    }

    /// Which report this document is, when it is one.
    pub fn report_kind(self) -> Option<ReportKind> {
        ReportKind::ALL
            .into_iter()
            .find(|&k| DocumentKind::report(k) == self)
    }

    /// Which report's conference these minutes are, when they are minutes.
    pub fn minutes_kind(self) -> Option<ReportKind> {
        ReportKind::ALL
            .into_iter()
            .find(|&k| DocumentKind::minutes(k) == Some(self))
    }

    /// The document of `year` in a sentence: "báo cáo năm 2020", "báo cáo sơ kết 6 tháng đầu
    /// năm 2020".
    pub fn of_year(self, year: Year) -> String {
        match self.report_kind().or(self.minutes_kind()) {
            Some(k) => format!("{} {}", self.label(), k.span(year)),
            None => format!("{} năm {year}", self.label()),
        }
    }

    /// The document's name in a sentence ("Đã xuất báo cáo năm 2020").
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Report => "báo cáo",
            DocumentKind::Minutes => "biên bản hội nghị",
            DocumentKind::MidyearReport => "báo cáo sơ kết",
            DocumentKind::MidyearMinutes => "biên bản hội nghị sơ kết",
            DocumentKind::News => "tin bài",
            DocumentKind::Scores => "bảng tổng hợp kết quả chấm điểm",
            DocumentKind::ScoreSheet(_) => "bảng điểm chi tiết",
            DocumentKind::ScoreForm(_) => "mẫu tự chấm điểm",
            DocumentKind::Proposal => "tờ trình đề nghị khen thưởng",
            DocumentKind::ReviewMinutes => "biên bản họp bình xét, suy tôn",
            DocumentKind::VoteCount => "biên bản kiểm phiếu",
            DocumentKind::Ballot => "phiếu bầu",
            DocumentKind::Pledge => "bản ký kết giao ước thi đua",
            DocumentKind::Plan => "kế hoạch tổ chức phong trào thi đua",
            DocumentKind::Guide => "hướng dẫn sử dụng",
        }
    }
}

/// The kind of file an export writes, chosen by the output's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.pdf`: laid out and printed.
    Pdf,
    /// `.docx`: the same document for Word.
    Docx,
    /// `.txt`: the news item as plain text.
    Text,
    /// `.html`/`.htm`: the news item as a web page.
    Html,
}

impl Format {
    /// The formats `kind` can be written in, with the extension that chooses each.
    pub fn accepted(kind: DocumentKind) -> &'static [(&'static str, Format)] {
        const DOCUMENT: &[(&str, Format)] = &[("pdf", Format::Pdf), ("docx", Format::Docx)];
        const NEWS: &[(&str, Format)] = &[
            ("pdf", Format::Pdf),
            ("docx", Format::Docx),
            ("txt", Format::Text),
            ("html", Format::Html),
            ("htm", Format::Html),
        ];
        if kind == DocumentKind::News {
            NEWS
        } else {
            DOCUMENT
        }
    }

    /// The format `out`'s extension asks for `kind`; any other extension is refused with the
    /// list of those accepted.
    pub fn for_output(kind: DocumentKind, out: &Path) -> Result<Format> {
        let ext = extension(out);
        let accepted = Format::accepted(kind);
        if let Some((_, format)) = accepted.iter().find(|(e, _)| *e == ext) {
            return Ok(*format);
        }
        let list: Vec<String> = accepted
            .iter()
            .filter(|(e, _)| *e != "htm")
            .map(|(e, _)| format!(".{e}"))
            .collect();
        let shown = if ext.is_empty() {
            "không có phần mở rộng".to_owned()
        } else {
            format!("có phần mở rộng .{ext}")
        };
        Err(OpsError::Invalid(format!(
            "Tệp “{}” {shown}: {} chỉ xuất được thành tệp {}. Hãy đặt tên tệp kết thúc bằng một trong các phần mở rộng đó.",
            out.display(),
            kind.label(),
            crate::text::join_with_or(&list)
        )))
    }
}

/// What a prepared document becomes in its file.
#[derive(Debug, Clone)]
pub enum Content {
    /// Laid out and written as PDF.
    Pdf(Box<Document>),
    /// Written as a Word document.
    Docx(Box<Document>),
    /// Written as it is (the news item as text or HTML).
    Text(String),
}

impl Content {
    /// The document, for a PDF or a Word file.
    pub fn document(&self) -> Option<&Document> {
        match self {
            Content::Pdf(doc) | Content::Docx(doc) => Some(doc),
            Content::Text(_) => None,
        }
    }
}

/// A document read and composed from the store, ready to be written.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub year: Year,
    pub kind: DocumentKind,
    pub content: Content,
    /// Whether the year had no report, so a draft was composed (and saved) for the export.
    pub composed: bool,
    /// What the document still lacks (placeholders, a signer's name); the user may go on.
    pub warnings: Vec<String>,
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// Pages of the PDF; 0 for a text or HTML file.
    pub pages: usize,
    /// Characters the font could not draw (replaced in the PDF); the user is told.
    pub missing_chars: Vec<char>,
    /// Whether the report had to be composed first (the year had none).
    pub composed: bool,
    /// Whether the data file could not be written (write-protected): the export, and a
    /// composed draft, are then not recorded in it.
    pub not_recorded: bool,
    /// What the document still lacked when it was written (see [`warnings`]).
    pub warnings: Vec<String>,
}

impl Exported {
    /// The sentence that tells the user what was written ("Đã xuất báo cáo năm 2020 (12
    /// trang): “…”."), with the note about a composed draft when there was one.
    pub fn message(&self, kind: DocumentKind, year: Year, out: &Path) -> String {
        let pages = if self.pages > 0 {
            format!(" ({} trang)", self.pages)
        } else {
            String::new()
        };
        let mut message = format!(
            "Đã xuất {}{pages}: “{}”.",
            kind.of_year(year),
            out.display()
        );
        if self.composed {
            message.push_str(&format!(
                " Năm này chưa có {} nên chương trình đã soạn dự thảo từ số liệu.",
                kind.label()
            ));
        }
        if self.not_recorded {
            message.push_str(
                " Tệp dữ liệu chỉ cho đọc nên lần xuất này (và dự thảo, nếu có) không được ghi lại trong tệp.",
            );
        }
        message
    }

    /// The sentence telling the user which characters the font could not draw.
    pub fn missing_chars_message(&self) -> Option<String> {
        missing_chars_message(&self.missing_chars)
    }
}

/// How a document is printed, beyond its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintOptions {
    /// On a report not yet adopted, also set "DỰ THẢO" diagonally across every page (the header
    /// mark is always printed on a draft).
    pub diagonal_draft_mark: bool,
    /// Print the document's charts ("In kèm biểu đồ"); on by default.
    pub charts: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            diagonal_draft_mark: false,
            charts: true,
        }
    }
}

/// What `kind` of `year` still lacks, for the export dialog to show before writing: the same
/// warnings the export reports, without composing or saving anything.
pub fn check(store: &Store, year: Year, kind: DocumentKind) -> Result<Vec<String>> {
    if let DocumentKind::News
    | DocumentKind::Scores
    | DocumentKind::ScoreSheet(_)
    | DocumentKind::ScoreForm(_) = kind
    {
        return Ok(Vec::new());
    }
    let all = members::list(store.conn())?;
    let data = years::data(store.conn(), year)?;
    let doc = compose(store, &all, &data, kind, PrintOptions::default())?;
    Ok(warnings(&doc))
}

/// What a document about to be printed still lacks: the places the secretariat has yet to
/// fill ("(Ban thư ký bổ sung.)") and signatures without a name.
pub fn warnings(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut placeholders = 0;
    let mut count = |s: &str| placeholders += s.matches(TO_FILL).count();
    count(&doc.subject);
    for block in doc.blocks.iter().chain(&doc.appendices) {
        match block {
            Block::Heading(s) | Block::Paragraph(s) => count(s),
            Block::Table(_) | Block::Figure(_) => {}
        }
    }
    if placeholders > 0 {
        out.push(format!(
            "Văn bản còn {placeholders} chỗ “{TO_FILL}” chưa được điền."
        ));
    }
    let unnamed: Vec<String> = doc
        .closing
        .signatures
        .iter()
        .filter(|s| s.signer.trim().is_empty())
        .map(|s| {
            let title = [s.authority.trim(), s.position.trim()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" - ");
            format!("“{title}”")
        })
        .collect();
    if !unnamed.is_empty() {
        out.push(format!(
            "Chưa có tên người ký ở {}.",
            crate::text::join_with_and(&unnamed)
        ));
    }
    out
}

/// Reads and composes `kind` of `year`. The summary report is the stored one; a year without
/// one gets a draft composed from its data, saved while the year is open.
pub fn prepare(
    store: &mut Store,
    year: Year,
    kind: DocumentKind,
    out: &Path,
    options: PrintOptions,
) -> Result<Prepared> {
    let format = Format::for_output(kind, out)?;
    let all = members::list(store.conn())?;
    let mut data = years::data(store.conn(), year)?;
    if kind == DocumentKind::News && matches!(format, Format::Text | Format::Html) {
        let news = match conference::news(store.conn(), year)? {
            Some(n) => n,
            None => compose_news(&all, &data),
        };
        let text = if format == Format::Text {
            news_text(&news)
        } else {
            news_html(&news)
        };
        check_size((text.chars().count(), 0))?;
        return Ok(Prepared {
            year,
            kind,
            content: Content::Text(text),
            composed: false,
            warnings: Vec::new(),
        });
    }
    let missing = kind
        .report_kind()
        .filter(|&k| data.report_parts(k).report.is_none());
    let composed = missing.is_some();
    if let Some(report_kind) = missing {
        let draft = compose_draft_of(&all, &data, report_kind);
        if !data.record.is_locked() && !store.is_read_only() {
            store.write(|tx| reports::save(tx, year, report_kind, &draft))?;
        }
        data.set_report(report_kind, draft);
    }
    let doc = compose(store, &all, &data, kind, options)?;
    check_size(doc.text_size())?;
    let warnings = if kind == DocumentKind::News {
        Vec::new()
    } else {
        warnings(&doc)
    };
    let content = if format == Format::Docx {
        Content::Docx(Box::new(doc))
    } else {
        Content::Pdf(Box::new(doc))
    };
    Ok(Prepared {
        year,
        kind,
        content,
        composed,
        warnings,
    })
}

/// The document `kind` of `year` as it would be printed, read and composed without writing
/// anything: a year without a report shows the draft composed from its data, which the export
/// saves and this leaves unsaved. The print preview shows it.
pub fn document(
    store: &Store,
    year: Year,
    kind: DocumentKind,
    options: PrintOptions,
) -> Result<Document> {
    let all = members::list(store.conn())?;
    let data = years::data(store.conn(), year)?;
    let doc = compose(store, &all, &data, kind, options)?;
    check_size(doc.text_size())?;
    Ok(doc)
}

/// The pages a document prints on: the layout the PDF writer lays out and writes, so that the
/// preview shows the very pages the PDF holds.
pub fn pages(doc: &Document, fonts: &FontSet) -> Result<Layout> {
    Ok(crate::report::layout::layout(doc, fonts).map_err(PdfError::from)?)
}

/// Composes `kind` from the year's data, as printed (PDF or Word): the year's report (the
/// draft when `data` has none), the news item kept for the year or one composed.
fn compose(
    store: &Store,
    all: &[crate::domain::Member],
    data: &crate::domain::YearData,
    kind: DocumentKind,
    options: PrintOptions,
) -> Result<Document> {
    let doc = compose_with_charts(store, all, data, kind, options)?;
    Ok(if options.charts {
        doc
    } else {
        doc.without_figures()
    })
}

fn compose_with_charts(
    store: &Store,
    all: &[crate::domain::Member],
    data: &crate::domain::YearData,
    kind: DocumentKind,
    options: PrintOptions,
) -> Result<Document> {
    let year = data.record.year;
    Ok(match kind {
        DocumentKind::Report | DocumentKind::MidyearReport | DocumentKind::Plan => {
            let report_kind = kind.report_kind().unwrap_or_default();
            let report = data
                .report_parts(report_kind)
                .report
                .cloned()
                .unwrap_or_else(|| compose_draft_of(all, data, report_kind));
            let mut doc = report_document_of(all, data, &report, report_kind);
            if doc.draft != DraftMark::None && options.diagonal_draft_mark {
                doc.draft = DraftMark::HeaderAndDiagonal;
            }
            doc
        }
        DocumentKind::Minutes | DocumentKind::MidyearMinutes => {
            minutes_document_of(all, data, kind.minutes_kind().unwrap_or_default())
        }
        DocumentKind::Pledge => {
            crate::report::pledge::pledge_document(all, data, data.previous.as_ref())
        }
        DocumentKind::Guide => crate::report::guide::guide_document(),
        DocumentKind::News => {
            let news = match conference::news(store.conn(), year)? {
                Some(n) => n,
                None => compose_news(all, data),
            };
            news_document(data, &news)
        }
        DocumentKind::Scores | DocumentKind::ScoreSheet(_) | DocumentKind::ScoreForm(_) => {
            let Some(scheme) = data.scoring.scheme.as_ref() else {
                return Err(OpsError::Invalid(format!(
                    "Năm {year} chưa có bảng điểm. Hãy áp dụng bảng điểm ở thẻ Chấm điểm trước khi xuất."
                )));
            };
            if let DocumentKind::ScoreSheet(Some(m)) | DocumentKind::ScoreForm(Some(m)) = kind
                && !all.iter().any(|x| x.id == m && x.is_member_in(year))
            {
                return Err(OpsError::Invalid(format!(
                    "Đơn vị số {m} không phải thành viên của Khối năm {year}."
                )));
            }
            match kind {
                DocumentKind::ScoreSheet(m) => scores::sheet_document(all, data, scheme, m),
                DocumentKind::ScoreForm(m) => scores::form_document(all, data, scheme, m),
                _ => scores::ranking_document(all, data, scheme),
            }
        }
        DocumentKind::Proposal
        | DocumentKind::ReviewMinutes
        | DocumentKind::VoteCount
        | DocumentKind::Ballot => award_document(all, data, kind)?,
    })
}

/// One of the award proposal's documents. Refused while the year has no catalogue, and for
/// the tờ trình while no vote was counted, nobody was proposed, or a tie at a quota's edge
/// waits for its further round.
fn award_document(
    all: &[crate::domain::Member],
    data: &crate::domain::YearData,
    kind: DocumentKind,
) -> Result<Document> {
    use crate::report::awards::{
        Context, ballot_document, proposal_document, review_minutes_document, vote_count_document,
    };
    let year = data.record.year;
    if data.awards.awards.is_empty() {
        return Err(OpsError::Invalid(format!(
            "Năm {year} chưa có danh mục danh hiệu khen thưởng. Hãy áp dụng danh mục mẫu ở thẻ Khen thưởng trước khi xuất."
        )));
    }
    let cx = Context::new(all, data);
    if kind == DocumentKind::Proposal {
        if !cx.voted() {
            return Err(OpsError::Invalid(format!(
                "Năm {year} chưa nhập kết quả bỏ phiếu, nên chưa lập được tờ trình đề nghị khen thưởng. Hãy nhập số phiếu ở thẻ Khen thưởng."
            )));
        }
        let ties = cx.open_ties();
        if !ties.is_empty() {
            return Err(OpsError::Invalid(format!(
                "Còn bằng phiếu ở suất cuối cùng ({}), nên số đơn vị đạt vượt số lượng được đề nghị. Hãy bỏ phiếu vòng tiếp theo giữa các đơn vị này ở thẻ Khen thưởng rồi xuất tờ trình.",
                ties.join("; ")
            )));
        }
        if cx.proposed_count() == 0 {
            return Err(OpsError::Invalid(format!(
                "Năm {year} không có đơn vị nào đạt tiêu chuẩn đề nghị khen thưởng, nên không có tờ trình để xuất."
            )));
        }
    }
    Ok(match kind {
        DocumentKind::Proposal => proposal_document(&cx),
        DocumentKind::ReviewMinutes => review_minutes_document(&cx),
        DocumentKind::Ballot => ballot_document(&cx).ok_or_else(|| {
            OpsError::Invalid(format!(
                "Năm {year} chưa có đơn vị được đề nghị ở danh hiệu nào, nên chưa in được phiếu bầu. Hãy thêm đơn vị đề nghị ở thẻ Khen thưởng."
            ))
        })?,
        _ => vote_count_document(&cx),
    })
}

/// Refuses a document (its characters in all, and in its longest text) too large for any real year (a hostile file's 200-MB note), before the
/// layout would spend the PC's memory on it.
fn check_size((total, longest): (usize, usize)) -> Result<()> {
    use crate::domain::limits::{MAX_DOCUMENT_CHARS, MAX_TEXT_CHARS};
    if total > MAX_DOCUMENT_CHARS || longest > MAX_TEXT_CHARS {
        return Err(OpsError::Invalid(format!(
            "Văn bản quá dài để in ({} ký tự; đoạn dài nhất {} ký tự, giới hạn {} ký tự một đoạn). Có thể tệp dữ liệu chứa một đoạn văn bản bất thường; hãy kiểm tra và rút gọn các đoạn ghi chú, thành tích.",
            crate::text::number::format_number(total as f64),
            crate::text::number::format_number(longest as f64),
            crate::text::number::format_number(MAX_TEXT_CHARS as f64)
        )));
    }
    Ok(())
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Writes a prepared document to `out` (atomically: a failed or cancelled export never leaves
/// half a file). `progress(done, total)` is called per page; returning `false` cancels.
pub fn write(
    prepared: &Prepared,
    fonts: &FontSet,
    out: &Path,
    progress: &dyn Fn(usize, usize) -> bool,
) -> Result<Exported> {
    let (bytes, pages, missing_chars) = match &prepared.content {
        Content::Pdf(doc) => {
            let Rendered {
                bytes,
                pages,
                missing_chars,
            } = render_pdf(doc, fonts, progress)?;
            (bytes, pages, missing_chars)
        }
        // Word sets the pages itself: nothing to count, and too quick to need a cancel.
        Content::Docx(doc) => (render_docx(doc, fonts)?, 0, Vec::new()),
        Content::Text(text) => (text.clone().into_bytes(), 0, Vec::new()),
    };
    write_file(out, &bytes)?;
    Ok(Exported {
        pages,
        missing_chars,
        composed: prepared.composed,
        not_recorded: false,
        warnings: prepared.warnings.clone(),
    })
}

/// Notes in the store that the year's report was exported (other documents leave no trace).
/// Returns `false` when the file is write-protected, so nothing could be noted: the exported
/// file is no less whole for that, and the user is told.
pub fn record(store: &mut Store, year: Year, kind: DocumentKind) -> Result<bool> {
    if store.is_read_only() {
        return Ok(false);
    }
    if let Some(report_kind) = kind.report_kind() {
        store.write(|tx| reports::mark_exported(tx, year, report_kind))?;
    }
    Ok(true)
}

/// Exports `kind` of `year` to `out` in one go (the command line's way; the window runs
/// [`write`] on a worker thread). `out` may never be the open database; an existing `out` is
/// replaced only when `overwrite` allows it.
pub fn export_document(
    store: &mut Store,
    year: Year,
    kind: DocumentKind,
    out: &Path,
    fonts: &FontSet,
    options: PrintOptions,
    overwrite: Overwrite,
) -> Result<Exported> {
    check_output(out, &[store.path()], overwrite)?;
    let prepared = prepare(store, year, kind, out, options)?;
    let mut done = write(&prepared, fonts, out, &|_, _| true)?;
    done.not_recorded = !record(store, year, kind)?;
    Ok(done)
}

/// The fonts documents are printed with: the PC's own Times New Roman when it is installed and
/// `prefer_system` is set, otherwise the embedded, metric-compatible Liberation Serif.
pub fn document_fonts(prefer_system: bool) -> FontSet {
    if prefer_system && let Some(f) = FontSet::system_times_new_roman() {
        return f;
    }
    FontSet::liberation_serif()
}

/// The sentence telling the user which characters the font could not draw.
pub fn missing_chars_message(missing: &[char]) -> Option<String> {
    if missing.is_empty() {
        return None;
    }
    let list: Vec<String> = missing
        .iter()
        .take(20)
        .map(|c| format!("“{c}” (U+{:04X})", *c as u32))
        .collect();
    Some(format!(
        "Phông chữ không có {} ký tự sau nên chúng được thay bằng dấu “?” trong tệp PDF: {}.",
        missing.len(),
        list.join(", ")
    ))
}
