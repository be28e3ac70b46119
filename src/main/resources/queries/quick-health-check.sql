-- name: quick_health_check
-- suite: quick
-- description: Coordinator events of the last 6 hours by event type, with the share of events
--   that carry no context.reason (the seeds' success formula). Reproduced exactly from the runbook.
SELECT event_type, count(*) AS total, ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_pct
FROM observability_events
WHERE source = 'assignment.coordinator' AND created_at >= now() - INTERVAL '6 hours'
GROUP BY 1;
