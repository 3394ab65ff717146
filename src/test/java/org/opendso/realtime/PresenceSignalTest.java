package org.opendso.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The wire form of presence messages, and the timing settings. */
class PresenceSignalTest {

    private static final Presence.AccountKey KEY = new Presence.AccountKey(3, 42);

    @Test
    void aHereSignalSurvivesTheRoundTrip() {
        PresenceSignal here = PresenceSignal.here(KEY, "s-1", 7, "Anna Ämter", List.of("INV-1", "INV-2"), 8000, 5);
        PresenceSignal read = PresenceSignal.parse(here.json()).orElseThrow();
        assertThat(read).isEqualTo(here);
        assertThat(read.key()).isEqualTo(KEY);
        assertThat(here.json()).contains("\"k\":\"here\"").contains("\"t\":3").contains("\"c\":42");
    }

    @Test
    void leftAndWhoCarryOnlyWhatTheyNeed() {
        assertThat(PresenceSignal.left(KEY, "s-1", 9).json()).isEqualTo("{\"k\":\"left\",\"t\":3,\"c\":42,\"s\":\"s-1\",\"v\":9}");
        assertThat(PresenceSignal.parse(PresenceSignal.who(KEY).json())).contains(PresenceSignal.who(KEY));
        assertThat(PresenceSignal.parse(PresenceSignal.left(KEY, "s-1", 9).json()).orElseThrow().qualifying()).isEmpty();
    }

    @Test
    void whatIsNotAPresenceSignalIsIgnored() {
        assertThat(PresenceSignal.parse("not json")).isEmpty();
        assertThat(PresenceSignal.parse("[1,2]")).isEmpty();
        assertThat(PresenceSignal.parse("{\"k\":\"dance\",\"t\":1,\"c\":2}")).isEmpty();
        assertThat(PresenceSignal.parse("{\"k\":\"here\",\"t\":1,\"c\":2}")).as("a here without session and user").isEmpty();
        assertThat(PresenceSignal.parse("{\"k\":\"left\",\"t\":1,\"c\":2}")).as("a left without session").isEmpty();
        assertThat(PresenceSignal.parse("{\"k\":\"who\",\"t\":1,\"c\":2,\"future\":true}")).isPresent();
    }

    @Test
    void aHugeSelectionIsCutToFitInOneNotification() {
        List<String> many = IntStream.range(0, 5000).mapToObj(i -> "INV-" + i).toList();
        String json = PresenceSignal.here(KEY, "s-1", 7, "Anna", many, 8000, 1).json();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(PresenceSignal.MAX_BYTES);
        List<String> sent = PresenceSignal.parse(json).orElseThrow().qualifying();
        assertThat(sent).hasSizeGreaterThan(100).isEqualTo(many.subList(0, sent.size()));
    }

    @Test
    void anExpiryNotLongerThanTheHeartbeatIsRefused() {
        assertThatThrownBy(() -> new Presence(null, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("opendso.presence.expiry");
    }
}
