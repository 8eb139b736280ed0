package cn.fazhi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.fazhi.FazhiApplication;

/**
 * Metric 6 of the benchmark issue: the start-up time and the resident memory of the
 * packaged application jar on its embedded H2 database, with the JVM's default settings
 * and with {@code -Xmx512m} (targets: ready in under 15 s; under 600 MB resident with
 * {@code -Xmx512m}).
 * <p>
 * Each start is what a new user sees the first time they run {@code java -jar}: a fresh
 * H2 file database in a new temporary directory, so the start includes creating the
 * Camunda and Fazhi schemas, deploying the processes and forms, and loading the demo
 * directory (demo data is on by default on H2). The jar is started the way CI starts it
 * ({@code src/test/e2e/run-walkthroughs.sh}): {@code java OPTIONS -jar JAR
 * --server.port=PORT --spring.datasource.url=jdbc:h2:file:DIR/data/fazhi}, with the
 * {@code java} of the current JVM, on a free port, its working directory and its log
 * ({@code app.log}) in that temporary directory. Variables that would silently change the
 * JVM or the profile being measured ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS},
 * {@code _JAVA_OPTIONS}, {@code SPRING_PROFILES_ACTIVE}) are not passed on.
 * <p>
 * For each start it records:
 * <ul>
 * <li>the wall time from launching the process to the first HTTP 200 from
 * {@code /actuator/health}, polled every 100 ms: this includes the JVM's own start and is
 * the time a user or a load balancer waits;</li>
 * <li>the time Spring Boot reports in its "Started FazhiApplication in … seconds" line,
 * for comparison (NaN if the line is not in the log);</li>
 * <li>the resident set size ({@code VmRSS} in {@code /proc/<pid>/status}, so Linux only)
 * of the JVM right after it is ready, and again after a small warm load (50 authenticated
 * task queries on {@code /engine-rest} and 50 calendar look-ups on {@code /api}, then one
 * second's pause): the heap a JVM has touched, its metaspace, code cache and thread
 * stacks, which is what the machine must actually provide, not the heap limit.</li>
 * </ul>
 * The process is stopped after each start (SIGTERM, then killed after 20 s), also when
 * the measurement fails. The temporary directories are left in the work directory, so
 * that a log can be read afterwards; nothing else is written or deleted.
 * <p>
 * Called by the benchmark driver; {@link #main(String[])} tries it by hand against the
 * jar of {@code ./mvnw -DskipTests package}.
 */
public final class StartupMemory {

	/**
	 * One start of the jar.
	 *
	 * @param secondsToReady wall time from launching the process to the first HTTP 200
	 * from {@code /actuator/health}
	 * @param secondsReportedBySpring the time in Spring Boot's "Started …" line, or NaN
	 * @param rssKbAtReady resident set size of the JVM right after it was ready, in KiB
	 * @param rssKbAfterLoad resident set size after the warm load and a pause, in KiB
	 */
	public record Start(double secondsToReady, double secondsReportedBySpring, long rssKbAtReady, long rssKbAfterLoad) {
	}

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

	private static final long POLL_MILLIS = 100;

	/** How long to wait for Spring's "Started" line once the health endpoint answered. */
	private static final Duration STARTED_LINE_WAIT = Duration.ofSeconds(5);

	private static final Duration POLL_REQUEST_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration LOAD_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final int LOAD_REQUESTS = 50;

	private static final int LOG_TAIL_LINES = 40;

	private static final Pattern STARTED = Pattern
		.compile("Started " + FazhiApplication.class.getSimpleName() + " in (\\d+(?:\\.\\d+)?) seconds");

	private static final List<String> UNINHERITED_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
			"_JAVA_OPTIONS", "SPRING_PROFILES_ACTIVE");

	private StartupMemory() {
	}

	/**
	 * Starts the jar {@code repetitions} times with the given extra JVM options (e.g.
	 * {@code List.of()} or {@code List.of("-Xmx512m")}), each time on a fresh H2 file
	 * database in a new temp directory under workDir, on a free port; stops it after
	 * measuring.
	 * @param jar the packaged application jar (see {@link #packagedJar(Path)})
	 * @param jvmOptions options put before {@code -jar}
	 * @param repetitions how many starts, one after the other
	 * @param workDir where the temporary directories are created (created if missing)
	 * @return one {@link Start} per repetition, in order
	 * @throws Exception if the jar does not become ready within 120 s, exits, or a load
	 * request does not answer 200; the message ends with the last 40 lines of its log
	 */
	public static List<Start> measure(Path jar, List<String> jvmOptions, int repetitions, Path workDir)
			throws Exception {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalArgumentException("No jar at " + jar);
		}
		if (repetitions < 1) {
			throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
		}
		Files.createDirectories(workDir);
		List<Start> starts = new ArrayList<>();
		for (int i = 0; i < repetitions; i++) {
			starts.add(startOnce(jar.toAbsolutePath(), List.copyOf(jvmOptions), workDir));
		}
		return List.copyOf(starts);
	}

	/**
	 * Finds the packaged jar under the project's target directory: the first
	 * {@code target/fazhi-*.jar} by name, not the {@code .original} one that the Spring
	 * Boot plugin leaves beside it.
	 * @param projectDir the project's root directory
	 * @return the absolute path of the jar
	 * @throws IllegalStateException if there is none (run {@code ./mvnw -DskipTests
	 * package} first)
	 */
	public static Path packagedJar(Path projectDir) {
		Path target = projectDir.resolve("target").toAbsolutePath().normalize();
		if (!Files.isDirectory(target)) {
			throw new IllegalStateException("No " + target + "; run ./mvnw -DskipTests package first");
		}
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith("fazhi-") && name.endsWith(".jar") && !name.contains("original");
			})
				.filter(Files::isRegularFile)
				.sorted()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No fazhi-*.jar in " + target + "; run ./mvnw -DskipTests package first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Measures one start with the JVM's default settings and one with {@code -Xmx512m} of
	 * the jar under {@code ./target}, in {@code target/startup-memory}, and prints them.
	 * @param args not used
	 * @throws Exception if a start fails
	 */
	public static void main(String[] args) throws Exception {
		Path jar = packagedJar(Path.of("."));
		Path workDir = Path.of("target", "startup-memory");
		System.out.println(jar);
		System.out.println("default:  " + measure(jar, List.of(), 1, workDir));
		System.out.println("-Xmx512m: " + measure(jar, List.of("-Xmx512m"), 1, workDir));
	}

	private static Start startOnce(Path jar, List<String> jvmOptions, Path workDir) throws Exception {
		Path dir = Files.createTempDirectory(workDir, "start-").toAbsolutePath();
		Path log = dir.resolve("app.log");
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("data").resolve("fazhi")));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		Map<String, String> environment = builder.environment();
		UNINHERITED_VARIABLES.forEach(environment::remove);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		String base = "http://127.0.0.1:" + port;

		long launched = System.nanoTime();
		Process process = builder.start();
		try {
			awaitHealthy(process, client, base, launched, log);
			double secondsToReady = (System.nanoTime() - launched) / 1e9;
			long rssKbAtReady = residentKb(process);
			double secondsReportedBySpring = awaitStartedLine(log);
			warmLoad(client, base, log);
			Thread.sleep(1000);
			long rssKbAfterLoad = residentKb(process);
			return new Start(secondsToReady, secondsReportedBySpring, rssKbAtReady, rssKbAfterLoad);
		}
		catch (IOException ex) {
			throw failure("Measuring Fazhi failed: " + ex, log, ex);
		}
		finally {
			stop(process);
		}
	}

	private static void awaitHealthy(Process process, HttpClient client, String base, long launched, Path log)
			throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
			.timeout(POLL_REQUEST_TIMEOUT)
			.GET()
			.build();
		long deadline = launched + START_TIMEOUT.toNanos();
		while (true) {
			if (!process.isAlive()) {
				throw failure("Fazhi exited with code " + process.exitValue() + " before it was ready", log);
			}
			try {
				if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet, or the request timed out: poll again
			}
			if (System.nanoTime() - deadline > 0) {
				throw failure("Fazhi did not answer 200 on /actuator/health within " + START_TIMEOUT.toSeconds() + " s",
						log);
			}
			Thread.sleep(POLL_MILLIS);
		}
	}

	/**
	 * The seconds in Spring Boot's "Started" line. It is logged when the context has been
	 * refreshed, so usually before health answers 200; wait a little in case not.
	 */
	private static double awaitStartedLine(Path log) throws InterruptedException {
		long deadline = System.nanoTime() + STARTED_LINE_WAIT.toNanos();
		while (true) {
			Matcher matcher = STARTED.matcher(readLog(log));
			if (matcher.find()) {
				return Double.parseDouble(matcher.group(1));
			}
			if (System.nanoTime() - deadline > 0) {
				return Double.NaN;
			}
			Thread.sleep(POLL_MILLIS);
		}
	}

	private static void warmLoad(HttpClient client, String base, Path log) throws Exception {
		HttpRequest tasks = authenticated(base + "/engine-rest/task?maxResults=50", "demo", "demo");
		HttpRequest day = authenticated(base + "/api/calendar/days/2025-10-08", "zhangwei", "demo");
		for (HttpRequest request : List.of(tasks, day)) {
			for (int i = 0; i < LOAD_REQUESTS; i++) {
				HttpResponse<String> response = client.send(request,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() != 200) {
					String body = response.body();
					throw failure("GET " + request.uri() + " answered " + response.statusCode() + ": "
							+ body.substring(0, Math.min(body.length(), 500)), log);
				}
			}
		}
	}

	private static HttpRequest authenticated(String uri, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(uri))
			.timeout(LOAD_REQUEST_TIMEOUT)
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	/** VmRSS of the process in KiB, from {@code /proc/<pid>/status}. */
	private static long residentKb(Process process) throws IOException {
		Path status = Path.of("/proc", Long.toString(process.pid()), "status");
		for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
			if (line.startsWith("VmRSS:")) {
				String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
				if (fields.length == 2 && fields[1].equals("kB")) {
					return Long.parseLong(fields[0]);
				}
			}
		}
		throw new IllegalStateException("No VmRSS in kB in " + status);
	}

	private static void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A port nothing listens on now (the jar's HTTP port, the benchmark's mail server).
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port", ex);
		}
	}

	private static IllegalStateException failure(String message, Path log) {
		return failure(message, log, null);
	}

	private static IllegalStateException failure(String message, Path log, Throwable cause) {
		List<String> lines = Arrays.asList(readLog(log).split("\\R"));
		String tail = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
			.stream()
			.collect(Collectors.joining(System.lineSeparator()));
		return new IllegalStateException(
				message + "; last " + LOG_TAIL_LINES + " lines of " + log + ":" + System.lineSeparator() + tail, cause);
	}

	/** The whole log; malformed bytes are replaced rather than failing. */
	private static String readLog(Path log) {
		try {
			return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
		}
		catch (IOException ex) {
			return "(could not read " + log + ": " + ex.getMessage() + ")";
		}
	}

}
