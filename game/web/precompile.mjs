// A step of the browser edition's build (game/web/site.py), run by Node:
//
//     node precompile.mjs SITE_DIR WHEEL...
//
// Boots the site's own Pyodide as the browser's worker does (the wheels, game.zip, the bridge and
// the title's list of scenarios), then runs precompile.py, which writes the bytecode of what that
// boot imported: SITE_DIR/pyodide/python_stdlib.zip again, and SITE_DIR/bytecode.zip. Prints
// how many modules it compiled, as JSON.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [site, ...wheels] = process.argv.slice(2);
const runtime = path.resolve(site, "pyodide");
const { loadPyodide } = await import(pathToFileURL(path.join(runtime, "pyodide.mjs")).href);
const python = await loadPyodide({ indexURL: runtime + "/", stdout: () => {}, stderr: (text) => console.error(text) });
python.FS.mkdirTree("/site");
python.FS.mount(python.FS.filesystems.NODEFS, { root: path.resolve(site) }, "/site");

const precompile = python.globals.get("dict")();
const here = path.dirname(fileURLToPath(import.meta.url));
python.runPython(fs.readFileSync(path.join(here, "precompile.py"), "utf8"), { globals: precompile });

// The worker's boot (game/web/static/worker.js), and the title's first call.
await python.loadPackage(wheels.map((name) => path.resolve(site, "wheels", name)), { messageCallback: () => {} });
python.unpackArchive(new Uint8Array(fs.readFileSync(path.join(site, "game.zip"))), "zip", { extractDir: "/app" });
python.runPython(`
import sys
sys.path.insert(0, "/app")
from game.web.bridge import Bridge
Bridge().scenarios()
`);

// The runtime mounts python_stdlib.zip on sys.path (as /lib/python314.zip) and installs wheels
// into site-packages: the paths the imported modules' files have.
const mounted = python.runPython("import sys; next(p for p in sys.path if p.endswith('.zip'))");
const sitePackages = python.runPython("import site; site.getsitepackages()[0]");
const stdlib = python.toPy(["/site/pyodide/python_stdlib.zip", "/site/pyodide/python_stdlib.zip.new", mounted]);
const counts = precompile.get("build")(stdlib, sitePackages, "/app", "/site/bytecode.zip");
fs.renameSync(path.join(site, "pyodide", "python_stdlib.zip.new"), path.join(site, "pyodide", "python_stdlib.zip"));
console.log(JSON.stringify(counts.toJs({ dict_converter: Object.fromEntries })));
