package org.dl4jsnn.reproduce.json;

import static org.dl4jsnn.reproduce.json.JsonSupport.intValue;
import static org.dl4jsnn.reproduce.json.JsonSupport.number;
import static org.dl4jsnn.reproduce.json.JsonSupport.putNumber;
import static org.dl4jsnn.reproduce.json.JsonSupport.text;

import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.BenchRow;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * bench.json: an array of {net (absent in older files: the Mexican hat), method, batch, T, K, ms_per_iter, mflop, peak_mem_mb, spike_rate}, the
 * format of the engine issue's benchmark plus the spike rate (docs/design.md section 6).
 */
public final class BenchJson {

    private final JsonSupport json = new JsonSupport();

    public byte[] write(List<BenchRow> rows) {
        ArrayNode array = json.array();
        for (BenchRow r : rows) {
            ObjectNode o = array.addObject();
            o.put("net", r.net());
            o.put("method", r.method());
            o.put("batch", r.batch());
            o.put("T", r.timeSteps());
            o.put("K", r.directions());
            putNumber(o, "ms_per_iter", r.msPerIter());
            putNumber(o, "mflop", r.mflop());
            putNumber(o, "peak_mem_mb", r.peakMemMb());
            putNumber(o, "spike_rate", r.spikeRate());
            putNumber(o, "cpu_ms_per_iter", r.cpuMsPerIter());
        }
        return json.bytes(array);
    }

    public List<BenchRow> read(byte[] bytes) {
        JsonNode root = json.parse(bytes);
        if (!root.isArray()) {
            throw new JsonFormatException("bench.json must be an array");
        }
        List<BenchRow> rows = new ArrayList<>();
        for (JsonNode o : root) {
            rows.add(new BenchRow(o.has("net") ? text(o, "net") : BenchRow.MEXICAN_HAT, text(o, "method"), intValue(o, "batch"), intValue(o, "T"), intValue(o, "K"),
                    number(o, "ms_per_iter"), number(o, "mflop"), number(o, "peak_mem_mb"),
                    o.has("spike_rate") ? number(o, "spike_rate") : Double.NaN,
                    o.has("cpu_ms_per_iter") ? number(o, "cpu_ms_per_iter") : Double.NaN));
        }
        return rows;
    }
}
