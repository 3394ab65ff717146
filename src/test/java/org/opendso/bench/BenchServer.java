package org.opendso.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The production jar started as its own process, as {@code java -jar} would, against a bench database. */
record BenchServer(Process process, long startNanos, int port, Path log) {

    static Map<String, String> environment(String dbUrl, int port, int rsocketPort) {
        return Map.of("OPENDSO_DB_URL", dbUrl, "OPENDSO_DEMO", "false", "OPENDSO_ADMIN_PASSWORD", ImportBenchmark.PASSWORD,
                "SERVER_PORT", String.valueOf(port), "SPRING_RSOCKET_SERVER_PORT", String.valueOf(rsocketPort));
    }

    /** Start to ready, then the resident memory once it has been idle for 10 s. */
    ImportBenchmark.Start measureStart(HttpClient http, String how) throws Exception {
        double ready = awaitReady(http, Duration.ofMinutes(2));
        long rss = idleRss(Duration.ofSeconds(10));
        System.out.printf(Locale.ROOT, "[bench] %s: ready after %.2f s, idle RSS %d MB%n", how, ready, ImportBenchmark.mb(rss));
        return new ImportBenchmark.Start(how, ready, rss);
    }

    static BenchServer start(Path jar, String jvmArgs, String dbUrl, int port, int rsocketPort, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : jvmArgs.trim().split("\\s+")) {
            if (!arg.isBlank()) {
                command.add(arg);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment(dbUrl, port, rsocketPort));
        long start = System.nanoTime();
        Process process = builder.start();
        System.out.println("[bench] server pid " + process.pid() + " on port " + port + ", log " + log);
        return new BenchServer(process, start, port, log);
    }

    long pid() {
        return process.pid();
    }

    /** Seconds from process start until /actuator/health answers 200. */
    double awaitReady(HttpClient http, Duration limit) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = startNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped (exit " + process.exitValue() + "), see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return ImportBenchmark.seconds(startNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling a foreign process: nothing to wait on
        }
        throw new IllegalStateException("not ready after " + limit + ", see " + log);
    }

    /** VmRSS after the server has been ready and idle for a while. */
    long idleRss(Duration idle) throws Exception {
        TimeUnit.MILLISECONDS.sleep(idle.toMillis());
        for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + process.pid());
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
