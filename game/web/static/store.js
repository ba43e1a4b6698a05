// The browser's saves, in IndexedDB: the autosave, the player's named saves, and the newest state
// of each game played locked (an assessment). Each save is the window's own save file text, so a
// download of it loads in the desktop game. Where IndexedDB cannot be opened (some private
// windows), the saves live in memory for this visit, and the page says so.

const DATABASE = "pyatiletka", VERSION = 1;
const SAVES = "saves", LOCKED = "locked";
const AUTOSAVE = "autosave";   // the autosave's slot; a named save's is "named:" and its name

let opened = null;
let memory = null;  // the fallback: { saves: Map, locked: Map }

function open() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(SAVES, { keyPath: "slot" });
      request.result.createObjectStore(LOCKED, { keyPath: "game_id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }).then(async (db) => { await migrate(db); return db; }).catch(() => {
    memory = { [SAVES]: new Map(), [LOCKED]: new Map() };
    return null;
  });
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(storeName, mode, action) {
  const db = await open();
  if (!db) return action(null, memory[storeName]);
  return done(action(db.transaction(storeName, mode).objectStore(storeName), null));
}

// An earlier version of the page kept the autosave and the locked games in localStorage.
async function migrate(db) {
  const moves = [];
  for (const key of Object.keys(localStorage)) {
    if (key === "pyatiletka-autosave") moves.push([SAVES, { slot: AUTOSAVE, text: localStorage.getItem(key), when: "" }, key]);
    if (key.startsWith("pyatiletka-locked:")) {
      moves.push([LOCKED, { game_id: key.slice("pyatiletka-locked:".length), text: localStorage.getItem(key) }, key]);
    }
  }
  for (const [storeName, record, key] of moves) {
    await done(db.transaction(storeName, "readwrite").objectStore(storeName).put(record));
    localStorage.removeItem(key);
  }
}

export function kept() {
  return open().then(() => memory === null);
}

function put(record) {
  return run(SAVES, "readwrite", (store, map) => (store ? store.put(record) : map.set(record.slot, record)));
}

function get(slot) {
  return run(SAVES, "readonly", (store, map) => (store ? store.get(slot) : map.get(slot)));
}

function remove(slot) {
  return run(SAVES, "readwrite", (store, map) => (store ? store.delete(slot) : map.delete(slot)));
}

// A named save: {name, text, scenario, year, when}; the same name again replaces it.
export function saveAs(record) { return put({ ...record, slot: `named:${record.name}` }); }
export function loadNamed(name) { return get(`named:${name}`); }
export function forgetNamed(name) { return remove(`named:${name}`); }

export async function named() {
  const all = await run(SAVES, "readonly", (store, map) => (store ? store.getAll() : [...map.values()]));
  return all.filter((record) => record.slot !== AUTOSAVE).sort((a, b) => (a.when < b.when ? 1 : -1));
}

export function autosaved() { return get(AUTOSAVE); }
export function autosave(record) { return put({ ...record, slot: AUTOSAVE }); }
export function forgetAutosave() { return remove(AUTOSAVE); }

export function keepLocked(gameId, text) {
  return run(LOCKED, "readwrite", (store, map) => (store ? store.put({ game_id: gameId, text })
                                                         : map.set(gameId, { game_id: gameId, text })));
}

export async function newestLocked() {
  const all = await run(LOCKED, "readonly", (store, map) => (store ? store.getAll() : [...map.values()]));
  return all.map((record) => record.text);
}
