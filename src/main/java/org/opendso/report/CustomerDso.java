package org.opendso.report;

import java.math.BigDecimal;

/** One account's DSO today: its receivables, its sales of the current month so far, countback and simple DSO. */
public record CustomerDso(String account, String name, BigDecimal receivables, BigDecimal current,
                          BigDecimal monthSales, BigDecimal countback, BigDecimal simple) {
}
