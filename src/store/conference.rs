//! The conference record of each of a year's reports (the year-end conference, the mid-year
//! review's) and the year-end news item.

use super::{Result, ensure_open, iso_date, nfc, parse_iso_date};
use crate::domain::{Conference, NewsItem, PartOfDay, Person, ReportKind, Year};
use rusqlite::{Connection, OptionalExtension, params};

/// The conference record of the year's report of `kind` (empty when none was entered yet).
pub fn get(conn: &Connection, year: Year, kind: ReportKind) -> Result<Conference> {
    Ok(conn
        .query_row(
            "SELECT start_time, end_time, chair_name, chair_position, chair_unit,
                    secretary_name, secretary_position, secretary_unit, agenda, conclusions,
                    news_author, part_of_day, photo_caption, news_order, date, venue
             FROM conference WHERE year = ?1 AND report_kind = ?2",
            params![year, kind.as_str()],
            |r| {
                Ok(Conference {
                    start_time: r.get(0)?,
                    end_time: r.get(1)?,
                    chair: Person {
                        name: r.get(2)?,
                        position: r.get(3)?,
                        unit: r.get(4)?,
                    },
                    secretary: Person {
                        name: r.get(5)?,
                        position: r.get(6)?,
                        unit: r.get(7)?,
                    },
                    agenda: r.get(8)?,
                    conclusions: r.get(9)?,
                    news_author: r.get(10)?,
                    part_of_day: PartOfDay::parse(&r.get::<_, String>(11)?),
                    photo_caption: r.get(12)?,
                    news_order: r
                        .get::<_, String>(13)?
                        .split_whitespace()
                        .filter_map(|id| id.parse().ok())
                        .collect(),
                    date: parse_iso_date(r.get(14)?),
                    venue: r.get(15)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub fn set(conn: &Connection, year: Year, kind: ReportKind, c: &Conference) -> Result<()> {
    ensure_open(conn, year)?;
    conn.execute(
        "INSERT INTO conference (year, start_time, end_time, chair_name, chair_position,
                chair_unit, secretary_name, secretary_position, secretary_unit, agenda,
                conclusions, news_author, part_of_day, photo_caption, news_order, date, venue,
                report_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
         ON CONFLICT (year, report_kind) DO UPDATE SET
            start_time = excluded.start_time, end_time = excluded.end_time,
            chair_name = excluded.chair_name, chair_position = excluded.chair_position,
            chair_unit = excluded.chair_unit, secretary_name = excluded.secretary_name,
            secretary_position = excluded.secretary_position,
            secretary_unit = excluded.secretary_unit, agenda = excluded.agenda,
            conclusions = excluded.conclusions, news_author = excluded.news_author,
            part_of_day = excluded.part_of_day, photo_caption = excluded.photo_caption,
            news_order = excluded.news_order, date = excluded.date, venue = excluded.venue",
        params![
            year,
            nfc(c.start_time.trim()),
            nfc(c.end_time.trim()),
            nfc(c.chair.name.trim()),
            nfc(c.chair.position.trim()),
            nfc(c.chair.unit.trim()),
            nfc(c.secretary.name.trim()),
            nfc(c.secretary.position.trim()),
            nfc(c.secretary.unit.trim()),
            nfc(&c.agenda),
            nfc(&c.conclusions),
            nfc(c.news_author.trim()),
            c.part_of_day.as_str(),
            nfc(c.photo_caption.trim()),
            c.news_order
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
                .join(" "),
            iso_date(c.date),
            nfc(c.venue.trim()),
            kind.as_str(),
        ],
    )?;
    Ok(())
}

pub fn news(conn: &Connection, year: Year) -> Result<Option<NewsItem>> {
    Ok(conn
        .query_row(
            "SELECT headline, dateline, body, author FROM news_item WHERE year = ?1",
            [year],
            |r| {
                Ok(NewsItem {
                    headline: r.get(0)?,
                    dateline: r.get(1)?,
                    body: r.get(2)?,
                    author: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Saves the edited news item; `None` removes it (so it is composed afresh from the data).
pub fn set_news(conn: &Connection, year: Year, news: Option<&NewsItem>) -> Result<()> {
    ensure_open(conn, year)?;
    match news {
        None => {
            conn.execute("DELETE FROM news_item WHERE year = ?1", [year])?;
        }
        Some(n) => {
            conn.execute(
                "INSERT INTO news_item (year, headline, dateline, body, author)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (year) DO UPDATE SET headline = excluded.headline,
                    dateline = excluded.dateline, body = excluded.body, author = excluded.author",
                params![
                    year,
                    nfc(n.headline.trim()),
                    nfc(n.dateline.trim()),
                    nfc(&n.body),
                    nfc(n.author.trim())
                ],
            )?;
        }
    }
    Ok(())
}
