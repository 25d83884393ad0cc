package org.dl4jsnn.export;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads NIR's HDF5 layout (docs/export.md, "NIR"): a root {@code version} string dataset and a
 * group {@code node} with {@code type = "NIRGraph"}, {@code edges} (E x 2 strings) and {@code nodes/<name>}
 * groups, each with a {@code type} string and its parameter arrays. Parameter arrays are float32 as NIR's
 * numpy arrays are; shapes are int64.
 */
public final class NirFile {

    private NirFile() {
    }

    public static void write(NirGraph graph, Path file) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("version", graph.version());
            WritableGroup node = f.putGroup("node");
            node.putDataset("type", "NIRGraph");
            String[][] edges = new String[graph.edges().size()][];
            for (int e = 0; e < edges.length; e++) {
                edges[e] = new String[] {graph.edges().get(e).source(), graph.edges().get(e).target()};
            }
            node.putDataset("edges", edges);
            WritableGroup nodes = node.putGroup("nodes");
            for (Map.Entry<String, NirGraph.Node> e : graph.nodes().entrySet()) {
                WritableGroup g = nodes.putGroup(e.getKey());
                g.putDataset("type", e.getValue().type());
                for (Map.Entry<String, Object> p : e.getValue().params().entrySet()) {
                    g.putDataset(p.getKey(), toFloat32(p.getValue()));
                }
            }
        }
    }

    private static Object toFloat32(Object v) {
        if (v instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        if (v instanceof double[][] d) {
            float[][] f = new float[d.length][];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float[]) toFloat32(d[i]);
            }
            return f;
        }
        return v;
    }

    /** Reads a NIR file; float parameters come back as double arrays, shapes as long arrays. */
    public static NirGraph read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NetxFormatException("NIR file " + file + " does not exist or is not a file");
        }
        try (HdfFile f = new HdfFile(file)) {
            Hdf5Fields root = new Hdf5Fields(f, file.getFileName().toString(), NetxFormatException::new);
            String version = root.string("version");
            Hdf5Fields node = new Hdf5Fields(root.group("node"), "/node", NetxFormatException::new);
            String type = node.string("type");
            if (!"NIRGraph".equals(type)) {
                throw node.fail("type", "is '" + type + "', expected 'NIRGraph'");
            }
            Object edgeData = node.dataset("edges").getData();
            if (!(edgeData instanceof String[][] edgeRows)) {
                throw node.fail("edges", "is not an (E, 2) string array");
            }
            List<NirGraph.Edge> edges = new ArrayList<>();
            for (String[] row : edgeRows) {
                edges.add(new NirGraph.Edge(row[0].trim(), row[1].trim()));
            }
            Map<String, NirGraph.Node> nodes = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : node.group("nodes").getChildren().entrySet()) {
                Group g = (Group) e.getValue();
                Hdf5Fields n = new Hdf5Fields(g, "node '" + e.getKey() + "'", NetxFormatException::new);
                Map<String, Object> params = new LinkedHashMap<>();
                for (String p : g.getChildren().keySet()) {
                    if (p.equals("type")) {
                        continue;
                    }
                    Object data = n.dataset(p).getData();
                    params.put(p, data instanceof long[] ? data
                            : data.getClass().getComponentType().isArray() ? n.matrix(p) : n.vector(p, -1));
                }
                nodes.put(e.getKey(), new NirGraph.Node(n.string("type"), params));
            }
            return new NirGraph(version, nodes, edges);
        } catch (NetxFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NetxFormatException("cannot read " + file + " as a NIR file (damaged or truncated?): " + e, e);
        }
    }
}
