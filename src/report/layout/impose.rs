//! Two copies of a page on one sheet: a ballot is handed to every member present, so it is
//! printed at A5, two to a landscape A4 sheet, and cut. Each A4 page is scaled by 1/√2 (A4 to
//! A5) and set twice side by side, with a dashed cut line between the copies.

use super::page::{Fill, Item, Page, Rect, Rule};

/// The sheets for `pages`: sheet k holds page k twice.
pub(super) fn two_up(pages: Vec<Page>) -> Vec<Page> {
    pages.into_iter().map(sheet).collect()
}

fn sheet(page: Page) -> Page {
    // A portrait A4 page (595 × 842 pt) becomes an A5 one (421 × 595 pt); two fill the
    // landscape sheet (842 × 595 pt).
    let scale = std::f32::consts::FRAC_1_SQRT_2;
    let (width, height) = (page.height, page.width);
    let half = width / 2.0;
    let mut items = Vec::with_capacity(page.items.len() * 2 + 64);
    for copy in 0..2 {
        let dx = copy as f32 * half;
        items.extend(page.items.iter().map(|item| placed(item, scale, dx)));
    }
    // The cut line: short dashes down the middle of the sheet.
    let dash = 4.0;
    let mut y = 0.0;
    while y < height {
        items.push(Item::Rule(Rule {
            x1: half,
            y1: y,
            x2: half,
            y2: (y + dash).min(height),
            thickness: 0.3,
        }));
        y += 2.0 * dash;
    }
    let b = page.text_box;
    Page {
        width,
        height,
        // The text of both copies, as the left copy's box widened to the right one.
        text_box: Rect {
            x: b.x * scale,
            y: b.y * scale,
            width: half + b.width * scale,
            height: b.height * scale,
        },
        items,
    }
}

/// `item` scaled about the page's top-left corner, then moved `dx` to the right.
fn placed(item: &Item, scale: f32, dx: f32) -> Item {
    match item {
        Item::Text(t) => {
            let mut t = t.clone();
            t.x = t.x * scale + dx;
            t.y *= scale;
            t.size *= scale;
            t.word_spacing *= scale;
            t.width *= scale;
            Item::Text(t)
        }
        Item::Rule(r) => Item::Rule(Rule {
            x1: r.x1 * scale + dx,
            y1: r.y1 * scale,
            x2: r.x2 * scale + dx,
            y2: r.y2 * scale,
            thickness: r.thickness * scale,
        }),
        Item::Fill(f) => Item::Fill(Fill {
            rect: Rect {
                x: f.rect.x * scale + dx,
                y: f.rect.y * scale,
                width: f.rect.width * scale,
                height: f.rect.height * scale,
            },
            grey: f.grey,
        }),
        Item::Watermark(w) => {
            let mut w = w.clone();
            w.x = w.x * scale + dx;
            w.y *= scale;
            w.size *= scale;
            w.width *= scale;
            Item::Watermark(w)
        }
    }
}
