package org.opendso.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code opendso.db.url} (env {@code OPENDSO_DB_URL}) into Spring's R2DBC and Flyway settings.
 * With no URL configured, starts an embedded PostgreSQL whose data is kept under {@code opendso.data-dir}
 * (default {@code ./data}), so that {@code ./mvnw spring-boot:run} works with nothing installed.
 */
class DatabaseEnvironment implements EnvironmentPostProcessor {

    private static final Object LOCK = new Object();
    private static EmbeddedPostgres embedded;

    private final Log log;

    DatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("opendso.db.url");
        DatabaseUrl url;
        if (configured != null && !configured.isBlank()) {
            url = DatabaseUrl.parse(configured);
        } else if (environment.containsProperty("spring.r2dbc.url")) {
            return; // configured the Spring way: leave it alone
        } else {
            url = startEmbedded(Path.of(environment.getProperty("opendso.data-dir", "data")));
        }
        Map<String, Object> props = new HashMap<>();
        props.put("spring.r2dbc.url", url.r2dbc());
        props.put("spring.r2dbc.username", url.user());
        props.put("spring.r2dbc.password", url.password());
        props.put("spring.flyway.url", url.jdbc());
        props.put("spring.flyway.user", url.user());
        props.put("spring.flyway.password", url.password());
        props.put("opendso.db.resolved", url.toString());
        environment.getPropertySources().addFirst(new MapPropertySource("opendso-database", props));
    }

    private DatabaseUrl startEmbedded(Path dataDir) {
        synchronized (LOCK) {
            if (embedded == null) {
                try {
                    Path pgData = dataDir.resolve("postgres").toAbsolutePath();
                    Path work = dataDir.resolve("pg-runtime").toAbsolutePath();
                    Files.createDirectories(pgData);
                    Files.createDirectories(work);
                    log.info("No OPENDSO_DB_URL: starting the embedded PostgreSQL, data in " + pgData);
                    embedded = EmbeddedPostgres.builder()
                            .setDataDirectory(pgData)
                            .setCleanDataDirectory(false)
                            .setOverrideWorkingDirectory(work.toFile())
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(DatabaseEnvironment::stopEmbedded, "embedded-pg-stop"));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalStateException("""
                            The embedded PostgreSQL could not start (%s).
                            Point OpenDSO at a PostgreSQL server instead, for example:
                              OPENDSO_DB_URL=postgresql://postgres@127.0.0.1:5432/opendso ./mvnw spring-boot:run
                            or run everything with: docker compose up""".formatted(e.getMessage()), e);
                }
            }
            return new DatabaseUrl("localhost", embedded.getPort(), "postgres", "postgres", "");
        }
    }

    private static void stopEmbedded() {
        synchronized (LOCK) {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    embedded = null;
                }
            }
        }
    }
}
