#!/usr/bin/env bash
# Cross-builds the Windows release exe from Linux:
#
#   scripts/build-windows.sh        -> $CARGO_TARGET_DIR (default target)/x86_64-pc-windows-gnu/release/khoi-thi-dua.exe
#   scripts/build-windows.sh --print-exe   prints that path and exits, building nothing
#
# A relative CARGO_TARGET_DIR is taken from the directory the script is run in, as cargo
# would take it there.
# Installs what is missing: the rustup target x86_64-pc-windows-gnu and Debian's
# gcc-mingw-w64-x86-64 (the linker, and windres for the icon and version information).
# Then checks that the exe imports only Windows' own DLLs, so it runs as one file.
#
# Exit status: 0 built and checked; 1 the build or the check failed; 3 the Windows toolchain
# could not be installed on this machine (.ci/run then skips the Windows stage, loudly).
set -euo pipefail
if [[ -n ${CARGO_TARGET_DIR:-} && $CARGO_TARGET_DIR != /* ]]; then
  CARGO_TARGET_DIR=$PWD/$CARGO_TARGET_DIR
  export CARGO_TARGET_DIR
fi
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
exe=${CARGO_TARGET_DIR:-$PWD/target}/$target/release/khoi-thi-dua.exe
if [[ ${1:-} == --print-exe ]]; then
  echo "$exe"
  exit 0
fi

if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  echo "build-windows: installing the Rust target $target"
  rustup target add "$target" ||
    { echo "build-windows: could not install the Rust target $target" >&2; exit 3; }
fi
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v x86_64-w64-mingw32-windres >/dev/null; then
  echo "build-windows: installing gcc-mingw-w64-x86-64"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get install -y -q gcc-mingw-w64-x86-64 >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q gcc-mingw-w64-x86-64 >/dev/null 2>&1; }) ||
    { echo "build-windows: could not install gcc-mingw-w64-x86-64" >&2; exit 3; }
fi

start=$SECONDS
cargo build --release --locked --target "$target"
bytes=$(stat -c %s "$exe")
echo "build-windows: built $exe ($bytes bytes, $(( bytes / 1024 / 1024 )) MiB) in $(( SECONDS - start )) s"

# The exe travels by USB stick and mail: it stays under 25 MB (the release profile in Cargo.toml
# optimises for size). A dependency or a feature that pushes it over fails the build here.
limit=25000000
if (( bytes > limit )); then
  echo "build-windows: the exe is $bytes bytes, over the $limit-byte budget" >&2
  exit 1
fi

# One file: every imported DLL must be part of Windows. MinGW's runtime DLLs (libgcc_s_seh-1,
# libwinpthread-1, libstdc++-6) are not on a user's machine.
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^[[:space:]]*DLL Name: //p' | sort -fu)
echo "build-windows: imported DLLs: $(echo "$dlls" | tr '\n' ' ')"
bad=$(echo "$dlls" | grep -iE '^lib|mingw|gcc|pthread|stdc' || true)
if [[ -n $bad ]]; then
  echo "build-windows: the exe needs DLLs that Windows does not have: $(echo "$bad" | tr '\n' ' ')" >&2
  exit 1
fi
