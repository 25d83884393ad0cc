package org.dl4jsnn.spark;

/** This replica's rows and the whole batch's at the current step; set by the replica loop before each fit. */
final class ShardRows {

    private long local;
    private long total;

    void set(long localRows, long totalRows) {
        this.local = localRows;
        this.total = totalRows;
    }

    long local() {
        return local;
    }

    long total() {
        return total;
    }
}
