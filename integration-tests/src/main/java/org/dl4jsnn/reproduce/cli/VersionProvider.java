package org.dl4jsnn.reproduce.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (absent when run from classes, e.g. in tests). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"dl4j-snn " + (v != null ? v : "(development build)")};
    }
}
