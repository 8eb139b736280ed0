package cn.fazhi.audit;

/** {@link ChainBenchmark} with one chain per case (the default). */
class ChainCaseBenchmarkIT extends ChainBenchmark {

	@Override
	String label() {
		return "chain per case";
	}

}
