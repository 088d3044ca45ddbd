package dev.vad.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vad.common.http.HttpAccess;
import dev.vad.testkit.SelfSignedKeystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpAccessConfigTest {

    @TempDir
    Path dir;

    @Test
    void aViewerOnLoopbackIsOpenByDefault() {
        ConfigReader config = new ConfigReader(Map.of(), Map.of());

        HttpAccess access = HttpAccessConfig.load(config, "viewer", "127.0.0.1", true, true);

        assertThat(config.problems()).isEmpty();
        assertThat(access).isEqualTo(HttpAccess.OPEN);
        assertThat(access.scheme()).isEqualTo("http");
    }

    @Test
    void aViewerBeyondLoopbackWithoutAPasswordIsRefusedWithTheWaysOut() {
        ConfigReader config = new ConfigReader(Map.of("viewer-bind", "0.0.0.0"), Map.of());

        HttpAccessConfig.load(config, "viewer", "0.0.0.0", true, true);

        assertThat(config.problems()).singleElement().asString().contains("--viewer-bind", "'0.0.0.0'",
                "VAD_VIEWER_PASSWORD", "--viewer-password-file", "--viewer-insecure");
    }

    @Test
    void insecureServesBeyondLoopbackOpenlyWhenAskedTo() {
        ConfigReader config = new ConfigReader(Map.of("viewer-insecure", "true"), Map.of());

        HttpAccess access = HttpAccessConfig.load(config, "viewer", "0.0.0.0", true, true);

        assertThat(config.problems()).isEmpty();
        assertThat(access.authenticated()).isFalse();
    }

    @Test
    void metricsBeyondLoopbackStayOpenUnlessGivenAPassword() {
        ConfigReader config = new ConfigReader(Map.of(), Map.of("VAD_METRICS_PASSWORD", "s3cret-metrics"));

        HttpAccess open = HttpAccessConfig.load(new ConfigReader(Map.of(), Map.of()), "metrics", "0.0.0.0", false,
                false);
        HttpAccess guarded = HttpAccessConfig.load(config, "metrics", "0.0.0.0", false, false);

        assertThat(open.authenticated()).isFalse();
        assertThat(guarded.credentials().accepts("vad", "s3cret-metrics")).isTrue();
        assertThat(guarded.credentials().accepts("vad", "s3cret-metricz")).isFalse();
        assertThat(guarded.credentials().accepts("admin", "s3cret-metrics")).isFalse();
        assertThat(guarded.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordFileGivesTheFirstLineAndAUserMayBeNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "correct horse\nignored\n");
        ConfigReader config = new ConfigReader(Map.of("viewer-password-file", file.toString(), "viewer-user",
                "operator"), Map.of());

        HttpAccess access = HttpAccessConfig.load(config, "viewer", "0.0.0.0", true, true);

        assertThat(config.problems()).isEmpty();
        assertThat(access.credentials().accepts("operator", "correct horse")).isTrue();
        assertThat(access.generatedInto()).isNull();
    }

    @Test
    void aMissingPasswordFileIsGeneratedReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("secrets/viewer-password");
        ConfigReader config = new ConfigReader(Map.of("viewer-password-file", file.toString()), Map.of());

        HttpAccess access = HttpAccessConfig.load(config, "viewer", "0.0.0.0", true, true);

        assertThat(config.problems()).isEmpty();
        assertThat(access.generatedInto()).isEqualTo(file);
        String password = Files.readString(file).strip();
        assertThat(password).hasSize(24);
        assertThat(access.credentials().accepts("vad", password)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        HttpAccess again = HttpAccessConfig.load(new ConfigReader(Map.of("viewer-password-file", file.toString()),
                Map.of()), "viewer", "0.0.0.0", true, true);
        assertThat(again.generatedInto()).as("the next start reads it").isNull();
        assertThat(again.credentials().accepts("vad", password)).isTrue();
    }

    @Test
    void badPasswordFilesAreListedAndTheEnvironmentsPasswordWins() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        ConfigReader both = new ConfigReader(Map.of("viewer-password-file", empty.toString()),
                Map.of("VAD_VIEWER_PASSWORD", "hunter2"));
        ConfigReader blank = new ConfigReader(Map.of("viewer-password-file", empty.toString()), Map.of());
        ConfigReader missing = new ConfigReader(Map.of("metrics-password-file", dir.resolve("nope").toString()),
                Map.of());

        HttpAccess envWins = HttpAccessConfig.load(both, "viewer", "0.0.0.0", true, true);
        HttpAccessConfig.load(blank, "viewer", "0.0.0.0", true, true);
        HttpAccessConfig.load(missing, "metrics", "0.0.0.0", false, false);

        assertThat(both.problems()).as("the environment's password wins over the file's").isEmpty();
        assertThat(envWins.credentials().accepts("vad", "hunter2")).isTrue();
        assertThat(blank.problems()).first().asString().contains("--viewer-password-file", "it is empty");
        assertThat(missing.problems()).singleElement().asString().contains("--metrics-password-file",
                "a readable file");
    }

    @Test
    void aKeystoreTurnsOnHttpsAndAWrongPasswordIsAProblemAtStart() throws Exception {
        SelfSignedKeystore keystore = SelfSignedKeystore.create(dir, "keystore-pw");
        ConfigReader good = new ConfigReader(Map.of("viewer-tls-keystore", keystore.file().toString()),
                Map.of("VAD_VIEWER_TLS_PASSWORD", "keystore-pw"));
        ConfigReader wrong = new ConfigReader(Map.of("viewer-tls-keystore", keystore.file().toString()),
                Map.of("VAD_VIEWER_TLS_PASSWORD", "not-the-pw"));
        ConfigReader notAKeystore = new ConfigReader(Map.of("viewer-tls-keystore",
                Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\n").toString()), Map.of());

        HttpAccess https = HttpAccessConfig.load(good, "viewer", "127.0.0.1", true, true);
        HttpAccessConfig.load(wrong, "viewer", "127.0.0.1", true, true);
        HttpAccessConfig.load(notAKeystore, "viewer", "127.0.0.1", true, true);

        assertThat(good.problems()).isEmpty();
        assertThat(https.scheme()).isEqualTo("https");
        assertThat(wrong.problems()).singleElement().asString().contains("--viewer-tls-keystore",
                "wrong keystore password").doesNotContain("not-the-pw");
        assertThat(notAKeystore.problems()).singleElement().asString().contains("PKCS#12");
    }
}
