package org.opendso.agenda;

import java.time.LocalDate;

/**
 * Which waiting actions to list: of {@code user} (a login; null means the caller), due between {@code from} and
 * {@code to} (null: from the earliest late one, to today + 7), optionally of one kind or one customer account.
 */
public record AgendaQuery(String user, LocalDate from, LocalDate to, String kind, String account, int page, int size) {

    public static AgendaQuery mine() {
        return new AgendaQuery(null, null, null, null, null, 0, 50);
    }
}
