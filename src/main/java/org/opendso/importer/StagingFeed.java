package org.opendso.importer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.apache.commons.csv.CSVRecord;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the file record by record and hands COPY data to the database in chunks of about 64 KB, so memory
 * stays flat whatever the file size; bad lines go to {@link Rejections} on the way. Pulled by the COPY
 * (back-pressure), on a bounded-elastic thread since reading the file blocks.
 */
final class StagingFeed {

    private static final int CHUNK = 60 * 1024;
    private static final int PROGRESS_EVERY = 8192;

    private final ImportFile file;
    private final LineFormat format;
    private final ImportProgress progress;
    private final Rejections rejections = new Rejections();
    private final KeyHashes keys = new KeyHashes();
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long lines;
    private boolean duplicatesSuspected;
    private volatile RuntimeException failure;

    StagingFeed(ImportFile file, LineFormat format, ImportProgress progress) {
        this.file = file;
        this.format = format;
        this.progress = progress;
    }

    /** The COPY data: one buffer per chunk, each becoming one CopyData message. */
    Flux<ByteBuf> chunks() {
        return Flux.<ByteBuf>generate(sink -> {
            try {
                ByteBuf chunk = next();
                if (chunk == null) {
                    sink.complete();
                } else {
                    sink.next(chunk);
                }
            } catch (RuntimeException e) {
                failure = e;
                sink.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The next chunk, or null when the file is read. */
    ByteBuf next() {
        buffer.setLength(0);
        CSVRecord record;
        while (buffer.length() < CHUNK && (record = file.next()) != null) {
            lines++;
            long line = file.line();
            String reason = format.append(record, line, buffer);
            if (reason != null) {
                rejections.add(line, reason);
            } else if (!keys.add(format.key())) {
                duplicatesSuspected = true;
            }
            if (lines % PROGRESS_EVERY == 0) {
                progress.update(ImportPhase.READING, lines, file.fraction(record));
            }
        }
        if (buffer.isEmpty()) {
            progress.update(ImportPhase.READING, lines, 1.0);
            return null;
        }
        ByteBuf chunk = Unpooled.buffer(ByteBufUtil.utf8MaxBytes(buffer));
        ByteBufUtil.writeUtf8(chunk, buffer);
        return chunk;
    }

    long lines() {
        return lines;
    }

    Rejections rejections() {
        return rejections;
    }

    boolean duplicatesSuspected() {
        return duplicatesSuspected;
    }

    /** What broke the reading (e.g. a malformed quote), if anything: COPY would only say "COPY failed". */
    RuntimeException failure() {
        return failure;
    }
}
