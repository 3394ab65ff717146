package org.opendso.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings withDelays(List<Duration> delays, int maxAttempts) {
        return new MailSettings("opendso@localhost", Duration.ofSeconds(5), delays, maxAttempts, Duration.ofMinutes(5), 20);
    }

    @Test
    void theWaitGrowsWithEachFailureAndTheLastOneRepeats() {
        MailSettings s = withDelays(List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofHours(1)), 5);
        assertThat(s.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.delayAfter(3)).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.delayAfter(4)).isEqualTo(Duration.ofHours(1));
        assertThat(s.delayAfter(9)).isEqualTo(Duration.ofHours(1));
        assertThat(s.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void nonsenseSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> withDelays(List.of(), 5)).hasMessageContaining("opendso.mail.retry-delays");
        assertThatThrownBy(() -> withDelays(List.of(Duration.ofSeconds(1)), 0)).hasMessageContaining("opendso.mail.max-attempts");
    }

    @Test
    void aSendFailureIsDescribedByItsCause() {
        var failure = new org.springframework.mail.MailSendException("Mail server connection failed",
                new java.net.ConnectException("Connection refused"));
        assertThat(MailDelivery.describe(failure)).isEqualTo("Connection refused");
        assertThat(MailDelivery.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(MailDelivery.describe(new RuntimeException("x".repeat(5000)))).hasSize(1000);
    }
}
