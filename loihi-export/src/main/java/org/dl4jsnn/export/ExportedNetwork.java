package org.dl4jsnn.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.neuron.ResetMode;

/**
 * One exported net: its readout name, the graph input it starts from, the quantized form and its report,
 * and the files written per format.
 */
public record ExportedNetwork(String part, String input, SpikingMlp mlp, LoihiNetwork network,
                              List<LayerQuantization> quantization, Map<ExportFormat, Path> files) {

    public ExportedNetwork {
        quantization = List.copyOf(quantization);
        files = Map.copyOf(files);
    }

    /** Loihi resets to zero: only a reset-to-zero model can run there as trained. */
    public boolean resetMatchesLoihi() {
        return mlp.resetMode() == ResetMode.ZERO;
    }
}
