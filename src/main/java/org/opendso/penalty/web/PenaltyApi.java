package org.opendso.penalty.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.penalty.EcbRate;
import org.opendso.penalty.InvalidPenaltySettings;
import org.opendso.penalty.UnknownEcbRate;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.PenaltyChange;
import org.opendso.penalty.PenaltyMode;
import org.opendso.penalty.PenaltySettings;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.security.CurrentStaff;
import org.opendso.web.ApiProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/settings/penalties}: everyone of the company reads the penalty settings, administrators change them;
 * {@code .../ecb-rates}: the ECB rates the statutory rate uses, administrators record and delete the company's own.
 */
@Configuration
class PenaltyApi {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.valueOf(422);
    private static final java.util.Set<String> ECB_FIELDS = java.util.Set.of("date", "ratePercent");

    private final Penalties penalties;

    PenaltyApi(Penalties penalties) {
        this.penalties = penalties;
    }

    @Bean
    RouterFunction<ServerResponse> penaltyRoutes() {
        return RouterFunctions.route()
                .GET("/v1/settings/penalties", this::read)
                .PUT("/v1/settings/penalties", this::update)
                .GET("/v1/settings/penalties/ecb-rates", this::ecbRates)
                .PUT("/v1/settings/penalties/ecb-rates/{date}", this::recordEcbRate)
                .DELETE("/v1/settings/penalties/ecb-rates/{date}", this::deleteEcbRate)
                .build();
    }

    /** The PUT body; parts left out keep their value. */
    record PenaltyBody(BigDecimal annualRatePercent, BigDecimal fixedIndemnity, Boolean enabled, String mode, Long version) {
    }

    /** The PUT body of an ECB rate. */
    record EcbRateBody(BigDecimal ratePercent) {
    }

    /** Everyone of the company: the rates its statutory penalty uses, and the statutory rate they give today. */
    private Mono<ServerResponse> ecbRates(ServerRequest request) {
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> penalties.settings(staff.tenantId())
                .zipWith(penalties.ecbRates(staff.tenantId()).map(PenaltyApi::json).collectList()))
                .flatMap(t -> {
                    PenaltyTerms terms = t.getT1().terms();
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("rates", t.getT2());
                    json.put("ecbRateDate", terms.ecbReference(today).getKey());
                    json.put("ecbRatePercent", terms.ecbReference(today).getValue());
                    json.put("statutoryRatePercent", terms.statutoryRatePercent(today));
                    return ServerResponse.ok().bodyValue(json);
                });
    }

    private Mono<ServerResponse> recordEcbRate(ServerRequest request) {
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> requireAdmin(staff)
                .then(Mono.fromCallable(() -> date(request)))
                .flatMap(date -> request.bodyToMono(EcbRateBody.class)
                        .onErrorMap(e -> !(e instanceof ApiProblem), e -> unprocessable("ratePercent",
                                "The body is {\"ratePercent\": 2.15}"))
                        .switchIfEmpty(Mono.error(() -> unprocessable("ratePercent", "The request has no body")))
                        .flatMap(body -> penalties.recordEcbRate(staff, date, body.ratePercent(), today))))
                .flatMap(rate -> ServerResponse.ok().bodyValue(json(rate)))
                .onErrorMap(PenaltyApi::problem);
    }

    private Mono<ServerResponse> deleteEcbRate(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> requireAdmin(staff)
                        .then(Mono.fromCallable(() -> date(request)))
                        .flatMap(date -> penalties.deleteEcbRate(staff, date)))
                .then(ServerResponse.noContent().build())
                .onErrorMap(PenaltyApi::problem);
    }

    /** The role first: someone who may not write learns that, not whether their date was well formed. */
    private static Mono<Void> requireAdmin(org.opendso.security.Staff staff) {
        return staff.isAdmin() ? Mono.empty()
                : Mono.error(ApiProblem.forbidden("Only an administrator records or deletes ECB rates"));
    }

    private static LocalDate date(ServerRequest request) {
        String text = request.pathVariable("date");
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw unprocessable("date", "'" + text + "' is not a date (YYYY-MM-DD, e.g. 2026-01-01)");
        }
    }

    private static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(UNPROCESSABLE, "Invalid ECB rate", detail).with("field", field);
    }

    static Map<String, Object> json(EcbRate rate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", rate.effectiveDate());
        json.put("ratePercent", rate.ratePercent());
        json.put("publishedPercent", rate.published());
        json.put("source", rate.recordedByCompany() ? "COMPANY" : "PUBLISHED");
        return json;
    }

    private Mono<ServerResponse> read(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> penalties.settings(staff.tenantId()))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s, LocalDate.now())));
    }

    private Mono<ServerResponse> update(ServerRequest request) {
        LocalDate today = LocalDate.now();
        return CurrentStaff.reactive().flatMap(staff -> request.bodyToMono(PenaltyBody.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.badField("enabled", "The request has no body")))
                .flatMap(body -> penalties.settings(staff.tenantId()).map(current -> change(body, current, today)))
                .flatMap(change -> penalties.update(staff, change))
                .flatMap(s -> ServerResponse.ok().bodyValue(json(s, today)))
                .onErrorMap(PenaltyApi::problem));
    }

    /**
     * {@code annualRatePercent} is the rate in force. Giving one chooses a fixed rate, unless it is the statutory
     * rate of today while the mode stays statutory (a GET sent back unchanged); with {@code "mode":"STATUTORY"}
     * another rate is a contradiction.
     */
    static PenaltyChange change(PenaltyBody body, PenaltySettings current, LocalDate today) {
        PenaltyMode mode = body.mode() == null ? null : mode(body.mode());
        BigDecimal rate = body.annualRatePercent();
        PenaltyTerms terms = current.terms();
        BigDecimal statutory = terms.statutoryRatePercent(today);
        BigDecimal fixedRate = null;
        if (rate != null) {
            boolean isStatutory = rate.compareTo(statutory) == 0;
            PenaltyMode target = mode != null ? mode : terms.mode() == PenaltyMode.STATUTORY && isStatutory
                    ? PenaltyMode.STATUTORY : PenaltyMode.FIXED;
            if (target == PenaltyMode.STATUTORY && !isStatutory) {
                throw ApiProblem.badField("annualRatePercent", "The statutory rate is " + statutory.stripTrailingZeros()
                        .toPlainString() + " % (ECB rate + 10 points); send \"mode\": \"FIXED\" to choose another rate");
            }
            mode = target;
            fixedRate = target == PenaltyMode.FIXED ? rate : null;
        }
        return new PenaltyChange(body.enabled(), mode, fixedRate, body.fixedIndemnity(), body.version());
    }

    private static PenaltyMode mode(String value) {
        try {
            return PenaltyMode.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("mode", "Unknown mode '" + value + "' (STATUTORY, FIXED)");
        }
    }

    private static Throwable problem(Throwable e) {
        return switch (e) {
            // an ECB rate's date or rate: 422, as the ECB rate endpoints document
            case InvalidPenaltySettings i when ECB_FIELDS.contains(i.field()) -> unprocessable(i.field(), i.getMessage());
            case InvalidPenaltySettings i -> ApiProblem.badField(i.field(), i.getMessage());
            case UnknownEcbRate u -> ApiProblem.notFound(u.getMessage()).with("field", "date");
            case OptimisticLockingFailureException o -> new ApiProblem(HttpStatus.CONFLICT, "Settings changed", o.getMessage())
                    .with("field", "version");
            default -> e;
        };
    }

    static Map<String, Object> json(PenaltySettings s, LocalDate today) {
        PenaltyTerms t = s.terms();
        Map.Entry<LocalDate, BigDecimal> ecb = t.ecbReference(today);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", t.enabled());
        json.put("mode", t.mode().name());
        json.put("annualRatePercent", t.annualRatePercent(today));
        json.put("fixedRatePercent", t.fixedRatePercent());
        json.put("fixedIndemnity", t.fixedIndemnity());
        json.put("ecbRatePercent", ecb.getValue());
        json.put("ecbRateDate", ecb.getKey());
        json.put("statutoryMarginPercent", PenaltyTerms.STATUTORY_MARGIN);
        json.put("statutoryRatePercent", t.statutoryRatePercent(today));
        json.put("version", s.version());
        return json;
    }
}
