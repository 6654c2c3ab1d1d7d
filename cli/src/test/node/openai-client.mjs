// Drives `inference serve` with the official OpenAI client for Node: one chat, one streamed chat.
// Usage: node openai-client.mjs <baseURL> <apiKey> <model>; prints one JSON line after RESULT_MARKER.
import OpenAI from 'openai';

const RESULT_MARKER = '@@OPENAI-CLIENT-RESULT@@';
const [baseURL, apiKey, model] = process.argv.slice(2);
const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 120_000 });
const messages = [{ role: 'user', content: 'Say hello through the proxy' }];

try {
  const { data: chat, response } = await client.chat.completions
    .create({ model, messages })
    .withResponse();

  const { data: stream, response: streamResponse } = await client.chat.completions
    .create({ model, messages, stream: true })
    .withResponse();
  let streamed = '';
  let chunks = 0;
  let usage = null;
  for await (const chunk of stream) {
    chunks += 1;
    streamed += chunk.choices[0]?.delta?.content ?? '';
    usage = chunk.usage ?? usage;
  }

  console.log(RESULT_MARKER + JSON.stringify({
    chat: {
      id: chat.id,
      content: chat.choices[0].message.content,
      promptTokens: chat.usage?.prompt_tokens ?? null,
      verified: response.headers.get('x-0g-verified'),
      provider: response.headers.get('x-0g-provider'),
    },
    stream: {
      content: streamed,
      chunks,
      totalTokens: usage?.total_tokens ?? null,
      contentType: streamResponse.headers.get('content-type'),
      provider: streamResponse.headers.get('x-0g-provider'),
      chatId: streamResponse.headers.get('x-0g-chat-id'),
    },
  }));
} catch (error) {
  console.log(RESULT_MARKER + JSON.stringify({ fatal: String(error?.stack ?? error) }));
}
