// Drives OUR provider broker and contracts with the official, unmodified TypeScript SDK
// (@0gfoundation/0g-compute-ts-sdk@0.9.0, installed at test time) and prints, after a
// marker line, one JSON object with what it observed. Usage:
//   node official-sdk-client.cjs <rpcUrl> <userKey> <ledger> <inference> <provider> <mode>
// mode: "full" (fund, list, chat, stream, image, transcription, unsettled fee) or "chat".
const { ethers } = require('ethers');
const { createZGComputeNetworkBroker } = require('@0gfoundation/0g-compute-ts-sdk');

// the SDK logs to stdout too, so the result follows a marker
const MARKER = '\n@@OFFICIAL-SDK-RESULT@@';
const [rpcUrl, userKey, ledgerCA, inferenceCA, provider, mode] = process.argv.slice(2);

async function text(res) {
  const body = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body };
}

async function main() {
  const out = { steps: [], timings: [] };
  const t0 = Date.now();
  const mark = (name) => out.timings.push(`${name}@${Date.now() - t0}ms`);
  const rpc = new ethers.JsonRpcProvider(rpcUrl);
  const wallet = new ethers.Wallet(userKey, rpc);
  const broker = await createZGComputeNetworkBroker(wallet, ledgerCA, inferenceCA);

  if (mode === 'full') {
    await broker.ledger.addLedger(10);
    out.steps.push('addLedger');
    mark('addLedger');
  }
  mark('broker');
  const services = await broker.inference.listService();
  mark('listService');
  out.listed = services.map((s) => ({ provider: s.provider, model: s.model, url: s.url, serviceType: s.serviceType }));
  await broker.inference.acknowledgeProviderSigner(provider);
  out.steps.push('acknowledgeProviderSigner');
    mark('acknowledge');
  const { endpoint, model } = await broker.inference.getServiceMetadata(provider);
  out.endpoint = endpoint;
  out.model = model;
    mark('metadata');

  // chat, non-streaming
  const chatBody = JSON.stringify({ model, messages: [{ role: 'user', content: 'Hello from the official SDK' }] });
  let headers = await broker.inference.getRequestHeaders(provider, chatBody);
  let res = await fetch(`${endpoint}/chat/completions`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: chatBody,
  });
  const chat = await text(res);
  out.chat = { status: chat.status, resKey: chat.headers['zg-res-key'], providerHeader: chat.headers['provider'] };
  if (chat.status === 200) {
    const json = JSON.parse(chat.body);
    out.chat.usage = json.usage;
    out.chat.content = json.choices[0].message.content;
    out.chat.verified = await broker.inference.processResponse(provider, chat.headers['zg-res-key'], JSON.stringify(json.usage));
    mark('chat');
  } else {
    out.chat.error = chat.body;
  }

  if (mode === 'full') {
    // chat, streaming
    const streamBody = JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'Stream me a reply' }] });
    headers = await broker.inference.getRequestHeaders(provider, streamBody);
    res = await fetch(`${endpoint}/chat/completions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: streamBody,
    });
    const stream = await text(res);
    let usage = null;
    let pieces = 0;
    for (const raw of stream.body.split('\n')) {
      const line = raw.trim().replace(/^data:\s*/, '');
      if (!line || line === '[DONE]') continue;
      const obj = JSON.parse(line);
      if (obj.usage) usage = obj.usage;
      if (obj.choices && obj.choices.length) pieces++;
    }
    out.stream = { status: stream.status, resKey: stream.headers['zg-res-key'], usage, pieces,
      endsWithDone: stream.body.trimEnd().endsWith('data: [DONE]') };
    out.stream.verified = await broker.inference.processResponse(provider, stream.headers['zg-res-key'], JSON.stringify(usage));
    mark('stream');

    // image generation
    const imageBody = JSON.stringify({ model, prompt: 'a red square', n: 2, size: '64x64', response_format: 'b64_json' });
    headers = await broker.inference.getRequestHeaders(provider, imageBody);
    res = await fetch(`${endpoint}/images/generations`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: imageBody,
    });
    const image = await text(res);
    out.image = { status: image.status, resKey: image.headers['zg-res-key'] };
    if (image.status === 200) {
      const json = JSON.parse(image.body);
      out.image.count = json.data.length;
      out.image.pngMagic = Buffer.from(json.data[0].b64_json, 'base64').subarray(1, 4).toString('ascii');
      out.image.verified = await broker.inference.processResponse(provider, image.headers['zg-res-key']);
    mark('image');
    } else {
      out.image.error = image.body;
    }

    // transcription (multipart)
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(32000, 1)], { type: 'audio/wav' }), 'speech.wav');
    form.append('model', model);
    form.append('response_format', 'json');
    headers = await broker.inference.getRequestHeaders(provider);
    res = await fetch(`${endpoint}/audio/transcriptions`, { method: 'POST', headers: { ...headers }, body: form });
    const transcription = await text(res);
    out.transcription = { status: transcription.status, resKey: transcription.headers['zg-res-key'] };
    if (transcription.status === 200) {
      const json = JSON.parse(transcription.body);
      out.transcription.text = json.text;
      out.transcription.usage = json.usage;
      out.transcription.verified = await broker.inference.processResponse(provider,
        transcription.headers['zg-res-key'], JSON.stringify(json.usage));
      mark('transcription');
    } else {
      out.transcription.error = transcription.body;
    }

    // the unsettled fee, read the way auto-funding reads it
    headers = await broker.inference.getRequestHeaders(provider);
    res = await fetch(`${services.find((s) => s.provider.toLowerCase() === provider.toLowerCase()).url}/v1/user/${wallet.address}/unsettledfee`, { headers });
    out.unsettled = await text(res);
    mark('unsettled');
  }
  const account = await broker.inference.getAccount(provider);
  out.account = { balance: account.balance.toString(), pendingRefund: account.pendingRefund.toString() };
  process.stdout.write(MARKER + JSON.stringify(out) + '\n');
}

// the SDK's providers and timers keep Node alive: leave as soon as the result is out
main().then(() => process.exit(0)).catch((e) => {
  process.stdout.write(MARKER + JSON.stringify({ fatal: String(e && e.stack || e) }) + '\n');
  process.exit(0);
});
