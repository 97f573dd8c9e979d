# VDP-CN: every entry point. `make run` starts the platform locally, `make test` runs every test.
# Targets fetch what they need themselves (Maven dependencies through the wrapper).

MVN := ./mvnw -B
ifdef CI
MVN += -ntp
endif

.PHONY: help build test run stop bench simulate clean

help:
	@echo "make run    start PostgreSQL and the services locally (data kept in .run/)"
	@echo "make stop   stop what make run started"
	@echo "make test   run every test"
	@echo "make build  compile and package every module"
	@echo "make bench  measure throughput; figures go to docs/benchmarks.md (BENCH=name runs one)"
	@echo "make simulate ARGS=...  run the fleet simulator against the local ingest-service"

build:
	$(MVN) -q package -DskipTests

test:
	$(MVN) verify

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
