package dev.vad.cli;

import picocli.CommandLine.Command;

/** {@code vad camera update}: change cameras the registry holds; an unknown id is refused. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Change the fields given as flags of the camera --camera-id (the others keep their"
            + " values), or replace every camera of a --cameras file. An id the registry does not hold is"
            + " refused; nothing is written unless every camera is valid."})
final class CameraUpdateCommand extends CameraWriteCommand {

    @Override
    boolean adds() {
        return false;
    }
}
