//! Writes a deterministic bloc file of any size, for benchmarks and trials:
//!
//!     cargo run --release --example synthetic -- OUT.sqlite --members 40 --years 20 --indicators 300
//!
//! Realistic Vietnamese member names and indicators, every year but the last handed over,
//! a composed report per year. `--indicators` is per member and year.

use khoi_thi_dua::domain::{Indicator, Member, MemberName, YearRecord, YearStatus};
use khoi_thi_dua::store::{Store, indicators, members, reports, years};
use std::process::ExitCode;

mod common;

use common::arg;

const UNITS: &[&str] = &[
    "Sở Thông tin và Truyền thông",
    "Ban Quản lý Khu kinh tế",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Sở Công Thương",
    "Sở Xây dựng",
    "Sở Khoa học và Công nghệ",
    "Sở Tài nguyên và Môi trường",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Lao động - Thương binh và Xã hội",
];

const INDICATORS: &[(&str, &str)] = &[
    (
        "Tin bài tuyên truyền trên cổng thông tin điện tử",
        "tin bài",
    ),
    ("Diện tích trồng rừng mới", "ha"),
    ("Dự án được giao đất, cho thuê đất", "dự án"),
    ("Km đường giao thông nông thôn được cứng hóa", "km"),
    ("Doanh nghiệp được hỗ trợ chuyển đổi số", "doanh nghiệp"),
    ("Hồ sơ thủ tục hành chính giải quyết đúng hạn", "hồ sơ"),
    (
        "Lượt người được tuyên truyền, phổ biến pháp luật",
        "lượt người",
    ),
    ("Nhãn hiệu tập thể được bảo hộ", "nhãn hiệu"),
    ("Vốn đầu tư công giải ngân", "triệu đồng"),
    ("Công trình xây dựng được cấp phép", "công trình"),
];

fn main() -> ExitCode {
    common::main_with(run)
}

fn run() -> Result<(), String> {
    let (args, out) = common::args_with_file(
        "cách dùng: synthetic OUT.sqlite [--members N] [--years N] [--indicators N]",
    )?;
    let n_members = arg(&args, "--members", 40)?;
    let n_years = arg(&args, "--years", 20)?;
    let n_indicators = arg(&args, "--indicators", 300)?;
    if out.exists() {
        return Err(format!("tệp “{}” đã có", out.display()));
    }
    let mut store = Store::open(&out).map_err(|e| e.to_string())?;
    let first_year = 2026 - n_years as i32;
    let mut rng: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: deterministic, no dependency.
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let ids = store
        .write(|tx| {
            let mut ids = Vec::new();
            for i in 0..n_members {
                let base = UNITS[i % UNITS.len()];
                let full = if i < UNITS.len() {
                    base.to_owned()
                } else {
                    format!("{base} (đơn vị {})", i / UNITS.len() + 1)
                };
                ids.push(members::insert(
                    tx,
                    &Member {
                        id: 0,
                        position: 0,
                        joined_year: first_year,
                        left_year: None,
                        merged_into: None,
                        head_name: format!("Nguyễn Văn {}", (b'A' + (i % 26) as u8) as char),
                        head_title: "Giám đốc".into(),
                        contact_name: String::new(),
                        phone: format!("0219 38{:05}", i),
                        email: String::new(),
                        names: vec![MemberName {
                            from_year: first_year,
                            full_name: full,
                            short_name: String::new(),
                            abbreviation: format!("DV{}", i + 1),
                        }],
                    },
                )?);
            }
            Ok(ids)
        })
        .map_err(|e| e.to_string())?;
    for y in 0..n_years {
        let year = first_year + y as i32;
        let leader = ids[y % ids.len()];
        store
            .write(|tx| {
                let mut rec = YearRecord::new(year, "Khối Kinh tế ngành", "tỉnh Hà Giang", "Hà Giang");
                rec.leader = Some(leader);
                rec.next_leader = Some(ids[(y + 1) % ids.len()]);
                rec.conference_date = chrono::NaiveDate::from_ymd_opt(year, 12, 16);
                rec.conference_venue = "Hội trường Sở Thông tin và Truyền thông".into();
                years::insert(tx, &rec)?;
                for (m, &member) in ids.iter().enumerate() {
                    for k in 0..n_indicators {
                        let (name, unit) = INDICATORS[(k + m) % INDICATORS.len()];
                        let plan = (next() % 500_000) as f64 / 100.0 + 1.0;
                        let result = plan * ((next() % 40) as f64 + 80.0) / 100.0;
                        indicators::insert(
                            tx,
                            &Indicator {
                                id: 0,
                                year,
                                member,
                                group: format!("Nhóm {}", k / 25 + 1),
                                name: format!("{name} (mục {})", k + 1),
                                unit: unit.into(),
                                plan: Some(plan),
                                result: Some((result * 100.0).round() / 100.0),
                                note: String::new(),
                                sort: k as i64,
                            },
                        )?;
                    }
                    years::set_narrative(
                        tx,
                        year,
                        member,
                        "Hoàn thành tốt các chỉ tiêu, nhiệm vụ được giao; tổ chức nhiều phong trào thi đua thiết thực.",
                    )?;
                }
                let all = members::list(tx)?;
                let data = years::data(tx, year)?;
                reports::save(tx, year, &khoi_thi_dua::report::compose::compose_draft(&all, &data))?;
                if y + 1 < n_years {
                    years::set_status(tx, year, YearStatus::HandedOver, "Bàn giao")?;
                    // The lock is stamped with the clock; a fixed time keeps the file the same
                    // from run to run (same bytes, same JSON export).
                    tx.execute(
                        "UPDATE year_event SET at = ?2 WHERE year = ?1",
                        rusqlite::params![year, format!("{}-01-05 08:00:00", year + 1)],
                    )?;
                }
                Ok(())
            })
            .map_err(|e| e.to_string())?;
    }
    println!(
        "Đã ghi “{}”: {n_members} đơn vị, {n_years} năm, {} chỉ tiêu.",
        out.display(),
        n_members * n_years * n_indicators
    );
    Ok(())
}
