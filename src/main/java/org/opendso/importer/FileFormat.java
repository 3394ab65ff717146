package org.opendso.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a file is written: its encoding (UTF-8, with or without a byte-order mark, else Windows-1252) and its
 * field separator ({@code ;}, {@code ,} or TAB).
 * <p>
 * The encoding check reads the whole file once: a Windows-1252 "é" can sit on line 900 000 of a file whose
 * first megabyte is plain ASCII, and decoding it as UTF-8 would silently turn it into U+FFFD. The check is a
 * tight byte loop, a small cost next to parsing.
 */
record FileFormat(Charset charset, int bomLength, char delimiter) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final char[] DELIMITERS = {';', '\t', ','};

    static FileFormat sniff(Path file) throws IOException {
        int bom;
        Charset charset;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                    ? 3 : 0;
        }
        charset = bom > 0 || isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        return new FileFormat(charset, bom, delimiter(firstLines(file, charset, bom)));
    }

    /**
     * The separator occurring most often outside quotes in the header line; on a tie, the one that occurs as
     * often in the next line (a header "a;b,c" followed by "1;2,5" is split by ';').
     */
    static char delimiter(String[] lines) {
        if (lines.length == 0) {
            return ';';
        }
        int[] header = count(lines[0]);
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (header[d] > header[best]) {
                best = d;
            }
        }
        if (lines.length > 1) {
            int[] next = count(lines[1]);
            for (int d = 0; d < DELIMITERS.length; d++) {
                if (d != best && header[d] == header[best] && header[d] > 0
                        && next[d] == header[d] && next[best] != header[best]) {
                    best = d;
                }
            }
        }
        return DELIMITERS[best];
    }

    private static int[] count(String line) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        return counts;
    }

    /** The first two non-blank lines (a quoted newline in the header is rare enough to ignore here). */
    private static String[] firstLines(Path file, Charset charset, int bom) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(bom);
            String text = new String(in.readNBytes(64 * 1024), charset);
            return text.lines().filter(l -> !l.isBlank()).limit(2).toArray(String[]::new);
        }
    }

    /** True when every byte sequence of the file is well-formed UTF-8. */
    static boolean isUtf8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int pending = 0; // continuation bytes still expected
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i];
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            return false;
                        }
                        pending--;
                    } else if (b >= 0) {
                        continue; // ASCII: the common case
                    } else if ((b & 0xE0) == 0xC0) {
                        if ((b & 0xFF) < 0xC2) {
                            return false; // overlong
                        }
                        pending = 1;
                    } else if ((b & 0xF0) == 0xE0) {
                        pending = 2;
                    } else if ((b & 0xF8) == 0xF0 && (b & 0xFF) <= 0xF4) {
                        pending = 3;
                    } else {
                        return false;
                    }
                }
            }
            return pending == 0;
        }
    }
}
