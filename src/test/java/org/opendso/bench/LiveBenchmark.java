package org.opendso.bench;

import io.netty.channel.ChannelOption;
import io.rsocket.metadata.WellKnownMimeType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.core.codec.CharSequenceEncoder;
import org.springframework.core.codec.StringDecoder;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.SimpleAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.UsernamePasswordMetadata;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mvnw -Pbench verify -Dbench.suite=live}: the live collaboration benchmark. Starts the production jar
 * on a new database holding {@code bench.accounts} accounts of 6 invoices each, then
 * <ol>
 * <li>the floor: a bare JDBC LISTEN client receiving a NOTIFY sent by another connection (autocommit), time
 *     from the sender's commit acknowledgement to receipt;</li>
 * <li>fan-out: one writer qualifying items at a steady rate ({@code bench.rate}/s for {@code bench.seconds})
 *     through the API, with N SSE (and RSocket) subscribers on one account, then 10,000 over 1,000 accounts;
 *     latency = arrival at each subscriber − the writer's receipt of the 201 (after commit);</li>
 * <li>throughput: 100 writers on distinct accounts as fast as they can for 30 s, beside
 *     {@code pgbench -b tpcb-like} on a scratch database.</li>
 * </ol>
 * Prints tables (and target/bench/live-results.txt). Not a test. A delivery can arrive a little before the writer
 * reads its 201: the NOTIFY is sent at commit, the answer after; both floor and fan-out are measured the same way.
 */
public final class LiveBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ITEMS_PER_ACCOUNT = 6;

    private final Path jar = Paths.get(System.getProperty("bench.jar", "target/opendso-0.1.0-SNAPSHOT.jar"));
    private final String serverUrl = System.getProperty("bench.server-url", "postgresql://postgres@127.0.0.1:5432/postgres");
    private final String jvmArgs = System.getProperty("bench.jvm-args", "");
    private final int accounts = Integer.getInteger("bench.accounts", 1000);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int throughputSeconds = Integer.getInteger("bench.throughput-seconds", 30);
    private final int writers = Integer.getInteger("bench.writers", 100);
    private final List<Integer> fanOuts = Arrays.stream(System.getProperty("bench.fan-out", "1,100,1000").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final int spread = Integer.getInteger("bench.spread", 10_000);
    private final Path dir = Paths.get("target", "bench");
    private final StringBuilder out = new StringBuilder();

    private BenchDb db;
    private int port;
    private int rsocketPort;
    private WebClient web;
    private WebClient writer;
    private final Map<String, long[]> versions = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    public static void main(String[] args) throws Exception {
        new LiveBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        String load = ImportBenchmark.loadAverage();
        Files.createDirectories(dir);
        BenchDb server = BenchDb.parse(serverUrl);
        String database = "opendso_live_" + System.currentTimeMillis() / 1000;
        server.sql("create database " + database);
        db = server.in(database);
        port = ImportBenchmark.freePort();
        rsocketPort = ImportBenchmark.freePort();
        BenchServer app = BenchServer.start(jar, jvmArgs, db.url(), port, rsocketPort, dir.resolve("live-server.log"));
        try {
            app.awaitReady(java.net.http.HttpClient.newHttpClient(), Duration.ofMinutes(3));
            seed();
            web = client("subscribers", Math.max(spread, 1000) + 100);
            // writers get a pool of their own: no connection of theirs ever carried a stream that was cancelled
            writer = client("writers", writers + 10);
            List<Row> latency = new ArrayList<>();
            Stats floor = floor();
            latency.add(new Row("floor: bare LISTEN client, NOTIFY after a trivial commit", 1, floor));
            writeOnce("BENCH-0001"); // warm-up of the write path
            for (int n : fanOuts) {
                latency.add(new Row("SSE, one account", n, fanOut(n, 1, false)));
            }
            latency.add(new Row("SSE, spread over " + Math.min(accounts, 1000) + " accounts", spread,
                    fanOut(spread, Math.min(accounts, 1000), false)));
            for (int n : fanOuts) {
                latency.add(new Row("RSocket, one account", n, fanOut(n, 1, true)));
            }
            latency.add(new Row("RSocket, spread over " + Math.min(accounts, 1000) + " accounts", spread,
                    fanOut(spread, Math.min(accounts, 1000), true)));
            Throughput ours = throughput();
            double pgbench = pgbench(server);
            print(latency, floor, ours, pgbench, load);
        } finally {
            app.stop();
            server.sql("drop database if exists " + database + " with (force)");
        }
    }

    /** Accounts BENCH-0001… with six open invoices each, straight into the tables (the import is not measured here). */
    private void seed() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    insert into customer (tenant_id, account, name, currency)
                    select 1, 'BENCH-' || lpad(n::text, 4, '0'), 'Bench customer ' || n, 'EUR'
                    from generate_series(1, %d) n""".formatted(accounts));
            st.execute("""
                    insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                    select 1, c.id, 'INVOICE', c.account || '-' || i, current_date - 60, current_date - 30, 100 * i, 100 * i, 'EUR'
                    from customer c, generate_series(1, %d) i where c.tenant_id = 1""".formatted(ITEMS_PER_ACCOUNT));
            // machine clients use a personal API token (a SHA-256 lookup), not a password (BCrypt on every request)
            st.execute("""
                    insert into api_token (tenant_id, user_id, name, token_hash, token_prefix)
                    select tenant_id, id, 'bench', '%s', '%s' from app_user where login = 'admin'""".formatted(
                    sha256(TOKEN), TOKEN.substring(0, 10)));
        }
        System.out.printf(Locale.ROOT, "[bench] %d accounts × %d items seeded%n", accounts, ITEMS_PER_ACCOUNT);
    }

    private static WebClient client(String name, int connections) {
        ConnectionProvider pool = ConnectionProvider.builder(name).maxConnections(connections)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(2))
                // retire idle connections before Tomcat's keep-alive timeout (20 s) closes them under a request
                .maxIdleTime(Duration.ofSeconds(10)).build();
        HttpClient http = HttpClient.create(pool).runOn(LoopResources.create(name, 2, true))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 60_000);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20)).build();
    }

    private static final String TOKEN = "odso_bench" + Long.toHexString(System.nanoTime());

    private static String auth() {
        return "Bearer " + TOKEN;
    }

    private static String sha256(String secret) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------------------------------------- floor

    private Stats floor() throws Exception {
        int samples = Integer.getInteger("bench.floor-samples", 300);
        long[] latencies = new long[samples];
        double upper;
        try (Connection listener = db.connect();
             Connection sender = db.connect()) {
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN bench_floor");
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            Map<String, Long> arrivals = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(samples);
            Thread receiver = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (done.getCount() > 0) {
                        PGNotification[] got = pg.getNotifications(500);
                        long now = System.nanoTime();
                        if (got != null) {
                            for (PGNotification n : got) {
                                arrivals.put(n.getParameter(), now);
                                done.countDown();
                            }
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] acks = new long[samples];
            long[] sends = new long[samples];
            try (PreparedStatement notify = sender.prepareStatement("select pg_notify('bench_floor', ?)")) {
                long period = (long) (1e9 / Math.max(rate, 1));
                long next = System.nanoTime();
                for (int i = 0; i < samples; i++) {
                    next += period / 2;
                    Pace.until(next);
                    notify.setString(1, String.valueOf(i));
                    sends[i] = System.nanoTime();
                    notify.execute();
                    acks[i] = System.nanoTime();
                }
            }
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the floor listener missed notifications");
            }
            receiver.join(2_000);
            long[] fromSend = new long[samples];
            for (int i = 0; i < samples; i++) {
                latencies[i] = arrivals.get(String.valueOf(i)) - acks[i];
                fromSend[i] = arrivals.get(String.valueOf(i)) - sends[i];
            }
            upper = Stats.of(fromSend).p99();
        }
        Stats stats = Stats.of(latencies).withUpperBound(upper);
        System.out.println("[bench] floor " + stats);
        return stats;
    }

    /** Parks until an absolute nanoTime: a steady rate, not sleep-then-drift. */
    private static final class Pace {
        static void until(long deadline) {
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- fan-out

    /**
     * {@code subscribers} spread evenly over the first {@code over} accounts; one writer qualifies items of those
     * accounts in turn at the steady rate; every (subscriber, event) arrival is compared with the writer's ack.
     */
    private Stats fanOut(int subscribers, int over, boolean rsocket) throws Exception {
        String label = (rsocket ? "RSocket" : "SSE") + " " + subscribers + "/" + over;
        Map<String, Long> acks = new ConcurrentHashMap<>();
        Map<String, Long> sends = new ConcurrentHashMap<>();
        List<Subscriber> subs = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(subscribers);
        List<RSocketRequester> requesters = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            String account = account(i % over);
            Subscriber s = new Subscriber(account);
            subs.add(s);
        }
        List<Disposable> streams = new ArrayList<>();
        if (rsocket) {
            int perConnection = 100;
            for (int i = 0; i < subscribers; i += perConnection) {
                requesters.add(requester());
            }
            for (int i = 0; i < subscribers; i++) {
                Subscriber s = subs.get(i);
                RSocketRequester r = requesters.get(i / perConnection);
                streams.add(r.route("customers.{a}.events", s.account).data("{\"from\":null}")
                        .retrieveFlux(String.class)
                        .doOnSubscribe(x -> ready.countDown())
                        .subscribe(json -> s.arrived(seqOf(json), System.nanoTime())));
            }
        } else {
            for (Subscriber s : subs) {
                streams.add(web.get().uri("http://127.0.0.1:" + port + "/api/v1/customers/{a}/events", s.account)
                        .header("Authorization", auth()).accept(MediaType.TEXT_EVENT_STREAM)
                        .exchangeToFlux(response -> {
                            ready.countDown();
                            return response.bodyToFlux(DataBuffer.class);
                        })
                        // ten thousand connects at once can overflow the accept queue: connect again, as a browser would
                        .retryWhen(reactor.util.retry.Retry.backoff(10, Duration.ofMillis(200))
                                .filter(e -> e instanceof org.springframework.web.reactive.function.client.WebClientRequestException))
                        // a light reader (the ids only): the client shares the two cores with the server it measures
                        .subscribe(buffer -> {
                            long now = System.nanoTime();
                            String chunk = buffer.toString(StandardCharsets.ISO_8859_1);
                            DataBufferUtils.release(buffer);
                            s.frames(chunk, now);
                        }));
            }
        }
        if (!ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(label + ": only " + (subscribers - ready.getCount()) + " subscribers connected");
        }
        // the server has subscribed once the response headers went out; give the bus a moment to register them all
        TimeUnit.SECONDS.sleep(2); // allowed in a benchmark: not a test
        int events = (int) Math.round(rate * seconds);
        long period = (long) (1e9 / rate);
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            next += period;
            Pace.until(next);
            String account = account(i % over);
            long sent = System.nanoTime();
            long seq = writeOnce(account);
            acks.put(account + ":" + seq, System.nanoTime());
            sends.put(account + ":" + seq, sent);
        }
        // let the last deliveries land
        long expected = 0;
        for (int i = 0; i < subscribers; i++) {
            expected += events / over + (i % over < events % over ? 1 : 0);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && subs.stream().mapToLong(Subscriber::count).sum() < expected) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        streams.forEach(Disposable::dispose);
        requesters.forEach(RSocketRequester::dispose);
        long[] all = subs.stream().flatMapToLong(s -> s.latencies(acks)).toArray();
        long received = subs.stream().mapToLong(Subscriber::count).sum();
        Stats stats = Stats.of(all).withDelivery(received, expected)
                .withUpperBound(Stats.of(subs.stream().flatMapToLong(s -> s.latencies(sends)).toArray()).p99());
        System.out.println("[bench] " + label + " " + stats);
        return stats;
    }

    /** The seq of an event's JSON, read without parsing the rest: the client shares the cores it measures. */
    static long seqOf(String json) {
        int at = json.indexOf("\"seq\":") + 6;
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json, at, end, 10);
    }

    private RSocketRequester requester() {
        RSocketStrategies strategies = RSocketStrategies.builder()
                .encoders(e -> {
                    e.add(CharSequenceEncoder.allMimeTypes());
                    e.add(new SimpleAuthenticationEncoder());
                })
                .decoders(d -> d.add(StringDecoder.allMimeTypes()))
                .build();
        return RSocketRequester.builder()
                .rsocketStrategies(strategies)
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON)
                .setupMetadata(new UsernamePasswordMetadata("admin", ImportBenchmark.PASSWORD),
                        MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString()))
                .tcp("127.0.0.1", rsocketPort);
    }

    private static final Pattern ID = Pattern.compile("(?m)^id:\\s?(\\d+)$");

    /** One subscriber's arrivals: seq → nanoTime. */
    private static final class Subscriber {
        final String account;
        final Map<Long, Long> arrivals = new ConcurrentHashMap<>();

        Subscriber(String account) {
            this.account = account;
        }

        private String carry = "";

        /** SSE text as it arrives: every complete frame's {@code id:} line counts as an arrival. */
        void frames(String chunk, long nanos) {
            String text = carry + chunk;
            int end = text.lastIndexOf("\n\n");
            if (end < 0) {
                carry = text;
                return;
            }
            Matcher ids = ID.matcher(text.substring(0, end));
            while (ids.find()) {
                arrived(Long.parseLong(ids.group(1)), nanos);
            }
            carry = text.substring(end + 2);
        }

        void arrived(long seq, long nanos) {
            arrivals.putIfAbsent(seq, nanos);
        }

        long count() {
            return arrivals.size();
        }

        java.util.stream.LongStream latencies(Map<String, Long> acks) {
            return arrivals.entrySet().stream()
                    .filter(e -> acks.containsKey(account + ":" + e.getKey()))
                    .mapToLong(e -> e.getValue() - acks.get(account + ":" + e.getKey()));
        }
    }

    private static String account(int index) {
        return "BENCH-%04d".formatted(index + 1);
    }

    /** Qualifies the next item of the account with the version we last saw; returns the event's seq. */
    private long writeOnce(String account) {
        return write(account).block(); // allowed-blocking: the benchmark's own writer thread
    }

    private Mono<Long> write(String account) {
        long[] v = versions.computeIfAbsent(account, a -> new long[ITEMS_PER_ACCOUNT + 1]);
        int item;
        synchronized (v) {
            item = (int) (v[0]++ % ITEMS_PER_ACCOUNT) + 1;
        }
        String body = """
                {"items":[{"number":"%s-%d","type":"INVOICE","version":%d}],"status":"REMINDER_SENT","comment":"bench"}"""
                .formatted(account, item, v[item]);
        return writer.post().uri("http://127.0.0.1:" + port + "/api/v1/customers/{a}/qualifications", account)
                .header("Authorization", auth()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(r -> r.bodyToMono(String.class).map(text -> {
                    if (r.statusCode().value() != 201) {
                        throw new IllegalStateException(account + ": " + r.statusCode() + " " + text);
                    }
                    JsonNode json = JSON.readTree(text);
                    v[item] = json.get("items").get(0).get("version").asLong();
                    return json.get("seq").asLong();
                }))
                // a request that never got an answer (its pooled connection was closed under it) is sent again;
                // one the server did process would answer 409 on the retry and stop the run
                .retryWhen(reactor.util.retry.Retry.max(3)
                        .filter(e -> e instanceof org.springframework.web.reactive.function.client.WebClientRequestException)
                        .doBeforeRetry(r -> retries.incrementAndGet()));
    }

    // ---------------------------------------------------------------------------------------------- throughput

    private record Throughput(long qualifications, double perSecond, Stats latency) {
    }

    private Throughput throughput() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(throughputSeconds);
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        Flux.range(0, writers)
                .flatMap(w -> Mono.defer(() -> {
                            long t = System.nanoTime();
                            return write(account(w % accounts)).doOnNext(seq -> latencies.add(System.nanoTime() - t));
                        })
                        .repeat(() -> System.nanoTime() < end), writers)
                .blockLast(Duration.ofMinutes(10)); // allowed-blocking: the benchmark's main thread
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
        Throughput t = new Throughput(all.length, all.length / elapsed, Stats.of(all));
        System.out.printf(Locale.ROOT, "[bench] throughput: %d qualifications in %.1f s = %.0f/s, %s%n",
                t.qualifications(), elapsed, t.perSecond(), t.latency());
        return t;
    }

    private double pgbench(BenchDb server) throws Exception {
        String scratch = "opendso_pgbench_" + System.currentTimeMillis() / 1000;
        server.sql("create database " + scratch);
        try {
            BenchDb pg = server.in(scratch);
            run(pg, "pgbench", "-i", "-q", "-s", "10");
            // clients: as many as PostgreSQL's max_connections leaves room for beside the application's pool
            int clients = Integer.getInteger("bench.pgbench-clients", 50);
            String output = run(pg, "pgbench", "-b", "tpcb-like", "-c", String.valueOf(clients), "-j", "2",
                    "-T", String.valueOf(throughputSeconds));
            Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("no tps in pgbench output:\n" + output);
            }
            double tps = Double.parseDouble(m.group(1));
            System.out.printf(Locale.ROOT, "[bench] pgbench tpcb-like, %d clients: %.0f tps%n", clients, tps);
            return tps;
        } finally {
            server.sql("drop database if exists " + scratch + " with (force)");
        }
    }

    private static String run(BenchDb pg, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(), pg.database()));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        if (!pg.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", pg.password());
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    // ---------------------------------------------------------------------------------------------- report

    private record Row(String what, int subscribers, Stats stats) {
    }

    /** {@code p99FromSend}: the same deliveries measured from the moment the writer sent its request (an upper bound). */
    record Stats(long samples, double p50, double p99, double max, long received, long expected, double p99FromSend) {

        static Stats of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN);
            }
            return new Stats(sorted.length, ms(sorted[(int) Math.floor(0.50 * (sorted.length - 1))]),
                    ms(sorted[(int) Math.floor(0.99 * (sorted.length - 1))]), ms(sorted[sorted.length - 1]),
                    sorted.length, sorted.length, Double.NaN);
        }

        Stats withDelivery(long received, long expected) {
            return new Stats(samples, p50, p99, max, received, expected, p99FromSend);
        }

        Stats withUpperBound(double p99FromSend) {
            return new Stats(samples, p50, p99, max, received, expected, p99FromSend);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms (delivered %d/%d)",
                    samples, p50, p99, max, received, expected);
        }
    }

    private void print(List<Row> rows, Stats floor, Throughput ours, double pgbench, String load) throws Exception {
        out.append(String.format(Locale.ROOT, "%nLive collaboration benchmark (%d accounts; writer %.0f/s for %d s per row; "
                + "load average before: %s)%n%n", accounts, rate, seconds, load));
        out.append("Latency from the writer's commit acknowledgement (its 201; for the floor, its NOTIFY's autocommit) to"
                + " arrival; the last column measures from the moment the writer sent its request, an upper bound.\n\n");
        out.append("| subscribers | where | deliveries | p50 ms | p99 ms | max ms | p99 × floor | p99 from request ms |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %,d | %s | %,d/%,d | %.2f | %.2f | %.2f | %.1f | %.2f |%n", r.subscribers(),
                    r.what(), r.stats().received(), r.stats().expected(), r.stats().p50(), r.stats().p99(),
                    r.stats().max(), r.stats().p99() / floor.p99(), r.stats().p99FromSend()));
        }
        Row thousand = rows.stream().filter(r -> r.subscribers() == 1000 && r.what().startsWith("SSE, one")).findFirst()
                .orElse(null);
        if (thousand != null) {
            boolean met = thousand.stats().p99() <= 25 && thousand.stats().p99() <= 3 * floor.p99();
            out.append(String.format(Locale.ROOT, "%nGoal at 1,000 SSE subscribers on one account: p99 ≤ 25 ms and ≤ 3× the "
                    + "floor: %.2f ms, %.1f× — %s%n", thousand.stats().p99(), thousand.stats().p99() / floor.p99(),
                    met ? "met" : "NOT met"));
        }
        out.append(String.format(Locale.ROOT, "%n| throughput (%d s) | per second | p99 ms |%n|---|---|---|%n", throughputSeconds));
        out.append(String.format(Locale.ROOT, "| %d writers qualifying on distinct accounts (API) | %.0f | %.1f |%n",
                writers, ours.perSecond(), ours.latency().p99()));
        out.append(String.format(Locale.ROOT, "| pgbench -b tpcb-like (scale 10) | %.0f | – |%n", pgbench));
        out.append(String.format(Locale.ROOT, "%nGoal ≥ 0.5× pgbench: %.2f× — %s%n", ours.perSecond() / pgbench,
                ours.perSecond() >= 0.5 * pgbench ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "%nWrites sent again after a closed connection: %d%n", retries.get()));
        System.out.println(out);
        Files.writeString(dir.resolve("live-results.txt"), out.toString());
    }
}
