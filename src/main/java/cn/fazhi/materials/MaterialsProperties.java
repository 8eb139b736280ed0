package cn.fazhi.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of case materials ({@code fazhi.materials.*}). {@code application.yaml} sets
 * Spring's multipart limits from these, so that a file over the limit is refused while it
 * is still being received.
 *
 * @param maxFileSize the largest material one may upload (default 20MB)
 * @param maxRequestSize the largest upload request: the file and its form fields, so a
 * little above {@code maxFileSize} (default 21MB)
 */
@ConfigurationProperties("fazhi.materials")
record MaterialsProperties(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("21MB") DataSize maxRequestSize) {

	MaterialsProperties {
		if (maxFileSize.toBytes() <= 0 || maxRequestSize.toBytes() <= maxFileSize.toBytes()) {
			throw new IllegalArgumentException("fazhi.materials.max-request-size (" + maxRequestSize
					+ ") 应大于 fazhi.materials.max-file-size (" + maxFileSize + ") 且后者大于 0 / max-request-size must be "
					+ "larger than max-file-size (the file plus its form fields), and max-file-size positive");
		}
	}

}
