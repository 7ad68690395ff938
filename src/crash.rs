//! What happens when the program panics: it never vanishes without a word.
//!
//! [`install`] (called first thing in `main`) sets a panic hook that writes a log (time, version,
//! message, location, backtrace) into `logs/` of the data folder, then tells the user: in the
//! window, a Vietnamese message box saying that the edits made before were saved and where the
//! log is; for a command-line subcommand, one Vietnamese line on stderr. Every user action is its
//! own committed transaction (`Store::write`), so a panic loses at most the action in progress.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the window is running (a message box) or a subcommand (a line on stderr).
static WINDOW: AtomicBool = AtomicBool::new(false);
/// Only the first panic shows a message box; a second thread panicking does not stack boxes.
static TOLD: AtomicBool = AtomicBool::new(false);

/// The folder, inside the data folder, that holds the crash logs.
pub const LOG_DIR: &str = "logs";

/// What a log records about one panic.
#[derive(Debug, Clone)]
pub struct Report {
    pub message: String,
    /// `file:line:column` where the panic happened.
    pub location: Option<String>,
    pub thread: Option<String>,
    pub backtrace: String,
}

/// Installs the panic hook. The previous hook still runs in debug builds, for developers.
pub fn install() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let report = Report {
            message: info
                .payload_as_str()
                .unwrap_or("(không rõ nội dung lỗi)")
                .to_owned(),
            location: info
                .location()
                .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())),
            thread: std::thread::current().name().map(str::to_owned),
            backtrace: std::backtrace::Backtrace::force_capture().to_string(),
        };
        let log = write_log(crate::paths::data_dir().as_deref(), &report);
        if WINDOW.load(Ordering::SeqCst) {
            if !TOLD.swap(true, Ordering::SeqCst) {
                show_message_box(window_message(&report, &log));
            }
        } else {
            eprintln!("{}", command_line(&log));
        }
        if cfg!(debug_assertions) {
            previous(info);
        }
    }));
}

/// Tells the hook whether the window is running; set before the window opens.
pub fn set_window_mode(window: bool) {
    WINDOW.store(window, Ordering::SeqCst);
}

/// Writes the log of `report` into `DATA_DIR/logs` (created when missing), or into the system's
/// temporary folder when there is no data folder or it cannot be written. Returns the log's path.
pub fn write_log(data_dir: Option<&Path>, report: &Report) -> std::io::Result<PathBuf> {
    let now = chrono::Local::now();
    let name = format!(
        "loi-{}-{}.log",
        now.format("%Y%m%d-%H%M%S"),
        std::process::id()
    );
    let text = log_text(report, &now.format("%Y-%m-%d %H:%M:%S %:z").to_string());
    let first = match data_dir {
        Some(dir) => write_in(&dir.join(LOG_DIR), &name, &text),
        None => Err(std::io::Error::other("không có thư mục dữ liệu")),
    };
    first.or_else(|e| {
        write_in(
            &std::env::temp_dir().join("khoi-thi-dua-logs"),
            &name,
            &text,
        )
        .map_err(|_| e)
    })
}

/// Appends one line to `logs/nhat-ky.log` in the data folder: causes worth keeping for support
/// that the user was already told about in Vietnamese (or that need no telling, such as a
/// temporary file that could not be removed). Best effort: a log that cannot be written must
/// not turn a handled situation into a failure, so its own error is dropped here, once.
pub fn log_note(text: &str) {
    let Some(dir) = crate::paths::data_dir() else {
        return;
    };
    let line = format!(
        "{} {text}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
    );
    if write_in(&dir.join(LOG_DIR), "nhat-ky.log", &line).is_err() {
        // Nowhere left to say it; see above.
    }
}

fn write_in(dir: &Path, name: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    Ok(path)
}

/// The text of a log. Labels are Vietnamese (the user may open it); the content is for support.
pub fn log_text(report: &Report, time: &str) -> String {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    format!(
        "Khối thi đua gặp lỗi không lường trước\n\
         Thời điểm: {time}\n\
         Phiên bản: {version}\n\
         Hệ điều hành: {os} {arch}\n\
         Chế độ: {mode}\n\
         Dòng lệnh: {args}\n\
         Luồng: {thread}\n\
         Lỗi: {message}\n\
         Vị trí: {location}\n\
         Backtrace:\n{backtrace}\n\n",
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
        mode = if WINDOW.load(Ordering::SeqCst) {
            "cửa sổ"
        } else {
            "dòng lệnh"
        },
        args = args.join(" "),
        thread = report.thread.as_deref().unwrap_or("(không tên)"),
        message = report.message,
        location = report.location.as_deref().unwrap_or("(không rõ)"),
        backtrace = report.backtrace,
    )
}

/// The message box text shown when the window meets a panic.
pub fn window_message(report: &Report, log: &std::io::Result<PathBuf>) -> String {
    let mut text = String::from(
        "Chương trình gặp một lỗi không lường trước và phải đóng lại.\n\n\
         Mọi thay đổi bạn đã làm trước đó đều đã được lưu vào tệp dữ liệu. \
         Hãy mở lại chương trình để làm tiếp.\n\n",
    );
    match log {
        Ok(path) => text.push_str(&format!(
            "Chi tiết lỗi đã được ghi vào tệp:\n{}\n\nHãy gửi tệp này cho người hỗ trợ kỹ thuật.",
            path.display()
        )),
        Err(e) => text.push_str(&format!(
            "Không ghi được tệp nhật ký lỗi ({e}). Chi tiết lỗi: {} ({}).",
            report.message,
            report.location.as_deref().unwrap_or("không rõ vị trí")
        )),
    }
    text
}

/// The one line printed on stderr when a subcommand meets a panic.
pub fn command_line(log: &std::io::Result<PathBuf>) -> String {
    match log {
        Ok(path) => format!(
            "Lỗi: chương trình gặp lỗi không lường trước; chi tiết đã ghi vào “{}”.",
            path.display()
        ),
        Err(e) => {
            format!("Lỗi: chương trình gặp lỗi không lường trước (không ghi được nhật ký: {e}).")
        }
    }
}

/// Tells the user that the window could not open: `ui::run` failed before any window existed,
/// and the Windows exe has no console to show its message.
pub fn tell_window_failed() {
    show_message_box(
        "Không mở được cửa sổ chương trình.\n\n\
         Thường là do trình điều khiển (driver) card đồ họa của máy chưa hỗ trợ OpenGL: \
         hãy cập nhật driver card đồ họa rồi mở lại chương trình."
            .to_owned(),
    );
}

/// Shows the error box and waits until it is closed. It runs on a thread of its own: the panic
/// may come from inside the window's event handling, and a modal box on that thread would
/// dispatch events back into the code that just failed.
fn show_message_box(text: String) {
    let shown = std::thread::Builder::new()
        .name("crash-dialog".to_owned())
        .spawn(move || {
            rfd::MessageDialog::new()
                .set_level(rfd::MessageLevel::Error)
                .set_title("Khối thi đua gặp lỗi")
                .set_description(text)
                .set_buttons(rfd::MessageButtons::Ok)
                .show();
        });
    if let Ok(handle) = shown {
        // Waits until the user has read the box; if that thread failed too, nothing is left
        // to tell anyone, and the log is already written.
        let _ = handle.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake() -> Report {
        Report {
            message: "chỉ tiêu “Thu ngân sách” không có năm".to_owned(),
            location: Some("src/ui/indicators_tab.rs:42:7".to_owned()),
            thread: Some("main".to_owned()),
            backtrace: std::backtrace::Backtrace::force_capture().to_string(),
        }
    }

    #[test]
    fn the_log_is_written_into_logs_of_the_data_folder() {
        let data = tempfile::tempdir().unwrap();
        let path = write_log(Some(data.path()), &fake()).unwrap();
        assert_eq!(path.parent().unwrap(), data.path().join(LOG_DIR));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("loi-") && name.ends_with(".log"), "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("Lỗi: chỉ tiêu “Thu ngân sách” không có năm"));
        assert!(text.contains("Vị trí: src/ui/indicators_tab.rs:42:7"));
        assert!(text.contains(&format!("Phiên bản: {}", env!("CARGO_PKG_VERSION"))));
        assert!(text.contains("Luồng: main"));
        let backtrace = text.split_once("Backtrace:\n").unwrap().1;
        assert!(backtrace.trim().lines().count() > 1, "{text}");
    }

    #[test]
    fn a_second_panic_in_the_same_second_is_appended_not_lost() {
        let data = tempfile::tempdir().unwrap();
        let first = write_log(Some(data.path()), &fake()).unwrap();
        let second = write_log(Some(data.path()), &fake()).unwrap();
        if first == second {
            let text = std::fs::read_to_string(&first).unwrap();
            assert_eq!(text.matches("Khối thi đua gặp lỗi").count(), 2);
        }
    }

    #[test]
    fn the_user_is_told_where_the_log_is() {
        let path = PathBuf::from("C:/Users/thu-ky/AppData/Roaming/KhoiThiDua/loi.log");
        let text = window_message(&fake(), &Ok(path.clone()));
        assert!(text.contains("lỗi không lường trước"));
        assert!(text.contains("đã được lưu"));
        assert!(text.contains(&path.display().to_string()));
        let line = command_line(&Ok(path.clone()));
        assert!(!line.contains('\n'));
        assert!(line.starts_with("Lỗi: ") && line.contains(&path.display().to_string()));
    }

    #[test]
    fn without_a_log_the_box_still_says_what_happened() {
        let err = Err(std::io::Error::other("ổ đĩa đầy"));
        let text = window_message(&fake(), &err);
        assert!(text.contains("ổ đĩa đầy"));
        assert!(text.contains("Thu ngân sách"));
        assert!(command_line(&err).contains("ổ đĩa đầy"));
    }
}
