# VDP-CN: every entry point. `make run` starts the platform locally, `make test` runs every test.
# Targets fetch what they need themselves (Maven dependencies through the wrapper).

MVN := ./mvnw -B
ifdef CI
MVN += -ntp
endif

.PHONY: help build deps test run stop bench simulate clean k8s native-sources

help:
	@echo "make run    start PostgreSQL, Keycloak, the services and a simulated fleet locally (data kept in .run/)"
	@echo "make stop   stop what make run started"
	@echo "make test   run every test (installs Chromium for the browser tests first: make deps)"
	@echo "make build  compile and package every module"
	@echo "make bench  measure throughput; figures go to docs/benchmarks.md (BENCH=name runs one)"
	@echo "make k8s    render the plain Kubernetes manifests k8s/manifests/ from the Helm chart k8s/vdp"
	@echo "make native-sources  run the Quarkus native build steps of the three services (no GraalVM needed)"
	@echo "make simulate ARGS=...  run the fleet simulator against the local ingest-service"

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

# Every test (unit, Quarkus, @QuarkusIntegrationTest against the packaged jars, browser tests in Chromium, the Helm
# chart tests), then the native build steps (about 1.5 minutes, so CI catches native-build errors too).
test: deps
	bash -n scripts/run.sh
	$(MVN) verify
	$(MAKE) native-sources

run: build
	scripts/run.sh start

stop:
	scripts/run.sh stop

bench: build
	java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dvdp.root=$(CURDIR) -cp "$$(cat bench/target/classpath.txt):bench/target/classes" cn.vdp.bench.BenchMain $(BENCH)

simulate:
	java -cp "$$(cat fleet-simulator/target/classpath.txt):fleet-simulator/target/classes" cn.vdp.fleet.FleetSimulatorCli $(ARGS)

clean:
	$(MVN) -q clean

# Plain manifests for kubectl, rendered from the chart with real Helm (helm-java); a test checks they are current.
k8s:
	$(MVN) -q package -DskipTests -pl k8s/chart-tests -am
	java -Dvdp.root=$(CURDIR) -cp "$$(cat k8s/chart-tests/target/classpath.txt):k8s/chart-tests/target/classes" cn.vdp.k8s.RenderManifests

# Every Quarkus native build step (reflection, resources, substitutions) of the three services, writing
# */target/native-sources/ instead of a binary: no GraalVM/Mandrel can be had here. Build binaries with -Pnative
# where one exists (see docs/deploy.md).
NATIVE_SERVICES := storage-service,ingest-service,owner-portal-service
native-sources:
	$(MVN) -q package -DskipTests -Pnative -Dquarkus.native.sources-only=true -pl $(NATIVE_SERVICES) -am
	@for s in storage-service ingest-service owner-portal-service; do \
		test -s $$s/target/native-sources/native-image.args || { echo "$$s: no native-image.args"; exit 1; }; \
		echo "$$s: native sources in $$s/target/native-sources/"; \
	done
