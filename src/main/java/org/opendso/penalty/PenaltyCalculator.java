package org.opendso.penalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;

/**
 * Late-payment penalty of an item on a day: simple interest on the open amount from the day after the due date
 * up to and including {@code today}, {@code open × rate% / 100 × days / 365}. A year always counts 365 days, leap
 * years included (the usual French commercial practice; a 366-day year of lateness costs 366/365 of the rate).
 * With the statutory rate each day is charged at the rate of its own half-year, so a period crossing 1 January or
 * 1 July is split. Only open invoices with a positive open amount are penalised: credit notes and unallocated
 * payments never are. Pure: no clock, no database.
 */
public final class PenaltyCalculator {

    private static final BigDecimal DAYS_TIMES_PERCENT = BigDecimal.valueOf(365 * 100);

    private final PenaltyTerms terms;

    public PenaltyCalculator(PenaltyTerms terms) {
        this.terms = terms;
    }

    public PenaltyTerms terms() {
        return terms;
    }

    public Penalty of(OpenItem item, LocalDate today) {
        if (!item.isOpen()) {
            return Penalty.NONE;
        }
        return of(item.type(), item.dueDate(), item.openAmount(), today);
    }

    public Penalty of(ItemType type, LocalDate dueDate, BigDecimal openAmount, LocalDate today) {
        if (!terms.enabled() || type != ItemType.INVOICE || openAmount == null || openAmount.signum() <= 0
                || dueDate == null || !dueDate.isBefore(today)) {
            return Penalty.NONE;
        }
        // Σ rate × days over the half-years of the late period, exact; one division and one rounding at the end,
        // so splitting the period never rounds twice
        BigDecimal rateDays = BigDecimal.ZERO;
        LocalDate from = dueDate.plusDays(1);
        while (!from.isAfter(today)) {
            LocalDate nextHalf = PenaltyTerms.halfYearStart(from).plusMonths(6);
            LocalDate to = nextHalf.isAfter(today) ? today : nextHalf.minusDays(1);
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            rateDays = rateDays.add(terms.annualRatePercent(from).multiply(BigDecimal.valueOf(days)));
            from = to.plusDays(1);
        }
        BigDecimal penalty = openAmount.multiply(rateDays).divide(DAYS_TIMES_PERCENT, 2, RoundingMode.HALF_UP);
        return new Penalty(penalty, terms.fixedIndemnity().setScale(2, RoundingMode.HALF_UP));
    }

    /** The account's total: the sum of the rounded item figures, so it equals the sum of the lines shown. */
    public Penalty total(Collection<OpenItem> items, LocalDate today) {
        return items.stream().map(i -> of(i, today)).reduce(Penalty.NONE, Penalty::plus);
    }
}
