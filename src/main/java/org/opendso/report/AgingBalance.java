package org.opendso.report;

import java.util.List;

/** The aging balance of the accounts of a filter in one currency: the total, and the accounts by balance. */
public record AgingBalance(String currency, AgingFigures total, long accounts, List<CustomerAging> customers) {
}
