package org.opendso.report;

import java.math.BigDecimal;
import java.util.Map;

/** The credit risk of a set of accounts in one currency: how many, how much, over limit, worsening, per grade. */
public record CreditRiskSummary(String currency, long customers, BigDecimal exposure, long overLimit, long worsening,
                                Map<String, Long> byGrade) {
}
