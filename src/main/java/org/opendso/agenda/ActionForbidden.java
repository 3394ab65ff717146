package org.opendso.agenda;

/** The caller's role does not allow this (another user's agenda, reassigning someone else's action). */
public class ActionForbidden extends RuntimeException {

    public ActionForbidden(String message) {
        super(message);
    }
}
