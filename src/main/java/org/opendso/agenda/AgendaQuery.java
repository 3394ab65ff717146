package org.opendso.agenda;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Which waiting actions to list: of {@code user} (a login; null means the caller), due between {@code from} and
 * {@code to} (null: from the earliest late one, to today + 7), optionally of one kind, one customer account, one
 * scenario (by name, any case) and accounts owing at least {@code minAmount} overdue.
 */
public record AgendaQuery(String user, LocalDate from, LocalDate to, String kind, String account, String scenario,
                          BigDecimal minAmount, int page, int size) {

    public AgendaQuery(String user, LocalDate from, LocalDate to, String kind, String account, int page, int size) {
        this(user, from, to, kind, account, null, null, page, size);
    }

    public static AgendaQuery mine() {
        return new AgendaQuery(null, null, null, null, null, 0, 50);
    }
}
