package cn.fazhi.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big a benchmark run is: {@code -Dbench.size=tiny|small|full} picks a preset (tiny
 * is what CI runs to keep the harness working; full is what the targets are
 * stated for), and each figure can be overridden on its own, e.g.
 * {@code -Dbench.tasklist.open=10000,100000}.
 *
 * @param name the preset
 * @param repetitions measured repetitions of every timing (after warm-up)
 * @param throughputCases complete cases per repetition and thread count
 * @param openCases open cases at which the task list is queried, ascending
 * @param queries task-list queries or replays per repetition
 * @param finishedCases finished cases in history before replays are measured
 * @param timers due statutory timers fired by the job executor
 * @param starts starts of the packaged jar per JVM setting (0: not measured)
 * @param warmUpSeconds how long each system runs cases before its throughput is measured
 * (per procedure and thread count), so that the JIT has compiled its path
 */
record BenchSize(String name, int repetitions, int throughputCases, List<Integer> openCases, int queries,
		int finishedCases, int timers, int starts, int warmUpSeconds) {

	static BenchSize fromSystemProperties() {
		String name = System.getProperty("bench.size", "tiny");
		BenchSize preset = switch (name) {
			case "tiny" -> new BenchSize(name, 3, 4, List.of(200, 400), 50, 100, 100, 1, 2);
			case "small" -> new BenchSize(name, 3, 20, List.of(2000, 10000), 200, 2000, 1000, 3, 20);
			case "full" -> new BenchSize(name, 3, 40, List.of(10000, 100000), 300, 20000, 5000, 3, 30);
			default ->
				throw new IllegalArgumentException("-Dbench.size must be tiny, small or full (was \"" + name + "\")");
		};
		return new BenchSize(name, integer("bench.repetitions", preset.repetitions),
				integer("bench.throughput.cases", preset.throughputCases),
				integers("bench.tasklist.open", preset.openCases), integer("bench.queries", preset.queries),
				integer("bench.audit.finished", preset.finishedCases), integer("bench.timers", preset.timers),
				integer("bench.startup.starts", preset.starts), integer("bench.warmup.seconds", preset.warmUpSeconds));
	}

	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("preset", this.name);
		described.put("repetitions", this.repetitions);
		described.put("throughputCasesPerRepetition", this.throughputCases);
		described.put("openCases", this.openCases);
		described.put("queriesPerRepetition", this.queries);
		described.put("finishedCases", this.finishedCases);
		described.put("timers", this.timers);
		described.put("startsPerSetting", this.starts);
		described.put("throughputWarmUpSeconds", this.warmUpSeconds);
		return described;
	}

	private static int integer(String property, int preset) {
		return Integer.parseInt(System.getProperty(property, String.valueOf(preset)).trim());
	}

	private static List<Integer> integers(String property, List<Integer> preset) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			return preset;
		}
		return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
	}

}
