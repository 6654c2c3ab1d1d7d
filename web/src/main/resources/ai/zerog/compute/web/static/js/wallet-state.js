// Which wallet this tab acts as; kept in sessionStorage so it survives moving between pages.
const KEY = 'zg-wallet';
const listeners = new Set();

export function currentWallet() {
  try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
}

export function setWallet(wallet) {
  if (wallet) sessionStorage.setItem(KEY, JSON.stringify(wallet)); else sessionStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(wallet));
}

export function onWalletChange(listener) {
  listeners.add(listener);
}
