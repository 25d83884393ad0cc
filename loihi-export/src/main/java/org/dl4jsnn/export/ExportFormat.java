package org.dl4jsnn.export;

/** The file formats export writes. */
public enum ExportFormat {
    /** Lava netx HDF5 ({@code .net}) for Loihi 2, quantized, runnable by the emulator. */
    NETX(".net"),
    /** Neuromorphic Intermediate Representation ({@code .nir}), float. */
    NIR(".nir");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
