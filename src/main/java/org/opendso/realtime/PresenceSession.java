package org.opendso.realtime;

import java.util.List;

/** One user's presence on one account (one browser tab); close it when the view detaches. */
public interface PresenceSession extends AutoCloseable {

    /** This session as it appears in {@link Viewer#session()}, so a view can leave itself out of the viewers. */
    String id();

    /** Tells the others which items this user is qualifying (empty: back to viewing). */
    void qualifying(List<String> itemNumbers);

    /** Leaves the account at once. */
    @Override
    void close();
}
