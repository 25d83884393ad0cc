package org.dl4jsnn.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The export folder's manifest.json and quantization.md, as text. */
public final class ExportManifest {

    private ExportManifest() {
    }

    public static String json(OperatorCombination c, List<ExportedNetwork> nets, double inputBound) {
        StringBuilder sb = new StringBuilder("{\n");
        field(sb, 1, "format", str("dl4j-snn export 1"), true);
        field(sb, 1, "kind", str(c.kind().name().toLowerCase(Locale.ROOT)), true);
        field(sb, 1, "formula", str(c.formula()), true);
        field(sb, 1, "outputWeight", num(c.outputWeight()), true);
        field(sb, 1, "outputBias", num(c.outputBias()), true);
        if (c.kind() == OperatorCombination.Kind.SEPONET) {
            field(sb, 1, "nx", Integer.toString(c.nx()), true);
            field(sb, 1, "nt", Integer.toString(c.nt()), true);
        }
        field(sb, 1, "inputEncoding", str("host computes the first spiking layer's current c = W x + b and writes"
                + " round(k c) as that layer's bias mantissa for steps 1..T, 0 afterwards; |x_i| <= inputBound"
                + " is represented without clipping"), true);
        field(sb, 1, "inputBound", num(inputBound), true);
        sb.append("  \"networks\": [\n");
        for (int n = 0; n < nets.size(); n++) {
            ExportedNetwork e = nets.get(n);
            sb.append("    {\n");
            field(sb, 3, "part", str(e.part()), true);
            field(sb, 3, "input", str(e.input()), true);
            field(sb, 3, "inputs", Integer.toString(e.mlp().inputSize()), true);
            field(sb, 3, "outputs", Integer.toString(e.mlp().outputSize()), true);
            field(sb, 3, "timeSteps", Integer.toString(e.mlp().timeSteps()), true);
            field(sb, 3, "runSteps", Integer.toString(e.network().runSteps()), true);
            field(sb, 3, "modelReset", str(e.mlp().resetMode().name()), true);
            field(sb, 3, "resetMatchesLoihi", Boolean.toString(e.resetMatchesLoihi()), true);
            StringBuilder files = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<ExportFormat, Path> f : new TreeMap<>(e.files()).entrySet()) {
                files.append(i++ > 0 ? ", " : "").append(str(f.getKey().name().toLowerCase(Locale.ROOT))).append(": ")
                        .append(str(f.getValue().getFileName().toString()));
            }
            field(sb, 3, "files", files.append("}").toString(), true);
            sb.append("      \"quantization\": [\n");
            for (int l = 0; l < e.quantization().size(); l++) {
                LayerQuantization q = e.quantization().get(l);
                sb.append("        {\"layer\": ").append(str(q.layer())).append(", \"role\": ").append(str(q.role()))
                        .append(", \"scale\": ").append(num(q.scale())).append(", \"limitedBy\": ")
                        .append(str(q.limitedBy())).append(", \"weightsClipped\": ").append(q.weightsClipped())
                        .append(", \"biasesClipped\": ").append(q.biasesClipped()).append(", \"maxAbsWeightError\": ")
                        .append(num(q.maxAbsWeightError())).append(", \"relativeWeightError\": ")
                        .append(num(q.relativeWeightError())).append(", \"thresholdMantissa\": ")
                        .append(q.thresholdMantissa()).append("}").append(l + 1 < e.quantization().size() ? "," : "")
                        .append("\n");
            }
            sb.append("      ]\n    }").append(n + 1 < nets.size() ? "," : "").append("\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    public static String quantizationTable(List<ExportedNetwork> nets) {
        StringBuilder sb = new StringBuilder("# Quantization\n\n");
        sb.append("Per layer one power-of-two scale k (value = mantissa / k); see docs/export.md.\n\n");
        sb.append("| net | layer | role | k | limited by | weights clipped | biases clipped | max abs weight error"
                + " | relative weight error | vThMant |\n");
        sb.append("| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (ExportedNetwork e : nets) {
            for (LayerQuantization q : e.quantization()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %d | %.3g | %.3g | %d |%n",
                        e.part(), q.layer(), q.role(), num(q.scale()), q.limitedBy(), q.weightsClipped(),
                        q.biasesClipped(), q.maxAbsWeightError(), q.relativeWeightError(), q.thresholdMantissa()));
            }
        }
        for (ExportedNetwork e : nets) {
            if (!e.resetMatchesLoihi()) {
                sb.append("\nNet ").append(e.part()).append(" was trained with reset by subtraction; Loihi resets to")
                        .append(" zero, so its export is not exact: measure the loss with `dl4j-snn emulate`.\n");
            }
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, int indent, String name, String value, boolean more) {
        sb.append("  ".repeat(indent)).append(str(name)).append(": ").append(value).append(more ? ",\n" : "\n");
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
