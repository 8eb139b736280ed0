package cn.fazhi.audit;

import org.springframework.test.context.TestPropertySource;

/** {@link ChainBenchmark} with one global chain serialised by one lock row. */
@TestPropertySource(properties = "fazhi.audit.chain.partition=GLOBAL")
class ChainGlobalBenchmarkIT extends ChainBenchmark {

	@Override
	String label() {
		return "chain global";
	}

}
