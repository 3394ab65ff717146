package org.opendso.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
@Import(TestTenants.class)
class ScenarioApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    WebTestClient.ResponseSpec get(String login, String uri) {
        return api.get().uri(uri).headers(h -> h.setBasicAuth(login, "demo")).exchange();
    }

    WebTestClient.ResponseSpec post(String login, String uri, Object body) {
        return api.post().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec put(String login, String uri, Object body) {
        return api.put().uri(uri).headers(h -> h.setBasicAuth(login, "demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String login, String uri) {
        return api.delete().uri(uri).headers(h -> h.setBasicAuth(login, "demo")).exchange();
    }

    static Map<String, Object> step(int offset, String kind, String template) {
        Map<String, Object> step = new HashMap<>();
        step.put("offsetDays", offset);
        step.put("kind", kind);
        if (template != null) {
            step.put("template", template);
        }
        return step;
    }

    long create(String name, List<Map<String, Object>> steps) {
        Number id = (Number) post("admin", "/v1/scenarios", Map.of("name", name, "steps", steps))
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return id.longValue();
    }

    @Test
    void everyoneListsTheScenariosWithTheirStepsInOrder() {
        get("collector", "/v1/scenarios").expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("Standard")
                .jsonPath("$[0].default").isEqualTo(true)
                .jsonPath("$[0].standard").isEqualTo(true)
                .jsonPath("$[0].steps[*].offsetDays").isEqualTo(List.of(-5, 5, 15, 30, 45))
                .jsonPath("$[0].steps[*].position").isEqualTo(List.of(0, 1, 2, 3, 4))
                .jsonPath("$[0].steps[0].kind").isEqualTo("EMAIL")
                .jsonPath("$[0].steps[0].template").isEqualTo("PRE_DUE_REMINDER")
                .jsonPath("$[0].steps[0].recipient").isEqualTo("COLLECTION_CONTACT")
                .jsonPath("$[0].steps[0].mode").isEqualTo("MANUAL")
                .jsonPath("$[0].steps[0].label").isEqualTo("Friendly pre-due reminder")
                .jsonPath("$[0].steps[2].template").doesNotExist()
                .jsonPath("$[?(@.name == 'Export')].steps[0].offsetDays").isEqualTo(List.of(-10))
                .jsonPath("$[?(@.name == 'Strategic accounts')].steps[0].kind").isEqualTo(List.of("CALL"));
        api.get().uri("/v1/scenarios").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAdminCreatesChangesAndReordersAScenarioAndAStaleVersionIsAConflictWithTheCurrentState() {
        Map<String, Object> toUser = step(7, "internal_task", null);
        toUser.put("recipient", "INTERNAL_USER");
        toUser.put("user", "collector");
        toUser.put("label", "Check the account");
        post("admin", "/v1/scenarios", Map.of("name", "Api wholesale", "description", "Wholesalers",
                        "steps", List.of(step(-3, "EMAIL", "pre_due_reminder"), toUser, step(20, "LETTER", "FORMAL_NOTICE"))))
                .expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).matches(".*/api/v1/scenarios/\\d+$"))
                .expectBody()
                .jsonPath("$.name").isEqualTo("Api wholesale")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.default").isEqualTo(false)
                .jsonPath("$.steps[0].template").isEqualTo("PRE_DUE_REMINDER")
                .jsonPath("$.steps[1].kind").isEqualTo("INTERNAL_TASK")
                .jsonPath("$.steps[1].user").isEqualTo("collector")
                .jsonPath("$.steps[1].label").isEqualTo("Check the account");
        long id = idOf("sales", "Api wholesale");
        get("sales", "/v1/scenarios/" + id).expectStatus().isOk().expectBody().jsonPath("$.steps.length()").isEqualTo(3);

        // reorder and drop the email: the steps are the list given, in its order
        put("admin", "/v1/scenarios/" + id, Map.of("version", 0,
                        "steps", List.of(step(20, "LETTER", "FORMAL_NOTICE"), step(2, "CALL", null))))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Api wholesale")
                .jsonPath("$.description").isEqualTo("Wholesalers")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.steps[*].kind").isEqualTo(List.of("LETTER", "CALL"))
                .jsonPath("$.steps[*].position").isEqualTo(List.of(0, 1));

        put("admin", "/v1/scenarios/" + id, Map.of("version", 0, "name", "Stale"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.field").isEqualTo("version")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("version 1"))
                .jsonPath("$.current.name").isEqualTo("Api wholesale")
                .jsonPath("$.current.version").isEqualTo(1)
                .jsonPath("$.current.steps[*].kind").isEqualTo(List.of("LETTER", "CALL"));

        // a rename alone keeps the steps
        put("admin", "/v1/scenarios/" + id, Map.of("name", "Api wholesalers")).expectStatus().isOk()
                .expectBody().jsonPath("$.steps.length()").isEqualTo(2).jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void mistakesAreProblemDetailsNamingTheField() {
        post("admin", "/v1/scenarios", Map.of("name", "Api bad", "steps", List.of(step(5, "CALL", null), step(5, "EMAIL", null))))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("steps[1].template")
                .jsonPath("$.status").isEqualTo(400);
        post("admin", "/v1/scenarios", Map.of("name", "Api bad", "steps", List.of(step(5, "FAX", null))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("steps[0].kind")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("FAX").contains("INTERNAL_TASK"));
        post("admin", "/v1/scenarios", Map.of("name", "Api bad", "steps", List.of(step(4000, "CALL", null))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("steps[0].offsetDays");
        post("admin", "/v1/scenarios", Map.of("name", "Api bad", "steps", List.of(Map.of("kind", "CALL"))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("steps[0].offsetDays");
        post("admin", "/v1/scenarios", Map.of("name", "export"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("name");
        post("admin", "/v1/scenarios", Map.of("description", "no name"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("name");
        get("admin", "/v1/scenarios").expectBody()
                .jsonPath("$[?(@.name == 'Api bad')]").isEmpty();
    }

    @Test
    void aCollectorOrASalesManagerCannotChangeScenarios() {
        post("collector", "/v1/scenarios", Map.of("name", "Api mine")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        long export = idOf("admin", "Export");
        put("sales", "/v1/scenarios/" + export, Map.of("name", "Api mine")).expectStatus().isForbidden();
        delete("collector", "/v1/scenarios/" + export).expectStatus().isForbidden();
        get("admin", "/v1/scenarios/" + export).expectBody().jsonPath("$.name").isEqualTo("Export");
    }

    @Test
    void aScenarioFollowedByAccountsIsDeletedWithAReplacementNamedByIdOrName() {
        long id = create("Api doomed", List.of(step(1, "CALL", null)));
        put("admin", "/v1/customers/DEMO-011/scenario", Map.of("scenario", id)).expectStatus().isOk();
        put("admin", "/v1/customers/DEMO-013/scenario", Map.of("scenario", "api DOOMED")).expectStatus().isOk();

        delete("admin", "/v1/scenarios/" + id).expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.field").isEqualTo("replacement")
                .jsonPath("$.accountsInUse").isEqualTo(2)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("2 customer accounts").contains("Api doomed"));
        delete("admin", "/v1/scenarios/" + id + "?replacement=Nope").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("replacement");
        delete("admin", "/v1/scenarios/" + id + "?replacement=Strategic accounts").expectStatus().isNoContent();
        get("admin", "/v1/scenarios/" + id).expectStatus().isNotFound();
        get("admin", "/v1/customers/DEMO-013").expectStatus().isOk().expectBody()
                .jsonPath("$.scenario.name").isEqualTo("Strategic accounts")
                .jsonPath("$.scenario.default").isEqualTo(false);
        put("admin", "/v1/customers/DEMO-011/scenario", new HashMap<>(java.util.Collections.singletonMap("scenario", null)))
                .expectStatus().isOk();
        put("admin", "/v1/customers/DEMO-013/scenario", new HashMap<>(java.util.Collections.singletonMap("scenario", null)))
                .expectStatus().isOk();

        long standard = idOf("admin", "Standard");
        delete("admin", "/v1/scenarios/" + standard).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("id");
        delete("admin", "/v1/scenarios/abc").expectStatus().isNotFound();
    }

    @Test
    void whoSeesAnAccountChoosesItsScenarioAndTheCustomerShowsIt() {
        get("collector", "/v1/customers/DEMO-021").expectStatus().isOk().expectBody()
                .jsonPath("$.scenario.name").isEqualTo("Standard")
                .jsonPath("$.scenario.default").isEqualTo(true)
                .jsonPath("$.scenario.id").isEqualTo((int) idOf("collector", "Standard"));
        put("collector", "/v1/customers/DEMO-021/scenario", Map.of("scenario", "Export")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.account").isEqualTo("DEMO-021")
                .jsonPath("$.scenario.name").isEqualTo("Export")
                .jsonPath("$.scenario.default").isEqualTo(false);
        get("sales", "/v1/customers/DEMO-021").expectBody().jsonPath("$.scenario.name").isEqualTo("Export");
        get("admin", "/v1/customers/DEMO-021/events").expectStatus().isOk();
        put("sales", "/v1/customers/DEMO-021/scenario", new HashMap<>(java.util.Collections.singletonMap("scenario", null)))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.scenario.name").isEqualTo("Standard").jsonPath("$.scenario.default").isEqualTo(true);

        // an account the sales manager is not assigned to is not theirs to see, nor to change
        put("sales", "/v1/customers/DEMO-022/scenario", Map.of("scenario", "Export")).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("admin", "/v1/customers/DEMO-021/scenario", Map.of("scenario", "No such scenario")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("scenario");
        put("admin", "/v1/customers/DEMO-021/scenario", Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("scenario");
    }

    @Test
    void anotherCompanysScenariosAndAccountsAreNotFound() {
        TestTenants.Other other = tenants.create("scapi-iso");
        Number theirs = (Number) api.post().uri("/v1/scenarios")
                .headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Api theirs"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        get("admin", "/v1/scenarios/" + theirs).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("admin", "/v1/scenarios/" + theirs, Map.of("name", "Hijacked")).expectStatus().isNotFound();
        delete("admin", "/v1/scenarios/" + theirs).expectStatus().isNotFound();
        put("admin", "/v1/customers/DEMO-031/scenario", Map.of("scenario", theirs)).expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("scenario");
        get("admin", "/v1/scenarios").expectBody().jsonPath("$[?(@.name == 'Api theirs')]").isEmpty();
        // their own account of the same reference keeps its default
        api.get().uri("/v1/customers/DEMO-001").headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.scenario.default").isEqualTo(true);
    }

    @Test
    void anAdminMakesAnotherScenarioTheDefaultAndTheAccountsWithoutOneFollowIt() {
        TestTenants.Other other = tenants.create("scapi-default");
        String login = other.admin().login();
        List<Map<String, Object>> all = scenarios(api.get().uri("/v1/scenarios")
                .headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange());
        Number export = (Number) all.stream().filter(m -> "Export".equals(m.get("name"))).findFirst().orElseThrow().get("id");
        api.put().uri("/v1/scenarios/" + export).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("default", true)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.default").isEqualTo(true).jsonPath("$.steps.length()").isEqualTo(5);
        api.get().uri("/v1/scenarios").headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange()
                .expectBody()
                .jsonPath("$[0].name").isEqualTo("Export")
                .jsonPath("$[?(@.default == true)].name").isEqualTo(List.of("Export"));
        api.get().uri("/v1/customers/DEMO-001").headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange()
                .expectBody().jsonPath("$.scenario.name").isEqualTo("Export").jsonPath("$.scenario.default").isEqualTo(true);
        // the former default can go now
        Number standard = (Number) all.stream().filter(m -> "Standard".equals(m.get("name"))).findFirst().orElseThrow().get("id");
        api.delete().uri("/v1/scenarios/" + standard).headers(h -> h.setBasicAuth(login, TestTenants.PASSWORD)).exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void theTimelineDatesEachStepForAnAccount() {
        TestTenants.Other other = tenants.create("scapi-timeline");
        Number standard = (Number) scenarios(api.get().uri("/v1/scenarios")
                .headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD)).exchange()).stream()
                .filter(m -> Boolean.TRUE.equals(m.get("default"))).findFirst().orElseThrow().get("id");
        LocalDate due = LocalDate.now().minusDays(30);
        api.get().uri("/v1/scenarios/" + standard + "/timeline?account=DEMO-001")
                .headers(h -> h.setBasicAuth(other.admin().login(), TestTenants.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].date").isEqualTo(List.of(due.minusDays(5).toString(), due.plusDays(5).toString(),
                        due.plusDays(15).toString(), due.plusDays(30).toString(), due.plusDays(45).toString()))
                .jsonPath("$[0].step.kind").isEqualTo("EMAIL");
        get("admin", "/v1/scenarios/" + idOf("admin", "Standard") + "/timeline").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("account");
        get("admin", "/v1/scenarios/" + idOf("admin", "Standard") + "/timeline?account=NOPE").expectStatus().isNotFound();
    }

    private long idOf(String login, String name) {
        return ((Number) scenarios(get(login, "/v1/scenarios")).stream()
                .filter(m -> name.equals(m.get("name"))).findFirst().orElseThrow().get("id")).longValue();
    }

    private static List<Map<String, Object>> scenarios(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }
}
