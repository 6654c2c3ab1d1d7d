// Small DOM helpers shared by the pages: elements, errors with their fix, receipts, dialogs.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function $(selector, root = document) { return root.querySelector(selector); }

export function short(address) {
  return address && address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

export function copyButton(text, label = 'Copy') {
  const button = h('button', { type: 'button', class: 'secondary small' }, label);
  button.addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(typeof text === 'function' ? text() : text); button.textContent = 'Copied'; } catch { button.textContent = 'Select and copy'; }
    setTimeout(() => { button.textContent = label; }, 1500);
  });
  return button;
}

/** Where a fix action leads: the account page pre-filled, or the connect dialog. */
function fixAction(fix) {
  if (!fix) return null;
  if (fix.action === 'transfer') {
    const q = new URLSearchParams({ action: 'transfer', provider: fix.provider || '', amount: fix.amount || '1' });
    return h('a', { class: 'button', href: `/wallet?${q}` }, `Transfer ${fix.amount || ''} 0G to the provider`);
  }
  if (fix.action === 'deposit') {
    const q = new URLSearchParams({ action: 'deposit', amount: fix.amount || '' });
    return h('a', { class: 'button', href: `/wallet?${q}` }, `Deposit ${fix.amount || ''} 0G`);
  }
  if (fix.action === 'connect') {
    return h('button', { type: 'button', onclick: () => document.dispatchEvent(new CustomEvent('zg-connect')) }, 'Connect a wallet');
  }
  if (fix.action === 'wait') return h('span', { class: 'muted' }, `Retry in ${fix.seconds} s.`);
  return null;
}

/** Shows an error in `container` (replacing its content) with the action that fixes it, if any. */
export function showError(container, error) {
  const message = error && error.message ? error.message : String(error);
  const action = fixAction(error && error.fix);
  const box = h('div', { class: 'notice error', role: 'alert' }, h('strong', {}, 'Something went wrong. '), message,
    action ? h('div', { class: 'actions' }, action) : null);
  container.replaceChildren(box);
  container.classList.remove('hidden');
  return box;
}

export function showNotice(container, kind, ...content) {
  container.replaceChildren(h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...content));
  container.classList.remove('hidden');
}

export function progress(container, text) {
  container.replaceChildren(h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
  container.classList.remove('hidden');
}

/** The verification badge, fee and on-demand details for one answer. */
export function receiptView(receipt) {
  const badge = receipt.verified
    ? h('span', { class: 'badge ok', 'data-verified': 'true' }, '✓ TEE verified')
    : h('span', { class: 'badge bad', 'data-verified': 'false' }, '✗ Not verified');
  const details = h('details', {},
    h('summary', {}, 'Signature details'),
    h('div', { class: 'stack' },
      h('div', {}, 'Signer (TEE): ', h('span', { class: 'address' }, receipt.signer)),
      h('div', {}, 'Chat id: ', h('span', { class: 'mono' }, receipt.chatId || '—')),
      receipt.verified ? h('div', {}, 'Signed text:', h('pre', { class: 'signed-text' }, receipt.signedText)) : h('div', { class: 'muted' }, receipt.failure)));
  return h('div', { class: 'meta receipt' }, badge, h('span', { class: 'badge fee' }, `Fee: ${receipt.fee} 0G`), details);
}

export function pendingBadge(text = 'Verifying…') {
  return h('span', { class: 'badge warn', 'data-verified': 'pending' }, text);
}

/** A modal confirmation; resolves true on Confirm. Keyboard: Esc cancels, focus starts on Confirm. */
export function confirmDialog(title, ...body) {
  return new Promise((resolve) => {
    const confirm = h('button', { type: 'button', class: 'confirm' }, 'Confirm');
    const cancel = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title), h('div', { class: 'stack' }, ...body),
      h('div', { class: 'row end mt' }, cancel, confirm));
    const finish = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    confirm.addEventListener('click', () => finish(true));
    cancel.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    confirm.focus();
  });
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** Reads a file chosen by the user as base64 (without the data: prefix). */
export function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`The file ${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}

/** Marks the page as set up (handlers attached, first data shown): tests and tools wait for it. */
export function markReady() {
  document.body.dataset.ready = 'true';
}
