package org.opendso.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.alert.AlertFixture.TODAY;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.alert.AlertFixture.Row;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/** Each rule on the real database, as of the fixed {@link AlertFixture#TODAY}, in a company of its own. */
@IntegrationTest
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class})
class AlertRulesIT {

    @Autowired Alerts alerts;
    @Autowired AlertFixture fx;
    @Autowired TestTenants tenants;
    @Autowired EventStreams streams;
    @Autowired Evaluation evaluation;
    @Autowired TransactionalOperator tx;

    TestTenants.Other other;

    @BeforeEach
    void tenant() {
        other = tenants.create("al-" + System.nanoTime());
    }

    long customer(String account) {
        return fx.customer(other.tenantId(), account, other.collector().userId());
    }

    Evaluation.Outcome evaluate(long customer) {
        return alerts.evaluate(other.tenantId(), List.of(customer), TODAY).block();
    }

    Evaluation.Outcome evaluateAll() {
        return alerts.evaluate(other.tenantId(), null, TODAY).block();
    }

    @Test
    void aBrokenPromiseIsRaisedOnceAndEndsWhenTheItemIsPaid() {
        long c = customer("PRO-1");
        long broken = fx.item(other.tenantId(), c, "P1-1", TODAY.minusDays(10), "1200.00");
        long notYet = fx.item(other.tenantId(), c, "P1-2", TODAY.minusDays(10), "300.00");
        // promised 4 days ago: 3 days of grace are over; promised 3 days ago: not yet
        fx.status(other.tenantId(), broken, "PROMISE_TO_PAY", TODAY.minusDays(4));
        fx.status(other.tenantId(), notYet, "PROMISE_TO_PAY", TODAY.minusDays(3));

        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("PROMISE_BROKEN");
            assertThat(a.subject()).isEqualTo(String.valueOf(broken));
            assertThat(a.open()).isTrue();
        });
        assertThat(fx.payloads(c, "ALERT_RAISED")).singleElement().satisfies(p -> assertThat(p)
                .contains("\"rule\": \"PROMISE_BROKEN\"").contains("\"number\": \"P1-1\"")
                .contains("\"promisedDate\": \"" + TODAY.minusDays(4) + "\""));

        // again, for the account and for the whole company: nothing changes
        List<Row> before = fx.alerts(c);
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
        assertThat(evaluateAll()).isEqualTo(Evaluation.Outcome.NONE);
        assertThat(fx.alerts(c)).isEqualTo(before);
        assertThat(fx.events(c)).containsExactly("ALERT_RAISED");

        // the next day the second promise is broken too
        assertThat(alerts.evaluate(other.tenantId(), List.of(c), TODAY.plusDays(1)).block())
                .isEqualTo(new Evaluation.Outcome(1, 0));
        fx.pay(broken);
        assertThat(alerts.evaluate(other.tenantId(), List.of(c), TODAY.plusDays(1)).block())
                .isEqualTo(new Evaluation.Outcome(0, 1));
        assertThat(fx.alerts(c)).hasSize(2).first().satisfies(a -> {
            assertThat(a.open()).isFalse();
            assertThat(a.ended()).isTrue();
            assertThat(a.reason()).isEqualTo("RESOLVED");
        });
        assertThat(fx.alerts(c).get(1).open()).isTrue();
        assertThat(fx.events(c)).containsExactly("ALERT_RAISED", "ALERT_RAISED", "ALERT_CLEARED");
        assertThat(fx.payloads(c, "ALERT_CLEARED")).singleElement().satisfies(p -> assertThat(p)
                .contains("\"reason\": \"RESOLVED\"").contains("\"alertId\": " + before.getFirst().id()));
    }

    @Test
    void aNewPromiseEndsTheAlertOfTheBrokenOne() {
        long c = customer("PRO-2");
        long item = fx.item(other.tenantId(), c, "P2-1", TODAY.minusDays(10), "100.00");
        fx.status(other.tenantId(), item, "PROMISE_TO_PAY", TODAY.minusDays(5));
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));
        fx.status(other.tenantId(), item, "PROMISE_TO_PAY", TODAY.plusDays(5));
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(0, 1));
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> assertThat(a.reason()).isEqualTo("RESOLVED"));
    }

    @Test
    void anOverdueAccountWithoutActionIsRaisedUntilAnActionIsDone() {
        long idle = customer("NOA-1");
        fx.item(other.tenantId(), idle, "N1-1", TODAY.minusDays(30), "500.00");
        long busy = customer("NOA-2");
        fx.item(other.tenantId(), busy, "N2-1", TODAY.minusDays(30), "500.00");
        fx.actionDone(other.tenantId(), busy, TODAY.minusDays(5));
        long recent = customer("NOA-3");
        // overdue for 15 days only: not more than 15
        fx.item(other.tenantId(), recent, "N3-1", TODAY.minusDays(15), "500.00");

        assertThat(evaluateAll()).isEqualTo(new Evaluation.Outcome(1, 0));
        assertThat(fx.alerts(idle)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("NO_ACTION");
            assertThat(a.subject()).isEqualTo("account");
        });
        assertThat(fx.alerts(busy)).isEmpty();
        assertThat(fx.alerts(recent)).isEmpty();
        assertThat(evaluateAll()).isEqualTo(Evaluation.Outcome.NONE);

        // an action 20 days ago is still more than 15 days ago
        fx.actionDone(other.tenantId(), idle, TODAY.minusDays(20));
        assertThat(evaluate(idle)).isEqualTo(Evaluation.Outcome.NONE);
        fx.actionDone(other.tenantId(), idle, TODAY.minusDays(1));
        assertThat(evaluate(idle)).isEqualTo(new Evaluation.Outcome(0, 1));
        assertThat(fx.alerts(idle)).singleElement().satisfies(a -> {
            assertThat(a.open()).isFalse();
            assertThat(a.reason()).isEqualTo("RESOLVED");
        });
        assertThat(fx.events(idle)).containsExactly("ALERT_RAISED", "ALERT_CLEARED");
    }

    @Test
    void anOldItemWithoutStatusIsRaisedUntilItGetsOne() {
        long c = customer("OLD-1");
        long old = fx.item(other.tenantId(), c, "O1-1", TODAY.minusDays(184), "700.00");
        fx.item(other.tenantId(), c, "O1-2", TODAY.minusDays(183), "700.00");
        fx.actionDone(other.tenantId(), c, TODAY.minusDays(1));

        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("OLD_ITEM_WITHOUT_STATUS");
            assertThat(a.subject()).isEqualTo(String.valueOf(old));
        });
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
        fx.status(other.tenantId(), old, "PRICE_DISPUTE", TODAY.plusDays(14));
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(0, 1));
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> assertThat(a.open()).isFalse());
    }

    @Test
    void aFailedMailIsRaisedUntilALaterMailIsSentOrAUserAcknowledgesIt() {
        long c = customer("MAIL-1");
        long first = fx.mail(other.tenantId(), c, "FAILED");
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));
        Row raised = fx.alerts(c).getFirst();
        assertThat(raised.rule()).isEqualTo("MAIL_FAILED");
        assertThat(raised.subject()).isEqualTo(String.valueOf(first));
        assertThat(fx.payloads(c, "ALERT_RAISED").getFirst()).contains("550 mailbox unavailable");

        // acknowledged: cleared, and not raised again while the mail stays failed
        Alert acknowledged = alerts.acknowledge(other.collector(), raised.id()).block();
        assertThat(acknowledged.open()).isFalse();
        assertThat(acknowledged.clearedReason()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.clearedBy()).isEqualTo(other.collector().name());
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> assertThat(a.open()).isFalse());
        // acknowledging again changes nothing and logs nothing
        alerts.acknowledge(other.collector(), raised.id()).block();
        assertThat(fx.events(c)).containsExactly("ALERT_RAISED", "ALERT_CLEARED");

        // another failure, then a mail that went through: both failures are over
        fx.mail(other.tenantId(), c, "FAILED");
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));
        fx.mail(other.tenantId(), c, "SENT");
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(0, 1));
        assertThat(fx.alerts(c)).hasSize(2).allSatisfy(a -> {
            assertThat(a.open()).isFalse();
            assertThat(a.ended()).isTrue();
        });
        assertThat(fx.alerts(c).get(1).reason()).isEqualTo("RESOLVED");
        // an earlier failure than a sent mail raises nothing
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
    }

    @Test
    void aRuleSwitchedOffRaisesNothingAndClearsItsAlerts() {
        long c = customer("OFF-1");
        fx.item(other.tenantId(), c, "F1-1", TODAY.minusDays(30), "500.00");
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(1, 0));

        List<RuleSetting> saved = alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.NO_ACTION, false, null)))
                .block();
        assertThat(saved).filteredOn(s -> s.rule() == AlertRule.NO_ACTION).singleElement()
                .isEqualTo(new RuleSetting(AlertRule.NO_ACTION, false, 15));
        assertThat(fx.alerts(c)).singleElement().satisfies(a -> {
            assertThat(a.open()).isFalse();
            assertThat(a.reason()).isEqualTo("DISABLED");
        });
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
        long later = customer("OFF-2");
        fx.item(other.tenantId(), later, "F2-1", TODAY.minusDays(30), "500.00");
        assertThat(evaluateAll()).isEqualTo(Evaluation.Outcome.NONE);

        // on again with more days: 30 days overdue is not more than 40; with 20 it is, as a new alert
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.NO_ACTION, true, 40))).block();
        assertThat(fx.alerts(c)).hasSize(1);
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.NO_ACTION, null, 20))).block();
        assertThat(fx.alerts(c)).hasSize(2).last().satisfies(a -> assertThat(a.open()).isTrue());
        assertThat(fx.alerts(later)).singleElement().satisfies(a -> assertThat(a.open()).isTrue());
    }

    @Test
    void theOldItemsThresholdIsTheCompanysOne() {
        long c = customer("OLD-2");
        fx.item(other.tenantId(), c, "O2-1", TODAY.minusDays(100), "700.00");
        fx.actionDone(other.tenantId(), c, TODAY.minusDays(1));
        assertThat(evaluate(c)).isEqualTo(Evaluation.Outcome.NONE);
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.OLD_ITEM_WITHOUT_STATUS, null, 90))).block();
        assertThat(fx.alerts(c, AlertRule.OLD_ITEM_WITHOUT_STATUS)).hasSize(1);
        assertThat(alerts.settings(other.tenantId()).block()).contains(
                new RuleSetting(AlertRule.OLD_ITEM_WITHOUT_STATUS, true, 90));
    }

    @Test
    void settingsAreCheckedAndForAdministratorsOnly() {
        alerts.update(other.collector(), List.of(new RuleSetting(AlertRule.NO_ACTION, false, null)))
                .as(StepVerifier::create)
                .expectError(org.springframework.security.access.AccessDeniedException.class).verify();
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.NO_ACTION, true, 0)))
                .as(StepVerifier::create)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidAlertSetting.class, i -> {
                    assertThat(i.field()).isEqualTo("days");
                    assertThat(i.rule()).isEqualTo("NO_ACTION");
                }))
                .verify();
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.MAIL_FAILED, true, 3)))
                .as(StepVerifier::create).expectError(InvalidAlertSetting.class).verify();
        alerts.update(other.admin(), List.of(new RuleSetting(AlertRule.NO_ACTION, true, 10),
                        new RuleSetting(AlertRule.NO_ACTION, true, 12)))
                .as(StepVerifier::create).expectError(InvalidAlertSetting.class).verify();
        assertThat(alerts.settings(other.tenantId()).block()).containsExactly(
                new RuleSetting(AlertRule.PROMISE_BROKEN, true, 3),
                new RuleSetting(AlertRule.NO_ACTION, true, 15),
                new RuleSetting(AlertRule.OLD_ITEM_WITHOUT_STATUS, true, 183),
                new RuleSetting(AlertRule.MAIL_FAILED, true, null));
    }

    @Test
    void aCollectorSeesTheAlertsOfTheirAccountsOfTheirCompanyOnly() {
        long mine = customer("VIS-1");
        long notMine = fx.customer(other.tenantId(), "VIS-2", null);
        fx.item(other.tenantId(), mine, "V1-1", TODAY.minusDays(30), "500.00");
        fx.item(other.tenantId(), notMine, "V2-1", TODAY.minusDays(30), "500.00");
        TestTenants.Other third = tenants.create("al3-" + System.nanoTime());
        long elsewhere = fx.customer(third.tenantId(), "VIS-1", third.collector().userId());
        fx.item(third.tenantId(), elsewhere, "V3-1", TODAY.minusDays(30), "500.00");
        assertThat(evaluateAll()).isEqualTo(new Evaluation.Outcome(2, 0));
        assertThat(alerts.evaluate(third.tenantId(), null, TODAY).block()).isEqualTo(new Evaluation.Outcome(1, 0));

        AlertQuery open = AlertQuery.of(AlertState.OPEN);
        assertThat(alerts.list(other.collector(), open).map(Alert::account).collectList().block())
                .containsExactly("VIS-1");
        assertThat(alerts.count(other.collector(), open).block()).isEqualTo(1);
        assertThat(alerts.list(other.admin(), open).map(Alert::account).collectList().block())
                .containsExactlyInAnyOrder("VIS-1", "VIS-2");
        assertThat(alerts.list(third.admin(), open).map(Alert::customerId).collectList().block())
                .containsExactly(elsewhere);
        assertThat(alerts.openOf(other.collector(), List.of(mine, notMine, elsewhere)).block()).containsOnlyKeys(mine);

        long hidden = fx.alerts(notMine).getFirst().id();
        long foreign = fx.alerts(elsewhere).getFirst().id();
        alerts.acknowledge(other.collector(), hidden).as(StepVerifier::create).expectError(UnknownAlert.class).verify();
        alerts.acknowledge(other.admin(), foreign).as(StepVerifier::create).expectError(UnknownAlert.class).verify();
        assertThat(fx.alerts(notMine).getFirst().open()).isTrue();
        assertThat(fx.alerts(elsewhere).getFirst().open()).isTrue();

        assertThat(alerts.list(other.collector(), new AlertQuery(AlertState.CLEARED, null, 0, 10)).collectList().block())
                .isEmpty();
        alerts.acknowledge(other.collector(), fx.alerts(mine).getFirst().id()).block();
        assertThat(alerts.list(other.collector(), new AlertQuery(AlertState.CLEARED, "VIS-1", 0, 10))
                .map(Alert::clearedReason).collectList().block()).containsExactly("ACKNOWLEDGED");
        assertThat(alerts.count(other.collector(), open).block()).isZero();
    }

    @Test
    void alertRaisedArrivesOnTheAccountStream() {
        long c = customer("LIVE-1");
        fx.item(other.tenantId(), c, "L1-1", TODAY.minusDays(30), "500.00");
        long head = streams.head(other.tenantId(), c).block();
        streams.account(other.tenantId(), c, head)
                .as(StepVerifier::create)
                .then(() -> evaluate(c))
                .assertNext(e -> {
                    assertThat(e.type()).isEqualTo(EventType.ALERT_RAISED);
                    assertThat(e.payload()).contains("NO_ACTION");
                    assertThat(e.actorName()).isEqualTo("Alerts");
                    assertThat(e.seq()).isEqualTo(head + 1);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(20));
    }

    @Test
    void severalAlertsOfOneAccountGetConsecutiveSeqs() {
        long c = customer("SEQ-1");
        for (int i = 1; i <= 3; i++) {
            fx.item(other.tenantId(), c, "S1-" + i, TODAY.minusDays(200 + i), "10.00");
        }
        long head = streams.head(other.tenantId(), c).block();
        // three old items and the account without action
        assertThat(evaluate(c)).isEqualTo(new Evaluation.Outcome(4, 0));
        assertThat(streams.head(other.tenantId(), c).block()).isEqualTo(head + 4);
        assertThat(fx.events(c)).containsExactly("ALERT_RAISED", "ALERT_RAISED", "ALERT_RAISED", "ALERT_RAISED");
    }

    @Test
    void theScheduledRunSkipsACompanyAnotherSessionIsEvaluating() {
        Mono<Boolean> otherSession = evaluation.tryLock(other.tenantId()).contextWrite(c -> Context.empty());
        evaluation.lock(other.tenantId()).then(otherSession).as(tx::transactional)
                .as(StepVerifier::create).expectNext(false).verifyComplete();
        // released at commit
        evaluation.tryLock(other.tenantId()).as(tx::transactional).as(StepVerifier::create).expectNext(true)
                .verifyComplete();
    }

    @Test
    void concurrentRunsRaiseOnce() {
        long c = customer("CON-1");
        fx.item(other.tenantId(), c, "C1-1", TODAY.minusDays(30), "500.00");
        List<Evaluation.Outcome> outcomes = reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> alerts.evaluate(other.tenantId(), i % 2 == 0 ? List.of(c) : null, TODAY)
                        .subscribeOn(Schedulers.parallel()))
                .collectList().block();
        assertThat(outcomes.stream().mapToLong(Evaluation.Outcome::raised).sum()).isEqualTo(1);
        assertThat(fx.alerts(c)).hasSize(1);
        assertThat(fx.events(c)).containsExactly("ALERT_RAISED");
    }
}
