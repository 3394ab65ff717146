package org.opendso.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.importer.ImportFixtures.Tenant;
import org.opendso.tenant.Companies;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The import API through the running server: CSV and multipart bodies, problems, runs, tenancy, roles. */
@IntegrationTest
@Import(TestTenants.class)
class ImportApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Companies companies;

    @Autowired
    Users users;

    @Autowired
    DatabaseClient db;

    WebTestClient api;
    ImportFixtures fixtures;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        fixtures = new ImportFixtures(companies, users, db);
    }

    private WebTestClient.ResponseSpec postCsv(String login, String password, String uri, byte[] csv) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, password))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange();
    }

    private WebTestClient.ResponseSpec postCsv(Tenant t, String uri, String fixture) {
        return postCsv(t.admin().login(), ImportFixtures.PASSWORD, uri, ImportFixtures.bytes(fixture));
    }

    @Test
    void aCsvBodyIsImportedAndReported() {
        Tenant t = fixtures.tenant();
        postCsv(t, "/v1/imports/items?fileName=day1.csv", "items-snapshot-day1.csv")
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.importRunId").isNumber()
                .jsonPath("$.created").isEqualTo(4)
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(0)
                .jsonPath("$.closed").isEqualTo(0)
                .jsonPath("$.rejected.length()").isEqualTo(0);
        postCsv(t, "/v1/imports/items", "items-snapshot-day2.csv")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.updated").isEqualTo(2)
                .jsonPath("$.unchanged").isEqualTo(1)
                .jsonPath("$.closed").isEqualTo(1);
        // upsert mode closes nothing
        postCsv(t, "/v1/imports/items?mode=upsert", "items-isolation.csv")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1).jsonPath("$.closed").isEqualTo(0);
    }

    @Test
    void aMultipartFilePartIsImported() {
        Tenant t = fixtures.tenant();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("comment", "nightly export");
        body.part("file", new ByteArrayResource(ImportFixtures.bytes("customers-comma-cp1252.csv")) {
            @Override
            public String getFilename() {
                return "clients.csv";
            }
        }).contentType(MediaType.parseMediaType("text/csv"));
        api.post().uri("/v1/imports/customers").headers(h -> h.setBasicAuth(t.collector().login(), ImportFixtures.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(3);
        assertThat(fixtures.text("select file_name from import_run where tenant_id = :t and kind = :k", t.id(), "CUSTOMERS"))
                .isEqualTo("clients.csv");
    }

    @Test
    void badLinesGive422WithEveryLineAndPartialImportsTheRest() {
        Tenant t = fixtures.tenant();
        postCsv(t, "/v1/imports/items", "items-bad-lines.csv")
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(422)
                .jsonPath("$.detail").isEqualTo("6 lines rejected: nothing was imported")
                .jsonPath("$.importRunId").isNumber()
                .jsonPath("$.rejected.length()").isEqualTo(6)
                .jsonPath("$.rejected[0].line").isEqualTo(5)
                .jsonPath("$.rejected[0].reason")
                .isEqualTo("due_date '31/02/2026' is not a date (expected yyyy-MM-dd, dd/MM/yyyy or dd.MM.yyyy)");
        postCsv(t, "/v1/imports/items?partial=true", "items-bad-lines.csv")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected.length()").isEqualTo(6)
                .jsonPath("$.rejected[5].line").isEqualTo(11);
    }

    @Test
    void aBadFileGives422AndAWrongKind404() {
        Tenant t = fixtures.tenant();
        postCsv(t, "/v1/imports/items", "items-missing-column.csv")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .startsWith("missing required column due_date"));
        postCsv(t, "/v1/imports/invoices", "items-isolation.csv")
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No import of 'invoices': use customers, contacts or items");
        postCsv(t, "/v1/imports/items?mode=sometimes", "items-isolation.csv")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("mode");
        postCsv(t.admin().login(), ImportFixtures.PASSWORD, "/v1/imports/items", new byte[0])
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("empty"));
    }

    @Test
    void aSalesManagerGets403AndAnonymous401() {
        postCsv("sales", "demo", "/v1/imports/items", ImportFixtures.bytes("items-isolation.csv"))
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.get().uri("/v1/imports").headers(h -> h.setBasicAuth("sales", "demo")).exchange()
                .expectStatus().isForbidden();
        api.post().uri("/v1/imports/items").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("account;number;due_date;amount\n").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void runsAreListedAndReadableOnlyWithinTheirTenant() {
        Tenant t = fixtures.tenant();
        long id = ((Number) postCsv(t, "/v1/imports/items", "items-bad-lines.csv")
                .expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody().get("importRunId")).longValue();
        api.get().uri("/v1/imports?page=0&size=5").headers(h -> h.setBasicAuth(t.admin().login(), ImportFixtures.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.content[0].id").isEqualTo(id)
                .jsonPath("$.content[0].state").isEqualTo("REJECTED")
                .jsonPath("$.content[0].kind").isEqualTo("items")
                .jsonPath("$.content[0].source").isEqualTo("API")
                .jsonPath("$.content[0].user").isEqualTo(t.admin().login());
        api.get().uri("/v1/imports/" + id).headers(h -> h.setBasicAuth(t.collector().login(), ImportFixtures.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.run.rejected").isEqualTo(6)
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[0].line").isEqualTo(5);
        // the demo company's admin does not see it, nor learns that it exists
        api.get().uri("/v1/imports/" + id).headers(h -> h.setBasicAuth("admin", "demo")).exchange()
                .expectStatus().isNotFound();
        api.get().uri("/v1/imports/abc").headers(h -> h.setBasicAuth("admin", "demo")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theColumnMappingIsReadAndSaved() {
        Tenant t = fixtures.tenant();
        api.put().uri("/v1/import-mappings/items").headers(h -> h.setBasicAuth(t.admin().login(), ImportFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("Code tiers", "account", "Pièce", "number", "Date limite", "due_date", "Valeur", "amount"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mapping['Code tiers']").isEqualTo("account");
        api.get().uri("/v1/import-mappings/items").headers(h -> h.setBasicAuth(t.collector().login(), ImportFixtures.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.mapping['Valeur']").isEqualTo("amount")
                .jsonPath("$.columns[0]").isEqualTo("account")
                .jsonPath("$.required.length()").isEqualTo(4);
        postCsv(t, "/v1/imports/items", "items-custom-headers.csv")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(2);
        api.put().uri("/v1/import-mappings/items").headers(h -> h.setBasicAuth(t.admin().login(), ImportFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("x", "colour"))
                .exchange()
                .expectStatus().isBadRequest();
    }
}
