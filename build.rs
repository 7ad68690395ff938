//! Windows only: compiles the icon (assets/icon.ico, shown by Explorer and the taskbar) and the
//! version information (Properties › Details) into the exe. For any other target it does nothing,
//! so a Linux build needs no extra tool. Cross-building from Linux needs MinGW's `windres`
//! (Debian: gcc-mingw-w64-x86-64, installed by scripts/build-windows.sh); on Windows, MSVC's
//! `rc.exe` from the Windows SDK.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let description = std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon.ico")
        // Vietnamese (0x042A); the strings are UTF-16, so the language only labels the block.
        .set_language(0x042A)
        .set("ProductName", "Khối thi đua")
        // Windows shows FileDescription as the program's name (Task Manager, "Open with"):
        // keep it short; the longer sentence goes to Comments.
        .set("FileDescription", "Khối thi đua")
        .set("Comments", &description)
        .set("CompanyName", "Văn phòng Khối thi đua")
        .set("LegalCopyright", "MIT OR Apache-2.0")
        .set("InternalName", "khoi-thi-dua")
        .set("OriginalFilename", "khoi-thi-dua.exe")
        .set("FileVersion", &version)
        .set("ProductVersion", &version);
    if let Err(e) = res.compile() {
        eprintln!(
            "build.rs: could not compile the Windows resources (icon, version information): {e}. \
             Cross-building from Linux needs x86_64-w64-mingw32-windres (Debian package \
             gcc-mingw-w64-x86-64); building on Windows with MSVC needs the Windows SDK."
        );
        std::process::exit(1);
    }
}
