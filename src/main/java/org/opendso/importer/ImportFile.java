package org.opendso.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file opened for one pass: its format sniffed, its header resolved, its data records read one at a
 * time (never the whole file in memory). Empty lines are read as records (not skipped by the parser) so that
 * each record's physical line number is the previous record's last line + 1, quoted newlines included: the
 * line numbers in a report are the ones an editor shows.
 */
final class ImportFile implements AutoCloseable {

    private final FileFormat format;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final HeaderMap header;
    private final long size;
    private long previousEnd;
    private long line;

    private ImportFile(Path file, ImportKind kind, Map<String, String> mapping) throws IOException {
        this.format = FileFormat.sniff(file);
        this.size = Math.max(1, Files.size(file));
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.skipNBytes(format.bomLength());
            CSVFormat csv = CSVFormat.Builder.create()
                    .setDelimiter(format.delimiter())
                    .setQuote('"')
                    .setIgnoreEmptyLines(false)
                    .setTrim(true)
                    .setTrailingData(true)
                    .get();
            this.parser = csv.parse(new InputStreamReader(in, format.charset()));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.records = parser.iterator();
        CSVRecord first = nextNonBlank();
        if (first == null) {
            close();
            throw new FileProblem("the file is empty: expected a header line naming the columns");
        }
        try {
            this.header = HeaderMap.resolve(kind, first.toList(), mapping);
        } catch (FileProblem e) {
            close();
            throw e;
        }
    }

    static ImportFile open(Path file, ImportKind kind, Map<String, String> mapping) {
        try {
            return new ImportFile(file, kind, mapping);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FileFormat format() {
        return format;
    }

    HeaderMap header() {
        return header;
    }

    /** The physical line on which the record last returned by {@link #next()} starts. */
    long line() {
        return line;
    }

    /** Share of the file read so far (characters vs bytes: close enough for a progress bar). */
    double fraction(CSVRecord record) {
        return Math.min(1.0, (double) record.getCharacterPosition() / size);
    }

    /** The next non-blank data record, or null at the end of the file. */
    CSVRecord next() {
        return nextNonBlank();
    }

    private CSVRecord nextNonBlank() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                if (!isBlank(record)) {
                    return record;
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports an unterminated quote or a stray character as an IOException
            String reason = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            reason = reason.replaceFirst("^\\(startline \\d+\\) ", "");
            throw new FileProblem(("line %d: the file cannot be read as CSV from there, a quoted value may be "
                    + "missing its closing quote (%s)").formatted(previousEnd + 1, reason));
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (int i = 0; i < record.size(); i++) {
            if (!record.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
