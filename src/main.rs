//! Thin entry point: installs the crash handler, then the command line decides between the window
//! and a headless command.

// The release exe on Windows opens no console window of its own; subcommands attach to the
// console they were started from instead (see `attach_parent_console`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use clap::Parser;
use khoi_thi_dua::cli::{Cli, Renderer};
use std::process::ExitCode;

fn main() -> ExitCode {
    khoi_thi_dua::crash::install();
    // Parsed here only to know what is about to run; `cli::main` parses again and reports errors.
    // Everything but the window (subcommands, help, version, usage errors, and `--renderer wgpu`,
    // which this glow-only build refuses with a message) prints to the console.
    let window =
        Cli::try_parse().is_ok_and(|cli| cli.command.is_none() && cli.renderer == Renderer::Glow);
    khoi_thi_dua::crash::set_window_mode(window);
    if !window {
        attach_parent_console();
    }
    let code = khoi_thi_dua::cli::main();
    if window && code != ExitCode::SUCCESS {
        // The window could not open (no usable OpenGL): say so, since there is no console.
        khoi_thi_dua::crash::tell_window_failed();
    }
    code
}

/// A `windows_subsystem = "windows"` exe starts with no console, so what a subcommand prints
/// would be lost: attach to the console of the shell that started us, if there is one (from
/// Explorer there is none and this does nothing). Windows 8 and later keep handles that were
/// redirected (`> out.json`) and only fill the missing ones. The window does not attach: a
/// process attached to a console is ended when that console window is closed.
#[cfg(windows)]
#[allow(unsafe_code)] // one FFI call with a constant argument; no pointers, nothing to uphold
fn attach_parent_console() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and only fails (returns 0) when there is
    // no parent console or one is already attached; both leave the process as it was.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
fn attach_parent_console() {}
