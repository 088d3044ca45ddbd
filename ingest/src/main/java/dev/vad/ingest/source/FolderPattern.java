package dev.vad.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The images of a folder as one FFmpeg {@code image2} glob, read in name order: {@code 000.jpg, 001.jpg, ...}
 * (the UCSD layout) or {@code 001.tif, 002.tif, ...} (the official layout) alike.
 */
public record FolderPattern(Path folder, Set<String> extensions, int imageCount) {

    static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "tif", "tiff", "bmp", "pgm", "ppm");

    public static FolderPattern of(Path folder) throws SourceException {
        Set<String> extensions = new TreeSet<>();
        int count = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1);
                if (IMAGE_EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT)) && Files.isRegularFile(file)) {
                    extensions.add(ext);
                    count++;
                }
            }
        } catch (IOException e) {
            throw new SourceException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new SourceException("folder " + folder + " has no images (expected ." + String.join(", .",
                    IMAGE_EXTENSIONS) + " files)");
        }
        return new FolderPattern(folder, extensions, count);
    }

    /** The glob FFmpeg reads, e.g. {@code /data/clip/*.jpg} or {@code /data/clip/*.{jpg,png}}. */
    public String ffmpegPattern() {
        String escaped = folder.toString().replaceAll("([*?\\[\\]{}])", "\\\\$1");
        String ext = extensions.size() == 1 ? extensions.iterator().next() : "{" + String.join(",", extensions) + "}";
        return escaped + "/*." + ext;
    }
}
