package org.opendso.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.realtime.AccountEvent;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The qualification API: the three steps in one call, conflicts, validation, visibility. */
@IntegrationTest
@Import(TestTenants.class)
class QualificationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    EventStreams streams;

    @Autowired
    DatabaseClient db;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    List<Map<String, Object>> items(String login, String account) {
        return api.get().uri("/v1/customers/{a}/items", account).headers(h -> h.setBasicAuth(login, "demo"))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec qualify(String login, String account, Map<String, Object> body) {
        return api.post().uri("/v1/customers/{a}/qualifications", account).headers(h -> h.setBasicAuth(login, "demo"))
                .bodyValue(body).exchange();
    }

    static Map<String, Object> ref(Map<String, Object> item) {
        return Map.of("number", item.get("number"), "type", item.get("type"), "version", item.get("version"));
    }

    @Test
    void qualifiesItemsAndLogsOneEventWithTheirNewState() {
        List<Map<String, Object>> before = items("collector", "DEMO-012");
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        var result = qualify("collector", "DEMO-012", Map.of(
                        "items", List.of(ref(before.get(0)), ref(before.get(1))),
                        "status", "REMINDER_SENT",
                        "comment", "Reminded by phone, invoice copy sent"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].status").isEqualTo("REMINDER_SENT")
                .jsonPath("$.items[0].followUpDate").isEqualTo(LocalDate.now().plusDays(7).toString())
                .jsonPath("$.items[0].lastComment").isEqualTo("Reminded by phone, invoice copy sent")
                .jsonPath("$.seq").isNumber()
                .returnResult();
        assertThat(result.getResponseBody()).isNotNull();

        Map<String, Object> after = items("collector", "DEMO-012").stream()
                .filter(i -> i.get("number").equals(before.get(0).get("number"))).findFirst().orElseThrow();
        assertThat(after.get("status")).isEqualTo("REMINDER_SENT");
        assertThat(((Number) after.get("version")).longValue()).isEqualTo(((Number) before.get(0).get("version")).longValue() + 1);

        long customerId = customerId("DEMO-012");
        AccountEvent event = streams.history(1L, customerId, new HistoryFilter(EventType.ITEMS_QUALIFIED, null, null), 1)
                .blockFirst();
        assertThat(event).isNotNull();
        assertThat(event.actorName()).isEqualTo(tenants.demo("collector").name());
        assertThat(event.payload()).contains("REMINDER_SENT").contains((String) before.get(0).get("number"));
        // the history can be narrowed to one item
        assertThat(streams.history(1L, customerId, new HistoryFilter(null, null, (String) before.get(1).get("number")), 10)
                .map(AccountEvent::type).collectList().block()).contains(EventType.ITEMS_QUALIFIED);
    }

    @Test
    void aStaleVersionIsAConflictThatShowsWhoChangedTheItem() {
        Map<String, Object> item = items("admin", "DEMO-014").get(0);
        qualify("admin", "DEMO-014", Map.of("items", List.of(ref(item)), "status", "PRICE_DISPUTE",
                "comment", "Customer says the price is wrong")).expectStatus().isCreated();
        // the collector still holds the old version
        qualify("collector", "DEMO-014", Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT",
                "comment", "Sent a reminder"))
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.current[0].number").isEqualTo(item.get("number"))
                .jsonPath("$.current[0].status").isEqualTo("PRICE_DISPUTE")
                .jsonPath("$.current[0].changedBy").isEqualTo(tenants.demo("admin").name());
        // nothing of the second writer was saved
        Map<String, Object> now = items("admin", "DEMO-014").get(0);
        assertThat(now.get("status")).isEqualTo("PRICE_DISPUTE");
        assertThat(now.get("lastComment")).isEqualTo("Customer says the price is wrong");
    }

    @Test
    void aPromiseToPayNeedsItsDateAndSetsTheFollowUpToIt() {
        Map<String, Object> item = items("collector", "DEMO-016").get(0);
        qualify("collector", "DEMO-016", Map.of("items", List.of(ref(item)), "status", "PROMISE_TO_PAY",
                "comment", "Will pay next week"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("date");
        String promised = LocalDate.now().plusDays(10).toString();
        qualify("collector", "DEMO-016", Map.of("items", List.of(ref(item)), "status", "PROMISE_TO_PAY",
                "date", promised, "comment", "Will pay next week"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.items[0].followUpDate").isEqualTo(promised)
                .jsonPath("$.items[0].statusDate").isEqualTo(promised);
    }

    @Test
    void badRequestsNameTheirField() {
        Map<String, Object> item = items("collector", "DEMO-017").get(0);
        qualify("collector", "DEMO-017", Map.of("items", List.of(ref(item)), "status", "NO_SUCH_STATUS",
                "comment", "x")).expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("status");
        qualify("collector", "DEMO-017", Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("comment");
        qualify("collector", "DEMO-017", Map.of("items", List.of(Map.of("number", item.get("number"))),
                "status", "REMINDER_SENT", "comment", "x"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("items[0].version");
        qualify("collector", "DEMO-017", Map.of("items", List.of(Map.of("number", "NOPE-1", "version", 0)),
                "status", "REMINDER_SENT", "comment", "x"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("items");
        qualify("collector", "DEMO-017", Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT",
                "date", "31/12/2026", "comment", "x"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("date");
        // nothing was saved by any of these
        assertThat(items("collector", "DEMO-017").get(0).get("version")).isEqualTo(item.get("version"));
    }

    @Test
    void nobodyQualifiesAnAccountTheyMayNotSee() {
        Map<String, Object> item = items("admin", "DEMO-005").get(0);
        qualify("collector", "DEMO-005", Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT",
                "comment", "x")).expectStatus().isNotFound();
        var other = tenants.create("qualif");
        api.post().uri("/v1/customers/DEMO-005/qualifications")
                .headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD))
                .bodyValue(Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT", "comment", "x"))
                .exchange().expectStatus().isNotFound();
        api.post().uri("/v1/customers/DEMO-005/qualifications")
                .bodyValue(Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT", "comment", "x"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theMailAndTheActionAreSavedWithTheQualification() {
        // DEMO-029: Sam Sales is assigned to it, and the resolver of an action must see its account (decision 0017)
        List<Map<String, Object>> list = items("collector", "DEMO-029");
        var body = qualify("collector", "DEMO-029", Map.of("items", List.of(ref(list.get(0))),
                        "status", "QUALITY_DISPUTE", "comment", "Damaged goods on delivery",
                        "email", Map.of("to", "buyer@example.com"),
                        "nextAction", Map.of("kind", "DISPUTE_FOLLOW_UP", "dueDate", LocalDate.now().plusDays(5).toString(),
                                "assignee", "sales", "note", "Check with the warehouse")))
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(body).containsKeys("mailId", "actionId");
        long mailId = ((Number) body.get("mailId")).longValue();
        String mailBody = db.sql("select body_html from mail_outbox where id = :id").bind("id", mailId)
                .map(r -> r.get("body_html", String.class)).one().block();
        assertThat(mailBody).contains("Damaged goods on delivery").contains((String) list.get(0).get("number"))
                .contains("Quality dispute");
        long customerId = customerId("DEMO-029");
        assertThat(streams.history(1L, customerId, HistoryFilter.ALL, 10).map(AccountEvent::type).collectList().block())
                .contains(EventType.ITEMS_QUALIFIED, EventType.MAIL_QUEUED, EventType.ACTION_CREATED);
    }

    @Test
    void aFailingStepThreeLeavesNothingSaved() {
        Map<String, Object> item = items("collector", "DEMO-019").get(0);
        long customerId = customerId("DEMO-019");
        long seqBefore = streams.head(1L, customerId).block();
        qualify("collector", "DEMO-019", Map.of("items", List.of(ref(item)), "status", "REMINDER_SENT",
                "comment", "x", "nextAction", Map.of("kind", "CUSTOM", "dueDate", "2026-12-01", "assignee", "nobody-here")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("nextAction.assignee");
        assertThat(items("collector", "DEMO-019").get(0).get("version")).isEqualTo(item.get("version"));
        assertThat(streams.head(1L, customerId).block()).isEqualTo(seqBefore);
    }

    @Test
    void commentsGoOnTheAccountOrOnItems() {
        Map<String, Object> item = items("collector", "DEMO-021").get(0);
        api.post().uri("/v1/customers/DEMO-021/comments").headers(h -> h.setBasicAuth("collector", "demo"))
                .bodyValue(Map.of("comment", "Customer moved to a new office")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.seq").isNumber();
        api.post().uri("/v1/customers/DEMO-021/comments").headers(h -> h.setBasicAuth("collector", "demo"))
                .bodyValue(Map.of("comment", "Asked for a copy", "items", List.of(Map.of("number", item.get("number")))))
                .exchange().expectStatus().isCreated();
        Map<String, Object> after = items("collector", "DEMO-021").get(0);
        assertThat(after.get("lastComment")).isEqualTo("Asked for a copy");
        assertThat(after.get("version")).as("a comment is no conflict for a qualification").isEqualTo(item.get("version"));
        api.post().uri("/v1/customers/DEMO-021/comments").headers(h -> h.setBasicAuth("collector", "demo"))
                .bodyValue(Map.of("comment", " ")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("comment");
    }

    long customerId(String account) {
        return db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", account)
                .map(r -> r.get("id", Long.class)).one().block();
    }
}
