package org.opendso.realtime;

import java.util.List;

/** One user's presence on one account (one browser tab); close it when the view detaches. */
public interface PresenceSession extends AutoCloseable {

    /** Tells the others which items this user is qualifying (empty: back to viewing). */
    void qualifying(List<String> itemNumbers);

    /** Leaves the account at once. */
    @Override
    void close();
}
