package org.opendso.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendso.agenda.AgendaFixture.TODAY;

import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/actions/{id}/letter.pdf}, {@code .../letter/sent}, {@code .../letter/email}, {@code .../call}. */
@IntegrationTest
@Import({TestTenants.class, AgendaFixture.class, AgendaFixture.FixedClock.class, LetterCallFixture.class})
class LetterCallApiIT {

    @LocalServerPort
    int port;

    @Autowired
    LetterCallFixture lc;

    @Autowired
    DatabaseClient db;

    WebTestClient api;
    TestTenants.Other company;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        company = lc.company("lca");
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange();
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    String collector() {
        return company.collector().login();
    }

    @Test
    void theLetterDownloadsAsPdfAndIsMarkedSentWithItsVersion() throws IOException {
        LetterCallFixture.Account letter = lc.account(company, "LCA-1", "Client Api", null, "LETTER");
        String uri = "/v1/actions/" + letter.actionId();
        byte[] pdf = get(collector(), uri + "/letter.pdf").expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().value("Content-Disposition", d -> assertThat(d)
                        .contains("inline", "courrier-LCA-1-" + TODAY + ".pdf"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Client Api", "Fournitures Lumière SA");
        }

        post(collector(), uri + "/letter/sent", Map.of("version", letter.version() + 3)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.field").isEqualTo("version")
                .jsonPath("$.current.state").isEqualTo("PLANNED")
                .jsonPath("$.current.version").isEqualTo(letter.version());
        post(collector(), uri + "/letter/sent", Map.of("version", letter.version())).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("DONE")
                .jsonPath("$.outcome").isEqualTo("SENT_BY_POST")
                .jsonPath("$.kind").isEqualTo("LETTER");
        post(collector(), uri + "/letter/sent", Map.of()).expectStatus().isEqualTo(409);
    }

    @Test
    void theLetterIsEmailedWithThePdfAttachedAndABadAddressNamesTheField() {
        LetterCallFixture.Account letter = lc.account(company, "LCA-2", "Client Mail", null, "LETTER");
        String uri = "/v1/actions/" + letter.actionId() + "/letter/email";
        post(collector(), uri, Map.of("version", letter.version(), "to", "jeanne at client")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("to");
        post(collector(), uri, Map.of("version", letter.version())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("to");
        post(collector(), uri, Map.of("version", letter.version(), "to", "jeanne@client.example")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("DONE")
                .jsonPath("$.outcome").isEqualTo("SENT_BY_EMAIL");
        Long mailId = lc.action(letter.actionId()).mailId();
        assertThat(mailId).isNotNull();
        String attached = db.sql("""
                        select a.file_name || ' ' || a.content_type || ' ' || m.recipient as f
                        from mail_attachment a join mail_outbox m on m.id = a.mail_id where a.mail_id = :m""")
                .bind("m", mailId).map((r, m) -> r.get("f", String.class)).one().block();
        assertThat(attached).isEqualTo("courrier-LCA-2-" + TODAY + ".pdf application/pdf jeanne@client.example");
    }

    @Test
    void aCallIsLoggedRetriedWhenNobodyAnswersAndDoneWhenReached() {
        LetterCallFixture.Account call = lc.account(company, "LCA-3", "Client Tel", null, "CALL");
        String uri = "/v1/actions/" + call.actionId() + "/call";
        post(collector(), uri, Map.of("outcome", "BUSY")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("outcome");
        long version = lc.action(call.actionId()).version();
        post(collector(), uri, Map.of("version", version, "outcome", "NO_ANSWER")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("PLANNED")
                .jsonPath("$.dueDate").isEqualTo(TODAY.plusDays(1).toString())
                .jsonPath("$.call.outcome").isEqualTo("NO_ANSWER")
                .jsonPath("$.call.attempt").isEqualTo(1)
                .jsonPath("$.call.retryOn").isEqualTo(TODAY.plusDays(1).toString());
        post(collector(), uri, Map.of("version", version, "outcome", "REACHED")).expectStatus().isEqualTo(409);
        post(collector(), uri, Map.of("version", lc.action(call.actionId()).version(), "outcome", "reached",
                        "notes", "Spoke with Jeanne"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("DONE")
                .jsonPath("$.outcome").isEqualTo("REACHED")
                .jsonPath("$.note").isEqualTo("Spoke with Jeanne")
                .jsonPath("$.call.attempt").isEqualTo(2)
                .jsonPath("$.call.retryOn").doesNotExist();
    }

    @Test
    void wrongKindsAre422AndActionsOfOthersAre404() {
        LetterCallFixture.Account call = lc.account(company, "LCA-4", "Client Kind", null, "CALL");
        LetterCallFixture.Account letter = lc.account(company, "LCA-5", "Client Kind 2", null, "LETTER");
        get(collector(), "/v1/actions/" + call.actionId() + "/letter.pdf").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("kind");
        post(collector(), "/v1/actions/" + call.actionId() + "/letter/sent", Map.of()).expectStatus().isEqualTo(422);
        post(collector(), "/v1/actions/" + letter.actionId() + "/call", Map.of("outcome", "REACHED"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.field").isEqualTo("kind");

        TestTenants.Other other = lc.company("lca-other");
        get(other.admin().login(), "/v1/actions/" + letter.actionId() + "/letter.pdf").expectStatus().isNotFound();
        post(other.admin().login(), "/v1/actions/" + letter.actionId() + "/letter/email",
                Map.of("to", "x@client.example")).expectStatus().isNotFound();
        post(other.collector().login(), "/v1/actions/" + call.actionId() + "/call", Map.of("outcome", "REACHED"))
                .expectStatus().isNotFound();
        get(collector(), "/v1/actions/abc/letter.pdf").expectStatus().isNotFound();
        api.get().uri("/v1/actions/" + letter.actionId() + "/letter.pdf").exchange().expectStatus().isUnauthorized();
        assertThat(lc.action(call.actionId()).state()).isEqualTo("PLANNED");
        assertThat(lc.action(letter.actionId()).state()).isEqualTo("PLANNED");
    }
}
