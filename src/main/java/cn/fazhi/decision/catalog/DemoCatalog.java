package cn.fazhi.decision.catalog;

import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import cn.fazhi.directory.DemoProperties;
import cn.fazhi.system.DatabaseLocks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a plausible catalogue for this year and next, so that the public page
 * and the major-decision process have matters to show. A year is seeded only while it has
 * no matters at all, so anything the secretariat entered is never touched; never in
 * production mode (demo off).
 * <p>
 * Nodes starting together are serialised by a database lock; should two still race, the
 * unique (year, title) key refuses the second node's rows and its whole year rolls back.
 */
@Component
@DependsOnDatabaseInitialization
class DemoCatalog implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	private final DemoProperties demo;

	private final CatalogRepository repository;

	private final DatabaseLocks locks;

	private final TransactionTemplate transaction;

	private final ZoneId zone;

	DemoCatalog(DemoProperties demo, CatalogRepository repository, DatabaseLocks locks, TransactionTemplate transaction,
			@Value("${fazhi.calendar.zone:Asia/Shanghai}") ZoneId zone) {
		this.demo = demo;
		this.repository = repository;
		this.locks = locks;
		this.transaction = transaction;
		this.zone = zone;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.demo.enabled()) {
			this.locks.runExclusively("decision-catalog-demo", this::seed);
		}
	}

	void seed() {
		int year = Year.now(this.zone).getValue();
		seedYear(year,
				List.of(new CatalogFields(year, "示范市集体土地征收补偿安置办法", DecisionCategory.RESOURCES, "dept-nrp", true, true,
						true, year + "年第三季度"),
						new CatalogFields(year, "示范市学前教育收费管理办法", DecisionCategory.PUBLIC_POLICY, "dept-edu", false,
								true, false, year + "年第四季度"),
						new CatalogFields(year, "示范市老旧小区改造三年行动计划（" + year + "—" + (year + 2) + "年）",
								DecisionCategory.DEVELOPMENT_PLAN, "dept-hcd", false, false, false, year + "年第二季度")));
		seedYear(year + 1, List.of(new CatalogFields(year + 1, "示范市中心城区地下综合管廊建设项目",
				DecisionCategory.CONSTRUCTION_PROJECT, "dept-hcd", true, true, true, (year + 1) + "年上半年")));
	}

	private void seedYear(int year, List<CatalogFields> entries) {
		if (!this.repository.list(year).isEmpty()) {
			return;
		}
		try {
			this.transaction.executeWithoutResult(
					(status) -> entries.forEach((entry) -> this.repository.insert(entry, DecisionCatalog.SYSTEM)));
			log.info("Demo decision catalogue {} seeded ({} matters)", year, entries.size());
		}
		catch (DuplicateKeyException ex) {
			log.info("Demo decision catalogue {} was seeded by another node meanwhile", year);
		}
	}

}
