package org.opendso.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory limit of failed portal attempts: per address and per token prefix, for a window of 10 minutes. */
class PortalAttemptsTest {

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = Instant.parse("2026-03-10T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void twentyFailuresBlockTheAddressOrThePrefixUntilTheWindowEnds() {
        Moving clock = new Moving();
        PortalAttempts attempts = new PortalAttempts(Optional.of(clock));
        for (int i = 0; i < PortalAttempts.LIMIT - 1; i++) {
            attempts.failed("10.0.0.1", "pre" + i);
        }
        assertThat(attempts.blocked("10.0.0.1", "other")).isFalse();
        attempts.failed("10.0.0.1", "last");
        assertThat(attempts.blocked("10.0.0.1", "other")).isTrue();
        assertThat(attempts.blocked("10.0.0.2", "other")).isFalse();
        for (int i = 0; i < PortalAttempts.LIMIT; i++) {
            attempts.failed("10.1.0." + i, "AbCdEf");
        }
        assertThat(attempts.blocked("10.9.9.9", "AbCdEf")).as("one prefix tried from many addresses").isTrue();
        clock.now = clock.now.plus(PortalAttempts.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(attempts.blocked("10.0.0.1", "other")).isFalse();
        assertThat(attempts.blocked("10.9.9.9", "AbCdEf")).isFalse();
    }

    @Test
    void aLoggedPrefixCannotOpenAnythingAndOddCharactersAreMasked() {
        String token = PortalToken.generate();
        assertThat(PortalToken.prefix(token)).hasSize(6).isEqualTo(token.substring(0, 6));
        assertThat(PortalToken.prefix("<x>\n")).isEqualTo("?x??");
        assertThat(PortalToken.wellFormed(token)).isTrue();
        assertThat(PortalToken.wellFormed(token + "A")).isFalse();
        assertThat(PortalToken.generate()).isNotEqualTo(token);
    }
}
