package cn.fazhi.system.web;

import org.springframework.http.HttpStatus;

/**
 * A request Fazhi refuses, with the status, the offending parameter and a Chinese
 * message. Rendered as {@link ApiError} by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String parameter;

	public ApiException(HttpStatus status, String parameter, String message) {
		super(message);
		this.status = status;
		this.parameter = parameter;
	}

	public static ApiException badRequest(String parameter, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, parameter, message);
	}

	public static ApiException notFound(String message) {
		return new ApiException(HttpStatus.NOT_FOUND, null, message);
	}

	public static ApiException conflict(String message) {
		return new ApiException(HttpStatus.CONFLICT, null, message);
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getParameter() {
		return this.parameter;
	}

	public ApiError toError() {
		return new ApiError(this.status.value(), this.status.getReasonPhrase(), this.parameter, getMessage());
	}

}
