//! The measurements of the Decree 30/2020/NĐ-CP layout: the A4 page and its margins,
//! type sizes, line pitches, gaps and rule weights. They live together, apart from the
//! code that uses them, so that the whole page geometry can be checked against the decree
//! in one place. Public ones are re-exported from the layout module for the PDF writer and
//! the tests; the rest are internal to the layout engine.

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Width of a portrait A4 page in points.
pub const A4_WIDTH: f32 = 210.0 * MM;
/// Height of a portrait A4 page in points.
pub const A4_HEIGHT: f32 = 297.0 * MM;
/// Top margin (Decree 30: 20–25 mm).
pub const MARGIN_TOP: f32 = 20.0 * MM;
/// Bottom margin (Decree 30: 20–25 mm).
pub const MARGIN_BOTTOM: f32 = 20.0 * MM;
/// Left margin (Decree 30: 30–35 mm), the binding edge.
pub const MARGIN_LEFT: f32 = 30.0 * MM;
/// Right margin (Decree 30: 15–20 mm).
pub const MARGIN_RIGHT: f32 = 15.0 * MM;

/// Body text size.
pub const BODY_SIZE: f32 = 14.0;
/// Body line pitch as a multiple of the font size: 18 pt at 14 pt, like a Word document
/// set to "exactly 18 pt".
pub const BODY_LEADING: f32 = 18.0 / 14.0;
/// Size of a plain article's headline.
pub(super) const HEADLINE_SIZE: f32 = 16.0;

/// Line pitch of the header block, table cells and the closing, which are set solid.
pub(super) const TIGHT_LEADING: f32 = 1.2;
/// Space between paragraphs (Decree 30: at least 6 pt).
pub const PARAGRAPH_GAP: f32 = 6.0;
/// First-line indent of body paragraphs: 1,27 cm.
pub const FIRST_LINE_INDENT: f32 = 12.7 * MM;
/// Size of the agency names, the national title and the number.
pub(super) const HEADER_SIZE: f32 = 13.0;
/// Size of the page numbers.
pub const PAGE_NUMBER_SIZE: f32 = 13.0;
/// Width of the left header column (agency), as a share of the text width.
pub(super) const HEADER_LEFT_SHARE: f32 = 0.4;
/// Thickness of the rules under the header lines.
pub(super) const HEADER_RULE: f32 = 0.6;
/// Thickness of table rules ("thin lines").
pub(super) const TABLE_RULE: f32 = 0.5;
/// Inner padding of table cells.
pub(super) const CELL_PAD_X: f32 = 4.0;
pub(super) const CELL_PAD_Y: f32 = 2.5;
/// Size of table captions.
pub(super) const CAPTION_SIZE: f32 = 14.0;
/// Size of the italic line under a table caption.
pub(super) const SUBTITLE_SIZE: f32 = 13.0;
/// Vertical room left for the handwritten signature and the seal.
pub(super) const SIGNATURE_SPACE: f32 = 25.0 * MM;
/// Space between the last body block and the closing.
pub(super) const CLOSING_GAP: f32 = 18.0;
/// Thickness of the box around the "DỰ THẢO" mark.
pub(super) const DRAFT_BOX_RULE: f32 = 0.8;
/// Grey level of the diagonal "DỰ THẢO" (0 black, 1 white): faint enough to read through.
pub(super) const DRAFT_DIAGONAL_GREY: f32 = 0.85;
/// Tolerance for float comparisons of positions.
pub(super) const EPS: f32 = 0.01;
