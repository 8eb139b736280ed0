package cn.fazhi.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The production administrator ({@code FAZHI_ADMIN_USER}, {@code FAZHI_ADMIN_PASSWORD},
 * {@code FAZHI_ADMIN_EMAIL}). Created once, as a member of {@code camunda-admin}, if it
 * does not exist; its password is never overwritten afterwards (change it in Camunda
 * Admin).
 */
@ConfigurationProperties("fazhi.admin")
public record AdminProperties(String id, String password, String email) {

	public boolean isConfigured() {
		return this.id != null && !this.id.isBlank();
	}

}
