// The browser edition's page: it shows what the game's bridge hands it and sends the player's
// commands back. It decides nothing and formats no figure: every number arrives as the window
// would print it (game/present). All text goes in as text, never as markup.

import { chartsSection } from "./charts.js";
import * as saves from "./store.js";
import { showMap } from "./map.js";

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const waiting = new Map();
let nextId = 0;
let site = null;

const screen = document.getElementById("screen");
const announce = document.getElementById("announce");

worker.onmessage = (event) => {
  const message = event.data;
  if (message.progress) return showProgress(message.progress);
  if (message.ready) { site = message.site; window.pyatiletka.timings = message.timings; return showTitle(); }
  if (message.failed) return showFailure(`The game could not start: ${message.failed}`);
  const pending = waiting.get(message.id);
  waiting.delete(message.id);
  if (message.error !== undefined) pending.reject(new Error(message.error));
  else pending.resolve(message.result);
};

function call(method, ...args) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker.postMessage({ id, method, args });
  });
}
// The bridge, for the browser's console and the tests: pyatiletka.call("view").
window.pyatiletka = { call };

// -- building the page ------------------------------------------------------------------------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function show(...content) {
  redraw = null;
  document.onkeydown = null;  // a screen's own keys go with it
  screen.replaceChildren(...content.flat().filter((part) => part !== null && part !== undefined && part !== false));
  document.body.dataset.screens = String(Number(document.body.dataset.screens || 0) + 1);  // a new screen, for the tests
  screen.focus();
  const heading = screen.querySelector("h1, h2");
  if (heading) announce.textContent = heading.textContent;
}

async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    const box = h("p", { class: "error", role: "alert" }, error.message);
    screen.prepend(box);
    box.scrollIntoView();
    return null;
  }
}

// -- saves: the autosave in this browser, and save files to download and load -----------------

function describe(view) {
  return { scenario: view.scenario.name, year: view.finished ? "the end" : `January ${view.year}`,
           when: new Date().toISOString() };
}

async function autosave(view) {
  try {
    const text = await call("save");
    await saves.autosave({ text, ...describe(view) });
    // An assessment (undo off) goes on only from its newest state: the page keeps it, and
    // refuses an older save of the same game, as the window does.
    if (view && view.locked && view.game_id) await saves.keepLocked(view.game_id, text);
  } catch (error) {  // the browser's storage is full: the game goes on
    announce.textContent = `The game could not be saved in this browser: ${error.message}`;
  }
}

async function saveAs(view, name) {
  const text = await attempt(() => call("save"));
  if (!text) return false;
  try {
    await saves.saveAs({ name, text, ...describe(view) });
    announce.textContent = `Saved as "${name}".`;
    return true;
  } catch (error) {
    screen.prepend(h("p", { class: "error", role: "alert" }, `The save could not be kept in this browser: ${error.message}`));
    return false;
  }
}

async function downloadSave(view) {
  const text = await attempt(() => call("save"));
  if (text) download(`pyatiletka-${view.scenario.id}-${view.year}.json`, text, "application/json");
}

async function loadSave(text, name) {
  const view = await attempt(async () => call("load", text, name, await saves.newestLocked()));
  if (view) { await autosave(view); showYear(view); }
}

// -- settings: kept in this browser; a lesson code's settings hold for its game -----------------

const SETTINGS = "pyatiletka-settings";
const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2];
const DEFAULTS = { classroom: false, content: "sober", allow_undo: true, text_scale: 1 };

function savedSettings() {
  try {
    const saved = JSON.parse(localStorage.getItem(SETTINGS) || "{}");
    const earlier = localStorage.getItem("pyatiletka-classroom");  // an earlier version kept only this
    if (earlier !== null) {
      saved.classroom = saved.classroom ?? earlier === "on";
      localStorage.setItem(SETTINGS, JSON.stringify(saved));
      localStorage.removeItem("pyatiletka-classroom");
    }
    return { ...DEFAULTS, ...saved };
  } catch {
    return { ...DEFAULTS };
  }
}

let settings = savedSettings();   // in force now (a lesson may change them for its game)
const classroom = document.getElementById("classroom");

function applySettings() {
  // Classroom mode never goes below 1.5 times the type, as in the window.
  const scale = settings.classroom ? Math.max(1.5, settings.text_scale) : settings.text_scale;
  document.documentElement.style.setProperty("--scale", String(scale));
  document.documentElement.classList.toggle("classroom", settings.classroom);
  classroom.checked = settings.classroom;
}

function changeSettings(changes) {
  settings = { ...settings, ...changes };
  try { localStorage.setItem(SETTINGS, JSON.stringify(settings)); } catch { /* private browsing: this visit only */ }
  applySettings();
}

function adoptGameSettings(view) {
  // A lesson code's classroom mode and texts hold for its game (not saved in this browser).
  if (view && view.settings) settings = { ...settings, classroom: view.settings.classroom, content: view.settings.content };
  applySettings();
}

classroom.addEventListener("change", () => changeSettings({ classroom: classroom.checked }));
document.getElementById("settings").addEventListener("click", showSettings);
applySettings();

let redraw = null;  // the screen again, when a setting changes what it shows (a card's text)

function showSettings() {
  // A dialog over the screen: the game underneath stays as it was.
  const dialog = h("dialog", { class: "settings", "aria-labelledby": "settings-title" });
  const row = (control, about) => h("div", { class: "setting" }, control, h("p", { class: "muted" }, about));
  const check = (id, key, label) => h("label", { for: id }, h("input", { id, type: "checkbox", checked: settings[key],
    onchange: (event) => changeSettings({ [key]: event.target.checked }) }), " ", label);
  const content = h("fieldset", {}, h("legend", {}, "Event texts"),
    ["sober", "detailed"].map((level) => h("label", { class: "option" }, h("input", {
      type: "radio", name: "content", value: level, checked: settings.content === level,
      onchange: () => changeSettings({ content: level }) }), ` ${level}`)));
  const scale = h("select", { id: "text-scale", onchange: (event) => changeSettings({ text_scale: Number(event.target.value) }) },
    TEXT_SCALES.map((value) => h("option", { value, selected: value === settings.text_scale }, `${value}×`)));
  const fullscreen = document.fullscreenEnabled ? h("button", { type: "button", class: "secondary", onclick: () =>
    (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()) },
    "Full screen on or off") : null;
  const close = () => { dialog.close(); };
  dialog.addEventListener("close", () => { dialog.remove(); if (redraw) redraw(); });
  dialog.append(h("h2", { id: "settings-title" }, "Settings"),
    row(check("set-classroom", "classroom", "Classroom mode"),
        "For a projector: text at least 1.5 times larger, and a vote tally on the event cards."),
    row(content, "Sober states what happened; detailed describes it more fully. The numbers are the same."),
    row(check("set-undo", "allow_undo", "Allow undo in new games (switch off for assessment)"),
        "New games may take back the last year. A game keeps the setting it started with; lesson codes carry it."),
    row(h("label", { for: "text-scale" }, "Text size: ", scale), "Scales every text. Classroom mode never goes below 1.5×."),
    fullscreen ? row(fullscreen, "Or the browser's own key, F11.") : null,
    h("p", { class: "muted" }, "Kept in this browser. A lesson code's classroom mode and texts hold for its game."),
    h("div", { class: "actions" }, h("button", { type: "button", onclick: close }, "Done")));
  document.body.append(dialog);
  dialog.showModal();
}

// -- loading ----------------------------------------------------------------------------------

function showProgress({ step, steps, label }) {
  show(h("h1", {}, "Pyatiletka"),
       h("p", {}, "Loading the game: everything comes from this site, nothing is installed."),
       h("label", { for: "loading" }, label),
       h("progress", { id: "loading", max: steps, value: step }));
}

function showFailure(text) {
  show(h("h1", {}, "Pyatiletka"), h("p", { class: "error", role: "alert" }, text));
}

// -- the title --------------------------------------------------------------------------------

async function showTitle() {
  const scenarios = await call("scenarios");
  const chosen = scenarios.some((s) => s.id === "great_turn") ? "great_turn" : scenarios[0].id;
  const choices = scenarios.map((scenario) => h("label", { class: "scenario" },
    h("input", { type: "radio", name: "scenario", value: scenario.id, checked: scenario.id === chosen }),
    " ", h("strong", {}, scenario.name), scenario.first_year ? ` (${scenario.first_year}–${scenario.last_year})` : "",
    scenario.description ? h("span", { class: "muted" }, h("br"), scenario.description) : null));
  const form = h("form", { onsubmit: startGame, id: "new-game" },
    h("fieldset", {}, h("legend", {}, "Scenario"), choices),
    h("p", {}, h("label", { for: "seed" }, "Lesson seed (give the whole class the same one): "),
      h("input", { id: "seed", type: "number", min: 0, max: 999999, value: 1928, required: true })),
    h("p", {}, h("label", { for: "weather" }, "Weather: "),
      h("select", { id: "weather" }, h("option", { value: "historical" }, "as it was"),
        h("option", { value: "random" }, "drawn at random"))),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Start the game")));
  const saved = await saves.autosaved();
  const resume = saved ? h("section", {}, h("h2", {}, "The game in progress"),
    h("p", { class: "muted" }, `${saved.scenario ?? ""}${saved.year ? `, ${saved.year}` : ""}`),
    h("div", { class: "actions" },
      h("button", { onclick: () => loadSave(saved.text, "the autosave") }, "Continue the game in progress"),
      h("button", { class: "secondary", onclick: async () => { await saves.forgetAutosave(); showTitle(); } },
        "Forget it"))) : null;
  const named = await saves.named();
  const savedGames = named.length ? h("section", {}, h("h2", {}, "Saved games"),
    h("table", {}, h("tbody", {}, named.map((record) => h("tr", {},
      h("th", { scope: "row" }, record.name),
      h("td", {}, `${record.scenario}, ${record.year}`),
      h("td", {}, h("button", { class: "secondary", "aria-label": `Load ${record.name}`,
                                onclick: () => loadSave(record.text, record.name) }, "Load"), " ",
               h("button", { class: "secondary", "aria-label": `Delete ${record.name}`,
                             onclick: async () => { await saves.forgetNamed(record.name); showTitle(); } }, "Delete"))))))) : null;
  const memoryOnly = (await saves.kept()) ? null
    : h("p", { class: "muted" }, "This browser keeps no saves here (a private window?): download a save to keep it.");
  const upload = h("input", { id: "upload", type: "file", accept: ".json,application/json",
    onchange: async (event) => {
      const file = event.target.files[0];
      if (file) loadSave(await file.text(), file.name);
    } });
  show(h("h1", {}, "Pyatiletka: the five-year plans, 1928–1941"),
       h("p", {}, "You set the plan's targets and each year's directives. The game ends in June 1941 and sets your record beside history's. ",
         "It depicts famine, deportation and terror that killed millions of people."),
       resume,
       savedGames,
       memoryOnly,
       h("h2", {}, "A new game"),
       h("form", { onsubmit: startLesson },
         h("p", {}, h("label", { for: "lesson" }, "Lesson code from your teacher: "),
           h("input", { id: "lesson", type: "text", autocomplete: "off", spellcheck: "false", maxlength: 32 }), " ",
           h("button", { type: "submit" }, "Start the lesson"))),
       h("p", {}, "Or choose a game yourself:"),
       form,
       h("p", {}, h("label", { for: "upload" }, "Or continue from a save file (this page's, or the window's): "), upload),
       h("p", { class: "muted" }, `Game ${site.game_version}, Python ${site.pyodide} (Pyodide) in this page.`));
}

async function startLesson(event) {
  event.preventDefault();
  const view = await attempt(() => call("start_lesson", screen.querySelector("#lesson").value));
  if (view) { adoptGameSettings(view); await autosave(view); showYear(view); }
}

async function startGame(event) {
  event.preventDefault();
  const scenario = screen.querySelector("input[name=scenario]:checked").value;
  const seed = Number(screen.querySelector("#seed").value);
  const weather = screen.querySelector("#weather").value;
  const chosen = { classroom: settings.classroom, content: settings.content, allow_undo: settings.allow_undo };
  const view = await attempt(() => call("start", scenario, seed, weather, chosen));
  if (view) { await autosave(view); showYear(view); }
}

// -- the year ---------------------------------------------------------------------------------

function heading(view) {
  const plan = view.plan ? ` — ${view.plan.name} (${view.plan.start}–${view.plan.end})` : "";
  return h("h2", {}, `${view.finished ? "The game is over" : `January ${view.year}`}${plan}`);
}

const SVG = "http://www.w3.org/2000/svg";

function sparkline(series) {
  // The figure's course so far, as the window draws it beside each row (drawn, not computed).
  if (series.length < 2) return null;
  const width = 90, height = 22, low = Math.min(...series), high = Math.max(...series);
  const span = high - low || 1;
  const points = series.map((value, index) =>
    `${(index * width / (series.length - 1)).toFixed(1)},${(height - 2 - (value - low) * (height - 4) / span).toFixed(1)}`);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(SVG, "polyline");
  line.setAttribute("points", points.join(" "));
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "currentColor");
  line.setAttribute("stroke-width", "1.5");
  svg.append(line);
  return svg;
}

function panels(view) {
  return h("div", { class: "columns" }, view.panels.map((panel) => h("section", {},
    h("h3", {}, panel.title),
    h("table", {}, h("tbody", {}, panel.rows.map((row) => h("tr", {},
      h("th", { scope: "row" }, row.label),
      h("td", { class: "number" }, row.value, row.reported ? h("span", { class: "muted" }, ` (reported ${row.reported})`) : null),
      h("td", { class: `trend ${row.good === true ? "better" : row.good === false ? "worse" : ""}` },
        row.trend > 0 ? "▲ " : row.trend < 0 ? "▼ " : "", row.trend_word),
      h("td", { class: "spark" }, sparkline(row.history)))))))));
}

function showYear(view) {
  if (view.finished) return showEnd(view);
  if (view.cards.length) return showCard(view, view.cards[0]);
  show(heading(view), h("div", { class: "columns" }, h("section", {}, panels(view)), directivesForm(view)),
       saveAsForm(view),
       h("div", { class: "actions" }, h("button", { class: "secondary", onclick: () => downloadSave(view) }, "Download the save"),
         view.can_undo ? h("button", { class: "secondary", onclick: () => takeBack() }, "Take back the last year") : null,
         mapButton(), h("button", { class: "secondary", onclick: showTitle }, "To the title")));
}

function saveAsForm(view) {
  const input = h("input", { id: "save-name", type: "text", maxlength: 60, required: true, autocomplete: "off",
                             value: `${view.scenario.name}, ${view.year}` });
  return h("form", { class: "save-as", onsubmit: async (event) => {
    event.preventDefault();
    if (await saveAs(view, input.value.trim() || `${view.scenario.name}, ${view.year}`)) {
      event.target.querySelector("output").textContent = `Saved as "${input.value.trim()}".`;
    }
  } }, h("label", { for: "save-name" }, "Save in this browser as: "), input, " ",
     h("button", { type: "submit", class: "secondary" }, "Save"), " ", h("output", { "aria-live": "polite" }));
}

async function takeBack() {
  const view = await attempt(() => call("undo"));
  if (view) { await autosave(view); showYear(view); }
}

const LETTERS = "ABCD";
const tallies = new Map();  // card id -> the class's votes, kept while the card waits

function cardText(card) {
  return settings.content === "detailed" && card.text_detailed ? card.text_detailed : card.text;
}

function showCard(view, card) {
  const answer = async (choice) => {
    document.onkeydown = null;
    const answered = await attempt(() => call("choose", card.id, choice.id));
    if (answered) { tallies.delete(card.id); await autosave(answered.view); showAftermath(answered, card, choice); }
  };
  const votes = tallies.get(card.id) ?? card.choices.map(() => 0);
  tallies.set(card.id, votes);
  const voting = settings.classroom && card.choices.length <= LETTERS.length;
  const message = h("p", { class: "muted", "aria-live": "polite" }, "");
  const tally = voting ? voteTally(card, votes, message, answer) : null;
  const choices = card.choices.map((choice, index) => h("div", { class: "choice-row" },
    h("button", { class: "choice", onclick: () => answer(choice), "aria-keyshortcuts": String(index + 1) },
      h("span", { class: "key", "aria-hidden": "true" }, `${index + 1}`), " ", choice.label,
      h("span", { class: "forecast" }, choice.forecast)),
    tally ? tally.counter(index) : null));
  show(heading(view), h("article", { class: "card", "aria-live": "polite" },
    h("h2", {}, card.title), h("p", {}, cardText(card)),
    h("div", { class: "choices" }, choices),
    tally ? tally.footer : null, message,
    h("p", { class: "muted" }, voting ? "Keys: 1-4 choose; A-D add a vote; Enter takes the class's answer."
                                      : "Keys: 1-4 choose.")));
  document.onkeydown = (event) => {
    if (event.target.closest && event.target.closest("input, select, textarea, dialog")) return;
    const number = Number(event.key);
    if (number >= 1 && number <= card.choices.length) { event.preventDefault(); answer(card.choices[number - 1]); return; }
    const letter = LETTERS.indexOf(event.key.toUpperCase());
    if (tally && letter >= 0 && letter < card.choices.length) { event.preventDefault(); tally.add(letter); return; }
    if (tally && event.key === "Enter" && event.target.tagName !== "BUTTON") { event.preventDefault(); tally.take(); }
  };
  announce.textContent = `${heading(view).textContent}. A card: ${card.title}. ${card.choices.length} choices.`;
  redraw = () => showCard(view, card);
}

function voteTally(card, votes, message, answer) {
  // The class's show of hands, counted on the projected card: a vote at a time or a count typed.
  const counts = votes.map((count, index) => h("input", { type: "number", min: 0, max: 9999, value: count,
    id: `votes-${index}`, class: "votes", oninput: (event) => { votes[index] = Math.max(0, Math.floor(Number(event.target.value) || 0)); paint(); } }));
  const bars = votes.map(() => h("span", { class: "bar", "aria-hidden": "true" }, h("span", {})));
  const paint = () => {
    const total = Math.max(1, votes.reduce((a, b) => a + b, 0));
    const best = Math.max(...votes);
    votes.forEach((count, index) => {
      counts[index].value = count;
      bars[index].firstChild.style.width = `${100 * count / total}%`;
      bars[index].classList.toggle("leading", count > 0 && count === best);
    });
  };
  const add = (index) => { votes[index] += 1; paint(); message.textContent = `A vote for ${LETTERS[index]}: ${votes[index]}`; };
  const take = () => {
    const best = Math.max(...votes);
    if (best === 0) { message.textContent = "No votes yet: add votes with A-D, or choose with 1-4."; return; }
    const leaders = votes.flatMap((count, index) => (count === best ? [index] : []));
    if (leaders.length > 1) {
      message.textContent = `A tie between ${leaders.map((i) => LETTERS[i]).join(", ")}: choose one of them with its number.`;
      return;
    }
    answer(card.choices[leaders[0]]);
  };
  const counter = (index) => h("div", { class: "tally" },
    h("button", { type: "button", class: "secondary vote", onclick: () => add(index),
                  "aria-label": `A vote for ${LETTERS[index]}: ${card.choices[index].label}` }, `${LETTERS[index]} +1`),
    h("label", { for: `votes-${index}`, class: "visually-hidden" }, `Votes for ${LETTERS[index]}`), counts[index], bars[index]);
  const footer = h("div", { class: "actions" }, h("button", { type: "button", onclick: take }, "Take the class's answer"),
    h("button", { type: "button", class: "secondary", onclick: () => { votes.fill(0); paint(); message.textContent = "The tally is cleared."; } },
      "Clear the tally"));
  paint();
  return { counter, footer, add, take };
}

function showAftermath(answered, card, choice) {
  const told = card.history && card.history.reveal === "immediately";
  const history = told ? h("section", { class: "history" },
    h("h3", {}, "What happened in history"), h("p", {}, card.history.text),
    h("p", { class: "muted" }, `Sources: ${card.history.sources.join("; ")}`))
    : card.history ? h("p", { class: "muted" }, card.history.later) : null;
  show(h("h2", {}, card.title), h("p", {}, `You chose: ${choice.label}`),
       answered.aftermath.length ? h("ul", {}, answered.aftermath.map((line) => h("li", {}, line))) : h("p", {}, "It changes nothing at once."),
       history,
       h("div", { class: "actions" }, h("button", { onclick: () => showYear(answered.view) }, "Continue")));
}

// -- the directives ---------------------------------------------------------------------------

function percent(value) { return `${Math.round(value * 100)} %`; }

function numberLever(lever) {
  const scale = lever.unit === "%" ? 100 : 1;
  const id = `lever-${lever.field}`;
  const output = h("output", { for: id }, "");
  const input = h("input", { id, type: "range", name: lever.field, min: lever.low * scale, max: lever.high * scale,
                             step: lever.step * scale, value: lever.value * scale, "data-scale": scale });
  const update = () => { output.textContent = scale === 100 ? `${input.value} %` : `${input.value} ${lever.unit}`.trim(); };
  input.addEventListener("input", update);
  update();
  return h("div", { class: "slider" }, h("label", { for: id }, lever.label), input, output);
}

function sharesLever(lever) {
  const total = h("p", { class: "muted" }, "");
  const inputs = lever.parts.map((part, index) => {
    const id = `lever-${lever.field}-${part.id}`;
    const input = h("input", { id, type: "range", min: 0, max: 100, step: 1, value: Math.round(lever.value[index] * 100),
                               "data-field": lever.field, "data-index": index });
    const output = h("output", { for: id }, percent(lever.value[index]));
    input.addEventListener("input", () => { output.textContent = `${input.value} %`; sum(); });
    return [input, h("div", { class: "slider" }, h("label", { for: id }, part.label), input, output)];
  });
  const sum = () => {
    const value = inputs.reduce((acc, [input]) => acc + Number(input.value), 0);
    total.textContent = value === 100 ? "Together: 100 %" : `Together: ${value} % (the game scales the shares to 100 %)`;
  };
  sum();
  return h("div", {}, inputs.map(([, row]) => row), total);
}

function leverControl(lever) {
  if (lever.kind === "shares") return sharesLever(lever);
  if (lever.kind === "switch") {
    const id = `lever-${lever.field}`;
    return h("p", {}, h("input", { id, type: "checkbox", name: lever.field, checked: Boolean(lever.value) }),
             " ", h("label", { for: id }, lever.label));
  }
  if (lever.kind === "level") {
    const id = `lever-${lever.field}`;
    return h("p", {}, h("label", { for: id }, `${lever.label}: `),
             h("select", { id, name: lever.field }, lever.levels.map((name, index) =>
               h("option", { value: index, selected: index === Number(lever.value) }, name))));
  }
  return numberLever(lever);
}

function directivesForm(view) {
  const byLever = new Map();
  for (const lever of view.levers) {
    if (!byLever.has(lever.lever)) byLever.set(lever.lever, []);
    byLever.get(lever.lever).push(lever);
  }
  const form = h("form", { onsubmit: (event) => playYear(event, view) },
    h("h3", {}, `Directives for ${view.year}`),
    view.targets ? targetsFieldset(view.targets) : null,
    [...byLever.values()].map((controls) => h("fieldset", {},
      h("legend", {}, controls[0].description), controls.map(leverControl))),
    view.projects.length ? projectsFieldset(view.projects) : null,
    h("div", { class: "actions" }, h("button", { type: "submit" }, `Play ${view.year}`),
      h("button", { type: "button", class: "secondary", onclick: () => showOutlook(form, view, false) },
        "Where these directives lead"),
      h("button", { type: "button", class: "secondary", onclick: () => showOutlook(form, view, true) },
        "… to 1941")));
  return h("section", {}, form, h("section", { id: "outlook", "aria-live": "polite" }));
}

async function showOutlook(form, view, toTheEnd) {
  const place = screen.querySelector("#outlook");
  place.replaceChildren(h("p", { class: "muted" }, "Working out 60 weathers…"));
  const outlook = await attempt(() => call("outlook", draftOf(form, view), toTheEnd));
  if (!outlook) { place.replaceChildren(); return; }
  place.replaceChildren(h("h3", {}, outlook.title), h("p", { class: "muted" }, outlook.status),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, "likely"), h("th", {}, "change"),
      h("th", {}, "history"))),
      h("tbody", {}, outlook.rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row.label),
        h("td", { class: "number" }, row.value), h("td", { class: "number" }, row.delta_text),
        h("td", { class: "number" }, row.history ?? "—"))))));
  place.scrollIntoView({ block: "nearest" });
}

const STATUS = { building: "being built", done: "finished", too_early: "not yet possible" };

function targetsFieldset(targets) {
  return h("fieldset", {}, h("legend", {}, `The plan's targets for ${targets.for_year}`),
    h("p", { class: "muted" }, "Beside each: history's target and the model's likely figure under history's policy. " +
      "Targets beyond it drive output up for a while, then bring waste, accidents and hunts for \"wreckers\"."),
    targets.rows.map((row) => {
      const id = `target-${row.key}`;
      const output = h("output", { for: id }, String(row.value));
      const input = h("input", { id, type: "range", "data-target": row.key, min: row.low, max: row.high, step: 0.1,
                                 value: row.value });
      input.addEventListener("input", () => { output.textContent = input.value; });
      return h("div", {}, h("div", { class: "slider" }, h("label", { for: id }, row.label), input, output),
               h("p", { class: "muted" }, `history: ${row.history}; likely: ${row.likely}`));
    }));
}

function projectsFieldset(projects) {
  return h("fieldset", {}, h("legend", {}, "Construction projects to start this year"),
    projects.map((project) => {
      const id = `project-${project.id}`;
      const about = `${project.description} (${project.cost_bn} bn rubles, ${project.years} years)`;
      if (project.status !== "available") {
        return h("p", { class: "muted" }, `${project.name}: ${STATUS[project.status] ?? project.status}`);
      }
      return h("p", {}, h("input", { id, type: "checkbox", "data-project": project.id, checked: project.chosen }), " ",
               h("label", { for: id }, h("strong", {}, project.name)), h("br"), h("span", { class: "muted" }, about));
    }));
}

function draftOf(form, view) {
  const draft = {};
  if (view.targets) {
    draft.targets = Object.fromEntries([...form.querySelectorAll("input[data-target]")]
      .map((input) => [input.dataset.target, Number(input.value)]));
  }
  if (view.projects.length) {
    draft.projects = [...form.querySelectorAll("input[data-project]:checked")].map((input) => input.dataset.project);
  }
  for (const lever of view.levers) {
    if (lever.kind === "shares") {
      const values = [...form.querySelectorAll(`input[data-field="${lever.field}"]`)].map((input) => Number(input.value) / 100);
      const total = values.reduce((a, b) => a + b, 0) || 1;
      draft[lever.field] = values.map((v) => v / total);
    } else if (lever.kind === "switch") {
      draft[lever.field] = form.querySelector(`[name="${lever.field}"]`).checked;
    } else if (lever.kind === "level") {
      draft[lever.field] = Number(form.querySelector(`[name="${lever.field}"]`).value);
    } else {
      const input = form.querySelector(`[name="${lever.field}"]`);
      draft[lever.field] = Number(input.value) / Number(input.dataset.scale);
    }
  }
  return draft;
}

async function playYear(event, view) {
  event.preventDefault();
  const button = event.target.querySelector("button[type=submit]");
  button.disabled = true;
  const played = await attempt(() => call("play_year", draftOf(event.target, view)));
  button.disabled = false;
  if (played) { await autosave(played.view); showReport(played); }
}

// -- the year-end report ----------------------------------------------------------------------

function showReport(played) {
  const report = played.report;
  const claimed = report.pravda.some((line) => line.share);
  const pravda = h("section", { class: "pravda" }, h("h3", {}, "Pravda reports"),
    h("p", { class: "muted" }, `1 January ${report.year + 1} · the year's results as reported`),
    h("table", {}, h("tbody", {}, report.pravda.map((line) => h("tr", {},
      h("th", { scope: "row" }, line.label), h("td", { class: "number" }, line.reported ?? "—",
        line.share ? ` (${line.share})` : ""))))),
    report.pravda_fulfilment ? h("p", {}, h("strong", {}, report.pravda_fulfilment)) : null,
    claimed ? h("p", { class: "muted" }, "Bracketed: share of the plan's target for its last year, as reported.") : null);
  const internal = h("section", {}, h("h3", {}, "The internal report"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, ""), h("th", {}, "real"), h("th", {}, "reported above it by"))),
      h("tbody", {}, report.pravda.map((line) => h("tr", {},
        h("th", { scope: "row" }, line.label), h("td", { class: "number" }, line.real), h("td", { class: "number" }, line.gap ?? "—"))),
        report.internal.map((line) => h("tr", {}, h("th", { scope: "row" }, line.label),
          h("td", { class: "number" }, line.value), h("td", {}, ""))))));
  const costs = h("section", {}, h("h3", {}, "What the year cost in lives and freedom"),
    h("ul", {}, report.costs.map((entry) => h("li", {}, `${entry.value} ${entry.label}`))));
  show(h("h2", {}, `The year ${report.year}`), h("div", { class: "columns" }, pravda, internal), costs,
       planSection(report.plan),
       chartsSection("Charts: your game beside history's", report.charts),
       notesSection(report.notes),
       whySection(report.year, report.explained),
       h("div", { class: "actions" }, h("button", { onclick: () => (report.plan_ended ? showPlanEnd(played.view)
                                                                               : showYear(played.view)) }, "Continue")));
  // What a screen reader says at once: the year's real figures, then what it cost.
  announce.textContent = `The year ${report.year}: ${report.pravda.map((line) => `${line.label} ${line.real}`).join("; ")}. ` +
    report.costs.map((entry) => `${entry.value} ${entry.label}`).join("; ");
}

async function showPlanEnd(view) {
  // The end of a plan, the game going on: its table, the scorecard so far, one question.
  const ended = await attempt(() => call("plan_end"));
  if (!ended) return;
  show(h("h2", {}, ended.title),
       ended.table ? planTable(ended.table) : null,
       h("section", {}, h("h3", {}, "The scorecard so far, beside history's course over the same years"),
         scorecard(ended)),
       ended.questions.length ? h("section", {}, h("h3", {}, "A question for discussion"), questionsList(ended.questions)) : null,
       h("div", { class: "actions" }, h("button", { onclick: () => showYear(view) }, `Continue to ${ended.next_year}`)));
}

function planTable(table) {
  return h("section", { class: "plan-table" }, h("h3", {}, `${table.name}: targets, reports and output, ${table.year}`),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "product"),
      table.heads.map((head) => h("th", { scope: "col", class: "number" }, head)))),
      h("tbody", {}, table.rows.map((row) => h("tr", {}, h("th", { scope: "row" }, `${row.label}, ${row.unit}`),
        row.cells.map((cell, index) => h("td", { class: index === 2 ? "number real" : "number" }, cell)))))),
    h("p", { class: "muted" }, table.note || "Real output in bold; ≈ : an approximate historical figure."));
}

function planSection(plan) {
  // Each target: the real share as a bar, the reported one as a tick on it (the window's bars).
  if (!plan.note) return null;
  return h("section", { class: "plan" }, h("h3", {}, plan.title), h("p", { class: "muted" }, plan.note),
    h("ul", { class: "progress-list" }, plan.rows.map((row) => h("li", {},
      h("div", { class: "progress-label" }, h("span", {}, row.label), h("strong", {}, row.share)),
      h("div", { class: "progress-bar", role: "img",
                 "aria-label": `${row.label}: ${row.share} of the target of ${row.target} (real ${row.real}` +
                   `${row.reported ? `, reported ${row.reported}` : ""})` },
        h("span", { class: "real", style: `width: ${Math.min(100, 100 * row.fraction)}%` }),
        row.reported_fraction !== null ? h("span", { class: "tick",
          style: `left: ${Math.min(100, 100 * row.reported_fraction)}%` }) : null),
      h("div", { class: "muted" }, `target ${row.target}${row.reported ? `; reported ${row.reported}` : ""}`)))),
    h("p", {}, plan.fulfilment));
}

function notesSection(notes) {
  // At a plan's end: what actually happened, for the cards that kept their history until then.
  if (!notes.length) return null;
  return h("section", { class: "history" }, h("h3", {}, "What actually happened"),
    notes.map((note) => h("div", {}, h("h4", {}, note.title), h("p", {}, note.text),
      h("p", { class: "muted" }, `Sources: ${note.sources.join("; ")}`))));
}

// -- why? ---------------------------------------------------------------------------------------

function whySection(year, explained) {
  const place = h("div", { "aria-live": "polite" });
  const metric = h("select", { id: "why-metric" }, explained.map((m) => h("option", { value: m.id }, m.label)));
  const ask = async (against) => {
    place.replaceChildren(h("p", { class: "muted" }, "The model works the year out again for each cause…"));
    const why = await attempt(() => call("why", metric.value, against, year));
    if (!why) { place.replaceChildren(); return; }
    place.replaceChildren(h("h3", {}, why.heading), h("p", {}, why.summary),
      h("table", {}, h("tbody", {}, why.rows.map((row) => h("tr", {}, h("th", { scope: "row" }, row.label),
        h("td", { class: "number" }, row.shown))), why.change ? h("tr", {}, h("th", { scope: "row" }, "The change"),
        h("td", { class: "number" }, why.change)) : null)),
      h("p", { class: "muted" }, why.note));
  };
  return h("section", {}, h("h3", {}, "Why?"),
    h("p", {}, h("label", { for: "why-metric" }, "The figure: "), metric, " ",
      h("button", { type: "button", class: "secondary", onclick: () => ask("previous") }, "against the year before"), " ",
      h("button", { type: "button", class: "secondary", onclick: () => ask("history") }, "against history's year")),
    place);
}

// -- the end ----------------------------------------------------------------------------------

function download(name, text, type) {
  const link = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

async function showEnd(view) {
  const pages = async (what) => {
    const debrief = await attempt(() => call("debrief"));
    if (!debrief) return;
    if (what === "results") download(debrief.results_name, debrief.results, "application/json");
    else window.open(URL.createObjectURL(new Blob([debrief[what]], { type: "text/html" })), "_blank");
  };
  const actions = h("div", { class: "actions" },
    h("button", { onclick: () => pages("html") }, "Open the debrief"),
    h("button", { onclick: () => pages("handout") }, "Open the printable handout"),
    h("button", { class: "secondary", onclick: () => pages("results") }, "Download the results file"),
    h("button", { class: "secondary", onclick: () => downloadSave(view) }, "Download the save"),
    mapButton(), h("button", { class: "secondary", onclick: showTitle }, "A new game"));
  const end = view.charts.length ? await attempt(() => call("end")) : null;  // no year played: no debrief
  if (!end) {
    show(heading(view), h("p", {}, "The game is over."), actions);
    return;
  }
  const parts = [
    ["epilogue", "Epilogue", end.epilogue.map((part) => [part.title ? h("h4", {}, part.title) : null, h("p", {}, part.text)])],
    ["scorecard", "Scorecard", scorecard(end)],
    ["record", "Your record", [end.plans.map(planTable), panels(view)]],
    ["charts", "Charts", chartsSection("Your game beside history's", view.charts)],
    ["events", "The events, and what actually happened", eventsList(end.events)],
    ["questions", "Questions for discussion, from your game", questionsList(end.questions)],
    ["perspectives", "What historians argue", perspectivesList(end.perspectives)],
  ];
  show(heading(view), h("p", { class: "lead" }, h("strong", {}, end.headline)),
       h("nav", { "aria-label": "The end's parts" }, h("ul", { class: "contents" },
         parts.map(([id, title]) => h("li", {}, h("a", { href: `#end-${id}` }, title))))),
       actions,
       parts.map(([id, title, content]) => h("section", { id: `end-${id}`, class: "end-part" }, h("h3", {}, title), content)));
}

function scorecard(end) {
  // Each axis: yours above history's on the axis' own scale, each with its number and its word
  // (never the colour alone). No total, no ranking.
  const bar = (word, value, text, scale, kind) => h("div", { class: `axis-bar ${kind}` },
    h("span", { class: "who" }, word),
    h("span", { class: "track", "aria-hidden": "true" }, value === null ? null
      : h("span", { style: `width: ${Math.max(0, Math.min(100, 100 * value / scale))}%` })),
    h("span", { class: "number" }, text));
  return [h("p", { class: "muted" }, "Six ways to read a game, each on its own scale: there is no total and no ranking."),
    h("div", { class: "axes" }, end.scorecard.map((axis) => h("div", { class: "axis", role: "group", "aria-label":
        `${axis.name}: yours ${axis.yours}, history ${axis.theirs} (${axis.unit})` },
      h("h4", {}, axis.name),
      bar("yours", axis.value, axis.yours, axis.scale, "axis-yours"),
      bar("history", axis.history, axis.theirs, axis.scale, "axis-history"),
      h("p", { class: "muted" }, axis.scale_words),
      h("details", {}, h("summary", {}, "How it is measured"), h("p", {}, axis.formula))))),
    end.history_basis ? h("p", { class: "muted" }, end.history_basis) : null];
}

function eventsList(events) {
  if (!events.length) return h("p", {}, "No events were played in this game.");
  return events.map((event) => h("div", { class: "event" }, h("h4", {}, `${event.year}: ${event.title}`),
    h("p", {}, h("strong", {}, `You chose: ${event.choice}`)),
    event.was_historical ? null : h("p", { class: "muted" }, `History chose: ${event.historical_choice}`),
    event.history ? h("p", {}, event.history) : null,
    event.sources.length ? h("p", { class: "muted" }, `Sources: ${event.sources.join("; ")}`) : null));
}

function questionsList(questions) {
  if (!questions.length) return h("p", {}, "No discussion questions for this game.");
  return h("ol", { class: "questions" }, questions.map((question) => h("li", {},
    h("p", {}, h("strong", {}, question.lead)), h("p", {}, question.text),
    question.yours || question.history ? h("p", { class: "muted" },
      `Your game: ${question.yours || "–"} · History: ${question.history || "–"}`) : null)));
}

function perspectivesList(perspectives) {
  if (!perspectives.length) return h("p", {}, "No historians' positions are given for this scenario.");
  return [h("p", { class: "muted" }, "Positions side by side, with their authors; the game does not settle between them."),
    perspectives.map((perspective) => h("div", { class: "perspective" }, h("h4", {}, perspective.title),
      perspective.intro ? h("p", {}, perspective.intro) : null,
      perspective.positions.map((position) => h("div", { class: "position" },
        h("p", {}, h("strong", {}, position.authors)), h("p", {}, position.text),
        h("p", { class: "muted" }, position.sources.map((source) => `– ${source}`).join(" ")))),
      perspective.note ? h("p", { class: "muted" }, perspective.note,
        perspective.note_sources.length ? ` (${perspective.note_sources.join("; ")})` : "") : null))];
}

// -- the map (map.js) ---------------------------------------------------------------------------

function mapButton() {
  // Back from the map to the very screen it was opened from, its controls as the player left them.
  const button = h("button", { class: "secondary", onclick: () => {
    const kept = [...screen.childNodes];
    showMap({ call, h, show, attempt, back: () => { show(...kept); button.focus(); } });
  } }, "The map");
  return button;
}
