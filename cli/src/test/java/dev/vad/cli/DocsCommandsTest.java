package dev.vad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The docs cannot rot: every {@code ./vad} command shown in {@code README.md} and in {@code docs/**}{@code /*.md}
 * parses with this build, and every relative link there points to a file of the repository that exists (and, for
 * a link to a heading, to that heading). In code blocks, concrete examples must parse exactly, and synopsis lines
 * ({@code [--flag X]}, {@code <...>}, {@code a|b}, {@code ...}) must name a real command and its real flags; a
 * command quoted in the text ({@code `./vad score --threshold 4`}) must name a real command and its real flags.
 */
class DocsCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String ENV = "(?:[A-Z][A-Z0-9_]*=\\S+\\s+)*";
    private static final Pattern BLOCK_COMMAND = Pattern.compile("^" + ENV + "\\./vad\\s+(.*)$");
    private static final Pattern INLINE_COMMAND = Pattern.compile("`" + ENV + "\\./vad\\s+([^`]+)`");
    private static final Pattern INLINE_OPENING = Pattern.compile("`" + ENV + "\\./vad\\s");
    private static final String SPLIT = "(quoted across two lines)";
    private static final Pattern SYNOPSIS = Pattern.compile(".*(\\[|<|\\||\\.\\.\\.|…).*");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    /** A class name quoted in the docs: {@code `ConsumerLoop`}, {@code `EvalSettings.training()`}. */
    private static final Pattern CLASS_NAME = Pattern.compile("`([A-Z][a-z]+(?:[A-Z][a-z0-9]+)+)(?:\\.[a-zA-Z()]+)?`");
    /** Names from Kafka the docs quote: ACL operations and Kafka's own tools. */
    private static final Set<String> NOT_OURS = Set.of("DescribeConfigs", "IdempotentWrite", "ProducerPerformance");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /** A command shown in a doc: where, the text after {@code ./vad}, and whether it is quoted in the text. */
    record Shown(Path file, int line, String command, boolean inline) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + ": ./vad " + command;
        }
    }

    /** README.md and every Markdown file under docs/. */
    static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The {@code ./vad} commands a doc shows: lines of its code blocks, and commands quoted in its text. */
    static List<Shown> commands(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Shown> shown = new ArrayList<>();
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) {
                Matcher inline = INLINE_COMMAND.matcher(line);
                long quoted = 0;
                while (inline.find()) {
                    shown.add(new Shown(file, i + 1, inline.group(1).trim(), true));
                    quoted++;
                }
                if (INLINE_OPENING.matcher(line).results().count() > quoted) {
                    shown.add(new Shown(file, i + 1, SPLIT, true));
                }
                continue;
            }
            Matcher m = BLOCK_COMMAND.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int first = i + 1;
            StringBuilder command = new StringBuilder(m.group(1));
            while (command.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                command.setLength(command.toString().stripTrailing().length() - 1);
                command.append(' ').append(lines.get(++i).trim());
            }
            String text = command.toString().replaceAll("\\s+#.*$", "").replaceAll("&\\s*$", "").trim();
            shown.add(new Shown(file, first, text.replaceAll("\\s+\\./vad\\s+.*$", ""), false));
        }
        return shown;
    }

    static List<Shown> allCommands() throws IOException {
        List<Shown> all = new ArrayList<>();
        for (Path file : docs()) {
            all.addAll(commands(file));
        }
        return all;
    }

    /**
     * Why a shown command does not hold with this build, or empty when it does. Concrete commands of code blocks
     * are parsed as the command line parses them; synopsis lines and commands quoted in the text are checked by
     * their command and flag names (a quoted command may leave out required arguments).
     */
    static Optional<String> problem(String command, boolean inline) {
        if (command.equals(SPLIT)) {
            return Optional.of("a command quoted across two lines is not checked; keep it on one line");
        }
        List<String> tokens = Arrays.stream(command.split("\\s+")).map(DocsCommandsTest::unquote).toList();
        if (inline || SYNOPSIS.matcher(command).matches()) {
            return namesOnly(tokens);
        }
        try {
            Main.commandLine().parseArgs(tokens.toArray(String[]::new));
            return Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> namesOnly(List<String> tokens) {
        CommandLine root = Main.commandLine();
        CommandLine target = root;
        if (!tokens.get(0).startsWith("-")) {
            target = root.getSubcommands().get(tokens.get(0));
            if (target == null) {
                return Optional.of("no command '" + tokens.get(0) + "'; the commands are "
                        + root.getSubcommands().keySet());
            }
        }
        for (int i = 1; i < tokens.size() && target != root
                && target.getSubcommands().containsKey(tokens.get(i)); i++) {
            target = target.getSubcommands().get(tokens.get(i));
        }
        for (String token : tokens) {
            String flag = token.replaceAll("[\\[\\]]", "").replaceAll("=.*$", "");
            if (flag.startsWith("--") && target.getCommandSpec().findOption(flag) == null) {
                return Optional.of("no option " + flag + " on '" + target.getCommandSpec().qualifiedName() + "'");
            }
        }
        return Optional.empty();
    }

    private static String unquote(String token) {
        boolean quoted = token.length() >= 2 && (token.startsWith("'") && token.endsWith("'")
                || token.startsWith("\"") && token.endsWith("\""));
        return quoted ? token.substring(1, token.length() - 1) : token;
    }

    @Test
    void theReadmeShowsTheDemoAndTheCommandSynopsis() throws IOException {
        List<String> readme = commands(ROOT.resolve("README.md")).stream().map(Shown::command).toList();
        assertThat(readme).contains("demo", "--help").hasSizeGreaterThan(10);
    }

    @Test
    void everyCommandPageShowsCommands() throws IOException {
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs/commands"))) {
            for (Path page : pages.toList()) {
                assertThat(commands(page)).as("./vad commands in %s", ROOT.relativize(page)).isNotEmpty();
            }
        }
        assertThat(allCommands()).hasSizeGreaterThan(100);
    }

    @Test
    void everyCommandInTheDocsParses() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Shown shown : allCommands()) {
            problem(shown.command(), shown.inline()).ifPresent(why -> failures.add(shown + "\n    " + why));
        }
        assertThat(failures).as("commands in the docs that this build does not take").isEmpty();
    }

    @Test
    void aCommandThatDoesNotParseIsCaught() {
        assertThat(problem("demo --duration 2m", false)).isEmpty();
        assertThat(problem("demo --no-such-flag 2m", false)).isPresent();
        assertThat(problem("demo --duration", false)).isPresent();
        assertThat(problem("frobnicate --source x", false)).isPresent();
        assertThat(problem("ingest --source URI [--no-such-flag X]", false)).isPresent();
        assertThat(problem("frobnicate [--source URI]", false)).isPresent();
        assertThat(problem("score --no-such-flag 4", true)).isPresent();
        assertThat(problem("eval --via-kafka", true)).as("a quoted command may leave out required flags").isEmpty();
        assertThat(problem("camera update --camera-id gate [--fps N]", false)).as("a subcommand's own flags")
                .isEmpty();
        assertThat(problem("camera list [--camera-id gate]", false)).isPresent();
    }

    @Test
    void aCommandQuotedAcrossTwoLinesIsCaught(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("page.md"), "Run `./vad demo\n--duration 2m` and `./vad eval`.\n");
        assertThat(commands(page)).extracting(Shown::command).containsExactly(SPLIT, "eval");
        assertThat(problem(SPLIT, true)).isPresent();
    }

    @Test
    void everyRelativeLinkInTheDocsPointsToAFileThatExists() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path file : docs()) {
            List<String> lines = Files.readAllLines(file);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                if (inBlock) {
                    continue;
                }
                Matcher link = LINK.matcher(CODE_SPAN.matcher(lines.get(i)).replaceAll("``"));
                while (link.find()) {
                    String where = ROOT.relativize(file) + ":" + (i + 1) + ": " + link.group(1);
                    linkProblem(file, link.group(1), anchors).ifPresent(why -> failures.add(where + ": " + why));
                }
            }
        }
        assertThat(failures).as("links in the docs that lead nowhere").isEmpty();
    }

    @Test
    void everyClassTheDocsNameExists() throws IOException {
        Set<String> classes = new HashSet<>();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/target/"))
                    .forEach(p -> classes.add(p.getFileName().toString().replace(".java", "")));
        }
        List<String> missing = new ArrayList<>();
        for (Path file : docs()) {
            if (file.startsWith(ROOT.resolve("docs/performance"))) {
                continue;
            }
            Matcher name = CLASS_NAME.matcher(Files.readString(file));
            while (name.find()) {
                if (!classes.contains(name.group(1)) && !NOT_OURS.contains(name.group(1))) {
                    missing.add(ROOT.relativize(file) + ": " + name.group(1));
                }
            }
        }
        assertThat(missing).as("classes the docs name that the code does not have").isEmpty();
    }

    @Test
    void aBrokenLinkIsCaught() throws IOException {
        Path readme = ROOT.resolve("README.md");
        Map<Path, Set<String>> anchors = new HashMap<>();
        assertThat(linkProblem(readme, "docs/security.md", anchors)).isEmpty();
        assertThat(linkProblem(readme, "docs/no-such-page.md", anchors)).isPresent();
        assertThat(linkProblem(readme, "docs/security.md#no-such-heading", anchors)).isPresent();
        assertThat(linkProblem(readme, "../outside.md", anchors)).isPresent();
        assertThat(linkProblem(readme, "https://example.org/anywhere", anchors)).isEmpty();
    }

    /** Why a link from {@code file} leads nowhere, or empty when it leads to a file (and heading) that exists. */
    private static Optional<String> linkProblem(Path file, String target, Map<Path, Set<String>> anchors)
            throws IOException {
        if (SCHEME.matcher(target).matches()) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return Optional.of("outside the repository");
        }
        if (!Files.exists(resolved)) {
            return Optional.of("no such file");
        }
        if (anchor != null && resolved.toString().endsWith(".md")
                && !anchors.computeIfAbsent(resolved, DocsCommandsTest::headingAnchors).contains(anchor)) {
            return Optional.of("no heading #" + anchor + " in " + ROOT.relativize(resolved));
        }
        return Optional.empty();
    }

    /** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> headingAnchors(Path file) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inBlock = false;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.trim().startsWith("```")) {
                    inBlock = !inBlock;
                }
                Matcher heading = HEADING.matcher(line);
                if (inBlock || !heading.matches()) {
                    continue;
                }
                String slug = heading.group(1).toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return anchors;
    }
}
