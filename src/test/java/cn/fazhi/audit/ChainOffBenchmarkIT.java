package cn.fazhi.audit;

import org.springframework.test.context.TestPropertySource;

/** {@link ChainBenchmark} with the audit chain switched off: the reference. */
@TestPropertySource(properties = "fazhi.audit.chain.enabled=false")
class ChainOffBenchmarkIT extends ChainBenchmark {

	@Override
	String label() {
		return "chain off";
	}

}
