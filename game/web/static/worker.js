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
  progress(1, "Starting Python (WebAssembly)");
  python = await loadPyodide({ indexURL: here("./pyodide/"), stdout: () => {}, stderr: () => {} });
  lap("runtime_ms");
  progress(2, "Loading pydantic and its helpers");
  await python.loadPackage(site.wheels.map((name) => here(`./wheels/${name}`)));
  lap("packages_ms");
  progress(3, "Loading the game and its scenarios");
  const archive = await (await fetch(here("./game.zip"))).arrayBuffer();
  python.unpackArchive(archive, "zip", { extractDir: "/app" });
  lap("game_files_ms");
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
