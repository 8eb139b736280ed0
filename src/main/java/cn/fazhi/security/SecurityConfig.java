package cn.fazhi.security;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what over HTTP.
 * <ul>
 * <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda identity,
 * never anonymous (401 otherwise); stateless, so no session cookie and no CSRF token.
 * What a user may do there is decided by Camunda authorizations (engine) and by the rules
 * below (Fazhi API).</li>
 * <li>{@code /api/public/**}: published information, no login (e.g. the decision
 * catalogue).</li>
 * <li>{@code /public/**}: published pages for citizens (e.g. the decision catalogue), no
 * login, served by the second chain and permitted there by name, so that tightening that
 * chain never hides them.</li>
 * <li>Everything else, chiefly the Camunda webapps under {@code /camunda}: their own
 * session login and CSRF protection against the same identity; Spring Security stays out
 * of their way.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String ADMIN = CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "camunda-admin";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
			IdentityService identityService, ObjectMapper mapper) throws Exception {
		// path patterns, not MVC matchers: /engine-rest is served by Jersey
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/api/**")))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(path.matcher("/api/public/**"))
				.permitAll()
				.requestMatchers(path.matcher(HttpMethod.PUT, "/api/calendar/years/**"))
				.hasAuthority(ADMIN)
				// case materials only through /api/cases/{businessKey}/materials, which
				// checks type,
				// size and author (ADR 0009); Camunda's own attachment endpoints check
				// none of it
				.requestMatchers(path.matcher(HttpMethod.POST, "/engine-rest/task/*/attachment/**"),
						path.matcher(HttpMethod.DELETE, "/engine-rest/task/*/attachment/**"))
				.denyAll()
				.anyRequest()
				.authenticated())
			.authenticationManager(new ProviderManager(provider))
			.httpBasic((basic) -> basic.realmName(JsonSecurityErrors.REALM)
				.authenticationEntryPoint(JsonSecurityErrors.unauthorized(mapper)))
			.exceptionHandling((errors) -> errors.authenticationEntryPoint(JsonSecurityErrors.unauthorized(mapper))
				.accessDeniedHandler(JsonSecurityErrors.forbidden(mapper)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/public/**"))
					.permitAll()
					.requestMatchers(
							PathPatternRequestMatcher.withDefaults()
								.matcher(HttpMethod.POST, "/camunda/api/engine/engine/*/task/*/attachment/**"),
							PathPatternRequestMatcher.withDefaults()
								.matcher(HttpMethod.DELETE, "/camunda/api/engine/engine/*/task/*/attachment/**"))
					.denyAll()
					.anyRequest()
					.permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin()));
		return http.build();
	}

}
