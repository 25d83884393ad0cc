package org.dl4jsnn.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dl4jsnn.export.LoihiLimits;
import org.dl4jsnn.export.LoihiNetwork;

/**
 * The energy view of emulated inferences (docs/export.md, "Energy view"): per inference, the spikes of each
 * spiking layer and the synaptic operations they cause (spikes x fan-out, the next layer's width), and the
 * neurons and neurocores the net occupies against Loihi 2's per-chip limits. Neurocores are estimated as
 * one or more per layer (netx maps layers to separate cores) at {@value LoihiLimits#NEURONS_PER_CORE}
 * neurons per core.
 */
public final class EnergyTable {

    /** One spiking layer's row, averaged per inference. */
    public record Row(String layer, int neurons, int fanOut, double spikes, double synapticOps, int cores) {
    }

    private final LoihiNetwork net;
    private final long[] spikes;
    private long inferences;
    private long saturations;
    private long encoderClips;
    private long inputOverflows;

    public EnergyTable(LoihiNetwork net) {
        this.net = net;
        this.spikes = new long[net.spikingLayerCount()];
    }

    public void add(Emulation e) {
        for (int l = 0; l < spikes.length; l++) {
            spikes[l] += e.spikesPerLayer()[l];
        }
        saturations += e.saturations();
        encoderClips += e.encoderClips();
        inputOverflows += e.inputOverflows();
        inferences++;
    }

    public long inferences() {
        return inferences;
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int l = 0; l < spikes.length; l++) {
            String name = l == 0 ? net.encoder().current().name() : net.layers().get(l - 1).name();
            int n = l == 0 ? net.encoder().nOut() : net.layers().get(l - 1).nOut();
            int fanOut = l + 1 < spikes.length ? net.layers().get(l).nOut() : net.readout().nOut();
            double s = inferences == 0 ? 0 : spikes[l] / (double) inferences;
            rows.add(new Row(name, n, fanOut, s, s * fanOut, cores(n)));
        }
        rows.add(new Row(net.readout().name() + " (readout)", net.readout().nOut(), 0, 0, 0,
                cores(net.readout().nOut())));
        return rows;
    }

    private static int cores(int neurons) {
        return (neurons + LoihiLimits.NEURONS_PER_CORE - 1) / LoihiLimits.NEURONS_PER_CORE;
    }

    public double spikesPerInference() {
        return rows().stream().mapToDouble(Row::spikes).sum();
    }

    public double synapticOpsPerInference() {
        return rows().stream().mapToDouble(Row::synapticOps).sum();
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Per inference, mean over %d inferences of %d steps (T = %d plus one per"
                + " dense layer):%n%n", inferences, net.runSteps(), net.timeSteps()));
        sb.append("| layer | neurons | fan-out | spikes | synaptic ops | neurocores |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        int neurons = 0;
        int cores = 0;
        for (Row r : rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %d |%n", r.layer(), r.neurons(),
                    r.fanOut(), r.spikes(), r.synapticOps(), r.cores()));
            neurons += r.neurons();
            cores += r.cores();
        }
        sb.append(String.format(Locale.ROOT, "| total | %d | | %.1f | %.1f | %d |%n", neurons, spikesPerInference(),
                synapticOpsPerInference(), cores));
        sb.append(String.format(Locale.ROOT, "%nLoihi 2 chip: %d of %d neurocores (%.1f%%), %d of about %,d neurons."
                + " Host work per inference: %d multiply-adds for the input encoder.%n", cores,
                LoihiLimits.CORES_PER_CHIP, 100.0 * cores / LoihiLimits.CORES_PER_CHIP, neurons,
                LoihiLimits.CORES_PER_CHIP * LoihiLimits.NEURONS_PER_CORE, net.encoder().nIn() * net.encoder().nOut()));
        sb.append(String.format(Locale.ROOT, "Range events over all inferences: %d voltage saturations, %d encoder"
                + " clips, %d synaptic inputs beyond int16.%n", saturations, encoderClips, inputOverflows));
        return sb.toString();
    }
}
