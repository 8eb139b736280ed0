package cn.fazhi.security;

import java.util.List;

import cn.fazhi.system.engine.Privileged;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against Camunda identity, the one user store of Fazhi
 * (the directory loads it). The authorities are the user's groups as
 * {@code GROUP_<groupId>}. Camunda counts failed attempts and locks the account after too
 * many.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	static final String GROUP_PREFIX = "GROUP_";

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		boolean valid = Privileged.call(this.identityService,
				() -> this.identityService.checkPassword(userId, password));
		if (!valid) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		List<GrantedAuthority> authorities = groupsOf(userId).stream()
			.map((groupId) -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + groupId))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
	}

	List<String> groupsOf(String userId) {
		return Privileged
			.call(this.identityService, () -> this.identityService.createGroupQuery().groupMember(userId).list())
			.stream()
			.map(Group::getId)
			.toList();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
