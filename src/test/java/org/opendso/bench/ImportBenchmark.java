package org.opendso.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import com.sun.tools.attach.VirtualMachine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mvnw -Pbench verify}: builds the production jar, then
 * <ol>
 * <li>generates a 1M-line open-items CSV for 100k customers (target/bench/items-1m.csv),</li>
 * <li>starts the production jar against a new, empty database on the local PostgreSQL
 *     ({@code OPENDSO_DEMO=false}) and measures start-to-ready and idle RSS,</li>
 * <li>loads the file with {@code psql \copy} into a plain table with the same column types,</li>
 * <li>imports it through the API ({@code POST /api/v1/imports/items}, snapshot mode), then again (all
 *     unchanged), measuring the server's heap (peak of its heap pools, reset before each import, read over
 *     JMX through the attach API),</li>
 * </ol>
 * and prints a table with the goals beside. Not a test: run on demand.
 * <p>
 * Settings (system properties): {@code bench.lines} (1000000), {@code bench.customers} (100000),
 * {@code bench.jar} (target/opendso-0.1.0-SNAPSHOT.jar), {@code bench.server-url}
 * (postgresql://postgres@127.0.0.1:5432/postgres), {@code bench.jvm-args} (extra JVM options of the
 * server, none by default: it runs exactly as {@code java -jar}).
 */
public final class ImportBenchmark {

    static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int lines = Integer.getInteger("bench.lines", 1_000_000);
    private final int customers = Integer.getInteger("bench.customers", 100_000);
    private final Path jar = Paths.get(System.getProperty("bench.jar", "target/opendso-0.1.0-SNAPSHOT.jar"));
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final String jvmArgs = System.getProperty("bench.jvm-args", "");
    private final Path dir = Paths.get("target", "bench");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new ImportBenchmark().run();
    }

    private void run() throws Exception {
        String loadBefore = loadAverage();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw -Pbench verify (it builds the production jar)");
        }
        Files.createDirectories(dir);
        Path csv = dir.resolve("items-%d.csv".formatted(lines));
        long t0 = System.nanoTime();
        generate(csv);
        System.out.printf(Locale.ROOT, "[bench] %s: %,d lines, %.1f MB, written in %.1f s%n", csv, lines,
                Files.size(csv) / 1e6, seconds(t0));

        BenchDb pg = BenchDb.parse(serverUrl);
        String database = "opendso_bench_" + System.currentTimeMillis() / 1000;
        pg.sql("create database " + database);
        System.out.println("[bench] database " + database + " on " + pg.host() + ":" + pg.port());
        try {
            measure(pg, database, csv, loadBefore);
        } finally {
            pg.sql("drop database if exists " + database + " with (force)");
        }
    }

    private void measure(BenchDb pg, String database, Path csv, String loadBefore) throws Exception {
        // \copy first, while nothing else runs
        pg.in(database).sql("""
                create table copy_items (account text, type text, number text, issue_date date, due_date date,
                                         amount numeric(19,4), open_amount numeric(19,4), currency char(3))""");
        long t = System.nanoTime();
        pg.in(database).psql("\\copy copy_items from '" + csv.toAbsolutePath() + "' with (format csv, header true)");
        double copySeconds = seconds(t);
        pg.in(database).sql("drop table copy_items");
        System.out.printf(Locale.ROOT, "[bench] psql \\copy: %.2f s%n", copySeconds);
        // the same \copy into a table with open_item's keys: what any import that keeps them pays at least
        pg.in(database).sql("""
                create table copy_keyed (id bigserial primary key, tenant_id bigint not null default 1,
                                         account text, type text not null, number text not null, issue_date date,
                                         due_date date, amount numeric(19,4), open_amount numeric(19,4), currency char(3),
                                         unique (tenant_id, type, number))""");
        pg.in(database).sql("create index on copy_keyed (account, due_date)");
        t = System.nanoTime();
        pg.in(database).psql("\\copy copy_keyed (account, type, number, issue_date, due_date, amount, open_amount, currency) from '"
                + csv.toAbsolutePath() + "' with (format csv, header true)");
        keyedCopySeconds = seconds(t);
        pg.in(database).sql("drop table copy_keyed");
        System.out.printf(Locale.ROOT, "[bench] psql \\copy into a table with open_item's keys: %.2f s%n", keyedCopySeconds);

        int port = freePort();
        List<Start> starts = new ArrayList<>();
        BenchServer server = BenchServer.start(jar, jvmArgs, pg.in(database).url(), port, freePort(), dir.resolve("server.log"));
        Run first;
        Run second;
        try {
            starts.add(server.measureStart(http, "java -jar, first start (empty database, migrations)"));
            try (HeapWatch heap = HeapWatch.attach(server.pid())) {
                first = importFile(heap, port, csv);
                second = importFile(heap, port, csv);
            }
        } finally {
            server.stop();
        }
        // restarts on the now migrated database holding 1M items: as shipped, and with a JDK 25 AOT cache
        BenchServer again = BenchServer.start(jar, jvmArgs, pg.in(database).url(), port, freePort(), dir.resolve("server-restart.log"));
        try {
            starts.add(again.measureStart(http, "java -jar, restart"));
        } finally {
            again.stop();
        }
        if (Boolean.parseBoolean(System.getProperty("bench.aot", "true")) && Runtime.version().feature() >= 25) {
            starts.addAll(aotStart(pg.in(database).url(), port));
        }
        printTable(copySeconds, first, second, starts, loadBefore);
    }

    record Start(String how, double seconds, long rss) {
    }

    /**
     * The jar extracted ({@code -Djarmode=tools extract}) and started with an AOT cache recorded by a training
     * run that stops once the context is refreshed (JDK 25, JEP 514/515).
     */
    private List<Start> aotStart(String dbUrl, int port) throws Exception {
        Path aot = dir.resolve("aot-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(aot);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        exec(aot.resolve("extract.log"), Map.of(), java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", aot.resolve("app").toString());
        Path extracted = aot.resolve("app").resolve(jar.getFileName());
        List<Start> starts = new ArrayList<>();
        BenchServer plain = BenchServer.start(extracted, jvmArgs, dbUrl, port, freePort(), aot.resolve("server-extracted.log"));
        try {
            starts.add(plain.measureStart(http, "extracted jar, restart"));
        } finally {
            plain.stop();
        }
        Path cache = aot.resolve("app.aot");
        exec(aot.resolve("training.log"), BenchServer.environment(dbUrl, port, freePort()), java,
                "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString());
        BenchServer server = BenchServer.start(extracted, (jvmArgs + " -XX:AOTCache=" + cache).trim(), dbUrl, port, freePort(),
                aot.resolve("server.log"));
        try {
            starts.add(server.measureStart(http, "extracted jar + AOT cache, restart"));
            return starts;
        } finally {
            server.stop();
        }
    }

    private static void exec(Path log, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
        }
    }

    private record Run(double seconds, long peakHeap, long sampledHeap, long heapMax, String report) {
    }

    private Run importFile(HeapWatch heap, int port, Path csv) throws Exception {
        heap.reset();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/imports/items?mode=snapshot&fileName=" + csv.getFileName()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10)) // a stalled upload fails the run instead of hanging it
                .POST(HttpRequest.BodyPublishers.ofFile(csv))
                .build();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = seconds(t);
        heap.sample();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode r = JSON.readTree(response.body());
        String report = "created=%s updated=%s unchanged=%s closed=%s accountsCreated=%s rejected=%s".formatted(
                r.path("created").asText(), r.path("updated").asText(), r.path("unchanged").asText(),
                r.path("closed").asText(), r.path("accountsCreated").asText(), r.path("rejectedCount").asText());
        System.out.printf(Locale.ROOT, "[bench] import through the API: %.2f s, %s%n", seconds, report);
        return new Run(seconds, heap.poolPeaks(), heap.sampledPeak(), heap.max(), report);
    }

    /** Seconds of the \\copy into a table with open_item's keys (primary key, unique number, account-by-due-date index). */
    private double keyedCopySeconds;

    private void printTable(double copy, Run first, Run second, List<Start> starts, String loadBefore) {
        String row = "| %-26s | %9s | %7s | %9s | %12s | %15s | %s |%n";
        StringBuilder out = new StringBuilder();
        out.append('\n').append("OpenDSO import benchmark — ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, server: java -jar ")
                .append(jar.getFileName()).append(jvmArgs.isBlank() ? "" : " " + jvmArgs).append('\n');
        out.append(String.format(Locale.ROOT, row, "run", "lines", "seconds", "lines/s", "× \\copy", "peak heap MB", "result"));
        out.append(String.format(Locale.ROOT, row, "-".repeat(26), "-".repeat(9), "-".repeat(7), "-".repeat(9),
                "-".repeat(12), "-".repeat(15), "-".repeat(6)));
        out.append(String.format(Locale.ROOT, row, "psql \\copy (plain table)", lines, "%.2f".formatted(copy),
                "%,.0f".formatted(lines / copy), "1.00", "-", ""));
        out.append(String.format(Locale.ROOT, row, "psql \\copy (open_item's keys)", lines, "%.2f".formatted(keyedCopySeconds),
                "%,.0f".formatted(lines / keyedCopySeconds), "%.2f".formatted(keyedCopySeconds / copy), "-",
                "floor of any import keeping the keys"));
        for (var named : List.of(new Object[] {"API import (first)", first}, new Object[] {"API re-import (same file)", second})) {
            Run run = (Run) named[1];
            out.append(String.format(Locale.ROOT, row, named[0], lines, "%.2f".formatted(run.seconds()),
                    "%,.0f".formatted(lines / run.seconds()), "%.2f".formatted(run.seconds() / copy),
                    "%d (%d)".formatted(mb(run.peakHeap()), mb(run.sampledHeap())), run.report()));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "Goals: import ≤ 1.5× \\copy: first %.2f× %s, re-import %.2f× %s; "
                        + "re-import no slower: %s; peak heap ≤ 512 MB: %s%n",
                first.seconds() / copy, verdict(first.seconds() / copy <= 1.5),
                second.seconds() / copy, verdict(second.seconds() / copy <= 1.5),
                verdict(second.seconds() <= first.seconds() * 1.05),
                verdict(Math.max(first.peakHeap(), second.peakHeap()) <= 512L * 1024 * 1024)));
        out.append(String.format(Locale.ROOT, "Server max heap %d MB (JVM default for this machine).%n%n",
                mb(first.heapMax())));
        String startRow = "| %-52s | %14s | %13s |%n";
        out.append(String.format(Locale.ROOT, startRow, "production jar", "start to ready", "idle RSS MB"));
        out.append(String.format(Locale.ROOT, startRow, "-".repeat(52), "-".repeat(14), "-".repeat(13)));
        for (Start start : starts) {
            out.append(String.format(Locale.ROOT, startRow, start.how(), "%.2f s".formatted(start.seconds()),
                    String.valueOf(mb(start.rss()))));
        }
        out.append(String.format(Locale.ROOT, "Goals: start ≤ 6 s: %s; idle RSS ≤ 500 MB: %s (as shipped, first start)%n",
                verdict(starts.getFirst().seconds() <= 6), verdict(starts.getFirst().rss() <= 500L * 1024 * 1024)));
        out.append("Load average (1/5/15 min) before the run: ").append(loadBefore).append(", after: ")
                .append(loadAverage()).append(" — anything above ~0.5 means other work shared the 2 cores.\n");
        out.append("Peak heap: sum of the peaks of the heap memory pools since reset before the import "
                + "(upper bound); in brackets the highest total heap used sampled every 100 ms.\n");
        System.out.print(out);
        try {
            Files.writeString(dir.resolve("results.txt"), out.toString());
        } catch (IOException e) {
            System.out.println("[bench] could not write results.txt: " + e.getMessage());
        }
    }

    /**
     * 1M lines over 100k accounts: 85 % invoices, 10 % credit notes, 5 % unallocated payments, issued over
     * the last 8 months with 30/45/60-day terms, mostly EUR; a fifth of the invoices partly paid.
     */
    private void generate(Path csv) throws IOException {
        SplittableRandom random = new SplittableRandom(20260101L);
        LocalDate today = LocalDate.now();
        int[] terms = {30, 45, 60};
        String[] currencies = {"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "GBP", "CHF"};
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            out.write("account,type,number,issue_date,due_date,amount,open_amount,currency\n");
            for (int i = 0; i < lines; i++) {
                int customer = (int) ((long) i * customers / lines);
                String account = "C%06d".formatted(customer + 1);
                String currency = currencies[customer % currencies.length];
                int kind = random.nextInt(100);
                LocalDate issue = today.minusDays(random.nextInt(243));
                LocalDate due = issue.plusDays(terms[random.nextInt(terms.length)]);
                long cents = 5_000 + random.nextLong(5_000_000);
                String type;
                String number;
                long amount;
                long open;
                if (kind < 85) {
                    type = "invoice";
                    number = "INV-%07d".formatted(i + 1);
                    amount = cents;
                    open = random.nextInt(5) == 0 ? cents - random.nextLong(cents) : cents;
                } else if (kind < 95) {
                    type = "credit_note";
                    number = "CN-%07d".formatted(i + 1);
                    amount = -cents / 4;
                    open = amount;
                    due = issue;
                } else {
                    type = "payment";
                    number = "PAY-%07d".formatted(i + 1);
                    amount = -cents / 2;
                    open = amount;
                    due = issue;
                }
                out.write(account);
                out.write(',');
                out.write(type);
                out.write(',');
                out.write(number);
                out.write(',');
                out.write(issue.toString());
                out.write(',');
                out.write(due.toString());
                out.write(',');
                out.write(money(amount));
                out.write(',');
                out.write(money(open));
                out.write(',');
                out.write(currency);
                out.write('\n');
            }
        }
        Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String money(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        return sign + (abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + (abs % 100);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The production jar in a process of its own, as {@code java -jar} runs it. */
    /** The server's heap over JMX (the attach API starts its local management agent). */
    private static final class HeapWatch implements AutoCloseable {

        private final JMXConnector connector;
        private final List<MemoryPoolMXBean> pools = new ArrayList<>();
        private final MemoryMXBean memory;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong sampled = new AtomicLong();

        private HeapWatch(JMXConnector connector) throws IOException {
            this.connector = connector;
            MBeanServerConnection mbeans = connector.getMBeanServerConnection();
            for (MemoryPoolMXBean pool : ManagementFactory.getPlatformMXBeans(mbeans, MemoryPoolMXBean.class)) {
                if (pool.getType() == MemoryType.HEAP) {
                    pools.add(pool);
                }
            }
            memory = ManagementFactory.getPlatformMXBean(mbeans, MemoryMXBean.class);
            sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
        }

        static HeapWatch attach(long pid) throws Exception {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                String address = vm.startLocalManagementAgent();
                return new HeapWatch(JMXConnectorFactory.connect(new JMXServiceURL(address)));
            } finally {
                vm.detach();
            }
        }

        void reset() {
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            sampled.set(0);
        }

        void sample() {
            try {
                long used = memory.getHeapMemoryUsage().getUsed();
                sampled.accumulateAndGet(used, Math::max);
            } catch (RuntimeException ignored) {
                // the connection may be closing
            }
        }

        long poolPeaks() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long sampledPeak() {
            return sampled.get();
        }

        long max() {
            return memory.getHeapMemoryUsage().getMax();
        }

        @Override
        public void close() throws IOException {
            sampler.shutdownNow();
            connector.close();
        }
    }

    /** The local PostgreSQL server, reached with JDBC for DDL and with psql for \copy. */
}
