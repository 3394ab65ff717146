package org.opendso.report.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.opendso.forecast.Forecasts;
import org.opendso.report.CashReceipts;
import org.opendso.report.CashReceiptsCsv;
import org.opendso.report.CashReceiptsPeriod;
import org.opendso.report.CashReceiptsReport;
import org.opendso.security.CurrentStaff;
import org.opendso.web.ApiProblem;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/cash-receipts?period=day|week|month&from=&to=} with the report filters; CSV of the
 * periods with {@code Accept: text/csv} or {@code .csv}, of the customers with {@code by=customer}.
 */
@Configuration
class CashReceiptsApi {

    private final CashReceipts receipts;
    private final ReportParams params;
    private final Forecasts forecasts;

    CashReceiptsApi(CashReceipts receipts, ReportParams params, Forecasts forecasts) {
        this.receipts = receipts;
        this.params = params;
        this.forecasts = forecasts;
    }

    @Bean
    RouterFunction<ServerResponse> cashReceiptsRoutes() {
        return RouterFunctions.route()
                .GET("/v1/reports/cash-receipts", this::report)
                .GET("/v1/reports/cash-receipts.csv", this::report)
                .build();
    }

    private Mono<ServerResponse> report(ServerRequest request) {
        CashReceiptsPeriod period = QueryParams.oneOf("period", request.queryParam("period").orElse("week"),
                CashReceiptsPeriod.class);
        LocalDate to = date(request, "to", forecasts.today());
        LocalDate from = date(request, "from", period.defaultFrom(to));
        String invalid = CashReceipts.invalidSpan(period, from, to);
        if (invalid != null) {
            return Mono.error(ApiProblem.badField("from", invalid));
        }
        boolean byCustomer = request.queryParam("by").map("customer"::equalsIgnoreCase).orElse(false);
        return CurrentStaff.reactive().flatMap(staff -> params.filter(request, staff)
                .flatMap(filter -> receipts.of(staff, filter, period, from, to))
                .flatMap(r -> ReportParams.wantsCsv(request)
                        ? ServerResponse.ok().contentType(ReportParams.CSV)
                                .header("Content-Disposition", "attachment; filename=\"cash-receipts.csv\"")
                                .bodyValue(byCustomer ? CashReceiptsCsv.customers(r) : CashReceiptsCsv.periods(r))
                        : ServerResponse.ok().bodyValue(Json.of(r))));
    }

    /** The report with its totals spelled out. */
    record Json(String period, LocalDate from, LocalDate to, String currency, BigDecimal onTime, BigDecimal late,
                BigDecimal total, BigDecimal onTimeShare, List<CashReceiptsReport.Period> periods,
                List<CashReceiptsReport.Customer> customers, long customerCount) {

        static Json of(CashReceiptsReport r) {
            return new Json(r.period().name().toLowerCase(Locale.ROOT), r.from(), r.to(), r.currency(), r.onTime(),
                    r.late(), r.total(), r.onTimeShare(), r.periods(), r.customers(), r.customerCount());
        }
    }

    private static LocalDate date(ServerRequest request, String name, LocalDate fallback) {
        return request.queryParam(name).filter(s -> !s.isBlank()).map(raw -> {
            try {
                return LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badField(name, "'" + name + "' must be a date like 2026-03-31, got '" + raw + "'");
            }
        }).orElse(fallback);
    }
}
