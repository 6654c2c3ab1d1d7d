// The frame of every page: brand, navigation, network, wallet connection and balance.
import { api } from './api.js';
import { connectBrowser, connectLocal, disconnect, getSession, hasBrowserWallet, restoreWallet } from './wallet.js';
import { currentWallet, onWalletChange } from './wallet-state.js';
import { h, short, showError } from './ui.js';

const LINKS = [
  ['/inference', 'Catalogue'],
  ['/inference/chat', 'Chat'],
  ['/inference/image-gen', 'Image'],
  ['/inference/image-edit', 'Image edit'],
  ['/inference/speech-to-text', 'Speech to text'],
  ['/wallet', 'Account'],
];

function currentPath() {
  return location.pathname.replace(/\.html$/, '').replace(/\/$/, '') || '/';
}

function connectDialog(info) {
  const error = h('div', { class: 'hidden', id: 'connect-error' });
  const local = h('button', { type: 'button', id: 'connect-local' }, 'Local identity');
  const browser = h('button', { type: 'button', class: 'secondary', id: 'connect-browser' }, 'Browser wallet');
  const close = h('button', { type: 'button', class: 'secondary' }, 'Close');
  const dialog = h('dialog', { id: 'connect-dialog', 'aria-labelledby': 'connect-title' },
    h('h2', { id: 'connect-title' }, 'Connect a wallet'),
    h('div', { class: 'stack' },
      h('div', { class: 'card stack' }, h('h3', {}, 'Local identity'),
        h('p', { class: 'small muted' }, `The CLI's identity (${info.local.description}). Its key stays in the local server; every transaction still needs your click here.`),
        local),
      h('div', { class: 'card stack' }, h('h3', {}, 'Browser wallet'),
        h('p', { class: 'small muted' }, hasBrowserWallet()
          ? 'MetaMask or another injected wallet signs in this page. Funds are never moved automatically: transfer to a provider yourself before using it.'
          : 'No browser wallet detected in this browser.'),
        browser),
      error),
    h('div', { class: 'row end mt' }, close));
  const run = async (button, connect) => {
    button.disabled = true;
    try { await connect(); dialog.close(); } catch (e) { showError(error, e); } finally { button.disabled = false; }
  };
  local.addEventListener('click', () => run(local, connectLocal));
  browser.addEventListener('click', () => run(browser, connectBrowser));
  close.addEventListener('click', () => dialog.close());
  browser.disabled = !hasBrowserWallet();
  return dialog;
}

async function renderWalletArea(area, info) {
  const wallet = currentWallet();
  const network = h('span', { class: 'pill', title: `RPC ${info.network.rpc}` }, `● ${info.network.name} (${info.network.chainId})`);
  if (!wallet) {
    area.replaceChildren(network, h('button', { type: 'button', id: 'connect-button', onclick: () => document.dispatchEvent(new CustomEvent('zg-connect')) }, 'Connect'));
    return;
  }
  const balance = h('span', { class: 'pill', id: 'balance-pill' }, '… 0G');
  const label = wallet.kind === 'local' ? 'Local' : 'Wallet';
  area.replaceChildren(network, balance,
    h('span', { class: 'pill', id: 'wallet-pill', title: wallet.address }, `${label} ${short(wallet.address)}`),
    h('button', { type: 'button', class: 'secondary', onclick: () => { disconnect(); } }, 'Disconnect'));
  try {
    const account = await api('/api/account');
    if (account.ledger.exists) {
      balance.textContent = `${account.ledger.total} 0G`;
      balance.title = `Total ${account.ledger.total} 0G · available ${account.ledger.available} 0G · in providers ${account.ledger.locked} 0G`;
      if (BigInt(account.ledger.totalNeuron) < 10n ** 18n) balance.classList.add('low');
    } else {
      balance.textContent = 'No ledger yet';
      balance.classList.add('low');
    }
  } catch {
    balance.textContent = 'balance unavailable';
  }
}

/** Builds the shell; resolves with the session once the wallet (if any) is restored. */
export async function initShell() {
  const path = currentPath();
  const area = h('div', { class: 'wallet-area', id: 'wallet-area' });
  const nav = h('nav', { class: 'main', 'aria-label': 'Main' },
    LINKS.map(([href, text]) => h('a', { href, 'aria-current': path === href ? 'page' : false }, text)));
  const header = h('header', { class: 'shell' },
    h('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    h('div', { class: 'shell-bar' },
      h('a', { class: 'brand', href: '/' }, h('span', { class: 'logo' }, '0G'), 'Compute Network', h('span', { class: 'beta' }, 'beta')),
      nav, area));
  document.body.prepend(header);
  document.body.append(h('footer', {}, '0G Compute for Java — local web UI. Everything goes through the local server on this machine.'));
  let info;
  try {
    info = await getSession();
  } catch (e) {
    const main = document.getElementById('main');
    const box = h('div');
    main.prepend(box);
    showError(box, e);
    throw e;
  }
  const dialog = connectDialog(info);
  document.body.append(dialog);
  document.addEventListener('zg-connect', () => dialog.showModal());
  await restoreWallet();
  await renderWalletArea(area, info);
  onWalletChange(() => { renderWalletArea(area, info); });
  return info;
}

/** Re-reads the balance pill (after a fund movement). */
export async function refreshShell() {
  const info = await getSession();
  await renderWalletArea(document.getElementById('wallet-area'), info);
}
