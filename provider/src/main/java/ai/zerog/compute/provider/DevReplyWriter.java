package ai.zerog.compute.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * What the dev model says: {@code Dev model reply to: <the prompt's first 24 tokens>} and a
 * short sentence of 3 to 6 words picked by the SHA-256 of the prompt, so the same prompt always
 * gets the same reply and different prompts usually differ.
 */
final class DevReplyWriter {
    private static final int ECHO_TOKENS = 24;
    private static final List<String> WORDS = List.of(
            "amber", "bright", "calm", "delta", "ember", "fable", "garden", "harbor", "island", "jolly",
            "kettle", "lantern", "meadow", "nectar", "orbit", "pebble", "quartz", "river", "signal", "timber",
            "umbra", "velvet", "willow", "xenon", "yonder", "zephyr", "atlas", "beacon", "cinder", "dune",
            "echo", "falcon");

    private DevReplyWriter() {
    }

    static String reply(String prompt) {
        List<String> pieces = DevTokenizer.pieces(prompt.strip());
        String echo = pieces.isEmpty() ? "(empty)" : String.join("", pieces.subList(0, Math.min(ECHO_TOKENS, pieces.size())));
        byte[] hash = sha256(prompt);
        int wordCount = 3 + (hash[0] & 0xff) % 4;
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < wordCount; i++) {
            String word = WORDS.get((hash[i + 1] & 0xff) % WORDS.size());
            sentence.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return "Dev model reply to: " + echo.strip() + "\n" + sentence + ".";
    }

    static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderException("SHA-256 is missing from this JVM", e);
        }
    }
}
