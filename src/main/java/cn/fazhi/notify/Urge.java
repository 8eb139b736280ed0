package cn.fazhi.notify;

import java.time.OffsetDateTime;

/**
 * One urge (催办) of a task. Public contract of {@code POST /api/tasks/{taskId}/urge} and
 * {@code GET /api/tasks/{taskId}/urges}.
 *
 * @param businessKey the case number (案号) of the top-level case
 * @param urgedBy user id of the supervisor who urged
 * @param urgedByName their name
 * @param urgedAt when, in the government's time zone
 */
public record Urge(String taskId, String taskName, String businessKey, String urgedBy, String urgedByName,
		OffsetDateTime urgedAt, String message) {

}
