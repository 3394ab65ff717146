package org.opendso.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dispute report: open disputes (items of a DISPUTE status) by age bucket and by account and status (the oldest
 * first, {@code lineCount} in all), the average resolution time, in days, of the dispute follow-ups completed (null:
 * none yet).
 */
public record Disputes(String currency, BigDecimal amount, long items, List<DisputeAge> ages, List<DisputeLine> lines,
                       long lineCount, BigDecimal averageResolutionDays, long resolved) {
}
