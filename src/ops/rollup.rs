//! The province's view: several blocs' files read for one year and compared in one document
//! (PDF, Word or Excel, by the output's extension). Each file is checked as a received file is
//! (read-only, defensive settings, integrity, the schema's shape) but only the year asked is
//! read; a file that cannot be read is listed with the reason and the others are summarised.
//! No input is ever written.

use super::{OpsError, Overwrite, Result, check_output, write_file};
use crate::domain::awards::{Ranks, Verdict, tally_all};
use crate::domain::target::Evaluation;
use crate::domain::{Member, Year, YearData, members_in};
use crate::report::fonts::FontSet;
use crate::report::rollup::{BlocSummary, Coverage, Proposal, Rollup, Unreadable};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The kinds of file the comparison is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Xlsx,
}

impl Format {
    /// By the output's extension; any other is refused with the ones accepted.
    pub fn for_output(out: &Path) -> Result<Format> {
        let ext = out
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "pdf" => Ok(Format::Pdf),
            "docx" => Ok(Format::Docx),
            "xlsx" => Ok(Format::Xlsx),
            _ => Err(OpsError::Invalid(format!(
                "Không ghi được bảng tổng hợp vào “{}”: chỉ ghi được tệp .pdf, .docx hoặc .xlsx. Hãy đặt tên tệp với một trong các đuôi đó.",
                out.display()
            ))),
        }
    }
}

/// Reads `year` of every file in `paths` (two at a time on a 2-core PC) and summarises each
/// bloc. Never fails as a whole: a file that cannot be read is listed with its reason.
pub fn summarise(paths: &[PathBuf], year: Year) -> Rollup {
    let slots: Vec<Mutex<Option<std::result::Result<BlocSummary, String>>>> =
        paths.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4)
        .min(paths.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let (Some(path), Some(slot)) = (paths.get(i), slots.get(i)) else {
                        break;
                    };
                    let outcome = read_bloc(paths, i, path, year);
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(outcome);
                    }
                }
            });
        }
    });
    let mut rollup = Rollup {
        year,
        ..Rollup::default()
    };
    for (path, slot) in paths.iter().zip(slots) {
        let outcome = slot.into_inner().ok().flatten().unwrap_or_else(|| {
            Err(format!(
                "Không đọc được tệp “{}” (lỗi bất thường khi đọc).",
                path.display()
            ))
        });
        match outcome {
            Ok(bloc) => rollup.blocs.push(bloc),
            Err(reason) => rollup.unreadable.push(Unreadable {
                path: path.clone(),
                reason,
            }),
        }
    }
    rollup
}

/// The `i`th file, unless an earlier one in the list is the same file.
fn read_bloc(
    paths: &[PathBuf],
    i: usize,
    path: &Path,
    year: Year,
) -> std::result::Result<BlocSummary, String> {
    if let Some(first) = paths[..i]
        .iter()
        .find(|p| crate::fsutil::same_file(p, path))
    {
        return Err(format!(
            "Tệp “{}” đã có trong danh sách (trùng với “{}”): chỉ tổng hợp một lần.",
            path.display(),
            first.display()
        ));
    }
    let (members, data) = crate::store::receive::read_year(path, year)?;
    Ok(summarise_bloc(path, &members, &data))
}

/// One bloc's year in figures.
pub fn summarise_bloc(path: &Path, members: &[Member], data: &YearData) -> BlocSummary {
    let year = data.record.year;
    let name = |id: i64| {
        members
            .iter()
            .find(|m| m.id == id)
            .map_or_else(String::new, |m| m.full_name_in(year).to_owned())
    };
    let count = members_in(members, year).len();
    let ranks = Ranks::of(members, data);
    let mut classes: Vec<(String, usize)> = Vec::new();
    if ranks.scored {
        for row in &ranks.ranking.rows {
            if row.classification.is_empty() {
                continue;
            }
            match classes.iter_mut().find(|(c, _)| *c == row.classification) {
                Some((_, n)) => *n += 1,
                None => classes.push((row.classification.clone(), 1)),
            }
        }
    }
    let mut proposals = Vec::new();
    for result in tally_all(&data.awards, count) {
        let award = data
            .awards
            .awards
            .iter()
            .find(|a| a.id == result.award)
            .map_or_else(String::new, |a| a.name.clone());
        for n in &result.nominees {
            let voted = n.verdict != Verdict::NotVoted;
            proposals.push(Proposal {
                award: award.clone(),
                nominee: name(n.member),
                votes: voted.then_some(n.votes),
                share: if voted { n.share } else { None },
                outcome: n.verdict.label().to_owned(),
            });
        }
    }
    BlocSummary {
        path: path.to_path_buf(),
        bloc_name: data.record.bloc_name.clone(),
        members: count,
        leader: data.record.leader.map(name),
        leading: ranks.ranking.leader().filter(|_| ranks.scored).map(name),
        classes,
        proposals,
        indicators: coverage(data),
    }
}

fn coverage(data: &YearData) -> Coverage {
    let mut c = Coverage {
        total: data.indicators.len(),
        ..Coverage::default()
    };
    for ind in &data.indicators {
        if ind.result.is_some() {
            c.with_result += 1;
        }
        match ind.evaluation() {
            Evaluation::Met | Evaluation::Exceeded => {
                c.evaluated += 1;
                c.met += 1;
            }
            Evaluation::NotMet => c.evaluated += 1,
            Evaluation::Unknown => {}
        }
    }
    c
}

/// What [`rollup`] wrote.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub summary: Rollup,
    pub format: Format,
}

impl Written {
    /// The sentence the command line prints and the window shows.
    pub fn message(&self, out: &Path) -> String {
        let r = &self.summary;
        let mut s = format!(
            "Đã ghi bảng tổng hợp năm {} của {} khối vào “{}”.",
            r.year,
            r.blocs.len(),
            out.display()
        );
        if !r.unreadable.is_empty() {
            s.push_str(&format!(" Không đọc được {} tệp:", r.unreadable.len()));
            for u in &r.unreadable {
                s.push_str(&format!("\n- {}", u.reason));
            }
        }
        s
    }
}

/// Summarises `year` of `inputs` and writes the comparison to `out` (.pdf, .docx or .xlsx),
/// with its chart in the PDF and the .docx unless `charts` is off ("In kèm biểu đồ",
/// `--no-charts`; the workbook has none). `out` is never one of the inputs; an existing `out` is replaced only when `overwrite`
/// allows it; nothing is written when no file could be read.
pub fn rollup(
    inputs: &[PathBuf],
    year: Year,
    out: &Path,
    fonts: &FontSet,
    overwrite: Overwrite,
    charts: bool,
) -> Result<Written> {
    if inputs.is_empty() {
        return Err(OpsError::Invalid(
            "Chưa chọn tệp dữ liệu nào của các khối để tổng hợp.".to_owned(),
        ));
    }
    let refs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    check_output(out, &refs, overwrite)?;
    let format = Format::for_output(out)?;
    let summary = summarise(inputs, year);
    if summary.blocs.is_empty() {
        let reasons: Vec<&str> = summary
            .unreadable
            .iter()
            .map(|u| u.reason.as_str())
            .collect();
        return Err(OpsError::Invalid(format!(
            "Không đọc được tệp nào để tổng hợp năm {year}, chưa ghi gì. {}",
            reasons.join(" ")
        )));
    }
    let document = || {
        let doc = crate::report::rollup::rollup_document(&summary);
        if charts { doc } else { doc.without_figures() }
    };
    let bytes = match format {
        Format::Pdf => crate::report::pdf::render_pdf(&document(), fonts, &|_, _| true)?.bytes,
        Format::Docx => crate::report::docx::render_docx(&document(), fonts)?,
        Format::Xlsx => super::xlsx::rollup::workbook_bytes(&summary)?,
    };
    write_file(out, &bytes)?;
    Ok(Written { summary, format })
}
