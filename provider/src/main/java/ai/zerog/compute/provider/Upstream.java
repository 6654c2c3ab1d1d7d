package ai.zerog.compute.provider;

/**
 * Where the broker sends a billed request: an OpenAI-compatible HTTP server (vLLM, Ollama,
 * llama.cpp, TGI, …) or the built-in dev model. The caller reads the response body as a stream
 * (SSE is relayed line by line) and closes the response.
 */
public interface Upstream {
    /**
     * Sends {@code request}; returns once the status and headers are known. Throws
     * {@link UpstreamUnavailableException} when the server cannot be reached or does not answer
     * within the configured timeout.
     */
    UpstreamResponse send(UpstreamRequest request);
}
