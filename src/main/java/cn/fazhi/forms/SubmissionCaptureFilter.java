package cn.fazhi.forms;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import cn.fazhi.system.web.ApiError;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Looks at task completions and process starts sent to the Camunda REST API (ours at
 * {@code /engine-rest}, and the webapps' at {@code /camunda/api/engine}) before Camunda
 * handles them:
 * <ul>
 * <li>remembers which variable names were submitted ({@link SubmittedVariables}) for the
 * engine-side form validation, and answers 400 (or 409 for a conflict with the case) with
 * the Chinese problems when the engine refused the submission (Camunda would say 500 for
 * refusals from task listeners and on {@code /start});</li>
 * <li>refuses to start a procedure in the middle ({@code startInstructions}) or without
 * its listeners ({@code skipCustomListeners}, {@code skipIoMappings}): nobody may skip a
 * step the law makes mandatory. Administrators repair cases with Cockpit's modification
 * instead.</li>
 * </ul>
 */
class SubmissionCaptureFilter extends OncePerRequestFilter {

	static final Pattern TASK = Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");

	static final Pattern START = Pattern.compile(".*/process-definition/.+/(start|submit-form)$");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !"POST".equals(request.getMethod()) || !(TASK.matcher(path).matches() || START.matcher(path).matches());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readAllBytes();
		JsonNode json;
		try {
			json = (body.length == 0) ? JSON.createObjectNode() : JSON.readTree(body);
		}
		catch (IOException ex) {
			// not JSON: Camunda answers 400 itself
			chain.doFilter(new CachedBodyRequest(request, body), response);
			return;
		}
		Matcher task = TASK.matcher(request.getRequestURI());
		String taskId = task.matches() ? task.group(1) : null;
		if (taskId == null && skipsSteps(json)) {
			refuse(response);
			return;
		}
		Set<String> keys = new LinkedHashSet<>();
		json.path("variables").fieldNames().forEachRemaining(keys::add);
		ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
		SubmittedVariables.Refusal refusal;
		SubmittedVariables.begin(taskId, keys);
		try {
			chain.doFilter(new CachedBodyRequest(request, body), cached);
		}
		finally {
			refusal = SubmittedVariables.end();
		}
		List<String> problems = refusal.problems();
		if (!problems.isEmpty()) {
			cached.resetBuffer();
			cached.setStatus(refusal.status());
			cached.setContentType(MediaType.APPLICATION_JSON_VALUE);
			cached.setCharacterEncoding("UTF-8");
			String message = (refusal.status() == 409) ? String.join("；", problems)
					: FormRejections.PREFIX + String.join("；", problems);
			JSON.writeValue(cached.getOutputStream(),
					Map.of("type", (refusal.status() == 409) ? "Conflict" : "FormFieldValidationException", "message",
							message, "problems", problems));
		}
		cached.copyBodyToResponse();
	}

	private static boolean skipsSteps(JsonNode json) {
		JsonNode instructions = json.path("startInstructions");
		return (instructions.isArray() && !instructions.isEmpty()) || json.path("skipCustomListeners").asBoolean(false)
				|| json.path("skipIoMappings").asBoolean(false);
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(400);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(),
				new ApiError(400, "Bad Request", "startInstructions", "不允许从流程中间环节启动或跳过监听器：法定程序必须从第一步开始"));
	}

	/** Replays the body that was read for inspection. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous only");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding == null) ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
