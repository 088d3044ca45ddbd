package dev.vad.ingest.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A parsed source: a video file, an image folder, a network stream, a V4L2 camera or the synthetic scene.
 *
 * @param text       the URI or path as the user wrote it
 * @param kind       what it names
 * @param location   what FFmpeg opens (a path, a URL or a device), or the synthetic scene's parameters
 * @param parameters {@code key=value} pairs after {@code ?} for {@code synthetic:} sources
 */
public record SourceUri(String text, SourceKind kind, String location, Map<String, String> parameters) {

    private static final Pattern USER_PASSWORD = Pattern.compile("(://[^/@:?#\\s]*:)[^/@\\s]*@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "(?i)([?&;][^=&;#\\s]*(?:pass|pwd|secret|token|key|auth|sig|credential)[^=&;#\\s]*=)[^&;#\\s]*");

    public SourceUri {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a source. Paths are files or folders depending on what exists there (a missing path is taken as a
     * file, so opening it reports that it does not exist).
     *
     * @throws IllegalArgumentException for an unsupported scheme, naming the supported ones
     */
    public static SourceUri parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("a source is empty; expected a file, folder, URL, camera or synthetic:");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("synthetic:")) {
            return new SourceUri(trimmed, SourceKind.SYNTHETIC, "synthetic", query(trimmed.substring(10)));
        }
        if (lower.startsWith("v4l2:")) {
            return new SourceUri(trimmed, SourceKind.V4L2, trimmed.substring(5), Map.of());
        }
        if (lower.matches("/dev/video\\d+")) {
            return new SourceUri(trimmed, SourceKind.V4L2, trimmed, Map.of());
        }
        for (SourceKind kind : new SourceKind[] {SourceKind.HTTP, SourceKind.TCP, SourceKind.UDP, SourceKind.RTSP}) {
            String scheme = kind.name().toLowerCase(Locale.ROOT);
            if (lower.startsWith(scheme + "://") || lower.startsWith(scheme + "s://")) {
                String rest = trimmed.substring(trimmed.indexOf("://") + 3);
                if (rest.isEmpty() || rest.startsWith("/") || rest.matches(".*\\s.*")) {
                    throw new IllegalArgumentException("'" + redact(trimmed) + "' is not a " + scheme
                            + " URL: expected " + scheme + "://host[:port][/path] without spaces");
                }
                return new SourceUri(trimmed, kind, trimmed, Map.of());
            }
        }
        if (lower.startsWith("file:")) {
            return path(trimmed, trimmed.substring(5).replaceFirst("^//", ""));
        }
        if (lower.matches("[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported source scheme in '" + trimmed + "'; expected a path, file:,"
                    + " http://, https://, tcp://, udp://, rtsp://, v4l2:/dev/videoN or synthetic:");
        }
        return path(trimmed, trimmed);
    }

    /** The source as logs, messages and errors show it: passwords in the URL or its query replaced by {@code ***}. */
    public String shown() {
        return redact(text);
    }

    /**
     * Replaces every password in URLs inside {@code message}: the one in {@code user:password@} and the values of
     * query parameters named like a secret ({@code pass}, {@code pwd}, {@code token}, {@code key}, {@code auth}, ...).
     */
    public static String redact(String message) {
        String withoutUserPassword = USER_PASSWORD.matcher(message).replaceAll("$1***@");
        return SECRET_QUERY.matcher(withoutUserPassword).replaceAll("$1***");
    }

    /** A stream id derived from the source when none is given: the file or folder name, the host, the device. */
    public String defaultStreamId() {
        String base = switch (kind) {
            case FILE, FOLDER -> {
                Path name = Path.of(location).toAbsolutePath().normalize().getFileName();
                String file = name == null ? "root" : name.toString();
                int dot = file.lastIndexOf('.');
                yield kind == SourceKind.FILE && dot > 0 ? file.substring(0, dot) : file;
            }
            case V4L2 -> Path.of(location).getFileName().toString();
            case SYNTHETIC -> "synthetic";
            default -> location.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[/?].*$", "")
                    .replaceFirst("^.*@", "");
        };
        String id = base.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.isEmpty() ? kind.name().toLowerCase(Locale.ROOT) : id;
    }

    private static SourceUri path(String text, String location) {
        SourceKind kind = Files.isDirectory(Path.of(location)) ? SourceKind.FOLDER : SourceKind.FILE;
        return new SourceUri(text, kind, location, Map.of());
    }

    private static Map<String, String> query(String rest) {
        Map<String, String> out = new TreeMap<>();
        String q = rest.startsWith("?") ? rest.substring(1) : rest;
        for (String pair : q.split("[&,]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("synthetic source parameter '" + pair + "' is not key=value");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }
}
