//! The reference sample: the 2020 "Khối Kinh tế ngành" of Hà Giang province, as told by the
//! province's news article about its year-end conference of 16/12/2020.
//!
//! Every figure below is taken from a sentence of that article (quoted beside it); nothing is
//! invented, and a member the article gives no figures for has none. The sample is code, so it
//! ships inside the binary.

use crate::domain::{
    Attendee, Conference, Indicator, Member, MemberId, PartOfDay, ReportKind, Year, YearRecord,
};
use crate::store::{Result, Store, StoreError, conference, indicators, members, reports, years};
use std::path::Path;

pub const SAMPLE_YEAR: Year = 2020;

/// Full name, short form, document abbreviation: in the bloc's order as the article lists them.
const MEMBERS: [(&str, &str, &str); 8] = [
    ("Sở Thông tin và Truyền thông", "Sở TT&TT", "TTTT"),
    ("Ban Quản lý Khu kinh tế", "BQL KKT", "BQLKKT"),
    (
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở NN&PTNT",
        "SNN",
    ),
    ("Sở Giao thông vận tải", "Sở GTVT", "SGTVT"),
    ("Sở Công Thương", "Sở CT", "SCT"),
    ("Sở Xây dựng", "Sở XD", "SXD"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN", "SKHCN"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "STNMT"),
];

// Indexes into MEMBERS.
const TTTT: usize = 0;
const BQL: usize = 1;
const NN: usize = 2;
const GTVT: usize = 3;
const KHCN: usize = 6;
const TNMT: usize = 7;

/// (member, group, indicator, unit, plan, result, note)
type Row = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    Option<f64>,
    f64,
    &'static str,
);

const INDICATORS: &[Row] = &[
    // "Số video, tin bài được tuyên truyền là 1.128 tin bài trong đó 95 số tin bài chia sẻ,
    // 336 tin bài truyền thông trên wed, 682 tin bài truyền thông trên mạng xã hội, 15 tin bài
    // truyền thông trên ứng dụng dùng chung bản tin Popup."
    (
        TTTT,
        "Công tác truyền thông",
        "Số video, tin bài được tuyên truyền",
        "tin bài",
        None,
        1128.0,
        "",
    ),
    (
        TTTT,
        "Công tác truyền thông",
        "Tin bài chia sẻ",
        "tin bài",
        None,
        95.0,
        "",
    ),
    (
        TTTT,
        "Công tác truyền thông",
        "Tin bài truyền thông trên trang web",
        "tin bài",
        None,
        336.0,
        "",
    ),
    (
        TTTT,
        "Công tác truyền thông",
        "Tin bài truyền thông trên mạng xã hội",
        "tin bài",
        None,
        682.0,
        "",
    ),
    (
        TTTT,
        "Công tác truyền thông",
        "Tin bài trên ứng dụng dùng chung bản tin Popup",
        "tin bài",
        None,
        15.0,
        "",
    ),
    // "Sưu tầm, phát bản tin video trên hệ thống cụm truyền thanh cơ sở: 23 tin."
    (
        TTTT,
        "Truyền thanh cơ sở",
        "Bản tin video phát trên hệ thống cụm truyền thanh cơ sở",
        "tin",
        None,
        23.0,
        "",
    ),
    // "110 bản tin phát thanh được biên tập, số lượt phát thanh tại thôn, bản (541 thôn): 330 lượt"
    (
        TTTT,
        "Truyền thanh cơ sở",
        "Bản tin phát thanh được biên tập (truyền thanh Internet cơ sở)",
        "bản tin",
        None,
        110.0,
        "",
    ),
    (
        TTTT,
        "Truyền thanh cơ sở",
        "Lượt phát thanh tại thôn, bản",
        "lượt",
        None,
        330.0,
        "541 thôn",
    ),
    // "chuyển hình thức thuê đất với 39 dự án với tổng diện tích 3.611,73ha"
    (
        TNMT,
        "Quản lý đất đai",
        "Dự án được chuyển mục đích sử dụng đất, giao đất, cho thuê đất",
        "dự án",
        None,
        39.0,
        "",
    ),
    (
        TNMT,
        "Quản lý đất đai",
        "Tổng diện tích các dự án được giao, cho thuê đất",
        "ha",
        None,
        3611.73,
        "",
    ),
    // "quyết định thu hồi đất 08 dự án do trả lại đất, do hết hạn sử dụng đất với diện tích 239,14ha"
    (
        TNMT,
        "Quản lý đất đai",
        "Dự án thu hồi đất do trả lại đất, hết hạn sử dụng đất",
        "dự án",
        None,
        8.0,
        "",
    ),
    (
        TNMT,
        "Quản lý đất đai",
        "Diện tích đất thu hồi",
        "ha",
        None,
        239.14,
        "",
    ),
    // "toàn tỉnh có 07 chỉ dẫn địa lý, 07 nhãn hiệu chứng nhận, trên 10 nhãn hiệu tập thể và
    // hơn 100 nhãn hiệu độc quyền"
    (
        KHCN,
        "Sở hữu trí tuệ",
        "Chỉ dẫn địa lý",
        "chỉ dẫn",
        None,
        7.0,
        "toàn tỉnh",
    ),
    (
        KHCN,
        "Sở hữu trí tuệ",
        "Nhãn hiệu chứng nhận",
        "nhãn hiệu",
        None,
        7.0,
        "toàn tỉnh",
    ),
    (
        KHCN,
        "Sở hữu trí tuệ",
        "Nhãn hiệu tập thể",
        "nhãn hiệu",
        None,
        10.0,
        "trên 10",
    ),
    (
        KHCN,
        "Sở hữu trí tuệ",
        "Nhãn hiệu độc quyền",
        "nhãn hiệu",
        None,
        100.0,
        "hơn 100",
    ),
    // "phê duyệt triển khai 03/04 dự án xây dựng nhãn hiệu tập thể"
    (
        KHCN,
        "Sở hữu trí tuệ",
        "Dự án xây dựng nhãn hiệu tập thể được phê duyệt triển khai",
        "dự án",
        Some(4.0),
        3.0,
        "",
    ),
    // "Công tác trồng rừng được chú trọng thực hiện, đến ngày 10/11/2020 là 5.711,7 ha"
    (
        NN,
        "Trồng rừng",
        "Diện tích trồng rừng (đến ngày 10/11/2020)",
        "ha",
        None,
        5711.7,
        "",
    ),
    // "Trồng rừng mới theo Quyết định số “1511” được 1.463/1.498,3 đạt 98% kế hoạch"
    (
        NN,
        "Trồng rừng",
        "Trồng rừng mới theo Quyết định số 1511",
        "ha",
        Some(1498.3),
        1463.0,
        "",
    ),
    // "trồng rừng ngoài kế hoạch 4.248,7 ha"
    (
        NN,
        "Trồng rừng",
        "Trồng rừng ngoài kế hoạch",
        "ha",
        None,
        4248.7,
        "",
    ),
    // "trồng cây phân tán được 2.982,7 nghìn cây các loại (tương đương với 1.988 ha)"
    (
        NN,
        "Trồng rừng",
        "Trồng cây phân tán",
        "nghìn cây",
        None,
        2982.7,
        "tương đương 1.988 ha",
    ),
    // "Chăm sóc rừng trồng 1.738 ha"
    (
        NN,
        "Trồng rừng",
        "Chăm sóc rừng trồng",
        "ha",
        None,
        1738.0,
        "",
    ),
    // "hỗ trợ khoán bảo vệ rừng, khoanh nuôi phục hồi rừng tự nhiên triển khai thực hiện
    // 131.900 ha theo kế hoạch"
    (
        NN,
        "Bảo vệ rừng",
        "Khoán bảo vệ rừng, khoanh nuôi phục hồi rừng tự nhiên",
        "ha",
        None,
        131900.0,
        "theo kế hoạch",
    ),
    // "tổ chức tuyên truyền, phổ biến giáo dục pháp luật về bảo vệ rừng và PCCCR được 49.515 lượt người"
    (
        NN,
        "Bảo vệ rừng",
        "Tuyên truyền, phổ biến pháp luật về bảo vệ rừng và PCCCR",
        "lượt người",
        None,
        49515.0,
        "",
    ),
];

/// Each member's achievements as the article tells them (obvious typing slips corrected).
const NARRATIVES: &[(usize, &str)] = &[
    (
        TTTT,
        "Công tác truyền thông: số video, tin bài được tuyên truyền là 1.128 tin bài, trong đó 95 tin bài chia sẻ, 336 tin bài truyền thông trên trang web, 682 tin bài truyền thông trên mạng xã hội, 15 tin bài truyền thông trên ứng dụng dùng chung bản tin Popup. Sưu tầm, phát bản tin video trên hệ thống cụm truyền thanh cơ sở: 23 tin. Quản trị, vận hành hệ thống truyền thanh Internet cơ sở: 110 bản tin phát thanh được biên tập, số lượt phát thanh tại thôn, bản (541 thôn): 330 lượt.",
    ),
    (
        TNMT,
        "Trình UBND tỉnh cho phép chuyển mục đích sử dụng đất, giao đất, cho thuê đất thực hiện dự án, chuyển hình thức thuê đất với 39 dự án với tổng diện tích 3.611,73 ha; quyết định thu hồi đất 08 dự án do trả lại đất, do hết hạn sử dụng đất với diện tích 239,14 ha, giao cho UBND xã, thị trấn quản lý theo quy định; thu hồi đất để thực hiện bán đấu giá tài sản, chuyển nhượng quyền sử dụng đất gồm: trụ sở làm việc (cũ) của Phòng Giáo dục - Đào tạo huyện Xín Mần, công trình nhà phụ trợ của Kho bạc tỉnh, nhà làm việc (cũ) của Công ty KT xổ số, trụ sở làm việc (cũ) của Chi cục Thuế huyện Vị Xuyên, nhà làm việc (cũ) của Trung tâm cấp thoát nước và DVCCMT huyện Đồng Văn; ban hành kế hoạch định giá cụ thể để tính toán tiền bồi thường khi Nhà nước thu hồi đất và xác định giá khởi điểm quyền sử dụng đất khi Nhà nước thu tiền sử dụng đất, cho thuê đất năm 2020 trên địa bàn tỉnh Hà Giang.",
    ),
    (
        KHCN,
        "Hoạt động sở hữu trí tuệ, an toàn bức xạ, thông tin và thống kê khoa học đã được đẩy mạnh thông qua việc tuyên truyền về sở hữu trí tuệ, nâng cao nhận thức bảo vệ quyền sở hữu sản phẩm sản xuất. Đến nay, toàn tỉnh có 07 chỉ dẫn địa lý, 07 nhãn hiệu chứng nhận, trên 10 nhãn hiệu tập thể và hơn 100 nhãn hiệu độc quyền, đứng đầu cả nước về số lượng sản phẩm được đăng ký bảo hộ chỉ dẫn địa lý. Triển khai Kế hoạch 20/KH-UBND ngày 15/01/2020, đã tuyển chọn, phê duyệt danh mục các sản phẩm đặc sản của tỉnh gồm 01 nhãn hiệu chứng nhận, 02 nhãn hiệu tập thể và 05 nhãn hiệu độc quyền; phê duyệt triển khai 03/04 dự án xây dựng nhãn hiệu tập thể.",
    ),
    (
        GTVT,
        "Thực hiện tốt công tác quản lý, bảo trì đường bộ trên các tuyến đường được giao quản lý; chỉ đạo các đơn vị quản lý đường bộ kịp thời huy động phương tiện máy móc, thiết bị thi công xử lý các điểm sạt lở, tiềm ẩn tai nạn giao thông, đảm bảo an toàn cho người và phương tiện tham gia giao thông trên tuyến; đẩy nhanh tiến độ hoàn thành các dự án sửa chữa định kỳ đã được Tổng cục Đường bộ Việt Nam, UBND tỉnh giao.",
    ),
    (
        NN,
        "Công tác trồng rừng được chú trọng thực hiện, đến ngày 10/11/2020 là 5.711,7 ha, trong đó: trồng rừng mới theo Quyết định số 1511 được 1.463/1.498,3 ha, đạt 98% kế hoạch; trồng rừng ngoài kế hoạch 4.248,7 ha; trồng cây phân tán được 2.982,7 nghìn cây các loại (tương đương với 1.988 ha). Chăm sóc rừng trồng 1.738 ha; hỗ trợ khoán bảo vệ rừng, khoanh nuôi phục hồi rừng tự nhiên triển khai thực hiện 131.900 ha theo kế hoạch. Tổ chức tuyên truyền, phổ biến giáo dục pháp luật về bảo vệ rừng và phòng cháy, chữa cháy rừng được 49.515 lượt người.",
    ),
];

/// "… các thành viên trong khối đã đưa ra nhiều ý kiến bổ sung thêm vào báo cáo và đề ra
/// phương hướng nhiệm vụ năm 2021 như: …"
const DIRECTIONS_2021: &str = "Tiếp tục tổ chức quán triệt, tuyên truyền sâu rộng trong công chức, viên chức và người lao động các phong trào thi đua kết hợp chặt chẽ với cuộc vận động “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”; đồng thời tổ chức các đợt thi đua hướng tới các hoạt động kỷ niệm các ngày lễ lớn của đất nước, của tỉnh; đẩy mạnh các phong trào thi đua để thực hiện thắng lợi nhiệm vụ, chỉ tiêu kế hoạch được HĐND tỉnh, UBND tỉnh giao.
Đổi mới nội dung, hình thức thi đua, gắn với năng suất, chất lượng, hiệu quả, đảm bảo phù hợp với từng loại hình cơ sở; sơ kết, tổng kết, động viên, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong các phong trào thi đua.
Chú trọng xây dựng và nhân rộng điển hình tiên tiến, gương người tốt, việc tốt trong toàn thể công chức, viên chức và người lao động để mọi người làm việc hăng hái, có trách nhiệm cao trong lao động sản xuất, nhằm thực hiện thắng lợi mục tiêu kinh tế - xã hội của tỉnh đã đề ra.";

/// Writes the sample into a new file at `path`. An existing file is never overwritten.
pub fn write_sample(path: &Path) -> Result<Store> {
    if path.exists() {
        return Err(StoreError::Invalid(format!(
            "Tệp “{}” đã có. Hãy chọn tên tệp khác để không ghi đè dữ liệu.",
            path.display()
        )));
    }
    // Built under a temporary name: a full disk or a kill never leaves an empty or half-filled
    // file under the name the user gave.
    crate::fsutil::build_atomically(path, |tmp| -> Result<()> {
        let mut store = Store::open(tmp)?;
        fill(&mut store)
    })
    .map_err(|e| match e {
        StoreError::Io(source) => StoreError::Invalid(format!(
            "Không ghi được tệp “{}” ({source}). Hãy chọn thư mục khác có quyền ghi.",
            path.display()
        )),
        other => other,
    })?;
    Store::open(path)
}

/// Adds the sample bloc to an empty store, in one transaction.
pub fn fill(store: &mut Store) -> Result<()> {
    store.write(|tx| {
        let mut ids: Vec<MemberId> = Vec::with_capacity(MEMBERS.len());
        for (full, short, abbr) in MEMBERS {
            let mut member = Member::new(SAMPLE_YEAR, full);
            member.names[0].short_name = (*short).to_owned();
            member.names[0].abbreviation = (*abbr).to_owned();
            ids.push(members::insert(tx, &member)?);
        }
        let mut rec = YearRecord::new(
            SAMPLE_YEAR,
            "Khối Kinh tế ngành",
            "tỉnh Hà Giang",
            "Hà Giang",
        );
        rec.leader = Some(ids[TTTT]);
        rec.next_leader = Some(ids[BQL]);
        rec.conference_date = chrono::NaiveDate::from_ymd_opt(2020, 12, 16);
        rec.conference_venue = "Hội trường Sở Thông tin và Truyền thông tỉnh Hà Giang".to_owned();
        rec.directions = DIRECTIONS_2021.to_owned();
        // "… năm 2020 do UBND tỉnh phát động tại Chương trình số 298/CTr-UBND, ngày 25/12/2019"
        rec.basis = "Chương trình số 298/CTr-UBND ngày 25/12/2019".to_owned();
        years::insert(tx, &rec)?;

        // "Dự hội nghị có Lãnh đạo, chuyên viên các đơn vị thành viên trong Khối: … và Chuyên
        // viên Ban Thi đua khen thưởng."
        let mut attendees: Vec<Attendee> = ids
            .iter()
            .map(|&id| Attendee {
                id: 0,
                member: Some(id),
                guest_body: String::new(),
                person: String::new(),
                position: "Lãnh đạo, chuyên viên".to_owned(),
            })
            .collect();
        attendees.push(Attendee {
            id: 0,
            member: None,
            guest_body: "Ban Thi đua - Khen thưởng tỉnh Hà Giang".to_owned(),
            person: String::new(),
            position: "Chuyên viên".to_owned(),
        });
        years::set_attendees(tx, SAMPLE_YEAR, &attendees)?;
        // The article is signed "Lê Hằng", opens "Chiều ngày 16/12/2020", captions its photo
        // and names the members' results in its own order; it gives no times, chair or
        // secretary.
        conference::set(
            tx,
            SAMPLE_YEAR,
            ReportKind::YearEnd,
            &Conference {
                news_author: "Lê Hằng".to_owned(),
                part_of_day: PartOfDay::Afternoon,
                photo_caption: "Đại diện Sở Thông tin và Truyền thông - Trưởng khối Kinh tế ngành thông qua dự thảo báo cáo tại Hội nghị".to_owned(),
                news_order: [TTTT, TNMT, KHCN, GTVT, NN].map(|m| ids[m]).to_vec(),
                ..Conference::default()
            },
        )?;

        for (i, &(member, group, name, unit, plan, result, note)) in INDICATORS.iter().enumerate() {
            indicators::insert(
                tx,
                &Indicator {
                    id: 0,
                    year: SAMPLE_YEAR,
                    member: ids[member],
                    group: group.to_owned(),
                    name: name.to_owned(),
                    unit: unit.to_owned(),
                    plan,
                    plan_text: String::new(),
                    midyear: None,
                    result: Some(result),
                    note: note.to_owned(),
                    sort: i as i64 + 1,
                    key: None,
                },
            )?;
        }
        for &(member, text) in NARRATIVES {
            years::set_narrative(tx, SAMPLE_YEAR, ids[member], text)?;
        }
        // The article gives no score sheet and no scores: the sample gets the program's
        // template (marked as one) so the Chấm điểm tab has a sheet to adapt, and no scores.
        crate::store::scoring::set_scheme(
            tx,
            SAMPLE_YEAR,
            Some(&crate::domain::scoring::template_scheme(SAMPLE_YEAR)),
        )?;
        // Nor does it say who was proposed for which award, or how the vote went: the sample
        // gets the default award catalogue (marked as the template), no nominations, no votes.
        crate::store::awards::set(
            tx,
            SAMPLE_YEAR,
            &crate::domain::awards::YearAwards {
                awards: crate::domain::awards::default_catalogue(),
                ..Default::default()
            },
        )?;
        let all = members::list(tx)?;
        let data = crate::store::years::data(tx, SAMPLE_YEAR)?;
        let report = crate::report::compose::compose_draft(&all, &data);
        reports::save(tx, SAMPLE_YEAR, ReportKind::YearEnd, &report)?;
        Ok(())
    })
}
