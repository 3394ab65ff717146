package org.opendso.realtime;

import java.util.List;

/**
 * Someone looking at a customer account right now. {@code qualifying} lists the item numbers they have open in
 * the qualification dialog (empty while they only view). {@code session} tells two tabs of one user apart.
 */
public record Viewer(String session, long userId, String name, List<String> qualifying) {

    public boolean isQualifying() {
        return !qualifying.isEmpty();
    }
}
