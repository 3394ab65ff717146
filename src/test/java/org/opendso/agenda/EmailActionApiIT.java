package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/actions/{id}/email}, {@code /send} and {@code /api/v1/agenda/to-confirm}. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, EmailFixture.class, AgendaFixture.FixedClock.class})
class EmailActionApiIT {

    @LocalServerPort int port;
    @Autowired TestTenants tenants;
    @Autowired AgendaFixture fx;
    @Autowired EmailFixture mx;
    @Autowired Agenda agenda;

    WebTestClient api;
    TestTenants.Other other;
    long scenario;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        other = tenants.create("ea-" + System.nanoTime());
        scenario = mx.scenario(other.tenantId(), "Api", 5, "FIRST_REMINDER", "MANUAL", "COLLECTION_CONTACT", null);
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange();
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    long[] account(String ref, boolean withContact) {
        long c = fx.customer(other.tenantId(), ref, scenario, other.collector().userId());
        mx.language(c, "en");
        fx.item(other.tenantId(), c, ref + "-1", TODAY.minusDays(20), "410.00");
        if (withContact) {
            mx.contact(other.tenantId(), c, "Ann Payer", ref.toLowerCase() + "@payer.example", true);
        }
        agenda.generate(other.tenantId(), List.of(c), TODAY).block();
        return new long[] {c, fx.waiting(c).getFirst().id()};
    }

    @Test
    void theDraftThenSendingItCompletesTheActionWithItsMail() {
        long[] a = account("EA-1", true);
        String collector = other.collector().login();
        get(collector, "/v1/actions/" + a[1] + "/email").expectStatus().isOk().expectBody()
                .jsonPath("$.action.id").isEqualTo(a[1])
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.recipient").isEqualTo("COLLECTION_CONTACT")
                .jsonPath("$.to[0].email").isEqualTo("ea-1@payer.example")
                .jsonPath("$.to[0].name").isEqualTo("Ann Payer")
                .jsonPath("$.template").isEqualTo("FIRST_REMINDER")
                .jsonPath("$.language").isEqualTo("en")
                .jsonPath("$.subject").isEqualTo("Payment reminder - account #CustomerAccount")
                .jsonPath("$.preview.subject").isEqualTo("Payment reminder - account EA-1");

        post(collector, "/v1/actions/" + a[1] + "/send", Map.of("version", 0, "to", List.of("boss@payer.example"),
                "body", "<p>Dear #ContactName, #Balance please.</p>"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.action.id").isEqualTo(a[1])
                .jsonPath("$.action.state").isEqualTo("DONE")
                .jsonPath("$.action.version").isEqualTo(1)
                .jsonPath("$.mailId").isEqualTo(mx.mails(a[0]).getFirst().id())
                .jsonPath("$.mailIds.length()").isEqualTo(1);
        assertThat(mx.mails(a[0])).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo("boss@payer.example");
            assertThat(m.subject()).isEqualTo("Payment reminder - account EA-1");
            assertThat(m.body()).startsWith("<p>Dear Ann Payer, ");
        });
        // sent already: the current action comes back with the conflict
        post(collector, "/v1/actions/" + a[1] + "/send", Map.of("version", 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("version").jsonPath("$.current.state").isEqualTo("DONE");
    }

    @Test
    void aHashtagProblemIsA422NamingItsPositionAndAStaleVersionA409() {
        long[] a = account("EA-2", true);
        String collector = other.collector().login();
        post(collector, "/v1/actions/" + a[1] + "/send", Map.of("version", 0, "subject", "About #CustomerAcount"))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.field").isEqualTo("subject")
                .jsonPath("$.hashtag").isEqualTo("#CustomerAcount")
                .jsonPath("$.line").isEqualTo(1)
                .jsonPath("$.column").isEqualTo(7)
                .jsonPath("$.suggestion").isEqualTo("#CustomerAccount");
        assertThat(mx.mails(a[0])).isEmpty();
        post(collector, "/v1/actions/" + a[1] + "/send", Map.of("version", 7)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.current.id").isEqualTo(a[1]).jsonPath("$.current.version").isEqualTo(0)
                .jsonPath("$.current.state").isEqualTo("PLANNED");
        assertThat(mx.mails(a[0])).isEmpty();
    }

    @Test
    void invisibleActionsAreNotFoundAndAMissingAddressNamesTheField() {
        long[] a = account("EA-3", false);
        TestTenants.Other third = tenants.create("ea3-" + System.nanoTime());
        get(third.admin().login(), "/v1/actions/" + a[1] + "/email").expectStatus().isNotFound();
        post(third.admin().login(), "/v1/actions/" + a[1] + "/send", Map.of()).expectStatus().isNotFound();
        get(other.collector().login(), "/v1/actions/x/email").expectStatus().isNotFound();
        post(other.collector().login(), "/v1/actions/" + a[1] + "/send", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("to")
                .jsonPath("$.detail").value(d -> assertThat(String.valueOf(d)).contains("EA-3 has no email address"));
        api.get().uri("/v1/actions/" + a[1] + "/email").exchange().expectStatus().isUnauthorized();
        assertThat(mx.mails(a[0])).isEmpty();
    }

    @Test
    void theEmailsToConfirmAndSendingThemAll() {
        scenario = mx.scenario(other.tenantId(), "Confirm", 5, "FIRST_REMINDER", "AUTO_WITH_CONFIRMATION",
                "COLLECTION_CONTACT", null);
        long[] a = account("EA-4", true);
        String collector = other.collector().login();
        get(collector, "/v1/agenda/to-confirm").expectStatus().isOk().expectBody()
                .jsonPath("$.actions.length()").isEqualTo(1)
                .jsonPath("$.actions[0].id").isEqualTo(a[1])
                .jsonPath("$.actions[0].state").isEqualTo("TO_CONFIRM");
        post(collector, "/v1/agenda/to-confirm/send", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("ids");
        post(collector, "/v1/agenda/to-confirm/send", Map.of("ids", java.util.Arrays.asList(a[1], null)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("ids");
        post(collector, "/v1/agenda/to-confirm/send", Map.of("ids", List.of(a[1], 123456789))).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sent.length()").isEqualTo(1)
                .jsonPath("$.sent[0].action.id").isEqualTo(a[1])
                .jsonPath("$.failed[0].id").isEqualTo(123456789);
        assertThat(mx.mails(a[0])).hasSize(1);
        get(collector, "/v1/agenda/to-confirm").expectStatus().isOk().expectBody()
                .jsonPath("$.actions.length()").isEqualTo(0);
    }
}
