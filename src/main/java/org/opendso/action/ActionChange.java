package org.opendso.action;

import java.time.LocalDate;

/**
 * An edit of an open action: a null value keeps what is there. {@code version} is the one the caller read (null:
 * no check); a different one is a conflict answered with the current state.
 */
public record ActionChange(Long version, LocalDate dueDate, String resolver, String note) {
}
