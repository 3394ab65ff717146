package org.opendso.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The ECB main refinancing rate (percent) by the date it took effect. */
public record EcbRates(NavigableMap<LocalDate, BigDecimal> byEffectiveDate) {

    public EcbRates {
        if (byEffectiveDate.isEmpty()) {
            throw new IllegalArgumentException("No ECB rate known");
        }
        byEffectiveDate = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(byEffectiveDate));
    }

    public static EcbRates of(Map<LocalDate, BigDecimal> rates) {
        return new EcbRates(new TreeMap<>(rates));
    }

    /** The rate in force on a day, with the date it took effect. */
    public Map.Entry<LocalDate, BigDecimal> inForce(LocalDate day) {
        Map.Entry<LocalDate, BigDecimal> entry = byEffectiveDate.floorEntry(day);
        // before the oldest rate recorded: the oldest one, rather than no penalty at all (decision 0009)
        return entry != null ? entry : byEffectiveDate.firstEntry();
    }
}
