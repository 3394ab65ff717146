package org.opendso.realtime;

/** Narrows an account's history; null fields do not filter. */
public record HistoryFilter(EventType type, Long actorId, String itemNumber) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null);
}
