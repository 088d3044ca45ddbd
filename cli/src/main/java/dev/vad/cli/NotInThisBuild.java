package dev.vad.cli;

/** The failure of a command whose service this build does not contain yet: says which part is missing. */
final class NotInThisBuild extends IllegalStateException {

    NotInThisBuild(String missing) {
        super("needs " + missing + ", which this build does not contain yet;"
                + " docs/reference/cli.md lists what it has");
    }
}
