package cn.fazhi.directory;

import java.util.List;
import java.util.Map;

/**
 * The organisation directory as written in {@code directory.yaml}: offices, roles, people
 * and the Camunda permissions each profile grants. Validated by {@link DirectoryLoader}.
 */
public record DirectoryDocument(String version, Government government, List<Office> offices, List<Role> roles,
		Map<String, List<Grant>> profiles, List<Person> people) {

	public DirectoryDocument {
		offices = List.copyOf(offices == null ? List.of() : offices);
		roles = List.copyOf(roles == null ? List.of() : roles);
		profiles = Map.copyOf(profiles == null ? Map.of() : profiles);
		people = List.copyOf(people == null ? List.of() : people);
	}

	/** The government whose procedures this deployment runs. */
	public record Government(String id, String name) {
	}

	/**
	 * An office (组织机构). Its Camunda group has the office id and type
	 * {@value DirectoryDocument#GROUP_TYPE_OFFICE}.
	 *
	 * @param supervisor the office that supervises it (督办 escalation goes there)
	 */
	public record Office(String id, String name, OfficeKind kind, String supervisor, List<String> profiles) {

		public Office {
			profiles = List.copyOf(profiles == null ? List.of() : profiles);
		}

		/** The id of the group of this office's heads (负责人). */
		public String headsGroupId() {
			return this.id + HEADS_SUFFIX;
		}

	}

	/** A role (角色) that cuts across offices, e.g. 公职律师 or 审计监督人员. */
	public record Role(String id, String name, String type, List<String> profiles) {

		public Role {
			profiles = List.copyOf(profiles == null ? List.of() : profiles);
		}

	}

	/** A Camunda authorization granted to every group that has the profile. */
	public record Grant(String resource, String id, List<String> permissions) {

		public Grant {
			permissions = List.copyOf(permissions == null ? List.of() : permissions);
		}

	}

	/**
	 * A person. {@code demo} people exist only while demo mode is on.
	 *
	 * @param expertise fields of expertise of experts in the expert pool (专家库)
	 */
	public record Person(String id, String name, String office, String email, List<String> roles, boolean head,
			List<String> expertise, boolean demo) {

		public Person {
			roles = List.copyOf(roles == null ? List.of() : roles);
			expertise = List.copyOf(expertise == null ? List.of() : expertise);
		}

	}

	/** The kind of an office, which tells what it does in the procedures. */
	public enum OfficeKind {

		/** 承办单位: a government department that carries procedures. */
		DEPARTMENT,
		/** 政府办公室: agenda, publication, registration. */
		SECRETARIAT,
		/** 司法局 / 法制审核机构: legality review. */
		LEGAL_AFFAIRS,
		/** 行政复议机构. */
		RECONSIDERATION,
		/** 审计 / 监督: reads, never acts. */
		SUPERVISION,
		/** Outside the administration: law firms of legal advisers, the expert pool. */
		EXTERNAL

	}

	public static final String GROUP_TYPE_OFFICE = "OFFICE";

	public static final String GROUP_TYPE_ROLE = "ROLE";

	public static final String HEADS_SUFFIX = "-heads";

}
