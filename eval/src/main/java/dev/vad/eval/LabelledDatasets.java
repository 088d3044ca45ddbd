package dev.vad.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a labelled dataset from disk, in either layout of UCSD Ped2:
 * <ul>
 *   <li>frames: {@code training/frames/<clip>/<NNN>.jpg}, {@code testing/frames/<clip>/<NNN>.jpg} and
 *       {@code testing/frame_labels.csv} ({@code clip,frame_index0,file,label});</li>
 *   <li>official: {@code Train/Train001/001.tif}, {@code Test/Test001/001.tif} and {@code UCSDped2.m}, whose
 *       {@code gt_frame = [61:180]} lines give each test clip's anomalous frames (1-based).</li>
 * </ul>
 */
public final class LabelledDatasets {

    public static final List<String> NAMES = List.of("ucsd-ped2");
    private static final Pattern IMAGE = Pattern.compile("(?i).+\\.(jpe?g|png|tiff?|bmp)");
    private static final Pattern GT_FRAMES = Pattern.compile("gt_frame\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*:\\s*(\\d+)|(\\d+)");

    private LabelledDatasets() {
    }

    /**
     * @throws IllegalArgumentException naming what is missing when the folder holds neither layout, or the
     *                                  dataset name is unknown
     */
    public static LabelledDataset read(String name, Path path) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown dataset " + name + "; known: " + String.join(", ", NAMES));
        }
        if (Files.isDirectory(path.resolve("training/frames")) && Files.isDirectory(path.resolve("testing/frames"))) {
            return framesLayout(name, path);
        }
        if (Files.isDirectory(path.resolve("Train")) && Files.isDirectory(path.resolve("Test"))) {
            return officialLayout(name, path);
        }
        throw new IllegalArgumentException(path + " holds neither training/frames + testing/frames +"
                + " testing/frame_labels.csv nor the official Train/ + Test/ + UCSDped2.m layout");
    }

    private static LabelledDataset framesLayout(String name, Path path) {
        Path labelsFile = path.resolve("testing/frame_labels.csv");
        if (!Files.isRegularFile(labelsFile)) {
            throw new IllegalArgumentException(labelsFile + " is missing (clip,frame_index0,file,label per frame)");
        }
        Map<String, Map<Integer, Boolean>> labels = new HashMap<>();
        List<String> lines = lines(labelsFile);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length != 4) {
                throw new IllegalArgumentException(labelsFile + " line " + (i + 1) + ": expected"
                        + " clip,frame_index0,file,label, found '" + line + "'");
            }
            try {
                labels.computeIfAbsent(fields[0].trim(), c -> new HashMap<>())
                        .put(Integer.parseInt(fields[1].trim()), Integer.parseInt(fields[3].trim()) != 0);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(labelsFile + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        List<Clip> training = new ArrayList<>();
        for (Path folder : clipFolders(path.resolve("training/frames"))) {
            training.add(new Clip(folder.getFileName().toString(), folder, images(folder), List.of()));
        }
        List<Clip> testing = new ArrayList<>();
        for (Path folder : clipFolders(path.resolve("testing/frames"))) {
            String clip = folder.getFileName().toString();
            List<Path> frames = images(folder);
            Map<Integer, Boolean> clipLabels = labels.get(clip);
            if (clipLabels == null || clipLabels.size() != frames.size()) {
                throw new IllegalArgumentException(labelsFile + " labels " + (clipLabels == null ? 0
                        : clipLabels.size()) + " frames of clip " + clip + ", which has " + frames.size());
            }
            List<Boolean> perFrame = new ArrayList<>();
            for (int f = 0; f < frames.size(); f++) {
                perFrame.add(clipLabels.getOrDefault(f, false));
            }
            testing.add(new Clip(clip, folder, frames, perFrame));
        }
        return checked(new LabelledDataset(name, "frames", training, testing), path);
    }

    private static LabelledDataset officialLayout(String name, Path path) {
        Path groundTruth = path.resolve("UCSDped2.m");
        if (!Files.isRegularFile(groundTruth)) {
            throw new IllegalArgumentException(groundTruth + " is missing (the official ground truth of the Test"
                    + " clips)");
        }
        List<List<int[]>> ranges = new ArrayList<>();
        Matcher gt = GT_FRAMES.matcher(String.join("\n", lines(groundTruth)));
        while (gt.find()) {
            List<int[]> clipRanges = new ArrayList<>();
            Matcher range = RANGE.matcher(gt.group(1));
            while (range.find()) {
                int from = Integer.parseInt(range.group(1) != null ? range.group(1) : range.group(3));
                int to = Integer.parseInt(range.group(2) != null ? range.group(2) : range.group(3));
                clipRanges.add(new int[] {from, to});
            }
            ranges.add(clipRanges);
        }
        List<Clip> training = new ArrayList<>();
        for (Path folder : clipFolders(path.resolve("Train"))) {
            training.add(new Clip(folder.getFileName().toString(), folder, images(folder), List.of()));
        }
        List<Path> testFolders = clipFolders(path.resolve("Test"));
        if (testFolders.size() != ranges.size()) {
            throw new IllegalArgumentException(groundTruth + " gives ground truth for " + ranges.size()
                    + " clips, Test/ holds " + testFolders.size());
        }
        List<Clip> testing = new ArrayList<>();
        for (int c = 0; c < testFolders.size(); c++) {
            List<Path> frames = images(testFolders.get(c));
            Boolean[] perFrame = new Boolean[frames.size()];
            Arrays.fill(perFrame, false);
            for (int[] range : ranges.get(c)) {
                for (int f = Math.max(1, range[0]); f <= Math.min(frames.size(), range[1]); f++) {
                    perFrame[f - 1] = true;
                }
            }
            testing.add(new Clip(testFolders.get(c).getFileName().toString(), testFolders.get(c), frames,
                    Arrays.asList(perFrame)));
        }
        return checked(new LabelledDataset(name, "official", training, testing), path);
    }

    private static LabelledDataset checked(LabelledDataset dataset, Path path) {
        if (dataset.training().isEmpty() || dataset.testing().isEmpty()) {
            throw new IllegalArgumentException(path + " holds " + dataset.training().size() + " training and "
                    + dataset.testing().size() + " test clips; both are needed");
        }
        for (Clip clip : dataset.training()) {
            if (clip.frames().isEmpty()) {
                throw new IllegalArgumentException("training clip " + clip.folder() + " holds no images");
            }
        }
        return dataset;
    }

    /** Sub-folders in name order, leaving out the official layout's {@code *_gt} masks. */
    private static List<Path> clipFolders(Path parent) {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("_gt"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + parent, e);
        }
    }

    private static List<Path> images(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> IMAGE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
