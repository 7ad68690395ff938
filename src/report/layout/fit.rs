//! Line breaks chosen for a whole paragraph or title at once, rather than line by line.
//!
//! A justified paragraph is broken by a total-fit search (in the manner of Knuth and Plass,
//! without hyphenation) over its spaces: every way of breaking is weighed by how far each
//! line's gaps must stretch, so a loose line (gaps over twice a normal space) is taken only
//! when no other set of breaks avoids it, and a last line of one word only when no other is
//! as good. A token too long to sit among words (a SHA-256 digest, a URL) may break between
//! its characters. A title is broken into the fewest lines of balanced length, at phrase
//! boundaries (after a comma, before "và", "của", "năm 2021" ...), never inside a word pair.

use crate::report::fonts::Face;

use super::Engine;
use super::breaking::{Line, LineFormat, break_text};
use super::metrics::BODY_SIZE;

/// A piece of a paragraph that is never broken: a word, or one character of a long token.
struct Atom<'a> {
    text: &'a str,
    width: u32,
    /// Preceded by a space: breaking before it drops the space; otherwise the break falls
    /// inside a token.
    space_before: bool,
}

/// A token wider than this share of the line may break between its characters.
const LONG_TOKEN_SHARE: u32 = 40;
/// Demerits of a last line holding a single word.
const SINGLE_WORD_LAST: f64 = 2_000.0;
/// Demerits of a break inside a long token rather than at a space.
const TOKEN_BREAK: f64 = 2_500.0;
/// Badness added to a line whose gaps stretch beyond twice a normal space.
const LOOSE: f64 = 10_000.0;

/// The atoms of `segment` (text without '\n').
fn atoms<'a>(face: &Face, segment: &'a str, limit: u32) -> Vec<Atom<'a>> {
    let mut out = Vec::new();
    let long = (u64::from(limit) * u64::from(LONG_TOKEN_SHARE) / 100) as u32;
    for word in segment.split(' ').filter(|w| !w.is_empty()) {
        let width = face.text_width(word);
        if width <= long || word.chars().nth(1).is_none() {
            out.push(Atom {
                text: word,
                width,
                space_before: true,
            });
            continue;
        }
        // One atom per character, a combining mark staying with its letter.
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut start = 0;
        for k in 0..chars.len() {
            let next = chars.get(k + 1);
            if next.is_some_and(|&(_, c)| ('\u{300}'..='\u{36f}').contains(&c)) {
                continue;
            }
            let end = next.map_or(word.len(), |&(j, _)| j);
            let piece = &word[start..end];
            out.push(Atom {
                text: piece,
                width: face.text_width(piece),
                space_before: start == 0,
            });
            start = end;
        }
    }
    out
}

/// Breaks cleaned `text` for a justified paragraph: the first line indented by
/// `first_indent`, '\n' forcing a break, each segment broken by total fit.
pub(super) fn break_justified(
    face: &Face,
    text: &str,
    size: f32,
    width: f32,
    first_indent: f32,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let text = text.trim_matches(|c| c == ' ' || c == '\n');
    if text.is_empty() {
        return lines;
    }
    let size = if size > 0.0 { size } else { BODY_SIZE };
    let limit = |indent: f32| ((width - indent) * 1000.0 / size).max(0.0) as u32;
    let space = face.width(' ');
    for segment in text.split('\n') {
        let first = lines.is_empty();
        let first_limit = limit(if first { first_indent } else { 0.0 });
        let rest_limit = limit(0.0);
        let atoms = atoms(face, segment, rest_limit);
        if atoms.is_empty() {
            lines.push(Line {
                text: String::new(),
                width: 0,
                indent: if first { first_indent } else { 0.0 },
                justify: false,
            });
            continue;
        }
        let (breaks, _) = total_fit(&atoms, space, first_limit, rest_limit);
        let mut a = 0;
        for (k, &b) in breaks.iter().enumerate() {
            let mut text = String::new();
            let mut w = 0u32;
            for (i, atom) in atoms[a..b].iter().enumerate() {
                if i > 0 && atom.space_before {
                    text.push(' ');
                    w = w.saturating_add(space);
                }
                text.push_str(atom.text);
                w = w.saturating_add(atom.width);
            }
            lines.push(Line {
                text,
                width: w,
                indent: if first && k == 0 { first_indent } else { 0.0 },
                justify: b < atoms.len(),
            });
            a = b;
        }
    }
    lines
}

impl Engine<'_> {
    /// Cleans and breaks a justified paragraph for `fmt` by total fit.
    pub(super) fn break_paragraph(
        &mut self,
        text: &str,
        fmt: &LineFormat,
        first_indent: f32,
    ) -> Vec<Line> {
        let cleaned = self.clean(text, fmt.style, true);
        let face = self.faces.get(fmt.style);
        break_justified(face, &cleaned, fmt.size, fmt.width, first_indent)
    }

    /// Cleans and breaks a centred title into balanced lines for `fmt`.
    pub(super) fn break_title(&mut self, text: &str, fmt: &LineFormat) -> Vec<Line> {
        let cleaned = self.clean(text, fmt.style, true);
        break_balanced(self.faces.get(fmt.style), &cleaned, fmt.size, fmt.width)
    }
}

/// The ends of the lines (atom indices, the last one `atoms.len()`) that minimise the
/// paragraph's total demerits, and how many candidate lines were weighed to find them: a
/// line start is looked for only as far back as a line can hold, so that count grows with
/// the paragraph's length times the words of a line, never with its square.
fn total_fit(atoms: &[Atom], space: u32, first_limit: u32, rest_limit: u32) -> (Vec<usize>, usize) {
    let n = atoms.len();
    let mut candidates = 0;
    let max_limit = first_limit.max(rest_limit);
    let mut best = vec![f64::INFINITY; n + 1];
    let mut from = vec![0usize; n + 1];
    best[0] = 0.0;
    for b in 1..=n {
        let mut w = 0u32;
        let mut gaps = 0u32;
        for a in (0..b).rev() {
            candidates += 1;
            w = w.saturating_add(atoms[a].width);
            if a + 1 < b && atoms[a + 1].space_before {
                w = w.saturating_add(space);
                gaps += 1;
            }
            let single = a + 1 == b;
            if w > max_limit && !single {
                break;
            }
            let limit = if a == 0 { first_limit } else { rest_limit };
            if (w > limit && !single) || !best[a].is_finite() {
                continue;
            }
            let cost = line_demerits(atoms, a, b, w, gaps, limit, space);
            if best[a] + cost < best[b] {
                best[b] = best[a] + cost;
                from[b] = a;
            }
        }
    }
    let mut ends = Vec::new();
    let mut b = n;
    while b > 0 {
        ends.push(b);
        b = from[b];
    }
    ends.reverse();
    (ends, candidates)
}

/// The demerits of a line of atoms `a..b`, `w` wide with `gaps` spaces, on a line of
/// `limit`.
fn line_demerits(
    atoms: &[Atom],
    a: usize,
    b: usize,
    w: u32,
    gaps: u32,
    limit: u32,
    space: u32,
) -> f64 {
    let n = atoms.len();
    let stretch = f64::from(limit.saturating_sub(w));
    let mut demerits = if b == n {
        // The last line is set ragged: any length will do, one word alone only if need be.
        let one_word = a > 0 && atoms[a + 1..b].iter().all(|x| !x.space_before);
        if one_word { SINGLE_WORD_LAST } else { 0.0 }
    } else {
        // A line of one word has nothing to stretch and is set ragged: it is weighed as if its
        // empty end were one gap, so it is never cheaper than a loose line of several words
        // (weighed apart, a paragraph came out as "-", "Ban", "Quản", one word a line, to
        // avoid a single loose line).
        let r = (stretch / (f64::from(gaps.max(1)) * f64::from(space.max(1)))).min(100.0);
        let mut badness = 100.0 * r.powi(3);
        if r > 1.0 {
            badness += LOOSE;
        }
        (10.0 + badness).powi(2)
    };
    if b < n && !atoms[b].space_before {
        demerits += TOKEN_BREAK;
    }
    demerits
}

/// Words that begin a phrase: a title breaks well before them.
const PHRASE_STARTS: [&str; 9] = [
    "và", "của", "về", "cho", "tại", "trong", "theo", "đối", "với",
];

/// Breaks cleaned `text` for a centred title: the fewest lines (as greedy breaking would
/// give), as even in length as possible, broken after a comma or before a linking word or
/// "năm N" rather than inside a phrase, and never between "năm" and its year.
pub(super) fn break_balanced(face: &Face, text: &str, size: f32, width: f32) -> Vec<Line> {
    let greedy = break_text(face, text, size, width, 0.0, 0.0);
    let size = if size > 0.0 { size } else { BODY_SIZE };
    let limit = (width * 1000.0 / size).max(0.0) as u32;
    let space = face.width(' ');
    let text = text.trim_matches(|c| c == ' ' || c == '\n');
    let mut lines = Vec::new();
    for segment in text.split('\n') {
        let words: Vec<(&str, u32)> = segment
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(|w| (w, face.text_width(w)))
            .collect();
        let greedy_lines = break_text(face, segment, size, width, 0.0, 0.0);
        let m = greedy_lines.len();
        // A long title, or a word wider than the line: keep the greedy lines.
        if m <= 1 || words.len() > 200 || words.iter().any(|&(_, w)| w > limit) {
            lines.extend(greedy_lines);
            continue;
        }
        match balance(&words, space, limit, m) {
            Some(ends) => {
                let mut a = 0;
                for b in ends {
                    let text = words[a..b]
                        .iter()
                        .map(|(w, _)| *w)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let width = words[a..b]
                        .iter()
                        .fold(0u32, |acc, (_, w)| acc.saturating_add(*w))
                        .saturating_add(space * (b - a - 1) as u32);
                    lines.push(Line {
                        text,
                        width,
                        indent: 0.0,
                        justify: false,
                    });
                    a = b;
                }
            }
            None => lines.extend(greedy_lines),
        }
    }
    if lines.is_empty() { greedy } else { lines }
}

/// The ends of exactly `m` lines of `words` that minimise unevenness plus break penalties.
fn balance(words: &[(&str, u32)], space: u32, limit: u32, m: usize) -> Option<Vec<usize>> {
    let n = words.len();
    let lower = |w: &str| w.to_lowercase();
    let is_year = |w: &str| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    // The penalty of a break before word `b`.
    let penalty = |b: usize| -> f64 {
        let (prev, next) = (words[b - 1].0, words[b].0);
        let after = words.get(b + 1).map_or("", |w| w.0);
        if lower(prev) == "năm" && is_year(next) {
            1e6
        } else if prev.ends_with([',', ';', ':']) {
            0.0
        } else if PHRASE_STARTS.contains(&lower(next).as_str())
            || (lower(next) == "năm" && is_year(after))
        {
            20.0
        } else {
            400.0
        }
    };
    let line_cost = |a: usize, b: usize| -> Option<f64> {
        let w = words[a..b]
            .iter()
            .fold(0u32, |acc, (_, w)| acc.saturating_add(*w))
            .saturating_add(space * (b - a - 1) as u32);
        if w > limit {
            return None;
        }
        let d = f64::from(limit - w) / f64::from(limit.max(1));
        Some(1_000.0 * d * d)
    };
    // cost[k][b]: the best k lines ending at word b.
    let inf = f64::INFINITY;
    let mut cost = vec![vec![inf; n + 1]; m + 1];
    let mut from = vec![vec![0usize; n + 1]; m + 1];
    cost[0][0] = 0.0;
    for k in 1..=m {
        for b in k..=n {
            for a in (k - 1..b).rev() {
                if !cost[k - 1][a].is_finite() {
                    continue;
                }
                let Some(c) = line_cost(a, b) else { break };
                let p = if b < n { penalty(b) } else { 0.0 };
                let total = cost[k - 1][a] + c + p;
                if total < cost[k][b] {
                    cost[k][b] = total;
                    from[k][b] = a;
                }
            }
        }
    }
    if !cost[m][n].is_finite() {
        return None;
    }
    let mut ends = Vec::with_capacity(m);
    let mut b = n;
    for k in (1..=m).rev() {
        ends.push(b);
        b = from[k][b];
    }
    ends.reverse();
    Some(ends)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use crate::report::document::{Block, Document};
    use crate::report::fonts::FontStyle;
    use crate::report::layout::breaking::break_text;
    use crate::report::layout::metrics::{BODY_SIZE, FIRST_LINE_INDENT};
    use crate::report::layout::{A4_WIDTH, MARGIN_LEFT, MARGIN_RIGHT};
    use crate::report::test_support::{
        SENTENCE, assert_inside_text_box, body, fonts, lay, sample_document,
    };

    use super::{atoms, break_balanced, break_justified, total_fit};

    const TEXT_WIDTH: f32 = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    /// A normal space at 14 pt: the extra a gap may get before it is twice as wide.
    const SPACE: f32 = 3.5;

    /// Paragraphs of the kind the documents print, of many lengths.
    fn paragraphs() -> Vec<String> {
        let words: Vec<&str> = [SENTENCE; 4].join(" ").leak().split(' ').collect();
        let mut out: Vec<String> = (8..words.len())
            .step_by(3)
            .map(|n| words[..n].join(" "))
            .collect();
        out.push(
            "Sở Nông nghiệp và Phát triển nông thôn: trồng rừng tập trung 5.711,7 ha tính \
             đến ngày 10/11/2020, trồng mới 1.463/1.498,3 ha đạt 98% kế hoạch, trồng ngoài \
             kế hoạch 4.248,7 ha; trồng cây phân tán 2.982,7 nghìn cây (tương đương 1.988 ha)."
                .into(),
        );
        out
    }

    /// The widest extra gap of a paragraph laid out alone, checking that every line but
    /// the last is justified to the right margin (none left ragged for being too loose).
    fn widest_gap(text: &str) -> (f32, String) {
        // A plain article without headline: the paragraph alone on the page.
        let doc = Document {
            plain: true,
            ..body(vec![Block::Paragraph(text.into())])
        };
        let l = lay(&doc);
        assert_inside_text_box(&l);
        let runs: Vec<_> = l.pages.iter().flat_map(|p| p.texts()).collect();
        for t in &runs[..runs.len().saturating_sub(1)] {
            assert!(
                (t.x + t.width - (A4_WIDTH - MARGIN_RIGHT)).abs() < 0.05,
                "{:?} left ragged",
                t.text
            );
        }
        runs.iter()
            .map(|t| (t.word_spacing, t.text.clone()))
            .fold((0.0, String::new()), |a, b| if b.0 > a.0 { b } else { a })
    }

    #[test]
    fn justified_gaps_stay_under_twice_a_space() {
        let mut texts = paragraphs();
        // Long file names and addresses leave greedy lines with gaps of 12 pt and more.
        let files = "Tệp gửi kèm gồm bao-cao-tong-ket-khoi-kinh-te-nganh-2020.pdf, \
                     bien-ban-hoi-nghi-tong-ket-2020.pdf và \
                     danh-sach-de-nghi-khen-thuong-2020.xlsx đã được gửi tới \
                     vanphong.sotttt@hagiang.gov.vn cùng bản giấy.";
        let words: Vec<&str> = files.split(' ').collect();
        texts.extend((6..=words.len()).map(|n| words[..n].join(" ")));
        for text in texts {
            let (gap, line) = widest_gap(&text);
            assert!(
                gap <= SPACE,
                "a gap of {gap} pt more than a space in {line:?}"
            );
        }
    }

    #[test]
    fn no_line_but_the_last_holds_one_word_when_words_could_share_it() {
        // Long figures that fit no line well: the breaks once gave "-", "Ban", "Quản" a line
        // each, and "hoạch;" alone, rather than one loose line.
        let face = fonts().faces().unwrap().get(FontStyle::Regular);
        for text in [
            "- Ban Quản lý Khu kinh tế: diện tích trồng rừng mới (mục 1) được 2.501,75/2.810,95 ha, đạt 89% kế hoạch; dự án được giao đất, cho thuê đất (mục 2) được 1.524,19/1.587,7 dự án, đạt 96% kế hoạch; km đường giao thông nông thôn được cứng hóa (mục 3) được 5.484,1/4.853,19 km, đạt 113% kế hoạch.",
            "- Sở Giao thông vận tải: km đường giao thông nông thôn được cứng hóa (mục 1) được 3.673,01/3.166,39 km, đạt 116% kế hoạch; doanh nghiệp được hỗ trợ chuyển đổi số (mục 2) được 5.729,05/4.855,13 doanh nghiệp, đạt 118% kế hoạch; hồ sơ thủ tục hành chính giải quyết đúng hạn (mục 3) được 3.225,03/3.583,37 hồ sơ, đạt 90% kế hoạch.",
        ]
        .into_iter()
        .chain(paragraphs().iter().map(String::as_str))
        {
            let lines = break_justified(face, text, BODY_SIZE, TEXT_WIDTH, FIRST_LINE_INDENT);
            let alone = lines
                .iter()
                .take(lines.len().saturating_sub(1))
                .find(|l| !l.text.contains(' '));
            assert!(alone.is_none(), "{alone:?} alone in {lines:?}");
        }
    }

    #[test]
    fn a_digest_breaks_instead_of_stretching_its_line() {
        let sha = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
        let url = "https://dichvucong.hagiang.gov.vn/portal/p/home/thu-tuc-hanh-chinh.html";
        for token in [sha, url] {
            let text = format!(
                "Tệp bàn giao: khoi-2020.sqlite, 1.234.567 byte, mã SHA-256 của tệp là {token}, \
                 gồm dữ liệu các năm 2019 và 2020 của Khối."
            );
            let (gap, line) = widest_gap(&text);
            assert!(gap <= SPACE, "a gap of {gap} pt in {line:?}");
            // Every character is printed, in order.
            let l = lay(&body(vec![Block::Paragraph(text.clone())]));
            let joined: String = l.pages[0]
                .texts()
                .filter(|t| t.style == FontStyle::Regular)
                .map(|t| t.text.replace(' ', ""))
                .collect();
            assert_eq!(joined, text.replace(' ', ""));
        }
    }

    #[test]
    fn a_last_line_of_one_word_is_avoided_when_another_break_is_as_good() {
        let face = fonts().faces().unwrap().get(FontStyle::Regular);
        let single = |lines: &[crate::report::layout::breaking::Line]| {
            lines.len() > 1 && lines.last().is_some_and(|l| !l.text.contains(' '))
        };
        let (mut greedy, mut fitted) = (0, 0);
        for text in paragraphs() {
            let g = break_text(face, &text, BODY_SIZE, TEXT_WIDTH, FIRST_LINE_INDENT, 0.0);
            let f = break_justified(face, &text, BODY_SIZE, TEXT_WIDTH, FIRST_LINE_INDENT);
            greedy += usize::from(single(&g));
            fitted += usize::from(single(&f));
            assert!(f.len() <= g.len() + 1, "{text}");
        }
        assert!(greedy > 0, "the texts include the case");
        assert_eq!(fitted, 0, "greedy breaking left {greedy}");
    }

    fn title_lines(subject: &str) -> Vec<String> {
        let face = fonts().faces().unwrap().get(FontStyle::Bold);
        break_balanced(face, subject, BODY_SIZE, TEXT_WIDTH)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn titles_break_in_balanced_lines_at_phrase_boundaries() {
        for subject in [
            "Tổng kết công tác thi đua, khen thưởng năm 2020 và phương hướng, nhiệm vụ năm \
             2021 của Khối Kinh tế ngành",
            "Hội nghị tổng kết công tác thi đua, khen thưởng năm 2020 và triển khai phương \
             hướng, nhiệm vụ năm 2021 của Khối Kinh tế ngành",
            "Bàn giao nhiệm vụ Trưởng khối năm 2021 và hồ sơ, dữ liệu của Khối thi đua Kinh \
             tế ngành tỉnh Hà Giang cho Ban Quản lý Khu kinh tế",
        ] {
            let lines = title_lines(subject);
            assert_eq!(lines.join(" "), subject);
            assert!(lines.len() >= 2, "{lines:?}");
            for pair in lines.windows(2) {
                let next = pair[1].split(' ').next().unwrap_or("");
                assert!(
                    pair[0].ends_with(',')
                        || ["và", "của", "cho", "về", "tại", "trong", "năm"].contains(&next),
                    "{lines:?} breaks inside a phrase"
                );
            }
            let face = fonts().faces().unwrap().get(FontStyle::Bold);
            let widths: Vec<u32> = lines.iter().map(|l| face.text_width(l)).collect();
            let (lo, hi) = (widths.iter().min().unwrap(), widths.iter().max().unwrap());
            assert!(*lo as f32 > 0.5 * *hi as f32, "unbalanced: {lines:?}");
        }
        // The report's header uses them.
        let l = lay(&sample_document());
        assert!(
            l.pages[0]
                .texts()
                .all(|t| !t.text.ends_with("nhiệm") && !t.text.ends_with("năm"))
        );
    }

    /// The total-fit search weighs candidate lines in proportion to the paragraph's length:
    /// four times the words, about four times the candidates (a quadratic search, sixteen).
    #[test]
    fn the_break_search_grows_linearly_with_the_paragraph() {
        let face = fonts().faces().unwrap().get(FontStyle::Regular);
        let limit = (TEXT_WIDTH * 1000.0 / BODY_SIZE) as u32;
        let space = face.width(' ');
        let candidates = |words: usize| {
            let text: Vec<&str> = SENTENCE.split(' ').cycle().take(words).collect();
            let text = text.join(" ");
            let atoms = atoms(face, &text, limit);
            let (ends, candidates) = total_fit(&atoms, space, limit, limit);
            assert_eq!(ends.last(), Some(&atoms.len()));
            candidates
        };
        let (small, large) = (candidates(5_000), candidates(20_000));
        let ratio = large as f64 / small as f64;
        eprintln!("candidates: {small} for 5.000 words, {large} for 20.000 (×{ratio:.2})");
        assert!(ratio < 4.5, "{small} then {large} candidates: ×{ratio:.2}");
    }

    /// The whole layout of one paragraph (cleaning, breaking, setting, paginating) stays
    /// linear too: four times the words take well under sixteen times as long. Each length is
    /// timed three times, interleaved, and the fastest run kept, so a busy machine does not
    /// make the test fail.
    #[test]
    fn laying_out_a_paragraph_four_times_as_long_takes_about_four_times_as_long() {
        let doc = |words: usize| {
            let text: Vec<&str> = SENTENCE.split(' ').cycle().take(words).collect();
            body(vec![Block::Paragraph(text.join(" "))])
        };
        let (small, large) = (doc(10_000), doc(40_000));
        let time = |d: &Document| {
            let start = std::time::Instant::now();
            let l = lay(d);
            assert!(!l.pages.is_empty());
            start.elapsed().as_secs_f64()
        };
        let (mut fast_small, mut fast_large) = (f64::INFINITY, f64::INFINITY);
        for _ in 0..3 {
            fast_small = fast_small.min(time(&small));
            fast_large = fast_large.min(time(&large));
        }
        let ratio = fast_large / fast_small;
        eprintln!("10.000 words {fast_small:.3} s, 40.000 words {fast_large:.3} s (×{ratio:.2})");
        assert!(ratio < 8.0, "×{ratio:.2}");
    }
}
