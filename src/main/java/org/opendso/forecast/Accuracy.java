package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A past week: what the forecast expected for it when it started ({@code null} when no forecast was stored that
 * week) and what was actually received.
 */
public record Accuracy(LocalDate weekStart, BigDecimal forecast, BigDecimal received) {
}
