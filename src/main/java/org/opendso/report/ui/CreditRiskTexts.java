package org.opendso.report.ui;

import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.opendso.report.CreditRiskRule;

/** The grade rule written out for the page and the customer sheet, from the thresholds the SQL uses. */
final class CreditRiskTexts {

    private CreditRiskTexts() {
    }

    static String rule(Component c) {
        return c.getTranslation("credit.rule",
                scale(CreditRiskRule.UTILISATION), scale(CreditRiskRule.OVERDUE_SHARE), scale(CreditRiskRule.DAYS_LATE),
                CreditRiskRule.WORSENING_DAYS, CreditRiskRule.WORSENING_POINTS,
                CreditRiskRule.GRADE_FROM.get(0) - 1, CreditRiskRule.GRADE_FROM.get(0),
                CreditRiskRule.GRADE_FROM.get(1) - 1, CreditRiskRule.GRADE_FROM.get(1),
                CreditRiskRule.GRADE_FROM.get(2) - 1, CreditRiskRule.GRADE_FROM.get(2),
                CreditRiskRule.GRADE_FROM.get(3) - 1, CreditRiskRule.GRADE_FROM.get(3));
    }

    /** "≥ 100 → 3, ≥ 80 → 2, ≥ 50 → 1" */
    private static String scale(CreditRiskRule.Scale s) {
        return IntStream.range(0, s.thresholds().size())
                .mapToObj(i -> "≥ " + s.thresholds().get(i) + " → " + s.points().get(i))
                .collect(Collectors.joining(", "));
    }

    static String percent(BigDecimal value) {
        return value == null ? "–" : value.stripTrailingZeros().toPlainString() + " %";
    }

    static String days(Component c, BigDecimal value) {
        return value == null ? "–" : c.getTranslation("credit.days", value.stripTrailingZeros().toPlainString());
    }

    static String tone(String grade) {
        return switch (grade) {
            case "A", "B" -> "success";
            case "C" -> "warning";
            default -> "error";
        };
    }
}
