import { api } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { setUpProviderPicker } from './providers.js';
import { currentWallet } from './wallet-state.js';
import { h, markReady, progress, readBase64, receiptView, showError, showNotice } from './ui.js';

const select = document.getElementById('provider');
const status = document.getElementById('status');
const result = document.getElementById('result');
const MAX = 10 * 1024 * 1024;

await initShell();
const balance = await setUpProviderPicker(select, status, 'image-editing');

document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
  const file = document.getElementById('image').files[0];
  const prompt = document.getElementById('prompt').value.trim();
  if (!file) { showNotice(status, 'warn', 'Choose an image to edit first.'); return; }
  if (file.size > MAX) { showNotice(status, 'warn', 'The image is larger than 10 MB: choose a smaller one.'); return; }
  if (!prompt) { showNotice(status, 'warn', 'Describe the change you want first.'); return; }
  const button = document.getElementById('edit');
  button.disabled = true;
  progress(status, 'Editing the image…');
  try {
    const image = await readBase64(file);
    const answer = await api('/api/images/edits', { method: 'POST', body: { provider: select.value, prompt, image, fileName: file.name, mimeType: file.type || 'image/png' } });
    status.classList.add('hidden');
    const before = h('figure', {}, h('figcaption', {}, 'Before'), h('img', { class: 'result-image', src: `data:${file.type || 'image/png'};base64,${image}`, alt: 'The uploaded image' }));
    const after = answer.images.map((b64) => h('figure', {}, h('figcaption', {}, 'After'),
      h('img', { class: 'result-image', src: `data:image/png;base64,${b64}`, alt: `Edited: ${prompt}` }),
      h('a', { class: 'button secondary', href: `data:image/png;base64,${b64}`, download: 'edited.png' }, 'Download PNG')));
    result.replaceChildren(h('h2', {}, 'Result'), h('div', { class: 'before-after' }, before, ...after), receiptView(answer.receipt));
    result.classList.remove('hidden');
  } catch (err) {
    showError(status, err);
  } finally {
    button.disabled = false;
    balance();
    refreshShell();
  }
});
markReady();
