package org.opendso.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.mail.MailOutbox;
import org.opendso.mail.OutgoingMail;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The event triggers, on: a mail that fails for good (an SMTP server that does not answer, one attempt allowed)
 * raises MAIL_FAILED on its account with no one asking, and a change logged on an account evaluates it. The context
 * is closed after the class: its triggers would otherwise react to the events of the test classes that follow.
 */
@IntegrationTest
@Import(TestTenants.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AlertTriggersIT {

    @DynamicPropertySource
    static void triggersOnAndADeadMailServer(DynamicPropertyRegistry properties) {
        properties.add("opendso.alerts.on-events", () -> "true");
        properties.add("opendso.alerts.gather", () -> "100ms");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", AlertTriggersIT::portWithNothingListening);
        properties.add("opendso.mail.poll-interval", () -> "50ms");
        properties.add("opendso.mail.max-attempts", () -> "1");
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
    @Autowired TestTenants tenants;
    @Autowired EventLog events;
    @Autowired org.springframework.r2dbc.core.DatabaseClient db;
    @Autowired AlertSchedule schedule;

    @Test
    void aMailThatFailsForGoodRaisesAnAlertOnItsAccount() {
        TestTenants.Other other = tenants.create("alt-" + System.nanoTime());
        // a tenant created after start is followed from the next scheduled run; here, at once
        schedule.follow(java.util.List.of(other.tenantId()));
        String subject = "Unreachable " + UUID.randomUUID();
        long mail = outbox.queue(Actor.system("Test"), other.tenantId(), other.customerId(),
                new OutgoingMail("someone@example.org", null, subject, "<p>Hello</p>")).as(tx::transactional).block();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> alertsOf(other.customerId(), "MAIL_FAILED") == 1);
        String details = db.sql("select details::text as d from alert where customer_id = :c and rule = 'MAIL_FAILED'")
                .bind("c", other.customerId()).map((r, m) -> r.get("d", String.class)).one().block();
        assertThat(details).contains("\"mailId\": " + mail).contains(subject).containsIgnoringCase("refused");
        assertThat(db.sql("select type from event where customer_id = :c order by seq").bind("c", other.customerId())
                .map((r, m) -> r.get("type", String.class)).all().collectList().block())
                .containsSubsequence("MAIL_QUEUED", "MAIL_FAILED", "ALERT_RAISED");
    }

    @Test
    void aChangeLoggedOnAnAccountEvaluatesIt() {
        TestTenants.Other other = tenants.create("alt2-" + System.nanoTime());
        schedule.follow(java.util.List.of(other.tenantId()));
        // INV-1 of the account is 30 days overdue and nothing was ever done
        events.append(Actor.system("Test"), other.tenantId(), other.customerId(), EventType.ITEMS_QUALIFIED,
                Map.of("items", java.util.List.of())).as(tx::transactional).block();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> alertsOf(other.customerId(), "NO_ACTION") == 1);
    }

    private long alertsOf(long customer, String rule) {
        return db.sql("select count(*) as n from alert where customer_id = :c and rule = :r and cleared_at is null")
                .bind("c", customer).bind("r", rule).map((r, m) -> r.get("n", Long.class)).one().block();
    }
}
