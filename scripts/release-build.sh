#!/usr/bin/env bash
# Builds a self-contained release ipm: the Swift runtime and Foundation (--static-swift-stdlib) and the
# C libraries (libedit, cmark-gfm, SQLite, libcrypto, libical and their own dependencies) linked
# statically, so the binary needs nothing beyond glibc and libstdc++ and starts without loading them.
#
# SwiftPM links system libraries with the -L/-l flags of their pkg-config files; we point
# PKG_CONFIG_PATH at copies whose -L names a folder holding only the static archives.
# The build goes to .build/static so that it never mixes with the debug build. Prints the binary's path.
# Linked as a position-dependent executable (-no-pie): with the runtime, Foundation and ICU inside, a PIE
# has ~110k relocations for ld.so to apply on every start (about 2.5 ms of page faults per run).
# Usage: scripts/release-build.sh [product]   (default: ipm; make bench also builds ipm-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
product=${1:-ipm}
root=$PWD/.build/static-deps
libdir=$(pkg-config --variable=libdir sqlite3)
mkdir -p "$root/lib" "$root/pkgconfig"
for name in edit bsd md tinfo cmark-gfm cmark-gfm-extensions sqlite3 z crypto ical icalss icalvcal icui18n icuuc icudata; do
  ln -sf "$libdir/lib$name.a" "$root/lib/lib$name.a"
done
ln -sf "$libdir/libtinfo.a" "$root/lib/libtermcap.a"
extra_libedit="-ltinfo -lbsd -lmd"
extra_sqlite3="-lz"
extra_libical="-licui18n -licuuc -licudata -lstdc++"
for pc in libedit libcmark-gfm sqlite3 libcrypto libical; do
  extra=""
  case $pc in
    libedit) extra=$extra_libedit ;;
    sqlite3) extra=$extra_sqlite3 ;;
    libical) extra=$extra_libical ;;
  esac
  sed -E "s|^Libs: -L\\\$\{libdir\}|Libs: -L$root/lib|; s|^Requires.private:.*||; s|^(Libs: .*)$|\1 $extra|" \
    "$libdir/pkgconfig/$pc.pc" > "$root/pkgconfig/$pc.pc"
done
PKG_CONFIG_PATH=$root/pkgconfig swift build -c release --static-swift-stdlib --scratch-path .build/static \
  --product "$product" -Xswiftc -Xclang-linker -Xswiftc -no-pie 2> >(grep -v -E "is dangerous, better use|_ThreadLocal.swift.o:function|libical.a\(" >&2) >&2
echo "$PWD/.build/static/release/$product"
