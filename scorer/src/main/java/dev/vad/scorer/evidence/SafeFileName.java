package dev.vad.scorer.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stream id (or any text) as one file name that cannot leave its directory: letters, digits, {@code _} and
 * {@code -} stay, a dot stays unless it is the first character, and every other UTF-8 byte is written {@code %XX}
 * (so {@code ..}, {@code /}, {@code \} and control characters never appear, and two ids never share a name). A
 * name longer than {@value #MAX_CHARS} characters is cut and ends in {@code ~} and a hash of the whole id.
 */
public final class SafeFileName {

    static final int MAX_CHARS = 120;
    private static final int KEPT_CHARS = 80;

    private SafeFileName() {
    }

    public static String of(String text) {
        if (text.isEmpty()) {
            return "%";
        }
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && !out.isEmpty());
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        if (out.length() <= MAX_CHARS) {
            return out.toString();
        }
        int cut = KEPT_CHARS;
        while (cut > 0 && (out.charAt(cut - 1) == '%' || (cut > 1 && out.charAt(cut - 2) == '%'))) {
            cut--;
        }
        return out.substring(0, cut) + "~" + HexFormat.of().formatHex(sha256(text), 0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
