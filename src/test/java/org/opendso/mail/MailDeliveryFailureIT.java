package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/** An SMTP server that does not answer: attempts with growing waits, then FAILED and the account is told. */
@IntegrationTest
class MailDeliveryFailureIT {

    @DynamicPropertySource
    static void deadMailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", MailDeliveryFailureIT::portWithNothingListening);
        properties.add("opendso.mail.poll-interval", () -> "50ms");
        properties.add("opendso.mail.retry-delays", () -> "200ms,400ms,800ms,1600ms");
    }

    private static int portWithNothingListening() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired MailOutbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired EventStreams streams;

    @Test
    void attemptsWaitLongerEachTimeThenTheMailFailsAndTheAccountLogSaysWhy() {
        long customer = MailRows.customerId(db, 1, "DEMO-006");
        String subject = "Unreachable " + UUID.randomUUID();
        long id = outbox.queue(Actor.system("Test"), 1, customer,
                new OutgoingMail("someone@example.org", null, subject, "<p>Hello</p>")).as(tx::transactional).block();

        MailRows.Row third = awaitRow(id, r -> r.attempts() == 3 && r.state() == MailState.PENDING);
        MailRows.Row fourth = awaitRow(id, r -> r.attempts() == 4 && r.state() == MailState.PENDING);
        assertThat(third.lastError()).containsIgnoringCase("refused");
        // the 3rd failure waits 800 ms, the 4th 1600 ms: the next attempt moves further each time
        assertThat(fourth.nextAttemptAt()).isAfter(third.nextAttemptAt().plus(Duration.ofMillis(1000)));
        assertThat(third.sentAt()).isNull();

        MailRows.Row failed = awaitRow(id, r -> r.state() == MailState.FAILED);
        assertThat(failed.attempts()).isEqualTo(5);
        assertThat(failed.lastError()).containsIgnoringCase("refused");
        // given up for good: no more attempts
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> MailRows.row(db, id).attempts() == 5);

        List<AccountEvent> failures = streams.history(1, customer, new HistoryFilter(EventType.MAIL_FAILED, null, null), 10)
                .collectList().block();
        assertThat(failures).hasSize(1).first().satisfies(e -> {
            assertThat(e.payload()).containsPattern("\"mailId\":\\s*" + id + "\\b").contains(subject)
                    .containsIgnoringCase("refused").containsPattern("\"attempts\":\\s*5");
            assertThat(e.actorName()).isEqualTo("Mail");
        });
        assertThat(streams.history(1, customer, new HistoryFilter(EventType.MAIL_SENT, null, null), 10)
                .collectList().block()).noneMatch(e -> e.payload().contains(subject));
    }

    private MailRows.Row awaitRow(long id, java.util.function.Predicate<MailRows.Row> condition) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> MailRows.row(db, id), condition::test);
    }

}
