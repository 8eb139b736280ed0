package cn.fazhi.audit.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit chain ({@code fazhi.audit.chain.*}).
 *
 * @param enabled whether history writes are chained (default true). Off only to measure
 * what the chain costs (ADR 0012); a node without the chain writes history that every
 * later verification reports as not in the chain.
 * @param partition how links are ordered: {@code CASE} (default) one chain per case, so
 * that cases never wait for each other; {@code GLOBAL} one chain for everything,
 * serialised by one lock row — kept only to compare the two (ADR 0012)
 */
@ConfigurationProperties("fazhi.audit.chain")
public record AuditChainProperties(@DefaultValue("true") boolean enabled, @DefaultValue("CASE") Partition partition) {

	/** How links are ordered under concurrency. */
	public enum Partition {

		/** One chain per case (root process instance), plus the registry of chains. */
		CASE,

		/** One chain for all history, plus the registry. */
		GLOBAL

	}

}
