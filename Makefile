# The front door: `make run` and `make test` install what is missing, build, and go.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DB ?= facts.db

.PHONY: all deps configure build run test test-sanitize fuzz fuzz-build bench bench-scale clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)
	@ln -sfn $(BUILD_DIR)/factdb factdb

# Writes the database from seed/ and answers the headline question.
run: build
	@$(BUILD_DIR)/factdb build --seed seed -o $(DB)
	@echo
	@echo "Which leaders attended in place of a head of state?"
	@$(BUILD_DIR)/factdb query stand-ins --db $(DB) $$([ -t 1 ] || echo --width 100)

test: build fuzz-build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)
	@cd $(FUZZ_DIR) && ctest --output-on-failure

# libFuzzer harnesses for the seed loader and the query path, built with clang.
# `make test` runs each for a few seconds; `make fuzz` for FUZZ_SECONDS.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
fuzz-build: deps
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTDB_FUZZ=ON > /dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target fuzz_seed fuzz_query fuzz_db

fuzz: fuzz-build
	@cmake -S . -B $(FUZZ_DIR) -DFUZZ_SECONDS=$(FUZZ_SECONDS) > /dev/null
	@cd $(FUZZ_DIR) && ctest --output-on-failure
	@cmake -S . -B $(FUZZ_DIR) -DFUZZ_SECONDS=5 > /dev/null

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DFACTDB_SANITIZE=ON \
	  -DFACTDB_NODE_CLIENT_DIR=$(CURDIR)/$(BUILD_DIR)/node-client > /dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	@cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# The benchmark, built in Release mode; the generated corpus is cached in
# $(BENCH_DIR). The default corpus has over a million fact and evidence rows.
BENCH_DIR ?= build-release
BENCH_ARTICLES ?= 14200
BENCH_REPEAT ?= 3
bench: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
	@cmake --build $(BENCH_DIR) -j $(JOBS) --target factdb factdb-gen-corpus factdb-bench
	@mkdir -p $(BUILD_DIR)
	@tests/web/install.sh $(BENCH_DIR)/web-test
	@$(BENCH_DIR)/factdb-bench --factdb $(BENCH_DIR)/factdb --generator $(BENCH_DIR)/factdb-gen-corpus \
	  --work $(BENCH_DIR)/bench --articles $(BENCH_ARTICLES) --repeat $(BENCH_REPEAT) --json $(BUILD_DIR)/bench.json \
	  --web-test tests/web/browser_test.mjs --web-modules $(BENCH_DIR)/web-test --seed seed

# Growth: ten times the benchmark's corpus (over ten million fact and evidence
# rows), built once, its load time, file size and peak memory set beside
# build/bench.json's when `make bench` has written it. Needs about 7 GB of disk.
BENCH_SCALE_ARTICLES ?= 142000
bench-scale: deps
	@cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
	@cmake --build $(BENCH_DIR) -j $(JOBS) --target factdb factdb-gen-corpus factdb-bench
	@mkdir -p $(BUILD_DIR)
	@$(BENCH_DIR)/factdb-bench --factdb $(BENCH_DIR)/factdb --generator $(BENCH_DIR)/factdb-gen-corpus \
	  --work $(BENCH_DIR)/bench --articles $(BENCH_SCALE_ARTICLES) --repeat 1 --load-only \
	  --compare $(BUILD_DIR)/bench.json --json $(BUILD_DIR)/bench-scale.json

clean:
	@rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) $(BENCH_DIR)
