# Convenience front end to CMake.
#   make            release build in build/
#   make test       build and run the test suite (ctest)
#   make check      `make test`, then the same suite under ASan+UBSan,
#                   then the MPI test (tests/cli/mpi.sh) when mpicc is found
#   make asan       sanitizer build only, in build-asan/ (with the fault
#                   injection of src/util/fault.c)
#   make fuzz       libFuzzer targets (clang) in build-fuzz/
#   make fuzz-run   run each of them for FUZZ_TIME seconds (default 60)
#   make mpi        the MPI build (docs/mpi.md) in build-mpi/
#   make example    run hearsay on the bundled example corpus
#   make report-assets  rebuild report/dist (npm ci + esbuild)
#   make install [PREFIX=/usr/local] [DESTDIR=]  install the hearsay
#                   command, libhearsay.so/.a, hearsay.h, hearsay.pc, man
#                   pages and bash completion (docs/install.md)
# Warnings are errors here (HS_WERROR); a plain CMake build leaves them
# warnings.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PREFIX ?= /usr/local
DESTDIR ?=

all: build/Makefile
	$(MAKE) -C build -j$(JOBS)

build/Makefile: CMakeLists.txt
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHS_WERROR=ON

build-asan/Makefile: CMakeLists.txt
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DHS_SANITIZE=ON -DHS_FAULT=ON -DHS_WERROR=ON

build-mpi/Makefile: CMakeLists.txt
	cmake -S . -B build-mpi -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHS_MPI=ON -DHS_WERROR=ON

build-fuzz/Makefile: CMakeLists.txt
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHS_FUZZ=ON -DHS_TESTS=OFF -DHS_SHARED=OFF -DHS_WERROR=ON

test: all
	cd build && ctest --output-on-failure -j$(JOBS)

asan: build-asan/Makefile
	$(MAKE) -C build-asan -j$(JOBS)

check: test asan
	cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j$(JOBS)
	@if command -v mpicc >/dev/null 2>&1; then \
	  $(MAKE) mpi && cd build-mpi && ctest --output-on-failure -R 'cli/mpi$$'; \
	else echo "make check: mpicc not found, MPI test skipped"; fi

mpi: build-mpi/Makefile
	$(MAKE) -C build-mpi -j$(JOBS)

fuzz: build-fuzz/Makefile
	$(MAKE) -C build-fuzz -j$(JOBS)

# Every fuzz target for FUZZ_TIME seconds (default 60) each; see
# scripts/fuzz-run.sh.
fuzz-run: fuzz
	./scripts/fuzz-run.sh

# The prefix is set at install time (the build need not be redone).
install: all
	DESTDIR="$(DESTDIR)" cmake --install build --prefix "$(PREFIX)"

example: all
	./scripts/run-example.sh

clean:
	rm -rf build build-asan build-fuzz build-mpi

.PHONY: all test asan check fuzz fuzz-run mpi example clean install

# Rebuild the report front end (report/dist/, committed and compiled into
# hearsay) from report/src with the pinned npm packages.
report-assets:
	cd report && npm ci --no-audit --no-fund && npm run build

.PHONY: report-assets
