//! Limits no real bloc reaches, so that a hostile or broken file is refused with a message
//! instead of exhausting the PC's memory. A year-end report is a few dozen pages, a bloc has
//! a few dozen members with tens of indicators each; these leave a hundredfold margin.

/// Characters in one text field (a narrative, a report section, a note): about 300 pages.
pub const MAX_TEXT_CHARS: usize = 1_000_000;

/// Indicators in one year (a real bloc: hundreds; the benchmarks: 12.000).
pub const MAX_INDICATORS_PER_YEAR: usize = 100_000;

/// Size of a JSON exchange file (the 240.000-indicator benchmark file is well under this).
pub const MAX_JSON_BYTES: u64 = 512 * 1024 * 1024;

/// Characters of text in one printed document (the 12.000-indicator report: about 1,5 million).
pub const MAX_DOCUMENT_CHARS: usize = 20_000_000;
