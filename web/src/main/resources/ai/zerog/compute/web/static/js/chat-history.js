// Past chat conversations, kept in this browser only (localStorage): nothing is sent to the server.
const KEY = 'zg-chat-history';

function readAll() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    return Array.isArray(stored) ? stored : [];
  } catch {
    return [];
  }
}

function writeAll(sessions) {
  try {
    localStorage.setItem(KEY, JSON.stringify(sessions));
  } catch {
    // storage full or blocked: history is a convenience, the chat still works
  }
}

function newId() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** A fresh, unsaved conversation for `provider` and `wallet` (an address, or '' when none). */
export function newSession(provider, wallet) {
  const now = Date.now();
  return { id: newId(), title: '', provider, wallet, createdAt: now, updatedAt: now, messages: [] };
}

/** Stores `session` (replacing an older copy); a conversation without messages is not kept. */
export function saveSession(session) {
  const others = readAll().filter((s) => s.id !== session.id);
  if (session.messages.length === 0) { writeAll(others); return; }
  const firstUser = session.messages.find((m) => m.role === 'user');
  session.title = firstUser ? firstUser.content.slice(0, 80) : 'Conversation';
  session.updatedAt = Date.now();
  writeAll([...others, session]);
}

export function deleteSession(id) {
  writeAll(readAll().filter((s) => s.id !== id));
}

export function findSession(id) {
  return readAll().find((s) => s.id === id) || null;
}

/** The conversations of `wallet` (all when ''), newest first, whose title or messages contain `query`. */
export function listSessions(wallet, query) {
  const q = (query || '').trim().toLowerCase();
  return readAll()
    .filter((s) => !wallet || !s.wallet || s.wallet.toLowerCase() === wallet.toLowerCase())
    .filter((s) => !q || s.title.toLowerCase().includes(q) || s.messages.some((m) => m.content.toLowerCase().includes(q)))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Today / Yesterday / Last 7 Days / Last 30 Days / Older, for grouping the list. */
export function ageGroup(time, now = new Date()) {
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const day = 24 * 60 * 60 * 1000;
  if (time >= startOfToday) return 'Today';
  if (time >= startOfToday - day) return 'Yesterday';
  if (time >= startOfToday - 7 * day) return 'Last 7 Days';
  if (time >= startOfToday - 30 * day) return 'Last 30 Days';
  return 'Older';
}
