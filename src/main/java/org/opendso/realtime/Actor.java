package org.opendso.realtime;

import org.opendso.security.Staff;

/** Who caused an event: a staff member, or the system (an import, the mail sender) with a display name. */
public record Actor(Long userId, String name) {

    public static Actor of(Staff staff) {
        return new Actor(staff.userId(), staff.name());
    }

    public static Actor system(String name) {
        return new Actor(null, name);
    }
}
