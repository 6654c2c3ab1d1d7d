import { api } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { moveFunds } from './funds.js';
import { providers } from './providers.js';
import { currentWallet, onWalletChange } from './wallet-state.js';
import { confirmDialog, copyButton, h, markReady, param, short, showError, showNotice } from './ui.js';

const status = document.getElementById('status');
let account = null;
let catalogue = [];
let keyList = [];

function duration(seconds) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  return `${hours}h ${minutes}min ${seconds % 60}s`;
}

function modelOf(address) {
  const p = catalogue.find((c) => c.provider === address);
  return p ? `${p.model} (${p.serviceType})` : '';
}

async function load() {
  const wallet = currentWallet();
  document.getElementById('disconnected').classList.toggle('hidden', !!wallet);
  document.getElementById('account').classList.toggle('hidden', !wallet);
  if (!wallet) { document.getElementById('wallet-line').textContent = ''; return; }
  account = await api('/api/account');
  document.getElementById('wallet-line').textContent = `${account.kind === 'local' ? 'Local identity' : 'Browser wallet'} ${account.wallet}`;
  document.getElementById('min-ledger').textContent = account.minimums.ledger;
  document.getElementById('min-transfer').textContent = account.minimums.transfer;
  const ledger = account.ledger;
  document.getElementById('total').textContent = ledger.exists ? `${ledger.total} 0G` : 'No ledger yet';
  document.getElementById('available').textContent = ledger.exists ? `${ledger.available} 0G` : '0 0G';
  document.getElementById('locked').textContent = ledger.exists ? `${ledger.locked} 0G` : '0 0G';
  const rows = ledger.exists ? ledger.providers : [];
  document.getElementById('providers').replaceChildren(...(rows.length ? rows.map((p) => h('tr', { 'data-provider': p.provider },
    h('td', {}, h('span', { class: 'address', title: p.provider }, short(p.provider)), h('div', { class: 'small muted' }, modelOf(p.provider))),
    h('td', {}, `${p.balance} 0G`),
    h('td', {}, `${p.usable} 0G`),
    h('td', {}, p.refunds.length ? h('ul', { class: 'small refund-list' }, p.refunds.map((r) =>
      h('li', {}, `${r.amount} 0G — `, r.unlocked ? h('span', { class: 'badge ok' }, 'ready: retrieve to collect') : `unlocks in ${duration(r.secondsLeft)}`))) : h('span', { class: 'muted' }, 'none')),
    h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => retrieve(p.provider) }, 'Retrieve'))))
    : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No provider sub-accounts yet: transfer funds to a provider to open one.'))]));
  await loadKeys();
}

async function loadKeys() {
  const { keys } = await api('/api/keys');
  keyList = keys;
  document.getElementById('keys-heading').textContent = `Existing API keys (${keys.length})`;
  document.getElementById('keys').replaceChildren(...(keys.length ? keys.map((k, i) => {
    const secret = h('code', { class: 'key-secret' }, `${k.key.slice(0, 14)}…`);
    let shown = false;
    const toggle = h('button', { type: 'button', class: 'link' }, 'Show');
    toggle.addEventListener('click', () => { shown = !shown; secret.textContent = shown ? k.key : `${k.key.slice(0, 14)}…`; toggle.textContent = shown ? 'Hide' : 'Show'; });
    const state = k.revoked ? h('span', { class: 'badge bad' }, 'revoked') : k.expired ? h('span', { class: 'badge warn' }, 'expired') : h('span', { class: 'badge ok' }, 'active');
    return h('tr', { 'data-token': String(k.tokenId), 'data-provider': k.provider, class: i === 0 ? 'newest' : null },
      h('td', {}, k.name ? h('div', {}, k.name) : null, secret, ' ', toggle, ' ', copyButton(k.key)),
      h('td', {}, h('span', { class: 'address', title: k.provider }, short(k.provider)), h('div', { class: 'small muted' }, modelOf(k.provider))),
      h('td', {}, String(k.tokenId)),
      h('td', {}, new Date(k.createdAt).toLocaleString()),
      h('td', {}, k.expiresAt === 'never' ? 'never' : new Date(k.expiresAt).toLocaleString()),
      h('td', { class: 'key-state' }, state),
      h('td', {}, k.revoked ? null : h('button', { type: 'button', class: 'danger', onclick: () => revokeKey(k) }, 'Revoke')));
  }) : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No API keys stored for this wallet yet.'))]));
  await loadSlots();
}

/** The selected provider's 255 slots for this wallet: active, available, revoked. */
async function loadSlots() {
  const provider = document.getElementById('key-provider').value;
  const summary = document.getElementById('slot-summary');
  const meter = document.getElementById('slot-meter');
  const button = document.getElementById('refresh-slots');
  button.disabled = true;
  if (!provider) { summary.textContent = 'No provider to create keys for on this network.'; return; }
  const slots = await api(`/api/keys/slots?provider=${provider}`);
  meter.firstElementChild.style.width = `${slots.usagePercent}%`;
  meter.classList.toggle('high', slots.usagePercent >= 80);
  meter.setAttribute('aria-label', `${slots.usagePercent}% of the provider's key slots used`);
  if (!slots.subAccount) {
    summary.textContent = `No sub-account with ${short(provider)} yet: transfer funds to it before creating keys.`;
    return;
  }
  summary.replaceChildren(h('span', {},
    h('span', { id: 'slot-active' }, `${slots.active} active`), ' · ',
    h('span', { id: 'slot-available' }, `${slots.available} available`), ' · ',
    h('span', { id: 'slot-revoked' }, `${slots.revoked} revoked`), ` · ${slots.usagePercent}% of ${slots.total} used`,
    slots.usagePercent >= 80 ? [' ', h('span', { class: 'badge warn' }, 'Few slots left: consider Refresh All Slots')] : null));
  button.disabled = false;
}

/**
 * Refresh All Slots: revokeAllTokens for the provider, after a confirmation that lists the stored
 * keys it kills and, when there are some, asks for the words REFRESH ALL.
 */
async function refreshSlots() {
  const provider = document.getElementById('key-provider').value;
  const stored = keyList.filter((k) => k.provider === provider && !k.revoked);
  const typed = h('input', { id: 'refresh-confirm-text', autocomplete: 'off', placeholder: 'REFRESH ALL' });
  const body = [h('p', {}, `This revokes every API key for provider ${short(provider)} — also keys made elsewhere, and session tokens — in one transaction, and frees all 255 slots. Apps using these keys stop working.`)];
  if (stored.length) {
    body.push(h('p', {}, `${stored.length} stored key${stored.length === 1 ? '' : 's'} will stop working:`),
      h('ul', { class: 'small' }, stored.slice(0, 5).map((k) => h('li', {}, `#${k.tokenId}${k.name ? ` ${k.name}` : ''} (created ${new Date(k.createdAt).toLocaleString()})`))),
      stored.length > 5 ? h('p', { class: 'small muted' }, `…and ${stored.length - 5} more.`) : null,
      h('label', { for: 'refresh-confirm-text' }, 'Type REFRESH ALL to confirm'), typed);
  }
  if (!(await confirmDialog('Refresh all slots?', ...body))) return;
  if (stored.length && typed.value.trim() !== 'REFRESH ALL') {
    showNotice(status, 'warn', 'Nothing was revoked: type REFRESH ALL to confirm Refresh All Slots.');
    return;
  }
  try {
    await moveFunds('/api/keys/revoke-all', { provider }, status, `Refresh All Slots for ${short(provider)}`);
    await load();
    refreshShell();
    showNotice(status, 'ok', `All slots refreshed successfully! Every API key for ${short(provider)} is revoked and all 255 slots are free again.`);
  } catch (e) {
    showError(status, e);
  }
}

async function guarded(action) {
  try {
    await action();
    await load();
    refreshShell();
  } catch (e) {
    showError(status, e);
  }
}

async function retrieve(provider) {
  const who = provider ? `provider ${short(provider)}` : 'every provider';
  if (!(await confirmDialog('Retrieve funds?', h('p', {}, `Start retrieving the funds in the sub-account with ${who}. Refunds unlock after the lock time; retrieve again afterwards to collect unlocked ones into your ledger.`)))) return;
  await guarded(() => moveFunds('/api/account/retrieve', provider ? { provider } : {}, status, 'Retrieve'));
}

async function revokeKey(k) {
  if (!(await confirmDialog('Revoke API key?', h('p', {}, `API key #${k.tokenId} for provider ${short(k.provider)} stops working once providers see the revocation. This sends a transaction.`),
    h('p', { class: 'small muted' }, `Its slot (#${k.tokenId}) stays revoked, so new keys use other slots, until you use Refresh All Slots for this provider.`)))) return;
  await guarded(() => moveFunds('/api/keys/revoke', { provider: k.provider, tokenId: k.tokenId }, status, `Revoke API key #${k.tokenId}`));
}

function amountOf(id) {
  const value = document.getElementById(id).value.trim();
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || /^0+(\.0+)?$/.test(value)) throw new Error('Enter an amount in 0G greater than 0, such as 1 or 0.5.');
  return value;
}

function onSubmit(formId, run) {
  document.getElementById(formId).addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await run(); } catch (err) { showError(status, err); }
  });
}

await initShell();
onWalletChange(() => load().catch((e) => showError(status, e)));
document.getElementById('connect-here').addEventListener('click', () => document.dispatchEvent(new CustomEvent('zg-connect')));
try { catalogue = await providers(); } catch { catalogue = []; }
const options = catalogue.filter((p) => p.acknowledged).map((p) => h('option', { value: p.provider }, `${p.model} — ${short(p.provider)} (${p.serviceType})`));
document.getElementById('transfer-provider').replaceChildren(...options.map((o) => o.cloneNode(true)));
document.getElementById('key-provider').replaceChildren(...options);

onSubmit('deposit-form', async () => {
  const amount = amountOf('deposit-amount');
  if (!(await confirmDialog('Deposit?', h('p', {}, `Move ${amount} 0G from your wallet ${short(account.wallet)} into your ledger.`)))) return;
  await guarded(() => moveFunds('/api/account/deposit', { amount }, status, `Deposit ${amount} 0G`));
});
onSubmit('transfer-form', async () => {
  const amount = amountOf('transfer-amount');
  const provider = document.getElementById('transfer-provider').value;
  if (!(await confirmDialog('Transfer to provider?', h('p', {}, `Move ${amount} 0G from your ledger to the sub-account with provider ${provider}. A first transfer also acknowledges the provider, which means you trust its TEE signer.`)))) return;
  await guarded(() => moveFunds('/api/account/transfer', { provider, amount }, status, `Transfer ${amount} 0G`));
});
onSubmit('refund-form', async () => {
  const amount = amountOf('refund-amount');
  if (!(await confirmDialog('Refund to wallet?', h('p', {}, `Move ${amount} 0G from your ledger back to your wallet.`)))) return;
  await guarded(() => moveFunds('/api/account/refund', { amount }, status, `Refund ${amount} 0G`));
});
onSubmit('key-form', async () => {
  const provider = document.getElementById('key-provider').value;
  const created = await api('/api/keys', { method: 'POST', body: { provider, name: document.getElementById('key-name').value.trim(), validity: document.getElementById('key-validity').value } });
  await loadKeys();
  showNotice(status, 'ok', `API key #${created.tokenId} created. Copy it from the list below; it works with any OpenAI client at ${created.endpoint}.`);
});
document.getElementById('retrieve-all').addEventListener('click', () => retrieve(null));
document.getElementById('refresh-slots').addEventListener('click', () => refreshSlots());
document.getElementById('key-provider').addEventListener('change', () => { if (currentWallet()) loadSlots().catch((e) => showError(status, e)); });

const action = param('action');
if (action === 'deposit' || action === 'transfer') {
  const field = document.getElementById(`${action}-amount`);
  if (param('amount')) field.value = param('amount');
  if (action === 'transfer' && param('provider')) document.getElementById('transfer-provider').value = param('provider');
  field.focus();
}
try { await load(); } catch (e) { showError(status, e); }
markReady();
