package cn.fazhi.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode ({@code fazhi.demo.*}): when enabled, the people marked {@code demo: true} in
 * the directory exist with this password. On by default for the embedded H2 run, off
 * under the {@code postgres} profile unless {@code FAZHI_DEMO=true}; production mode is
 * "demo off".
 */
@ConfigurationProperties("fazhi.demo")
public record DemoProperties(boolean enabled, String password) {

}
