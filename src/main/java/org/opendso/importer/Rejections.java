package org.opendso.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad lines of a run. Lists at most {@link ImportReport#MAX_LISTED} of them (a file where every one of a
 * million lines has the wrong date format should not take the heap with it) but counts them all.
 */
final class Rejections {

    private final List<RejectedLine> listed = new ArrayList<>();
    private long count;

    void add(long line, String reason) {
        count++;
        if (listed.size() < ImportReport.MAX_LISTED) {
            listed.add(new RejectedLine(line, reason));
        }
    }

    void addAll(List<RejectedLine> lines) {
        lines.forEach(l -> add(l.line(), l.reason()));
    }

    long count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<RejectedLine> sorted() {
        List<RejectedLine> copy = new ArrayList<>(listed);
        copy.sort(Comparator.comparingLong(RejectedLine::line));
        return copy;
    }
}
