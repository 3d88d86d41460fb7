#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian 12 machine.
# Idempotent: every step checks first and does nothing when already done.
#   scripts/setup.sh            packages for building, testing and serving
#   scripts/setup.sh fixtures   + mpmath (only to regenerate tests/fixtures)
#   scripts/setup.sh bench      the same as without an argument (make bench-compare's PyTorch and NumPy are installed always)
# Besides Debian packages it prepares, in the git-ignored .cache/:
#   .cache/src/imgui-1.86/   Dear ImGui from Debian's source package (one version, native + wasm)
#   .cache/sdl2-wasm/        SDL2 from Debian's source built with Emscripten (its ports need GitHub)
# and tests/e2e/node_modules (playwright-core, from the committed package-lock.json).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$ROOT/.cache"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export NODE_PATH=/usr/share/nodejs  # Debian's emscripten needs Debian's acorn

# [SECTION] Debian packages
packages=(
  cmake make g++ pkg-config ca-certificates xz-utils dpkg-dev
  libeigen3-dev nlohmann-json3-dev libfast-float-dev doctest-dev libbenchmark-dev
  emscripten nodejs
  # the app: SDL2 + OpenGL natively, a font with ∇ ⊙ ᵀ subset by fonttools, PNG screenshots
  libsdl2-dev libgl-dev libpng-dev fonts-dejavu-core python3-fonttools
  # the app's tests: a virtual X server for the native smoke test, Chromium for the e2e test
  xvfb xauth chromium npm
  # the handout tests: pdflatex compiles the LaTeX keys and sheets, pdftotext reads them back
  texlive-latex-base texlive-latex-recommended poppler-utils
  # Korean: NanumGothic's Hangul subset into the app's font, kotex for the Korean handouts
  fonts-nanum texlive-lang-korean
  # the sanitizer build and the fuzz harnesses: clang with its ASan/UBSan/libFuzzer runtimes
  clang libclang-rt-14-dev
  # the export test runs the PyTorch and NumPy scripts with Debian's Python (also fixtures, bench-compare)
  python3-torch python3-numpy
)
[ "${1:-}" = "fixtures" ] && packages+=(python3-mpmath)

missing=()
for p in "${packages[@]}"; do
  # node and npm may come from another vendor's package; only working commands matter
  case "$p" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# [SECTION] Debian source packages: SDL2 and Dear ImGui
# apt-get source needs a deb-src entry with the same mirror and suite as the binary one.
source_tarball() {  # $1 = source package, $2 = glob of the orig tarball; prints its path
  local dir="$CACHE/debian-src"
  mkdir -p "$dir"
  if ! compgen -G "$dir/$2" >/dev/null; then
    if ! grep -rqsE '^Types:.*deb-src|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      echo "setup: adding a deb-src entry for Debian's source packages" >&2
      printf '%s\n' "Types: deb-src" "URIs: http://deb.debian.org/debian" \
        "Suites: bookworm bookworm-updates" "Components: main" \
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" |
        $SUDO tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
      $SUDO apt-get update -qq
    fi
    echo "setup: downloading the $1 source package" >&2
    (cd "$dir" && apt-get source -qq -o APT::Sandbox::User=root --download-only "$1" >&2)
  fi
  compgen -G "$dir/$2" | head -n1
}

unpack() {  # $1 = tarball, $2 = target folder (the tarball's single top folder is stripped)
  if [ ! -d "$2" ]; then
    mkdir -p "$2.tmp"
    tar -xf "$1" -C "$2.tmp" --strip-components=1
    mv "$2.tmp" "$2"
  fi
}

imgui_tar="$(source_tarball imgui 'imgui_1.86*.orig.tar.*')"
unpack "$imgui_tar" "$CACHE/src/imgui-1.86"

# [SECTION] SDL2 for wasm, built once (about 3 minutes on 2 cores)
SDL_PREFIX="$CACHE/sdl2-wasm"
if [ ! -f "$SDL_PREFIX/lib/libSDL2.a" ]; then
  sdl_tar="$(source_tarball libsdl2 'libsdl2_2.*.orig.tar.*')"
  unpack "$sdl_tar" "$CACHE/src/sdl2"
  echo "setup: building SDL2 for wasm into $SDL_PREFIX (once)"
  rm -rf "$CACHE/build/sdl2-wasm"
  emcmake cmake -S "$CACHE/src/sdl2" -B "$CACHE/build/sdl2-wasm" -DCMAKE_BUILD_TYPE=Release \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$SDL_PREFIX" >/dev/null
  cmake --build "$CACHE/build/sdl2-wasm" -j"$(nproc)" --target install >/dev/null
  rm -rf "$CACHE/build" "$CACHE/src/sdl2"
fi

# [SECTION] npm packages for the browser test and the handout test (exact versions from package-lock.json)
for dir in "$ROOT/tests/e2e" "$ROOT/tests/handouts"; do
  if [ -f "$dir/package-lock.json" ] &&
     ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed" 2>/dev/null; then
    echo "setup: npm ci in ${dir#"$ROOT/"}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.package-lock.json.installed"
  fi
done
