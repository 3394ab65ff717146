package org.opendso.report;

import java.math.BigDecimal;
import java.util.List;

/** Credit risk lines as CSV. */
public final class CreditRiskCsv {

    private CreditRiskCsv() {
    }

    public static String of(List<CreditRiskLine> lines) {
        return CashReceiptsCsv.write(new String[] {"account", "name", "currency", "exposure", "overdue",
                "credit_limit", "utilisation_pct", "overdue_share_pct", "days_late_12m", "days_late_3m", "trend_days",
                "over_limit", "worsening", "points", "grade"}, csv -> {
                    for (CreditRiskLine l : lines) {
                        csv.printRecord(l.account(), l.name(), l.currency(), CashReceiptsCsv.plain(l.exposure()),
                                CashReceiptsCsv.plain(l.overdue()), CashReceiptsCsv.plain(l.creditLimit()),
                                text(l.utilisation()), text(l.overdueShare()), text(l.daysLate12()),
                                text(l.daysLate3()), text(l.trend()), l.overLimit(), l.worsening(), l.points(),
                                l.grade());
                    }
                });
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
