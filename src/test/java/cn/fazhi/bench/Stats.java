package cn.fazhi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries of repeated measurements: the median and range of a few repetitions, and the
 * percentiles of many latency samples (nearest-rank). Figures are rounded for reading;
 * the raw values stay in the JSON.
 */
final class Stats {

	private Stats() {
	}

	/** Median, minimum, maximum and the values themselves. */
	static Map<String, Object> summary(List<Double> values) {
		List<Double> sorted = sorted(values);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("median", round(median(sorted)));
		summary.put("min", round(sorted.get(0)));
		summary.put("max", round(sorted.get(sorted.size() - 1)));
		summary.put("values", values.stream().map(Stats::round).toList());
		return summary;
	}

	static double median(List<Double> values) {
		List<Double> sorted = sorted(values);
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/** Nearest-rank percentile (p in 0–100) of the samples. */
	static double percentile(List<Double> samples, double p) {
		List<Double> sorted = sorted(samples);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	/**
	 * Latency rounds: per round p50/p95/p99 of its samples; reported as the median and
	 * range of each percentile over the rounds.
	 */
	static Map<String, Object> latency(List<List<Double>> rounds) {
		Map<String, Object> result = new LinkedHashMap<>();
		for (double p : new double[] { 50, 95, 99 }) {
			List<Double> perRound = rounds.stream().map((round) -> percentile(round, p)).toList();
			result.put("p" + (int) p + "Ms", summary(perRound));
		}
		result.put("samplesPerRound", rounds.get(0).size());
		result.put("rounds", rounds.size());
		return result;
	}

	static double ratio(double fazhi, double raw) {
		return round(fazhi / raw);
	}

	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double magnitude = Math.abs(value);
		double scale = (magnitude >= 100) ? 10 : (magnitude >= 1) ? 1000 : 100000;
		return Math.round(value * scale) / scale;
	}

	private static List<Double> sorted(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no measurements");
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted;
	}

}
