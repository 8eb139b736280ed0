package cn.fazhi.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Runs engine calls as a real directory user (with the groups Camunda identity gives
 * them), so that process tests also prove who may do what.
 */
public final class ActingUser {

	private final IdentityService identityService;

	public ActingUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T as(String userId, Supplier<T> work) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		this.identityService.setAuthentication(userId, groups);
		try {
			return work.get();
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	public void as(String userId, Runnable work) {
		as(userId, () -> {
			work.run();
			return null;
		});
	}

}
