package cn.fazhi.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/**
 * The canonical content of a chained row and the hashes of the chain.
 * <p>
 * A row's canonical content is one line of JSON: {@code {"table":"ACT_HI_TASKINST",
 * "columns":{"ASSIGNEE_":"chenjing",…}}} with column names in upper case, sorted, every
 * value a JSON string (see {@link RowReader} for how each column type is written),
 * columns that are NULL left out, no whitespace, only {@code "}, {@code \} and control
 * characters escaped. Leaving NULL columns out keeps existing hashes valid when a Camunda
 * upgrade adds a nullable column.
 * <p>
 * A link's hash is the SHA-256 of the previous link's hash, the link's place in its chain
 * and what it says about the row, one field per line:
 * {@code previous \n chainKey \n seq \n table \n rowId \n operation \n contentHash}. The
 * first link of a chain follows {@link #ZERO_HASH}.
 */
final class Canonical {

	/** What the first link of a chain follows, and the content hash of a deleted row. */
	static final String ZERO_HASH = "0".repeat(64);

	private Canonical() {
	}

	static String json(String table, SortedMap<String, String> columns) {
		StringBuilder json = new StringBuilder(64 + columns.size() * 32);
		json.append("{\"table\":");
		string(json, table);
		json.append(",\"columns\":{");
		boolean first = true;
		for (Map.Entry<String, String> column : columns.entrySet()) {
			if (column.getValue() == null) {
				continue;
			}
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, column.getKey());
			json.append(':');
			string(json, column.getValue());
		}
		return json.append("}}").toString();
	}

	static String contentHash(String table, SortedMap<String, String> columns) {
		return sha256(json(table, columns));
	}

	static String linkHash(String previous, String chainKey, long seq, String table, String rowId, String operation,
			String contentHash) {
		return sha256(String.join("\n", previous, chainKey, Long.toString(seq), table, rowId, operation, contentHash));
	}

	static String sha256(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
