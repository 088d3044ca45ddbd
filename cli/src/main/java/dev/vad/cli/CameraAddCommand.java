package dev.vad.cli;

import picocli.CommandLine.Command;

/** {@code vad camera add}: new cameras; an id the registry holds is refused. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a camera (--camera-id and --source, other fields default) or every camera of a"
            + " --cameras file. A camera id the registry already holds is refused; nothing is written unless"
            + " every camera is valid."})
final class CameraAddCommand extends CameraWriteCommand {

    @Override
    boolean adds() {
        return true;
    }
}
