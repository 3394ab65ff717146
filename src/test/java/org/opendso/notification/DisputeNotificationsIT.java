package org.opendso.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.alert.AlertFixture.TODAY;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.action.ActionFixture;
import org.opendso.action.ActionKind;
import org.opendso.agenda.Agenda;
import org.opendso.agenda.AgendaPage;
import org.opendso.agenda.AgendaQuery;
import org.opendso.alert.AlertFixture;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.QualificationResult;
import org.opendso.qualification.Qualifications;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import reactor.test.StepVerifier;

/**
 * Who is told of a dispute, and how (decision 0017): the sales managers assigned to the account, and nobody else,
 * whoever qualifies; their mails per preference (at once with a link to the action, in a daily digest, or none).
 */
@IntegrationTest
@TestPropertySource(properties = "opendso.notifications.mail-cron=-")
@Import({TestTenants.class, AlertFixture.class, AlertFixture.FixedClock.class, ActionFixture.class})
class DisputeNotificationsIT {

    @Autowired Qualifications qualifications;
    @Autowired OpenItems openItems;
    @Autowired Notifications notifications;
    @Autowired NotificationMails mails;
    @Autowired Agenda agenda;
    @Autowired TestTenants tenants;
    @Autowired AlertFixture fx;
    @Autowired ActionFixture ax;
    @Autowired org.springframework.r2dbc.core.DatabaseClient db;

    TestTenants.Other other;
    long customer;
    Staff collector;
    Staff sam;
    Staff sue;
    Staff sid;

    @BeforeEach
    void company() {
        String p = "dn" + System.nanoTime();
        other = tenants.create(p);
        collector = other.collector();
        customer = fx.customer(other.tenantId(), "DN-1", collector.userId());
        fx.item(other.tenantId(), customer, "DN1-1", TODAY.minusDays(40), "500.00");
        fx.item(other.tenantId(), customer, "DN1-2", TODAY.minusDays(20), "300.00");
        sam = ax.user(other.tenantId(), p + "-sam", Role.SALES_MANAGER, "en");
        sue = ax.user(other.tenantId(), p + "-sue", Role.SALES_MANAGER, "fr");
        sid = ax.user(other.tenantId(), p + "-sid", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sam.userId(), "SALES_MANAGER");
        ax.assign(other.tenantId(), customer, sue.userId(), "SALES_MANAGER");
        // sid manages another customer of the company only
        long elsewhere = fx.customer(other.tenantId(), "DN-2", collector.userId());
        ax.assign(other.tenantId(), elsewhere, sid.userId(), "SALES_MANAGER");
    }

    QualificationResult qualify(Staff by, String status, Qualification.NextAction next, String... numbers) {
        List<OpenItem> items = openItems.byKeys(other.tenantId(), customer,
                List.of(numbers).stream().map(n -> new OpenItem.Key(ItemType.INVOICE, n)).toList()).collectList().block();
        return qualifications.qualify(by, customer, new Qualification(
                items.stream().map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList(),
                status, TODAY, "The customer disputes the price", null, next)).block();
    }

    @Test
    void aDisputeNotifiesTheSalesManagersAssignedToTheAccountOnly() {
        // another company's sales manager of an account with the same reference
        TestTenants.Other elsewhere = tenants.create("dx" + System.nanoTime());
        Staff stranger = ax.user(elsewhere.tenantId(), "dx" + System.nanoTime() + "-sm", Role.SALES_MANAGER, "en");
        ax.assign(elsewhere.tenantId(), elsewhere.customerId(), stranger.userId(), "SALES_MANAGER");

        qualify(collector, "PRICE_DISPUTE", null, "DN1-1");

        assertThat(ax.notifications(sam.userId())).containsExactly("DISPUTE_RAISED");
        assertThat(ax.notifications(sue.userId())).containsExactly("DISPUTE_RAISED");
        assertThat(ax.notifications(sid.userId())).isEmpty();
        assertThat(ax.notifications(collector.userId())).isEmpty();
        assertThat(ax.notifications(other.admin().userId())).isEmpty();
        assertThat(ax.notifications(stranger.userId())).isEmpty();

        notifications.list(sam, true, 0, 10).as(StepVerifier::create).assertNext(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.DISPUTE_RAISED);
            assertThat(n.account()).isEqualTo("DN-1");
            assertThat(n.actionId()).isNull();
            assertThat(n.actorName()).isEqualTo(collector.name());
            assertThat(n.params().get("items").get(0).asString()).isEqualTo("DN1-1");
        }).verifyComplete();

        // a status of another category notifies nobody; a sales manager qualifying is not told of it themself
        qualify(collector, "REMINDER_SENT", null, "DN1-2");
        qualify(sam, "QUALITY_DISPUTE", null, "DN1-2");
        assertThat(ax.notifications(sam.userId())).containsExactly("DISPUTE_RAISED");
        assertThat(ax.notifications(sue.userId())).containsExactly("DISPUTE_RAISED", "DISPUTE_RAISED");
    }

    @Test
    void aDisputeWithAFollowUpForASalesManagerLinksTheirNotificationsToTheAction() {
        QualificationResult result = qualify(collector, "PRICE_DISPUTE",
                new Qualification.NextAction(ActionKind.DISPUTE_FOLLOW_UP, TODAY.plusDays(5), sam.userId(), "Please call"),
                "DN1-1");
        long action = result.action().id();
        // told once, of the dispute, with its action (not a second time of the action given to them)
        assertThat(ax.notifications(sam.userId())).containsExactly("DISPUTE_RAISED");
        assertThat(ax.notifiedAction(sam.userId())).isEqualTo(action);
        assertThat(ax.notifiedAction(sue.userId())).isEqualTo(action);
    }

    @Test
    void immediateMailsLinkToTheActionDigestsWaitForTheDayAndNoneMeansNone() {
        notifications.update(sue, EmailPreference.DAILY_DIGEST, 0L).block();
        Staff sal = ax.user(other.tenantId(), "dn" + System.nanoTime() + "-sal", Role.SALES_MANAGER, "en");
        ax.assign(other.tenantId(), customer, sal.userId(), "SALES_MANAGER");
        notifications.update(sal, EmailPreference.NONE, null).block();
        QualificationResult result = qualify(collector, "PRICE_DISPUTE",
                new Qualification.NextAction(ActionKind.DISPUTE_FOLLOW_UP, TODAY.plusDays(5), sam.userId(), "Please call"),
                "DN1-1");

        // (the run mails every company's pending notifications: other tests' too)
        mails.sendImmediate().block();
        assertThat(ax.mails(sam.login() + "@example.org")).singleElement().satisfies(m -> {
            assertThat(m[0]).isEqualTo("New dispute on DN-1 · Customer DN-1");
            assertThat(m[1]).contains("http://localhost:8080/actions/" + result.action().id())
                    .contains("Price dispute").contains("DN1-1").contains("The customer disputes the price");
        });
        assertThat(ax.mails(sue.login() + "@example.org")).isEmpty();
        assertThat(ax.mails(sal.login() + "@example.org")).isEmpty();
        // never twice
        mails.sendImmediate().block();
        assertThat(ax.mails(sam.login() + "@example.org")).hasSize(1);

        qualify(collector, "DELIVERY_DISPUTE", null, "DN1-2");
        mails.sendImmediate().block();
        assertThat(ax.mails(sam.login() + "@example.org")).hasSize(2).last()
                .satisfies(m -> assertThat(m[1]).contains("http://localhost:8080/customers/DN-1"));

        // sue's day in one mail, in French, once
        mails.sendDigests(TODAY).block();
        assertThat(ax.mails(sue.login() + "@example.org")).singleElement().satisfies(m -> {
            assertThat(m[0]).startsWith("Vos notifications OpenDSO du");
            assertThat(m[1]).contains("Litige prix").contains("Litige livraison").contains("2 notifications");
        });
        mails.sendDigests(TODAY).block();
        assertThat(ax.mails(sue.login() + "@example.org")).hasSize(1);
        assertThat(ax.mails(sal.login() + "@example.org")).isEmpty();
        assertThat(ax.count("select count(*) from user_notification where tenant_id = :t and mail_state is null",
                other.tenantId())).isZero();
    }

    @Test
    void theEmailPreferenceIsEachUsersOwnAtTheVersionTheyRead() {
        notifications.settings(sam).as(StepVerifier::create)
                .expectNext(new NotificationSettings(EmailPreference.IMMEDIATE, 0)).verifyComplete();
        notifications.update(sam, EmailPreference.DAILY_DIGEST, 0L).as(StepVerifier::create)
                .expectNext(new NotificationSettings(EmailPreference.DAILY_DIGEST, 1)).verifyComplete();
        notifications.update(sam, EmailPreference.NONE, 0L).as(StepVerifier::create)
                .verifyErrorSatisfies(e -> assertThat(((SettingsChanged) e).current())
                        .isEqualTo(new NotificationSettings(EmailPreference.DAILY_DIGEST, 1)));
        notifications.update(sam, EmailPreference.NONE, 1L).block();
        notifications.settings(sue).as(StepVerifier::create)
                .expectNext(new NotificationSettings(EmailPreference.IMMEDIATE, 0)).verifyComplete();
    }

    @Test
    void readAndUnreadAndMarkAllRead() {
        qualify(collector, "PRICE_DISPUTE", null, "DN1-1");
        qualify(collector, "QUALITY_DISPUTE", null, "DN1-2");
        assertThat(notifications.count(sam, true).block()).isEqualTo(2);
        long first = notifications.list(sam, true, 0, 10).collectList().block().getLast().id();
        assertThat(notifications.markRead(sam, first).block()).isTrue();
        assertThat(notifications.markRead(sue, first).block()).as("not hers").isFalse();
        assertThat(notifications.count(sam, true).block()).isEqualTo(1);
        assertThat(notifications.since(sam, first).collectList().block()).hasSize(1);
        assertThat(notifications.markAllRead(sam).block()).isEqualTo(1);
        assertThat(notifications.count(sam, true).block()).isZero();
        assertThat(notifications.count(sam, false).block()).isEqualTo(2);
        assertThat(notifications.count(sue, true).block()).isEqualTo(2);
    }

    @Test
    void aCollectionActionReassignedToSomeoneElseNotifiesThem() {
        Staff cole = ax.user(other.tenantId(), "dn" + System.nanoTime() + "-cole", Role.COLLECTOR, "en");
        ax.assign(other.tenantId(), customer, cole.userId(), "COLLECTOR");
        agenda.regenerate(other.tenantId(), List.of(customer)).block();
        AgendaPage page = agenda.list(collector, new AgendaQuery(null, null, TODAY.plusDays(60), null, null, null, null,
                0, 10)).block();
        var action = page.actions().getFirst();
        agenda.reassign(collector, action.id(), action.version(), cole.login()).block();
        assertThat(ax.notifications(cole.userId())).containsExactly("COLLECTION_ACTION_ASSIGNED");
        assertThat(ax.notifications(collector.userId())).isEmpty();
    }

    @Test
    void theDemoCompanysSalesManagerHasTwoDisputesToLookAtAndAnActionInTheAgenda() {
        Staff demoSam = tenants.demo("sales");
        // (other test classes share the demo company: count the demo's own two accounts only)
        assertThat(ax.count("""
                select count(*) from user_notification n join customer c on c.id = n.customer_id
                where n.tenant_id = :t and c.account in ('DEMO-037', 'DEMO-039') and n.kind = 'DISPUTE_RAISED'
                  and n.user_id = """ + demoSam.userId(), demoSam.tenantId())).isEqualTo(2);
        assertThat(ax.count("""
                select count(*) from specific_action a join customer c on c.id = a.customer_id
                where a.tenant_id = :t and c.account = 'DEMO-037' and a.kind = 'DISPUTE_FOLLOW_UP' and a.assignee_id = """
                + demoSam.userId(), demoSam.tenantId())).isEqualTo(1);
    }

    @Test
    void aFullBatchOfPendingNotificationsIsMailedInOneRun() {
        // more rows than a result's buffer: the claim is read to its end before the mails are queued
        db.sql("""
                insert into user_notification (tenant_id, user_id, kind, customer_id, params, actor_name)
                select :t, :u, 'DISPUTE_RAISED', :c, '{"items": ["DN1-1"]}', 'Bench' from generate_series(1, 600)""")
                .bind("t", other.tenantId()).bind("u", sue.userId()).bind("c", customer).then().block();
        mails.sendImmediate().as(StepVerifier::create).expectNextMatches(n -> n >= 1).expectComplete()
                .verify(java.time.Duration.ofSeconds(30));
        mails.sendImmediate().block(java.time.Duration.ofSeconds(30));
        assertThat(ax.mails(sue.login() + "@example.org")).hasSize(600);
    }
}
