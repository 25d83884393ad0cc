package org.dl4jsnn.reproduce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tasks and the benchmark that the command-line tool offers. */
public final class TaskRegistry {

    /** Reserved task name meaning every registered task, in registration order. */
    public static final String ALL = "all";

    private static final Pattern TASK_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, TaskRunner> runners;
    private final BenchmarkRunner benchmark;

    /**
     * @param benchmark may be null when no benchmark is available; the bench command then fails
     *     with a message
     */
    public TaskRegistry(List<TaskRunner> runners, BenchmarkRunner benchmark) {
        Objects.requireNonNull(runners, "runners");
        Map<String, TaskRunner> byName = new LinkedHashMap<>();
        for (TaskRunner r : runners) {
            Objects.requireNonNull(r, "runner");
            String name = r.task();
            if (name == null || !TASK_NAME.matcher(name).matches() || ALL.equals(name)) {
                throw new IllegalArgumentException("task name must be lower-case words joined by '-', and not '"
                        + ALL + "'; got '" + name + "'");
            }
            if (byName.putIfAbsent(name, r) != null) {
                throw new IllegalArgumentException("task '" + name + "' registered twice");
            }
        }
        this.runners = Collections.unmodifiableMap(byName);
        this.benchmark = benchmark;
    }

    public Optional<TaskRunner> find(String task) {
        return Optional.ofNullable(runners.get(task));
    }

    public List<String> taskNames() {
        return List.copyOf(runners.keySet());
    }

    public List<TaskRunner> runners() {
        return List.copyOf(runners.values());
    }

    /** The names accepted by {@code reproduce}: every task, then {@value #ALL}. */
    public List<String> acceptedTaskNames() {
        List<String> names = new ArrayList<>(runners.keySet());
        names.add(ALL);
        return names;
    }

    public Optional<BenchmarkRunner> benchmark() {
        return Optional.ofNullable(benchmark);
    }
}
