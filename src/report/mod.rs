//! The report: composing a draft from the year's data, the document model of an official
//! Vietnamese document, its layout (line breaking, justification, pagination, tables) and the
//! PDF and Word (.docx) writers, all in the Decree 30/2020/NĐ-CP layout.

pub mod awards;
pub mod compose;
pub mod conference;
pub mod document;
pub mod docx;
pub mod fonts;
pub mod guide;
pub mod handover_minutes;
pub mod layout;
pub mod pdf;
pub mod plan;
pub mod pledge;
pub mod rollup;
pub mod scores;
pub mod summary;

/// Escapes text for HTML or XML element content and attribute values (the news item's
/// HTML, the .docx parts).
pub(crate) fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod test_support;
