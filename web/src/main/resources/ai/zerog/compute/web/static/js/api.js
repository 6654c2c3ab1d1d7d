// The page's only way to the server: JSON calls and event streams, with the chosen wallet attached.
import { currentWallet } from './wallet-state.js';

export class ApiError extends Error {
  constructor(body, status) {
    super(body && body.error ? body.error : `The server answered ${status}`);
    this.status = status;
    this.fix = body && body.fix ? body.fix : null;
    this.detail = body && body.detail ? body.detail : '';
  }
}

function headers() {
  const h = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const wallet = currentWallet();
  if (wallet) h['X-ZG-Wallet'] = wallet.kind === 'local' ? 'local' : wallet.address;
  return h;
}

async function failure(response) {
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  return new ApiError(body, response.status);
}

export async function api(path, { method = 'GET', body } = {}) {
  let response;
  try {
    response = await fetch(path, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new Error('The web UI server is not reachable. Is `0g-compute-cli ui start-web` still running?');
  }
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** POSTs and reads an event stream; calls onEvent(name, data) for each event. */
export async function streamEvents(path, body, onEvent, signal) {
  const response = await fetch(path, { method: 'POST', headers: headers(), body: JSON.stringify(body), signal });
  if (!response.ok) throw await failure(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
