package org.dl4jsnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * bench.json: an array of {@code {method, batch, T, K, ms_per_iter, mflop, peak_mem_mb}} (the engine
 * issue's format), each object also carrying the benchmark's other measurements (ms_mean, iterations,
 * polled_heap_mb, alloc_mb_per_iter, spike_rate, msynop, status). Non-finite numbers are written as null.
 */
public final class BenchResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchResultJson() {
    }

    public static String toJson(List<BenchResult> rows) {
        ArrayNode array = MAPPER.createArrayNode();
        for (BenchResult r : rows) {
            ObjectNode o = array.addObject();
            o.put("method", r.method());
            o.put("batch", r.batch());
            o.put("T", r.timeSteps());
            o.put("K", r.directions());
            number(o, "ms_per_iter", r.msPerIter());
            number(o, "mflop", r.mflop());
            number(o, "peak_mem_mb", r.peakMemMb());
            number(o, "ms_mean", r.msMean());
            o.put("iterations", r.iterations());
            number(o, "polled_heap_mb", r.polledHeapMb());
            number(o, "alloc_mb_per_iter", r.allocMbPerIter());
            number(o, "spike_rate", r.spikeRate());
            number(o, "msynop", r.msynop());
            o.put("status", r.status());
        }
        try {
            return MAPPER.writeValueAsString(array) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file (creating its folder), replacing an earlier one only once the new one is complete. */
    public static void write(List<BenchResult> rows, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, toJson(rows));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
