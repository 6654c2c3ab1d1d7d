// One fund movement, the same for both wallets: the server checks it, then either sends it itself
// (local identity) or hands back a prepared transaction that the browser wallet confirms and sends.
import { api } from './api.js';
import { sendPrepared } from './wallet.js';
import { progress, showNotice } from './ui.js';

/** Runs `path` with `body`, showing progress in `status`; resolves when the chain has it. */
export async function moveFunds(path, body, status, what) {
  progress(status, `${what}: checking and sending the transaction…`);
  const answer = await api(path, { method: 'POST', body });
  if (answer.transaction) {
    await sendPrepared(answer, (text) => progress(status, text));
  }
  showNotice(status, 'ok', `${what}: done.`);
  return answer;
}
