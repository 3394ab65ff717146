package org.opendso.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.realtime.EventType;
import org.opendso.realtime.HistoryFilter;
import org.opendso.realtime.EventStreams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** A customer's credit limit: who may set it, what is stored and logged, and the API's answers. */
@IntegrationTest
class CreditLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    Customers customers;
    @Autowired
    TestTenants tenants;
    @Autowired
    EventStreams streams;

    WebTestClient api;

    @BeforeEach
    void client() {
        api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
    }

    @Test
    void aCollectorSetsAndRemovesALimitWithOneEventEach() {
        var collector = tenants.demo("collector");
        Customer before = customers.find(collector, "DEMO-003").block();
        customers.setCreditLimit(collector, "DEMO-003", new BigDecimal("50000"))
                .as(StepVerifier::create)
                .assertNext(c -> {
                    assertThat(c.creditLimit()).isEqualByComparingTo("50000");
                    assertThat(c.version()).isEqualTo(before.version() + 1);
                })
                .verifyComplete();
        var last = streams.history(collector.tenantId(), before.id(), new HistoryFilter(EventType.CREDIT_LIMIT_CHANGED,
                null, null), 1).blockFirst();
        assertThat(last.payload()).contains("\"creditLimit\": \"50000.00\"").contains("\"currency\": \"EUR\"");
        // the same limit again: nothing changes, no event
        customers.setCreditLimit(collector, "DEMO-003", new BigDecimal("50000.00")).block();
        assertThat(customers.find(collector, "DEMO-003").block().version()).isEqualTo(before.version() + 1);

        customers.setCreditLimit(collector, "DEMO-003", null)
                .as(StepVerifier::create)
                .assertNext(c -> assertThat(c.creditLimit()).isNull())
                .verifyComplete();
        var removed = streams.history(collector.tenantId(), before.id(), new HistoryFilter(EventType.CREDIT_LIMIT_CHANGED,
                null, null), 1).blockFirst();
        assertThat(removed.payload()).contains("\"creditLimit\": null");
    }

    @Test
    void aSalesManagerMayNotSetALimitNorAnyoneOnAnotherCompanysAccount() {
        customers.setCreditLimit(tenants.demo("sales"), "DEMO-001", BigDecimal.TEN)
                .as(StepVerifier::create).expectError(AccessDeniedException.class).verify();
        TestTenants.Other other = tenants.create("cl" + System.nanoTime());
        // their DEMO-001 is not ours: our admin changes our own, theirs keeps no limit
        customers.setCreditLimit(other.admin(), "NO-SUCH", BigDecimal.TEN).as(StepVerifier::create).verifyComplete();
        customers.setCreditLimit(tenants.demo("admin"), "DEMO-001", new BigDecimal("123.45")).block();
        assertThat(customers.find(other.admin(), "DEMO-001").block().creditLimit()).isNull();
        customers.setCreditLimit(tenants.demo("admin"), "DEMO-001", new BigDecimal("-1"))
                .as(StepVerifier::create).expectError(InvalidCreditLimit.class).verify();
    }

    @Test
    void theApiSetsReadsAndRefusesLimits() {
        put("admin", "DEMO-004", Map.of("creditLimit", "25000.50")).expectStatus().isOk()
                .expectBody().jsonPath("$.creditLimit").isEqualTo("25000.50").jsonPath("$.currency").isEqualTo("EUR");
        api.get().uri("/v1/customers/DEMO-004").headers(h -> h.setBasicAuth("admin", "demo")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.creditLimit").isEqualTo(25000.50);
        Map<String, Object> none = new HashMap<>();
        none.put("creditLimit", null);
        put("admin", "DEMO-004", none).expectStatus().isOk().expectBody().jsonPath("$.creditLimit").doesNotExist();

        put("admin", "DEMO-004", Map.of("creditLimit", "lots")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("creditLimit");
        put("admin", "DEMO-004", Map.of("creditLimit", "-3")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("creditLimit");
        put("admin", "DEMO-004", Map.of("limit", "3")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.field").isEqualTo("creditLimit");
        put("sales", "DEMO-004", Map.of("creditLimit", "3")).expectStatus().isForbidden();
        put("admin", "NO-SUCH", Map.of("creditLimit", "3")).expectStatus().isNotFound();
        assertThat(List.of(1)).isNotEmpty();
    }

    private WebTestClient.ResponseSpec put(String login, String account, Map<String, Object> body) {
        return api.put().uri("/v1/customers/{a}/credit-limit", account).headers(h -> h.setBasicAuth(login, "demo"))
                .bodyValue(body).exchange();
    }
}
