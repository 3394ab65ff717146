package org.opendso.mail;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How mails are delivered ({@code opendso.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from         the sender address; the display name is the tenant's company name
 * @param pollInterval how often due mails are looked for (a mail queued on this instance is sent at once anyway)
 * @param retryDelays  the wait after the 1st, 2nd... failed attempt; the last one repeats
 * @param maxAttempts  attempts before a mail is given up as FAILED
 * @param lease        how long a claimed mail is left to its sender before another instance may take it; longer
 *                     than the SMTP timeouts, so that a slow server does not get a mail twice
 * @param batchSize    mails claimed at once
 */
@ConfigurationProperties("opendso.mail")
record MailSettings(
        @DefaultValue("opendso@localhost") String from,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue({"30s", "2m", "10m", "1h"}) List<Duration> retryDelays,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("20") int batchSize) {

    MailSettings {
        if (retryDelays == null || retryDelays.isEmpty()) {
            throw new IllegalArgumentException("opendso.mail.retry-delays needs at least one delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("opendso.mail.max-attempts must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("opendso.mail.batch-size must be at least 1");
        }
    }

    /** The part after "@" in the Message-IDs of our mails: the sender address's domain. */
    String messageIdDomain() {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "" : from.substring(at + 1).strip();
        return domain.isEmpty() || !domain.matches("[A-Za-z0-9.-]+") ? "opendso.localhost" : domain;
    }

    /** The wait before the next attempt, after {@code failedAttempts} failed attempts (1 or more). */
    Duration delayAfter(int failedAttempts) {
        return retryDelays.get(Math.min(Math.max(failedAttempts, 1), retryDelays.size()) - 1);
    }
}
