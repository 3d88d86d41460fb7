# Thin entry points over CMake; the README, CI and the issues rely on these target names.
#   make test     install what is missing, build everything, run every test
#   make serve    build the web app into build/web and serve it at http://localhost:8000/ (PORT=…)
#   make desktop  build build/native/backprop-lab and run it (ARGS="--frames 30 --screenshot s.png")
#   make cli      build/native/backprop-cli
#   make bench    build and run the engine benchmark
#   make bench-app measure the web app's budgets (download, first frame, CPU per frame, the fields' redraws)
#   make bench-compare our engine (native and wasm) next to PyTorch eager and NumPy, in one run
#   make test-asan the engine, CLI and UI-logic tests and the fuzz corpora under ASan + UBSan (clang)
#   make fuzz     fuzz each libFuzzer harness of tests/fuzz for FUZZ_SECONDS (default 60)
#   make fixtures regenerate tests/fixtures with PyTorch and mpmath
JOBS   ?= $(shell nproc)
NATIVE := build/native
WASM   := build/wasm
WEB    := build/web
ASAN   := build/asan
FUZZ_SECONDS ?= 60
PORT   ?= 8000
ARGS   ?=
# Debian's emscripten needs Debian's node modules (acorn) on NODE_PATH
export NODE_PATH := /usr/share/nodejs

.PHONY: setup configure-native configure-wasm configure-asan native wasm cli web serve desktop test test-native \
        test-wasm test-asan fuzz bench bench-app bench-compare fixtures clean

setup:
	@scripts/setup.sh

configure-native: setup
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release -DBACKPROP_APP=ON >/dev/null

configure-wasm: setup
	@emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release -DBACKPROP_APP=ON \
	  -DBACKPROP_WEB_DIR=$(CURDIR)/$(WEB) -DBACKPROP_NATIVE_CLI=$(CURDIR)/$(NATIVE)/backprop-cli >/dev/null

native: configure-native
	cmake --build $(NATIVE) -j$(JOBS)

wasm: configure-wasm
	cmake --build $(WASM) -j$(JOBS)

cli: configure-native
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-cli

# the web app alone: $(WEB)/index.html, app.js, app.wasm (and the size report)
web: configure-wasm
	cmake --build $(WASM) -j$(JOBS) --target backprop-lab

serve: web
	node scripts/serve.mjs $(WEB) $(PORT)

desktop: configure-native
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-lab
	$(NATIVE)/backprop-lab $(ARGS)

test-native: native
	ctest --test-dir $(NATIVE) --output-on-failure

# the browser test compares the web app with the native CLI; a browser test that stalls (headless
# Chromium on SwiftShader, 2 busy cores) gets one more try, and the log shows it
test-wasm: wasm cli
	ctest --test-dir $(WASM) --output-on-failure --repeat until-pass:2

# the sanitizer build: clang, ASan + UBSan (any report fails), only what its tests need (no app,
# no benchmark); -O1 keeps it quick to build
configure-asan: setup
	@CC=clang CXX=clang++ cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
	  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DBACKPROP_APP=OFF -DBACKPROP_FUZZ=ON >/dev/null

test-asan: configure-asan
	cmake --build $(ASAN) -j$(JOBS)
	ctest --test-dir $(ASAN) --output-on-failure

fuzz: configure-asan
	cmake --build $(ASAN) -j$(JOBS)
	scripts/fuzz.sh $(FUZZ_SECONDS)

test: test-native test-wasm test-asan

bench: configure-native
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-bench
	$(NATIVE)/backprop-bench

# PyTorch and NumPy (Debian's python3-torch, python3-numpy): scripts/setup.sh installs them (the export test runs them too)
bench-compare: configure-native configure-wasm
	@scripts/setup.sh bench
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-bench-compare backprop-cli
	cmake --build $(WASM) -j$(JOBS) --target backprop-bench-compare
	/usr/bin/python3 bench/compare.py

# the web app in headless Chromium (SwiftShader), then the fields' redraws natively (Mesa llvmpipe, Xvfb)
bench-app: web configure-native
	node tests/e2e/bench.mjs
	cmake --build $(NATIVE) -j$(JOBS) --target field-pixels
	xvfb-run -a -s "-screen 0 640x480x24" $(NATIVE)/field-pixels --bench

fixtures:
	@scripts/setup.sh fixtures
	/usr/bin/python3 tests/fixtures/generate_fixtures.py
	/usr/bin/python3 tests/fixtures/generate_training.py

clean:
	rm -rf build
