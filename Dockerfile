# syntax=docker/dockerfile:1
#
# Shardrun images. See docs/install.md ("Images") for building, pushing and overriding them.
#
#   docker build -t REGISTRY/shardrun:VERSION .                          the operator and executor (default target)
#   docker build --target browser -t REGISTRY/shardrun-browser:VERSION .  the shard pods' browser sidecar
#
# Both run as user 65532 and need nothing writable but /tmp, which the chart and the shard Jobs
# mount as an emptyDir: they work with a read-only root filesystem.

# --- build: the one runnable jar (cli/target/shardrun.jar), tests left to CI
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl cli -am package -DskipTests

# --- browser: Debian's Chromium and chromedriver, serving WebDriver on 127.0.0.1:$PORT only
FROM debian:bookworm-slim AS browser
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver fonts-liberation \
 && rm -rf /var/lib/apt/lists/*
ENV HOME=/tmp PORT=9515
USER 65532:65532
ENTRYPOINT ["/bin/sh", "-c", "exec /usr/bin/chromedriver --port=\"$PORT\""]

# --- shardrun (default): `shardrun operator` in the operator pod, `shardrun execute` in shard pods
FROM eclipse-temurin:17-jre AS shardrun
COPY --from=build /src/cli/target/shardrun.jar /opt/shardrun/shardrun.jar
ENV HOME=/tmp JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:-UsePerfData -Djava.io.tmpdir=/tmp"
USER 65532:65532
WORKDIR /tmp
ENTRYPOINT ["java", "-jar", "/opt/shardrun/shardrun.jar"]
