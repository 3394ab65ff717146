package org.opendso.report;

import java.util.List;

/** A page of the credit risk list with the summary of all the accounts and how many the list holds. */
public record CreditRiskPage(CreditRiskSummary summary, long total, List<CreditRiskLine> lines) {
}
