# syntax=docker/dockerfile:1
# One image for ingest, trainer, scorer and notifier: its entrypoint is `vad`, each service passes its own command.
#   docker build -t vad .        (docker-compose.yml builds it for you)

FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY common common
COPY broker broker
COPY testkit testkit
COPY ingest ingest
COPY model model
COPY core core
COPY trainer trainer
COPY scorer scorer
COPY notifier notifier
COPY bench bench
COPY eval eval
COPY cli cli
# The natives in the build are linux-x86_64 only (the pom's classifiers).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package -pl cli -am

# glibc, not musl: the FFmpeg, OpenBLAS and ND4J natives need it.
FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 vad \
 && useradd --system --uid 10001 --gid vad --home-dir /var/lib/vad --create-home vad \
 && mkdir -p /var/lib/vad/models /var/lib/vad/secrets /var/lib/vad/evidence \
 && chown -R vad:vad /var/lib/vad
COPY --from=build /src/cli/target/vad.jar /opt/vad/vad.jar
COPY --from=build /src/cli/target/lib /opt/vad/lib
COPY docker/vad /usr/local/bin/vad
# Containers serve metrics and the viewer on every interface; the services' own default is loopback.
ENV VAD_METRICS_BIND=0.0.0.0 \
    VAD_VIEWER_BIND=0.0.0.0 \
    VAD_MODEL_DIR=/var/lib/vad/models \
    VAD_JAVA_OPTS="-XX:MaxRAMPercentage=50"
USER vad
WORKDIR /var/lib/vad
EXPOSE 9401 9402 9403 9404 9405
ENTRYPOINT ["vad"]
CMD ["--help"]
