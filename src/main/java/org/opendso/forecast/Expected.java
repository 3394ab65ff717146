package org.opendso.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money expected on one day, summed over the accounts of a forecast; at risk when disputed or in litigation. */
record Expected(LocalDate on, boolean atRisk, BigDecimal amount) {
}
