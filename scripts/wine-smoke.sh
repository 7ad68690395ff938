#!/usr/bin/env bash
# Smoke test of the Windows exe under Wine, on Linux:
#
#   scripts/wine-smoke.sh [--exe FILE.exe] [--screenshot OUT.png]
#
# 1. `--version` and a wrong option print to the console with exit codes 0 and 2;
# 2. `sample x.sqlite` writes the sample database;
# 3. `export-pdf --db x.sqlite --year 2020 --out x.pdf` writes a PDF (checked: starts with %PDF,
#    and its text is Vietnamese when pdftotext is there);
# 4. the window opens on a fresh data folder (KHOI_THI_DUA_DATA_DIR, emptied first, on the test
#    prefix's C: drive) and is still running after a few seconds; a screenshot of it (trimmed to
#    the window) goes to OUT.png, by default
#    target/wine-smoke/window.png. `--screenshot docs/screenshot-windows.png` refreshes the
#    README's picture: look at it before committing.
#
# Needs ../shared/tools/wine-run and ../shared/tools/screenshot beside the repository (wine-run
# keeps a Wine prefix with a test-only bcryptprimitives.dll shim for Wine 8). Exit status:
# 0 passed; 1 failed; 3 could not run here (no wine-run, or Wine or Xvfb could not be installed).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
exe=${CARGO_TARGET_DIR:-$repo/target}/x86_64-pc-windows-gnu/release/khoi-thi-dua.exe
shot=${CARGO_TARGET_DIR:-$repo/target}/wine-smoke/window.png
while [[ $# -gt 0 ]]; do
  case $1 in
    --exe) exe=$(realpath "$2"); shift 2 ;;
    --screenshot) shot=$(realpath -m "$2"); shift 2 ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done
wine_run=$(dirname "$repo")/shared/tools/wine-run
[[ -x $wine_run ]] || { echo "wine-smoke: $wine_run not found" >&2; exit 3; }
[[ -f $exe ]] || { echo "wine-smoke: no exe at $exe (run scripts/build-windows.sh)" >&2; exit 1; }
# What wine-run and screenshot would install, installed here so that a machine without them is
# told apart (exit 3) from a failing exe.
need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "wine-smoke: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get install -y -q "${need[@]}" >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "${need[@]}" >/dev/null 2>&1; }) ||
    { echo "wine-smoke: could not install ${need[*]}" >&2; exit 3; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "wine-smoke: FAILED: $*" >&2; exit 1; }
# Paths are given to the exe relative to $work, which Wine sees as the current folder.
run() { "$wine_run" "$exe" "$@"; }
start=$SECONDS

out=$(run --version 2>&1) || fail "--version exited $?: $out"
[[ $out == *"khoi-thi-dua "* ]] || fail "--version printed: $out"
echo "wine-smoke: --version: $out"
code=0; out=$(run --khong-co 2>&1) || code=$?
[[ $code == 2 ]] || fail "a wrong option exited $code, not 2: $out"

out=$(run sample x.sqlite 2>&1) || fail "sample exited $?: $out"
[[ -s x.sqlite ]] || fail "sample wrote no x.sqlite: $out"
[[ $out == *"Đã ghi dữ liệu mẫu"* ]] || fail "sample printed: $out"
echo "wine-smoke: sample: $out"

out=$(run export-pdf --db x.sqlite --year 2020 --out x.pdf 2>&1) || fail "export-pdf exited $?: $out"
[[ -s x.pdf && $(head -c 4 x.pdf) == %PDF ]] || fail "x.pdf is missing or not a PDF: $out"
echo "wine-smoke: export-pdf: $out ($(stat -c %s x.pdf) bytes)"
if command -v pdftotext >/dev/null; then
  pdftotext x.pdf x.txt
  grep -q "BÁO CÁO" x.txt || fail "the PDF's text has no “BÁO CÁO”: $(head -c 300 x.txt)"
fi

# The window, on an empty data folder: the first run creates the sample bloc there. The folder
# is on Wine's C: drive, as a user's would be, so the picture shows a Windows path. Wine's server
# and desktop process outlive a command by a few seconds, and they were started without a
# display: wait for them to go, or the window would be created on no screen at all.
prefix=${WINE_RUN_PREFIX:-$HOME/.cache/wine-run}
WINEPREFIX=$prefix wineserver -w
data=$prefix/drive_c/users/Public/Documents/KhoiThiDua
rm -rf "$data"
mkdir -p "$data"
trap 'rm -rf "$work" "$data"' EXIT
export KHOI_THI_DUA_DATA_DIR='C:\users\Public\Documents\KhoiThiDua'
mkdir -p "$(dirname "$shot")"
# This is `wine-run --screenshot` (whose prefix the commands above have set up) plus one step:
# after 12 s, a click on "Xem tiếp dữ liệu mẫu" closes the welcome (the window sits at 4,23 on
# Wine's screen with no window manager), so the picture shows the members of the sample bloc.
export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
log=$("$(dirname "$wine_run")/screenshot" "$shot" --wait 12 --do "mousemove 414 486 click 1" \
  -- wine "$exe" 2>&1) || fail "the window run failed: $log"
echo "$log" | sed 's/^/wine-smoke: window: /'
[[ $log == *"program still running: yes"* ]] || fail "the window did not stay open"
[[ -s $data/khoi-thi-dua.sqlite ]] || fail "the window did not create the sample in KHOI_THI_DUA_DATA_DIR"
if command -v identify >/dev/null && command -v convert >/dev/null; then
  convert "$shot" -trim +repage "$shot"
fi
echo "wine-smoke: screenshot $shot ($(identify -format '%wx%h' "$shot" 2>/dev/null || echo '?'))"
echo "wine-smoke: passed in $(( SECONDS - start )) s"
