# VDP-CN: every entry point. `make run` starts the platform locally, `make test` runs every test.
# Targets fetch what they need themselves (Maven dependencies through the wrapper).

MVN := ./mvnw -B
ifdef CI
MVN += -ntp
endif

.PHONY: help build deps test run stop bench clean

help:
	@echo "make run    start PostgreSQL and the services locally (data kept in .run/)"
	@echo "make stop   stop what make run started"
	@echo "make test   run every test (installs Chromium for the browser tests first: make deps)"
	@echo "make build  compile and package every module"
	@echo "make bench  measure throughput; figures go to docs/benchmarks.md (BENCH=name runs one)"

build:
	$(MVN) -q package -DskipTests

# The portal's browser tests drive Debian's Chromium (never a downloaded browser); a CJK font makes the Chinese
# pages legible in their screenshots. Installed only when missing (CI runs as root with apt).
deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "installing Chromium and a Chinese font for the browser tests (apt-get)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		$$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; \
	fi

test: deps
	$(MVN) verify

run: build
	scripts/run.sh start

stop:
	scripts/run.sh stop

bench: build
	java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dvdp.root=$(CURDIR) -cp "$$(cat bench/target/classpath.txt):bench/target/classes" cn.vdp.bench.BenchMain $(BENCH)

clean:
	$(MVN) -q clean
