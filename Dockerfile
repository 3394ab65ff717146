# OpenDSO: the production jar on a Java runtime. Built by `docker compose up --build` (see docker-compose.yml).

# --- build: the production jar (Vaadin's pre-built bundle; no Node.js needed) ---------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# dependencies first, so that a change of source code does not download them again
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Pproduction dependency:go-offline || true
COPY db db
COPY frontend frontend
COPY src/main src/main
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -Pproduction -DskipTests package \
    && cp target/opendso-*.jar /opendso.jar

# --- run ------------------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /opt/opendso opendso
WORKDIR /opt/opendso
# the jar extracted (application jar + lib/): starts faster than the nested jar
COPY --from=build /opendso.jar /tmp/opendso.jar
RUN java -Djarmode=tools -jar /tmp/opendso.jar extract --destination /opt/opendso/app \
    && rm /tmp/opendso.jar
USER opendso
# 8080: UI, API, OpenAPI, health; 7000: RSocket
EXPOSE 8080 7000
ENV SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/opendso/app/opendso.jar"]
