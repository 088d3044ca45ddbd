package dev.vad.scorer.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SafeFileNameTest {

    @Test
    void plainIdsStayAsTheyAre() {
        assertThat(SafeFileName.of("cam-1")).isEqualTo("cam-1");
        assertThat(SafeFileName.of("gate_2.north")).isEqualTo("gate_2.north");
    }

    @Test
    void separatorsDotsAndOddCharactersCannotLeaveTheDirectory() {
        assertThat(SafeFileName.of("../etc")).isEqualTo("%2E.%2Fetc");
        assertThat(SafeFileName.of("..")).isEqualTo("%2E.");
        assertThat(SafeFileName.of("a/b\\c")).isEqualTo("a%2Fb%5Cc");
        assertThat(SafeFileName.of("x\u0000y\n")).isEqualTo("x%00y%0A");
        assertThat(SafeFileName.of("caf\u00e9")).isEqualTo("caf%C3%A9");
        assertThat(SafeFileName.of("")).isEqualTo("%");
        for (String id : new String[] {"../../x", "/abs", "a/../../b", ".hidden", "~user", "C:\\x"}) {
            Path root = Path.of("/evidence");
            Path resolved = root.resolve(SafeFileName.of(id)).normalize();
            assertThat(resolved.getParent()).as(id).isEqualTo(root);
            assertThat(SafeFileName.of(id)).as(id).doesNotContain("/", "\\").doesNotStartWith(".");
        }
    }

    @Test
    void differentIdsNeverShareAName() {
        assertThat(SafeFileName.of("a/b")).isNotEqualTo(SafeFileName.of("a_b")).isNotEqualTo(SafeFileName.of("a%2Fb"));
        assertThat(SafeFileName.of("%")).isNotEqualTo(SafeFileName.of(""));
    }

    @Test
    void longIdsAreCutAndKeptApartByAHash() {
        String a = "x".repeat(300) + "a";
        String b = "x".repeat(300) + "b";

        assertThat(SafeFileName.of(a)).hasSizeLessThanOrEqualTo(SafeFileName.MAX_CHARS).startsWith("xxxx").contains("~");
        assertThat(SafeFileName.of(a)).isNotEqualTo(SafeFileName.of(b));
        String slashes = "/".repeat(100);
        assertThat(SafeFileName.of(slashes)).matches("(%2F)+~[0-9a-f]{32}");
    }
}
