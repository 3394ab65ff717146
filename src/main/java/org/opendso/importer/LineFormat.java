package org.opendso.importer;

import org.apache.commons.csv.CSVRecord;

/**
 * Turns one CSV record of a kind into one row of the kind's staging table (COPY text), checking every value
 * on the way. Implementations keep no per-line objects beyond the strings the parser already made.
 */
interface LineFormat {

    /**
     * Appends the staging row (ending with a newline) and returns null, or returns why the line is bad,
     * leaving {@code out} as it found it or with a row marked bad (items: kept so that a snapshot does not
     * close the item a rejected line was about).
     */
    String append(CSVRecord record, long line, StringBuilder out);

    /** A 64-bit hash of the key of the line last appended, to spot possible duplicates without a SQL pass. */
    long key();

    /** A field's value, "" when the file has no such column or the line stops short. */
    static String value(CSVRecord record, int field) {
        return field < 0 || field >= record.size() ? "" : record.get(field);
    }

    /** Extra non-empty fields beyond the header mean an unquoted separator shifted the values. */
    static String width(CSVRecord record, HeaderMap header) {
        for (int i = header.width(); i < record.size(); i++) {
            if (!record.get(i).isEmpty()) {
                return "the line has %d fields but the header has %d (a separator inside an unquoted value?)"
                        .formatted(record.size(), header.width());
            }
        }
        return null;
    }

    /** FNV-1a over the characters, folding case when asked; the separator keeps ("ab","c") apart from ("a","bc"). */
    static long hash(long h, String s, boolean foldCase) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (foldCase) {
                c = Character.toLowerCase(c);
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= 0x1F;
        return h * 0x100000001b3L;
    }

    long SEED = 0xcbf29ce484222325L;
}
