//! From the stored report to a printable [`Document`], and from there to a PDF file: the
//! header fields, the sections as headings and paragraphs, the indicator appendix as a table
//! grouped by member, and the closing (recipients and signature).

use super::compose::{compose_draft, place_date_line};
use super::document::{Align, Block, Closing, Column, Document, Meta, Signature, Table, TableRow};
use super::fonts::FontSet;
use super::pdf::{Rendered, render_pdf};
use crate::domain::{Member, Report, SectionKind, Year, YearData};
use crate::store::{self, Store, json, members, reports};
use crate::text::number::{format_number, format_percent};
use std::path::Path;

/// The document of `report` for the year in `data`.
pub fn report_document(members: &[Member], data: &YearData, report: &Report) -> Document {
    let year = data.record.year;
    let mut blocks = Vec::new();
    let mut appendices = Vec::new();
    for section in &report.sections {
        match section.kind {
            SectionKind::Text => {
                if !section.heading.trim().is_empty() {
                    blocks.push(Block::Heading(section.heading.trim().to_owned()));
                }
                for p in section.body.lines().filter(|l| !l.trim().is_empty()) {
                    blocks.push(Block::Paragraph(p.trim().to_owned()));
                }
            }
            SectionKind::IndicatorAppendix => {
                appendices.push(Block::Table(indicator_table(
                    members,
                    data,
                    section.heading.trim(),
                )));
            }
        }
    }
    let bloc = &data.record.bloc_name;
    Document {
        meta: Meta {
            title: format!("{} {}", report.doc_type, report.subject),
            author: bloc.clone(),
            subject: format!("Báo cáo năm {year}"),
        },
        parent_body: report.parent_body.clone(),
        issuing_body: report.issuing_body.clone(),
        number: format!("Số: {}", report.number),
        place_date: place_date_line(report),
        doc_type: report.doc_type.clone(),
        subject: report.subject.clone(),
        blocks,
        closing: Closing {
            recipients: report.recipients.clone(),
            signatures: vec![Signature {
                authority: report.sign_authority.clone(),
                position: report.sign_position.clone(),
                signer: report.signer.clone(),
            }],
        },
        appendices,
        plain: false,
    }
}

/// Every indicator of the year with plan, result and percent, grouped by member.
fn indicator_table(members: &[Member], data: &YearData, title: &str) -> Table {
    let year = data.record.year;
    let mut rows = Vec::with_capacity(data.indicators.len() + members.len());
    let mut current = None;
    let mut n = 0;
    for ind in &data.indicators {
        if current != Some(ind.member) {
            current = Some(ind.member);
            let name = members
                .iter()
                .find(|m| m.id == ind.member)
                .map_or(String::new(), |m| m.full_name_in(year).to_owned());
            rows.push(TableRow::Group(name));
        }
        n += 1;
        rows.push(TableRow::Cells(vec![
            n.to_string(),
            ind.name.clone(),
            ind.unit.clone(),
            ind.plan.map(format_number).unwrap_or_default(),
            ind.result.map(format_number).unwrap_or_default(),
            ind.percent_of_plan()
                .map(format_percent)
                .unwrap_or_default(),
            ind.note.clone(),
        ]));
    }
    let col = Column::new;
    Table {
        title: (!title.is_empty()).then(|| title.to_owned()),
        columns: vec![
            col("STT", 0.6, Align::Center),
            col("Chỉ tiêu", 4.2, Align::Left),
            col("Đơn vị tính", 1.3, Align::Center),
            col("Kế hoạch", 1.3, Align::Right),
            col("Thực hiện", 1.3, Align::Right),
            col("% KH", 0.9, Align::Right),
            col("Ghi chú", 1.6, Align::Left),
        ],
        rows,
        landscape: false,
        font_size: 12.0,
    }
}

/// What an export produced.
#[derive(Debug)]
pub struct Exported {
    pub pages: usize,
    /// Characters the font could not draw (replaced in the PDF); the user is told.
    pub missing_chars: Vec<char>,
    /// Whether the report had to be composed first (the year had none).
    pub composed: bool,
}

/// The stored report of `year`, composing (and saving, while the year is open) a draft when
/// there is none yet.
pub fn report_for_export(store: &mut Store, year: Year) -> store::Result<(Report, bool)> {
    if let Some(r) = reports::get(store.conn(), year)? {
        return Ok((r, false));
    }
    let all = members::list(store.conn())?;
    let data = json::year_data(store.conn(), year)?;
    let draft = compose_draft(&all, &data);
    if !data.record.is_locked() {
        store.write(|tx| reports::save(tx, year, &draft))?;
    }
    Ok((draft, true))
}

/// The printable document of `year`'s report, composing a draft first when there is none.
pub fn prepare_report(store: &mut Store, year: Year) -> Result<(Document, bool), String> {
    let (report, composed) = report_for_export(store, year).map_err(|e| e.to_string())?;
    let all = members::list(store.conn()).map_err(|e| e.to_string())?;
    let data = json::year_data(store.conn(), year).map_err(|e| e.to_string())?;
    Ok((report_document(&all, &data, &report), composed))
}

/// Renders `doc` and writes it to `out`. The file is written beside `out` and renamed into
/// place, so a failed or cancelled export never leaves half a PDF.
pub fn write_pdf(
    doc: &Document,
    fonts: &FontSet,
    out: &Path,
    progress: &dyn Fn(usize, usize) -> bool,
) -> Result<Exported, String> {
    let Rendered {
        bytes,
        pages,
        missing_chars,
    } = render_pdf(doc, fonts, progress).map_err(|e| e.to_string())?;
    crate::cli::write_new_file(out, &bytes)?;
    Ok(Exported {
        pages,
        missing_chars,
        composed: false,
    })
}

/// Exports the report of `year` to `out` as PDF (the command line's way; the window runs the
/// two halves on different threads).
pub fn export_report_pdf(
    store: &mut Store,
    year: Year,
    out: &Path,
    fonts: &FontSet,
    progress: &dyn Fn(usize, usize) -> bool,
) -> Result<Exported, String> {
    let (doc, composed) = prepare_report(store, year)?;
    let mut done = write_pdf(&doc, fonts, out, progress)?;
    done.composed = composed;
    store
        .write(|tx| reports::mark_exported(tx, year))
        .map_err(|e| e.to_string())?;
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

/// Which document of the year to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentKind {
    /// The summary report ("Báo cáo tổng kết").
    #[default]
    Report,
    /// The conference minutes ("Biên bản hội nghị").
    Minutes,
    /// The news item for the website: PDF, or plain text (.txt) or HTML (.html) by the file's
    /// extension.
    News,
}

/// The news item of `year`: the one saved after editing, or composed from the data.
pub fn news_for(store: &Store, year: Year) -> store::Result<crate::domain::NewsItem> {
    if let Some(n) = store::conference::news(store.conn(), year)? {
        return Ok(n);
    }
    let all = members::list(store.conn())?;
    let data = json::year_data(store.conn(), year)?;
    Ok(super::conference::compose_news(&all, &data))
}

/// Exports one of the year's documents to `out`.
pub fn export_document(
    store: &mut Store,
    year: Year,
    kind: DocumentKind,
    out: &Path,
    fonts: &FontSet,
) -> Result<Exported, String> {
    match kind {
        DocumentKind::Report => export_report_pdf(store, year, out, fonts, &|_, _| true),
        DocumentKind::Minutes => {
            let all = members::list(store.conn()).map_err(|e| e.to_string())?;
            let data = json::year_data(store.conn(), year).map_err(|e| e.to_string())?;
            let doc = super::conference::minutes_document(&all, &data);
            write_pdf(&doc, fonts, out, &|_, _| true)
        }
        DocumentKind::News => {
            let news = news_for(store, year).map_err(|e| e.to_string())?;
            let ext = out
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match ext.as_str() {
                "txt" => {
                    crate::cli::write_new_file(
                        out,
                        super::conference::news_text(&news).as_bytes(),
                    )?;
                    Ok(Exported {
                        pages: 0,
                        missing_chars: Vec::new(),
                        composed: false,
                    })
                }
                "html" | "htm" => {
                    crate::cli::write_new_file(
                        out,
                        super::conference::news_html(&news).as_bytes(),
                    )?;
                    Ok(Exported {
                        pages: 0,
                        missing_chars: Vec::new(),
                        composed: false,
                    })
                }
                _ => {
                    let data = json::year_data(store.conn(), year).map_err(|e| e.to_string())?;
                    write_pdf(
                        &super::conference::news_document(&data, &news),
                        fonts,
                        out,
                        &|_, _| true,
                    )
                }
            }
        }
    }
}
