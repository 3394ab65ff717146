package org.opendso.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opendso.item.ItemQualification;
import org.opendso.item.ItemType;
import org.opendso.item.OpenItem;

/** Hand-computed cases: penalty = open × rate% / 100 × days / 365, rounded half-up to cents at the end. */
class PenaltyCalculatorTest {

    /** The published ECB main refinancing rates the migration seeds. */
    static final EcbRates ECB = EcbRates.of(Map.of(
            LocalDate.parse("2023-09-20"), new BigDecimal("4.50"),
            LocalDate.parse("2024-06-12"), new BigDecimal("4.25"),
            LocalDate.parse("2024-09-18"), new BigDecimal("3.65"),
            LocalDate.parse("2024-10-23"), new BigDecimal("3.40"),
            LocalDate.parse("2024-12-18"), new BigDecimal("3.15"),
            LocalDate.parse("2025-02-05"), new BigDecimal("2.90"),
            LocalDate.parse("2025-03-12"), new BigDecimal("2.65"),
            LocalDate.parse("2025-04-23"), new BigDecimal("2.40"),
            LocalDate.parse("2025-06-11"), new BigDecimal("2.15")));

    static final PenaltyCalculator FIXED_12_15 = new PenaltyCalculator(
            new PenaltyTerms(true, PenaltyMode.FIXED, new BigDecimal("12.15"), new BigDecimal("40"), ECB));
    static final PenaltyCalculator STATUTORY = new PenaltyCalculator(
            new PenaltyTerms(true, PenaltyMode.STATUTORY, new BigDecimal("99"), new BigDecimal("40"), ECB));

    static OpenItem item(ItemType type, String due, String amount, String open) {
        return new OpenItem(1, 1, type, "N-1", LocalDate.parse(due).minusDays(30), LocalDate.parse(due),
                new BigDecimal(amount), new BigDecimal(open), "EUR", null, null, 0, ItemQualification.NONE);
    }

    @Test
    void thousandEurosThirtyDaysLateAtTwelvePointFifteen() {
        // 1000 × 0.1215 × 30 / 365 = 9.9863… → 9.99
        Penalty p = FIXED_12_15.of(item(ItemType.INVOICE, "2026-01-10", "1000.00", "1000.00"), LocalDate.parse("2026-02-09"));
        assertThat(p.penalty()).isEqualByComparingTo("9.99");
        assertThat(p.penalty().scale()).isEqualTo(2);
        assertThat(p.indemnity()).isEqualByComparingTo("40.00");
    }

    @Test
    void oneDayLateCountsFromTheDayAfterTheDueDate() {
        // 1000 × 12.15 × 1 / 36500 = 0.3328… → 0.33
        assertThat(FIXED_12_15.of(item(ItemType.INVOICE, "2026-03-01", "1000", "1000"), LocalDate.parse("2026-03-02")).penalty())
                .isEqualByComparingTo("0.33");
    }

    @Test
    void dueTodayOrLaterIsNotLate() {
        assertThat(FIXED_12_15.of(item(ItemType.INVOICE, "2026-03-01", "1000", "1000"), LocalDate.parse("2026-03-01")))
                .isEqualTo(Penalty.NONE);
        assertThat(FIXED_12_15.of(item(ItemType.INVOICE, "2026-03-05", "1000", "1000"), LocalDate.parse("2026-03-01")))
                .isEqualTo(Penalty.NONE);
    }

    @Test
    void aLeapYearIsStillDividedBy365() {
        // 2024-02-15 → 2024-03-16: 30 days including 29 February; statutory H1 2024 = 4.50 (in force on 1 January) + 10
        // 1000 × 14.50 × 30 / 36500 = 11.9178… → 11.92
        assertThat(STATUTORY.of(item(ItemType.INVOICE, "2024-02-15", "1000", "1000"), LocalDate.parse("2024-03-16")).penalty())
                .isEqualByComparingTo("11.92");
        // a whole leap year late (366 days) at 10 %: 1000 × 10 × 366 / 36500 = 100.2739… → 100.27, not 100.00
        PenaltyCalculator tenPercent = new PenaltyCalculator(
                new PenaltyTerms(true, PenaltyMode.FIXED, BigDecimal.TEN, new BigDecimal("40"), ECB));
        assertThat(tenPercent.of(item(ItemType.INVOICE, "2023-12-31", "1000", "1000"), LocalDate.parse("2024-12-31")).penalty())
                .isEqualByComparingTo("100.27");
    }

    @Test
    void aPartialPaymentLeavesThePenaltyOnTheOpenAmount() {
        // invoiced 1500, 500 paid: 1000 × 12.15 × 30 / 36500 → 9.99 (on the whole amount it would be 14.98)
        Penalty p = FIXED_12_15.of(item(ItemType.INVOICE, "2026-01-10", "1500.00", "1000.00"), LocalDate.parse("2026-02-09"));
        assertThat(p.penalty()).isEqualByComparingTo("9.99");
        assertThat(p.indemnity()).isEqualByComparingTo("40");
    }

    @Test
    void creditNotesUnallocatedPaymentsAndSettledInvoicesAreNotPenalised() {
        LocalDate today = LocalDate.parse("2026-02-09");
        assertThat(FIXED_12_15.of(item(ItemType.CREDIT_NOTE, "2026-01-10", "-200", "-200"), today)).isEqualTo(Penalty.NONE);
        assertThat(FIXED_12_15.of(item(ItemType.UNALLOCATED_PAYMENT, "2026-01-10", "-300", "-300"), today)).isEqualTo(Penalty.NONE);
        assertThat(FIXED_12_15.of(item(ItemType.INVOICE, "2026-01-10", "100", "0"), today)).isEqualTo(Penalty.NONE);
        OpenItem closed = new OpenItem(1, 1, ItemType.INVOICE, "N-2", LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-10"),
                new BigDecimal("100"), new BigDecimal("100"), "EUR", null, Instant.parse("2026-02-01T10:00:00Z"), 0,
                ItemQualification.NONE);
        assertThat(FIXED_12_15.of(closed, today)).isEqualTo(Penalty.NONE);
    }

    @Test
    void disabledPenaltiesAreZero() {
        PenaltyCalculator off = new PenaltyCalculator(
                new PenaltyTerms(false, PenaltyMode.FIXED, new BigDecimal("12.15"), new BigDecimal("40"), ECB));
        assertThat(off.of(item(ItemType.INVOICE, "2026-01-10", "1000", "1000"), LocalDate.parse("2026-02-09")))
                .isEqualTo(Penalty.NONE);
    }

    @Test
    void theStatutoryRateOfEachHalfYearAppliesToItsDays() {
        // 1 January 2025: 3.15 (since 2024-12-18) → 13.15; 1 July 2025: 2.15 (since 2025-06-11) → 12.15
        StatutoryCheck.assertRate(STATUTORY, "2025-03-01", "13.15");
        StatutoryCheck.assertRate(STATUTORY, "2025-09-30", "12.15");
        // a change during the half-year (2.90 from 2025-02-05) does not move the H1 2025 rate
        StatutoryCheck.assertRate(STATUTORY, "2025-06-30", "13.15");
        // due 2025-06-15, paid-by 2025-07-15: 15 days of June at 13.15 + 15 days of July at 12.15
        // 1000 × (13.15 × 15 + 12.15 × 15) / 36500 = 379500 / 36500 = 10.3972… → 10.40 (today's rate alone: 9.99)
        assertThat(STATUTORY.of(item(ItemType.INVOICE, "2025-06-15", "1000", "1000"), LocalDate.parse("2025-07-15")).penalty())
                .isEqualByComparingTo("10.40");
        // across a year end: 2024-12-17 → 2025-01-16, 14 days of H2 2024 (4.25 on 1 July → 14.25) + 16 days at 13.15
        // 2000 × (14.25 × 14 + 13.15 × 16) / 36500 = 2000 × 409.9 / 36500 = 22.4602… → 22.46
        assertThat(STATUTORY.of(item(ItemType.INVOICE, "2024-12-17", "2000", "2000"), LocalDate.parse("2025-01-16")).penalty())
                .isEqualByComparingTo("22.46");
    }

    @Test
    void beforeTheOldestRecordedRateTheOldestApplies() {
        StatutoryCheck.assertRate(STATUTORY, "2023-03-01", "14.50");
    }

    @Test
    void theAccountTotalIsTheSumOfTheRoundedLines() {
        LocalDate today = LocalDate.parse("2026-03-02");
        // two invoices 1 day late: 0.33 each (0.3328… rounded per line), a credit note, an invoice not yet due
        Penalty total = FIXED_12_15.total(List.of(
                item(ItemType.INVOICE, "2026-03-01", "1000", "1000"),
                item(ItemType.INVOICE, "2026-03-01", "1000", "1000"),
                item(ItemType.CREDIT_NOTE, "2026-01-01", "-500", "-500"),
                item(ItemType.INVOICE, "2026-04-01", "900", "900")), today);
        assertThat(total.penalty()).isEqualByComparingTo("0.66");
        assertThat(total.indemnity()).isEqualByComparingTo("80");
    }

    static final class StatutoryCheck {
        static void assertRate(PenaltyCalculator calculator, String day, String expected) {
            assertThat(calculator.terms().annualRatePercent(LocalDate.parse(day))).isEqualByComparingTo(expected);
        }
    }
}
