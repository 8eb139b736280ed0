package cn.fazhi.security;

import java.util.List;

import cn.fazhi.directory.AdminProperties;
import cn.fazhi.directory.DemoProperties;
import cn.fazhi.directory.StartupCheck;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.stereotype.Component;

/**
 * Refuses to run in production mode (demo off) while an administrator could log in with a
 * well-known password such as {@code demo}, or while no administrator is configured at
 * all.
 * <p>
 * Passwords are compared against the stored salted hash directly, not with
 * {@code IdentityService#checkPassword}, which would count a failed login attempt for
 * every guess and eventually lock the real administrator out.
 */
@Component
class AdminPasswordGuard implements StartupCheck {

	static final List<String> DEFAULT_PASSWORDS = List.of("demo", "admin", "camunda", "password", "123456", "12345678",
			"fazhi", "changeit");

	static final int MIN_LENGTH = 12;

	private final DemoProperties demo;

	private final AdminProperties admin;

	private final IdentityService identityService;

	private final ProcessEngineConfigurationImpl configuration;

	AdminPasswordGuard(DemoProperties demo, AdminProperties admin, IdentityService identityService,
			ProcessEngineConfigurationImpl configuration) {
		this.demo = demo;
		this.admin = admin;
		this.identityService = identityService;
		this.configuration = configuration;
	}

	@Override
	public void check() {
		if (this.demo.enabled()) {
			return;
		}
		if (this.admin.isConfigured()) {
			String password = this.admin.password();
			if (password == null || password.length() < MIN_LENGTH || isDefault(password)) {
				throw refuse("FAZHI_ADMIN_PASSWORD 未设置、少于 " + MIN_LENGTH + " 位或是默认密码",
						"FAZHI_ADMIN_PASSWORD is missing, shorter than " + MIN_LENGTH
								+ " characters or a default password");
			}
		}
		List<User> admins = this.identityService.createUserQuery().memberOfGroup("camunda-admin").list();
		if (admins.isEmpty()) {
			throw refuse("没有任何系统管理员：请设置 FAZHI_ADMIN_USER 和 FAZHI_ADMIN_PASSWORD",
					"there is no administrator: set FAZHI_ADMIN_USER and FAZHI_ADMIN_PASSWORD");
		}
		for (User user : admins) {
			for (String candidate : DEFAULT_PASSWORDS) {
				if (matches(user, candidate)) {
					throw refuse("管理员 " + user.getId() + " 仍在使用默认密码，请在 Camunda Admin 中修改后再启动", "administrator "
							+ user.getId()
							+ " still has a default password; change it in Camunda Admin (or delete the user) first");
				}
			}
		}
	}

	private boolean matches(User user, String candidate) {
		if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
			return false;
		}
		String salted = EncryptionUtil.saltPassword(candidate, entity.getSalt());
		return this.configuration.getPasswordManager().check(salted, entity.getPassword());
	}

	private static boolean isDefault(String password) {
		return DEFAULT_PASSWORDS.stream().anyMatch(password::equalsIgnoreCase);
	}

	private static IllegalStateException refuse(String chinese, String english) {
		return new IllegalStateException("生产模式（fazhi.demo.enabled=false）拒绝启动：" + chinese + "。\nRefusing to start in "
				+ "production mode (fazhi.demo.enabled=false): " + english + ".");
	}

}
