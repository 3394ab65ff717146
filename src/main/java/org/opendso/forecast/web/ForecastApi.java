package org.opendso.forecast.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.opendso.forecast.Accuracy;
import org.opendso.forecast.Bucket;
import org.opendso.forecast.Forecast;
import org.opendso.forecast.ForecastCsv;
import org.opendso.forecast.Forecasts;
import org.opendso.report.web.ReportParams;
import org.opendso.security.CurrentStaff;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/reports/forecast} (JSON, or CSV with {@code Accept: text/csv} or {@code .csv}). */
@Configuration
class ForecastApi {

    private final Forecasts forecasts;
    private final ReportParams params;

    ForecastApi(Forecasts forecasts, ReportParams params) {
        this.forecasts = forecasts;
        this.params = params;
    }

    @Bean
    RouterFunction<ServerResponse> forecastRoutes() {
        return RouterFunctions.route()
                .GET("/v1/reports/forecast", this::forecast)
                .GET("/v1/reports/forecast.csv", this::forecast)
                .build();
    }

    record ForecastJson(String currency, LocalDate today, List<Bucket> weeks, List<Bucket> months, BigDecimal later,
                        BigDecimal laterAtRisk, BigDecimal total, BigDecimal atRisk, List<Accuracy> accuracy) {
    }

    private Mono<ServerResponse> forecast(ServerRequest request) {
        return CurrentStaff.reactive().flatMap(staff -> params.filter(request, staff)
                .flatMap(filter -> forecasts.current(staff, filter))
                .flatMap(f -> ReportParams.wantsCsv(request)
                        ? ServerResponse.ok().contentType(ReportParams.CSV)
                                .header("Content-Disposition", "attachment; filename=\"forecast.csv\"")
                                .bodyValue(ForecastCsv.of(f))
                        : ServerResponse.ok().bodyValue(json(f))));
    }

    static ForecastJson json(Forecast f) {
        return new ForecastJson(f.currency(), f.today(), f.weeks(), f.months(), f.later(), f.laterAtRisk(), f.total(),
                f.atRiskTotal(), f.accuracy());
    }
}
