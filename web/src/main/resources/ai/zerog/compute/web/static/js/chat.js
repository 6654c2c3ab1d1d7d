import { streamEvents } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { fillProviderSelect, providerBalance } from './providers.js';
import { onSignatureRequest } from './wallet.js';
import { currentWallet, onWalletChange } from './wallet-state.js';
import { confirmDialog, h, markReady, pendingBadge, receiptView, showError, showNotice } from './ui.js';

const SYSTEM = { role: 'system', content: 'You are a helpful assistant. Answer accurately and concisely.' };
const select = document.getElementById('provider');
const list = document.getElementById('messages');
const prompt = document.getElementById('prompt');
const send = document.getElementById('send');
const notice = document.getElementById('notice');
let conversation = [];
let busy = false;

function bubble(role, text) {
  const el = h('div', { class: `message ${role}` }, h('div', { class: 'text' }, text));
  document.getElementById('empty')?.remove();
  list.append(el);
  list.scrollTop = list.scrollHeight;
  return el;
}

async function ask(text) {
  if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
  if (!select.value) { showNotice(notice, 'warn', 'There is no chatbot provider to talk to on this network.'); return; }
  busy = true;
  send.disabled = true;
  notice.classList.add('hidden');
  conversation.push({ role: 'user', content: text });
  bubble('user', text);
  const answer = bubble('assistant', '');
  answer.setAttribute('aria-busy', 'true');
  const textEl = answer.querySelector('.text');
  const meta = h('div', { class: 'meta' }, pendingBadge('Waiting for the answer…'));
  answer.append(meta);
  let reply = '';
  try {
    await streamEvents('/api/chat', { provider: select.value, messages: [SYSTEM, ...conversation] }, (event, data) => {
      if (event === 'delta') {
        reply += data.text;
        textEl.textContent = reply;
        meta.replaceChildren(pendingBadge('Streaming…'));
        list.scrollTop = list.scrollHeight;
      } else if (event === 'done') {
        meta.replaceWith(receiptView(data));
      } else if (event === 'error') {
        meta.replaceChildren();
        showError(meta, data);
      }
    });
    if (reply) conversation.push({ role: 'assistant', content: reply }); else conversation.pop();
  } catch (e) {
    conversation.pop();
    meta.replaceChildren();
    showError(meta, e);
  } finally {
    answer.removeAttribute('aria-busy');
    busy = false;
    send.disabled = false;
    providerBalance(document.getElementById('balance'), select.value);
    refreshShell();
  }
}

function newChat() {
  conversation = [];
  list.replaceChildren(h('p', { class: 'muted', id: 'empty' }, 'Ask anything. Enter sends, Shift+Enter adds a line.'));
}

document.getElementById('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = prompt.value.trim();
  if (!text || busy) return;
  prompt.value = '';
  ask(text);
});
prompt.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    document.getElementById('composer').requestSubmit();
  }
});
document.getElementById('new-chat').addEventListener('click', newChat);
await initShell();
onSignatureRequest((waiting) => {
  if (waiting) showNotice(notice, 'info', 'Confirm the signature request in your wallet: it signs a session token for this provider (valid up to 24 h). No funds move.');
  else notice.classList.add('hidden');
});
try {
  await fillProviderSelect(select, 'chatbot');
  if (!select.value) showNotice(notice, 'warn', 'No chatbot provider is registered on this network.');
} catch (e) {
  showError(notice, e);
}
providerBalance(document.getElementById('balance'), select.value);
onWalletChange(() => providerBalance(document.getElementById('balance'), select.value));
let previous = select.value;
select.addEventListener('change', async () => {
  if (conversation.length && !(await confirmDialog('Switch provider?', h('p', {}, 'Switching starts a new conversation.')))) {
    select.value = previous;
    return;
  }
  previous = select.value;
  newChat();
  providerBalance(document.getElementById('balance'), select.value);
});
prompt.focus();
markReady();
