// Renders a model's answer as DOM nodes: plain text, and ``` fenced blocks as <pre><code> with a
// copy button. Only text nodes are made from the model's words: nothing it says becomes markup.
import { copyButton, h } from './ui.js';

const FENCE = /```([^\n`]*)\n?([\s\S]*?)(?:```|$)/g;

function codeBlock(language, code) {
  return h('div', { class: 'code-block' },
    h('div', { class: 'code-head' }, h('span', { class: 'muted' }, language || 'code'), copyButton(code, 'Copy code')),
    h('pre', {}, h('code', { 'data-language': language || null }, code)));
}

/** A fragment for `text`; an unclosed fence (still streaming) runs to the end. */
export function renderAnswer(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(FENCE)) {
    if (match[0] === '') break;
    if (match.index > last) fragment.append(document.createTextNode(text.slice(last, match.index)));
    fragment.append(codeBlock(match[1].trim(), match[2].replace(/\n$/, '')));
    last = match.index + match[0].length;
  }
  if (last < text.length) fragment.append(document.createTextNode(text.slice(last)));
  return fragment;
}
