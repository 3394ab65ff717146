package org.opendso.portal;

/** A decision that came too late: the submission changed (decided by someone else) since the version seen (409). */
public class SubmissionDecided extends RuntimeException {

    private final transient Submission current;

    SubmissionDecided(Submission current) {
        super("This message was " + current.state().name().toLowerCase(java.util.Locale.ROOT) + " meanwhile"
                + (current.decidedBy() == null ? "" : " by " + current.decidedBy()), null, false, false);
        this.current = current;
    }

    public Submission current() {
        return current;
    }
}
