package org.opendso.report;

import java.math.BigDecimal;

/** Open disputed items of an age bucket (days since disputed: 0–30, 31–60, 61–90, over 90). */
public record DisputeAge(String bucket, BigDecimal amount, long items) {
}
