//! The open file and the year being worked on: opening one of our own files, receiving a file
//! from elsewhere (checked read-only, then worked on as a copy in the data folder), the sample on
//! first run, and [`YearView`], everything the tabs show of the year, read again after each change.

use super::files::handover_path;
use super::settings::canonical;
use crate::domain::{Indicator, Member, ReportKind, Year, YearData};
use crate::edit::Edit;
use crate::edit::History;
use crate::ops::OpsError;
use crate::ops::lock::{self, WriterLock};
use crate::store::receive::Findings;
use crate::store::{self, Store, indicators, members, reports, years};
use std::path::{Path, PathBuf};

static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    static FIXED_TODAY: std::cell::Cell<Option<chrono::NaiveDate>> = const { std::cell::Cell::new(None) };
}

/// Today's date: the one place the window reads the calendar for what is due (the Việc cần
/// làm tab's milestones), unless [`fix_today`] set it.
pub fn today() -> chrono::NaiveDate {
    FIXED_TODAY
        .with(|d| d.get())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Makes [`today`] return `date` on this thread (`None`: the PC's date again), so that a test
/// sees "còn 5 ngày" on any day it runs.
pub fn fix_today(date: Option<chrono::NaiveDate>) {
    FIXED_TODAY.with(|d| d.set(date));
}

/// Everything the tabs show of the selected year, read once after each change.
#[derive(Debug, Clone)]
pub struct YearView {
    /// The year's data as the store reads it (the same value the composers take).
    pub data: YearData,
    pub members: Vec<Member>,
    pub years: Vec<Year>,
    /// Changes at every load, so a tab can cache what it derives from the data.
    pub generation: u64,
    /// When the report was last exported to PDF.
    pub exported_at: Option<String>,
    /// What was found when this file was received from elsewhere.
    pub received: Option<Findings>,
    /// Where the handover form proposes to write the successor's file.
    pub default_handover_path: PathBuf,
    /// Another window has the file open to change it: this one only shows it.
    pub read_only: bool,
    /// The successor holds this year: this file handed an earlier year over (until taken back).
    pub held: Option<crate::domain::Held>,
    /// Every year's awards with its number of members, for each member's award history.
    pub award_years: Vec<(Year, crate::domain::awards::YearAwards, usize)>,
}

impl YearView {
    pub fn load(store: &Store, year: Year) -> store::Result<YearView> {
        let conn = store.conn();
        let all = members::list(conn)?;
        let years = years::list(conn)?;
        let mut award_years = Vec::with_capacity(years.len());
        for &y in &years {
            let n = crate::domain::members_in(&all, y).len();
            award_years.push((y, store::awards::get(conn, y)?, n));
        }
        Ok(YearView {
            data: years::data(conn, year)?,
            members: all,
            years,
            award_years,
            generation: NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            exported_at: reports::exported_at(conn, year, ReportKind::YearEnd)?,
            received: None,
            default_handover_path: handover_path(&super::files::beside(store.path()), year),
            read_only: false,
            held: years::held_by_successor(conn, year)?,
        })
    }

    pub fn year(&self) -> Year {
        self.data.record.year
    }

    /// The members of this year in the bloc's order.
    pub fn members_in_year(&self) -> Vec<&Member> {
        crate::domain::members_in(&self.members, self.year())
    }

    pub fn member(&self, id: crate::domain::MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn short_name(&self, id: crate::domain::MemberId) -> String {
        self.member(id)
            .map_or(String::new(), |m| m.short_name_in(self.year()).to_owned())
    }

    /// Applies score cells just saved to the year in memory, as reading the year again would
    /// show them, and marks the view changed so the tabs derive their totals again.
    pub fn apply_score_changes(&mut self, changes: &[crate::domain::scoring::ScoreChange]) {
        let scores = &mut self.data.scoring.scores;
        for ch in changes {
            scores.retain(|s| {
                (s.member, s.criterion, s.stage, s.scorer)
                    != (ch.member, ch.criterion, ch.stage, ch.scorer)
            });
            if let Some(score) = &ch.score {
                scores.push(crate::domain::scoring::Score {
                    member: ch.member,
                    criterion: ch.criterion,
                    stage: ch.stage,
                    value: score.value,
                    note: crate::text::nfc(score.note.trim()),
                    evidence: crate::text::nfc(score.evidence.trim()),
                    scorer: ch.scorer,
                });
            }
        }
        self.generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    /// What the window shows of the value `edit` replaces, in the shape of
    /// [`Edit::stored_state`]: the edit is refused if the file no longer holds it. `None` when
    /// the edit checks its own rows, or is about a year other than the one shown.
    pub fn read_state(&self, edit: &Edit) -> Option<Edit> {
        let year = self.year();
        let d = &self.data;
        Some(match edit {
            Edit::SetConference { year: y, kind, .. } if *y == year => Edit::SetConference {
                year,
                kind: *kind,
                conference: d.report_parts(*kind).conference.clone(),
            },
            Edit::SetNews { year: y, .. } if *y == year => Edit::SetNews {
                year,
                news: d.news.clone(),
            },
            Edit::SetAttendees { year: y, kind, .. } if *y == year => Edit::SetAttendees {
                year,
                kind: *kind,
                list: d.report_parts(*kind).attendees.to_vec(),
            },
            Edit::SetMilestones { year: y, .. } if *y == year => Edit::SetMilestones {
                year,
                milestones: d.milestones.clone(),
            },
            Edit::DeleteMember(id) => match self.member(*id) {
                Some(m) => Edit::AddMember(m.clone()),
                None => Edit::DeleteMember(*id),
            },
            Edit::MoveMember { .. } | Edit::SetMemberOrder(_) => {
                Edit::SetMemberOrder(self.members.iter().map(|m| m.id).collect())
            }
            Edit::DeleteIndicator(id) => Edit::InsertIndicators(vec![self.indicator(*id)?]),
            Edit::DeleteIndicators(ids) => Edit::InsertIndicators(
                ids.iter()
                    .map(|id| self.indicator(*id))
                    .collect::<Option<_>>()?,
            ),
            Edit::LinkIndicator { id, .. } => {
                Edit::SetIndicatorKeys(vec![(*id, self.indicator(*id)?.key)])
            }
            Edit::DeleteVersion(id) => {
                let all = std::iter::once(&d.versions)
                    .chain(d.other_reports.iter().map(|r| &r.versions))
                    .flatten();
                let found = all.into_iter().find(|v| v.id == *id);
                Edit::InsertVersion(found?.clone())
            }
            Edit::DeleteOpinion { year: y, kind, id } if *y == year => {
                match d.report_parts(*kind).opinions.iter().find(|o| o.id == *id) {
                    Some(o) => Edit::InsertOpinion {
                        year,
                        kind: *kind,
                        opinion: o.clone(),
                    },
                    None => Edit::DeleteOpinion {
                        year,
                        kind: *kind,
                        id: *id,
                    },
                }
            }
            Edit::SaveReport { year: y, kind, .. }
            | Edit::DeleteReport { year: y, kind }
            | Edit::SaveVersion { year: y, kind, .. }
                if *y == year =>
            {
                crate::edit::report_state(year, *kind, d.report_parts(*kind).report.cloned())
            }
            Edit::SetReportStatus { year: y, kind, .. } if *y == year => crate::edit::status_state(
                year,
                *kind,
                d.report_parts(*kind).report.map(|r| r.status),
            ),
            Edit::SetScheme { year: y, .. } | Edit::CopyPreviousScheme(y) if *y == year => {
                Edit::SetScheme {
                    year,
                    scheme: d.scoring.scheme.clone(),
                }
            }
            Edit::SetScores { year: y, changes } if *y == year => Edit::SetScores {
                year,
                changes: crate::edit::score_cells(&d.scoring.scores, changes),
            },
            Edit::SetAwards { year: y, label, .. } if *y == year => Edit::SetAwards {
                year,
                awards: d.awards.clone(),
                label,
            },
            Edit::Steps { label, steps } => {
                let mut states = Vec::new();
                for step in steps.iter().filter(|s| s.has_state()) {
                    // A step about another year: nothing shown to compare with.
                    states.push(self.read_state(step)?);
                }
                Edit::Steps {
                    label,
                    steps: states,
                }
            }
            _ => return None,
        })
    }

    /// The indicator `id` of the year shown, as read.
    fn indicator(&self, id: i64) -> Option<Indicator> {
        self.data.indicators.iter().find(|i| i.id == id).cloned()
    }

    /// Nothing can be changed: the year was handed over, its successor holds it, or another
    /// window has the file.
    pub fn locked(&self) -> bool {
        self.data.record.is_locked() || self.read_only || self.held.is_some()
    }

    /// "Năm 2021 do Ban Quản lý Khu kinh tế giữ từ 16/12/2020", when the successor holds the
    /// year shown.
    pub fn held_message(&self) -> Option<String> {
        let held = self.held.as_ref()?;
        Some(held.sentence(self.member(held.holder)))
    }
}

/// An open file and the year being worked on.
pub struct Session {
    pub store: Store,
    pub view: YearView,
    pub history: History,
    /// Local time of the last successful save, shown in the status bar.
    pub saved_at: Option<String>,
    /// Set when the file came from elsewhere and this is the program's own copy of it.
    pub received: Option<Findings>,
    /// This window's claim to change the file; `None` when it only shows the file.
    pub lock: Option<WriterLock>,
}

impl Session {
    /// Makes `store` the open file, on `year` or its latest year.
    /// `lock` is this window's claim to change the file; without one the window only shows it.
    pub fn start(
        store: Store,
        year: Option<Year>,
        lock: Option<WriterLock>,
    ) -> Result<Session, OpsError> {
        let list = years::list(store.conn())?;
        let Some(year) = year.filter(|y| list.contains(y)).or(list.last().copied()) else {
            return Err(OpsError::Invalid(format!(
                "Tệp “{}” chưa có năm nào. Hãy tạo khối mới bằng Tệp › Mới…",
                store.path().display()
            )));
        };
        let mut view = YearView::load(&store, year)?;
        view.read_only = lock.is_none();
        Ok(Session {
            store,
            view,
            history: History::default(),
            saved_at: None,
            received: None,
            lock,
        })
    }

    /// Reads the year's data again (after a change), or reads `year` to show it instead.
    pub fn reload(&mut self, year: Option<Year>) -> Result<(), OpsError> {
        let year = year.unwrap_or(self.view.year());
        let mut view = YearView::load(&self.store, year)?;
        view.received = self.received.clone();
        view.read_only = self.lock.is_none();
        self.view = view;
        Ok(())
    }

    /// Brings the view up to date after `edit` was saved. The edits people make most (a cell of
    /// the Chỉ tiêu table, a member's narrative, a score) read back only what they changed, so
    /// a year of 12.000 indicators is not read again at every keystroke; any other edit reads
    /// the year again.
    pub fn refresh_after(&mut self, edit: &Edit) -> Result<(), OpsError> {
        let year = self.view.year();
        let conn = self.store.conn();
        let data = &mut self.view.data;
        let patched = match edit {
            Edit::SetScores { year: y, changes } if *y == year => {
                self.view.apply_score_changes(changes);
                return Ok(());
            }
            Edit::UpdateIndicator { to: ind, .. } if ind.year == year => {
                let stored = indicators::get(conn, ind.id)?;
                match (stored, data.indicators.iter_mut().find(|i| i.id == ind.id)) {
                    // Same place in the list: only its values changed.
                    (Some(stored), Some(old))
                        if (stored.member, stored.sort) == (old.member, old.sort) =>
                    {
                        *old = stored;
                        true
                    }
                    _ => false,
                }
            }
            Edit::SetNarrative { year: y, .. } if *y == year => {
                data.narratives = years::narratives(conn, year)?;
                true
            }
            _ => false,
        };
        if patched {
            self.view.generation =
                NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(())
        } else {
            self.reload(None)
        }
    }

    /// Reads the file again after its whole content changed (a restore): the year shown if the
    /// file still has it, else its latest year.
    pub fn reload_whole_file(&mut self) -> Result<(), OpsError> {
        let year = self.view.year();
        let list = years::list(self.store.conn())?;
        let year = if list.contains(&year) {
            Some(year)
        } else {
            list.last().copied()
        };
        self.reload(year)
    }

    /// Notes the time of a successful save for the status bar.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(chrono::Local::now().format("%H:%M").to_string());
    }
}

/// A file opened, and what the user is to be told about it.
pub struct Opened {
    pub session: Session,
    /// The file to list under "Mở gần đây" (for a received file, the program's copy).
    pub recent: Option<PathBuf>,
    /// Whether that file became the program's own (a received copy): it opens directly next time.
    pub own: bool,
    pub notice: Notice,
}

/// What the window shows after opening.
pub enum Notice {
    Nothing,
    /// The sample was just created: the welcome.
    Welcome,
    /// A file from elsewhere was checked and copied: what was found, line by line.
    Received(Vec<String>),
}

/// Opens the default database in `data_dir`, creating it from the sample on the first run.
pub fn open_default(data_dir: Option<&Path>, own_files: &[PathBuf]) -> Result<Opened, OpsError> {
    let Some(dir) = data_dir else {
        return Err(OpsError::Invalid(
            "Không tìm thấy thư mục dữ liệu của người dùng. Hãy mở một tệp bằng Tệp › Mở…"
                .to_owned(),
        ));
    };
    let path = crate::paths::default_database(dir);
    if path.exists() {
        return open(&path, data_dir, own_files);
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        OpsError::Invalid(format!(
            "Không tạo được thư mục dữ liệu “{}” ({e}). Hãy mở một tệp bằng Tệp › Mở…",
            dir.display()
        ))
    })?;
    // Claimed before it is written: two windows started together on a first run would
    // otherwise both build the sample, the second replacing the file the first has open.
    let lock = lock::claim(&path, data_dir)?;
    if path.exists() {
        drop(lock);
        return open(&path, data_dir, own_files);
    }
    let store = crate::sample::write_sample(&path)?;
    Ok(Opened {
        session: Session::start(store, Some(crate::sample::SAMPLE_YEAR), Some(lock))?,
        recent: None,
        own: false,
        notice: Notice::Welcome,
    })
}

/// Opens `path`: directly when it is one of our own files (created here or in the data
/// folder), otherwise by receiving it, so that a file from elsewhere is never modified.
pub fn open(
    path: &Path,
    data_dir: Option<&Path>,
    own_files: &[PathBuf],
) -> Result<Opened, OpsError> {
    if !path.is_file() {
        return Err(OpsError::Invalid(format!(
            "Không tìm thấy tệp “{}”. Hãy kiểm tra lại đường dẫn.",
            path.display()
        )));
    }
    let canonical_path = canonical(path);
    // Files in the data folder are the program's own, except backups: one opened from there is
    // worked on as a copy, so rotation can never delete a file someone is editing.
    let own = own_files.contains(&canonical_path)
        || data_dir
            .and_then(|d| std::fs::canonicalize(d).ok())
            .is_some_and(|d| {
                canonical_path.starts_with(&d)
                    && !canonical_path.starts_with(crate::paths::backups_dir(&d))
            });
    let backups = data_dir.map(crate::paths::backups_dir);
    if own {
        // Claimed before anything is read or upgraded: a second window gets a clear choice.
        let lock = lock::claim(path, data_dir)?;
        let store = Store::open_with_backups(path, backups.as_deref())?;
        return Ok(Opened {
            session: Session::start(store, None, Some(lock))?,
            recent: Some(path.to_path_buf()),
            own: false,
            notice: Notice::Nothing,
        });
    }
    // A file from elsewhere: checked read-only, then copied into the data folder.
    let Some(dir) = data_dir else {
        return Err(OpsError::Invalid(
            "Không tìm thấy thư mục dữ liệu của người dùng để chép tệp nhận được vào.".to_owned(),
        ));
    };
    let (store, findings) = crate::ops::receive::receive(path, dir)?;
    let copy = store.path().to_path_buf();
    let lock = lock::claim(&copy, data_dir)?;
    let mut session = Session::start(store, None, Some(lock))?;
    session.received = Some(findings.clone());
    session.view.received = Some(findings.clone());
    let mut lines = findings.lines();
    lines.push(format!(
        "Tệp gốc không bị sửa. Chương trình làm việc trên bản sao: {}",
        copy.display()
    ));
    Ok(Opened {
        session,
        recent: Some(copy),
        own: true,
        notice: Notice::Received(lines),
    })
}

/// Opens `path` only to show it, because another window has it open to change it. Nothing is
/// written, not even an upgrade of an older schema (that is read through a copy in memory).
pub fn open_to_view(path: &Path) -> Result<Opened, OpsError> {
    let store = Store::open_read_only(path)?;
    Ok(Opened {
        session: Session::start(store, None, None)?,
        recent: None,
        own: false,
        notice: Notice::Nothing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A view patched after an edit holds what reading the year again would show.
    #[test]
    fn a_patched_view_equals_a_fresh_read() {
        let mut store = Store::open_in_memory().unwrap();
        crate::sample::fill(&mut store).unwrap();
        let mut session = Session::start(store, Some(2020), None).unwrap();
        let from = session.view.data.indicators[3].clone();
        let mut ind = from.clone();
        ind.result = Some(1234.5);
        ind.note = "  ghi chú có dấu cách  ".to_owned();
        let member = ind.member;
        let edits = [
            Edit::UpdateIndicator { from, to: ind },
            Edit::SetNarrative {
                year: 2020,
                member,
                field: crate::domain::NarrativeField::Achievements,
                previous: String::new(),
                text: "Hoa\u{300}n tha\u{300}nh tô\u{301}t".to_owned(),
            },
            Edit::SetNarrative {
                year: 2020,
                member,
                field: crate::domain::NarrativeField::KeyWorks,
                previous: String::new(),
                text: "- Số hóa hồ sơ đất đai".to_owned(),
            },
            Edit::SetNarrative {
                year: 2020,
                member,
                field: crate::domain::NarrativeField::Achievements,
                previous: String::new(),
                text: "   ".to_owned(),
            },
        ];
        for mut edit in edits {
            // What the window shows is what the edit replaces.
            if let Edit::SetNarrative {
                member,
                field,
                previous,
                ..
            } = &mut edit
            {
                *previous = session
                    .view
                    .data
                    .narratives
                    .iter()
                    .find(|n| n.member == *member)
                    .map(|n| n.field(*field).to_owned())
                    .unwrap_or_default();
            }
            let before = session.view.generation;
            session.history.apply(&mut session.store, &edit).unwrap();
            session.refresh_after(&edit).unwrap();
            assert_ne!(session.view.generation, before, "{edit:?}");
            let fresh = YearView::load(&session.store, 2020).unwrap();
            assert_eq!(session.view.data, fresh.data, "{edit:?}");
        }
    }
}
