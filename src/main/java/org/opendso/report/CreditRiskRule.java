package org.opendso.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * The risk grade, on purpose simple enough to be read on the page: points for utilisation of the credit limit,
 * overdue share of the balance, average days late over 12 months, and a worsening trend; the sum gives A to E.
 * The thresholds are here once: the SQL, the page and the decision (0022) all read them.
 */
public final class CreditRiskRule {

    /** Points from a figure: {@code points[i]} when the figure is at least {@code thresholds[i]}, highest first. */
    public record Scale(String figure, List<BigDecimal> thresholds, List<Integer> points) {
    }

    /** Utilisation of the credit limit, percent (no limit: 0 points; a zero limit with a balance is over it). */
    public static final Scale UTILISATION = scale("utilisation", new int[] {100, 80, 50}, new int[] {3, 2, 1});
    /** Overdue share of the balance, percent. */
    public static final Scale OVERDUE_SHARE = scale("overdueShare", new int[] {50, 25, 10}, new int[] {3, 2, 1});
    /** Amount-weighted average days late of the payments of the last 12 months (this one and the 11 before). */
    public static final Scale DAYS_LATE = scale("daysLate", new int[] {30, 15, 5}, new int[] {3, 2, 1});
    /** Worsening: the last 3 months' average days late exceeds the 12 months' by this many days or more. */
    public static final int WORSENING_DAYS = 5;
    public static final int WORSENING_POINTS = 2;
    /** Lowest points of grades B, C, D and E (below the first: A). */
    public static final List<Integer> GRADE_FROM = List.of(2, 4, 6, 8);
    public static final List<String> GRADES = List.of("A", "B", "C", "D", "E");

    private CreditRiskRule() {
    }

    private static Scale scale(String figure, int[] thresholds, int[] points) {
        return new Scale(figure, java.util.Arrays.stream(thresholds).mapToObj(BigDecimal::valueOf).toList(),
                java.util.Arrays.stream(points).boxed().toList());
    }

    /** The points of a scale as a SQL expression of {@code figure} (null figure: 0). */
    static String sql(Scale scale, String figure) {
        StringBuilder out = new StringBuilder("(case");
        for (int i = 0; i < scale.thresholds().size(); i++) {
            out.append(" when ").append(figure).append(" >= ").append(scale.thresholds().get(i))
                    .append(" then ").append(scale.points().get(i));
        }
        return out.append(" else 0 end)").toString();
    }

    /** The grade of a number of points as a SQL expression. */
    static String gradeSql(String points) {
        StringBuilder out = new StringBuilder("(case");
        for (int i = GRADE_FROM.size() - 1; i >= 0; i--) {
            out.append(" when ").append(points).append(" >= ").append(GRADE_FROM.get(i))
                    .append(" then '").append(GRADES.get(i + 1)).append("'");
        }
        return out.append(" else 'A' end)").toString();
    }
}
