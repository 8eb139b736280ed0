package cn.fazhi.system.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls of Fazhi's own logic (routing, bookkeeping of who may see a case)
 * without the authorization checks of the user on whose behalf they happen. Never hand
 * user input through here without checking it first.
 */
public final class Privileged {

	private Privileged() {
	}

	public static <T> T call(IdentityService identityService, Supplier<T> work) {
		CommandContext commandContext = Context.getCommandContext();
		if (commandContext != null) {
			return commandContext.runWithoutAuthorization(work::get);
		}
		Authentication authentication = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (authentication != null) {
				identityService.setAuthentication(authentication);
			}
		}
	}

	public static void run(IdentityService identityService, Runnable work) {
		call(identityService, () -> {
			work.run();
			return null;
		});
	}

}
