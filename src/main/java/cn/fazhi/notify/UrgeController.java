package cn.fazhi.notify;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import cn.fazhi.system.web.ApiError;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 催办 over HTTP. Who may urge and see urges is decided by {@link TaskUrges}; a second urge
 * within the interval is answered 429 with {@code Retry-After} (seconds).
 */
@RestController
class UrgeController {

	private final TaskUrges urges;

	UrgeController(TaskUrges urges) {
		this.urges = urges;
	}

	@PostMapping("/api/tasks/{taskId}/urge")
	ResponseEntity<Urge> urge(@PathVariable String taskId, @RequestBody(required = false) UrgeRequest request,
			Principal principal) {
		Urge urge = this.urges.urge(principal.getName(), taskId, (request == null) ? null : request.message());
		return ResponseEntity.created(URI.create("/api/tasks/" + taskId + "/urges")).body(urge);
	}

	@GetMapping("/api/tasks/{taskId}/urges")
	List<Urge> list(@PathVariable String taskId, Principal principal) {
		return this.urges.list(principal.getName(), taskId);
	}

	@ExceptionHandler(UrgeTooSoonException.class)
	ResponseEntity<ApiError> tooSoon(UrgeTooSoonException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(ex.toError());
	}

	/** The body of an urge: the supervisor's message, 1 to 500 characters. */
	record UrgeRequest(String message) {
	}

}
