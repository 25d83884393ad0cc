package org.dl4jsnn.reproduce.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dl4j-snn}: only dispatches to its subcommands. */
@Command(name = "dl4j-snn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = SearchCommand.class,
        description = "Spiking neural networks trained by back-propagation or randomized forward gradients:"
                + " reproduce the paper's experiments and benchmark the cost per iteration.",
        footer = {"", "Exit codes: 0 ok, 1 failure during the work or a run diverged (the report marks it),"
                + " 2 bad command line, unusable or busy --out, or too little heap (nothing trained),"
                + " 3 damaged checkpoint or run record in --out, or another run's checkpoint."})
final class TopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = FailureHandler.VERBOSE, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace after the one-line cause.")
    boolean verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: reproduce or bench");
    }
}
