#!/usr/bin/env bash
# Checks that ConvStep installs like a desktop program (packaging/).
#
#   install_test.sh tree BUILD_DIR [CMAKE] [CPACK]
#     cmake --install into a temporary prefix: both programs, the desktop
#     entry, the icons (every PNG of its size), the metainfo and the MIME
#     type are there and pass desktop-file-validate, appstreamcli validate
#     --no-net (and validate-tree), xmllint and update-mime-database; the
#     installed convstep-cli and convstep run.
#   install_test.sh deb BUILD_DIR [CMAKE] [CPACK]
#     cpack -G DEB into a temporary folder: the package holds the programs
#     and the desktop entry, depends on libglfw3 and fonts-dejavu-core, and
#     its convstep-cli runs.
#
# Registered by packaging/CMakeLists.txt as Install.Tree and
# Install.DebPackage (ctest -L install).
set -euo pipefail

mode="${1:?usage: install_test.sh tree|deb BUILD_DIR [CMAKE] [CPACK]}"
build_dir="$(cd "${2:?usage: install_test.sh tree|deb BUILD_DIR [CMAKE] [CPACK]}" && pwd)"
cmake_cmd="${3:-cmake}"
cpack_cmd="${4:-cpack}"

app_id=org.convstep.ConvStep
icon_sizes=(16 32 48 64 128 256 512)

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
need_tool() {
  command -v "$1" >/dev/null 2>&1 || { echo "FAIL: $1 is missing (scripts/install_deps.sh installs it)" >&2; exit 1; }
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/convstep-install-test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The width and height of a PNG, from its IHDR chunk.
png_size() {
  local bytes
  bytes=($(od -An -v -tu1 -N24 "$1"))
  [ "${#bytes[@]}" -eq 24 ] || return 1
  # Signature 137 80 78 71 13 10 26 10, then the IHDR chunk.
  [ "${bytes[0]} ${bytes[1]} ${bytes[2]} ${bytes[3]}" = "137 80 78 71" ] || return 1
  [ "${bytes[12]} ${bytes[13]} ${bytes[14]} ${bytes[15]}" = "73 72 68 82" ] || return 1
  echo "$(( (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19] ))x$(( (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23] ))"
}

# The installed (or unpacked) programs run: --help, and one real command.
check_programs() {
  local bin="$1" out
  if ! out="$("$bin/convstep-cli" --help 2>&1)"; then
    fail "$bin/convstep-cli --help failed: $out"
  elif ! grep -q "dims" <<<"$out"; then
    fail "$bin/convstep-cli --help does not list its commands: $out"
  fi
  if ! out="$("$bin/convstep-cli" dims --n 6 --f 3 --p 1 --s 2 2>&1)" || ! grep -q "3\.5" <<<"$out"; then
    fail "$bin/convstep-cli dims gave: $out"
  fi
  # --help is answered before any window is opened, so no display is needed.
  if ! out="$("$bin/convstep" --help 2>&1)" || ! grep -q -- "--preset" <<<"$out"; then
    fail "$bin/convstep --help gave: $out"
  fi
}

check_tree() {
  need_tool desktop-file-validate
  need_tool appstreamcli
  local prefix="$tmp/prefix" out
  "$cmake_cmd" --install "$build_dir" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
    { cat "$tmp/install.log" >&2; fail "cmake --install failed"; return; }

  local share="$prefix/share"
  local desktop="$share/applications/$app_id.desktop"
  local metainfo="$share/metainfo/$app_id.metainfo.xml"
  local mime="$share/mime/packages/$app_id.xml"
  local svg="$share/icons/hicolor/scalable/apps/$app_id.svg"
  for f in "$prefix/bin/convstep" "$prefix/bin/convstep-cli"; do
    [ -x "$f" ] || fail "$f is missing or not executable"
  done
  for f in "$desktop" "$metainfo" "$mime" "$svg" "$share/doc/convstep/README.md" "$share/doc/convstep/LICENSE"; do
    [ -s "$f" ] || fail "$f is missing or empty"
  done
  for n in "${icon_sizes[@]}"; do
    local png="$share/icons/hicolor/${n}x${n}/apps/$app_id.png" size
    if [ ! -f "$png" ]; then
      fail "$png is missing"
    elif ! size="$(png_size "$png")"; then
      fail "$png is not a PNG"
    elif [ "$size" != "${n}x${n}" ]; then
      fail "$png is $size, not ${n}x${n}"
    fi
  done

  # The validators: errors and warnings fail (desktop-file-validate's hints do not).
  if ! out="$(desktop-file-validate "$desktop" 2>&1)" || grep -Eq "error:|warning:" <<<"$out"; then
    fail "desktop-file-validate: $out"
  fi
  grep -qx "Exec=convstep %f" "$desktop" || fail "the desktop entry does not run convstep %f"
  grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's icon is not $app_id"
  if ! out="$(appstreamcli validate --no-net "$metainfo" 2>&1)"; then
    fail "appstreamcli validate --no-net: $out"
  fi
  # The whole tree: the metainfo with its desktop entry and icons.
  if ! out="$(appstreamcli validate-tree --no-net "$prefix" 2>&1)"; then
    fail "appstreamcli validate-tree --no-net: $out"
  fi
  if command -v xmllint >/dev/null 2>&1; then
    for f in "$mime" "$svg"; do
      out="$(xmllint --noout "$f" 2>&1)" || fail "xmllint $f: $out"
    done
  fi
  # The MIME type is one shared-mime-info reads: build a database from it.
  if command -v update-mime-database >/dev/null 2>&1; then
    if ! out="$(XDG_DATA_DIRS="$share" update-mime-database "$share/mime" 2>&1)" || [ -n "$out" ]; then
      fail "update-mime-database: $out"
    elif ! grep -qx "application/x-convstep-session" "$share/mime/types"; then
      fail "update-mime-database did not register application/x-convstep-session"
    elif ! grep -q "x-convstep-session:\*\.convstep\.json" "$share/mime/globs2"; then
      fail "update-mime-database did not register the *.convstep.json glob"
    fi
  fi

  check_programs "$prefix/bin"
}

check_deb() {
  need_tool dpkg-deb
  need_tool dpkg-shlibdeps
  "$cpack_cmd" --config "$build_dir/CPackConfig.cmake" -G DEB -B "$tmp/package" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; return; }
  local debs=("$tmp"/package/*.deb)
  if [ "${#debs[@]}" -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "cpack made no single .deb: ${debs[*]}"
    return
  fi
  local deb="${debs[0]}"
  local version
  version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")"
  [ "$(basename "$deb")" = "convstep_${version}_$(dpkg --print-architecture).deb" ] ||
    fail "the package is called $(basename "$deb")"

  local contents
  contents="$(dpkg-deb -c "$deb" | awk '{print $NF}')"
  for f in ./usr/bin/convstep ./usr/bin/convstep-cli ./usr/share/applications/$app_id.desktop \
           ./usr/share/metainfo/$app_id.metainfo.xml ./usr/share/mime/packages/$app_id.xml \
           ./usr/share/icons/hicolor/scalable/apps/$app_id.svg \
           ./usr/share/icons/hicolor/256x256/apps/$app_id.png ./usr/share/doc/convstep/LICENSE; do
    grep -qxF "$f" <<<"$contents" || fail "the package lacks $f"
  done

  [ "$(dpkg-deb -f "$deb" Package)" = convstep ] || fail "the package is not named convstep"
  [ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package's version is not $version"
  local depends
  depends="$(dpkg-deb -f "$deb" Depends)"
  for dep in libglfw3 fonts-dejavu-core libc6; do
    grep -Eq "(^|, )$dep( |,|$)" <<<"$depends" || fail "Depends lacks $dep: $depends"
  done
  echo "Depends: $depends"
  echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

  dpkg-deb -x "$deb" "$tmp/unpacked"
  check_programs "$tmp/unpacked/usr/bin"
}

case "$mode" in
  tree) check_tree ;;
  deb) check_deb ;;
  *) echo "usage: install_test.sh tree|deb BUILD_DIR [CMAKE] [CPACK]" >&2; exit 2 ;;
esac

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "install_test.sh $mode: all checks passed"
