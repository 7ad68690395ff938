//! The command line: with no subcommand it opens the window; each subcommand runs headless,
//! exits 0 on success, 1 with a one-line Vietnamese message on stderr on failure, and 2 on
//! wrong usage (clap's own exit code for usage errors).

mod office;
mod rollup;

use crate::domain::Year;
use crate::ops::export::{self, DocumentKind};
use crate::ops::{self, OpsError, Overwrite, handover};
use crate::store::Store;
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP_TEMPLATE: &str = "\
{about}

Cách dùng: {usage}

Lệnh:
{subcommands}

Tùy chọn:
{options}";

// `{options}` (and `{positionals}`) rather than `{all-args}`, which adds clap's English headings.
const SUB_HELP_TEMPLATE: &str = "\
{about}

Cách dùng: {usage}

Tùy chọn:
{options}";

/// The same for a command that takes a file name without an option before it.
const FILE_HELP_TEMPLATE: &str = "\
{about}

Cách dùng: {usage}

Tham số:
{positionals}

Tùy chọn:
{options}";

#[derive(Debug, Parser)]
#[command(
    name = "khoi-thi-dua",
    version,
    override_usage = "khoi-thi-dua [TÙY_CHỌN] [LỆNH]",
    about = "Khối thi đua: thành viên, chỉ tiêu, báo cáo tổng kết và bàn giao của khối giao ước thi đua.\nKhông có lệnh: mở cửa sổ chương trình.",
    help_template = HELP_TEMPLATE,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    subcommand_value_name = "LỆNH"
)]
pub struct Cli {
    /// Tệp dữ liệu (.sqlite) cần mở; mặc định là tệp trong thư mục dữ liệu của chương trình.
    #[arg(long, global = true, value_name = "TỆP")]
    pub db: Option<PathBuf>,

    /// Cách vẽ cửa sổ: glow (OpenGL, mặc định; chạy được trên máy cũ) hoặc wgpu.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "glow|wgpu",
        default_value_t = Renderer::Glow,
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub renderer: Renderer,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// In hướng dẫn này.
    #[arg(short = 'h', long, action = clap::ArgAction::Help, global = true)]
    help: Option<bool>,

    /// In số phiên bản.
    #[arg(short = 'V', long, action = clap::ArgAction::Version)]
    version: Option<bool>,
}

/// How the window is drawn (`--renderer`). Glow is the default: it starts under Wine and on old
/// office GPUs without current drivers, where wgpu fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Renderer {
    /// OpenGL, through glow.
    #[default]
    Glow,
    /// wgpu (Direct3D 12, Vulkan); this build has no wgpu and refuses it with a message.
    Wgpu,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ghi dữ liệu mẫu (Khối Kinh tế ngành tỉnh Hà Giang, năm 2020) vào một tệp mới.
    #[command(help_template = FILE_HELP_TEMPLATE, override_usage = "khoi-thi-dua sample [TÙY_CHỌN] <TỆP>")]
    Sample {
        /// Tệp mới cần tạo; tệp đã có sẽ không bị ghi đè.
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
    /// Xuất dữ liệu (cả tệp hoặc một năm) ra JSON.
    #[command(name = "export-json", help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua export-json [TÙY_CHỌN]")]
    ExportJson(ExportJson),
    /// Bàn giao nhiệm vụ Trưởng khối: khóa năm, mở năm sau, ghi tệp cho đơn vị nhận và biên bản PDF.
    #[command(help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua handover [TÙY_CHỌN] --year <NĂM> --to <ĐƠN_VỊ> --out <TỆP>")]
    Handover {
        /// Năm bàn giao (năm vừa kết thúc).
        #[arg(long, value_name = "NĂM")]
        year: Year,
        /// Đơn vị nhận: tên đầy đủ, tên viết tắt hoặc ký hiệu.
        #[arg(long, value_name = "ĐƠN_VỊ")]
        to: String,
        /// Tệp dữ liệu mới cho đơn vị nhận (.sqlite, chưa có).
        #[arg(long, value_name = "TỆP")]
        out: PathBuf,
        /// Ngày ghi trên biên bản, dạng ngày/tháng/năm; mặc định là ngày hội nghị tổng kết của
        /// năm (hôm nay nếu năm chưa ghi ngày hội nghị).
        #[arg(long, value_name = "NGÀY")]
        date: Option<String>,
        /// Làm lại một lần bàn giao bị ngắt: thay tệp bàn giao dở dang của chính lần đó.
        #[arg(long)]
        force: bool,
    },
    /// Kiểm tra một tệp nhận được (chỉ đọc, không sửa tệp); thoát 0 khi tệp nguyên vẹn.
    #[command(help_template = FILE_HELP_TEMPLATE, override_usage = "khoi-thi-dua verify [TÙY_CHỌN] <TỆP>")]
    Verify {
        /// Tệp cần kiểm tra.
        #[arg(value_name = "TỆP")]
        file: PathBuf,
    },
    /// Nhập dữ liệu từ tệp JSON vào tệp dữ liệu (tạo tệp mới nếu chưa có).
    #[command(name = "import-json", help_template = FILE_HELP_TEMPLATE, override_usage = "khoi-thi-dua import-json [TÙY_CHỌN] <TỆP_JSON>")]
    ImportJson {
        /// Tệp JSON cần nhập.
        #[arg(value_name = "TỆP_JSON")]
        input: PathBuf,
    },
    /// Xuất báo cáo tổng kết của một năm ra PDF theo thể thức Nghị định 30/2020/NĐ-CP.
    #[command(name = "export-pdf", help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua export-pdf [TÙY_CHỌN] --year <NĂM> --out <TỆP>")]
    ExportPdf(ExportArgs),
    /// Xuất một văn bản của năm ra PDF hoặc Word (.docx) theo phần mở rộng của tệp ra (tin bài
    /// cả .txt, .html), theo thể thức Nghị định 30/2020/NĐ-CP.
    #[command(help_template = SUB_HELP_TEMPLATE, override_usage = "khoi-thi-dua export [TÙY_CHỌN] --year <NĂM> --document <VĂN_BẢN> --out <TỆP.pdf|TỆP.docx>")]
    Export(ExportArgs),
    #[command(name = "export-xlsx")]
    ExportXlsx(office::ExportXlsx),
    #[command(name = "export-requests")]
    ExportRequests(office::ExportRequests),
    #[command(name = "import-xlsx")]
    ImportXlsx(office::ImportXlsx),
    Rollup(rollup::Rollup),
}

/// The arguments of `export` and `export-pdf`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Năm của báo cáo.
    #[arg(long, value_name = "NĂM")]
    pub year: Year,
    /// Tệp cần ghi: .pdf; với lệnh export cả .docx (Word); tin bài cả .txt, .html.
    #[arg(long, value_name = "TỆP")]
    pub out: PathBuf,
    /// Dùng phông Liberation Serif kèm theo chương trình, kể cả khi máy có Times New Roman.
    #[arg(long)]
    pub embedded_font: bool,
    /// Văn bản cần xuất: report (báo cáo tổng kết), minutes (biên bản hội nghị),
    /// midyear-report (báo cáo sơ kết 6 tháng đầu năm), midyear-minutes (biên bản hội nghị
    /// sơ kết), news
    /// (tin bài; đuôi .txt hoặc .html cho văn bản thuần hoặc HTML), scores (bảng tổng hợp
    /// kết quả chấm điểm, xếp hạng), score-sheet (bảng điểm chi tiết của từng đơn vị) hoặc
    /// score-form (mẫu tự chấm điểm để trống), proposal (tờ trình đề nghị khen thưởng),
    /// review-minutes (biên bản họp bình xét, suy tôn), vote-count (biên bản kiểm phiếu) hoặc
    /// ballot (phiếu bầu), pledge (bản ký kết giao ước thi đua), plan (kế hoạch tổ chức
    /// phong trào thi đua, dự thảo), guide (hướng dẫn sử dụng);
    /// mặc định: report.
    #[arg(
        long,
        value_enum,
        default_value = "report",
        value_name = "VĂN_BẢN",
        hide_default_value = true,
        hide_possible_values = true
    )]
    pub document: DocumentArg,
    /// Với score-sheet và score-form: chỉ in cho đơn vị này (tên đầy đủ, tên ngắn hoặc viết
    /// tắt).
    #[arg(long, value_name = "ĐƠN_VỊ")]
    pub member: Option<String>,
    /// Ghi đè tệp ra khi tệp đó đã có.
    #[arg(long)]
    pub force: bool,
    /// Báo cáo chưa thông qua: in thêm chữ “DỰ THẢO” chéo trên mỗi trang.
    #[arg(long)]
    pub draft_watermark: bool,
    /// Báo cáo: không in kèm biểu đồ (mặc định có biểu đồ tỷ lệ chỉ tiêu đạt kế hoạch và biểu
    /// đồ tổng điểm xếp hạng ở phụ lục).
    #[arg(long)]
    pub no_charts: bool,
}

/// The documents `export-pdf` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentArg {
    Report,
    Minutes,
    // The review of the first six months and its conference's minutes.
    MidyearReport,
    MidyearMinutes,
    News,
    Scores,
    ScoreSheet,
    ScoreForm,
    // The award proposal's dossier (plain comments: a doc comment would become clap's help).
    Proposal,
    ReviewMinutes,
    VoteCount,
    Ballot,
    // The pledge signed at the start of the year, and the year's plan.
    Pledge,
    Plan,
    // The user's guide.
    Guide,
}

#[derive(Debug, Args)]
pub struct ExportJson {
    /// Chỉ xuất một năm.
    #[arg(long, value_name = "NĂM")]
    pub year: Option<Year>,
    /// Tệp JSON cần ghi; mặc định in ra màn hình.
    #[arg(long, value_name = "TỆP")]
    pub out: Option<PathBuf>,
    /// Ghi đè tệp ra khi tệp đó đã có.
    #[arg(long)]
    pub force: bool,
}

/// A usage error as the user should read it: what was wrong, in Vietnamese, then the usage
/// line and where to find help.
fn usage_error(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => format!(
            "Thiếu tham số bắt buộc: {}.",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::UnknownArgument => {
            format!("Không có tham số “{}”.", context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => format!(
            "Không có lệnh “{}”.",
            context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => format!(
            "Giá trị “{}” không dùng được cho {}.",
            context(ContextKind::InvalidValue),
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::ArgumentConflict
            if context(ContextKind::PriorArg) == context(ContextKind::InvalidArg) =>
        {
            format!(
                "Tham số {} chỉ được dùng một lần.",
                context(ContextKind::InvalidArg)
            )
        }
        ErrorKind::ArgumentConflict => format!(
            "Không dùng cùng lúc được {} và {}.",
            context(ContextKind::InvalidArg),
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => format!(
            "Tham số “{}” chỉ nhận một giá trị.",
            context(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "Thiếu lệnh.".to_owned()
        }
        _ => "Lệnh gõ chưa đúng cách dùng.".to_owned(),
    };
    let usage = context(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_owned();
    let mut out = format!("Lỗi: {what}");
    if !usage.is_empty() {
        out.push_str(&format!("\nCách dùng: {usage}"));
    }
    out.push_str("\nXem hướng dẫn: khoi-thi-dua --help (hoặc khoi-thi-dua LỆNH --help).");
    out
}

/// Parses the arguments and runs the window or the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A usage error: said in Vietnamese (clap's own words are English), exit 2.
            eprintln!("{}", usage_error(&e));
            return ExitCode::from(2);
        }
        Err(e) => {
            // Help and version are printed by clap and exit 0. If even that cannot be printed
            // (a closed stdout) there is nobody left to tell.
            return ExitCode::from(if e.print().is_err() { 2 } else { 0 });
        }
    };
    // Held until the program ends: another instance starting meanwhile leaves alone the
    // temporaries this one may be building.
    let _instance = crate::paths::data_dir().map(|dir| ops::lock::start_instance(&dir));
    match cli.command {
        None => match cli.renderer {
            Renderer::Glow => crate::ui::run(cli.db),
            Renderer::Wgpu => {
                eprintln!(
                    "Lỗi: bản chương trình này chỉ có cách vẽ OpenGL (glow), không có wgpu. Hãy chạy lại không kèm --renderer wgpu."
                );
                ExitCode::from(2)
            }
        },
        Some(command) => {
            // Only the export commands replace an existing output with --force.
            let forceable = matches!(
                command,
                Command::ExportJson(_)
                    | Command::ExportPdf(_)
                    | Command::Export(_)
                    | Command::ExportXlsx(_)
                    | Command::ExportRequests(_)
                    | Command::Rollup(_)
            );
            run_and_report(cli.db.as_deref(), command, forceable)
        }
    }
}

/// Runs a headless command and reports its outcome: what it printed and exit 0, or one
/// Vietnamese line on stderr and exit 1.
fn run_and_report(db: Option<&Path>, command: Command, forceable: bool) -> ExitCode {
    match run_command(db, command) {
        Ok(message) => {
            // A closed pipe (`| head`) is no failure of the command, and nobody is left to
            // tell: the output is dropped rather than panicking.
            if !message.is_empty() {
                let _ = writeln!(std::io::stdout().lock(), "{message}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            let mut message = one_line(&e.to_string());
            match e {
                OpsError::Exists { .. } if forceable => {
                    message.push_str(" Muốn ghi đè, hãy thêm --force.")
                }
                OpsError::UnfinishedHandover { .. } => {
                    message.push_str(" Muốn làm lại, hãy chạy lại lệnh với --force.")
                }
                _ => {}
            }
            eprintln!("Lỗi: {message}");
            ExitCode::from(1)
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overwrite(force: bool) -> Overwrite {
    if force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    }
}

/// Runs one headless command; `Ok` carries what to print.
pub fn run_command(db: Option<&Path>, command: Command) -> Result<String, OpsError> {
    match command {
        Command::Sample { file } => {
            crate::sample::write_sample(&file)?;
            Ok(format!(
                "Đã ghi dữ liệu mẫu năm {} vào “{}”.",
                crate::sample::SAMPLE_YEAR,
                file.display()
            ))
        }
        Command::ExportJson(args) => {
            let store = open_to_read(db)?;
            match args.out {
                Some(out) => {
                    ops::json::export_file(&store, args.year, &out, overwrite(args.force))?;
                    Ok(format!("Đã xuất JSON: “{}”.", out.display()))
                }
                None => {
                    let text = ops::json::export_text(&store, args.year)?;
                    let mut stdout = std::io::stdout().lock();
                    writeln!(stdout, "{text}")
                        .map_err(|e| OpsError::Invalid(format!("Không in được JSON ({e}).")))?;
                    Ok(String::new())
                }
            }
        }
        Command::ExportPdf(args) => {
            // Other wrong extensions are refused after the output rules, as for `export`.
            let kind = document_kind(args.document, None);
            if export::Format::for_output(kind, &args.out).ok() == Some(export::Format::Docx) {
                return Err(OpsError::Invalid(
                    "Lệnh export-pdf chỉ ghi PDF; để xuất văn bản Word (.docx), hãy dùng lệnh export.".to_owned(),
                ));
            }
            export_command(db, args)
        }
        Command::Export(args) => export_command(db, args),
        Command::Handover {
            year,
            to,
            out,
            date,
            force,
        } => {
            let (mut store, _claim) = open_to_write(db)?;
            let all = crate::store::members::list(store.conn())?;
            let to = handover::find_member(&all, year, &to)?;
            let date = match date {
                Some(d) => crate::text::date::parse_date(&d)
                    .map_err(|e| OpsError::Invalid(e.to_string()))?,
                None => match crate::store::years::get(store.conn(), year)? {
                    Some(record) => handover::default_date(&record),
                    None => chrono::Local::now().date_naive(),
                },
            };
            let backups = ops::backups_dir(crate::paths::data_dir().as_deref())?;
            let req = handover::HandoverRequest {
                year,
                to,
                date,
                notes: String::new(),
                items: handover::default_items(year),
                out,
                redo_unfinished: force,
            };
            let fonts = export::document_fonts(true);
            let done = handover::perform(&mut store, &req, &backups, &fonts)?;
            let mut message = format!(
                "Đã bàn giao năm {year}. Tệp cho đơn vị nhận: “{}”\nMã kiểm tra (SHA-256): {}\nBiên bản: “{}”\n{}",
                done.file.display(),
                done.sha256,
                done.minutes.display(),
                done.dated
            );
            if !done.dropped.is_empty() {
                message.push_str(&format!(
                    "\nĐã bỏ khỏi tệp bàn giao các đối tượng không do chương trình tạo: {}",
                    done.dropped.join(", ")
                ));
            }
            for kept in &done.replaced {
                message.push_str(&format!(
                    "\nTệp của lần bàn giao trước được chuyển vào: “{}”",
                    kept.display()
                ));
            }
            Ok(message)
        }
        Command::ExportXlsx(args) => office::export_xlsx(db, args),
        Command::ExportRequests(args) => office::export_requests(db, args),
        Command::ImportXlsx(args) => office::import_xlsx(db, args),
        Command::Rollup(args) => rollup::rollup(args),
        Command::Verify { file } => {
            let findings = crate::store::receive::inspect(&file);
            let text = findings.lines().join("\n");
            match findings.verdict {
                Ok(()) => Ok(text),
                Err(reason) => {
                    println!("{text}");
                    Err(OpsError::Invalid(reason))
                }
            }
        }
        Command::ImportJson { input } => {
            let Some(db) = db else {
                return Err(OpsError::Invalid(
                    "Hãy cho biết tệp dữ liệu cần nhập vào bằng --db TỆP.".to_owned(),
                ));
            };
            let summary = ops::json::import_file(db, &input)?;
            Ok(format!(
                "Đã nhập vào “{}”: {} đơn vị mới, {} chỉ tiêu, năm {}.",
                db.display(),
                summary.members_added,
                summary.indicators_added,
                summary
                    .years_added
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }
    }
}

/// The database given with `--db`, which must already exist (a headless command never
/// creates one by accident).
fn existing_db(db: Option<&Path>) -> Result<&Path, OpsError> {
    let Some(db) = db else {
        return Err(OpsError::Invalid(
            "Hãy cho biết tệp dữ liệu bằng --db TỆP.".to_owned(),
        ));
    };
    match std::fs::metadata(db) {
        Ok(m) if m.is_file() && m.len() > 0 => Ok(db),
        Ok(m) if m.is_file() => Err(OpsError::Invalid(format!(
            "Tệp dữ liệu “{}” trống (0 byte), không có dữ liệu của khối nào. Hãy kiểm tra lại tệp.",
            db.display()
        ))),
        _ => Err(OpsError::Invalid(format!(
            "Không tìm thấy tệp dữ liệu “{}”. Hãy kiểm tra lại đường dẫn.",
            db.display()
        ))),
    }
}

/// Opens the database of a command that only reads it: never written, never upgraded in place.
fn open_to_read(db: Option<&Path>) -> Result<Store, OpsError> {
    Ok(Store::open_read_only(existing_db(db)?)?)
}

/// Opens the database of a command that writes into it (an export records itself, a handover
/// locks the year), claimed as its one writer for as long as the claim is kept. An older
/// schema is upgraded only after a backup in the data folder.
fn open_to_write(db: Option<&Path>) -> Result<(Store, ops::lock::WriterLock), OpsError> {
    let db = existing_db(db)?;
    let data_dir = crate::paths::data_dir();
    let lock = ops::lock::claim(db, data_dir.as_deref())?;
    let backups = ops::backups_dir(data_dir.as_deref())?;
    Ok((Store::open_with_backups(db, Some(&backups))?, lock))
}

/// `export` and `export-pdf`: one document of a year, in the format the output's extension
/// chooses.
fn export_command(db: Option<&Path>, args: ExportArgs) -> Result<String, OpsError> {
    let ExportArgs {
        year,
        out,
        embedded_font,
        document,
        member,
        force,
        draft_watermark,
        no_charts,
    } = args;
    // A file of an older schema (a sender's, say) is exported through a copy in memory
    // and left as it is; the message says the export was not recorded in it.
    let older = Store::is_older_file(existing_db(db)?)?;
    let (mut store, _claim) = if older {
        (open_to_read(db)?, None)
    } else {
        let (store, claim) = open_to_write(db)?;
        (store, Some(claim))
    };
    let fonts = export::document_fonts(!embedded_font);
    let member = match &member {
        Some(typed) => {
            if !matches!(document, DocumentArg::ScoreSheet | DocumentArg::ScoreForm) {
                return Err(OpsError::Invalid(
                    "--member chỉ dùng với --document score-sheet hoặc score-form.".to_owned(),
                ));
            }
            let all = crate::store::members::list(store.conn())?;
            Some(handover::find_member(&all, year, typed)?)
        }
        None => None,
    };
    let kind = document_kind(document, member);
    let options = export::PrintOptions {
        diagonal_draft_mark: draft_watermark,
        charts: !no_charts,
    };
    let done = export::export_document(
        &mut store,
        year,
        kind,
        &out,
        &fonts,
        options,
        overwrite(force),
    )?;
    if let Some(missing) = done.missing_chars_message() {
        eprintln!("Chú ý: {missing}");
    }
    for warning in &done.warnings {
        eprintln!("Lưu ý: {warning}");
    }
    Ok(done.message(kind, year, &out))
}

fn document_kind(document: DocumentArg, member: Option<crate::domain::MemberId>) -> DocumentKind {
    match document {
        DocumentArg::Report => DocumentKind::Report,
        DocumentArg::Minutes => DocumentKind::Minutes,
        DocumentArg::MidyearReport => DocumentKind::MidyearReport,
        DocumentArg::MidyearMinutes => DocumentKind::MidyearMinutes,
        DocumentArg::News => DocumentKind::News,
        DocumentArg::Scores => DocumentKind::Scores,
        DocumentArg::ScoreSheet => DocumentKind::ScoreSheet(member),
        DocumentArg::ScoreForm => DocumentKind::ScoreForm(member),
        DocumentArg::Proposal => DocumentKind::Proposal,
        DocumentArg::ReviewMinutes => DocumentKind::ReviewMinutes,
        DocumentArg::VoteCount => DocumentKind::VoteCount,
        DocumentArg::Ballot => DocumentKind::Ballot,
        DocumentArg::Pledge => DocumentKind::Pledge,
        DocumentArg::Plan => DocumentKind::Plan,
        DocumentArg::Guide => DocumentKind::Guide,
    }
}
