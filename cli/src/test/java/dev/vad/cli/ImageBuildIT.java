package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's build stage replayed without a Docker engine: a build context holding only what the stage's
 * {@code COPY} lines bring from the repository (less what {@code .dockerignore} leaves out), then the stage's own
 * Maven command, offline against the local repository. Every file the runtime stage copies from the build must
 * exist afterwards, and the CLI built there must start. A module the build stage does not copy fails here.
 */
class ImageBuildIT {

    private static final long BUILD_SECONDS = 900;

    @TempDir
    Path context;

    @Test
    void theBuildStageBuildsTheImagesFilesFromItsCopiedSourcesAlone() throws Exception {
        Dockerfile dockerfile = Dockerfile.read(StackFiles.ROOT.resolve("Dockerfile"));
        Dockerfile.Stage build = dockerfile.stage("build");
        DockerIgnore ignored = DockerIgnore.read(StackFiles.ROOT.resolve(".dockerignore"));
        Path workdir = inContext(build.workdir());
        for (Dockerfile.Instruction copy : build.all("COPY")) {
            List<String> words = copy.words();
            Path destination = workdir.resolve(words.get(words.size() - 1));
            for (String source : words.subList(0, words.size() - 1)) {
                copyIntoContext(StackFiles.ROOT.resolve(source), destination, ignored);
            }
        }

        List<Dockerfile.Instruction> runs = build.all("RUN");
        assertThat(runs).as("the build stage runs one command, its Maven build").hasSize(1);
        String maven = runs.get(0).arguments();
        assertThat(maven).startsWith("mvn ");
        StackFilesTest.Result built = StackFilesTest.run(workdir, BUILD_SECONDS, "bash", "-c",
                "mvn -o " + maven.substring("mvn ".length()));
        assertThat(built.exit()).as("the build stage's command, replayed offline:\n" + built.output()).isZero();

        Dockerfile.Stage runtime = dockerfile.last();
        List<Path> fromBuild = runtime.all("COPY").stream().filter(c -> c.flags().contains("--from=build"))
                .map(c -> inContext(c.words().get(0))).toList();
        assertThat(fromBuild).extracting(p -> p.getFileName().toString()).contains("vad.jar", "lib");
        assertThat(fromBuild).allSatisfy(path -> assertThat(path).exists());
        Path jar = fromBuild.stream().filter(p -> p.getFileName().toString().equals("vad.jar")).findFirst()
                .orElseThrow();
        StackFilesTest.Result help = StackFilesTest.run(context,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "--help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("ingest", "train", "score");
    }

    /** An absolute path of the image's file system, inside the replayed context. */
    private Path inContext(String imagePath) {
        return context.resolve(imagePath.replaceFirst("^/+", ""));
    }

    /**
     * Docker's {@code COPY}: a directory's contents go into the destination, a file goes into a destination that
     * ends with a slash (or is {@code .}/{@code ./}) and becomes it otherwise.
     */
    private static void copyIntoContext(Path source, Path destination, DockerIgnore ignored) throws IOException {
        assertThat(source).as("a COPY source of the build stage").exists();
        if (Files.isRegularFile(source)) {
            String name = destination.toString();
            Path target = Files.isDirectory(destination) || name.endsWith("/") || name.endsWith(".")
                    ? destination.resolve(source.getFileName()).normalize() : destination;
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path path : tree.toList()) {
                if (ignored.excludes(StackFiles.ROOT.relativize(path))) {
                    continue;
                }
                Path target = destination.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
