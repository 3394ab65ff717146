package org.opendso.realtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.rsocket.exceptions.RejectedSetupException;
import io.rsocket.metadata.WellKnownMimeType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.customer.AssignmentRole;
import org.opendso.realtime.StreamFixtures;
import org.opendso.security.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;
import org.springframework.security.rsocket.metadata.BearerTokenAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.BearerTokenMetadata;
import org.springframework.security.rsocket.metadata.SimpleAuthenticationEncoder;
import org.springframework.security.rsocket.metadata.UsernamePasswordMetadata;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The RSocket request-stream customers.{account}.events: authentication, replay-then-live, refusals. */
@IntegrationTest
@Import(StreamFixtures.class)
class RSocketEventsIT {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final MimeType AUTHENTICATION =
            MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.rsocket.server.port}")
    int port;

    @Autowired
    RSocketStrategies strategies;

    @Autowired
    StreamFixtures fx;

    @Autowired
    ApiTokens tokens;

    RSocketRequester requester;

    @AfterEach
    void disconnect() {
        if (requester != null) {
            requester.dispose();
        }
    }

    RSocketRequester connect(Object credentials) {
        RSocketRequester.Builder builder = RSocketRequester.builder()
                // both encoders claim the authentication MIME type: give each connection the one it needs
                .rsocketStrategies(strategies.mutate()
                        .encoder(credentials instanceof BearerTokenMetadata
                                ? new BearerTokenAuthenticationEncoder() : new SimpleAuthenticationEncoder())
                        .build())
                .dataMimeType(MimeTypeUtils.APPLICATION_JSON);
        if (credentials != null) {
            builder.setupMetadata(credentials, AUTHENTICATION);
        }
        requester = builder.tcp("localhost", port);
        return requester;
    }

    Flux<JsonNode> events(RSocketRequester requester, String account, Object data) {
        RSocketRequester.RequestSpec route = requester.route("customers.{account}.events", account);
        return (data == null ? route : route.data(data)).retrieveFlux(String.class).map(JSON::readTree);
    }

    long account(int events) {
        long tenant = fx.demoTenant();
        long customer = fx.customer(tenant);
        fx.assign(customer, "collector", AssignmentRole.COLLECTOR);
        fx.appendEach(tenant, customer, events).blockLast();
        return customer;
    }

    @Test
    void withLoginAndPasswordTheStreamReplaysAfterFromThenGoesLive() {
        long tenant = fx.demoTenant();
        long customer = account(3);
        String account = fx.account(customer);

        StepVerifier.create(events(connect(new UsernamePasswordMetadata("collector", "demo")), account, Map.of("from", 1)))
                .assertNext(e -> {
                    assertThat(e.get("account").asString()).isEqualTo(account);
                    assertThat(e.get("seq").asLong()).isEqualTo(2);
                    assertThat(e.get("type").asString()).isEqualTo("COMMENT_ADDED");
                    assertThat(e.get("payload").get("comment").asString()).isEqualTo("note 2");
                })
                .assertNext(e -> assertThat(e.get("seq").asLong()).isEqualTo(3))
                .then(() -> fx.append(tenant, customer, "live").block())
                .assertNext(e -> {
                    assertThat(e.get("seq").asLong()).isEqualTo(4);
                    assertThat(e.get("payload").get("comment").asString()).isEqualTo("live");
                })
                .expectNoEvent(Duration.ofMillis(300))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void withAnApiTokenAndNoFromTheStreamIsLiveOnly() {
        long tenant = fx.demoTenant();
        long customer = account(2);
        String secret = tokens.create(fx.staff("collector"), "rsocket test").block().secret();
        RSocketRequester client = connect(new BearerTokenMetadata(secret));

        StepVerifier.create(events(client, fx.account(customer), null).map(e -> e.get("seq").asLong()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(500))
                .then(() -> fx.append(tenant, customer, "third").block())
                .expectNext(3L)
                .thenCancel()
                .verify(WAIT);
        StepVerifier.create(events(client, fx.account(customer), Map.of("from", 0)).map(e -> e.get("seq").asLong()).take(3))
                .expectNext(1L, 2L, 3L)
                .verifyComplete();
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsStreamed() {
        String account = fx.account(account(1));
        StepVerifier.create(events(connect(null), account, Map.of("from", 0)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RejectedSetupException.class)
                        .hasMessage("Access Denied"))
                .verify(WAIT);
        requester.dispose();
        StepVerifier.create(events(connect(new UsernamePasswordMetadata("collector", "wrong")), account, Map.of("from", 0)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RejectedSetupException.class)
                        .hasMessage("Invalid Credentials"))
                .verify(WAIT);
        requester.dispose();
        StepVerifier.create(events(connect(new BearerTokenMetadata("odso_not-a-token")), account, Map.of("from", 0)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RejectedSetupException.class)
                        .hasMessage("Unknown or revoked API token"))
                .verify(WAIT);
    }

    @Test
    void anAccountTheUserMayNotSeeIsNotFoundAndABadFromIsNamed() {
        RSocketRequester client = connect(new UsernamePasswordMetadata("collector", "demo"));
        StepVerifier.create(events(client, "DEMO-005", null))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).startsWith("Not found"))
                .verify(WAIT);
        StepVerifier.create(events(client, fx.account(fx.customer(fx.demoTenant())), null))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).startsWith("Not found"))
                .verify(WAIT);
        String account = fx.account(account(1));
        StepVerifier.create(events(client, account, Map.of("from", 5)))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).contains("'from'"))
                .verify(WAIT);
        StepVerifier.create(events(client, account, Map.of("from", -1)))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).contains("'from'"))
                .verify(WAIT);
        // the connection survives refused requests
        StepVerifier.create(events(client, account, Map.of("from", 0)).map(e -> e.get("seq").asLong()).take(1))
                .expectNext(1L)
                .verifyComplete();
    }
}
