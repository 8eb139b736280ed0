package cn.fazhi.audit.chain;

import java.util.Map;
import java.util.TreeMap;

import cn.fazhi.audit.chain.PendingLinks.Change;
import cn.fazhi.audit.chain.PendingLinks.Pending;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form of a row and the link hash, pinned to values computed independently
 * (Python's hashlib), so that a future change of the format cannot pass unnoticed: it
 * would make every existing chain unverifiable.
 */
@DisplayName("审计链：规范化内容与哈希")
class CanonicalTest {

	@Test
	void shouldWriteSortedColumnsWithoutNullsAsOneLineOfJson() {
		// given: columns in any order, one of them NULL, a value with quotes, a backslash
		// and a line break
		TreeMap<String, String> columns = new TreeMap<>();
		columns.put("NAME_", "集体讨论决定 \"常务\"\\\n");
		columns.put("ID_", "t1");
		columns.put("ASSIGNEE_", "chenjing");
		columns.put("DUE_DATE_", null);

		// when
		String json = Canonical.json("ACT_HI_TASKINST", columns);

		// then
		assertThat(json).isEqualTo(
				"{\"table\":\"ACT_HI_TASKINST\",\"columns\":{\"ASSIGNEE_\":\"chenjing\",\"ID_\":\"t1\",\"NAME_\":\"集体讨论决定 \\\"常务\\\"\\\\\\u000a\"}}");
		assertThat(Canonical.contentHash("ACT_HI_TASKINST", columns))
			.isEqualTo("197f2c7d06c4dc53013a2b5ab8dda5c320ed2f268aead980b8eee80c2ce44cf1");
	}

	@Test
	void shouldHashALinkFromThePreviousLinkAndWhatItRecords() {
		assertThat(
				Canonical.linkHash(Canonical.ZERO_HASH, "case-1", 1, "ACT_HI_TASKINST", "t1", "INSERT", "a".repeat(64)))
			.isEqualTo("c454a1a3b6cd412a0604473e3bdb475de4a27195daed1a90e52a7592175df201");
	}

	@Test
	void shouldChangeTheHashWhenAnyRecordedFieldChanges() {
		String link = Canonical.linkHash(Canonical.ZERO_HASH, "c", 1, "T", "r", "INSERT", "a".repeat(64));
		assertThat(Canonical.linkHash(Canonical.ZERO_HASH, "c", 2, "T", "r", "INSERT", "a".repeat(64)))
			.isNotEqualTo(link);
		assertThat(Canonical.linkHash(Canonical.ZERO_HASH, "c", 1, "T", "r", "UPDATE", "a".repeat(64)))
			.isNotEqualTo(link);
		assertThat(Canonical.linkHash("1".repeat(64), "c", 1, "T", "r", "INSERT", "a".repeat(64))).isNotEqualTo(link);
	}

	@Test
	void shouldLeaveAColumnOutThatIsNullSoThatANewNullableColumnChangesNothing() {
		Map<String, String> before = Map.of("ID_", "1", "TEXT_", "x");
		TreeMap<String, String> after = new TreeMap<>(before);
		after.put("NEW_COLUMN_", null);
		assertThat(Canonical.contentHash("T", after)).isEqualTo(Canonical.contentHash("T", new TreeMap<>(before)));
	}

	@Test
	void shouldRecordOneLinkWithTheNetChangeOfATransaction() {
		assertThat(new Pending("T", "1", Change.INSERT, Change.UPDATE).net()).isEqualTo(Change.INSERT);
		assertThat(new Pending("T", "1", Change.UPDATE, Change.UPDATE).net()).isEqualTo(Change.UPDATE);
		assertThat(new Pending("T", "1", Change.UPDATE, Change.DELETE).net()).isEqualTo(Change.DELETE);
		// created and removed within the transaction: nobody else ever saw it
		assertThat(new Pending("T", "1", Change.INSERT, Change.DELETE).net()).isNull();
	}

}
