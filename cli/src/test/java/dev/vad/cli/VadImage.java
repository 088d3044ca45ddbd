package dev.vad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vad image as its Dockerfile builds it, mapped back onto this checkout: the final stage's ENV, WORKDIR and
 * ENTRYPOINT, and each path it copies (from the build context or from the Maven build stage) with the path in
 * the checkout that holds the same file once {@code mvn package} has run.
 *
 * @param environment the final stage's ENV, in order
 * @param workdir     the final stage's WORKDIR (the service's home directory)
 * @param entrypoint  the ENTRYPOINT's program as the image resolves it ({@code /usr/local/bin/vad})
 * @param files       image path to checkout path, for every COPY of the final stage
 */
record VadImage(Map<String, String> environment, String workdir, String entrypoint, Map<String, Path> files) {

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");
    private static final List<String> PATH_DIRS = List.of("/usr/local/bin", "/usr/bin", "/bin");

    static VadImage read(Path dockerfile) throws IOException {
        Path context = dockerfile.getParent();
        Map<String, String> stageRoots = new LinkedHashMap<>();
        String stage = null;
        String workdir = "/";
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        String entrypoint = null;
        for (String line : instructions(Files.readString(dockerfile))) {
            String[] words = line.split("\\s+", 2);
            String rest = words.length > 1 ? words[1].trim() : "";
            switch (words[0].toUpperCase()) {
                case "FROM" -> {
                    String[] from = rest.split("\\s+");
                    stage = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : null;
                    workdir = "/";
                    environment.clear();
                    files.clear();
                    entrypoint = null;
                }
                case "WORKDIR" -> {
                    workdir = rest;
                    if (stage != null) {
                        stageRoots.put(stage, rest);
                    }
                }
                case "ENV" -> {
                    Matcher m = ENV_PAIR.matcher(rest);
                    while (m.find()) {
                        environment.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                    }
                }
                case "COPY" -> copy(rest, context, stageRoots, files);
                case "ENTRYPOINT" -> entrypoint = new ObjectMapper().readTree(rest).path(0).asText();
                default -> {
                }
            }
        }
        if (entrypoint == null) {
            throw new AssertionError(dockerfile + ": the final stage has no ENTRYPOINT in exec form");
        }
        return new VadImage(Map.copyOf(environment), workdir, onPath(entrypoint, files), Map.copyOf(files));
    }

    /** The checkout's file that the image runs as its entrypoint (docker/vad). */
    Path entrypointScript() {
        Path script = files.get(entrypoint);
        if (script == null) {
            throw new AssertionError("the image's entrypoint " + entrypoint + " is not a file the Dockerfile copies");
        }
        return script;
    }

    /** Text with every image path the Dockerfile copies replaced by the checkout's path (longest first). */
    String onThisMachine(String text) {
        List<String> paths = new ArrayList<>(files.keySet());
        paths.sort(Comparator.comparingInt(String::length).reversed());
        for (String path : paths) {
            text = text.replace(path, files.get(path).toString());
        }
        return text;
    }

    private static void copy(String rest, Path context, Map<String, String> stageRoots, Map<String, Path> files) {
        String from = null;
        List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
        while (words.get(0).startsWith("--")) {
            String option = words.remove(0);
            if (option.startsWith("--from=")) {
                from = option.substring("--from=".length());
            }
        }
        String target = words.get(words.size() - 1);
        for (String source : words.subList(0, words.size() - 1)) {
            Path local;
            if (from == null) {
                local = context.resolve(source);
            } else {
                String root = stageRoots.getOrDefault(from, "/");
                if (!source.startsWith(root)) {
                    throw new AssertionError("COPY --from=" + from + " " + source + ": outside the stage's WORKDIR "
                            + root + ", so not a file of the checkout");
                }
                local = context.resolve(source.substring(root.length()).replaceFirst("^/", ""));
            }
            String imagePath = target.endsWith("/") ? target + local.getFileName() : target;
            files.put(imagePath, local.normalize());
        }
    }

    private static String onPath(String program, Map<String, Path> files) {
        if (program.startsWith("/")) {
            return program;
        }
        return PATH_DIRS.stream().map(dir -> dir + "/" + program).filter(files::containsKey).findFirst()
                .orElse("/usr/local/bin/" + program);
    }

    /** The Dockerfile's instructions, continuation lines joined, comments and blank lines dropped. */
    private static List<String> instructions(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                out.add(current.append(trimmed).toString().trim());
                current.setLength(0);
            }
        }
        return out;
    }
}
