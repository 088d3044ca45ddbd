package dev.vad.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vad.common.wire.AnomalyEvent;
import dev.vad.common.wire.JsonCodec;
import dev.vad.common.wire.WireLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature checks shown in docs/notifications.md accept what the notifier signs, and nothing else. */
class SignatureSnippetsTest {

    private static final Path DOC = Path.of("..", "docs", "notifications.md");
    private static final String SECRET = "doc-s3cret";

    @TempDir
    Path dir;

    private final byte[] body = JsonCodec.events(WireLimits.DEFAULT)
            .encode(Events.of("gate:100", AnomalyEvent.Phase.START, "gate", 103));
    private final String header = new WebhookSignature(SECRET).sign(body);

    private static String block(String language, String containing) throws IOException {
        Matcher m = Pattern.compile("(?s)```" + language + "\\n(.*?)```").matcher(Files.readString(DOC));
        while (m.find()) {
            if (m.group(1).contains(containing)) {
                return m.group(1);
            }
        }
        throw new IllegalStateException("no ```" + language + " block with '" + containing + "' in " + DOC);
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("VAD_WEBHOOK_SECRET", SECRET);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean available(String command) throws InterruptedException {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void thePythonCheckAcceptsTheSignatureAndRefusesATamperedBodyOrHeader() throws Exception {
        assumeThat(available("python3")).as("python3 runs the documented check").isTrue();
        Path script = Files.writeString(dir.resolve("check.py"), block("python", "def verify") + """

                import sys
                body, secret = open(sys.argv[1], "rb").read(), sys.argv[2].encode()
                header, tampered = sys.argv[3], sys.argv[4]
                print(verify(secret, body, header), verify(secret, body + b" ", header), verify(secret, body, tampered),
                      verify(b"another", body, header), verify(secret, body, None))
                """);
        Path saved = Files.write(dir.resolve("body.json"), body);
        String tampered = header.substring(0, header.length() - 1) + (header.endsWith("0") ? "1" : "0");

        String verdicts = run(dir, List.of("python3", script.toString(), saved.toString(), SECRET, header, tampered));

        assertThat(verdicts).isEqualTo("True False False False False");
    }

    @Test
    void theOpensslLineComputesTheSameHeader() throws Exception {
        assumeThat(available("openssl")).as("openssl runs the documented check").isTrue();
        Files.write(dir.resolve("body.json"), body);

        String computed = run(dir, List.of("bash", "-c", block("sh", "openssl dgst")));

        assertThat(computed).isEqualTo(header);
    }
}
