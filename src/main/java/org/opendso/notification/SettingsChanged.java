package org.opendso.notification;

import org.springframework.dao.OptimisticLockingFailureException;

/** The settings were saved by another session since the version the caller read: here they are. */
public class SettingsChanged extends OptimisticLockingFailureException {

    private final transient NotificationSettings current;

    public SettingsChanged(NotificationSettings current) {
        super("Your notification settings were changed meanwhile (version " + current.version() + ")");
        this.current = current;
    }

    public NotificationSettings current() {
        return current;
    }
}
