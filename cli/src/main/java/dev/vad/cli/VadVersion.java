package dev.vad.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code vad --version}, from the jar's manifest. */
final class VadVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VadVersion.class.getPackage().getImplementationVersion();
        return new String[] {"vad " + (version == null ? "(development build)" : version)};
    }
}
