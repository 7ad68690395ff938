//! A figure in Word: the chart the PDF prints, drawn as one inline DrawingML group
//! (`wpg:wgp`) from the layout's own geometry ([`figure_drawing`]): each bar, gridline, axis
//! and tick mark a filled rectangle (`wps:wsp`), each name, value, tick and the axis title a
//! text box (`wps:txbx`) without insets or autofit, in Times New Roman at the PDF's size, its
//! box reaching from the run's top to below its descenders and kept to the side the PDF keeps
//! it to, with room to spare so that Word never wraps it. The caption is a paragraph under
//! the drawing, centred in italics, kept on the drawing's page. The bars' names and values
//! are also the drawing's description (`descr`), for a screen reader.

use std::fmt::Write as _;

use crate::report::document::Figure;
use crate::report::escape_markup;
use crate::report::fonts::{FontSet, FontStyle};
use crate::report::layout::{
    Anchor, FIGURE_GAP, FigureDrawing, Item, PARAGRAPH_GAP, Rect, figure_drawing,
};

use super::{DocxError, Para, RunStyle, clean, paragraph, run, twips};

/// English Metric Units per point: DrawingML's unit of length.
const EMU_PER_POINT: f32 = 12_700.0;
/// The size of the caption (as the PDF prints it).
const CAPTION_SIZE: f32 = 13.0;
/// The namespaces a drawing needs, declared on `w:document`.
pub(super) const DRAWING_NAMESPACES: &str = concat!(
    r#" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#,
    r#" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#,
    r#" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main""#,
    r#" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup""#,
    r#" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#,
    r#" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#,
    r#" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing""#,
    r#" mc:Ignorable="w14 wp14""#,
);

fn emu(points: f32) -> i64 {
    (f64::from(points.max(0.0)) * f64::from(EMU_PER_POINT)).round() as i64
}

/// Figure `number` drawn `text_width` twips wide on a page of the given orientation, then its
/// caption; nothing for a figure without a bar to draw.
pub(super) fn figure_xml(
    figure: &Figure,
    number: usize,
    text_width: i32,
    landscape: bool,
    fonts: &FontSet,
) -> Result<String, DocxError> {
    let width = text_width as f32 / 20.0;
    let Some(drawing) = figure_drawing(figure, number, width, landscape, fonts)? else {
        return Ok(String::new());
    };
    let description = figure
        .drawn_bars()
        .map(|b| format!("{}: {}", b.label.trim(), b.shown.trim()))
        .collect::<Vec<_>>()
        .join("; ");
    let mut out = paragraph(
        &Para {
            keep_next: true,
            before: twips(FIGURE_GAP),
            ..Para::centred()
        },
        &format!(
            "<w:r>{}</w:r>",
            group_xml(
                &drawing,
                number,
                &figure.numbered_caption(number),
                &description
            )
        ),
    );
    out.push_str(&paragraph(
        &Para {
            before: 80,
            after: twips(PARAGRAPH_GAP),
            ..Para::centred()
        },
        &run(
            &figure.numbered_caption(number),
            RunStyle::italic(CAPTION_SIZE),
        ),
    ));
    Ok(out)
}

/// One shape of the group: a grey rectangle, or a text box.
enum Shape<'a> {
    Fill {
        rect: Rect,
        grey: f32,
    },
    Text {
        rect: Rect,
        run: &'a crate::report::layout::TextRun,
        anchor: Anchor,
    },
}

/// The group's shapes in the PDF's drawing order, with the group's height (a text box may
/// reach a little below the chart's last line).
fn shapes(drawing: &FigureDrawing) -> (Vec<Shape<'_>>, f32) {
    let mut out = Vec::new();
    let mut height = drawing.height;
    for mark in &drawing.marks {
        match &mark.item {
            Item::Fill(f) => out.push(Shape::Fill {
                rect: f.rect,
                grey: f.grey,
            }),
            Item::Rule(r) => {
                let t = r.thickness;
                let rect = if (r.x2 - r.x1).abs() < (r.y2 - r.y1).abs() {
                    Rect {
                        x: r.x1.min(r.x2) - t / 2.0,
                        y: r.y1.min(r.y2),
                        width: t,
                        height: (r.y2 - r.y1).abs(),
                    }
                } else {
                    Rect {
                        x: r.x1.min(r.x2),
                        y: r.y1.min(r.y2) - t / 2.0,
                        width: (r.x2 - r.x1).abs(),
                        height: t,
                    }
                };
                out.push(Shape::Fill { rect, grey: 0.0 });
            }
            Item::Text(t) => {
                let rect = text_box(t, mark.anchor, drawing);
                height = height.max(rect.bottom());
                out.push(Shape::Text {
                    rect,
                    run: t,
                    anchor: mark.anchor,
                });
            }
            Item::Watermark(_) => {}
        }
    }
    (out, height)
}

/// The box a run is set in: its top where single spacing puts the run's baseline where the PDF
/// prints it, wider than the run on the side away from its anchor (within the drawing), so that
/// a font a little wider than ours does not wrap.
fn text_box(t: &crate::report::layout::TextRun, anchor: Anchor, d: &FigureDrawing) -> Rect {
    let slack = (t.width * 0.15).max(3.0);
    let (left, right) = match anchor {
        Anchor::Left => (t.x, (t.x + t.width + slack).min(d.width).max(t.x + t.width)),
        Anchor::Right => ((t.x - slack).max(0.0).min(t.x), t.x + t.width),
        Anchor::Centre => {
            let room = slack
                .min(t.x.max(0.0))
                .min((d.width - t.x - t.width).max(0.0));
            (t.x - room, t.x + t.width + room)
        }
    };
    Rect {
        x: left,
        y: t.y - d.ascent * t.size,
        width: right - left,
        height: (d.ascent + d.descent) * t.size * 1.1,
    }
}

/// The inline group, `number`'s shape ids above those of earlier figures.
fn group_xml(drawing: &FigureDrawing, number: usize, name: &str, description: &str) -> String {
    let (shapes, height) = shapes(drawing);
    let (cx, cy) = (emu(drawing.width), emu(height));
    let name = escape_markup(&clean(name));
    let description = escape_markup(&clean(description));
    let first_id = number * 10_000;
    // An empty frame over the whole drawing first: LibreOffice fits the shapes' own bounds to
    // the extent, so without it the chart would come out a little larger than the PDF's.
    let frame = Rect {
        x: 0.0,
        y: 0.0,
        width: drawing.width,
        height,
    };
    let mut out = format!(
        r#"<mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{first_id}" name="{name}" descr="{description}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="0" y="0"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr><wps:wsp><wps:cNvPr id="{frame_id}" name="Khung"/><wps:cNvSpPr/><wps:spPr>{frame}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
        frame_id = first_id + 1,
        frame = xfrm(&frame),
    );
    for (i, shape) in shapes.iter().enumerate() {
        let id = first_id + i + 2;
        match shape {
            Shape::Fill { rect, grey } => {
                let _ = write!(
                    out,
                    r#"<wps:wsp><wps:cNvPr id="{id}" name="Hình {id}"/><wps:cNvSpPr/><wps:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:ln><a:noFill/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>"#,
                    xfrm(rect),
                    grey_hex(*grey)
                );
            }
            Shape::Text { rect, run, anchor } => {
                let jc = match anchor {
                    Anchor::Left => "left",
                    Anchor::Centre => "center",
                    Anchor::Right => "right",
                };
                let _ = write!(
                    out,
                    r#"<wps:wsp><wps:cNvPr id="{id}" name="Chữ {id}"/><wps:cNvSpPr txBox="1"/><wps:spPr>{}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx><w:txbxContent><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="{jc}"/></w:pPr>{}</w:p></w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" anchorCtr="0" upright="1"><a:noAutofit/></wps:bodyPr></wps:wsp>"#,
                    xfrm(rect),
                    text_run(run)
                );
            }
        }
    }
    out.push_str("</wpg:wgp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice></mc:AlternateContent>");
    out
}

fn xfrm(r: &Rect) -> String {
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(r.x),
        emu(r.y),
        emu(r.width),
        emu(r.height)
    )
}

/// The grey the PDF fills with (0 black, 1 white) as an RGB colour.
fn grey_hex(grey: f32) -> String {
    let v = (grey.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{v:02X}{v:02X}{v:02X}")
}

/// A text box's run: Times New Roman at the run's size and style, named explicitly so that no
/// style of the reader's Word changes it.
fn text_run(t: &crate::report::layout::TextRun) -> String {
    let style = RunStyle {
        bold: matches!(t.style, FontStyle::Bold | FontStyle::BoldItalic),
        italic: matches!(t.style, FontStyle::Italic | FontStyle::BoldItalic),
        size: t.size,
    };
    let fonts = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:noProof/>"#;
    run(&t.text, style).replacen("<w:rPr>", &format!("<w:rPr>{fonts}"), 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::report::document::{FigureBar, Scale};
    use crate::report::layout::Mark;

    fn fonts() -> FontSet {
        FontSet::liberation_serif()
    }

    fn figure(n: usize) -> Figure {
        Figure {
            caption: "Tỷ lệ chỉ tiêu đạt và vượt kế hoạch theo đơn vị năm 2020".to_owned(),
            axis_title: "Tỷ lệ trên số chỉ tiêu có kế hoạch và kết quả".to_owned(),
            scale: Scale::Percent,
            bars: (0..n)
                .map(|i| {
                    let value = (i * 37 % 101) as f64;
                    FigureBar {
                        label: format!("Sở số {i}"),
                        value,
                        shown: crate::text::number::format_percent(value),
                    }
                })
                .collect(),
        }
    }

    const WPS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// The figure's XML inside a document element declaring the namespaces.
    fn parsed(xml: &str) -> String {
        format!(r#"<w:body xmlns:w="{W}"{DRAWING_NAMESPACES}>{xml}</w:body>"#)
    }

    #[test]
    fn every_bar_axis_and_label_of_the_layout_is_one_shape() {
        let width = 9638.0 / 20.0;
        for n in [1, 3, 12, 40] {
            let f = figure(n);
            let drawing = figure_drawing(&f, 2, width, false, &fonts())
                .unwrap()
                .unwrap();
            let count = |pick: fn(&Mark) -> bool| drawing.marks.iter().filter(|m| pick(m)).count();
            let fills = count(|m| matches!(m.item, Item::Fill(_)));
            let rules = count(|m| matches!(m.item, Item::Rule(_)));
            let texts = count(|m| matches!(m.item, Item::Text(_)));
            // Bars with a value, four gridlines, two axes and five tick marks.
            let bars = f.bars.iter().filter(|b| b.value > 0.0).count();
            assert_eq!(fills, bars + 4, "{n}");
            assert_eq!(rules, 2 + 5, "{n}");
            let xml = figure_xml(&f, 2, 9638, false, &fonts()).unwrap();
            let text = parsed(&xml);
            let doc = roxmltree::Document::parse(&text).unwrap();
            let shapes: Vec<_> = doc
                .descendants()
                .filter(|n| n.has_tag_name((WPS, "wsp")))
                .collect();
            // The frame, then one shape for each thing the PDF draws.
            assert_eq!(shapes.len(), 1 + fills + rules + texts, "{n}");
            let boxes = shapes
                .iter()
                .filter(|s| s.children().any(|c| c.has_tag_name((WPS, "txbx"))))
                .count();
            assert_eq!(boxes, texts, "{n}");
            // Every text box without insets or autofit, in Times New Roman.
            for s in shapes
                .iter()
                .filter(|s| s.children().any(|c| c.has_tag_name((WPS, "txbx"))))
            {
                let body = s
                    .children()
                    .find(|c| c.has_tag_name((WPS, "bodyPr")))
                    .unwrap();
                for inset in ["lIns", "tIns", "rIns", "bIns"] {
                    assert_eq!(body.attribute(inset), Some("0"));
                }
                assert!(body.children().any(|c| c.tag_name().name() == "noAutofit"));
                let fonts = s
                    .descendants()
                    .find(|c| c.has_tag_name((W, "rFonts")))
                    .unwrap();
                assert_eq!(fonts.attribute((W, "ascii")), Some("Times New Roman"));
            }
            // Each name once, in the drawing.
            for b in &f.bars {
                let found = doc
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "t")) && n.text() == Some(b.label.as_str()))
                    .count();
                assert_eq!(found, 1, "{}", b.label);
            }
        }
    }

    #[test]
    fn a_figure_without_bars_writes_nothing() {
        let xml = figure_xml(&figure(0), 1, 9638, false, &fonts()).unwrap();
        assert!(xml.is_empty());
    }

    #[test]
    fn the_drawing_is_the_text_width_and_the_shapes_stay_inside_it() {
        let f = figure(12);
        let xml = figure_xml(&f, 1, 9638, false, &fonts()).unwrap();
        let text = parsed(&xml);
        let doc = roxmltree::Document::parse(&text).unwrap();
        let extent = doc
            .descendants()
            .find(|n| n.tag_name().name() == "extent")
            .unwrap();
        let cx: i64 = extent.attribute("cx").unwrap().parse().unwrap();
        assert_eq!(cx, emu(9638.0 / 20.0));
        for off in doc.descendants().filter(|n| n.tag_name().name() == "xfrm") {
            let get = |tag: &str, a: &str| -> i64 {
                off.children()
                    .find(|c| c.tag_name().name() == tag)
                    .unwrap()
                    .attribute(a)
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            assert!(get("off", "x") >= 0 && get("off", "x") + get("ext", "cx") <= cx + 1);
        }
    }
}
