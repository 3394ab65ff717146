package org.opendso.agenda;

/** Waiting actions due today, before today, and in the seven days after today. */
public record AgendaCounts(long today, long late, long next7Days) {
}
