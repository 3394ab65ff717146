package org.opendso.realtime.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.opendso.realtime.AccountEvent;

/**
 * Server-sent event frames as bytes. The frames of account streams are kept in a small ring, keyed by event, so
 * that the subscribers of one account, who all receive the same event within milliseconds, share one copy.
 * Event JSON never holds a raw line break (JSON escapes it), so each frame has one {@code data:} line.
 */
final class SseFrames {

    static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private static final int SIZE = 1024;

    private record Frame(long eventId, byte[] bytes) {
    }

    private final AtomicReferenceArray<Frame> ring = new AtomicReferenceArray<>(SIZE);

    /** The account-stream frame of the event ({@code id:} = seq), serialised once. */
    byte[] of(AccountEvent event) {
        int slot = (int) Math.floorMod(event.id(), (long) SIZE);
        Frame frame = ring.get(slot);
        if (frame == null || frame.eventId() != event.id()) {
            frame = new Frame(event.id(), frame(String.valueOf(event.seq()), event));
            ring.set(slot, frame);
        }
        return frame.bytes();
    }

    static byte[] frame(String id, AccountEvent event) {
        return ("id:" + id + "\nevent:" + event.type().name() + "\ndata:" + event.json() + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] opening(Duration retry) {
        return (": streaming\nretry:" + retry.toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
