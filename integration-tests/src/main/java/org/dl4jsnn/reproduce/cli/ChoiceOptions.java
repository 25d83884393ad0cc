package org.dl4jsnn.reproduce.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dl4jsnn.data.DiffusionReactionDataset;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.reproduce.RunSettings;
import org.dl4jsnn.reproduce.choice.LrSchedule;
import org.dl4jsnn.reproduce.choice.ParameterAveraging;
import org.dl4jsnn.reproduce.choice.ResetGradient;
import org.dl4jsnn.reproduce.choice.RfgGroups;
import org.dl4jsnn.reproduce.choice.TrainingChoices;

/**
 * The training-convention options of {@code reproduce} as given (null: the task's default), turned
 * into the settings entries {@link TrainingChoices} reads.
 */
record ChoiceOptions(String schedule, String init, String resetGradient, String rfgGroups, String rfgDirections,
                     String activityLayers, String paramAverage, Double grfLengthScale) {

    static final ChoiceOptions NONE = new ChoiceOptions(null, null, null, null, null, null, null, null);

    /** The option that sets each settings key. */
    static final Map<String, String> OPTION = Map.of(TrainingChoices.SCHEDULE, "--schedule",
            TrainingChoices.INIT, "--init", TrainingChoices.RESET, "--reset-gradient",
            TrainingChoices.GROUPS, "--rfg-groups", TrainingChoices.DIRECTIONS, "--rfg-directions",
            TrainingChoices.ACTIVITY, "--activity-layers", TrainingChoices.AVERAGING, "--param-average",
            TrainingChoices.GRF_LENGTH_SCALE, "--grf-length-scale");

    /**
     * The settings entries these options set, in canonical spelling.
     *
     * @param defaults the task's default settings: an option the task has no entry for is rejected
     * @throws InvalidOptionException naming the option whose value cannot be used
     */
    Map<String, String> entries(String task, RunSettings defaults) {
        Map<String, String> m = new LinkedHashMap<>();
        parse(m, "--schedule", TrainingChoices.SCHEDULE, schedule, s -> LrSchedule.parse(s).label());
        parse(m, "--init", TrainingChoices.INIT, init, s -> InitScheme.fromCliName(s).cliName());
        parse(m, "--reset-gradient", TrainingChoices.RESET, resetGradient, s -> ResetGradient.parse(s).text());
        parse(m, "--rfg-groups", TrainingChoices.GROUPS, rfgGroups, s -> RfgGroups.parse(s).text());
        parse(m, "--rfg-directions", TrainingChoices.DIRECTIONS, rfgDirections,
                s -> TrainingChoices.directionsText(TrainingChoices.directions(s)));
        parse(m, "--activity-layers", TrainingChoices.ACTIVITY, activityLayers,
                s -> TrainingChoices.activityLayersText(TrainingChoices.activityLayers(s)));
        parse(m, "--param-average", TrainingChoices.AVERAGING, paramAverage, s -> ParameterAveraging.parse(s).text());
        if (grfLengthScale != null) {
            if (!defaults.extra().containsKey(TrainingChoices.GRF_LENGTH_SCALE)) {
                throw new InvalidOptionException("--grf-length-scale", "task " + task
                        + " has no Gaussian-random-field data to set");
            }
            if (!(grfLengthScale > 0) || !Double.isFinite(grfLengthScale)) {
                throw new InvalidOptionException("--grf-length-scale", "must be a finite number > 0, got "
                        + grfLengthScale);
            }
            m.put(TrainingChoices.GRF_LENGTH_SCALE, Double.toString(grfLengthScale));
        }
        return m;
    }

    private static void parse(Map<String, String> m, String option, String key, String value,
                              UnaryOperator<String> canonical) {
        if (value == null) {
            return;
        }
        try {
            m.put(key, canonical.apply(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(option, e.getMessage());
        }
    }

    /**
     * The value a recorded reproduction has for a key, as the runs read it: a key recorded before it
     * existed means what runs did then.
     */
    static String recordedValue(RunSettings recorded, String key) {
        if (key.equals(TrainingChoices.GRF_LENGTH_SCALE)) {
            return recorded.extra().getOrDefault(key,
                    Double.toString(DiffusionReactionDataset.ROUGH_LENGTH_SCALE));
        }
        return TrainingChoices.of(recorded).entries().get(key);
    }
}
