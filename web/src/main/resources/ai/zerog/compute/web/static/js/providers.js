// The provider catalogue, read once per page, and provider pickers built from it.
import { api } from './api.js';
import { h, param, short, showError, showNotice } from './ui.js';
import { onWalletChange } from './wallet-state.js';

let catalogue = null;

async function load() {
  if (!catalogue) catalogue = await api('/api/providers');
  return catalogue;
}

export async function providers() {
  return (await load()).providers;
}

/** Whether 0G's status API answered: {state: 'ok' | 'off' | 'unavailable', url}. */
export async function statusApi() {
  return (await load()).statusApi || { state: 'off' };
}

/** The status API's line for a provider picker entry, e.g. ' — 99.5% up'; empty without figures. */
export function uptimeSuffix(p) {
  return p.monitoring && p.monitoring.uptimeText ? ` — ${p.monitoring.uptimeText} up` : '';
}

export const TYPE_NAMES = {
  chatbot: 'Chatbot',
  'text-to-image': 'Text to image',
  'image-editing': 'Image editing',
  'speech-to-text': 'Speech to text',
};

/** Fills `select` with the acknowledged providers of `type`; picks ?provider= when given. Returns them. */
export async function fillProviderSelect(select, type) {
  const list = (await providers()).filter((p) => p.serviceType === type && p.acknowledged);
  select.replaceChildren(...list.map((p) => h('option', { value: p.provider }, `${p.model} — ${short(p.provider)} — ${p.price}${uptimeSuffix(p)}`)));
  const wanted = param('provider');
  if (wanted && list.some((p) => p.provider.toLowerCase() === wanted.toLowerCase())) {
    select.value = list.find((p) => p.provider.toLowerCase() === wanted.toLowerCase()).provider;
  }
  select.disabled = list.length === 0;
  return list;
}

/** The sub-account line for one provider: usable balance, pending refund, and a link to add funds. */
export async function providerBalance(container, provider) {
  container.replaceChildren();
  if (!provider) return;
  try {
    const account = await api('/api/account');
    const row = account.ledger.exists ? account.ledger.providers.find((p) => p.provider === provider) : null;
    const usable = row ? row.usable : '0';
    const add = h('a', { class: 'button secondary', href: `/wallet?${new URLSearchParams({ action: 'transfer', provider, amount: '1' })}` }, 'Add funds');
    const cls = !row || BigInt(row.usableNeuron) === 0n ? 'badge bad' : 'badge';
    const pending = row && BigInt(row.pendingRefundNeuron) > 0n
      ? [h('span', { class: 'badge warn' }, `(+${row.pendingRefund} 0G pending refund)`)] : [];
    container.append(h('span', { class: cls, id: 'provider-balance' }, `Provider balance: ${usable} 0G`), ...pending, add);
  } catch {
    container.append(h('span', { class: 'muted small' }, 'Connect a wallet to see your balance with this provider.'));
  }
}

/**
 * The picker of a media page: the acknowledged providers of one service type, a notice when there
 * is none, and the sub-account balance badge kept current as the choice or the wallet changes.
 * Answers the function that refreshes the badge (after a paid request, say).
 */
export async function setUpProviderPicker(select, status, type) {
  try {
    await fillProviderSelect(select, type);
    if (!select.value) showNotice(status, 'warn', `No ${type} provider is registered on this network.`);
  } catch (e) {
    showError(status, e);
  }
  const balance = () => providerBalance(document.getElementById('balance'), select.value);
  balance();
  select.addEventListener('change', balance);
  onWalletChange(balance);
  return balance;
}
