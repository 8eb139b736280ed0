package cn.fazhi.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the organisation directory is ({@code fazhi.directory.location}).
 */
@ConfigurationProperties("fazhi.directory")
public record DirectoryProperties(Resource location) {

}
