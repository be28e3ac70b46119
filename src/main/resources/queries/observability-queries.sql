-- The observability query set of the Assignment Pipeline V3 runbook.
--
-- Format: each query starts with a header of '-- key: value' lines, then one SQL statement.
--   -- name: snake_case_name        unique in the set
--   -- suite: quick | full          quick = the health check; full = a checkpoint's full suite
--   -- description: what it shows   (may continue on lines starting with '--' and two spaces)
--   -- param: name type = default   type: interval, timestamptz, text or integer; used as :name
-- Every query runs in its own read-only transaction with a statement timeout.
-- The first three are the runbook's queries, reproduced exactly.

-- name: quick_health_check
-- suite: quick
-- description: Coordinator events of the last 6 hours by event type, with the share of events
--   that carry no context.reason (the runbook's success formula). Run at T+0h and between full suites.
SELECT event_type, count(*) AS total, ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_pct FROM observability_events WHERE source = 'assignment.coordinator' AND created_at >= now() - INTERVAL '6 hours' GROUP BY 1;

-- name: coordinator_events_last_hour
-- suite: full
-- description: Coordinator events of the last hour by event type. The shadow-mode check: in a
--   shadow phase this must return zero rows; in a full phase it shows V3 is handling bookings.
SELECT source, event_type, count(*)
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= now() - INTERVAL '1 hour'
GROUP BY 1, 2
ORDER BY 3 DESC;

-- name: success_rate_by_event_type
-- suite: full
-- description: Success rate by coordinator event type over the last hour (share of events
--   without context.reason), as run right after a deployment.
SELECT
  event_type,
  count(*) AS total,
  ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_rate_percent
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= now() - INTERVAL '1 hour'
GROUP BY 1
ORDER BY 1;

-- name: manual_review_rate
-- suite: full
-- description: Bookings sent to manual review against bookings the coordinator started
--   (coordinator.manual_review / coordinator.start). The gate wants it below 1 %.
-- param: window interval = 6 hours
SELECT
  count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS manual_reviews,
  count(*) FILTER (WHERE event_type = 'coordinator.start') AS starts,
  ROUND(100.0 * count(*) FILTER (WHERE event_type = 'coordinator.manual_review')
        / NULLIF(count(*) FILTER (WHERE event_type = 'coordinator.start'), 0), 2) AS manual_review_pct
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= now() - CAST(:window AS interval);

-- name: error_events_with_reasons
-- suite: full
-- description: coordinator.error events by reason, with first and last occurrence. Errors that
--   keep coming (sustained) call for a rollback.
-- param: window interval = 6 hours
SELECT context->>'reason' AS reason, count(*) AS events, min(created_at) AS first_seen, max(created_at) AS last_seen
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND event_type = 'coordinator.error'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: circuit_breaker_events
-- suite: full
-- description: coordinator.circuit_open events (circuit breaker trips) by reason. Any row here
--   is a red flag: an upstream service is failing.
-- param: window interval = 6 hours
SELECT context->>'reason' AS reason, count(*) AS events, min(created_at) AS first_seen, max(created_at) AS last_seen
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND event_type = 'coordinator.circuit_open'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: retries_by_reason
-- suite: full
-- description: coordinator.retry events by reason. Frequent retries are a warning sign; the
--   reasons say where to look.
-- param: window interval = 6 hours
SELECT context->>'reason' AS reason, count(*) AS retries
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND event_type = 'coordinator.retry'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1
ORDER BY 2 DESC, 1;

-- name: lock_contention_by_hour
-- suite: full
-- description: coordinator.lock_contention events per hour (UTC); a rising count points at
--   concurrency trouble (compare with FEATURE_ASSIGNMENT_PIPELINE_V3_MAX_PARALLEL).
-- param: window interval = 6 hours
SELECT date_trunc('hour', created_at, 'UTC') AS hour_utc, count(*) AS lock_contentions
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND event_type = 'coordinator.lock_contention'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1
ORDER BY 1;

-- name: state_machine_transitions
-- suite: full
-- description: assignment.state_machine transitions by from and to state: shows the state
--   machine is moving bookings through their states.
-- param: window interval = 6 hours
SELECT event_type, context->>'from' AS from_state, context->>'to' AS to_state, count(*) AS transitions
FROM observability_events
WHERE source = 'assignment.state_machine'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1, 2, 3
ORDER BY 4 DESC, 2, 3;

-- name: legacy_auto_assign_activity
-- suite: full
-- description: Legacy auto_assign.* events: present while V3 is off or in shadow mode, expected
--   to stop once V3 runs in full mode.
-- param: window interval = 6 hours
SELECT source, event_type, count(*) AS events, max(created_at) AS last_seen
FROM observability_events
WHERE event_type LIKE 'auto\_assign.%'
  AND created_at >= now() - CAST(:window AS interval)
GROUP BY 1, 2
ORDER BY 3 DESC, 2;

-- name: baseline_top_events
-- suite: full
-- description: The ten most frequent events by source and event type, as in the baseline
--   captured before the rollout; compare against it.
-- param: window interval = 24 hours
SELECT source, event_type, count(*) AS events
FROM observability_events
WHERE created_at >= now() - CAST(:window AS interval)
GROUP BY 1, 2
ORDER BY 3 DESC, 1, 2
LIMIT 10;
