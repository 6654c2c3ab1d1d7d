package ai.zerog.compute.cli;

/** Parsing of {@code --token-id}: persistent API key slots 0–254 (255 is the ephemeral session slot). */
final class TokenIds {
    static final int MAX = 254;

    private TokenIds() {
    }

    /** The slot, or the official refusal {@code Error: Token ID must be a number between 0 and 254}. */
    static int parse(String text) {
        try {
            int id = Integer.parseInt(text.strip());
            if (id >= 0 && id <= MAX) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidOptionValue("Token ID must be a number between 0 and " + MAX);
    }
}
