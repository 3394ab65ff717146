package org.opendso.agenda;

import org.springframework.security.access.AccessDeniedException;

/** The caller's role does not allow this (another user's agenda, reassigning someone else's action). */
public class ActionForbidden extends AccessDeniedException {

    public ActionForbidden(String message) {
        super(message);
    }
}
