import { streamEvents } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { fillProviderSelect, providerBalance } from './providers.js';
import { onSignatureRequest } from './wallet.js';
import { currentWallet, onWalletChange } from './wallet-state.js';
import { confirmDialog, h, markReady, pendingBadge, receiptView, showError, showNotice } from './ui.js';
import { ageGroup, deleteSession, findSession, listSessions, newSession, saveSession } from './chat-history.js';
import { renderAnswer } from './chat-text.js';

const SYSTEM = { role: 'system', content: 'You are a helpful assistant. Answer accurately and concisely.' };
const OUTPUT_ALLOWANCE_TOKENS = 500n;
const select = document.getElementById('provider');
const list = document.getElementById('messages');
const prompt = document.getElementById('prompt');
const send = document.getElementById('send');
const stop = document.getElementById('stop');
const notice = document.getElementById('notice');
const historyList = document.getElementById('history');
const search = document.getElementById('history-search');
const estimate = document.getElementById('estimate');
let chatProviders = [];
let session = null;
let busy = false;
let controller = null;
let previous = '';

const walletAddress = () => (currentWallet() && currentWallet().address) || '';
const conversation = () => (session ? session.messages : []);

function emptyHint() {
  return h('p', { class: 'muted', id: 'empty' }, 'Ask anything. Enter sends, Shift+Enter adds a line.');
}

function bubble(role, text) {
  const textEl = h('div', { class: 'text' });
  if (role === 'assistant') textEl.append(renderAnswer(text)); else textEl.textContent = text;
  const el = h('div', { class: `message ${role}` }, textEl);
  document.getElementById('empty')?.remove();
  list.append(el);
  list.scrollTop = list.scrollHeight;
  return el;
}

function stoppedBadge() {
  return h('span', { class: 'badge warn', 'data-stopped': 'true' }, 'Stopped');
}

/** Shows a stored message: its text and, for answers, the receipt or the stopped mark kept with it. */
function showMessage(message) {
  const el = bubble(message.role, message.content);
  if (message.role !== 'assistant') return;
  if (message.stopped) {
    el.dataset.stopped = 'true';
    el.append(h('div', { class: 'meta' }, stoppedBadge()));
  } else if (message.receipt) {
    el.append(receiptView(message.receipt));
  }
}

/** Edit goes under the last question, Regenerate into the last answer; both only while idle. */
function refreshActions() {
  list.querySelectorAll('.msg-actions').forEach((el) => el.remove());
  if (busy) return;
  const users = list.querySelectorAll('.message.user');
  const answers = list.querySelectorAll('.message.assistant');
  const lastUser = users[users.length - 1];
  const lastAnswer = answers[answers.length - 1];
  if (lastUser && conversation().some((m) => m.role === 'user')) {
    lastUser.after(h('div', { class: 'msg-actions user-actions' },
      h('button', { type: 'button', class: 'secondary small', id: 'edit-last', onclick: editLast }, 'Edit')));
  }
  if (lastAnswer && conversation().length && conversation()[conversation().length - 1].role === 'assistant') {
    lastAnswer.append(h('div', { class: 'msg-actions' },
      h('button', { type: 'button', class: 'secondary small', id: 'regenerate', onclick: regenerate }, 'Regenerate')));
  }
}

function setBusy(value) {
  busy = value;
  send.disabled = value;
  stop.classList.toggle('hidden', !value);
  stop.disabled = !value;
  refreshActions();
}

function persist(target) {
  saveSession(target);
  renderHistory();
}

/** Streams an answer to the conversation as it stands (ending with a user message). */
async function answer() {
  const target = session;
  const answerEl = bubble('assistant', '');
  answerEl.setAttribute('aria-busy', 'true');
  const textEl = answerEl.querySelector('.text');
  const meta = h('div', { class: 'meta' }, pendingBadge('Waiting for the answer…'));
  answerEl.append(meta);
  controller = new AbortController();
  setBusy(true);
  let reply = '';
  let receipt = null;
  const messages = target.messages.map((m) => ({ role: m.role, content: m.content }));
  try {
    await streamEvents('/api/chat', { provider: target.provider, messages: [SYSTEM, ...messages] }, (event, data) => {
      if (event === 'delta') {
        reply += data.text;
        textEl.replaceChildren(renderAnswer(reply));
        meta.replaceChildren(pendingBadge('Streaming…'));
        list.scrollTop = list.scrollHeight;
      } else if (event === 'done') {
        receipt = data;
        meta.replaceWith(receiptView(data));
      } else if (event === 'error') {
        meta.replaceChildren();
        showError(meta, data);
      }
    }, controller.signal);
    if (reply) target.messages.push({ role: 'assistant', content: reply, receipt, timestamp: Date.now() });
    else target.messages.pop();
  } catch (e) {
    if (e && e.name === 'AbortError') {
      // the partial answer stays, marked, and is kept as the model's turn
      answerEl.dataset.stopped = 'true';
      meta.replaceChildren(stoppedBadge());
      if (reply) target.messages.push({ role: 'assistant', content: reply, stopped: true, timestamp: Date.now() });
    } else {
      target.messages.pop();
      meta.replaceChildren();
      showError(meta, e);
    }
  } finally {
    answerEl.removeAttribute('aria-busy');
    controller = null;
    setBusy(false);
    persist(target);
    providerBalance(document.getElementById('balance'), select.value);
    refreshShell();
  }
}

function ask(text) {
  if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
  if (!select.value) { showNotice(notice, 'warn', 'There is no chatbot provider to talk to on this network.'); return; }
  notice.classList.add('hidden');
  if (!session) session = newSession(select.value, walletAddress());
  session.messages.push({ role: 'user', content: text, timestamp: Date.now() });
  bubble('user', text);
  persist(session);
  answer();
}

function regenerate() {
  if (busy) return;
  const messages = conversation();
  if (!messages.length || messages[messages.length - 1].role !== 'assistant') return;
  messages.pop();
  const answers = list.querySelectorAll('.message.assistant');
  answers[answers.length - 1].remove();
  answer();
}

/** Takes the last question (and its answer) back into the box to be changed and sent again. */
function editLast() {
  if (busy) return;
  const messages = conversation();
  let index = messages.length - 1;
  while (index >= 0 && messages[index].role !== 'user') index--;
  if (index < 0) return;
  const text = messages[index].content;
  messages.splice(index);
  showConversation();
  persist(session);
  prompt.value = text;
  updateEstimate();
  prompt.focus();
}

function showConversation() {
  list.replaceChildren();
  if (!conversation().length) list.append(emptyHint());
  conversation().forEach(showMessage);
  refreshActions();
}

function leaveCurrent() {
  if (controller) controller.abort();
}

function newChat() {
  leaveCurrent();
  session = null;
  showConversation();
  renderHistory();
  prompt.focus();
}

function openSession(id) {
  const stored = findSession(id);
  if (!stored) { renderHistory(); return; }
  leaveCurrent();
  session = stored;
  if (chatProviders.some((p) => p.provider === stored.provider)) {
    select.value = stored.provider;
    previous = select.value;
    providerBalance(document.getElementById('balance'), select.value);
  }
  showConversation();
  renderHistory();
  updateEstimate();
}

function renderHistory() {
  const sessions = listSessions(walletAddress(), search.value);
  const items = [];
  let group = '';
  for (const s of sessions) {
    const label = ageGroup(s.updatedAt);
    if (label !== group) {
      group = label;
      items.push(h('li', { class: 'history-group muted small' }, label));
    }
    const current = session && session.id === s.id;
    items.push(h('li', { class: 'history-item', 'data-session': s.id, 'aria-current': current ? 'true' : null },
      h('button', { type: 'button', class: 'open', title: s.title, onclick: () => openSession(s.id) }, s.title),
      h('button', { type: 'button', class: 'delete secondary small', 'aria-label': `Delete conversation: ${s.title}`,
        onclick: () => removeSession(s.id) }, '✕')));
  }
  if (!items.length) {
    items.push(h('li', { class: 'muted small', id: 'history-empty' }, search.value.trim() ? 'No conversation matches.' : 'No past conversations yet.'));
  }
  historyList.replaceChildren(...items);
}

function removeSession(id) {
  if (session && session.id === id) {
    leaveCurrent();
    deleteSession(id);
    session = null;
    showConversation();
  } else {
    deleteSession(id);
  }
  renderHistory();
}

/** ceil(chars / 4) input tokens at the input price, plus a 500-token answer at the output price. */
function updateEstimate() {
  const p = chatProviders.find((x) => x.provider === select.value);
  const text = prompt.value.trim();
  if (!p || !text) { estimate.textContent = ''; return; }
  const tokens = BigInt(Math.ceil(text.length / 4));
  const neuron = tokens * BigInt(p.inputPrice) + OUTPUT_ALLOWANCE_TOKENS * BigInt(p.outputPrice);
  estimate.textContent = `Estimated cost: ~${formatOg(neuron)} 0G (${tokens} input tokens + ${OUTPUT_ALLOWANCE_TOKENS} output tokens allowance)`;
}

function formatOg(neuron) {
  const whole = neuron / 10n ** 18n;
  const fraction = (neuron % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

document.getElementById('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = prompt.value.trim();
  if (!text || busy) return;
  prompt.value = '';
  updateEstimate();
  ask(text);
});
prompt.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    document.getElementById('composer').requestSubmit();
  }
});
prompt.addEventListener('input', updateEstimate);
stop.addEventListener('click', () => { if (controller) controller.abort(); });
document.getElementById('new-chat').addEventListener('click', newChat);
search.addEventListener('input', renderHistory);
await initShell();
onSignatureRequest((waiting) => {
  if (waiting) showNotice(notice, 'info', 'Confirm the signature request in your wallet: it signs a session token for this provider (valid up to 24 h). No funds move.');
  else notice.classList.add('hidden');
});
try {
  chatProviders = await fillProviderSelect(select, 'chatbot');
  if (!select.value) showNotice(notice, 'warn', 'No chatbot provider is registered on this network.');
} catch (e) {
  showError(notice, e);
}
providerBalance(document.getElementById('balance'), select.value);
onWalletChange(() => {
  providerBalance(document.getElementById('balance'), select.value);
  renderHistory();
});
previous = select.value;
select.addEventListener('change', async () => {
  if (conversation().length && !(await confirmDialog('Switch provider?', h('p', {}, 'Switching starts a new conversation.')))) {
    select.value = previous;
    return;
  }
  previous = select.value;
  newChat();
  updateEstimate();
  providerBalance(document.getElementById('balance'), select.value);
});
renderHistory();
prompt.focus();
markReady();
