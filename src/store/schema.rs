//! The schema, as numbered migrations applied on `PRAGMA user_version`.
//!
//! Migration N takes a file from version N-1 to N and runs in one transaction together with the
//! version bump, so a file is always at exactly one known version. Never edit a migration that
//! has shipped: add a new one.

use rusqlite::Connection;

/// Marks a SQLite file as ours ("KTD1"), so a foreign database is recognised before we touch it.
pub const APPLICATION_ID: i32 = 0x4B54_4431;

/// Every migration, in order; `MIGRATIONS[i]` upgrades version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

/// The schema version this program writes.
pub const CURRENT_VERSION: i32 = MIGRATIONS.len() as i32;

const V1: &str = r#"
CREATE TABLE member (
    id            INTEGER PRIMARY KEY,
    position      INTEGER NOT NULL,              -- the bloc's order
    joined_year   INTEGER NOT NULL,
    left_year     INTEGER,                       -- first year no longer in the bloc
    merged_into   INTEGER REFERENCES member(id),
    head_name     TEXT NOT NULL DEFAULT '',
    head_title    TEXT NOT NULL DEFAULT '',
    contact_name  TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT ''
);

-- A unit's names belong to years: a row holds from `from_year` until a later row replaces it.
CREATE TABLE member_name (
    member_id     INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,
    from_year     INTEGER NOT NULL,
    full_name     TEXT NOT NULL CHECK (full_name <> ''),
    short_name    TEXT NOT NULL DEFAULT '',
    abbreviation  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (member_id, from_year)
);

CREATE TABLE year (
    year              INTEGER PRIMARY KEY,
    bloc_name         TEXT NOT NULL,
    province          TEXT NOT NULL DEFAULT '',
    place             TEXT NOT NULL DEFAULT '',
    leader_id         INTEGER REFERENCES member(id),
    deputy_id         INTEGER REFERENCES member(id),
    next_leader_id    INTEGER REFERENCES member(id),
    conference_date   TEXT,                      -- ISO 8601, 2020-12-16
    conference_venue  TEXT NOT NULL DEFAULT '',
    directions        TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handed_over'))
);

CREATE TABLE attendee (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    sort        INTEGER NOT NULL,
    member_id   INTEGER REFERENCES member(id),
    guest_body  TEXT NOT NULL DEFAULT '',
    person      TEXT NOT NULL DEFAULT '',
    position    TEXT NOT NULL DEFAULT '',
    CHECK (member_id IS NOT NULL OR guest_body <> '')
);

CREATE TABLE indicator (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES member(id),
    sort        INTEGER NOT NULL,
    group_name  TEXT NOT NULL DEFAULT '',
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    plan        REAL,
    result      REAL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_by_year ON indicator (year, member_id, sort);

CREATE TABLE narrative (
    year       INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    text       TEXT NOT NULL,
    PRIMARY KEY (year, member_id)
);

CREATE TABLE report (
    year            INTEGER PRIMARY KEY REFERENCES year(year) ON DELETE CASCADE,
    number          TEXT NOT NULL DEFAULT '',
    parent_body     TEXT NOT NULL DEFAULT '',
    issuing_body    TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL DEFAULT '',
    date            TEXT,
    doc_type        TEXT NOT NULL DEFAULT 'BÁO CÁO',
    subject         TEXT NOT NULL DEFAULT '',
    recipients      TEXT NOT NULL DEFAULT '',    -- one recipient per line
    sign_authority  TEXT NOT NULL DEFAULT '',
    sign_position   TEXT NOT NULL DEFAULT '',
    signer          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted'))
);

CREATE TABLE report_section (
    id       INTEGER PRIMARY KEY,
    year     INTEGER NOT NULL REFERENCES report(year) ON DELETE CASCADE,
    sort     INTEGER NOT NULL,
    heading  TEXT NOT NULL DEFAULT '',
    body     TEXT NOT NULL DEFAULT '',
    kind     TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'indicator_appendix'))
);

-- A saved version holds the whole report as JSON: it is only ever shown or restored whole.
CREATE TABLE report_version (
    id        INTEGER PRIMARY KEY,
    year      INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    content   TEXT NOT NULL
);

CREATE TABLE opinion (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    sort       INTEGER NOT NULL,
    member_id  INTEGER REFERENCES member(id),
    speaker    TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL,
    handling   TEXT NOT NULL DEFAULT 'pending' CHECK (handling IN ('pending', 'accepted', 'explained')),
    response   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE handover (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    from_member_id  INTEGER REFERENCES member(id),
    to_member_id    INTEGER NOT NULL REFERENCES member(id),
    date            TEXT NOT NULL,
    notes           TEXT NOT NULL DEFAULT '',
    file_name       TEXT NOT NULL DEFAULT '',
    file_hash       TEXT NOT NULL DEFAULT ''     -- SHA-256, hex
);

CREATE TABLE handover_item (
    id           INTEGER PRIMARY KEY,
    handover_id  INTEGER NOT NULL REFERENCES handover(id) ON DELETE CASCADE,
    sort         INTEGER NOT NULL,
    item         TEXT NOT NULL,
    quantity     TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
);
"#;

/// Locking and unlocking of years is kept as history: unlocking a handed-over year must be on
/// record for the next reader of the file.
const V2: &str = r#"
CREATE TABLE year_event (
    id      INTEGER PRIMARY KEY,
    year    INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    at      TEXT NOT NULL,                       -- local time, 2021-01-05 08:00:00
    action  TEXT NOT NULL CHECK (action IN ('lock', 'unlock')),
    note    TEXT NOT NULL DEFAULT ''
);
"#;

/// When the report was last exported to PDF, for the handover checklist.
const V3: &str = r#"
ALTER TABLE report ADD COLUMN exported_at TEXT;    -- local time, 2020-12-16 10:20:00
"#;

/// The conference record (times, chair, secretary, agenda, conclusions) and the news item.
const V4: &str = r#"
CREATE TABLE conference (
    year                INTEGER PRIMARY KEY REFERENCES year(year) ON DELETE CASCADE,
    start_time          TEXT NOT NULL DEFAULT '',    -- 14:00
    end_time            TEXT NOT NULL DEFAULT '',
    chair_name          TEXT NOT NULL DEFAULT '',
    chair_position      TEXT NOT NULL DEFAULT '',
    chair_unit          TEXT NOT NULL DEFAULT '',
    secretary_name      TEXT NOT NULL DEFAULT '',
    secretary_position  TEXT NOT NULL DEFAULT '',
    secretary_unit      TEXT NOT NULL DEFAULT '',
    agenda              TEXT NOT NULL DEFAULT '',    -- one item per line
    conclusions         TEXT NOT NULL DEFAULT '',
    news_author         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE news_item (
    year      INTEGER PRIMARY KEY REFERENCES year(year) ON DELETE CASCADE,
    headline  TEXT NOT NULL DEFAULT '',
    dateline  TEXT NOT NULL DEFAULT '',
    body      TEXT NOT NULL DEFAULT '',
    author    TEXT NOT NULL DEFAULT ''
);
"#;

/// What the documents around the conference need to read as finished papers: the movement's
/// basis document ("căn cứ"), the part of the day when no time was recorded, the photo caption
/// of the news item and the order in which it names the members.
const V5: &str = r#"
ALTER TABLE year ADD COLUMN basis TEXT NOT NULL DEFAULT '';
ALTER TABLE conference ADD COLUMN part_of_day TEXT NOT NULL DEFAULT ''
    CHECK (part_of_day IN ('', 'morning', 'afternoon'));
ALTER TABLE conference ADD COLUMN photo_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE conference ADD COLUMN news_order TEXT NOT NULL DEFAULT '';   -- member ids, "3 1 5"
"#;

/// Scoring: the year's score sheet (its bands and tie-break rules as JSON, since they are only
/// ever read and written whole), its criteria tree, and each member's score per criterion and
/// stage.
const V6: &str = r#"
CREATE TABLE score_scheme (
    year        INTEGER PRIMARY KEY REFERENCES year(year) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    basis       TEXT NOT NULL DEFAULT '',
    basis_date  TEXT,                            -- ISO 8601
    base_total  REAL NOT NULL,
    may_exceed  INTEGER NOT NULL DEFAULT 1,
    template    INTEGER NOT NULL DEFAULT 0,
    bands       TEXT NOT NULL DEFAULT '[]',      -- [{name, min_total}]
    tie_breaks  TEXT NOT NULL DEFAULT '[]'       -- ["fewer_deductions", {"group_score": 1}, ...]
);

CREATE TABLE criterion (
    year       INTEGER NOT NULL REFERENCES score_scheme(year) ON DELETE CASCADE,
    id         INTEGER NOT NULL,                 -- stable within the year's scheme
    parent_id  INTEGER,
    sort       INTEGER NOT NULL,
    code       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    max        REAL NOT NULL,                    -- standard score, or the cap of a bonus/deduction
    kind       TEXT NOT NULL CHECK (kind IN ('entered', 'indicator', 'bonus', 'deduction')),
    per        REAL,                             -- bonus/deduction per occurrence
    indicator  TEXT NOT NULL DEFAULT '',         -- indicator name ('' = all the member's)
    formula    TEXT,                             -- JSON of the formula, for kind 'indicator'
    checker    TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, id)
);

CREATE TABLE score (
    year          INTEGER NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES member(id),
    criterion_id  INTEGER NOT NULL,
    stage         TEXT NOT NULL CHECK (stage IN ('self', 'bloc', 'final')),
    value         REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, member_id, criterion_id, stage),
    FOREIGN KEY (year, criterion_id) REFERENCES criterion(year, id) ON DELETE CASCADE
);
"#;

/// Award proposals: the year's award catalogue (quota and vote threshold as data), the
/// nominations with the decision that comes back, the vote rounds with their totals (never a
/// ballot: votes are secret), and the counting committee.
const V7: &str = r#"
CREATE TABLE award (
    year               INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    id                 INTEGER NOT NULL,         -- stable within the year, kept at handover
    sort               INTEGER NOT NULL,
    name               TEXT NOT NULL CHECK (name <> ''),
    level              TEXT NOT NULL DEFAULT '',
    basis              TEXT NOT NULL DEFAULT '',
    quota_kind         TEXT NOT NULL CHECK (quota_kind IN ('count', 'share')),
    quota              REAL NOT NULL,            -- a count, or a percentage of the members
    threshold_percent  REAL NOT NULL,
    threshold_of       TEXT NOT NULL CHECK (threshold_of IN ('present', 'members')),
    threshold_strict   INTEGER NOT NULL,         -- 1: "trên", 0: "từ … trở lên"
    eligibility        TEXT NOT NULL CHECK (eligibility IN ('any', 'ranked', 'leading')),
    suggest            INTEGER NOT NULL DEFAULT 1,
    template           INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (year, id)
);

CREATE TABLE nomination (
    year             INTEGER NOT NULL,
    award_id         INTEGER NOT NULL,
    member_id        INTEGER NOT NULL REFERENCES member(id),
    sort             INTEGER NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    decision_number  TEXT NOT NULL DEFAULT '',
    decision_date    TEXT,                       -- ISO 8601
    decision_issuer  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, award_id, member_id),
    FOREIGN KEY (year, award_id) REFERENCES award(year, id) ON DELETE CASCADE
);

CREATE TABLE vote_round (
    year      INTEGER NOT NULL,
    award_id  INTEGER NOT NULL,
    round     INTEGER NOT NULL CHECK (round > 0),
    members   INTEGER NOT NULL CHECK (members >= 0),
    present   INTEGER NOT NULL CHECK (present >= 0),
    issued    INTEGER NOT NULL CHECK (issued >= 0),
    returned  INTEGER NOT NULL CHECK (returned >= 0),
    valid     INTEGER NOT NULL CHECK (valid >= 0),
    PRIMARY KEY (year, award_id, round),
    FOREIGN KEY (year, award_id) REFERENCES award(year, id) ON DELETE CASCADE
);

CREATE TABLE vote_total (
    year       INTEGER NOT NULL,
    award_id   INTEGER NOT NULL,
    round      INTEGER NOT NULL,
    member_id  INTEGER NOT NULL REFERENCES member(id),
    votes      INTEGER NOT NULL CHECK (votes >= 0),
    PRIMARY KEY (year, award_id, round, member_id),
    FOREIGN KEY (year, award_id, round) REFERENCES vote_round(year, award_id, round) ON DELETE CASCADE
);

CREATE TABLE vote_committee (
    year      INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    sort      INTEGER NOT NULL,
    name      TEXT NOT NULL DEFAULT '',
    position  TEXT NOT NULL DEFAULT '',
    unit      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, sort)
);
"#;

/// Cross-scoring (chấm chéo): a bloc-stage score may be given by one member to another, so a
/// score is keyed by its scorer too (0: the member itself, or the bloc as a whole). SQLite
/// cannot change a primary key, so the table is rebuilt with its rows. The scheme says whether
/// the bloc cross-scores and whether the secretariat signs the ranked table; a bonus criterion
/// may name the award it counts from the year before. A plan may be typed as text ("Trên 4",
/// "6,6-6,8", "Không để xảy ra"), kept beside its reference figure. A member registers its key
/// works for the pledge beside its paragraph of achievements, and an indicator keeps the result
/// of the first six months beside the year's. An indicator keeps the id of the first year's
/// indicator it descends from (`key`, NULL for a new one), so that its history can be followed
/// across years, with an index for that query.
const V8: &str = r#"
CREATE TABLE score_v8 (
    year          INTEGER NOT NULL,
    member_id     INTEGER NOT NULL REFERENCES member(id),
    criterion_id  INTEGER NOT NULL,
    stage         TEXT NOT NULL CHECK (stage IN ('self', 'bloc', 'final')),
    scorer_id     INTEGER NOT NULL DEFAULT 0 CHECK (scorer_id = 0 OR (stage = 'bloc' AND scorer_id <> member_id)),
    value         REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, member_id, criterion_id, stage, scorer_id),
    FOREIGN KEY (year, criterion_id) REFERENCES criterion(year, id) ON DELETE CASCADE
);
INSERT INTO score_v8 (year, member_id, criterion_id, stage, value, note, evidence)
    SELECT year, member_id, criterion_id, stage, value, note, evidence FROM score;
DROP TABLE score;
ALTER TABLE score_v8 RENAME TO score;
ALTER TABLE score_scheme ADD COLUMN cross_scoring INTEGER NOT NULL DEFAULT 0;
ALTER TABLE score_scheme ADD COLUMN secretariat_signs INTEGER NOT NULL DEFAULT 0;
ALTER TABLE criterion ADD COLUMN award TEXT NOT NULL DEFAULT '';  -- a bonus counted from last year's awards
ALTER TABLE indicator ADD COLUMN plan_text TEXT NOT NULL DEFAULT '';  -- "Trên 4", "6,6-6,8"; '' for a number
ALTER TABLE narrative ADD COLUMN key_works TEXT NOT NULL DEFAULT '';   -- the pledge's key works, one per line
ALTER TABLE indicator ADD COLUMN midyear REAL;                         -- the result of the first six months
ALTER TABLE indicator ADD COLUMN key INTEGER;                          -- the first year's indicator it descends from
CREATE INDEX indicator_key ON indicator(key);
"#;

/// A year has more than one report: the year-end summary (`year_end`, every report before this
/// version), the review of the first six months (`midyear`) and the year's plan (`plan`), each
/// with its sections, versions, opinions and conference record. The report and the conference
/// are keyed by year and kind, so both tables are rebuilt (SQLite cannot change a primary key), the sections with
/// them since they refer to the report; the children are rebuilt before their parent is dropped,
/// so that the foreign keys never cascade. A conference other than the year-end one keeps its
/// own date and venue (the year-end one's stay on `year`), and its own attendance list (an
/// attendee row keyed by the conference's kind, every existing row the year-end one's). A year
/// has dated milestones (the pledge, the deadlines for figures, the reviews, the handover).
const V9: &str = r#"
CREATE TABLE report_v9 (
    year            INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    report_kind     TEXT NOT NULL DEFAULT 'year_end' CHECK (report_kind IN ('year_end', 'midyear', 'plan')),
    number          TEXT NOT NULL DEFAULT '',
    parent_body     TEXT NOT NULL DEFAULT '',
    issuing_body    TEXT NOT NULL DEFAULT '',
    place           TEXT NOT NULL DEFAULT '',
    date            TEXT,
    doc_type        TEXT NOT NULL DEFAULT 'BÁO CÁO',
    subject         TEXT NOT NULL DEFAULT '',
    recipients      TEXT NOT NULL DEFAULT '',
    sign_authority  TEXT NOT NULL DEFAULT '',
    sign_position   TEXT NOT NULL DEFAULT '',
    signer          TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'adopted')),
    exported_at     TEXT,
    PRIMARY KEY (year, report_kind)
);
INSERT INTO report_v9 (year, report_kind, number, parent_body, issuing_body, place, date,
        doc_type, subject, recipients, sign_authority, sign_position, signer, status, exported_at)
    SELECT year, 'year_end', number, parent_body, issuing_body, place, date, doc_type, subject,
        recipients, sign_authority, sign_position, signer, status, exported_at FROM report;

CREATE TABLE report_section_v9 (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    report_kind  TEXT NOT NULL DEFAULT 'year_end',
    sort         INTEGER NOT NULL,
    heading      TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT 'text' CHECK (kind IN ('text', 'indicator_appendix')),
    FOREIGN KEY (year, report_kind) REFERENCES report_v9(year, report_kind) ON DELETE CASCADE
);
INSERT INTO report_section_v9 (id, year, report_kind, sort, heading, body, kind)
    SELECT id, year, 'year_end', sort, heading, body, kind FROM report_section;
DROP TABLE report_section;
DROP TABLE report;
ALTER TABLE report_v9 RENAME TO report;
ALTER TABLE report_section_v9 RENAME TO report_section;

ALTER TABLE report_version ADD COLUMN report_kind TEXT NOT NULL DEFAULT 'year_end'
    CHECK (report_kind IN ('year_end', 'midyear', 'plan'));
ALTER TABLE opinion ADD COLUMN report_kind TEXT NOT NULL DEFAULT 'year_end'
    CHECK (report_kind IN ('year_end', 'midyear', 'plan'));

CREATE TABLE conference_v9 (
    year                INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    report_kind         TEXT NOT NULL DEFAULT 'year_end' CHECK (report_kind IN ('year_end', 'midyear', 'plan')),
    start_time          TEXT NOT NULL DEFAULT '',
    end_time            TEXT NOT NULL DEFAULT '',
    chair_name          TEXT NOT NULL DEFAULT '',
    chair_position      TEXT NOT NULL DEFAULT '',
    chair_unit          TEXT NOT NULL DEFAULT '',
    secretary_name      TEXT NOT NULL DEFAULT '',
    secretary_position  TEXT NOT NULL DEFAULT '',
    secretary_unit      TEXT NOT NULL DEFAULT '',
    agenda              TEXT NOT NULL DEFAULT '',
    conclusions         TEXT NOT NULL DEFAULT '',
    news_author         TEXT NOT NULL DEFAULT '',
    part_of_day         TEXT NOT NULL DEFAULT '' CHECK (part_of_day IN ('', 'morning', 'afternoon')),
    photo_caption       TEXT NOT NULL DEFAULT '',
    news_order          TEXT NOT NULL DEFAULT '',
    date                TEXT,                        -- ISO 8601; not for the year-end kind
    venue               TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, report_kind)
);
INSERT INTO conference_v9 (year, report_kind, start_time, end_time, chair_name, chair_position,
        chair_unit, secretary_name, secretary_position, secretary_unit, agenda, conclusions,
        news_author, part_of_day, photo_caption, news_order)
    SELECT year, 'year_end', start_time, end_time, chair_name, chair_position, chair_unit,
        secretary_name, secretary_position, secretary_unit, agenda, conclusions, news_author,
        part_of_day, photo_caption, news_order FROM conference;
DROP TABLE conference;
ALTER TABLE conference_v9 RENAME TO conference;

CREATE TABLE milestone (
    year  INTEGER NOT NULL REFERENCES year(year) ON DELETE CASCADE,
    kind  TEXT NOT NULL CHECK (kind IN ('pledge', 'midyear_figures', 'midyear_review',
                                        'year_figures', 'year_end_review', 'handover')),
    date  TEXT NOT NULL,                         -- ISO 8601
    PRIMARY KEY (year, kind)
);

ALTER TABLE attendee ADD COLUMN report_kind TEXT NOT NULL DEFAULT 'year_end'
    CHECK (report_kind IN ('year_end', 'midyear', 'plan'));
"#;

/// Applies every migration after `from` up to `to`, each with its version bump in one
/// transaction. Returns the version reached.
pub fn migrate(conn: &mut Connection, from: i32, to: i32) -> rusqlite::Result<i32> {
    let mut version = from;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let target = i as i32 + 1;
        if target <= from || target > to {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", target)?;
        tx.commit()?;
        version = target;
    }
    Ok(version)
}
