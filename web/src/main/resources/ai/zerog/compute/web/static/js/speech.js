import { api } from './api.js';
import { initShell, refreshShell } from './shell.js';
import { setUpProviderPicker } from './providers.js';
import { currentWallet } from './wallet-state.js';
import { copyButton, h, markReady, progress, readBase64, receiptView, showError, showNotice } from './ui.js';

const select = document.getElementById('provider');
const status = document.getElementById('status');
const result = document.getElementById('result');
const MAX = 10 * 1024 * 1024;

await initShell();
const balance = await setUpProviderPicker(select, status, 'speech-to-text');

document.getElementById('form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!currentWallet()) { document.dispatchEvent(new CustomEvent('zg-connect')); return; }
  const file = document.getElementById('audio').files[0];
  if (!file) { showNotice(status, 'warn', 'Choose an audio file first.'); return; }
  if (file.size > MAX) { showNotice(status, 'warn', 'The audio file is larger than 10 MB: choose a shorter recording.'); return; }
  const button = document.getElementById('transcribe');
  button.disabled = true;
  progress(status, 'Transcribing…');
  try {
    const audio = await readBase64(file);
    const language = document.getElementById('language').value.trim().toLowerCase();
    const answer = await api('/api/audio/transcriptions', { method: 'POST', body: { provider: select.value, audio, fileName: file.name, mimeType: file.type || 'audio/wav', language: language || undefined } });
    status.classList.add('hidden');
    result.replaceChildren(h('h2', {}, 'Transcript'), h('p', { id: 'transcript' }, answer.text), h('div', { class: 'row' }, copyButton(answer.text, 'Copy transcript')), receiptView(answer.receipt));
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
