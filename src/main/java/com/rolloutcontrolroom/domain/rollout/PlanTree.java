package com.rolloutcontrolroom.domain.rollout;

import com.rolloutcontrolroom.domain.gate.GateThresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as a tree of maps, lists, text and booleans: what a plan file holds (read by Jackson) and
 * what the journal hashes (canonical form). One shape for both, so the plan a rollout was created with
 * is exactly the file that can make it again. Writing gives every field, numbers as text; reading also
 * takes numbers as numbers and leaves optional fields out, and refuses a field it does not know (a
 * typo would otherwise silently drop a checklist).
 */
public final class PlanTree {

    private PlanTree() {
    }

    public static Map<String, Object> write(RolloutPlan plan) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("format", Integer.toString(RolloutPlan.FORMAT));
        tree.put("rollout", plan.rollout());
        tree.put("description", plan.description());
        tree.put("flags", List.copyOf(plan.flags()));
        tree.put("environments", plan.environments().stream().map(PlanTree::environment).toList());
        tree.put("phases", plan.phases().stream().map(PlanTree::phase).toList());
        return tree;
    }

    /** @throws PlanFormatException with the path of the first problem */
    public static RolloutPlan read(Map<String, ?> tree) {
        TreeReader r = new TreeReader(tree, "");
        r.allow("format", "rollout", "description", "flags", "environments", "phases");
        String format = r.optionalScalar("format");
        if (format == null) {
            throw new PlanFormatException("format", "is missing; a plan file starts with \"format\": " + RolloutPlan.FORMAT);
        }
        if (!format.equals(Integer.toString(RolloutPlan.FORMAT))) {
            throw new PlanFormatException("format", "is " + format + ", but this version reads format " + RolloutPlan.FORMAT
                    + "; use a plan written for it");
        }
        List<PlanEnvironment> environments = r.objects("environments", PlanTree::readEnvironment);
        List<PhasePlan> phases = r.objects("phases", PlanTree::readPhase);
        try {
            return new RolloutPlan(r.text("rollout"), r.optionalText("description"), r.texts("flags"), environments, phases);
        } catch (PlanFormatException e) {
            throw e;
        }
    }

    private static Map<String, Object> environment(PlanEnvironment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", e.role().label());
        m.put("environment", e.environment());
        m.put("deployTarget", e.deployTarget());
        m.put("deployCommand", e.deployCommand());
        return m;
    }

    private static PlanEnvironment readEnvironment(TreeReader r) {
        r.allow("role", "environment", "deployTarget", "deployCommand");
        String role = r.text("role");
        EnvironmentRole parsed = EnvironmentRole.parse(role).orElseThrow(() ->
                r.problem("role", "is '" + role + "'; write staging or production"));
        return r.building(() -> new PlanEnvironment(parsed, r.text("environment"), r.text("deployTarget"), r.text("deployCommand")));
    }

    private static Map<String, Object> phase(PhasePlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("environment", p.environment() == null ? null : p.environment().label());
        m.put("minimumDuration", p.minimumDuration() == null ? null : PlanDuration.format(p.minimumDuration()));
        m.put("previousStableFor", p.previousStableFor() == null ? null : PlanDuration.format(p.previousStableFor()));
        m.put("flags", p.flags().stream().map(f -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("flag", f.flag());
            fm.put("value", f.value());
            return (Object) fm;
        }).toList());
        m.put("checklist", List.copyOf(p.checklist()));
        m.put("extraSteps", List.copyOf(p.extraSteps()));
        m.put("verificationCriteria", List.copyOf(p.verificationCriteria()));
        m.put("evidence", List.copyOf(p.evidence()));
        m.put("schedule", p.schedule().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("at", PlanDuration.format(c.offset()));
            cm.put("run", c.kind().code());
            return (Object) cm;
        }).toList());
        m.put("gate", gate(p.gate()));
        m.put("rollbackTarget", p.rollbackTarget());
        return m;
    }

    private static Map<String, Object> gate(PhaseGate gate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", gate.kind().code());
        if (gate.kind() == GateKind.METRICS) {
            GateThresholds t = gate.thresholds();
            m.put("sustained", PlanDuration.format(gate.sustained()));
            m.put("successPassPercent", t.successPass().toPlainString());
            m.put("successFailPercent", t.successFail().toPlainString());
            m.put("manualReviewPassPercent", t.reviewPass().toPlainString());
            m.put("manualReviewFailPercent", t.reviewFail().toPlainString());
            m.put("minimumEvents", Long.toString(t.minimumEvents()));
        }
        return m;
    }

    private static PhasePlan readPhase(TreeReader r) {
        r.allow("name", "environment", "minimumDuration", "previousStableFor", "flags", "checklist", "extraSteps",
                "verificationCriteria", "evidence", "schedule", "gate", "rollbackTarget");
        String env = r.optionalText("environment");
        EnvironmentRole role = env == null ? null : EnvironmentRole.parse(env).orElseThrow(() ->
                r.problem("environment", "is '" + env + "'; write staging or production, or leave it out"));
        Duration minimum = r.optionalDuration("minimumDuration");
        Duration stable = r.optionalDuration("previousStableFor");
        List<FlagValue> flags = r.objects("flags", f -> {
            f.allow("flag", "value");
            return f.building(() -> new FlagValue(f.text("flag"), f.scalar("value")));
        });
        List<ScheduledCheckpoint> schedule = r.objects("schedule", c -> {
            c.allow("at", "run");
            Duration at = c.duration("at");
            String run = c.text("run");
            CheckpointKind kind = CheckpointKind.parse(run).orElseThrow(() ->
                    c.problem("run", "is '" + run + "'; write quick, full or final"));
            return c.building(() -> new ScheduledCheckpoint(at, kind));
        });
        PhaseGate gate = readGate(r.object("gate"));
        return r.building(() -> new PhasePlan(r.text("name"), role, minimum, stable, flags, r.optionalTexts("checklist"),
                r.optionalTexts("extraSteps"), r.optionalTexts("verificationCriteria"), r.optionalTexts("evidence"), schedule,
                gate, r.optionalFlag("rollbackTarget")));
    }

    private static PhaseGate readGate(TreeReader r) {
        String kindText = r.text("kind");
        GateKind kind = GateKind.parse(kindText).orElseThrow(() ->
                r.problem("kind", "is '" + kindText + "'; write checklist, duration or metrics"));
        if (kind != GateKind.METRICS) {
            r.allow("kind");
            return kind == GateKind.CHECKLIST ? PhaseGate.CHECKLIST : PhaseGate.DURATION;
        }
        r.allow("kind", "sustained", "successPassPercent", "successFailPercent", "manualReviewPassPercent",
                "manualReviewFailPercent", "minimumEvents");
        GateThresholds runbook = GateThresholds.RUNBOOK;
        GateThresholds thresholds = new GateThresholds(
                r.optionalPercent("successPassPercent", runbook.successPass()),
                r.optionalPercent("successFailPercent", runbook.successFail()),
                r.optionalPercent("manualReviewPassPercent", runbook.reviewPass()),
                r.optionalPercent("manualReviewFailPercent", runbook.reviewFail()),
                r.optionalCount("minimumEvents", runbook.minimumEvents()));
        if (thresholds.successFail().compareTo(thresholds.successPass()) > 0) {
            throw r.problem("successFailPercent", "is above successPassPercent; the red-flag band lies below the passing one");
        }
        if (thresholds.reviewFail().compareTo(thresholds.reviewPass()) < 0) {
            throw r.problem("manualReviewFailPercent", "is below manualReviewPassPercent; the red-flag band lies above the passing one");
        }
        return r.building(() -> PhaseGate.metrics(r.duration("sustained"), thresholds));
    }

    /** Reads one object of the tree, naming the path of whatever is wrong. */
    static final class TreeReader {

        private final Map<String, ?> fields;
        private final String path;

        TreeReader(Map<String, ?> fields, String path) {
            this.fields = fields;
            this.path = path;
        }

        PlanFormatException problem(String key, String reason) {
            return new PlanFormatException(at(key), reason);
        }

        private String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        /** Runs a record constructor, putting this object's path in front of the field it names. */
        <T> T building(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (PlanFormatException e) {
                if (path.isEmpty() || e.path().startsWith(path)) {
                    throw e;
                }
                throw e.under(path);
            } catch (NullPointerException e) {
                throw new PlanFormatException(path.isEmpty() ? "plan" : path, "lacks " + e.getMessage() + "; add it");
            }
        }

        void allow(String... keys) {
            List<String> known = List.of(keys);
            for (String key : fields.keySet()) {
                if (!known.contains(key)) {
                    throw new PlanFormatException(at(key), "is not a field here; the fields are " + String.join(", ", known));
                }
            }
        }

        String text(String key) {
            String value = optionalText(key);
            if (value == null || value.isBlank()) {
                throw problem(key, "is missing or empty; give it a value");
            }
            return value;
        }

        String optionalText(String key) {
            Object value = fields.get(key);
            if (value == null) {
                return null;
            }
            if (!(value instanceof String text)) {
                throw problem(key, "is not text; write it in double quotes");
            }
            return text;
        }

        /** Text, or a number or boolean written without quotes (a flag value of 3, a format of 1). */
        String scalar(String key) {
            String value = optionalScalar(key);
            if (value == null || value.isBlank()) {
                throw problem(key, "is missing or empty; give it a value");
            }
            return value;
        }

        String optionalScalar(String key) {
            Object value = fields.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof String || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            }
            throw problem(key, "is not a single value; write text, a number or true/false");
        }

        boolean optionalFlag(String key) {
            Object value = fields.get(key);
            if (value == null) {
                return false;
            }
            if (!(value instanceof Boolean flag)) {
                throw problem(key, "is not true or false; write it without quotes");
            }
            return flag;
        }

        Duration duration(String key) {
            String text = scalar(key);
            return PlanDuration.parse(text, at(key));
        }

        Duration optionalDuration(String key) {
            return fields.get(key) == null ? null : duration(key);
        }

        BigDecimal optionalPercent(String key, BigDecimal fallback) {
            String text = optionalScalar(key);
            if (text == null) {
                return fallback;
            }
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw problem(key, "is " + text + "; a percentage lies between 0 and 100");
                }
                return value;
            } catch (NumberFormatException e) {
                throw problem(key, "is '" + text + "', not a number; write a percentage such as 97");
            }
        }

        long optionalCount(String key, long fallback) {
            String text = optionalScalar(key);
            if (text == null) {
                return fallback;
            }
            try {
                long value = Long.parseLong(text);
                if (value < 0) {
                    throw problem(key, "is negative; write a count of 0 or more");
                }
                return value;
            } catch (NumberFormatException e) {
                throw problem(key, "is '" + text + "', not a whole number");
            }
        }

        List<String> texts(String key) {
            List<String> values = optionalTexts(key);
            if (fields.get(key) == null) {
                throw problem(key, "is missing; give a list in square brackets");
            }
            return values;
        }

        List<String> optionalTexts(String key) {
            List<String> result = new ArrayList<>();
            List<?> list = list(key);
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String text) || text.isBlank()) {
                    throw new PlanFormatException(at(key) + "[" + i + "]", "is not a piece of text; write it in double quotes");
                }
                result.add(text);
            }
            return result;
        }

        TreeReader object(String key) {
            Object value = fields.get(key);
            if (!(value instanceof Map<?, ?> map)) {
                throw problem(key, value == null ? "is missing; give an object in curly braces" : "is not an object; write it in curly braces");
            }
            return new TreeReader(cast(map), at(key));
        }

        <T> List<T> objects(String key, java.util.function.Function<TreeReader, T> decode) {
            List<?> list = list(key);
            List<T> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String itemPath = at(key) + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> map)) {
                    throw new PlanFormatException(itemPath, "is not an object; write it in curly braces");
                }
                result.add(decode.apply(new TreeReader(cast(map), itemPath)));
            }
            return result;
        }

        private List<?> list(String key) {
            Object value = fields.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list)) {
                throw problem(key, "is not a list; write it in square brackets");
            }
            return list;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> cast(Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
    }
}
