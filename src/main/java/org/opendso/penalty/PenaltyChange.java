package org.opendso.penalty;

import java.math.BigDecimal;

/** A change of the penalty settings; a null part keeps its current value, a null version skips the check. */
public record PenaltyChange(Boolean enabled, PenaltyMode mode, BigDecimal fixedRatePercent, BigDecimal fixedIndemnity,
                            Long version) {
}
