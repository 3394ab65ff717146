package org.opendso.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.web.ApiProblem;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The import API: {@code POST /api/v1/imports/{customers|contacts|items}} with a CSV body ({@code text/csv})
 * or a multipart {@code file} part, {@code ?mode=snapshot|upsert}, {@code ?partial=true}; the list and
 * details of runs; the saved column mapping. The body is spooled to a temporary file as it arrives and parsed
 * on a worker thread, so a large file never sits in memory.
 */
@Configuration
class ImportApi {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);

    private final ImportService imports;
    private final ImportRuns runs;
    private final ColumnMappings mappings;

    ImportApi(ImportService imports, ImportRuns runs, ColumnMappings mappings) {
        this.imports = imports;
        this.runs = runs;
        this.mappings = mappings;
    }

    @Bean
    RouterFunction<ServerResponse> importRoutes() {
        return RouterFunctions.route()
                .POST("/v1/imports/{kind}", this::post)
                .GET("/v1/imports", this::list)
                .GET("/v1/imports/{id}", this::one)
                .GET("/v1/import-mappings/{kind}", this::mapping)
                .PUT("/v1/import-mappings/{kind}", this::saveMapping)
                .build();
    }

    /** The JSON of a finished import. */
    record ReportJson(long importRunId, String kind, String state, long lines, long created, long updated,
                      long unchanged, long closed, long accountsCreated, List<RejectedLine> rejected,
                      long rejectedCount, String message) {

        static ReportJson of(ImportReport r) {
            return new ReportJson(r.importRunId(), r.kind().path(), r.state().name(), r.lines(), r.created(),
                    r.updated(), r.unchanged(), r.closed(), r.accountsCreated(), r.rejected(), r.rejectedCount(),
                    r.message());
        }
    }

    record RunJson(long id, String kind, String source, String mode, String fileName, String user,
                   String state, String startedAt, String finishedAt, long lines, long created, long updated,
                   long unchanged, long closed, long rejected, String message) {

        static RunJson of(ImportRun r) {
            return new RunJson(r.id(), r.kind().path(), r.source().name(), r.mode().name(), r.fileName(),
                    r.userLogin(), r.state().name(), String.valueOf(r.startedAt()),
                    r.finishedAt() == null ? null : r.finishedAt().toString(), r.lines(), r.created(),
                    r.updated(), r.unchanged(), r.closed(), r.rejected(), r.message());
        }
    }

    record RunDetailsJson(RunJson run, List<RejectedLine> errors) {
    }

    record Page<T>(List<T> content, int page, int size, long total) {
    }

    private record Upload(Path path, String fileName) {
    }

    private Mono<ServerResponse> post(ServerRequest request) {
        ImportKind kind = kind(request);
        ImportMode mode = request.queryParam("mode").map(ImportApi::mode).orElse(kind.defaultMode());
        boolean partial = request.queryParam("partial").map(ImportApi::bool).orElse(false);
        return staff().flatMap(staff -> {
            if (staff.role() == Role.SALES_MANAGER) {
                return Mono.error(ApiProblem.forbidden("Only administrators and collectors import files"));
            }
            return Mono.usingWhen(spool(request),
                    upload -> imports.run(staff, new ImportRequest(kind, mode, partial, ImportSource.API,
                            upload.fileName()), upload.path(), ImportProgress.NONE),
                    upload -> delete(upload.path()));
        }).flatMap(ImportApi::respond);
    }

    private static Mono<ServerResponse> respond(ImportReport report) {
        return switch (report.state()) {
            case SUCCEEDED -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(ReportJson.of(report));
            case REJECTED -> Mono.error(new ApiProblem(UNPROCESSABLE, "Import rejected", report.message())
                    .with("importRunId", report.importRunId())
                    .with("lines", report.lines())
                    .with("rejected", report.rejected())
                    .with("rejectedCount", report.rejectedCount()));
            case FAILED, RUNNING -> Mono.error(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "Import failed",
                    report.message()).with("importRunId", report.importRunId()));
        };
    }

    private Mono<ServerResponse> list(ServerRequest request) {
        int page = QueryParams.integer(request, "page", 0, 0, 1_000_000);
        int size = QueryParams.integer(request, "size", 20, 1, 200);
        return staff().flatMap(staff -> Mono.zip(
                        runs.recent(staff, page, size).map(RunJson::of).collectList(),
                        runs.count(staff)))
                .onErrorMap(AccessDeniedException.class, e -> ApiProblem.forbidden(e.getMessage()))
                .flatMap(t -> ServerResponse.ok().bodyValue(new Page<>(t.getT1(), page, size, t.getT2())));
    }

    private Mono<ServerResponse> one(ServerRequest request) {
        String raw = request.pathVariable("id");
        long id;
        try {
            id = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return Mono.error(ApiProblem.notFound("No import run '" + raw + "'"));
        }
        return staff().flatMap(staff -> runs.find(staff, id))
                .onErrorMap(AccessDeniedException.class, e -> ApiProblem.forbidden(e.getMessage()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No import run " + id)))
                .flatMap(d -> ServerResponse.ok().bodyValue(new RunDetailsJson(RunJson.of(d.run()), d.errors())));
    }

    private Mono<ServerResponse> mapping(ServerRequest request) {
        ImportKind kind = kind(request);
        return staff().flatMap(staff -> mappings.read(staff, kind))
                .flatMap(m -> ServerResponse.ok().bodyValue(Map.of(
                        "kind", kind.path(), "mapping", m, "columns", ColumnMappings.columns(kind),
                        "required", ColumnMappings.requiredColumns(kind))));
    }

    private Mono<ServerResponse> saveMapping(ServerRequest request) {
        ImportKind kind = kind(request);
        return staff().flatMap(staff -> request.bodyToMono(new ParameterizedTypeReference<Map<String, String>>() { })
                        .defaultIfEmpty(Map.of())
                        .flatMap(m -> mappings.save(staff, kind, m).then(mappings.read(staff, kind))))
                .onErrorMap(AccessDeniedException.class, e -> ApiProblem.forbidden(e.getMessage()))
                .onErrorMap(IllegalArgumentException.class, e -> new ApiProblem(HttpStatus.BAD_REQUEST,
                        "Invalid request", e.getMessage()))
                .flatMap(m -> ServerResponse.ok().bodyValue(Map.of("kind", kind.path(), "mapping", m)));
    }

    /** The request body (raw CSV, or the multipart part named "file") written to a temporary file. */
    private static Mono<Upload> spool(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM);
        return Mono.fromCallable(() -> Files.createTempFile("opendso-import-", ".csv"))
                .flatMap(path -> {
                    Mono<Upload> written = MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)
                            ? multipart(request, path)
                            : writeTo(request.bodyToFlux(DataBuffer.class), path)
                                    .then(Mono.fromSupplier(() -> new Upload(path, fileName(request))));
                    return written.onErrorResume(e -> delete(path).then(Mono.error(e)));
                });
    }

    private static Mono<Upload> multipart(ServerRequest request, Path path) {
        AtomicReference<String> name = new AtomicReference<>();
        return request.bodyToFlux(PartEvent.class)
                .windowUntil(PartEvent::isLast)
                .concatMap(events -> events.switchOnFirst((first, all) -> {
                    if (first.get() instanceof FilePartEvent file && "file".equals(file.name()) && name.get() == null) {
                        name.set(file.filename());
                        return writeTo(all.map(PartEvent::content), path);
                    }
                    return all.doOnNext(e -> DataBufferUtils.release(e.content())).then();
                }))
                .then(Mono.defer(() -> name.get() == null
                        ? Mono.error(ApiProblem.badField("file", "The multipart body has no file part named 'file'"))
                        : Mono.just(new Upload(path, name.get()))));
    }

    /**
     * Writes each chunk of the body to the file as it arrives, on the thread that delivers it, through a plain
     * FileChannel (a write to the page cache takes microseconds). Two things stall or break the servlet-mounted
     * body here: {@code DataBufferUtils.write(body, path)}, whose AsynchronousFileChannel completes on the JDK's
     * innocuous threads (Tomcat then fails with {@code SecurityException: setContextClassLoader}), and a
     * {@code publishOn} hop, which asks Tomcat for more body from a foreign thread and, now and then, leaves
     * the rest of a large upload unread. Consuming synchronously keeps the demand on Tomcat's read callbacks.
     */
    private static Mono<Void> writeTo(Flux<DataBuffer> body, Path path) {
        return Mono.using(() -> FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                channel -> DataBufferUtils.write(body, channel).map(DataBufferUtils::release).then(),
                channel -> {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static String fileName(ServerRequest request) {
        List<String> disposition = request.headers().header("Content-Disposition");
        if (!disposition.isEmpty()) {
            String name = ContentDisposition.parse(disposition.getFirst()).getFilename();
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return request.queryParam("fileName").orElse(null);
    }

    private static Mono<Void> delete(Path path) {
        return Mono.fromRunnable(() -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static Mono<Staff> staff() {
        return CurrentStaff.reactive().switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.UNAUTHORIZED,
                "Unauthorized", "Authentication required")));
    }

    private static ImportKind kind(ServerRequest request) {
        String raw = request.pathVariable("kind");
        return ImportKind.fromPath(raw).orElseThrow(() -> ApiProblem.notFound(
                "No import of '%s': use customers, contacts or items".formatted(raw)));
    }

    private static ImportMode mode(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "snapshot" -> ImportMode.SNAPSHOT;
            case "upsert" -> ImportMode.UPSERT;
            default -> throw ApiProblem.badField("mode", "mode must be snapshot or upsert, not '" + raw + "'");
        };
    }

    private static boolean bool(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiProblem.badField("partial", "partial must be true or false, not '" + raw + "'");
        };
    }
}
