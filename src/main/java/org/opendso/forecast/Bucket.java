package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One week or month of the forecast: what is expected from its first day on, and what is expected but at risk. */
public record Bucket(LocalDate start, BigDecimal expected, BigDecimal atRisk) {
}
