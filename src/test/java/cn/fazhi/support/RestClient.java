package cn.fazhi.support;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A plain HTTP client of the running application, as an outside tool would use it: HTTP
 * Basic as a given demo person, JSON in and out, the standard Camunda REST API at
 * /engine-rest.
 */
public final class RestClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final TestRestTemplate rest;

	private final String user;

	private final String password;

	private RestClient(TestRestTemplate rest, String user, String password) {
		this.rest = rest;
		this.user = user;
		this.password = password;
	}

	public static RestClient as(TestRestTemplate rest, String user) {
		return new RestClient(rest, user, "demo");
	}

	public static RestClient as(TestRestTemplate rest, String user, String password) {
		return new RestClient(rest, user, password);
	}

	public static RestClient anonymous(TestRestTemplate rest) {
		return new RestClient(rest, null, null);
	}

	public Response get(String path) {
		return exchange(HttpMethod.GET, path, null);
	}

	public Response post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body);
	}

	public Response put(String path, Object body) {
		return exchange(HttpMethod.PUT, path, body);
	}

	public Response delete(String path) {
		return exchange(HttpMethod.DELETE, path, null);
	}

	public Response exchange(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
		if (this.user != null) {
			headers.setBasicAuth(this.user, this.password, java.nio.charset.StandardCharsets.UTF_8);
		}
		HttpEntity<?> entity;
		if (body instanceof String text) {
			headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
			entity = new HttpEntity<>(text, headers);
		}
		else {
			headers.setContentType(MediaType.APPLICATION_JSON);
			entity = new HttpEntity<>(body, headers);
		}
		ResponseEntity<String> response = this.rest.exchange(path, method, entity, String.class);
		return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody());
	}

	/**
	 * Camunda REST variables: {@code {"name": {"value": v}}} (and {@code type} where
	 * given).
	 */
	public static Map<String, Object> variables(Object... nameValuePairs) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < nameValuePairs.length; i += 2) {
			variables.put((String) nameValuePairs[i], Map.of("value", nameValuePairs[i + 1]));
		}
		return variables;
	}

	public static Map<String, Object> json(Object value) throws com.fasterxml.jackson.core.JsonProcessingException {
		return Map.of("value", JSON.writeValueAsString(value), "type", "Json");
	}

	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			try {
				return (this.body == null) ? JSON.nullNode() : JSON.readTree(this.body);
			}
			catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
				throw new IllegalStateException("not JSON (" + this.status + "): " + this.body, ex);
			}
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
