package org.opendso.realtime;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The viewers of one account as this instance knows them, kept only while someone here watches the account.
 * Fed by the bus (bus thread), by local sessions (request threads) and by the sweep (timer thread): every change
 * happens under the object's lock, which also serialises emission into the sink.
 */
final class WatchedAccount {

    private static final Comparator<Viewer> BY_NAME = Comparator.comparing(Viewer::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Viewer::session);

    private record Entry(Viewer viewer, long version, long expiresAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** Sessions that said they left, remembered a while so a heartbeat overtaken by its "left" does not revive them. */
    private final Map<String, Long> gone = new HashMap<>();
    /** Replays the latest list to each new subscriber, then every change. */
    private final Sinks.Many<List<Viewer>> lists = Sinks.many().replay().latest();
    private final long tombstoneMillis;
    private List<Viewer> current = List.of();
    final AtomicInteger subscribers = new AtomicInteger();

    WatchedAccount(long tombstoneMillis) {
        this.tombstoneMillis = tombstoneMillis;
        lists.tryEmitNext(current);
    }

    Flux<List<Viewer>> lists() {
        return lists.asFlux();
    }

    synchronized void here(PresenceSignal signal, long now, long ttlMillis) {
        if (gone.containsKey(signal.s())) {
            return;
        }
        Entry known = entries.get(signal.s());
        if (known != null && known.version() > signal.v()) {
            return;
        }
        Viewer viewer = new Viewer(signal.s(), signal.u(), signal.n() == null ? "" : signal.n(), List.copyOf(signal.qualifying()));
        entries.put(signal.s(), new Entry(viewer, signal.v(), now + ttlMillis));
        publish();
    }

    synchronized void left(String session, long now) {
        gone.put(session, now + tombstoneMillis);
        if (entries.remove(session) != null) {
            publish();
        }
    }

    /** Drops the sessions whose heartbeat stopped (tab closed without a goodbye, instance gone). */
    synchronized void sweep(long now) {
        gone.values().removeIf(until -> until < now);
        if (entries.values().removeIf(e -> e.expiresAt() < now)) {
            publish();
        }
    }

    synchronized List<Viewer> current() {
        return current;
    }

    private void publish() {
        List<Viewer> viewers = entries.values().stream().map(Entry::viewer).sorted(BY_NAME).toList();
        if (!viewers.equals(current)) {
            current = viewers;
            lists.tryEmitNext(viewers);
        }
    }
}
