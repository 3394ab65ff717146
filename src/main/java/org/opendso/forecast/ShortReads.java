package org.opendso.forecast;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report reads run without PostgreSQL's JIT compilation: on 100,000 accounts the planner's estimates pass the JIT
 * threshold and compiling took ~200 ms, more than the query itself (decision 0020). A read-only transaction
 * carries the setting, so that it ends with the read and never leaks to another user of the pooled connection.
 */
public final class ShortReads {

    private ShortReads() {
    }

    public static <T> Mono<T> mono(TransactionalOperator tx, DatabaseClient db, Mono<T> read) {
        return db.sql("set local jit = off").then().then(read).as(tx::transactional);
    }

    public static <T> Flux<T> flux(TransactionalOperator tx, DatabaseClient db, Flux<T> read) {
        return db.sql("set local jit = off").then().thenMany(read).as(tx::transactional);
    }
}
