package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.security.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/agenda} and {@code /api/v1/actions}, on the demo company, as of the fixed {@link AgendaFixture#TODAY}. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class})
class AgendaApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    AgendaFixture fx;

    @Autowired
    Agenda agenda;

    WebTestClient api;
    Staff collector;
    long scenario;
    String scenarioName;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        collector = tenants.demo("collector");
        scenarioName = "Agenda-api-" + System.nanoTime();
        scenario = fx.scenario(1, scenarioName, -3, "EMAIL", 5, "CALL", 20, "LETTER");
    }

    WebTestClient.ResponseSpec get(String login, String password, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, password)).exchange();
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return get(login, "demo", uri);
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A demo customer of the collector, overdue since {@code daysOverdue} days, with its action generated. */
    long planned(String account, int daysOverdue) {
        long c = fx.customer(1, account, scenario, collector.userId());
        fx.item(1, c, account + "-1", TODAY.minusDays(daysOverdue), "250.00");
        agenda.regenerate(1, List.of(c)).block();
        return fx.waiting(c).getFirst().id();
    }

    @Test
    void theCollectorSeesTheirAgendaWithCountsAndTheNextStepAfterCompleting() {
        long today = planned("AGA-1", 5);   // steps at -8, 0 (today), +15: the call, due today
        long late = planned("AGA-2", 1);    // steps at -4, +4: the email, 4 days late
        get("collector", "/v1/agenda?customer=AGA-1").expectStatus().isOk().expectBody()
                .jsonPath("$.today").isEqualTo(TODAY.toString())
                .jsonPath("$.to").isEqualTo(TODAY.plusDays(7).toString())
                .jsonPath("$.counts.today").isEqualTo(1)
                .jsonPath("$.counts.late").isEqualTo(0)
                .jsonPath("$.actions[0].id").isEqualTo(today)
                .jsonPath("$.actions[0].customer").isEqualTo("AGA-1")
                .jsonPath("$.actions[0].customerName").isEqualTo("Customer AGA-1")
                .jsonPath("$.actions[0].kind").isEqualTo("CALL")
                .jsonPath("$.actions[0].dueDate").isEqualTo(TODAY.toString())
                .jsonPath("$.actions[0].scenario").value(s -> assertThat((String) s).startsWith("Agenda-api-"))
                .jsonPath("$.actions[0].specific").isEqualTo(false)
                .jsonPath("$.actions[0].state").isEqualTo("PLANNED")
                .jsonPath("$.actions[0].amount").isEqualTo(250.0)
                .jsonPath("$.actions[0].late").isEqualTo(false);
        get("collector", "/v1/agenda?customer=AGA-2&kind=email").expectStatus().isOk().expectBody()
                .jsonPath("$.counts.late").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.actions[0].id").isEqualTo(late)
                .jsonPath("$.actions[0].late").isEqualTo(true);
        get("collector", "/v1/agenda?customer=AGA-2&kind=CALL").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);

        post("collector", "/v1/actions/" + late + "/complete", Map.of("outcome", "Sent", "note", "by hand"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("DONE")
                .jsonPath("$.outcome").isEqualTo("Sent");
        // the next step, in 4 days
        get("collector", "/v1/agenda?customer=AGA-2").expectStatus().isOk().expectBody()
                .jsonPath("$.counts.late").isEqualTo(0)
                .jsonPath("$.counts.next7Days").isEqualTo(1)
                .jsonPath("$.actions[0].kind").isEqualTo("CALL")
                .jsonPath("$.actions[0].dueDate").isEqualTo(TODAY.plusDays(4).toString());
        // a window that ends before it: not listed, still counted
        get("collector", "/v1/agenda?customer=AGA-2&to=" + TODAY.plusDays(2)).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0)
                .jsonPath("$.counts.next7Days").isEqualTo(1);
        // completing it again: 409 with the action as it is
        post("collector", "/v1/actions/" + late + "/complete", Map.of()).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.current.state").isEqualTo("DONE");
    }

    @Test
    void theAgendaFiltersByScenarioAndByTheAccountsOverdueAmount() {
        planned("AGA-6", 5);   // 250.00 overdue on this test's scenario
        get("collector", "/v1/agenda?customer=AGA-6&scenario=" + scenarioName.toUpperCase(java.util.Locale.ROOT))
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);
        get("collector", "/v1/agenda?customer=AGA-6&scenario=Standard").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0);
        get("collector", "/v1/agenda?customer=AGA-6&minAmount=250").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.counts.today").isEqualTo(1);
        get("collector", "/v1/agenda?customer=AGA-6&minAmount=250.01").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(0).jsonPath("$.counts.today").isEqualTo(0);
        get("collector", "/v1/agenda?scenario=Nope").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("scenario")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Standard"));
        get("collector", "/v1/agenda?minAmount=lots").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("minAmount");
        get("collector", "/v1/agenda?minAmount=-1").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("minAmount");
    }

    @Test
    void adminsReadAnyUsersAgendaOthersOnlyTheirOwnAndProblemsNameTheField() {
        planned("AGA-3", 5);
        get("admin", "/v1/agenda?user=collector&customer=AGA-3").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1);
        // the admin's own agenda does not hold the collector's actions
        get("admin", "/v1/agenda?customer=AGA-3").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        get("sales", "/v1/agenda?user=collector").expectStatus().isForbidden();
        get("admin", "/v1/agenda?user=nobody").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("user");
        get("collector", "/v1/agenda?from=tomorrow").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("from");
        get("collector", "/v1/agenda?kind=FAX").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("kind");
        get("collector", "/v1/agenda?from=2026-03-20&to=2026-03-01").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("from");
        get("collector", "/v1/agenda?size=x").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("size");
        api.get().uri("/v1/agenda").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void actionsOfAccountsNotSeenAndOfOtherCompaniesAreNotFound() {
        long id = planned("AGA-4", 5);
        TestTenants.Other other = tenants.create("aga-" + System.nanoTime());
        get(other.admin().login(), TestTenants.PASSWORD, "/v1/actions/" + id).expectStatus().isNotFound();
        api.post().uri("/v1/actions/" + id + "/skip").headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isNotFound();
        // the sales manager is not assigned to the account
        get("sales", "/v1/actions/" + id).expectStatus().isNotFound();
        post("sales", "/v1/actions/" + id + "/complete", Map.of()).expectStatus().isNotFound();
        get("collector", "/v1/actions/" + id).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("PLANNED");
        get("collector", "/v1/actions/abc").expectStatus().isNotFound();
        assertThat(fx.actions(customerOf(id))).singleElement()
                .extracting(AgendaFixture.Row::state).isEqualTo("PLANNED");
    }

    long customerOf(long actionId) {
        return agenda.find(tenants.demo("admin"), actionId).block().customerId();
    }

    @Test
    void reschedulingReassigningAndReplacingAreLoggedAndCheckTheVersion() {
        long id = planned("AGA-5", 5);
        long customer = customerOf(id);
        post("collector", "/v1/actions/" + id + "/reschedule", Map.of("dueDate", "2026-03-12", "version", 7))
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.field").isEqualTo("version")
                .jsonPath("$.current.version").isEqualTo(0)
                .jsonPath("$.current.dueDate").isEqualTo(TODAY.toString());
        post("collector", "/v1/actions/" + id + "/reschedule", Map.of()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.field").isEqualTo("dueDate");
        post("collector", "/v1/actions/" + id + "/reschedule", Map.of("dueDate", "12/03/2026")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("dueDate");
        post("collector", "/v1/actions/" + id + "/reschedule", Map.of("dueDate", "2026-03-12", "version", 0))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-03-12")
                .jsonPath("$.version").isEqualTo(1);
        assertThat(fx.lastPayload(customer)).contains("\"from\": \"2026-03-10\"").contains("\"to\": \"2026-03-12\"");
        // generation leaves a moved action where it was put
        agenda.regenerate(1, List.of(customer)).block();
        assertThat(fx.waiting(customer)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.dueDate()).isEqualTo(TODAY.plusDays(2));
        });

        post("sales", "/v1/actions/" + id + "/reassign", Map.of("user", "admin")).expectStatus().isNotFound();
        post("collector", "/v1/actions/" + id + "/reassign", Map.of("user", "nobody")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("user");
        // the sales manager is not on this account: their agenda would hold an account they cannot open
        post("collector", "/v1/actions/" + id + "/reassign", Map.of("user", "sales")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("user")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("does not see account AGA-5"));
        post("collector", "/v1/actions/" + id + "/reassign", Map.of("user", "admin")).expectStatus().isOk().expectBody()
                .jsonPath("$.assignee").isEqualTo("admin");
        get("admin", "/v1/agenda?customer=AGA-5").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1);

        post("admin", "/v1/actions/" + id + "/replace", Map.of("kind", "FAX")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("kind");
        long replacement = ((Number) post("admin", "/v1/actions/" + id + "/replace",
                        Map.of("kind", "letter", "dueDate", "2026-03-13"))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        get("admin", "/v1/actions/" + replacement).expectStatus().isOk().expectBody()
                .jsonPath("$.kind").isEqualTo("LETTER")
                .jsonPath("$.dueDate").isEqualTo("2026-03-13")
                .jsonPath("$.state").isEqualTo("PLANNED");
        get("admin", "/v1/actions/" + id).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("REPLACED");
        // the replacement holds the step: generation keeps it, and once done the scenario goes on from it
        agenda.regenerate(1, List.of(customer)).block();
        assertThat(fx.waiting(customer)).singleElement().extracting(AgendaFixture.Row::id).isEqualTo(replacement);
        post("admin", "/v1/actions/" + replacement + "/complete", Map.of("outcome", "Letter sent")).expectStatus().isOk();
        assertThat(fx.waiting(customer)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("LETTER");
            assertThat(a.step()).isEqualTo(2);
        });
        assertThat(fx.events(customer)).containsExactly("ACTION_PLANNED", "ACTION_RESCHEDULED", "ACTION_REASSIGNED",
                "ACTION_REPLACED", "ACTION_DONE", "ACTION_PLANNED");
    }
}
