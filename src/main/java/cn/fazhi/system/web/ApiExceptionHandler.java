package cn.fazhi.system.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns refused requests into {@link ApiError} bodies, so that a client always learns
 * which parameter is wrong and why, never a stack trace or an HTML page.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiError> refused(ApiException ex) {
		return ResponseEntity.status(ex.getStatus()).body(ex.toError());
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return badRequest(ex.getParameterName(), "缺少必填参数 " + ex.getParameterName());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest(ex.getName(), "参数 " + ex.getName() + " 的值“" + ex.getValue() + "”格式不正确");
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		return badRequest(null, "请求内容无法解析，请检查格式");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException ex) {
		HttpStatus status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		return ResponseEntity.status(status)
			.body(new ApiError(status.value(), status.getReasonPhrase(), "Content-Type",
					"不支持的内容类型 " + ex.getContentType() + "，应为 " + ex.getSupportedMediaTypes()));
	}

	private static ResponseEntity<ApiError> badRequest(String parameter, String message) {
		HttpStatus status = HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status)
			.body(new ApiError(status.value(), status.getReasonPhrase(), parameter, message));
	}

}
