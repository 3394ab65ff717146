package org.opendso.importer;

/** Bad lines and no partial import: the transaction is rolled back and the run recorded as REJECTED. */
final class RejectedFile extends RuntimeException {

    private final transient Rejections rejections;
    private final long lines;

    RejectedFile(Rejections rejections, long lines) {
        super(rejections.count() + " bad lines", null, false, false);
        this.rejections = rejections;
        this.lines = lines;
    }

    Rejections rejections() {
        return rejections;
    }

    long lines() {
        return lines;
    }
}
