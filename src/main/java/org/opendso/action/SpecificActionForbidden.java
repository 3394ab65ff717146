package org.opendso.action;

import org.springframework.security.access.AccessDeniedException;

/** The caller sees the action but may not close or change it (decision 0017: resolver, creator, admin, assigned staff). */
public class SpecificActionForbidden extends AccessDeniedException {

    public SpecificActionForbidden(String message) {
        super(message);
    }
}
