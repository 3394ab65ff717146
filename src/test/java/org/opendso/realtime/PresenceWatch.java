package org.opendso.realtime;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Keeps watching an account's viewers (as an open sheet does) and remembers the latest list. */
final class PresenceWatch implements AutoCloseable {

    private final AtomicReference<List<Viewer>> latest = new AtomicReference<>();
    private final Disposable subscription;

    PresenceWatch(Flux<List<Viewer>> viewers) {
        subscription = viewers.subscribe(latest::set);
    }

    List<Viewer> latest() {
        return latest.get();
    }

    boolean shows(PresenceSession session) {
        List<Viewer> viewers = latest.get();
        return viewers != null && PresenceTesting.Viewers.shows(viewers, session);
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
