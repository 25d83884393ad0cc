package org.dl4jsnn.reproduce.cli;

import java.util.stream.Collectors;
import org.dl4jsnn.reproduce.MethodSpec;
import org.dl4jsnn.reproduce.TaskRegistry;
import org.dl4jsnn.reproduce.TaskRunner;
import picocli.CommandLine;

/** Assembles the picocli command tree for one invocation. */
public final class Commands {

    private Commands() {
    }

    /** @param commandLine the invocation as typed, recorded in the report */
    public static CommandLine create(TaskRegistry registry, String commandLine) {
        CommandLine top = new CommandLine(new TopCommand());
        top.addSubcommand("reproduce", new ReproduceCommand(registry, commandLine));
        top.addSubcommand("bench", new BenchCommand(registry));
        top.addSubcommand("export", new ExportCommand());
        top.addSubcommand("emulate", new EmulateCommand());
        top.setCaseInsensitiveEnumValuesAllowed(true);
        top.setExecutionExceptionHandler(new FailureHandler());
        top.setParameterExceptionHandler(new UsageErrorHandler());
        top.getSubcommands().get("reproduce").getCommandSpec().usageMessage().footer(taskList(registry));
        return top;
    }

    /** The help footer naming each task and its default methods, so --help answers "what can I run". */
    private static String[] taskList(TaskRegistry registry) {
        StringBuilder sb = new StringBuilder("%nTasks:%n");
        for (TaskRunner r : registry.runners()) {
            sb.append("  ").append(r.task()).append(": ").append(r.description().replace("%", "%%")).append("%n")
                    .append("      default methods: ")
                    .append(r.defaultMethods().stream().map(MethodSpec::label).collect(Collectors.joining(", ")))
                    .append("%n").append(PresetHelp.of(r));
        }
        sb.append("  ").append(TaskRegistry.ALL).append(": every task above, each into its own folder%n");
        sb.append("%nMethods: ").append(MethodSpec.VALID_FORMS).append("%n");
        sb.append("A folder holding results.json holds a complete report; see docs/results-schema.md.%n");
        sb.append(PresetHelp.dataCache().replace("%", "%%"));
        return new String[] {sb.toString()};
    }
}
