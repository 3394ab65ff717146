package org.opendso.penalty.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opendso.penalty.InvalidPenaltySettings;
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

/** {@code /api/v1/settings/penalties}: everyone of the company reads the penalty settings, administrators change them. */
@Configuration
class PenaltyApi {

    private final Penalties penalties;

    PenaltyApi(Penalties penalties) {
        this.penalties = penalties;
    }

    @Bean
    RouterFunction<ServerResponse> penaltyRoutes() {
        return RouterFunctions.route()
                .GET("/v1/settings/penalties", this::read)
                .PUT("/v1/settings/penalties", this::update)
                .build();
    }

    /** The PUT body; parts left out keep their value. */
    record PenaltyBody(BigDecimal annualRatePercent, BigDecimal fixedIndemnity, Boolean enabled, String mode, Long version) {
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
            case InvalidPenaltySettings i -> ApiProblem.badField(i.field(), i.getMessage());
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
