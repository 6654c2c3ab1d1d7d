import { api } from './api.js';
import { initShell } from './shell.js';
import { currentWallet } from './wallet-state.js';
import { h, markReady } from './ui.js';

async function steps() {
  const wallet = currentWallet();
  let ledger = null;
  let funded = false;
  if (wallet) {
    try {
      const account = await api('/api/account');
      ledger = account.ledger.exists ? account.ledger : null;
      funded = !!ledger && ledger.providers.some((p) => BigInt(p.usableNeuron) > 0n);
    } catch { /* shown as not done */ }
  }
  const list = [
    ['Connect a wallet', !!wallet, h('button', { type: 'button', onclick: () => document.dispatchEvent(new CustomEvent('zg-connect')) }, 'Connect')],
    ['Add funds to your ledger', !!ledger && BigInt(ledger.totalNeuron) > 0n, h('a', { href: '/wallet?action=deposit' }, 'Deposit')],
    ['Choose a provider and transfer to it', funded, h('a', { href: '/inference' }, 'Providers')],
    ['Start chatting', false, h('a', { href: '/inference/chat' }, 'Chat')],
  ];
  const done = list.filter(([, ok]) => ok).length;
  const section = document.getElementById('get-started');
  if (done >= 3) { section.classList.add('hidden'); return; }
  document.getElementById('progress-text').textContent = `${Math.round((done / list.length) * 100)}% done`;
  document.getElementById('steps').replaceChildren(...list.map(([text, ok, action], i) =>
    h('li', {}, h('span', { class: ok ? 'badge ok' : 'badge' }, ok ? '✓' : String(i + 1)), h('span', { class: 'grow' }, text), ok ? null : action)));
  section.classList.remove('hidden');
}

await initShell();
await steps();
markReady();
