//! User edits of the data as values: each is applied in one transaction and returns the edit that
//! undoes it, which is how Ctrl+Z / Ctrl+Y work across every tab (deletions included).
//!
//! The window builds an [`Edit`] from what the user did and hands it to [`History::apply`]; the
//! store does the writing and the checking.

use crate::domain::awards::YearAwards;
use crate::domain::calendar::Milestone;
use crate::domain::scoring::{Scheme, Score, ScoreChange};
use crate::domain::{
    Attendee, Conference, Indicator, Member, MemberId, MemberName, NarrativeField, NewsItem,
    Opinion, Report, ReportKind, ReportStatus, ReportVersion, Year, YearRecord,
};
use crate::store::{self, Store, StoreError, indicators, members, reports, years};
use rusqlite::Connection;

/// How many steps Ctrl+Z can go back.
pub const UNDO_DEPTH: usize = 200;

/// One change of the data, as the user made it.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddMember(Member),
    /// Deletes a member that has no data (only as the undo of adding it).
    DeleteMember(MemberId),
    /// Changes a member's details: `from` is the member as the window last read it, `to` as the
    /// user left it. Only the details that differ are written, and only while the file still
    /// holds `from`'s values in them (see [`StoreError::Stale`]); the same holds for every
    /// `from`/`to` edit below, and so for their undo, which is the same edit reversed.
    UpdateMember {
        from: Member,
        to: Member,
    },
    /// Sets the names a member bears from `name.from_year` on; `previous` is what that year's
    /// entry was before (none for a new rename), so undo can restore or remove it. Refused
    /// unless the file still holds `previous`.
    SetMemberName {
        member: MemberId,
        name: MemberName,
        previous: Option<MemberName>,
    },
    /// Removes the names `name` (only as the undo of a new rename, so only while the file
    /// still holds them).
    RemoveMemberName {
        member: MemberId,
        name: MemberName,
    },
    MoveMember {
        member: MemberId,
        year: Year,
        delta: i64,
    },
    /// Puts the bloc's members in this order (all of them, as [`members::list`] gives them);
    /// also the shape in which a move is checked against the order the window read.
    SetMemberOrder(Vec<MemberId>),
    UpdateYear {
        from: YearRecord,
        to: YearRecord,
    },
    /// Saves the conference record of one of a year's reports.
    SetConference {
        year: Year,
        kind: ReportKind,
        conference: Conference,
    },
    /// Saves the edited news item (`None`: compose it from the data again).
    SetNews {
        year: Year,
        news: Option<NewsItem>,
    },
    /// Replaces the dated milestones of a year.
    SetMilestones {
        year: Year,
        milestones: Vec<Milestone>,
    },
    /// Replaces the attendance list of a year's conference of `kind`.
    SetAttendees {
        year: Year,
        kind: ReportKind,
        list: Vec<Attendee>,
    },
    InsertIndicator(Indicator),
    UpdateIndicator {
        from: Indicator,
        to: Indicator,
    },
    DeleteIndicator(i64),
    /// Several deletions as one step (the undo of copying last year's list).
    DeleteIndicators(Vec<i64>),
    /// Several insertions as one step (the undo of deleting several).
    InsertIndicators(Vec<Indicator>),
    CopyPreviousYear(Year),
    /// Links an indicator by hand to last year's one it continues (given by that one's
    /// lineage; `None` makes it a new indicator again), e.g. after a renaming.
    LinkIndicator {
        id: i64,
        lineage: Option<i64>,
    },
    /// Sets the lineage keys of several indicators (the undo of a link).
    SetIndicatorKeys(Vec<(i64, Option<i64>)>),
    /// Sets one of a member's texts; `previous` is the text the window last read (refused
    /// unless the file still holds it).
    SetNarrative {
        year: Year,
        member: MemberId,
        field: NarrativeField,
        previous: String,
        text: String,
    },
    SaveReport {
        year: Year,
        kind: ReportKind,
        report: Report,
    },
    /// Removes a report of a year (only as the undo of its first draft).
    DeleteReport {
        year: Year,
        kind: ReportKind,
    },
    /// Adopts the report (locking its text) or sets it back to a draft.
    SetReportStatus {
        year: Year,
        kind: ReportKind,
        status: ReportStatus,
    },
    /// Saves the current report as a named version.
    SaveVersion {
        year: Year,
        kind: ReportKind,
        name: String,
    },
    /// Puts back a version exactly as it was (the undo of deleting it).
    InsertVersion(ReportVersion),
    DeleteVersion(i64),
    InsertOpinion {
        year: Year,
        kind: ReportKind,
        opinion: Opinion,
    },
    UpdateOpinion {
        year: Year,
        kind: ReportKind,
        from: Opinion,
        to: Opinion,
    },
    DeleteOpinion {
        year: Year,
        kind: ReportKind,
        id: i64,
    },
    /// Adopts, edits or removes (`None`) the year's score sheet.
    SetScheme {
        year: Year,
        scheme: Option<Scheme>,
    },
    /// Sets or empties score cells.
    SetScores {
        year: Year,
        changes: Vec<ScoreChange>,
    },
    /// Copies last year's score sheet (not its scores) into the year.
    CopyPreviousScheme(Year),
    /// Replaces the year's award catalogue, nominations, vote rounds and counting committee
    /// (small, edited as one value); `label` says what the user did.
    SetAwards {
        year: Year,
        awards: YearAwards,
        label: &'static str,
    },
    /// Several edits made by one user action, applied in order in one transaction and undone
    /// as one step (recomposing the report keeps the old text as a version, then replaces it).
    Steps {
        label: &'static str,
        steps: Vec<Edit>,
    },
}

impl Edit {
    /// A short Vietnamese description, for the Undo menu and the status bar.
    pub fn label(&self) -> &'static str {
        match self {
            Edit::AddMember(_) => "thêm đơn vị",
            Edit::DeleteMember(_) => "xóa đơn vị",
            Edit::UpdateMember { .. } => "sửa thông tin đơn vị",
            Edit::SetMemberName { .. } | Edit::RemoveMemberName { .. } => "đổi tên đơn vị",
            Edit::MoveMember { .. } | Edit::SetMemberOrder(_) => "đổi thứ tự đơn vị",
            Edit::UpdateYear { .. } => "sửa thông tin năm",
            Edit::SetAttendees { .. } => "sửa danh sách dự hội nghị",
            Edit::SetConference { .. } => "sửa thông tin hội nghị",
            Edit::SetNews { .. } => "sửa tin bài",
            Edit::SetMilestones { .. } => "sửa lịch của năm",
            Edit::InsertIndicator(_) | Edit::InsertIndicators(_) => "thêm chỉ tiêu",
            Edit::UpdateIndicator { .. } => "sửa chỉ tiêu",
            Edit::DeleteIndicator(_) | Edit::DeleteIndicators(_) => "xóa chỉ tiêu",
            Edit::CopyPreviousYear(_) => "chép danh mục năm trước",
            Edit::LinkIndicator { .. } | Edit::SetIndicatorKeys(_) => "nối chỉ tiêu với năm trước",
            Edit::SetNarrative {
                field: NarrativeField::Achievements,
                ..
            } => "sửa phần thành tích",
            Edit::SetNarrative {
                field: NarrativeField::KeyWorks,
                ..
            } => "sửa công trình, phần việc trọng điểm",
            Edit::SaveReport { .. } | Edit::DeleteReport { .. } => "sửa báo cáo",
            Edit::SetReportStatus {
                status: ReportStatus::Adopted,
                ..
            } => "thông qua báo cáo",
            Edit::SetReportStatus { .. } => "mở khóa báo cáo",
            Edit::SaveVersion { .. } | Edit::InsertVersion(_) => "lưu phiên bản báo cáo",
            Edit::DeleteVersion(_) => "xóa phiên bản báo cáo",
            Edit::InsertOpinion { .. } => "thêm ý kiến",
            Edit::UpdateOpinion { .. } => "sửa ý kiến",
            Edit::DeleteOpinion { .. } => "xóa ý kiến",
            Edit::SetScheme { .. } => "sửa bảng điểm",
            Edit::SetScores { .. } => "chấm điểm",
            Edit::CopyPreviousScheme(_) => "chép bảng điểm năm trước",
            Edit::SetAwards { label, .. } => label,
            Edit::Steps { label, .. } => label,
        }
    }

    /// Whether the edit replaces a whole value of a year (its conference, news item, attendance,
    /// milestones, report, report status, score sheet, score cells, awards), checked through
    /// [`Edit::stored_state`]; the other edits check their own rows (`from`/`to`, `previous`)
    /// or insert, delete, move or link rows.
    pub fn replaces_whole_value(&self) -> bool {
        matches!(
            self,
            Edit::SetConference { .. }
                | Edit::SetNews { .. }
                | Edit::SetAttendees { .. }
                | Edit::SetMilestones { .. }
                | Edit::SaveReport { .. }
                | Edit::DeleteReport { .. }
                | Edit::SetReportStatus { .. }
                | Edit::SetScheme { .. }
                | Edit::CopyPreviousScheme(_)
                | Edit::SetScores { .. }
                | Edit::SetAwards { .. }
        )
    }

    /// Whether the edit deletes rows (as itself or as the undo of an insertion), reorders them,
    /// relinks them or snapshots the report, and so depends on rows the window read: checked
    /// through [`Edit::stored_state`] as well, against the whole of each row it removes, the
    /// order it changes, the keys it replaces, the report it copies.
    pub fn depends_on_rows(&self) -> bool {
        matches!(
            self,
            Edit::DeleteMember(_)
                | Edit::MoveMember { .. }
                | Edit::SetMemberOrder(_)
                | Edit::DeleteIndicator(_)
                | Edit::DeleteIndicators(_)
                | Edit::LinkIndicator { .. }
                | Edit::SetIndicatorKeys(_)
                | Edit::SaveVersion { .. }
                | Edit::DeleteVersion(_)
                | Edit::DeleteOpinion { .. }
        )
    }

    /// For an edit that [replaces a whole value](Edit::replaces_whole_value) or
    /// [depends on rows](Edit::depends_on_rows) (or steps holding such edits): the same edit,
    /// or the one that would put back what it takes, holding what the file holds now (a row
    /// gone is left out, or given as its deletion). It is compared with what the window read
    /// before the edit is applied (`ui::session::YearView::read_state`, the same shape) and,
    /// for an undo or a redo, with what the file held right after the step it reverses, so
    /// neither overwrites nor removes a change made elsewhere meanwhile. Both are compared
    /// inside the edit's `IMMEDIATE` transaction. `None` otherwise.
    pub fn stored_state(&self, conn: &Connection) -> store::Result<Option<Edit>> {
        Ok(Some(match self {
            Edit::SetConference { year, kind, .. } => Edit::SetConference {
                year: *year,
                kind: *kind,
                conference: store::conference::get(conn, *year, *kind)?,
            },
            Edit::SetNews { year, .. } => Edit::SetNews {
                year: *year,
                news: store::conference::news(conn, *year)?,
            },
            Edit::SetAttendees { year, kind, .. } => Edit::SetAttendees {
                year: *year,
                kind: *kind,
                list: years::attendees_of(conn, *year, *kind)?,
            },
            Edit::SetMilestones { year, .. } => Edit::SetMilestones {
                year: *year,
                milestones: store::milestones::get(conn, *year)?,
            },
            Edit::DeleteMember(id) => {
                match members::list(conn)?.into_iter().find(|m| m.id == *id) {
                    Some(m) => Edit::AddMember(m),
                    None => Edit::DeleteMember(*id),
                }
            }
            Edit::MoveMember { .. } | Edit::SetMemberOrder(_) => {
                Edit::SetMemberOrder(members::list(conn)?.iter().map(|m| m.id).collect())
            }
            Edit::DeleteIndicator(id) => Edit::InsertIndicators(stored_rows(conn, &[*id])?),
            Edit::DeleteIndicators(ids) => Edit::InsertIndicators(stored_rows(conn, ids)?),
            Edit::LinkIndicator { id, .. } => {
                Edit::SetIndicatorKeys(stored_keys(conn, std::iter::once(*id))?)
            }
            Edit::SetIndicatorKeys(keys) => {
                Edit::SetIndicatorKeys(stored_keys(conn, keys.iter().map(|(id, _)| *id))?)
            }
            Edit::DeleteVersion(id) => match reports::get_version(conn, *id)? {
                Some(v) => Edit::InsertVersion(v),
                None => Edit::DeleteVersion(*id),
            },
            Edit::DeleteOpinion { year, kind, id } => {
                match reports::get_opinion(conn, *year, *kind, *id)? {
                    Some(opinion) => Edit::InsertOpinion {
                        year: *year,
                        kind: *kind,
                        opinion,
                    },
                    None => Edit::DeleteOpinion {
                        year: *year,
                        kind: *kind,
                        id: *id,
                    },
                }
            }
            Edit::SaveReport { year, kind, .. }
            | Edit::DeleteReport { year, kind }
            | Edit::SaveVersion { year, kind, .. } => {
                report_state(*year, *kind, reports::get(conn, *year, *kind)?)
            }
            Edit::SetReportStatus { year, kind, .. } => {
                status_state(*year, *kind, reports::status(conn, *year, *kind)?)
            }
            Edit::SetScheme { year, .. } | Edit::CopyPreviousScheme(year) => Edit::SetScheme {
                year: *year,
                scheme: store::scoring::scheme(conn, *year)?,
            },
            Edit::SetScores { year, changes } => Edit::SetScores {
                year: *year,
                changes: store::scoring::cells(conn, *year, changes)?,
            },
            Edit::SetAwards { year, label, .. } => Edit::SetAwards {
                year: *year,
                awards: store::awards::get(conn, *year)?,
                label,
            },
            Edit::Steps { label, steps } => {
                let mut states = Vec::new();
                for step in steps.iter().filter(|s| s.has_state()) {
                    if let Some(state) = step.stored_state(conn)? {
                        states.push(state);
                    }
                }
                Edit::Steps {
                    label,
                    steps: states,
                }
            }
            _ => return Ok(None),
        }))
    }

    /// Whether [`Edit::stored_state`] has something to compare.
    pub fn has_state(&self) -> bool {
        match self {
            Edit::Steps { steps, .. } => steps.iter().any(Edit::has_state),
            other => other.replaces_whole_value() || other.depends_on_rows(),
        }
    }

    /// Applies the edit inside `conn`'s transaction and returns the edit that undoes it.
    pub fn apply(&self, conn: &Connection) -> store::Result<Edit> {
        Ok(match self {
            Edit::AddMember(m) => Edit::DeleteMember(members::insert(conn, m)?),
            Edit::DeleteMember(id) => {
                let all = members::list(conn)?;
                let Some(m) = all.into_iter().find(|m| m.id == *id) else {
                    return Err(gone());
                };
                members::delete_unused(conn, *id)?;
                Edit::AddMember(m)
            }
            Edit::UpdateMember { from, to } => {
                members::change_details(conn, from, to)?;
                Edit::UpdateMember {
                    from: to.clone(),
                    to: from.clone(),
                }
            }
            Edit::SetMemberName {
                member,
                name,
                previous,
            } => {
                if names_from(conn, *member, name.from_year)? != *previous {
                    return Err(StoreError::Stale);
                }
                members::set_name(conn, *member, name)?;
                let Some(written) = names_from(conn, *member, name.from_year)? else {
                    return Err(gone());
                };
                match previous {
                    Some(p) => Edit::SetMemberName {
                        member: *member,
                        name: p.clone(),
                        previous: Some(written),
                    },
                    None => Edit::RemoveMemberName {
                        member: *member,
                        name: written,
                    },
                }
            }
            Edit::RemoveMemberName { member, name } => {
                if names_from(conn, *member, name.from_year)?.as_ref() != Some(name) {
                    return Err(StoreError::Stale);
                }
                members::remove_name(conn, *member, name.from_year)?;
                Edit::SetMemberName {
                    member: *member,
                    name: name.clone(),
                    previous: None,
                }
            }
            Edit::MoveMember {
                member,
                year,
                delta,
            } => {
                members::move_in_order(conn, *member, *year, *delta)?;
                Edit::MoveMember {
                    member: *member,
                    year: *year,
                    delta: -delta,
                }
            }
            Edit::SetMemberOrder(order) => Edit::SetMemberOrder(members::set_order(conn, order)?),
            Edit::UpdateYear { from, to } => {
                years::change(conn, from, to)?;
                Edit::UpdateYear {
                    from: to.clone(),
                    to: from.clone(),
                }
            }
            Edit::SetConference {
                year,
                kind,
                conference: c,
            } => {
                let old = store::conference::get(conn, *year, *kind)?;
                store::conference::set(conn, *year, *kind, c)?;
                Edit::SetConference {
                    year: *year,
                    kind: *kind,
                    conference: old,
                }
            }
            Edit::SetNews { year, news } => {
                let old = store::conference::news(conn, *year)?;
                store::conference::set_news(conn, *year, news.as_ref())?;
                Edit::SetNews {
                    year: *year,
                    news: old,
                }
            }
            Edit::SetMilestones { year, milestones } => Edit::SetMilestones {
                year: *year,
                milestones: store::milestones::set(conn, *year, milestones)?,
            },
            Edit::SetAttendees { year, kind, list } => {
                let old = years::attendees_of(conn, *year, *kind)?;
                years::set_attendees_of(conn, *year, *kind, list)?;
                Edit::SetAttendees {
                    year: *year,
                    kind: *kind,
                    list: old,
                }
            }
            Edit::InsertIndicator(ind) => Edit::DeleteIndicator(indicators::insert(conn, ind)?),
            Edit::UpdateIndicator { from, to } => {
                indicators::change(conn, from, to)?;
                Edit::UpdateIndicator {
                    from: to.clone(),
                    to: from.clone(),
                }
            }
            Edit::DeleteIndicator(id) => Edit::InsertIndicator(indicators::delete(conn, *id)?),
            Edit::DeleteIndicators(ids) => {
                let mut old = Vec::with_capacity(ids.len());
                for id in ids {
                    old.push(indicators::delete(conn, *id)?);
                }
                Edit::InsertIndicators(old)
            }
            Edit::InsertIndicators(list) => {
                let mut ids = Vec::with_capacity(list.len());
                for ind in list {
                    ids.push(indicators::insert(conn, ind)?);
                }
                Edit::DeleteIndicators(ids)
            }
            Edit::CopyPreviousYear(year) => {
                Edit::DeleteIndicators(indicators::copy_previous_year(conn, *year)?)
            }
            Edit::LinkIndicator { id, lineage } => {
                Edit::SetIndicatorKeys(indicators::link(conn, *id, *lineage)?)
            }
            Edit::SetIndicatorKeys(keys) => {
                Edit::SetIndicatorKeys(indicators::set_keys(conn, keys)?)
            }
            Edit::SetNarrative {
                year,
                member,
                field,
                previous,
                text,
            } => {
                let old = member_text(conn, *year, *member, *field)?;
                if old != *previous {
                    return Err(StoreError::Stale);
                }
                years::set_member_text(conn, *year, *member, *field, text)?;
                Edit::SetNarrative {
                    year: *year,
                    member: *member,
                    field: *field,
                    previous: member_text(conn, *year, *member, *field)?,
                    text: old,
                }
            }
            Edit::SaveReport { year, kind, report } => {
                let (year, kind) = (*year, *kind);
                let old = reports::get(conn, year, kind)?;
                reports::save(conn, year, kind, report)?;
                match old {
                    Some(report) => Edit::SaveReport { year, kind, report },
                    None => Edit::DeleteReport { year, kind },
                }
            }
            Edit::SetReportStatus { year, kind, status } => {
                let (year, kind) = (*year, *kind);
                let Some(old) = reports::status(conn, year, kind)? else {
                    return Err(gone());
                };
                reports::set_status(conn, year, kind, *status)?;
                Edit::SetReportStatus {
                    year,
                    kind,
                    status: old,
                }
            }
            Edit::SaveVersion { year, kind, name } => {
                Edit::DeleteVersion(reports::save_version(conn, *year, *kind, name)?)
            }
            Edit::InsertVersion(v) => Edit::DeleteVersion(reports::insert_version(conn, v)?),
            Edit::DeleteVersion(id) => Edit::InsertVersion(reports::delete_version(conn, *id)?),
            Edit::InsertOpinion {
                year,
                kind,
                opinion,
            } => Edit::DeleteOpinion {
                year: *year,
                kind: *kind,
                id: reports::insert_opinion(conn, *year, *kind, opinion)?,
            },
            Edit::UpdateOpinion {
                year,
                kind,
                from,
                to,
            } => {
                reports::change_opinion(conn, *year, from, to)?;
                Edit::UpdateOpinion {
                    year: *year,
                    kind: *kind,
                    from: to.clone(),
                    to: from.clone(),
                }
            }
            Edit::DeleteOpinion { year, kind, id } => {
                let Some(old) = reports::get_opinion(conn, *year, *kind, *id)? else {
                    return Err(gone());
                };
                reports::delete_opinion(conn, *year, *id)?;
                Edit::InsertOpinion {
                    year: *year,
                    kind: *kind,
                    opinion: old,
                }
            }
            Edit::SetScheme { year, scheme } => {
                let old = store::scoring::scheme(conn, *year)?;
                let removed = store::scoring::set_scheme(conn, *year, scheme.as_ref())?;
                restore_scoring(*year, old, removed)
            }
            Edit::SetScores { year, changes } => Edit::SetScores {
                year: *year,
                changes: store::scoring::set_scores(conn, *year, changes)?,
            },
            Edit::CopyPreviousScheme(year) => {
                let (old, scores) = store::scoring::copy_previous_year(conn, *year)?;
                restore_scoring(*year, old, scores)
            }
            Edit::SetAwards {
                year,
                awards,
                label,
            } => Edit::SetAwards {
                year: *year,
                awards: store::awards::set(conn, *year, awards)?,
                label,
            },
            Edit::Steps { label, steps } => {
                let mut inverses = Vec::with_capacity(steps.len());
                for step in steps {
                    inverses.push(step.apply(conn)?);
                }
                // Undone in the opposite order: the last step first.
                inverses.reverse();
                Edit::Steps {
                    label,
                    steps: inverses,
                }
            }
            Edit::DeleteReport { year, kind } => {
                let (year, kind) = (*year, *kind);
                let Some(report) = reports::get(conn, year, kind)? else {
                    return Err(gone());
                };
                reports::delete(conn, year, kind)?;
                Edit::SaveReport { year, kind, report }
            }
        })
    }
}

/// The edit that puts back a scheme and the scores that went with it.
fn restore_scoring(year: Year, scheme: Option<Scheme>, scores: Vec<Score>) -> Edit {
    let set = Edit::SetScheme { year, scheme };
    if scores.is_empty() {
        return set;
    }
    let changes = scores.into_iter().map(ScoreChange::set).collect();
    Edit::Steps {
        label: "sửa bảng điểm",
        steps: vec![set, Edit::SetScores { year, changes }],
    }
}

/// The state of one of a year's reports, as [`Edit::stored_state`] gives it.
pub fn report_state(year: Year, kind: ReportKind, report: Option<Report>) -> Edit {
    match report {
        Some(report) => Edit::SaveReport { year, kind, report },
        None => Edit::DeleteReport { year, kind },
    }
}

/// The state of one of a year's reports' status, as [`Edit::stored_state`] gives it.
pub fn status_state(year: Year, kind: ReportKind, status: Option<ReportStatus>) -> Edit {
    match status {
        Some(status) => Edit::SetReportStatus { year, kind, status },
        None => Edit::DeleteReport { year, kind },
    }
}

/// The cells `changes` touch, as `scores` (a year in memory) hold them.
pub fn score_cells(scores: &[Score], changes: &[ScoreChange]) -> Vec<ScoreChange> {
    changes
        .iter()
        .map(|ch| ScoreChange {
            score: scores
                .iter()
                .find(|s| {
                    (s.member, s.criterion, s.stage, s.scorer)
                        == (ch.member, ch.criterion, ch.stage, ch.scorer)
                })
                .cloned(),
            ..ch.clone()
        })
        .collect()
}

fn gone() -> StoreError {
    StoreError::Invalid("Dữ liệu này không còn trong tệp (có thể đã bị xóa).".to_owned())
}

/// The indicators `ids` as stored, those still there, in the order of `ids`.
fn stored_rows(conn: &Connection, ids: &[i64]) -> store::Result<Vec<Indicator>> {
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        rows.extend(indicators::get(conn, *id)?);
    }
    Ok(rows)
}

/// The lineage keys of the indicators `ids` as stored, those still there.
fn stored_keys(
    conn: &Connection,
    ids: impl Iterator<Item = i64>,
) -> store::Result<Vec<(i64, Option<i64>)>> {
    let mut keys = Vec::new();
    for id in ids {
        keys.extend(indicators::get(conn, id)?.map(|ind| (id, ind.key)));
    }
    Ok(keys)
}

/// The names a member bears from `from_year` on, as stored.
fn names_from(
    conn: &Connection,
    member: MemberId,
    from_year: Year,
) -> store::Result<Option<MemberName>> {
    let Some(m) = members::list(conn)?.into_iter().find(|m| m.id == member) else {
        return Err(gone());
    };
    Ok(m.names.into_iter().find(|n| n.from_year == from_year))
}

/// One of a member's texts for the year, as stored (empty when it has none).
fn member_text(
    conn: &Connection,
    year: Year,
    member: MemberId,
    field: NarrativeField,
) -> store::Result<String> {
    Ok(years::narratives(conn, year)?
        .into_iter()
        .find(|n| n.member == member)
        .map(|n| n.field(field).to_owned())
        .unwrap_or_default())
}

/// A step of the undo or redo stack: its label, the edit that reverses it, and what the file
/// held, in that edit's [`Edit::stored_state`], right after the step (checked before reversing).
type Step = (&'static str, Edit, Option<Edit>);

/// The undo and redo stacks of one open file.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// Applies `edit` in one transaction, refused ([`StoreError::Stale`]) when the file no longer
/// holds `expected` (in `edit`'s [`Edit::stored_state`]); returns the edit that reverses it and
/// what the file then holds in that one's state.
fn apply_expecting(
    store: &mut Store,
    edit: &Edit,
    expected: Option<&Edit>,
) -> store::Result<(Edit, Option<Edit>)> {
    store.write(|tx| {
        if let Some(expected) = expected
            && edit.stored_state(tx)?.as_ref() != Some(expected)
        {
            return Err(StoreError::Stale);
        }
        let inverse = edit.apply(tx)?;
        let state = inverse.stored_state(tx)?;
        Ok((inverse, state))
    })
}

impl History {
    /// Applies `edit` in one transaction and records how to undo it. On error nothing changed.
    pub fn apply(&mut self, store: &mut Store, edit: &Edit) -> store::Result<()> {
        self.apply_read(store, edit, None)
    }

    /// [`History::apply`] of an edit made on what the window read: `read` is that value in
    /// the edit's [`Edit::stored_state`] (`YearView::read_state`); the edit is refused
    /// ([`StoreError::Stale`]) when the file no longer holds it.
    pub fn apply_read(
        &mut self,
        store: &mut Store,
        edit: &Edit,
        read: Option<&Edit>,
    ) -> store::Result<()> {
        let (inverse, state) = apply_expecting(store, edit, read)?;
        self.undo.push((edit.label(), inverse, state));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self, store: &mut Store) -> store::Result<Option<&'static str>> {
        let (from, to) = (&mut self.undo, &mut self.redo);
        Self::reverse(store, from, to)
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self, store: &mut Store) -> store::Result<Option<&'static str>> {
        let (from, to) = (&mut self.redo, &mut self.undo);
        Self::reverse(store, from, to)
    }

    /// Applies the last step of `from` and records its reverse on `to`, only while the file
    /// still holds what that step left.
    fn reverse(
        store: &mut Store,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> store::Result<Option<&'static str>> {
        let Some((label, edit, state)) = from.pop() else {
            return Ok(None);
        };
        match apply_expecting(store, &edit, state.as_ref()) {
            Ok((inverse, state)) => {
                to.push((label, inverse, state));
                Ok(Some(label))
            }
            // Another window or command changed what this step would put back: it can never
            // apply as it is, so it is dropped rather than blocking the older steps.
            Err(StoreError::Stale) => Err(StoreError::Stale),
            Err(e) => {
                from.push((label, edit, state));
                Err(e)
            }
        }
    }

    pub fn can_undo(&self) -> Option<&'static str> {
        self.undo.last().map(|(l, _, _)| *l)
    }

    pub fn can_redo(&self) -> Option<&'static str> {
        self.redo.last().map(|(l, _, _)| *l)
    }
}
