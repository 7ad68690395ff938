//! Thin entry point: the command line decides between the window and a headless command.

fn main() -> std::process::ExitCode {
    khoi_thi_dua::cli::main()
}
