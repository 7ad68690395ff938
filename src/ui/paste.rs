//! A block copied from a spreadsheet (tab-separated columns, one line a row) pasted into the
//! Chỉ tiêu table: it fills the cells from the one being edited, rightwards and downwards, each
//! value read by its column's rules. Nothing is written when any value is refused; a block
//! that changes more than one cell is shown first (old, new) and made as one edit.
//! Copying out is the reverse: the rows shown, as tab-separated text Excel pastes in columns.

use crate::domain::Indicator;

/// How a column shows an indicator's value.
pub type TextOf<'a> = Box<dyn Fn(&Indicator) -> String + 'a>;
/// How a column reads a value into an indicator, or why it cannot.
pub type WithText<'a> = Box<dyn Fn(&Indicator, &str) -> Result<Indicator, String> + 'a>;

/// One column of the block: its title and how a value is read into an indicator.
pub struct Column<'a> {
    pub title: &'a str,
    pub text_of: TextOf<'a>,
    pub with_text: WithText<'a>,
}

/// What pasting a block would do.
#[derive(Debug, Default, PartialEq)]
pub struct Pasted {
    /// The indicators whose values change: each as the window showed it and as it would be
    /// saved.
    pub changed: Vec<(Indicator, Indicator)>,
    /// "“…”, Kế hoạch: từ 1.000 thành 1.200", one line per changed cell.
    pub lines: Vec<String>,
    /// Why values cannot be read ("Dòng 2 (“…”), cột Thực hiện: …"); nothing is pasted then.
    pub refused: Vec<String>,
}

/// Whether pasted text is a block of several cells rather than one value.
pub fn is_block(text: &str) -> bool {
    text.contains('\t') || text.trim_end_matches(['\r', '\n']).contains('\n')
}

/// Reads `block` into `rows` (from the row being edited on) and `columns` (from the column
/// being edited on).
pub fn paste(block: &str, rows: &[&Indicator], columns: &[Column<'_>]) -> Pasted {
    let mut out = Pasted::default();
    let lines: Vec<&str> = block
        .trim_end_matches(['\r', '\n'])
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
    if lines.len() > rows.len() {
        out.refused.push(format!(
            "Khối dán có {} dòng, nhưng từ ô đang sửa xuống chỉ còn {} chỉ tiêu.",
            lines.len(),
            rows.len()
        ));
        return out;
    }
    for (r, (line, ind)) in lines.iter().zip(rows).enumerate() {
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() > columns.len() {
            out.refused.push(format!(
                "Dòng {} có {} cột, nhưng từ ô đang sửa sang phải chỉ còn {} cột.",
                r + 1,
                cells.len(),
                columns.len()
            ));
            continue;
        }
        let mut current = (*ind).clone();
        for (cell, column) in cells.iter().zip(columns) {
            let before = (column.text_of)(&current);
            match (column.with_text)(&current, cell.trim()) {
                Ok(next) => {
                    let after = (column.text_of)(&next);
                    if after != before {
                        // "thành", not an arrow: the window's font has no arrow glyph.
                        out.lines.push(format!(
                            "“{}”, {}: từ {} thành {}",
                            ind.name,
                            column.title,
                            shown(&before),
                            shown(&after)
                        ));
                    }
                    current = next;
                }
                Err(e) => out.refused.push(format!(
                    "Dòng {} (“{}”), cột {}: {e}",
                    r + 1,
                    ind.name,
                    column.title
                )),
            }
        }
        if current != **ind {
            out.changed.push(((*ind).clone(), current));
        }
    }
    if !out.refused.is_empty() {
        out.changed.clear();
        out.lines.clear();
    }
    out
}

fn shown(text: &str) -> &str {
    if text.is_empty() { "(trống)" } else { text }
}

/// The rows as tab-separated text with a heading line: what Excel pastes into columns.
pub fn copy(rows: &[&Indicator], columns: &[Column<'_>]) -> String {
    let clean = |s: String| s.replace(['\t', '\r', '\n'], " ");
    let mut out: Vec<String> = vec![
        columns
            .iter()
            .map(|c| c.title.to_owned())
            .collect::<Vec<_>>()
            .join("\t"),
    ];
    out.extend(rows.iter().map(|ind| {
        columns
            .iter()
            .map(|c| clean((c.text_of)(ind)))
            .collect::<Vec<_>>()
            .join("\t")
    }));
    out.join("\r\n") + "\r\n"
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::text::number::{format_number, parse_non_negative};

    fn ind(id: i64, name: &str) -> Indicator {
        Indicator {
            id,
            year: 2020,
            member: 1,
            group: String::new(),
            name: name.to_owned(),
            unit: String::new(),
            plan: None,
            plan_text: String::new(),
            result: None,
            midyear: None,
            key: None,
            note: String::new(),
            sort: id,
        }
    }

    fn columns() -> Vec<Column<'static>> {
        let number = |t: &str| -> Result<Option<f64>, String> {
            if t.is_empty() {
                Ok(None)
            } else {
                parse_non_negative(t).map(Some).map_err(|e| e.to_string())
            }
        };
        vec![
            Column {
                title: "Kế hoạch",
                text_of: Box::new(|i| i.plan_shown()),
                with_text: Box::new(|i, t| {
                    let mut i = i.clone();
                    i.set_plan(t)?;
                    Ok(i)
                }),
            },
            Column {
                title: "Thực hiện",
                text_of: Box::new(|i| i.result.map(format_number).unwrap_or_default()),
                with_text: Box::new(move |i, t| {
                    let mut i = i.clone();
                    i.result = number(t)?;
                    Ok(i)
                }),
            },
        ]
    }

    #[test]
    fn a_block_fills_cells_rightwards_and_downwards_read_the_vietnamese_way() {
        let (a, b) = (ind(1, "Tin bài"), ind(2, "Video"));
        let p = paste("1.000\t1.128\r\nTrên 4\t5\r\n", &[&a, &b], &columns());
        assert!(p.refused.is_empty(), "{:?}", p.refused);
        assert_eq!(p.changed.len(), 2);
        assert_eq!(p.changed[0].1.result, Some(1128.0));
        assert_eq!(p.changed[1].1.plan_text, "Trên 4");
        assert_eq!(p.lines[0], "“Tin bài”, Kế hoạch: từ (trống) thành 1.000");
        assert!(is_block("1\t2") && is_block("1\n2\n") && !is_block("1.128\n"));
    }

    #[test]
    fn one_value_that_cannot_be_read_refuses_the_whole_block_naming_it() {
        let (a, b) = (ind(1, "Tin bài"), ind(2, "Video"));
        let p = paste("1.000\t1.128\n2\t3611.73\n", &[&a, &b], &columns());
        assert!(p.changed.is_empty() && p.lines.is_empty());
        assert_eq!(p.refused.len(), 1);
        assert!(
            p.refused[0].starts_with("Dòng 2 (“Video”), cột Thực hiện:"),
            "{:?}",
            p.refused
        );
        let p = paste("1\n2\n3\n", &[&a, &b], &columns());
        assert!(p.refused[0].contains("chỉ còn 2 chỉ tiêu"));
        let p = paste("1\t2\t3\n", &[&a], &columns());
        assert!(p.refused[0].contains("chỉ còn 2 cột"));
    }

    #[test]
    fn rows_copied_out_are_tab_separated_with_a_heading() {
        let mut a = ind(1, "Tin bài");
        a.result = Some(1128.0);
        let text = copy(&[&a], &columns());
        assert_eq!(text, "Kế hoạch\tThực hiện\r\n\t1.128\r\n");
    }
}
