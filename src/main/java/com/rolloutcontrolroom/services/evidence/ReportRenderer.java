package com.rolloutcontrolroom.services.evidence;

import com.rolloutcontrolroom.domain.journal.StoredEntry;
import java.util.List;

/**
 * Renders a rollout's verification report from journal records alone (no clock, no database), so the
 * same records give the same bytes: the bundle carries it and the verifier renders it again to compare.
 */
@FunctionalInterface
public interface ReportRenderer {

    RenderedReport render(List<StoredEntry> journal, String rollout);
}
