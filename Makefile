# Thin entry points over CMake; the README, CI and the issues rely on these target names.
#   make test     install what is missing, build everything, run every test
#   make cli      build/native/backprop-cli
#   make bench    build and run the engine benchmark
#   make fixtures regenerate tests/fixtures with PyTorch and mpmath
JOBS   ?= $(shell nproc)
NATIVE := build/native
WASM   := build/wasm
# Debian's emscripten needs Debian's node modules (acorn) on NODE_PATH
export NODE_PATH := /usr/share/nodejs

.PHONY: setup configure-native configure-wasm native wasm cli test test-native test-wasm bench fixtures clean

setup:
	@scripts/setup.sh

configure-native: setup
	@cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=Release >/dev/null

configure-wasm: setup
	@emcmake cmake -S . -B $(WASM) -DCMAKE_BUILD_TYPE=Release >/dev/null

native: configure-native
	cmake --build $(NATIVE) -j$(JOBS)

wasm: configure-wasm
	cmake --build $(WASM) -j$(JOBS)

cli: configure-native
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-cli

test-native: native
	ctest --test-dir $(NATIVE) --output-on-failure

test-wasm: wasm
	ctest --test-dir $(WASM) --output-on-failure

test: test-native test-wasm

bench: configure-native
	cmake --build $(NATIVE) -j$(JOBS) --target backprop-bench
	$(NATIVE)/backprop-bench

fixtures:
	@scripts/setup.sh fixtures
	/usr/bin/python3 tests/fixtures/generate_fixtures.py

clean:
	rm -rf build
