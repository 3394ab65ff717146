package org.opendso.security;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.codec.ByteArrayDecoder;
import org.springframework.messaging.rsocket.DefaultMetadataExtractor;
import org.springframework.messaging.rsocket.MetadataExtractor;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.rsocket.EnableRSocketSecurity;
import org.springframework.security.config.annotation.rsocket.PayloadInterceptorOrder;
import org.springframework.security.config.annotation.rsocket.RSocketSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.rsocket.api.PayloadExchange;
import org.springframework.security.rsocket.authentication.AuthenticationPayloadInterceptor;
import org.springframework.security.rsocket.authentication.PayloadExchangeAuthenticationConverter;
import org.springframework.security.rsocket.core.PayloadSocketAcceptorInterceptor;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Mono;

/**
 * RSocket (the event streams' second door) accepts the same credentials as the HTTP API, in the RSocket
 * authentication metadata extension ({@code message/x.rsocket.authentication.v0}): Simple (login and password,
 * checked against the staff directory) or Bearer (a personal API token). A connection must authenticate in its
 * SETUP frame; a request may carry its own credentials, which then apply to it. Anything anonymous is refused.
 */
@Configuration
@EnableRSocketSecurity
class RSocketSecurityConfig {

    /** Stands for "the credentials are an API token" in an unauthenticated token, never a real login. */
    private static final Object API_TOKEN = new Object() {
        @Override
        public String toString() {
            return "api-token";
        }
    };

    @Bean
    PayloadSocketAcceptorInterceptor rsocketSecurity(RSocketSecurity rsocket, StaffDirectory directory,
                                                      PasswordEncoder encoder) {
        var passwords = new UserDetailsRepositoryReactiveAuthenticationManager(directory);
        passwords.setPasswordEncoder(encoder);
        var tokens = new ApiTokenAuthenticationManager(directory);
        ReactiveAuthenticationManager either = credentials -> credentials.getPrincipal() == API_TOKEN
                ? tokens.authenticate(credentials) : passwords.authenticate(credentials);

        var authentication = new AuthenticationPayloadInterceptor(either);
        authentication.setAuthenticationConverter(new Credentials());
        authentication.setOrder(PayloadInterceptorOrder.AUTHENTICATION.getOrder());
        return rsocket
                .addPayloadInterceptor(authentication)
                .authorizePayload(authorize -> authorize
                        .setup().authenticated()
                        .anyRequest().authenticated()
                        .anyExchange().authenticated())
                .build();
    }

    /**
     * Reads Simple and Bearer credentials. Spring Security's own converter turns Bearer into an OAuth2 resource
     * server token (a library this application does not use); an API token is not a JWT.
     */
    static final class Credentials implements PayloadExchangeAuthenticationConverter {

        private static final MimeType COMPOSITE =
                MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_COMPOSITE_METADATA.getString());
        private static final MimeType AUTHENTICATION =
                MimeTypeUtils.parseMimeType(WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString());

        private final MetadataExtractor extractor;

        Credentials() {
            DefaultMetadataExtractor extractor = new DefaultMetadataExtractor(new ByteArrayDecoder());
            extractor.metadataToExtract(AUTHENTICATION, byte[].class, "authentication");
            this.extractor = extractor;
        }

        @Override
        public Mono<Authentication> convert(PayloadExchange exchange) {
            return Mono.fromCallable(() -> extractor.extract(exchange.getPayload(), COMPOSITE))
                    .flatMap(metadata -> Mono.justOrEmpty(credentials(metadata)));
        }

        private static Authentication credentials(Map<String, Object> metadata) {
            if (!(metadata.get("authentication") instanceof byte[] raw)) {
                return null;
            }
            ByteBuf buffer = Unpooled.wrappedBuffer(raw);
            if (!AuthMetadataCodec.isWellKnownAuthType(buffer)) {
                return null;
            }
            WellKnownAuthType type = AuthMetadataCodec.readWellKnownAuthType(buffer);
            if (type == WellKnownAuthType.SIMPLE) {
                String login = AuthMetadataCodec.readUsername(buffer).toString(StandardCharsets.UTF_8);
                String password = AuthMetadataCodec.readPassword(buffer).toString(StandardCharsets.UTF_8);
                return UsernamePasswordAuthenticationToken.unauthenticated(login, password);
            }
            if (type == WellKnownAuthType.BEARER) {
                String secret = new String(AuthMetadataCodec.readBearerTokenAsCharArray(buffer)).strip();
                return UsernamePasswordAuthenticationToken.unauthenticated(API_TOKEN, secret);
            }
            return null;
        }
    }
}
