# inspex — plain Makefile, libraries found with pkg-config.
# `make demo` and `make test` first make sure the Debian packages are present
# (installing them when run as root, otherwise printing the apt command).

CC      ?= cc
PKGS    := libpcre2-8 libutf8proc jansson nettle zlib libzstd sqlite3
# The allocator. A run makes and frees some thirty small blocks per record
# (jansson objects, speaker strings), half of them freed by another thread
# under -j 2; jemalloc does that 12% faster than glibc with one thread and
# 35% faster with two (README, Performance). ALLOC= builds with glibc's
# malloc; the sanitizer and fuzz builds do, as ASan brings its own.
ALLOC   ?= jemalloc
ifneq ($(ALLOC),)
PKGS    += $(ALLOC)
CPPFLAGS += -DIX_ALLOC_$(ALLOC)
endif
CFLAGS  ?= -O2 -g
CFLAGS  += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -Wshadow -Wno-unused-parameter
CPPFLAGS += $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.1.0)
CPPFLAGS += -DIX_VERSION='"$(VERSION)"'

CORE_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
CORE_OBJ := $(CORE_SRC:src/%.c=build/%.o)
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)

.PHONY: all deps demo test check-asan valgrind clean bench unit golden

all: inspex

deps:
	@sh tools/deps.sh

build/%.o: src/%.c src/*.h | build
	@echo "  CC  $<"; $(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build:
	@mkdir -p build build/tests

build/libinspex.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

inspex: build/main.o build/libinspex.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

build/tests/%: tests/unit/%.c build/libinspex.a tests/unit/tap.h tests/unit/testrules.h | build
	$(CC) $(CPPFLAGS) $(CFLAGS) -Isrc -o $@ $< build/libinspex.a $(LDFLAGS) $(LDLIBS)

demo: deps inspex
	./inspex extract corpus/ > build/corpus.jsonl; st=$$?; \
	  echo "wrote build/corpus.jsonl: $$(wc -l < build/corpus.jsonl) records"; \
	  head -n 12 build/corpus.jsonl; exit $$st

# The build before the tests runs one compiler per core (GNU make 4.3 takes no
# -j from MAKEFLAGS set here): a fresh clone's `make test` is 7 s shorter.
NPROC := $(shell nproc 2>/dev/null || echo 1)
test: deps
	@$(MAKE) --no-print-directory -j$(NPROC) inspex $(UNIT_BIN)
	@sh tests/run.sh

unit: inspex $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

# The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer, in its own tree.
check-asan: deps
	$(MAKE) clean-objs
	$(MAKE) ALLOC= CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	        LDFLAGS="-fsanitize=address,undefined" inspex $(UNIT_BIN)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh; st=$$?; \
	  $(MAKE) clean-objs; exit $$st

# memcheck replaces jemalloc's functions as it does glibc's (--soname-synonyms).
VALGRIND := valgrind --soname-synonyms=somalloc=*jemalloc*
# Memcheck, leaks included (make valgrind and make valgrind-robust).
VG_CHECK := $(VALGRIND) -q --leak-check=full --errors-for-leak-kinds=definite,indirect
# make valgrind: extraction, the audit both ways (streaming; whole, as --html
# runs it) and the streaming audit's unit test (records changing between its
# passes, sources that cannot be read again).
VG := $(VG_CHECK) --error-exitcode=9
# The audit's exit 1 is its verdict (a known corpus gap fails a check,
# tests/audit/corpus-known.txt); valgrind's own errors exit 9.
valgrind: inspex build/tests/audit_stream | build
	$(VG) ./inspex extract corpus/ > build/vg-corpus.jsonl
	$(VG) ./inspex audit -q build/vg-corpus.jsonl > /dev/null || [ $$? = 1 ]
	$(VG) ./inspex audit --json --html build/vg-audit.html build/vg-corpus.jsonl > /dev/null || [ $$? = 1 ]
	$(VG) build/tests/audit_stream > /dev/null
	@echo "valgrind: extract, audit (streaming and whole) and tests/unit/audit_stream.c clean"

clean-objs:
	rm -rf build inspex

clean: clean-objs
	rm -rf build-portable build-tsan

# ---- inspex audit ------------------------------------------------------------
# `make audit-demo`: extract the corpus, audit it, write build/audit.html and a
# screenshot of its first document, build/audit.png (headless chromium; `sh
# tools/deps.sh --test` installs it). Exits with the audit's status.
# AUDIT_PNG=docs/audit.png refreshes the README's picture.
AUDIT_PNG ?= build/audit.png
CHROMIUM  ?= chromium
.PHONY: audit-demo test-deps
audit-demo: deps inspex | build
	@./inspex extract corpus/ > build/corpus.jsonl; \
	  ./inspex audit --html build/audit.html build/corpus.jsonl; st=$$?; \
	  echo "wrote build/audit.html"; \
	  if command -v $(CHROMIUM) >/dev/null; then \
	    d=$$(mktemp -d); \
	    timeout 120 $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
	      --disable-background-networking --disable-component-update --disable-sync --no-first-run \
	      --hide-scrollbars --user-data-dir=$$d --window-size=1280,2000 --screenshot=$(AUDIT_PNG) \
	      "file://$(CURDIR)/build/audit.html?open=d0" >/dev/null 2>&1; rm -rf $$d; \
	    test -s $(AUDIT_PNG) && echo "wrote $(AUDIT_PNG)" || { echo "audit-demo: chromium wrote no screenshot" >&2; st=3; }; \
	  else echo "audit-demo: no $(CHROMIUM): screenshot skipped (sh tools/deps.sh --test installs it)" >&2; fi; \
	  exit $$st

# The audit's browser test (tests/t_audit_browser.sh) wants chromium: best
# effort before the suite; without it that test says SKIPPED.
test: test-deps
test-deps:
	@sh tools/deps.sh --test

# ---- performance: `make bench` (tools/bench.sh; BENCH_MB=100 for a quick run) ----
build/benchgen: tools/benchgen.c | build
	$(CC) $(CFLAGS) -o $@ $<

bench: deps inspex build/benchgen
	@sh tools/bench.sh
# ---- hardening (tests/fuzz/, tests/t_robust*.sh) ----------------------------
# `make fuzz` builds one libFuzzer binary per harness in tests/fuzz/ (clang,
# ASan+UBSan) and runs each in turn, one process, for FUZZ_SECONDS seconds.
# Inputs it finds go to build-fuzz/corpus/; crashes to build-fuzz/artifacts/
# (keep a fixed crash in tests/fuzz/regress/TARGET/: `make test` replays it).
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
FUZZ_TARGETS := normalize numbers rules jsonl extract
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  := -g -O1 -fno-omit-frame-pointer -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
                -Wall -Wextra -Wno-unused-parameter $(FUZZ_SAN)
FUZZ_OBJ     := $(CORE_SRC:src/%.c=build-fuzz/%.o)
FUZZ_BIN     := $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)

.PHONY: fuzz fuzz-build test-big valgrind-robust

build-fuzz/%.o: src/%.c src/*.h
	@mkdir -p build-fuzz
	@echo "  CC (fuzz) $<"; $(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(FUZZ_OBJ) $(filter-out -l$(ALLOC),$(LDLIBS))

.SECONDARY: $(FUZZ_OBJ)

fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@rm -rf build-fuzz/seeds && sh tests/fuzz/mkseeds.sh build-fuzz/seeds
	@fail=""; for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus/$$t build-fuzz/artifacts; \
	  dict=""; [ -f tests/fuzz/$$t.dict ] && dict="-dict=tests/fuzz/$$t.dict"; \
	  case $$t in numbers) ml=256;; rules) ml=4096;; *) ml=8192;; esac; \
	  echo "== fuzz_$$t for $(FUZZ_SECONDS)s (log: build-fuzz/$$t.log)"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=1024 -max_len=$$ml \
	    -print_final_stats=1 $$dict -artifact_prefix=build-fuzz/artifacts/$$t- \
	    build-fuzz/corpus/$$t build-fuzz/seeds/$$t > build-fuzz/$$t.log 2>&1; st=$$?; \
	  grep -E '^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY|.*invariant failed|Test unit written|==[0-9]+== ?ERROR)' build-fuzz/$$t.log; \
	  [ $$st = 0 ] || { echo "fuzz_$$t: FAILED (exit $$st)"; fail="$$fail $$t"; }; \
	done; [ -z "$$fail" ] || { echo "fuzz: crashes in:$$fail (inputs in build-fuzz/artifacts/)"; exit 1; }; echo "fuzz: no crashes"

# The full-size hostile inputs (100 MB single line, 10 M quote marks) and the
# instruction counts of linear growth (extraction, audit): slow,
# so not part of `make test`.
test-big: inspex check-portable check-tsan
	python3 tests/robust/robust.py big
	python3 tests/robust/linear.py --all 20000
	python3 tests/robust/audit_linear.py 200

# $(call variant,DIR,COMPILE FLAGS,LINK FLAGS,LIBS): the program built afresh
# into DIR with other flags, beside the normal build.
define variant
	@rm -rf $(1) && mkdir -p $(1)
	@for f in $(CORE_SRC) src/main.c; do \
	  $(CC) $(2) -c -o $(1)/$$(basename $$f .c).o $$f || exit 1; done
	$(CC) $(3) -o $(1)/inspex $(1)/*.o $(LDFLAGS) $(4)
endef

# The program built without SSE2 (-DIX_NO_SIMD: the sixteen-byte block tests
# made of eight-byte words, as on every other processor) must write the same
# records over corpus/ as the default build.
.PHONY: check-portable
check-portable: inspex
	$(call variant,build-portable,$(CPPFLAGS) -DIX_NO_SIMD $(CFLAGS),$(CFLAGS),$(LDLIBS))
	./inspex extract --quiet corpus/ > build-portable/simd.jsonl
	build-portable/inspex extract --quiet corpus/ > build-portable/portable.jsonl
	cmp build-portable/simd.jsonl build-portable/portable.jsonl
	@echo "check-portable: $$(wc -l < build-portable/portable.jsonl) records, the same without SSE2"

# The workers under ThreadSanitizer: rules are JIT-compiled on first use by
# whichever thread meets them (rules.c, publish), so -j 3 over the corpus, read
# as files and as one dump, must raise no report and write what -j 1 writes.
.PHONY: check-tsan
check-tsan: inspex
	$(call variant,build-tsan,$(CPPFLAGS) -UIX_ALLOC_jemalloc -O1 -g -fsanitize=thread -std=c11 \
	  -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE,-fsanitize=thread,$(filter-out -l$(ALLOC),$(LDLIBS)))
	python3 -c 'import json,glob; [print(json.dumps({"id": f, "text": open(f, encoding="utf-8", errors="replace").read()})) for f in sorted(glob.glob("corpus/*.txt")) for _ in range(4)]' > build-tsan/dump.jsonl
	./inspex extract --quiet -j 1 --input jsonl build-tsan/dump.jsonl > build-tsan/j1.jsonl
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/inspex extract --quiet -j 3 --input jsonl build-tsan/dump.jsonl > build-tsan/j3.jsonl
	TSAN_OPTIONS=halt_on_error=1:exitcode=66 build-tsan/inspex extract --quiet -j 3 corpus/ > build-tsan/files.jsonl
	cmp build-tsan/j1.jsonl build-tsan/j3.jsonl
	@echo "check-tsan: -j 3 under ThreadSanitizer, no report, $$(wc -l < build-tsan/j3.jsonl) records as -j 1 wrote them"

# Every inspex run of the robustness suite under valgrind (memcheck), and the
# fuzz regression inputs too: no invalid access, no definite leak.
VALGRIND_ROBUST := $(VG_CHECK) --error-exitcode=99
valgrind-robust: inspex build/tests/robust_fuzz_regress
	$(VALGRIND_ROBUST) build/tests/robust_fuzz_regress > build/valgrind-fuzz-regress.log 2>&1; \
	  st=$$?; tail -n 1 build/valgrind-fuzz-regress.log; [ $$st = 0 ] || { tail -n 30 build/valgrind-fuzz-regress.log; exit 1; }
	INSPEX_WRAP="$(VALGRIND_ROBUST)" python3 tests/robust/robust.py bad files jsonl compressed output regex > build/valgrind-robust.log 2>&1; \
	  st=$$?; grep -E '^not ok' build/valgrind-robust.log; tail -n 1 build/valgrind-robust.log; exit $$st

# The fuzz regression test compiles the harnesses in: rebuild it when they change.
build/tests/robust_fuzz_regress: $(wildcard tests/fuzz/*.c) tests/fuzz/fuzz_common.h
