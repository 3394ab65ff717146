package org.opendso.agenda;

/** One recipient of an email action: the address and, when known, the person's name. */
public record EmailAddress(String email, String name) {
}
