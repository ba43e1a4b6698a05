// The browser edition's Python: Pyodide in a Web Worker, so the page never freezes while the
// runtime loads or a year resolves. The page sends {id, method, args}; the worker calls the
// game's bridge (game/web/bridge.py) and answers {id, result} or {id, error}. Everything comes
// from this site's own folder: no request leaves it.
import { loadPyodide } from "./pyodide/pyodide.mjs";

const here = (path) => new URL(path, import.meta.url).href;
let python = null;

function progress(step, label) {
  self.postMessage({ progress: { step, steps: 4, label } });
}

async function boot() {
  const timings = {};
  let mark = performance.now();
  const lap = (name) => { const now = performance.now(); timings[name] = Math.round(now - mark); mark = now; };
  progress(0, "Loading the site's manifest");
  const site = await (await fetch(here("./site.json"))).json();
  // Everything the boot needs is requested at once: the game's archives download while the
  // runtime compiles and starts, and the wheels are handed to loadPyodide, which fetches them
  // while Python bootstraps itself (the same as loadPackage afterwards, less the wait).
  const archives = ["game.zip", ...(site.bytecode ? [site.bytecode] : [])]
    .map((name) => fetch(here(`./${name}`)).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
      return response.arrayBuffer();
    }));
  archives.forEach((pending) => pending.catch(() => {}));  // awaited below; not "unhandled" meanwhile
  progress(1, "Starting Python (WebAssembly) and loading pydantic");
  python = await loadPyodide({
    indexURL: here("./pyodide/"), stdout: () => {}, stderr: () => {},
    packages: site.wheels.map((name) => here(`./wheels/${name}`)),
  });
  lap("runtime_ms");
  progress(2, "Loading the game and its scenarios");
  const [game, bytecode] = await Promise.all(archives);
  python.unpackArchive(game, "zip", { extractDir: "/app" });
  // The bytecode the build compiled (game/web/precompile.py): __pycache__ files at their places
  // in site-packages and /app, so the imports below need not compile several hundred modules.
  if (bytecode) python.unpackArchive(bytecode, "zip", { extractDir: "/" });
  lap("game_files_ms");
  progress(3, "Starting the game");
  python.runPython(`
import json, sys
sys.path.insert(0, "/app")
from game.web.bridge import Bridge, BridgeError
BRIDGE = Bridge()

def call(method, arguments):
    """One command or view of the bridge, as JSON text; a refused command is its message."""
    try:
        return json.dumps({"result": getattr(BRIDGE, method)(*json.loads(arguments))})
    except BridgeError as exc:
        return json.dumps({"error": str(exc)})
`);
  lap("imports_ms");
  self.postMessage({ ready: true, site, timings });
}

const booting = boot().catch((error) => self.postMessage({ failed: String(error) }));

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  await booting;
  try {
    const answer = JSON.parse(python.globals.get("call")(method, JSON.stringify(args ?? [])));
    self.postMessage({ id, ...answer });
  } catch (error) {  // a fault in the game itself: say so, never hang the page
    self.postMessage({ id, error: `The game failed: ${error}` });
  }
};
