//! The report: composing a draft from the year's data, the document model of an official
//! Vietnamese document, its layout (line breaking, justification, pagination, tables) and the
//! PDF and Word (.docx) writers, all in the Decree 30/2020/NĐ-CP layout.

pub mod awards;
pub mod compose;
pub mod conference;
pub mod document;
pub mod docx;
pub mod fonts;
pub mod handover_minutes;
pub mod layout;
pub mod pdf;
pub mod scores;
pub mod summary;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
pub(crate) mod test_support;
