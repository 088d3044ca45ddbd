package dev.vad.cli;

import dev.vad.common.config.ConfigReader;
import picocli.CommandLine.Model.CommandSpec;

/** The configuration reader of one command invocation: its typed flags over the process environment. */
final class ServiceConfig {

    private ServiceConfig() {
    }

    static ConfigReader of(CommandSpec spec) {
        return new ConfigReader(Flags.given(spec), System.getenv());
    }
}
