package org.opendso.penalty;

import java.math.BigDecimal;

/** What an item owes for being late: interest-like penalty and fixed recovery indemnity, both rounded to cents. */
public record Penalty(BigDecimal penalty, BigDecimal indemnity) {

    public static final Penalty NONE = new Penalty(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    public Penalty plus(Penalty other) {
        return new Penalty(penalty.add(other.penalty), indemnity.add(other.indemnity));
    }

    public boolean isNone() {
        return penalty.signum() == 0 && indemnity.signum() == 0;
    }
}
