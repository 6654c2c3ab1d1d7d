import { api, streamEvents } from './api.js';
import { initShell } from './shell.js';
import { providers, statusApi, TYPE_NAMES } from './providers.js';
import { snippets } from './snippets.js';
import { currentWallet } from './wallet-state.js';
import { copyButton, h, markReady, param, progress, short, showError, showNotice } from './ui.js';

const ACTIONS = {
  chatbot: ['Chat', '/inference/chat'],
  'text-to-image': ['Generate', '/inference/image-gen'],
  'image-editing': ['Edit', '/inference/image-edit'],
  'speech-to-text': ['Transcribe', '/inference/speech-to-text'],
};
let info;

/**
 * 0G's monitoring of the provider (status API): status, uptime and average response time, or
 * "no status data" for a provider it does not know. Nothing when the status API is off or silent.
 */
function monitoringRow(p) {
  const m = p.monitoring;
  if (!m) return null;
  if (!m.known) {
    return h('div', { class: 'small muted monitoring', 'data-monitoring': 'none' },
      h('span', { class: 'dot', 'aria-hidden': 'true' }), '0G monitoring: no status data');
  }
  const title = [`Status API entry: ${m.model || p.model}`, m.status ? `status ${m.status}` : '', m.lastCheck ? `last check ${m.lastCheck}` : '']
    .filter(Boolean).join(' · ');
  return h('div', { class: 'small monitoring', 'data-monitoring': m.level, title },
    h('span', { class: `dot ${m.level}`, 'aria-hidden': 'true' }),
    '0G monitoring: ', h('strong', { class: 'monitoring-label' }, m.label),
    m.uptimeText ? [' · ', h('span', { class: `uptime ${m.uptimeLevel}` }, `${m.uptimeText} uptime`)] : null,
    m.responseTime ? [' · ', h('span', { class: 'response-time' }, `${m.responseTime} avg response`)] : null);
}

function card(p) {
  const health = h('span', { class: 'dot', title: 'Checking…', 'aria-label': 'health unknown' });
  const healthText = h('span', { class: 'small muted' }, 'checking…');
  const [label, page] = ACTIONS[p.serviceType] || ['Open', '/inference'];
  const disabled = !p.acknowledged;
  const el = h('article', { class: 'card stack provider-card', 'data-provider': p.provider, 'data-type': p.serviceType },
    h('div', { class: 'spread' }, h('h3', {}, p.model), h('span', { class: 'row' }, health, healthText)),
    h('div', { class: 'row' },
      h('span', { class: 'badge accent' }, TYPE_NAMES[p.serviceType] || p.serviceType),
      p.acknowledged ? h('span', { class: 'badge ok' }, `${p.verifiability} · TEE signer acknowledged`) : h('span', { class: 'badge bad' }, 'Unverified')),
    h('div', { class: 'small' }, p.price),
    monitoringRow(p),
    h('div', { class: 'row small' }, h('span', { class: 'address', title: p.provider }, short(p.provider)), copyButton(p.provider, 'Copy address')),
    h('div', { class: 'row' },
      disabled ? h('button', { type: 'button', disabled: true }, label) : h('a', { class: 'button', href: `${page}?provider=${p.provider}` }, label),
      h('button', { type: 'button', class: 'secondary verify', onclick: () => verify(p) }, 'Verify'),
      h('button', { type: 'button', class: 'secondary build', onclick: () => build(p), disabled }, 'Build')),
    disabled ? h('p', { class: 'small muted' }, 'The contract owner has not acknowledged this provider’s TEE signer, so its answers cannot be verified yet.') : null);
  api(`/api/providers/${p.provider}/health`).then((health2) => {
    health.className = health2.reachable ? 'dot ok' : 'dot bad';
    health.setAttribute('aria-label', health2.reachable ? 'reachable' : 'unreachable');
    healthText.textContent = health2.reachable ? `online · ${health2.latencyMs} ms` : 'unreachable';
    health.title = health2.reachable ? `Models: ${health2.models.map((m) => m.id).join(', ')}` : health2.error;
  }).catch(() => { healthText.textContent = 'status unknown'; });
  return el;
}

async function render() {
  const search = document.getElementById('search').value.trim().toLowerCase();
  const type = document.getElementById('type').value;
  const verified = document.getElementById('verified').value;
  const all = await providers();
  const shown = all.filter((p) => (!type || p.serviceType === type)
    && (!verified || (verified === 'yes') === p.acknowledged)
    && (!search || p.model.toLowerCase().includes(search) || p.provider.toLowerCase().includes(search)));
  document.getElementById('count').textContent = `Showing ${shown.length} of ${all.length} providers`;
  const cards = document.getElementById('cards');
  cards.replaceChildren(...(shown.length ? shown.map(card) : [h('p', { class: 'muted' }, all.length ? 'No provider matches the filters.' : 'No providers are registered on this network yet.')]));
  const source = await statusApi();
  document.getElementById('monitoring-note').classList.toggle('hidden', source.state !== 'ok' || shown.length === 0);
}

async function verify(p) {
  const dialog = document.getElementById('verify-dialog');
  const stepsList = document.getElementById('verify-steps');
  const result = document.getElementById('verify-result');
  document.getElementById('verify-provider').textContent = `${p.model} · ${p.provider}`;
  stepsList.replaceChildren();
  progress(result, 'Verifying…');
  dialog.showModal();
  const cls = { PASSED: 'badge ok', FAILED: 'badge bad', WARNING: 'badge warn', STARTED: 'badge', INFO: 'badge accent' };
  try {
    await streamEvents(`/api/providers/${p.provider}/verify`, {}, (event, data) => {
      if (event === 'step') {
        stepsList.append(h('li', {}, h('span', { class: cls[data.status] || 'badge' }, data.status.toLowerCase()),
          h('span', {}, h('strong', {}, data.name), data.detail ? ` — ${data.detail}` : '')));
      } else if (event === 'done') {
        const downloads = data.reports.map((type) => h('a', { class: 'button secondary', href: `/api/providers/${p.provider}/reports/${type}`, download: `${type}_attestation_report.json` }, `Download ${type} report`));
        showNotice(result, data.passed ? 'ok' : 'error',
          h('strong', { id: 'verify-verdict' }, data.passed ? 'PASSED' : 'FAILED'), ` — TEE signer ${data.signer}`,
          data.simulated ? h('p', { class: 'small' }, 'Simulated attestation: this provider runs a software TEE signer (devnet), so the checks prove the documents are consistent, not that the key lives in hardware.') : null,
          h('div', { class: 'row actions' }, ...downloads));
      } else if (event === 'error') {
        showError(result, data);
      }
    });
  } catch (e) {
    showError(result, e);
  }
}

async function build(p) {
  const dialog = document.getElementById('build-dialog');
  document.getElementById('build-title').textContent = `Build with ${p.model}`;
  const body = document.getElementById('build-body');
  const keyStatus = h('div', { class: 'hidden', id: 'build-key-status' });
  const code = h('div', { id: 'snippets' });
  let key = '';
  let tab = 'curl';
  const drawSnippets = () => {
    const all = snippets({ endpoint: p.endpoint, model: p.model, key, serviceType: p.serviceType, provider: p.provider, network: info.network.name });
    const tabs = h('div', { class: 'tabs', role: 'tablist' }, Object.keys(all).map((name) =>
      h('button', { type: 'button', role: 'tab', 'aria-selected': String(name === tab), onclick: () => { tab = name; drawSnippets(); } }, name)));
    code.replaceChildren(tabs, h('pre', { role: 'tabpanel', class: 'snippet', 'data-tab': tab }, all[tab]), copyButton(() => all[tab], 'Copy code'));
  };
  const existing = h('div', { class: 'row small hidden', id: 'build-existing-keys' });
  const chatLink = p.serviceType === 'chatbot'
    ? h('a', { class: 'button secondary disabled', id: 'build-open-chat', 'aria-disabled': 'true', href: `/inference/chat?${new URLSearchParams({ provider: p.provider, model: p.model })}`, title: 'Needs an API key and funds in the sub-account with this provider' }, 'Open chat page')
    : null;
  let hasKey = false;
  let funded = false;
  const refreshChatLink = () => {
    if (!chatLink) return;
    const ready = hasKey && funded;
    chatLink.classList.toggle('disabled', !ready);
    chatLink.setAttribute('aria-disabled', String(!ready));
  };
  if (chatLink) chatLink.addEventListener('click', (e) => { if (chatLink.getAttribute('aria-disabled') === 'true') e.preventDefault(); });
  const useKey = (k) => {
    key = k.key;
    hasKey = true;
    showNotice(keyStatus, 'ok', `API key #${k.tokenId}${k.name ? ` (${k.name})` : ''} filled in below. Keep it secret.`);
    refreshChatLink();
    drawSnippets();
  };
  // What this wallet already has for the provider: its working keys and whether the sub-account holds funds.
  const loadWalletState = async () => {
    if (!currentWallet()) return;
    try {
      const [{ keys }, account] = await Promise.all([api(`/api/keys?provider=${p.provider}`), api('/api/account')]);
      const working = keys.filter((k) => !k.revoked);
      hasKey = hasKey || working.length > 0;
      const row = account.ledger.exists ? account.ledger.providers.find((r) => r.provider === p.provider) : null;
      funded = !!row && BigInt(row.usableNeuron) > 0n;
      existing.replaceChildren(h('span', { class: 'muted' }, `Existing API keys (${working.length}):`),
        ...working.slice(0, 5).map((k) => h('button', { type: 'button', class: 'secondary small', 'data-token': String(k.tokenId), onclick: () => useKey(k) }, `Use #${k.tokenId}${k.name ? ` ${k.name}` : ''}`)),
        h('a', { href: '/wallet' }, 'Manage keys'));
      existing.classList.toggle('hidden', working.length === 0);
      refreshChatLink();
    } catch {
      // no sub-account or ledger yet: the steps above say what to do
    }
  };
  const createKey = h('button', { type: 'button', id: 'build-create-key' }, 'Create a fresh API key');
  createKey.addEventListener('click', async () => {
    if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
    createKey.disabled = true;
    progress(keyStatus, 'Signing a new API key…');
    try {
      const created = await api('/api/keys', { method: 'POST', body: { provider: p.provider, name: 'Build panel' } });
      key = created.key;
      hasKey = true;
      showNotice(keyStatus, 'ok', `API key #${created.tokenId} created and filled in below. Keep it secret; revoke it on the Account page.`);
      drawSnippets();
      await loadWalletState();
    } catch (e) {
      showError(keyStatus, e);
    } finally {
      createKey.disabled = false;
    }
  });
  const cli = [
    '0g-compute-cli deposit --amount 5',
    `0g-compute-cli inference verify --provider ${p.provider}   # optional: check its TEE attestation`,
    `0g-compute-cli transfer-fund --provider ${p.provider} --amount 5   # acknowledges the provider; 1 0G or more recommended`,
    `0g-compute-cli inference get-secret --provider ${p.provider}`,
  ];
  const quickStart = p.serviceType === 'chatbot' ? h('div', { class: 'stack', id: 'build-quick-start' },
    h('strong', {}, 'Quick start a service'),
    h('pre', {}, [
      `0g-compute-cli inference serve --provider ${p.provider}`,
      '',
      '# then, from another terminal (no API key needed: the CLI signs for you)',
      `curl http://127.0.0.1:3000/v1/chat/completions \\\n  -H "Content-Type: application/json" \\\n  -d '${JSON.stringify({ model: p.model, messages: [{ role: 'system', content: 'You are a helpful assistant.' }, { role: 'user', content: 'Hello!' }] })}'`,
    ].join('\n'))) : null;
  body.replaceChildren(
    h('div', { class: 'small' }, 'Endpoint ', h('code', {}, p.endpoint), ' · model ', h('code', {}, p.model), ' · ', p.price),
    h('ol', { class: 'small' },
      h('li', {}, 'Have a ledger: ', h('a', { href: '/wallet?action=deposit' }, 'deposit'), '.'),
      h('li', {}, 'Transfer at least 1 0G to this provider (it acknowledges the provider): ', h('a', { href: `/wallet?action=transfer&provider=${p.provider}&amount=1` }, 'transfer'), '.'),
      h('li', {}, 'Create an API key for your app (each key gets its own token slot), then copy a snippet.')),
    h('div', { class: 'row' }, createKey, chatLink), existing, keyStatus, code,
    h('details', {}, h('summary', {}, 'With the CLI instead'), h('pre', {}, cli.join('\n')), quickStart));
  loadWalletState();
  drawSnippets();
  dialog.showModal();
}

info = await initShell();
document.getElementById('verify-close').addEventListener('click', () => document.getElementById('verify-dialog').close());
document.getElementById('build-close').addEventListener('click', () => document.getElementById('build-dialog').close());
for (const id of ['search', 'type', 'verified']) document.getElementById(id).addEventListener('input', () => render());
if (param('type')) document.getElementById('type').value = param('type');
if (param('model')) document.getElementById('search').value = param('model');
try {
  await render();
} catch (e) {
  showError(document.getElementById('error'), e);
}
markReady();
