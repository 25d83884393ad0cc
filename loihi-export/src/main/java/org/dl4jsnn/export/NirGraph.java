package org.dl4jsnn.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph as this project writes and reads it: named nodes (type and parameter arrays: {@code double[]},
 * {@code double[][]} or {@code long[]}) and directed edges between node names.
 */
public record NirGraph(String version, Map<String, Node> nodes, List<Edge> edges) {

    public NirGraph {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        edges = List.copyOf(edges);
        for (Edge e : edges) {
            if (!nodes.containsKey(e.source()) || !nodes.containsKey(e.target())) {
                throw new IllegalArgumentException("edge " + e + " names a node that does not exist");
            }
        }
    }

    public record Node(String type, Map<String, Object> params) {
        public Node {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    public record Edge(String source, String target) {
    }
}
