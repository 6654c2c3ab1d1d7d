package ai.zerog.compute.core;

/** The token counts of a chat answer's {@code usage} object ({@code prompt_tokens}, {@code completion_tokens}). */
public record ChatUsage(long promptTokens, long completionTokens) {

    public ChatUsage {
        if (promptTokens < 0 || completionTokens < 0) {
            throw new CoreException("token counts must not be negative, got prompt " + promptTokens
                    + " and completion " + completionTokens);
        }
    }
}
