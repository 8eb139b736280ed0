package cn.fazhi.system.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys {@code processes/} (BPMN, DMN) and {@code forms/} (Camunda Forms) as one
 * deployment named {@value #DEPLOYMENT_NAME}, with resource names relative to the
 * repository root ({@code processes/legality-review/legality-review.bpmn}) whether the
 * application runs from the jar or exploded.
 * <p>
 * The starter's pattern deployment is switched off
 * ({@code camunda.bpm.auto-deployment-enabled:
 * false}) because it names resources by absolute path when exploded and by bare file name
 * from the jar, which makes a new deployment each time one switches (STACK.md §3 item 2).
 * Duplicate filtering keeps restarts from deploying again; when anything changed, every
 * resource is deployed again so that a process and the forms it binds with
 * {@code camunda:formRefBinding="deployment"} always travel together.
 */
@Component
public class FazhiDeploymentPlugin extends AbstractProcessEnginePlugin {

	/** Deployment name and source, visible in Cockpit. */
	public static final String DEPLOYMENT_NAME = "fazhi";

	static final String[] FOLDERS = { "processes", "forms" };

	static final String[] SUFFIXES = { ".bpmn", ".dmn", ".form" };

	private static final Logger log = LoggerFactory.getLogger(FazhiDeploymentPlugin.class);

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		Map<String, Resource> resources = findResources();
		DeploymentBuilder builder = processEngine.getRepositoryService()
			.createDeployment()
			.name(DEPLOYMENT_NAME)
			.source(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(false);
		resources.forEach((name, resource) -> builder.addInputStream(name, read(resource)));
		DeploymentWithDefinitions deployment = builder.deployWithResult();
		log.info("Deployment '{}' ({} resources): id {}, {} new process definitions", DEPLOYMENT_NAME, resources.size(),
				deployment.getId(), deployment.getDeployedProcessDefinitions() == null ? 0
						: deployment.getDeployedProcessDefinitions().size());
	}

	/**
	 * All model and form resources, keyed by their name relative to the classpath root,
	 * sorted so that the deployment is the same on every node.
	 */
	static Map<String, Resource> findResources() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		Map<String, Resource> found = new TreeMap<>();
		try {
			for (String folder : FOLDERS) {
				for (String suffix : SUFFIXES) {
					for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*" + suffix)) {
						found.put(relativeName(folder, resource), resource);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the process and form resources", ex);
		}
		if (found.isEmpty()) {
			throw new IllegalStateException("No BPMN, DMN or form resources found under processes/ and forms/");
		}
		return found;
	}

	private static String relativeName(String folder, Resource resource) throws IOException {
		String url = resource.getURL().toString();
		int at = url.lastIndexOf("/" + folder + "/");
		if (at < 0) {
			throw new IllegalStateException("Resource outside " + folder + "/: " + url);
		}
		return url.substring(at + 1);
	}

	private static InputStream read(Resource resource) {
		try {
			return resource.getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

}
