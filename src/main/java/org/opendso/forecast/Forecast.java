package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected receipts of a set of accounts in one currency, as of {@code today}: the 13 ISO weeks from the
 * current one (Monday first) and the 6 months from the current one, each with its part at risk; what is expected
 * after the 6 months; and the accuracy of the past weeks. Money expected before this week is in this week.
 */
public record Forecast(String currency, LocalDate today, List<Bucket> weeks, List<Bucket> months, BigDecimal later,
                       BigDecimal laterAtRisk, List<Accuracy> accuracy) {

    public static final int WEEKS = 13;
    public static final int MONTHS = 6;
    public static final int PAST_WEEKS = 8;

    public static LocalDate weekOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** Everything expected (at risk included) in the 6 months and after. */
    public BigDecimal total() {
        return months.stream().map(m -> m.expected().add(m.atRisk())).reduce(later.add(laterAtRisk), BigDecimal::add);
    }

    public BigDecimal atRiskTotal() {
        return months.stream().map(Bucket::atRisk).reduce(laterAtRisk, BigDecimal::add);
    }

    /** The weeks, months and rest of the money expected on each day. */
    static Forecast of(String currency, LocalDate today, List<Expected> expected, List<Accuracy> accuracy) {
        LocalDate week0 = weekOf(today);
        LocalDate month0 = today.withDayOfMonth(1);
        BigDecimal[][] weeks = zeros(WEEKS);
        BigDecimal[][] months = zeros(MONTHS);
        BigDecimal[] later = {BigDecimal.ZERO, BigDecimal.ZERO};
        for (Expected e : expected) {
            LocalDate day = e.on().isBefore(today) ? today : e.on();
            int risk = e.atRisk() ? 1 : 0;
            long week = ChronoUnit.DAYS.between(week0, day) / 7;
            if (week < WEEKS) {
                weeks[(int) week][risk] = weeks[(int) week][risk].add(e.amount());
            }
            long month = ChronoUnit.MONTHS.between(month0, day.withDayOfMonth(1));
            if (month < MONTHS) {
                months[(int) month][risk] = months[(int) month][risk].add(e.amount());
            } else {
                later[risk] = later[risk].add(e.amount());
            }
        }
        List<Bucket> w = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            w.add(new Bucket(week0.plusWeeks(i), weeks[i][0], weeks[i][1]));
        }
        List<Bucket> m = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) {
            m.add(new Bucket(month0.plusMonths(i), months[i][0], months[i][1]));
        }
        return new Forecast(currency, today, List.copyOf(w), List.copyOf(m), later[0], later[1], List.copyOf(accuracy));
    }

    private static BigDecimal[][] zeros(int n) {
        BigDecimal[][] out = new BigDecimal[n][2];
        for (BigDecimal[] row : out) {
            row[0] = BigDecimal.ZERO;
            row[1] = BigDecimal.ZERO;
        }
        return out;
    }
}
