package org.opendso.template;

/**
 * A hashtag that cannot be replaced: unknown (misspelt), out of place (a table in a subject) or without a value
 * yet. Names the hashtag, the part of the template (subject or body) and its position there: line and
 * column from 1, offset from 0 (in characters). With a suggestion when the hashtag looks like a known one.
 */
public class HashtagProblem extends IllegalArgumentException {

    private final String hashtag;
    private final String field;
    private final int line;
    private final int column;
    private final int offset;
    private final String suggestion;

    public HashtagProblem(String message, String hashtag, String field, int line, int column, int offset,
                          String suggestion) {
        super(message);
        this.hashtag = hashtag;
        this.field = field;
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.suggestion = suggestion;
    }

    /** As written, with its {@code #}. */
    public String hashtag() {
        return hashtag;
    }

    /** {@code subject} or {@code body}. */
    public String field() {
        return field;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int offset() {
        return offset;
    }

    /** The closest known hashtag (with its {@code #}), or null. */
    public String suggestion() {
        return suggestion;
    }
}
