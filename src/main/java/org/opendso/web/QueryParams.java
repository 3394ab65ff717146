package org.opendso.web;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.web.reactive.function.server.ServerRequest;

/** Reading query parameters the same way on every endpoint: a bad value is a 400 problem naming the field. */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(ServerRequest request, String name, int fallback, int min, int max) {
        return request.queryParam(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw.strip());
                if (value < min || value > max) {
                    throw ApiProblem.badField(name, "'%s' must be between %d and %d".formatted(name, min, max));
                }
                return value;
            } catch (NumberFormatException e) {
                throw ApiProblem.badField(name, "'" + name + "' must be a whole number, got '" + raw + "'");
            }
        }).orElse(fallback);
    }

    public static <E extends Enum<E>> E oneOf(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField(name, "'" + name + "' must be one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + value + "'");
        }
    }
}
