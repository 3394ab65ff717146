package org.opendso.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

@IntegrationTest
@Import(TestTenants.class)
class ApiTokenIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Users users;

    @Autowired
    TestTenants tenants;

    @Autowired
    DatabaseClient db;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    @Test
    void aTokenAuthenticatesItsOwnerUntilRevokedAndIsStoredHashed() {
        Staff collector = tenants.demo("collector");
        IssuedApiToken issued = tokens.create(collector, "ERP sync").block();
        assertThat(issued.secret()).startsWith("odso_");

        api.get().uri("/v1/customers?query=DEMO-").headers(h -> h.setBearerAuth(issued.secret())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(40); // the collector's view, not more

        db.sql("select token_hash from api_token where id = :id").bind("id", issued.id())
                .map((r, m) -> r.get("token_hash", String.class)).one()
                .as(StepVerifier::create)
                .assertNext(hash -> assertThat(hash).doesNotContain(issued.secret()).hasSize(64))
                .verifyComplete();

        tokens.of(collector).filter(t -> t.id() == issued.id()).as(StepVerifier::create)
                .assertNext(t -> assertThat(t.lastUsedAt()).isNotNull())
                .verifyComplete();

        tokens.revoke(collector, issued.id()).as(StepVerifier::create).expectNext(true).verifyComplete();
        api.get().uri("/v1/customers?query=DEMO-").headers(h -> h.setBearerAuth(issued.secret())).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void nobodyRevokesSomeoneElsesToken() {
        Staff collector = tenants.demo("collector");
        Staff sales = tenants.demo("sales");
        IssuedApiToken issued = tokens.create(collector, "mine").block();
        tokens.revoke(sales, issued.id()).as(StepVerifier::create).expectNext(false).verifyComplete();
        api.get().uri("/v1/customers?query=DEMO-").headers(h -> h.setBearerAuth(issued.secret())).exchange()
                .expectStatus().isOk();
    }

    @Test
    void forgedTokenIsRejected() {
        api.get().uri("/v1/customers").headers(h -> h.setBearerAuth("odso_forged")).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aDisabledUserLosesApiAccessByPasswordAndToken() {
        TestTenants.Other other = tenants.create("disabled");
        IssuedApiToken issued = tokens.create(other.collector(), "bot").block();
        api.get().uri("/v1/customers").headers(h -> h.setBasicAuth("disabled-collector", TestTenants.PASSWORD))
                .exchange().expectStatus().isOk();
        users.setEnabled(other.admin(), other.collector().userId(), false).as(StepVerifier::create).verifyComplete();
        api.get().uri("/v1/customers").headers(h -> h.setBasicAuth("disabled-collector", TestTenants.PASSWORD))
                .exchange().expectStatus().isUnauthorized();
        api.get().uri("/v1/customers?query=DEMO-").headers(h -> h.setBearerAuth(issued.secret()))
                .exchange().expectStatus().isUnauthorized();
    }
}
