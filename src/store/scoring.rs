//! The year's score sheet and scores. A scheme is read and written whole (it is small, and the
//! window edits it as one value); scores are written cell by cell. Removing a criterion removes
//! its scores (the caller keeps them for undo).

use super::{Result, StoreError, ensure_open, iso_date, nfc, parse_iso_date};
use crate::domain::Year;
use crate::domain::scoring::{
    Criterion, CriterionKind, Formula, Scheme, Score, ScoreChange, Stage, YearScoring, check_score,
};
use rusqlite::{Connection, OptionalExtension, params};

fn bad_value(what: &str) -> StoreError {
    StoreError::Invalid(format!(
        "Tệp dữ liệu có {what} của bảng điểm không đọc được, có thể tệp đã bị chương trình khác sửa. Hãy khôi phục từ bản sao lưu hoặc xin lại tệp."
    ))
}

/// The year's scheme, if one was adopted.
pub fn scheme(conn: &Connection, year: Year) -> Result<Option<Scheme>> {
    let head = conn
        .query_row(
            "SELECT name, basis, basis_date, base_total, may_exceed, template, bands, tie_breaks,
                    cross_scoring, secretariat_signs
             FROM score_scheme WHERE year = ?1",
            [year],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, bool>(4)?,
                    r.get::<_, bool>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, bool>(8)?,
                    r.get::<_, bool>(9)?,
                ))
            },
        )
        .optional()?;
    let Some((
        name,
        basis,
        basis_date,
        base_total,
        may_exceed,
        template,
        bands,
        ties,
        cross_scoring,
        secretariat_signs,
    )) = head
    else {
        return Ok(None);
    };
    let bands = serde_json::from_str(&bands).map_err(|_| bad_value("mức xếp loại"))?;
    let tie_breaks = serde_json::from_str(&ties).map_err(|_| bad_value("tiêu chí phụ xếp hạng"))?;
    let mut stmt = conn.prepare(
        "SELECT id, parent_id, sort, code, title, max, kind, per, indicator, formula, checker, evidence,
                award
         FROM criterion WHERE year = ?1 ORDER BY sort, id",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok((
                Criterion {
                    id: r.get(0)?,
                    parent: r.get(1)?,
                    sort: r.get(2)?,
                    code: r.get(3)?,
                    title: r.get(4)?,
                    max: r.get(5)?,
                    kind: CriterionKind::Entered,
                    checker: r.get(10)?,
                    evidence: r.get(11)?,
                },
                r.get::<_, String>(6)?,
                r.get::<_, Option<f64>>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, String>(12)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut criteria = Vec::with_capacity(rows.len());
    for (mut c, kind, per, indicator, formula, award) in rows {
        c.kind = match kind.as_str() {
            "indicator" => {
                let formula: Formula = formula
                    .as_deref()
                    .and_then(|f| serde_json::from_str(f).ok())
                    .ok_or_else(|| bad_value("công thức tính điểm"))?;
                CriterionKind::Indicator { indicator, formula }
            }
            "bonus" => CriterionKind::Bonus {
                per: per.unwrap_or(0.0),
                award,
            },
            "deduction" => CriterionKind::Deduction {
                per: per.unwrap_or(0.0),
            },
            _ => CriterionKind::Entered,
        };
        criteria.push(c);
    }
    Ok(Some(Scheme {
        name,
        basis,
        basis_date: parse_iso_date(basis_date),
        base_total,
        may_exceed,
        template,
        bands,
        tie_breaks,
        cross_scoring,
        secretariat_signs,
        criteria,
    }))
}

/// A score's scorer as stored: 0 for none.
fn scorer_of(id: i64) -> Option<crate::domain::MemberId> {
    (id != 0).then_some(id)
}

/// Every score of the year.
pub fn scores(conn: &Connection, year: Year) -> Result<Vec<Score>> {
    let mut stmt = conn.prepare(
        "SELECT member_id, criterion_id, stage, value, note, evidence, scorer_id FROM score
         WHERE year = ?1 ORDER BY member_id, criterion_id, stage, scorer_id",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, f64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::with_capacity(rows.len());
    for (member, criterion, stage, value, note, evidence, scorer) in rows {
        let Some(stage) = Stage::parse(&stage) else {
            return Err(bad_value("giai đoạn chấm"));
        };
        out.push(Score {
            member,
            criterion,
            stage,
            value,
            note,
            evidence,
            scorer: scorer_of(scorer),
        });
    }
    Ok(out)
}

/// The cells `changes` touch, as stored (each looked up by its key, not the whole sheet read).
pub fn cells(conn: &Connection, year: Year, changes: &[ScoreChange]) -> Result<Vec<ScoreChange>> {
    changes
        .iter()
        .map(|ch| {
            Ok(ScoreChange {
                score: one(conn, year, ch)?,
                ..ch.clone()
            })
        })
        .collect()
}

/// The year's scheme and scores.
pub fn get(conn: &Connection, year: Year) -> Result<YearScoring> {
    Ok(YearScoring {
        scheme: scheme(conn, year)?,
        scores: scores(conn, year)?,
    })
}

/// Replaces the year's scheme (`None` removes it). Criteria keep their ids, so scores of the
/// criteria still there stay; the scores of criteria that are gone are removed and returned.
pub fn set_scheme(conn: &Connection, year: Year, new: Option<&Scheme>) -> Result<Vec<Score>> {
    ensure_open(conn, year)?;
    let old = scores(conn, year)?;
    let Some(s) = new else {
        conn.execute("DELETE FROM score WHERE year = ?1", [year])?;
        conn.execute("DELETE FROM score_scheme WHERE year = ?1", [year])?;
        return Ok(old);
    };
    s.check().map_err(StoreError::Invalid)?;
    conn.execute(
        "INSERT INTO score_scheme (year, name, basis, basis_date, base_total, may_exceed, template, bands, tie_breaks,
                                   cross_scoring, secretariat_signs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (year) DO UPDATE SET name = excluded.name, basis = excluded.basis,
             basis_date = excluded.basis_date, base_total = excluded.base_total,
             may_exceed = excluded.may_exceed, template = excluded.template,
             bands = excluded.bands, tie_breaks = excluded.tie_breaks,
             cross_scoring = excluded.cross_scoring, secretariat_signs = excluded.secretariat_signs",
        params![
            year,
            nfc(s.name.trim()),
            nfc(s.basis.trim()),
            iso_date(s.basis_date),
            s.base_total,
            s.may_exceed,
            s.template,
            nfc(&to_json(&s.bands)?),
            to_json(&s.tie_breaks)?,
            s.cross_scoring,
            s.secretariat_signs,
        ],
    )?;
    let removed: Vec<Score> = old
        .into_iter()
        .filter(|sc| s.criterion(sc.criterion).is_none())
        .collect();
    // Scores of removed criteria go with them (ON DELETE CASCADE), so the rows are replaced
    // only for criteria that are gone; the rest are updated in place.
    let keep: Vec<String> = s.criteria.iter().map(|c| c.id.to_string()).collect();
    conn.execute(
        &format!(
            "DELETE FROM criterion WHERE year = ?1 AND id NOT IN ({})",
            if keep.is_empty() {
                "NULL".to_owned()
            } else {
                keep.join(",")
            }
        ),
        [year],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO criterion (year, id, parent_id, sort, code, title, max, kind, per, indicator, formula, checker, evidence, award)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (year, id) DO UPDATE SET parent_id = excluded.parent_id, sort = excluded.sort,
             code = excluded.code, title = excluded.title, max = excluded.max, kind = excluded.kind,
             per = excluded.per, indicator = excluded.indicator, formula = excluded.formula,
             checker = excluded.checker, evidence = excluded.evidence, award = excluded.award",
    )?;
    for c in &s.criteria {
        let mut award = String::new();
        let (kind, per, indicator, formula) = match &c.kind {
            CriterionKind::Entered => ("entered", None, String::new(), None),
            CriterionKind::Indicator { indicator, formula } => (
                "indicator",
                None,
                nfc(indicator.trim()),
                Some(to_json(formula)?),
            ),
            CriterionKind::Bonus { per, award: a } => {
                award = nfc(a.trim());
                ("bonus", Some(*per), String::new(), None)
            }
            CriterionKind::Deduction { per } => ("deduction", Some(*per), String::new(), None),
        };
        stmt.execute(params![
            year,
            c.id,
            c.parent,
            c.sort,
            nfc(c.code.trim()),
            nfc(c.title.trim()),
            c.max,
            kind,
            per,
            indicator,
            formula,
            nfc(c.checker.trim()),
            nfc(c.evidence.trim()),
            award,
        ])?;
    }
    Ok(removed)
}

/// One of the small JSON columns (bands, tie-break rules, a formula).
fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| StoreError::Invalid(format!("Không ghi được bảng điểm ({e}).")))
}

/// Sets or empties cells; returns the changes that undo them. Each value is checked against
/// its criterion (a score over the standard or a deduction over its cap is refused).
pub fn set_scores(
    conn: &Connection,
    year: Year,
    changes: &[ScoreChange],
) -> Result<Vec<ScoreChange>> {
    ensure_open(conn, year)?;
    let Some(s) = scheme(conn, year)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {year} chưa có bảng điểm. Hãy áp dụng bảng điểm mẫu hoặc chép bảng điểm năm trước."
        )));
    };
    let mut undo = Vec::with_capacity(changes.len());
    for ch in changes {
        let Some(c) = s.criterion(ch.criterion) else {
            return Err(StoreError::Invalid(
                "Tiêu chí này không còn trong bảng điểm.".to_owned(),
            ));
        };
        if s.has_children(c.id) {
            return Err(StoreError::Invalid(format!(
                "Mục “{}” là nhóm: điểm của nhóm là tổng các mục con, không chấm trực tiếp.",
                c.title
            )));
        }
        Score::check_scorer(ch.member, ch.stage, ch.scorer).map_err(StoreError::Invalid)?;
        if let Some(by) = ch.scorer {
            let known: bool = conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM member WHERE id = ?1)")?
                .query_row([by], |r| r.get(0))?;
            if !known {
                return Err(StoreError::Invalid(format!(
                    "Điểm chấm chéo ghi đơn vị chấm số {by}, nhưng không có đơn vị nào như vậy."
                )));
            }
        }
        let old = one(conn, year, ch)?;
        let scorer = ch.scorer.unwrap_or(0);
        match &ch.score {
            Some(sc) => {
                check_score(c, sc.value).map_err(StoreError::Invalid)?;
                conn.prepare_cached(
                    "INSERT INTO score (year, member_id, criterion_id, stage, scorer_id, value, note, evidence)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT (year, member_id, criterion_id, stage, scorer_id) DO UPDATE SET
                         value = excluded.value, note = excluded.note, evidence = excluded.evidence",
                )?
                .execute(params![
                    year,
                    ch.member,
                    ch.criterion,
                    ch.stage.as_str(),
                    scorer,
                    sc.value,
                    nfc(sc.note.trim()),
                    nfc(sc.evidence.trim()),
                ])?;
            }
            None => {
                conn.prepare_cached(
                    "DELETE FROM score WHERE year = ?1 AND member_id = ?2 AND criterion_id = ?3 AND stage = ?4
                         AND scorer_id = ?5",
                )?
                .execute(params![year, ch.member, ch.criterion, ch.stage.as_str(), scorer])?;
            }
        }
        undo.push(ScoreChange {
            score: old,
            ..ch.clone()
        });
    }
    undo.reverse();
    Ok(undo)
}

fn one(conn: &Connection, year: Year, ch: &ScoreChange) -> Result<Option<Score>> {
    Ok(conn
        .prepare_cached(
            "SELECT value, note, evidence FROM score
             WHERE year = ?1 AND member_id = ?2 AND criterion_id = ?3 AND stage = ?4
                 AND scorer_id = ?5",
        )?
        .query_row(
            params![
                year,
                ch.member,
                ch.criterion,
                ch.stage.as_str(),
                ch.scorer.unwrap_or(0)
            ],
            |r| {
                Ok(Score {
                    member: ch.member,
                    criterion: ch.criterion,
                    stage: ch.stage,
                    value: r.get(0)?,
                    note: r.get(1)?,
                    evidence: r.get(2)?,
                    scorer: ch.scorer,
                })
            },
        )
        .optional()?)
}

/// Restores scores as they were (an import, the undo of removing criteria).
pub fn insert_scores(conn: &Connection, year: Year, scores: &[Score]) -> Result<()> {
    let changes: Vec<ScoreChange> = scores.iter().cloned().map(ScoreChange::set).collect();
    set_scores(conn, year, &changes).map(|_| ())
}

/// Copies the scheme of the year before `year` into `year` (not the scores), replacing any
/// scheme `year` had. Returns the scheme `year` had and the scores that went with it, for undo.
pub fn copy_previous_year(conn: &Connection, year: Year) -> Result<(Option<Scheme>, Vec<Score>)> {
    ensure_open(conn, year)?;
    let Some(mut previous) = scheme(conn, year - 1)? else {
        return Err(StoreError::Invalid(format!(
            "Năm {} chưa có bảng điểm để chép.",
            year - 1
        )));
    };
    let old = scheme(conn, year)?;
    let old_scores = scores(conn, year)?;
    previous.name = previous
        .name
        .replace(&(year - 1).to_string(), &year.to_string());
    conn.execute("DELETE FROM score WHERE year = ?1", [year])?;
    set_scheme(conn, year, Some(&previous))?;
    Ok((old, old_scores))
}
