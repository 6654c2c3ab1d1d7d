package ai.zerog.compute.core;

/**
 * The token counts of a chat answer's {@code usage} object (PROTOCOL.md §7.2): {@code prompt_tokens},
 * {@code completion_tokens}, and the prompt tokens the upstream reported as read from its cache
 * ({@code prompt_tokens_details.cached_tokens}) or written to it ({@code cache_write_tokens} for the
 * default, usually 5-minute, cache and {@code cache_write_1h_tokens} for the 1-hour one). The cache
 * counts are parts of {@code promptTokens} as reported; billing clamps them (§7.3).
 */
public record ChatUsage(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens,
                        long cacheWrite1hTokens) {

    public ChatUsage {
        if (promptTokens < 0 || completionTokens < 0 || cachedTokens < 0 || cacheWriteTokens < 0
                || cacheWrite1hTokens < 0) {
            throw new CoreException("token counts must not be negative, got prompt " + promptTokens
                    + ", completion " + completionTokens + ", cached " + cachedTokens + ", cache write "
                    + cacheWriteTokens + " and 1-hour cache write " + cacheWrite1hTokens);
        }
    }

    /** A usage without cache counts. */
    public ChatUsage(long promptTokens, long completionTokens) {
        this(promptTokens, completionTokens, 0, 0, 0);
    }

    /** This usage with the given cache-read and cache-write counts. */
    public ChatUsage withCache(long cached, long cacheWrite, long cacheWrite1h) {
        return new ChatUsage(promptTokens, completionTokens, cached, cacheWrite, cacheWrite1h);
    }
}
