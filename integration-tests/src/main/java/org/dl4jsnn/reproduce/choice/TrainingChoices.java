package org.dl4jsnn.reproduce.choice;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.dl4jsnn.estimator.ActivityLayers;
import org.dl4jsnn.estimator.DirectionDistribution;
import org.dl4jsnn.init.InitScheme;
import org.dl4jsnn.reproduce.RunSettings;

/**
 * The training conventions a run's settings fix beyond iterations, batch and rate: learning-rate
 * schedule, initialisation, reset gradient, RFG-L groups, RFG direction distribution, the layers RFG-A
 * perturbs by activity and whether the parameters are averaged. They live in
 * {@link RunSettings#extra()} under the keys below (so settings.json records them and --resume keeps
 * them, and the report lists them); a key that is absent means what runs did before it existed.
 */
public record TrainingChoices(LrSchedule schedule, InitScheme init, ResetGradient reset, RfgGroups groups,
                              DirectionDistribution directions, ActivityLayers activity,
                              ParameterAveraging averaging) {

    public static final String SCHEDULE = "lr schedule";
    public static final String INIT = "init";
    public static final String RESET = "reset gradient";
    public static final String GROUPS = "RFG-L groups";
    public static final String DIRECTIONS = "RFG directions";
    public static final String ACTIVITY = "RFG-A layers";
    public static final String AVERAGING = "parameter average";
    /** A data choice of the tasks whose source terms are Gaussian random fields (diffusion-reaction). */
    public static final String GRF_LENGTH_SCALE = "GRF length scale";

    /**
     * Constant rate, Xavier, detached reset, one group per layer, Rademacher, RFG-A on the spiking layers only,
     * the last iterate: runs before the keys.
     */
    public static final TrainingChoices LEGACY = new TrainingChoices(LrSchedule.CONSTANT, InitScheme.XAVIER,
            ResetGradient.DETACHED, RfgGroups.BY_LAYER, DirectionDistribution.RADEMACHER, ActivityLayers.SPIKING,
            ParameterAveraging.NONE);

    public TrainingChoices {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(reset, "reset");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(directions, "directions");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(averaging, "averaging");
    }

    /** The choices recorded in {@code settings}, {@link #LEGACY} for each absent key. */
    public static TrainingChoices of(RunSettings settings) {
        Map<String, String> x = settings.extra();
        return new TrainingChoices(
                x.containsKey(SCHEDULE) ? LrSchedule.parse(x.get(SCHEDULE)) : LEGACY.schedule,
                x.containsKey(INIT) ? InitScheme.fromCliName(x.get(INIT)) : LEGACY.init,
                x.containsKey(RESET) ? ResetGradient.parse(x.get(RESET)) : LEGACY.reset,
                x.containsKey(GROUPS) ? RfgGroups.parse(x.get(GROUPS)) : LEGACY.groups,
                x.containsKey(DIRECTIONS) ? directions(x.get(DIRECTIONS)) : LEGACY.directions,
                x.containsKey(ACTIVITY) ? activityLayers(x.get(ACTIVITY)) : LEGACY.activity,
                x.containsKey(AVERAGING) ? ParameterAveraging.parse(x.get(AVERAGING)) : LEGACY.averaging);
    }

    /** The settings entries of these choices. */
    public Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SCHEDULE, schedule.label());
        m.put(INIT, init.cliName());
        m.put(RESET, reset.text());
        m.put(GROUPS, groups.text());
        m.put(DIRECTIONS, directionsText(directions));
        m.put(ACTIVITY, activityLayersText(activity));
        m.put(AVERAGING, averaging.text());
        return m;
    }

    /** {@code extra} with these choices' entries added (replacing any earlier ones). */
    public Map<String, String> addTo(Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.putAll(entries());
        return m;
    }

    public TrainingChoices withSchedule(LrSchedule s) {
        return new TrainingChoices(s, init, reset, groups, directions, activity, averaging);
    }

    public TrainingChoices withInit(InitScheme i) {
        return new TrainingChoices(schedule, i, reset, groups, directions, activity, averaging);
    }

    public TrainingChoices withGroups(RfgGroups g) {
        return new TrainingChoices(schedule, init, reset, g, directions, activity, averaging);
    }

    public TrainingChoices withActivity(ActivityLayers a) {
        return new TrainingChoices(schedule, init, reset, groups, directions, a, averaging);
    }

    /** {@code spiking}, {@code spiking+dense} or {@code affine}. */
    public static String activityLayersText(ActivityLayers a) {
        return switch (a) {
            case SPIKING -> "spiking";
            case SPIKING_AND_DENSE -> "spiking+dense";
            case AFFINE_OUTPUTS -> "affine";
        };
    }

    /** spiking, spiking+dense or affine, case-insensitive. */
    public static ActivityLayers activityLayers(String text) {
        for (ActivityLayers a : ActivityLayers.values()) {
            if (activityLayersText(a).equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown RFG-A layers '" + text + "'; allowed: spiking, spiking+dense, affine");
    }

    public static String directionsText(DirectionDistribution d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    /** rademacher, gaussian or orthogonal, case-insensitive. */
    public static DirectionDistribution directions(String text) {
        for (DirectionDistribution d : DirectionDistribution.values()) {
            if (directionsText(d).equalsIgnoreCase(text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown RFG directions '" + text + "'; allowed: rademacher, gaussian,"
                + " orthogonal");
    }
}
