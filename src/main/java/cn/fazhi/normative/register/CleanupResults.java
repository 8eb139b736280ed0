package cn.fazhi.normative.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * The published result lists of cleanup campaigns (清理结果, {@code fz_nd_cleanup_result}):
 * written when a campaign publishes them, in its transaction, read by the public.
 */
@Service
public class CleanupResults {

	private final JdbcTemplate jdbc;

	CleanupResults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records one document's outcome as published with the campaign's list. */
	public void record(String campaignKey, String campaignTitle, long documentId, CleanupDecision decision,
			String reason, String office, LocalDate publishedOn) {
		this.jdbc.update(
				"insert into fz_nd_cleanup_result (campaign_key, campaign_title, document_id, decision, "
						+ "reason, decided_by_office, published_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
				campaignKey, campaignTitle, documentId, decision.name(), reason, office, Date.valueOf(publishedOn),
				Timestamp.from(Instant.now()));
	}

	/** Every published campaign, newest first, each with its results. */
	public List<Campaign> published() {
		Map<String, Campaign> campaigns = new LinkedHashMap<>();
		this.jdbc.query("select r.campaign_key, r.campaign_title, r.published_on, r.decision, r.reason, "
				+ "d.document_number, d.title from fz_nd_cleanup_result r join fz_nd_document d on d.id = r.document_id "
				+ "order by r.published_on desc, r.campaign_key, r.id", (RowCallbackHandler) (rs) -> {
					String title = rs.getString("campaign_title");
					LocalDate publishedOn = rs.getDate("published_on").toLocalDate();
					CleanupDecision decision = CleanupDecision.valueOf(rs.getString("decision"));
					campaigns
						.computeIfAbsent(rs.getString("campaign_key"),
								(key) -> new Campaign(title, publishedOn, new ArrayList<>()))
						.results()
						.add(new Result(rs.getString("document_number"), rs.getString("title"), decision.name(),
								decision.label(), rs.getString("reason")));
				});
		return List.copyOf(campaigns.values());
	}

	/** A campaign's published result list. */
	public record Campaign(String title, LocalDate publishedOn, List<Result> results) {

	}

	/** One document's outcome. */
	public record Result(String documentNumber, String title, String decision, String decisionName, String reason) {

	}

}
