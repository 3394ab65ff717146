package org.opendso.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Two worlds, one user store. The Vaadin UI is protected by the servlet chain (form login, session);
 * the WebFlux API mounted at {@code /api/*} is let through by the servlet side and protected by its own
 * reactive chain (HTTP Basic or a personal API token, stateless). See docs/decisions/0001-web-topology.md.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The servlet side does not guard the API: the reactive chain below does, inside the API servlet. */
    @Bean
    @Order(0)
    SecurityFilterChain apiPassThrough(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/v3/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    SecurityFilterChain ui(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                // a request that already failed (e.g. an event stream whose client went away) is forwarded to the
                // error page: refusing that dispatch only logs a second, misleading error
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/swagger-ui.html",
                        "/webjars/**", "/themes/**", "/images/**")
                .permitAll());
        // the letter dialog previews its PDF in a frame of the app's own pages; other sites still may not frame it
        http.headers(headers -> headers.frameOptions(frames -> frames.sameOrigin()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** Form login runs on a servlet (Tomcat) thread, where waiting for the database is allowed. */
    @Bean
    UserDetailsService userDetailsService(StaffDirectory directory) {
        return login -> {
            var user = directory.findByUsername(login).block(); // allowed-blocking: servlet thread
            if (user == null) {
                throw new UsernameNotFoundException(login);
            }
            return user;
        };
    }

    /** Built by hand (no @EnableWebFluxSecurity in a servlet application) and applied by the API servlet. */
    @Bean
    SecurityWebFilterChain apiSecurity(StaffDirectory directory, PasswordEncoder encoder, ApiProblems problems) {
        var basic = new UserDetailsRepositoryReactiveAuthenticationManager(directory);
        basic.setPasswordEncoder(encoder);

        var tokens = new AuthenticationWebFilter(new ApiTokenAuthenticationManager(directory));
        tokens.setServerAuthenticationConverter(new BearerTokenConverter());
        tokens.setAuthenticationFailureHandler(problems);

        return ServerHttpSecurity.http()
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .httpBasic(b -> b.authenticationManager(basic).authenticationEntryPoint(problems))
                .addFilterAt(tokens, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeExchange(a -> a.anyExchange().authenticated())
                .build();
    }
}
