//! The pledge signed at the start of the year: goals from the directions the year before
//! adopted, each member's key works and registered targets as typed, the scoring guide in
//! force, and a signature for every member's head.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use khoi_thi_dua::domain::{NarrativeField, members_in};
use khoi_thi_dua::store::{Store, indicators, members, years};

mod common;

#[test]
fn the_pledge_carries_key_works_targets_as_typed_and_every_heads_signature() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    let names: Vec<String> = {
        let mut store = Store::open(&db).unwrap();
        let all = members::list(store.conn()).unwrap();
        let in_bloc: Vec<_> = members_in(&all, 2020).into_iter().cloned().collect();
        store
            .write(|tx| {
                for (k, m) in in_bloc.iter().enumerate() {
                    let mut m = m.clone();
                    m.head_name = format!("Thủ Trưởng Số {}", k + 1);
                    m.head_title = "Giám đốc".to_owned();
                    members::update_details(tx, &m)?;
                }
                years::set_member_text(
                    tx,
                    2020,
                    in_bloc[0].id,
                    NarrativeField::KeyWorks,
                    "- Số hóa hồ sơ địa chính\nXây dựng cơ sở dữ liệu đất đai.",
                )?;
                let mut ind = indicators::list(tx, 2020)?.remove(0);
                ind.set_plan("Trên 4").unwrap();
                indicators::update(tx, &ind)
            })
            .unwrap();
        in_bloc
            .iter()
            .map(|m| m.full_name_in(2020).to_uppercase())
            .collect()
    };
    let out = dir.path().join("giao-uoc.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "pledge"]);
    common::run_ok(dir.path(), &args);
    common::assert_pdf(&out);
    let Some(raw) = common::tool_text("pdftotext", &[common::s(&out), "-"]) else {
        return;
    };
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "BẢN KÝ KẾT",
        "Giao ước thi đua năm 2020",
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15",
        "- Số hóa hồ sơ địa chính;",
        "- Xây dựng cơ sở dữ liệu đất đai.",
        "(chưa đăng ký)",
        "Trên 4",
        "(Kèm theo Bản ký kết giao ước thi đua năm 2020)",
        "Bảng điểm thi đua năm 2020",
        "GIÁM ĐỐC",
        "/GƯ-",
        "Nơi nhận:",
        "- Lưu: VT.",
    ] {
        assert!(words.contains(expected), "missing “{expected}” in:\n{raw}");
    }
    // Every member's head signs, by name.
    for k in 1..=names.len() {
        let signer = format!("Thủ Trưởng Số {k}");
        assert!(words.contains(&signer), "missing {signer} in:\n{raw}");
    }
    assert!(
        names.len() >= 8,
        "the sample bloc has {} members",
        names.len()
    );
}

#[test]
fn the_plan_is_composed_as_a_draft_in_pdf_and_in_word() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    let out = dir.path().join("ke-hoach.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "plan"]);
    common::run_ok(dir.path(), &args);
    common::assert_pdf(&out);
    let docx = dir.path().join("ke-hoach.docx");
    common::run_ok(
        dir.path(),
        &[
            "export",
            "--db",
            common::s(&db),
            "--year",
            "2020",
            "--document",
            "plan",
            "--out",
            common::s(&docx),
        ],
    );
    assert!(std::fs::metadata(&docx).unwrap().len() > 1000);
    let Some(raw) = common::tool_text("pdftotext", &[common::s(&out), "-"]) else {
        return;
    };
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "DỰ THẢO",
        "KẾ HOẠCH",
        "Tổ chức phong trào thi đua năm 2020",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "III. TIẾN ĐỘ THỰC HIỆN",
        "Sở Thông tin và Truyền thông (Trưởng khối) chủ trì",
        "Bảng điểm thi đua năm 2020",
    ] {
        assert!(words.contains(expected), "missing “{expected}” in:\n{raw}");
    }
}

#[test]
fn the_guide_prints_every_section() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::sample(dir.path(), "khoi.sqlite");
    let out = dir.path().join("huong-dan.pdf");
    let mut args = common::export_pdf_args(&db, &out);
    args.extend(["--document", "guide"]);
    common::run_ok(dir.path(), &args);
    common::assert_pdf(&out);
    let Some(raw) = common::tool_text("pdftotext", &[common::s(&out), "-"]) else {
        return;
    };
    let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for (heading, _) in khoi_thi_dua::report::guide::SECTIONS {
        assert!(words.contains(heading), "missing “{heading}” in:\n{raw}");
    }
}
