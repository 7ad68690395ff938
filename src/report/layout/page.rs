//! What the layout produces: pages of positioned text runs and rules, in points from the
//! top-left corner of the page with `y` growing downwards. These types are the whole
//! interface between the layout engine and the PDF writer, which only flips `y` and
//! writes what it is given.

use crate::report::fonts::FontStyle;

use super::metrics::{A4_HEIGHT, A4_WIDTH, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP};

/// A rectangle; `y` is its top edge measured from the top of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge, from the top of the page.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.width
    }
    /// Bottom edge, from the top of the page.
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }
}

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Page width in points (595 for portrait A4, 842 for landscape).
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The area inside the margins; no text run or rule leaves it except the page number.
    pub text_box: Rect,
    /// What is printed on the page, in drawing order.
    pub items: Vec<Item>,
}

impl Page {
    pub(super) fn new(landscape: bool) -> Page {
        let (width, height) = if landscape {
            (A4_HEIGHT, A4_WIDTH)
        } else {
            (A4_WIDTH, A4_HEIGHT)
        };
        Page {
            width,
            height,
            text_box: Rect {
                x: MARGIN_LEFT,
                y: MARGIN_TOP,
                width: width - MARGIN_LEFT - MARGIN_RIGHT,
                height: height - MARGIN_TOP - MARGIN_BOTTOM,
            },
            items: Vec::new(),
        }
    }

    /// Whether the page is landscape.
    pub fn is_landscape(&self) -> bool {
        self.width > self.height
    }

    /// The text runs of the page.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Rule(_) | Item::Watermark(_) | Item::Fill(_) => None,
        })
    }

    /// The rules (lines) of the page.
    pub fn rules(&self) -> impl Iterator<Item = &Rule> {
        self.items.iter().filter_map(|i| match i {
            Item::Rule(r) => Some(r),
            Item::Text(_) | Item::Watermark(_) | Item::Fill(_) => None,
        })
    }

    /// The filled rectangles of the page (a figure's bars and gridlines).
    pub fn fills(&self) -> impl Iterator<Item = &Fill> {
        self.items.iter().filter_map(|i| match i {
            Item::Fill(f) => Some(f),
            Item::Text(_) | Item::Rule(_) | Item::Watermark(_) => None,
        })
    }

    /// The faint diagonal marks of the page ("DỰ THẢO" on a draft).
    pub fn watermarks(&self) -> impl Iterator<Item = &Watermark> {
        self.items.iter().filter_map(|i| match i {
            Item::Watermark(w) => Some(w),
            Item::Text(_) | Item::Rule(_) | Item::Fill(_) => None,
        })
    }
}

/// Something printed on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text on one baseline.
    Text(TextRun),
    /// A straight line.
    Rule(Rule),
    /// Faint text set at an angle across the page, drawn under everything else.
    Watermark(Watermark),
    /// A rectangle filled grey, drawn under the text and the rules (a figure's bars and its
    /// gridlines, hairline-thin rectangles).
    Fill(Fill),
}

/// A rectangle filled with a grey (the figures print in greys that a laser printer keeps).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    pub rect: Rect,
    /// Grey level: 0 is black, 1 is white.
    pub grey: f32,
}

/// Faint text at an angle, e.g. "DỰ THẢO" across every page of a draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Watermark {
    /// Start of the baseline, from the left edge.
    pub x: f32,
    /// Start of the baseline, from the top of the page.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Font face.
    pub style: FontStyle,
    /// The characters, exactly as written to the PDF (all present in the font).
    pub text: String,
    /// Angle of the baseline in degrees, counter-clockwise from the horizontal.
    pub angle: f32,
    /// Grey level of the fill: 0 is black, 1 is white.
    pub grey: f32,
    /// Width of the text along its baseline, in points.
    pub width: f32,
}

/// A run of text on one baseline, in one font and size.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left end of the run.
    pub x: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// Font size in points.
    pub size: f32,
    /// Font face.
    pub style: FontStyle,
    /// The characters, exactly as written to the PDF (all present in the font).
    pub text: String,
    /// Extra space added after each U+0020 space to justify the line, in points.
    pub word_spacing: f32,
    /// Printed width including the justification space, in points.
    pub width: f32,
}

/// A straight line (table rules and the short rules of the header).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Start point.
    pub x1: f32,
    /// Start point, from the top of the page.
    pub y1: f32,
    /// End point.
    pub x2: f32,
    /// End point, from the top of the page.
    pub y2: f32,
    /// Line width in points.
    pub thickness: f32,
}
