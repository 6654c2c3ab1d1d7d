// Connecting wallets: the local identity (its key stays in the server) or an injected EIP-1193
// browser wallet, which signs session tokens and sends transactions in the page.
import { api } from './api.js';
import { currentWallet, setWallet } from './wallet-state.js';

let session = null;
let signer = null;

export async function getSession(refresh = false) {
  if (!session || refresh) session = await api('/api/session');
  return session;
}

export function hasBrowserWallet() {
  return typeof window.ethereum !== 'undefined' && window.ethereum !== null;
}

export async function connectLocal() {
  setWallet(null);
  const answer = await api('/api/wallet/local/connect', { method: 'POST', body: {} });
  setWallet({ kind: 'local', address: answer.address });
  return answer.address;
}

function walletError(e, what) {
  if (e && (e.code === 4001 || e.code === 'ACTION_REJECTED')) return new Error(`You cancelled ${what} in your wallet.`);
  if (e && e.code === 4100) return new Error('Please unlock and connect your wallet to continue.');
  return new Error(`The wallet could not ${what}: ${e && e.message ? e.message : e}`);
}

export async function connectBrowser() {
  if (!hasBrowserWallet()) {
    throw new Error('No browser wallet was found. Install MetaMask (or another EIP-1193 wallet) and reload, or connect the local identity.');
  }
  const info = await getSession();
  let accounts;
  try { accounts = await window.ethereum.request({ method: 'eth_requestAccounts' }); } catch (e) { throw walletError(e, 'connect'); }
  if (!accounts || !accounts.length) throw new Error('The wallet shared no account: unlock it and try again.');
  let chainId = await window.ethereum.request({ method: 'eth_chainId' });
  if (String(chainId).toLowerCase() !== info.network.chainIdHex) {
    try {
      await window.ethereum.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: info.network.chainIdHex }] });
      chainId = await window.ethereum.request({ method: 'eth_chainId' });
    } catch { /* the server explains the mismatch below */ }
  }
  setWallet(null);
  const answer = await api('/api/wallet/browser/connect', { method: 'POST', body: { address: accounts[0], chainId: String(chainId) } });
  setWallet({ kind: 'browser', address: answer.address });
  listenForSignatureRequests(answer.address);
  return answer.address;
}

export function disconnect() {
  if (signer) { signer.close(); signer = null; }
  setWallet(null);
}

/** On page load: re-announce a browser wallet chosen earlier in this tab, or check the local one. */
export async function restoreWallet() {
  const wallet = currentWallet();
  if (!wallet) return null;
  try {
    if (wallet.kind === 'local') {
      const info = await getSession();
      if (!info.local.connected) { setWallet(null); return null; }
      return wallet;
    }
    if (!hasBrowserWallet()) { setWallet(null); return null; }
    const accounts = await window.ethereum.request({ method: 'eth_accounts' });
    if (!accounts || !accounts.length || accounts[0].toLowerCase() !== wallet.address.toLowerCase()) { setWallet(null); return null; }
    const chainId = await window.ethereum.request({ method: 'eth_chainId' });
    await api('/api/wallet/browser/connect', { method: 'POST', body: { address: wallet.address, chainId: String(chainId) } });
    listenForSignatureRequests(wallet.address);
    return wallet;
  } catch {
    setWallet(null);
    return null;
  }
}

const signListeners = new Set();
/** Tells the page when the wallet is asked to sign (so it can say "confirm in your wallet"). */
export function onSignatureRequest(listener) { signListeners.add(listener); }

function listenForSignatureRequests(address) {
  if (signer) signer.close();
  signer = new EventSource(`/api/wallet/browser/requests?address=${encodeURIComponent(address)}`);
  signer.addEventListener('sign', async (event) => {
    const request = JSON.parse(event.data);
    signListeners.forEach((listener) => listener(true));
    try {
      const signature = await window.ethereum.request({ method: 'personal_sign', params: [request.message, address] });
      await api('/api/wallet/browser/signatures', { method: 'POST', body: { id: request.id, signature } });
    } catch (e) {
      const reason = walletError(e, 'sign the session token').message;
      try { await api('/api/wallet/browser/signatures', { method: 'POST', body: { id: request.id, error: reason } }); } catch { /* expired */ }
    } finally {
      signListeners.forEach((listener) => listener(false));
    }
  });
}

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

/** Sends a transaction the server prepared, reporting progress; resolves once it is mined. */
export async function sendPrepared(prepared, onProgress) {
  onProgress(`Confirm "${prepared.description}" in your wallet…`);
  let hash;
  try {
    hash = await window.ethereum.request({ method: 'eth_sendTransaction', params: [prepared.transaction] });
  } catch (e) {
    throw walletError(e, 'send the transaction');
  }
  onProgress(`Transaction ${hash.slice(0, 10)}… sent; waiting for it to be mined…`);
  for (let i = 0; i < 300; i++) {
    const receipt = await window.ethereum.request({ method: 'eth_getTransactionReceipt', params: [hash] });
    if (receipt) {
      if (receipt.status === '0x1' || receipt.status === 1) return hash;
      throw new Error(`Transaction ${hash} was reverted by the contract. Check the amounts and balances, then try again.`);
    }
    await sleep(1000);
  }
  throw new Error(`Transaction ${hash} was not mined within 5 minutes. Check it in your wallet before retrying.`);
}

if (hasBrowserWallet() && typeof window.ethereum.on === 'function') {
  const reset = () => { const w = currentWallet(); if (w && w.kind === 'browser') disconnect(); };
  window.ethereum.on('accountsChanged', reset);
  window.ethereum.on('chainChanged', reset);
}
