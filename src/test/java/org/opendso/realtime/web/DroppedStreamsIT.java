package org.opendso.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.customer.AssignmentRole;
import org.opendso.realtime.StreamFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Clients that go away without a word (a closed laptop, a killed script) leave streams the server only finds
 * dead when it next writes to them, from a Reactor thread. Those failing writes must never touch another
 * client's connection: with Tomcat's recycled request processors, one in about 25 unrelated requests got an
 * empty reply under load.
 */
@IntegrationTest
@Import(StreamFixtures.class)
class DroppedStreamsIT {

    static final int DROPPED = 30;
    static final int ROUNDS = 3;
    static final int REQUESTS_PER_ROUND = 30;

    @LocalServerPort
    int port;

    @Autowired
    StreamFixtures fx;

    @Test
    void writesToStreamsWhoseClientsWentAwayNeverCloseOtherConnections() throws Exception {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        fx.assign(customer, "collector", AssignmentRole.COLLECTOR);
        String account = fx.account(customer);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < DROPPED; i++) {
                    openThenDrop("/api/v1/customers/" + account + "/events");
                }
                // every dropped stream is written to at once, while other clients make ordinary requests
                CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 5; n++) {
                        fx.append(tenant, customer, "to nobody").block(Duration.ofSeconds(10));
                    }
                }, clients);
                List<CompletableFuture<String>> requests = new ArrayList<>();
                for (int i = 0; i < REQUESTS_PER_ROUND; i++) {
                    requests.add(CompletableFuture.supplyAsync(() -> statusLine("/api/v1/customers/" + account), clients));
                }
                writes.get();
                for (CompletableFuture<String> request : requests) {
                    String status = request.get();
                    if (!status.startsWith("HTTP/1.1 200")) {
                        failures.add(status);
                    }
                }
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(failures).as("answers other than 200 among %d requests", ROUNDS * REQUESTS_PER_ROUND).isEmpty();
    }

    /** Opens an event stream, reads its first bytes (the server is streaming), then closes the socket. */
    private void openThenDrop(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            send(socket, path, "text/event-stream");
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            int read = in.readNBytes(head, 0, head.length);
            assertThat(new String(head, 0, read, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            socket.setSoLinger(true, 0); // a reset, as a killed client leaves it
        }
    }

    /** The status line of one request on a new connection, or what went wrong. */
    private String statusLine(String path) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            send(socket, path, "application/json");
            byte[] head = new byte[15];
            int read = socket.getInputStream().readNBytes(head, 0, head.length);
            return read == 0 ? "empty reply" : new String(head, 0, read, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void send(Socket socket, String path, String accept) throws IOException {
        String credentials = Base64.getEncoder().encodeToString("collector:demo".getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\nAuthorization: Basic "
                + credentials + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
