# The front door: `make run` and `make test` install what is missing, build, and go.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DB ?= facts.db

.PHONY: all deps configure build run test test-sanitize clean

all: build

deps:
	@bash scripts/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# Writes the database from seed/ and answers the headline question.
run: build
	@$(BUILD_DIR)/factdb build --seed seed -o $(DB)
	@echo
	@echo "Which leaders attended in place of a head of state?"
	@$(BUILD_DIR)/factdb query stand-ins --db $(DB)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
SANITIZE_DIR ?= build-sanitize
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=Debug -DFACTDB_SANITIZE=ON \
	  -DFACTDB_NODE_CLIENT_DIR=$(CURDIR)/$(BUILD_DIR)/node-client > /dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	@cd $(SANITIZE_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	@rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
