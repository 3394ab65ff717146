package org.opendso.report.web;

import java.util.List;
import java.util.Map;
import org.opendso.report.CreditRisk;
import org.opendso.report.CreditRiskCsv;
import org.opendso.report.CreditRiskLine;
import org.opendso.report.CreditRiskList;
import org.opendso.report.CreditRiskRule;
import org.opendso.report.CreditRiskSummary;
import org.opendso.security.CurrentStaff;
import org.opendso.web.QueryParams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/credit-risk?list=all|over_limit|worsening|attention&page=&size=} with the report
 * filters: the summary, the rule and a page of customers riskiest first; CSV of the whole list (up to 100,000
 * lines) with {@code Accept: text/csv} or {@code .csv}.
 */
@Configuration
class CreditRiskApi {

    static final int CSV_LINES = 100_000;

    private final CreditRisk risk;
    private final ReportParams params;

    CreditRiskApi(CreditRisk risk, ReportParams params) {
        this.risk = risk;
        this.params = params;
    }

    @Bean
    RouterFunction<ServerResponse> creditRiskRoutes() {
        return RouterFunctions.route()
                .GET("/v1/reports/credit-risk", this::report)
                .GET("/v1/reports/credit-risk.csv", this::report)
                .build();
    }

    record Json(CreditRiskSummary summary, Map<String, Object> rule, int page, int size, long total,
                List<CreditRiskLine> customers) {
    }

    static Map<String, Object> rule() {
        return Map.of("utilisation", CreditRiskRule.UTILISATION, "overdueShare", CreditRiskRule.OVERDUE_SHARE,
                "daysLate12Months", CreditRiskRule.DAYS_LATE,
                "worsening", Map.of("days", CreditRiskRule.WORSENING_DAYS, "points", CreditRiskRule.WORSENING_POINTS),
                "grades", Map.of("B", CreditRiskRule.GRADE_FROM.get(0), "C", CreditRiskRule.GRADE_FROM.get(1),
                        "D", CreditRiskRule.GRADE_FROM.get(2), "E", CreditRiskRule.GRADE_FROM.get(3)));
    }

    private Mono<ServerResponse> report(ServerRequest request) {
        CreditRiskList list = QueryParams.oneOf("list", request.queryParam("list").orElse("all"), CreditRiskList.class);
        int page = QueryParams.integer(request, "page", 0, 0, 100_000);
        int size = QueryParams.integer(request, "size", 50, 1, 500);
        return CurrentStaff.reactive().flatMap(staff -> params.filter(request, staff).flatMap(filter -> {
            if (ReportParams.wantsCsv(request)) {
                return risk.lines(staff, filter, list, 0, CSV_LINES).collectList()
                        .flatMap(lines -> ServerResponse.ok().contentType(ReportParams.CSV)
                                .header("Content-Disposition", "attachment; filename=\"credit-risk.csv\"")
                                .bodyValue(CreditRiskCsv.of(lines)));
            }
            return risk.page(staff, filter, list, page * size, size)
                    .flatMap(p -> ServerResponse.ok().bodyValue(new Json(p.summary(), rule(), page, size, p.total(),
                            p.lines())));
        }));
    }
}
