package org.opendso.web;

import org.junit.jupiter.api.Test;
import org.opendso.customer.ui.CustomerListView;
import org.opendso.ui.ViewTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An API request is who its own headers say, never who is logged in to the UI meanwhile: while a staff
 * member works in Vaadin, anonymous API calls stay 401 and another user's calls see that user's customers.
 */
class ApiIdentityViewIT extends ViewTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aUiLoginNeverLeaksIntoTheApi() {
        login("sales");
        navigate(CustomerListView.class);
        WebTestClient api = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/api").build();
        for (int i = 0; i < 20; i++) {
            api.get().uri("/v1/customers").exchange()
                    .expectStatus().isUnauthorized();
            api.post().uri("/v1/imports/items").contentType(MediaType.parseMediaType("text/csv"))
                    .bodyValue("account;number;due_date;amount\n").exchange()
                    .expectStatus().isUnauthorized();
            api.get().uri("/v1/customers?query=DEMO-").headers(h -> h.setBasicAuth("collector", "demo")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(40);
        }
    }
}
