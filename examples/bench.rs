//! Timings of the window and the store on a large file, as medians over repeated runs:
//!
//!     cargo run --release --example synthetic -- big.sqlite --members 40 --years 20 --indicators 300
//!     cargo run --release --example bench -- big.sqlite [--runs 15] [--frames 300]
//!
//! The file is copied into a temporary data folder, so the window opens it as its own file
//! (a file from elsewhere is first checked and copied, which `khoi-thi-dua verify` measures).
//! The window is driven by egui_kittest without rendering: a frame's time is the CPU the
//! program spends building it (layout, widgets, the accessibility tree the harness asks for),
//! not the GPU's drawing. Every figure is the median of the runs, with the minimum and maximum.
//!
//! What is timed, on the file's last year:
//! - `store`: `Store::open` and the reads the window does to show a year (`YearView::load`);
//! - `window`: `App::new` on the file plus the first frame (fonts, layout of the members tab);
//! - `received`: `App::new` on a copy outside the data folder (integrity check, copy, load);
//! - `frame`: one frame of the Chỉ tiêu tab while the mouse wheel scrolls through every row
//!   (new rows to lay out at every frame); `frame-idle`: the same tab with the pointer moving;
//! - `edit`: one edit in the window (a member's narrative) saved and the year read again;
//! - `pdf`: the report of the year exported to PDF (embedded font);
//! - `score-frame`: one frame of the Chấm điểm tab while the wheel scrolls the criteria;
//! - `score-edit`: one score typed in the window: saved, the year patched in memory (not read
//!   again), totals and ranks derived again and the tab drawn; `score-derive`: the totals and
//!   ranks alone.

use egui::{Event, Modifiers, MouseWheelSource, MouseWheelUnit, TouchPhase};
use egui_kittest::Harness;
use khoi_thi_dua::domain::Year;
use khoi_thi_dua::edit::Edit;
use khoi_thi_dua::store::{Store, handovers, indicators, members, reports, years};
use khoi_thi_dua::ui::App;
use khoi_thi_dua::ui::app::{Action, Tab};
use std::process::ExitCode;
use std::time::{Duration, Instant};

mod common;

use common::arg;

fn main() -> ExitCode {
    common::main_with(run)
}

/// Median, minimum and maximum of the samples, in milliseconds.
fn summary(name: &str, samples: &mut [Duration]) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let n = samples.len();
    let median = if n % 2 == 1 {
        ms(samples[n / 2])
    } else {
        (ms(samples[n / 2 - 1]) + ms(samples[n / 2])) / 2.0
    };
    println!(
        "{name:<11} median {median:>9.3} ms   min {:>9.3}   max {:>9.3}   ({n} runs)",
        ms(samples[0]),
        ms(samples[n - 1]),
    );
}

fn harness(app: App) -> Harness<'static, App> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(khoi_thi_dua::ui::setup_context)
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app)
}

fn run() -> Result<(), String> {
    let (args, source) = common::args_with_file(
        "cách dùng: bench FILE.sqlite [--runs N] [--frames N] [--only TÊN]",
    )?;
    let runs = arg(&args, "--runs", 15)?;
    let frames = arg(&args, "--frames", 300)?;
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);

    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir).map_err(|e| e.to_string())?;
    let db = data_dir.join("bench.sqlite");
    std::fs::copy(&source, &db).map_err(|e| format!("{}: {e}", source.display()))?;
    let (year, count) = {
        let store = Store::open(&db).map_err(|e| e.to_string())?;
        let year = *years::list(store.conn())
            .map_err(|e| e.to_string())?
            .last()
            .ok_or("tệp chưa có năm nào")?;
        let count = indicators::list(store.conn(), year)
            .map_err(|e| e.to_string())?
            .len();
        (year, count)
    };
    println!(
        "{}: năm {year}, {count} chỉ tiêu; {} lõi",
        source.display(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );

    if wanted("store") {
        let mut samples = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let store = Store::open(&db).map_err(|e| e.to_string())?;
            load_year(&store, year).map_err(|e| e.to_string())?;
            samples.push(start.elapsed());
        }
        summary("store", &mut samples);
    }

    if wanted("window") {
        let mut samples = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let h = harness(App::new(Some(data_dir.clone()), Some(db.clone())));
            samples.push(start.elapsed());
            if let Some(e) = h.state().error_message() {
                return Err(e.to_owned());
            }
        }
        summary("window", &mut samples);
    }

    if wanted("received") {
        // The same file opened from elsewhere: checked read-only, then copied into the data
        // folder (a copy of 50 MB per run, hence fewer runs).
        let outside = dir.path().join("nhan-duoc.sqlite");
        std::fs::copy(&db, &outside).map_err(|e| e.to_string())?;
        let mut samples = Vec::new();
        for _ in 0..runs.min(5) {
            let start = Instant::now();
            let app = App::new(Some(data_dir.clone()), Some(outside.clone()));
            samples.push(start.elapsed());
            if app.session.is_none() {
                return Err(app.error_message().unwrap_or("không mở được").to_owned());
            }
        }
        summary("received", &mut samples);
        let _ = std::fs::remove_dir_all(data_dir.join("received"));
    }

    if wanted("frame") {
        let mut h = harness(App::new(Some(data_dir.clone()), Some(db.clone())));
        h.state_mut().push(Action::SelectTab(Tab::Indicators));
        h.run();
        if h.state().tab != Tab::Indicators {
            return Err("không chuyển được sang thẻ Chỉ tiêu".into());
        }
        h.event(Event::PointerMoved(egui::pos2(450.0, 450.0)));
        h.step();
        // 28 points a row: a wheel step of 60 rows reaches the end of 12.000 rows in about
        // 200 frames; then it turns back.
        let mut down = true;
        let mut samples = Vec::with_capacity(frames);
        let mut last_offset = None;
        let mut seen = std::collections::BTreeSet::new();
        let mut turns = 0;
        let mut cooldown = 0u32;
        for _ in 0..frames {
            let dy = if down { -1680.0 } else { 1680.0 };
            samples.push(wheel_frame(&mut h, dy));
            // The first data row shown tells whether the table moved.
            let offset = first_row_shown(&h);
            // At an end the table stops moving; the wheel's last push may still hold it there
            // for a frame after turning, hence the pause before another turn.
            cooldown = cooldown.saturating_sub(1);
            if offset.is_some() && offset == last_offset && cooldown == 0 {
                down = !down;
                turns += 1;
                cooldown = 5;
            }
            if let Some(o) = &offset {
                seen.insert(o.clone());
            }
            last_offset = offset;
        }
        summary("frame", &mut samples);
        // Proof that the frames scrolled: how many different first rows were shown.
        println!(
            "           {} different first rows shown, {turns} turns at an end of the table",
            seen.len()
        );
        // The same tab when nothing moves (the text of the rows is laid out already).
        let mut samples = Vec::with_capacity(frames);
        for i in 0..frames {
            h.event(Event::PointerMoved(egui::pos2(
                450.0,
                450.0 + (i % 2) as f32,
            )));
            let start = Instant::now();
            h.step();
            samples.push(start.elapsed());
        }
        summary("frame-idle", &mut samples);
    }

    if wanted("edit") {
        let mut h = harness(App::new(Some(data_dir.clone()), Some(db.clone())));
        let member = {
            let s = h.state().session.as_ref().ok_or("chưa mở được tệp")?;
            s.view
                .members_in_year()
                .first()
                .map(|m| m.id)
                .ok_or("năm không có đơn vị")?
        };
        let mut samples = Vec::new();
        for i in 0..runs {
            let field = khoi_thi_dua::domain::NarrativeField::Achievements;
            let previous = h
                .state()
                .session
                .as_ref()
                .and_then(|s| s.view.data.narratives.iter().find(|n| n.member == member))
                .map(|n| n.field(field).to_owned())
                .unwrap_or_default();
            h.state_mut().push(Action::Edit(Edit::SetNarrative {
                year,
                member,
                field,
                previous,
                text: format!("Hoàn thành tốt các chỉ tiêu được giao (lần sửa {i})."),
            }));
            let start = Instant::now();
            h.step();
            samples.push(start.elapsed());
            if let Some(e) = h.state().error_message() {
                return Err(e.to_owned());
            }
        }
        summary("edit", &mut samples);
    }

    if wanted("score-frame") {
        let mut h = harness(App::new(Some(data_dir.clone()), Some(db.clone())));
        h.state_mut().push(Action::SelectTab(Tab::Scoring));
        h.run();
        if h.state().tab != Tab::Scoring {
            return Err("không chuyển được sang thẻ Chấm điểm".into());
        }
        h.event(Event::PointerMoved(egui::pos2(500.0, 300.0)));
        h.step();
        let mut samples = Vec::with_capacity(frames);
        for i in 0..frames {
            // Down through the criteria and back, a few rows a frame.
            let dy = if (i / 40) % 2 == 0 { -90.0 } else { 90.0 };
            samples.push(wheel_frame(&mut h, dy));
        }
        summary("score-frame", &mut samples);
    }

    if wanted("score-edit") {
        use khoi_thi_dua::domain::scoring::{Inputs, Score, ScoreChange, Stage, compute, rank};
        let mut h = harness(App::new(Some(data_dir.clone()), Some(db.clone())));
        h.state_mut().push(Action::SelectTab(Tab::Scoring));
        h.run();
        let (members, scheme, data) = {
            let s = h.state().session.as_ref().ok_or("chưa mở được tệp")?;
            let scheme = s
                .view
                .data
                .scoring
                .scheme
                .clone()
                .ok_or("năm chưa có bảng điểm")?;
            let members: Vec<i64> = s.view.members_in_year().iter().map(|m| m.id).collect();
            (members, scheme, s.view.data.clone())
        };
        let leaf = scheme
            .criteria
            .iter()
            .find(|c| {
                !scheme.has_children(c.id)
                    && matches!(
                        c.kind,
                        khoi_thi_dua::domain::scoring::CriterionKind::Entered
                    )
            })
            .ok_or("bảng điểm không có mục chấm trực tiếp")?
            .clone();
        println!(
            "           {} đơn vị × {} tiêu chí, {} điểm đã chấm",
            members.len(),
            scheme.criteria.len(),
            data.scoring.scores.len()
        );
        let mut samples = Vec::new();
        for i in 0..runs {
            let member = members[i % members.len()];
            let value = leaf.max * if i % 2 == 0 { 0.5 } else { 1.0 };
            h.state_mut().push(Action::Edit(Edit::SetScores {
                year,
                changes: vec![ScoreChange::set(Score::new(
                    member,
                    leaf.id,
                    Stage::Final,
                    value,
                ))],
            }));
            let start = Instant::now();
            // The edit is applied after this frame; the next one derives and draws.
            h.step();
            h.step();
            samples.push(start.elapsed());
            if let Some(e) = h.state().error_message() {
                return Err(e.to_owned());
            }
        }
        summary("score-edit", &mut samples);
        let mut samples = Vec::new();
        for _ in 0..runs {
            let start = Instant::now();
            let totals = compute(&scheme, &members, &data.scoring.scores, Inputs::of(&data));
            let ranking = rank(&scheme, &totals);
            samples.push(start.elapsed());
            std::hint::black_box(ranking);
        }
        summary("score-derive", &mut samples);
    }

    if wanted("pdf") {
        let fonts = khoi_thi_dua::ops::export::document_fonts(false);
        let out = dir.path().join("bench.pdf");
        let mut store = Store::open(&db).map_err(|e| e.to_string())?;
        let mut samples = Vec::new();
        for _ in 0..runs.min(5) {
            let _ = std::fs::remove_file(&out);
            let start = Instant::now();
            let done = khoi_thi_dua::ops::export::export_document(
                &mut store,
                year,
                khoi_thi_dua::ops::export::DocumentKind::Report,
                &out,
                &fonts,
                Default::default(),
                khoi_thi_dua::ops::Overwrite::Allow,
            )
            .map_err(|e| e.to_string())?;
            samples.push(start.elapsed());
            if done.pages == 0 {
                return Err("PDF không có trang nào".into());
            }
        }
        summary("pdf", &mut samples);
    }
    Ok(())
}

/// One frame drawn after the mouse wheel moved by `dy` points; its time.
fn wheel_frame(h: &mut Harness<'static, App>, dy: f32) -> Duration {
    h.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    let start = Instant::now();
    h.step();
    start.elapsed()
}

/// What the window reads to show a year (`YearView::load`), through the public store API.
fn load_year(store: &Store, year: Year) -> khoi_thi_dua::store::Result<usize> {
    let conn = store.conn();
    let record = years::get(conn, year)?;
    let all = members::list(conn)?;
    let attendees = years::attendees(conn, year)?;
    let list = indicators::list(conn, year)?;
    let narratives = years::narratives(conn, year)?;
    let report = reports::get(conn, year, khoi_thi_dua::domain::ReportKind::YearEnd)?;
    let versions = reports::versions(conn, year, khoi_thi_dua::domain::ReportKind::YearEnd)?;
    let opinions = reports::opinions(conn, year, khoi_thi_dua::domain::ReportKind::YearEnd)?;
    let hs = handovers::list(conn, year)?;
    let ys = years::list(conn)?;
    let exported = reports::exported_at(conn, year, khoi_thi_dua::domain::ReportKind::YearEnd)?;
    Ok(usize::from(record.is_some())
        + all.len()
        + attendees.len()
        + list.len()
        + narratives.len()
        + usize::from(report.is_some())
        + versions.len()
        + opinions.len()
        + hs.len()
        + ys.len()
        + usize::from(exported.is_some()))
}

/// The name of the first indicator row the harness sees, to tell when scrolling has reached
/// an end of the table.
fn first_row_shown(h: &Harness<'static, App>) -> Option<String> {
    use egui_kittest::kittest::{NodeT, Queryable};
    let text = |n: &egui_kittest::kittest::AccessKitNode<'_>| n.label().or_else(|| n.value());
    h.query_all_by(move |node| text(node).is_some_and(|l| l.contains("(mục ")))
        .next()
        .and_then(|n| text(&n.accesskit_node()))
}
