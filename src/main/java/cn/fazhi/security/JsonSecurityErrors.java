package cn.fazhi.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import cn.fazhi.system.web.ApiError;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 answers as {@link ApiError} JSON with a Chinese message; 401 carries the
 * Basic challenge so that standard clients know to send credentials.
 */
final class JsonSecurityErrors {

	static final String REALM = "Fazhi";

	private JsonSecurityErrors() {
	}

	static AuthenticationEntryPoint unauthorized(ObjectMapper mapper) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			write(mapper, response, HttpStatus.UNAUTHORIZED, "需要登录：请使用 HTTP Basic 认证提供用户名和密码");
		};
	}

	static AccessDeniedHandler forbidden(ObjectMapper mapper) {
		return (request, response, ex) -> write(mapper, response, HttpStatus.FORBIDDEN, "无权执行此操作");
	}

	private static void write(ObjectMapper mapper, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		mapper.writeValue(response.getOutputStream(),
				new ApiError(status.value(), status.getReasonPhrase(), null, message));
	}

}
