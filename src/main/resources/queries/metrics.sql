-- The metrics behind the charts and the gates. Editable: each entry must return the columns
-- 'matching' and 'total' (and 'hour_utc' for the hourly series); the rate is matching / total.
-- :since and :until bound the window; the app sets them (a checkpoint, a chart's range).
--
-- Success rate (the runbook's formula): share of coordinator events whose context has no 'reason'.
-- A 'reason' key that is present but empty counts as a reason (not a success), as in the runbook.
-- Manual-review rate: coordinator.manual_review events over coordinator.start events.
-- Coordinator alarms: the runbook's red-flag events, counted over the same window; they must return
-- the columns 'errors' and 'circuit_opens'.
-- Legacy activity: the legacy path's auto_assign.* events over the same window (a shadow phase expects
-- them); it must return the column 'events'.

-- name: metric_success_rate
-- suite: metric
-- description: Share of assignment.coordinator events without context.reason in the window.
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT count(*) FILTER (WHERE context->>'reason' IS NULL) AS matching, count(*) AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until;

-- name: metric_coordinator_alarms
-- suite: metric
-- description: coordinator.error and coordinator.circuit_open events in the window (the runbook's red flags).
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT count(*) FILTER (WHERE event_type = 'coordinator.error') AS errors,
       count(*) FILTER (WHERE event_type = 'coordinator.circuit_open') AS circuit_opens
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until;

-- name: metric_legacy_activity
-- suite: metric
-- description: Legacy auto_assign.* events in the window (a shadow phase expects them: bookings reach the app).
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT count(*) AS events
FROM observability_events
WHERE event_type LIKE 'auto\_assign.%'
  AND created_at >= :since AND created_at < :until;

-- name: metric_success_rate_hourly
-- suite: metric
-- description: The success rate per UTC hour of the window; hours without events are absent.
-- param: since timestamptz = now - 48 hours
-- param: until timestamptz = now
SELECT date_trunc('hour', created_at, 'UTC') AS hour_utc,
       count(*) FILTER (WHERE context->>'reason' IS NULL) AS matching, count(*) AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_manual_review_rate
-- suite: metric
-- description: coordinator.manual_review events over coordinator.start events in the window.
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS matching,
       count(*) FILTER (WHERE event_type = 'coordinator.start') AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until;

-- name: metric_manual_review_rate_hourly
-- suite: metric
-- description: The manual-review rate per UTC hour of the window; hours without events are absent.
-- param: since timestamptz = now - 48 hours
-- param: until timestamptz = now
SELECT date_trunc('hour', created_at, 'UTC') AS hour_utc,
       count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS matching,
       count(*) FILTER (WHERE event_type = 'coordinator.start') AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_success_rate_phase_hours
-- suite: metric
-- description: The success rate per hour of a phase window, hour 0 starting at the deployment marker
--   (:since); hours without events are absent. The phase gate sums these counts, hour by hour.
-- param: since timestamptz = now - 48 hours
-- param: until timestamptz = now
SELECT floor(extract(epoch FROM created_at - :since) / 3600)::int AS phase_hour,
       count(*) FILTER (WHERE context->>'reason' IS NULL) AS matching, count(*) AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_manual_review_rate_phase_hours
-- suite: metric
-- description: The manual-review rate per hour of a phase window, hour 0 starting at the deployment
--   marker (:since); hours without events are absent.
-- param: since timestamptz = now - 48 hours
-- param: until timestamptz = now
SELECT floor(extract(epoch FROM created_at - :since) / 3600)::int AS phase_hour,
       count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS matching,
       count(*) FILTER (WHERE event_type = 'coordinator.start') AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_success_rate_minutely
-- suite: metric
-- description: The success rate per UTC minute of the window (the dashboard's last 6 hours by minute);
--   minutes without events are absent.
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT date_trunc('minute', created_at, 'UTC') AS minute_utc,
       count(*) FILTER (WHERE context->>'reason' IS NULL) AS matching, count(*) AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_manual_review_rate_minutely
-- suite: metric
-- description: The manual-review rate per UTC minute of the window; minutes without events are absent.
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT date_trunc('minute', created_at, 'UTC') AS minute_utc,
       count(*) FILTER (WHERE event_type = 'coordinator.manual_review') AS matching,
       count(*) FILTER (WHERE event_type = 'coordinator.start') AS total
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;

-- name: metric_event_breakdown
-- suite: metric
-- description: Coordinator events of the window by event type, with the share that carry no context.reason
--   (the quick health check's columns, over the dashboard's phase window instead of the last 6 hours).
-- param: since timestamptz = now - 6 hours
-- param: until timestamptz = now
SELECT event_type, count(*) AS total,
       ROUND(100.0 * count(*) FILTER (WHERE context->>'reason' IS NULL) / NULLIF(count(*), 0), 2) AS success_pct
FROM observability_events
WHERE source = 'assignment.coordinator'
  AND created_at >= :since AND created_at < :until
GROUP BY 1
ORDER BY 1;
