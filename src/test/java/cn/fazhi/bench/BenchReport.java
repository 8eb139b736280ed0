package cn.fazhi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Writes a run's figures: {@code target/bench/results-<database>.json} for the run, and
 * {@code target/bench/benchmarks.json}, the figures of every database run so far, grouped
 * by metric (throughput, tasklist, audit, timers, storage, startup, rss) and then by
 * database. {@code docs/benchmarks.json} is a copy of a recorded run's file.
 */
final class BenchReport {

	static final Path DIR = Path.of("target", "bench");

	static final List<String> GROUPS = List.of("throughput", "tasklist", "audit", "timers", "storage", "shape",
			"startup", "rss");

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private BenchReport() {
	}

	@SuppressWarnings("unchecked")
	static void write(String database, Map<String, Object> results) throws IOException {
		Files.createDirectories(DIR);
		Path file = DIR.resolve("results-" + database + ".json");
		Map<String, Object> merged = new LinkedHashMap<>();
		if (Files.exists(file) && Boolean.getBoolean("bench.merge")) {
			// some metrics only (-Dit.test=Benchmarks#timers -Dbench.merge=true):
			// they replace their groups in the earlier run's file, the others stay
			merged.putAll(JSON.readValue(file.toFile(), Map.class));
		}
		merged.putAll(results);
		JSON.writeValue(file.toFile(), merged);
		JSON.writeValue(DIR.resolve("benchmarks.json").toFile(), merge());
		Benchmarks.log("figures written to %s", DIR.resolve("results-" + database + ".json").toAbsolutePath());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> merge() throws IOException {
		Map<String, Object> merged = new LinkedHashMap<>();
		Map<String, Object> runs = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(DIR)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().matches("results-.*\\.json"))
				.sorted()
				.toList()) {
				Map<String, Object> run = JSON.readValue(file.toFile(), Map.class);
				String database = (String) run.get("database");
				if (run.get("variant") != null && !"default".equals(run.get("variant"))) {
					database = database + "/" + run.get("variant");
				}
				merged.putIfAbsent("machine", run.get("machine"));
				Map<String, Object> about = new LinkedHashMap<>();
				for (String key : List.of("databaseVersion", "configuration", "size", "startedAt", "finishedAt")) {
					about.put(key, run.get(key));
				}
				runs.put(database, about);
				for (String group : GROUPS) {
					if (run.containsKey(group)) {
						((Map<String, Object>) merged.computeIfAbsent(group, (key) -> new LinkedHashMap<>()))
							.put(database, run.get(group));
					}
				}
			}
		}
		merged.put("runs", runs);
		return merged;
	}

	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cpu", cpuModel());
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryGb",
				Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
					.getTotalMemorySize() / 1e9));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		machine.put("camunda", ProcessEngine.class.getPackage().getImplementationVersion());
		return machine;
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
