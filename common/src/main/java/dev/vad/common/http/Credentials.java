package dev.vad.common.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The one user and password an endpoint's HTTP basic authentication accepts. The password is kept only as a salted
 * SHA-256 digest and compared in constant time.
 */
public final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final byte[] salt;
    private final byte[] digest;

    private Credentials(String user, byte[] salt, byte[] digest) {
        this.user = user;
        this.salt = salt;
        this.digest = digest;
    }

    public static Credentials of(String user, String password) {
        if (user.isEmpty() || user.contains(":")) {
            throw new IllegalArgumentException("a user name must be non-empty and without ':', found '" + user + "'");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password of " + user + " is empty");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Credentials(user, salt, digest(salt, password));
    }

    /** A random password of 24 characters from an alphabet without look-alikes, for a credential made on start. */
    public static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public String user() {
        return user;
    }

    /** Whether a request's user and password are these; takes the same time whatever part differs. */
    public boolean accepts(String givenUser, String givenPassword) {
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                givenUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(digest, digest(salt, givenPassword));
        return userMatches & passwordMatches;
    }

    @Override
    public String toString() {
        return user + ":***";
    }

    private static byte[] digest(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
