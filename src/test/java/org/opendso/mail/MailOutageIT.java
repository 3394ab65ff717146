package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.realtime.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * The SMTP server is down while mails are queued, then comes back: every mail arrives once, with the Message-ID it
 * got when it was queued, and its attachment.
 */
@IntegrationTest
class MailOutageIT {

    static final int PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> PORT);
        properties.add("opendso.mail.from", () -> "collections@outage.opendso.org");
        properties.add("opendso.mail.poll-interval", () -> "100ms");
        properties.add("opendso.mail.retry-delays", () -> "200ms,300ms");
        properties.add("opendso.mail.max-attempts", () -> "1000");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Autowired MailOutbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;

    @Test
    void mailsQueuedDuringAnOutageArriveOnceEachWithTheirOwnMessageIdWhenTheServerIsBack() throws Exception {
        long customer = MailRows.customerId(db, 1, "DEMO-007");
        String batch = UUID.randomUUID().toString();
        byte[] pdf = "%PDF-1.4 letter".getBytes();
        List<Long> ids = Flux.range(0, 5)
                .concatMap(i -> outbox.queue(Actor.system("Test"), 1, customer, new OutgoingMail(
                        "payer@example.org", "Payer", "Outage " + batch + " #" + i, "<p>Mail " + i + "</p>",
                        i == 0 ? List.of(new MailAttachment("letter.pdf", "application/pdf", pdf)) : List.of()))
                        .as(tx::transactional))
                .collectList().block();

        // nothing listens: every mail fails at least twice and stays pending, nothing is lost
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> {
            MailRows.Row row = MailRows.row(db, id);
            return row.state() == MailState.PENDING && row.attempts() >= 2;
        }));

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> received(batch).size() >= ids.size());
        // and nothing arrives twice, even a while later
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> received(batch).size() == ids.size());

        Map<String, String> messageIds = db.sql("select subject, message_id from mail_outbox where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map((r, m) -> Map.entry(r.get("subject", String.class), r.get("message_id", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        assertThat(messageIds.values()).allMatch(id -> id.matches("<[0-9a-f-]{36}@outage\\.opendso\\.org>"))
                .doesNotHaveDuplicates();
        for (MimeMessage message : received(batch)) {
            assertThat(message.getMessageID()).isEqualTo(messageIds.get(message.getSubject()));
        }
        MimeMessage withLetter = received(batch).stream().filter(m -> subject(m).endsWith("#0")).findFirst().orElseThrow();
        assertThat(attachments(withLetter)).containsExactly("letter.pdf");
        assertThat(ids).allMatch(id -> MailRows.row(db, id).state() == MailState.SENT);
    }

    private static List<MimeMessage> received(String batch) {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(batch))
                .collect(Collectors.toList());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> attachments(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart parts = (Multipart) message.getContent();
        IntStream.range(0, parts.getCount()).forEach(i -> {
            try {
                BodyPart part = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    names.add(part.getFileName());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return names;
    }
}
