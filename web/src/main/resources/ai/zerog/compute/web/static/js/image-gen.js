import { api } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { setUpProviderPicker } from './providers.js';
import { currentWallet } from './wallet-state.js';
import { h, markReady, progress, receiptView, showError, showNotice } from './ui.js';

const select = document.getElementById('provider');
const status = document.getElementById('status');
const result = document.getElementById('result');

await initShell();
const balance = await setUpProviderPicker(select, status, 'text-to-image');

document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
  const prompt = document.getElementById('prompt').value.trim();
  if (!prompt) { showNotice(status, 'warn', 'Describe the image you want first.'); return; }
  const button = document.getElementById('generate');
  button.disabled = true;
  progress(status, 'Generating the image…');
  try {
    const answer = await api('/api/images/generations', { method: 'POST', body: { provider: select.value, prompt, size: document.getElementById('size').value } });
    status.classList.add('hidden');
    const images = answer.images.map((b64, i) => {
      const src = `data:image/png;base64,${b64}`;
      return h('figure', { class: 'stack' }, h('img', { class: 'result-image', src, alt: `Generated image ${i + 1} for: ${prompt}` }),
        h('a', { class: 'button secondary', href: src, download: `0g-image-${Date.now()}.png` }, 'Download PNG'));
    });
    result.replaceChildren(h('h2', {}, 'Result'), ...images, receiptView(answer.receipt));
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
