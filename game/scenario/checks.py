"""Rules across fields: ids that exist and are unique, years inside the scenario, shares that
sum to 1, figures with sources. Run on the merged raw data, so that every problem is found in one
pass even when the structure has errors elsewhere."""

from __future__ import annotations

from ..events.engine import flags_of_raw, template_formats
from ..events.expr import ExprError, compile_condition
from ..events.schema import ALWAYS
from ..events.template import TemplateError, compile_template
from ..model.levers import CONTROLS
from ..model.params import PRODUCTS
from ..model.variables import READABLE, WRITABLE, project_names
from .document import Document
from .pydantic_errors import did_you_mean
from .templates import names_for

SHARE_TOLERANCE = 1e-3


def check_scenario(doc: Document) -> None:
    data = doc.data
    first, last = data.get("first_year"), data.get("last_year")
    years_known = isinstance(first, int) and isinstance(last, int)
    if years_known and last < first:
        doc.problems.append(doc.locate(("last_year",), "E130", f"last_year {last} is before first_year {first}"))
        years_known = False
    _check_weather(doc, first, last, years_known)
    _check_plans(doc, first, last, years_known)
    _check_projects(doc, first, last, years_known)
    _check_products(doc)
    _check_sector_shares(doc)
    _check_unique_ids(doc, "notes")
    _check_unique_ids(doc, "debrief_questions")
    _check_history_sources(doc)
    _check_events(doc, first, last, years_known)
    _check_lever_ranges(doc)
    _check_templates(doc)
    _check_map(doc)
    _check_event_regions(doc)


def _region_ids(doc: Document) -> dict | None:
    params = doc.data.get("parameters")
    regions = params.get("regions") if isinstance(params, dict) else None
    known = regions.get("regions") if isinstance(regions, dict) else None
    return known if isinstance(known, dict) else None


def _check_event_regions(doc: Document) -> None:
    """A card's regions: are regions of the model (E121)."""
    known = _region_ids(doc)
    events = doc.data.get("events")
    if known is None or not isinstance(events, list):
        return
    for index, event in enumerate(events):
        regions = event.get("regions") if isinstance(event, dict) else None
        for j, region in enumerate(regions if isinstance(regions, list) else []):
            if isinstance(region, str) and region not in known:
                doc.problems.append(doc.locate(("events", index, "regions", j), "E121",
                                               f"events[{event.get('id')}].regions: no region {region!r}",
                                               f"The regions are: {', '.join(map(str, known))}."))


def _check_map(doc: Document) -> None:
    """The map draws every region of the model and only those (E121)."""
    spec = doc.data.get("map")
    known = _region_ids(doc)
    drawn = spec.get("regions") if isinstance(spec, dict) else None
    if not isinstance(drawn, dict) or known is None:
        return
    for region in drawn:
        if region not in known:
            doc.problems.append(doc.locate(("map", "regions", region), "E121",
                                           f"map.regions.{region}: no such region in parameters.regions",
                                           f"The regions are: {', '.join(map(str, known))}."))
    missing = [region for region in known if region not in drawn]
    if missing:
        doc.problems.append(doc.locate(("map", "regions"), "E121",
                                       f"map.regions: no outline for {', '.join(map(str, missing))}",
                                       "The map draws every region of parameters.regions: add an outline for each."))


def _check_templates(doc: Document) -> None:
    """Texts the game fills in use only their names and the allowed formats (E141)."""
    texts = doc.data.get("texts")
    if not isinstance(texts, dict):
        return
    for text_id, text in texts.items():
        names = names_for(text_id) if isinstance(text_id, str) else None
        if names is None or not isinstance(text, str):
            continue
        try:
            compile_template(text, names)
        except TemplateError as exc:
            doc.problems.append(doc.locate(("texts", text_id), "E141",
                                           f"texts.{text_id}, at character {exc.column}: {exc.message}", exc.hint))


def _check_lever_ranges(doc: Document) -> None:
    """A scenario may narrow a number lever's range, never widen it."""
    ranges = doc.data.get("lever_ranges")
    if not isinstance(ranges, dict):
        return
    numbers = [c.field for c in CONTROLS.values() if c.kind in ("number", "level")]
    for field, limits in ranges.items():
        control = CONTROLS.get(field) if isinstance(field, str) else None
        if control is None or control.kind not in ("number", "level"):
            doc.problems.append(doc.locate(("lever_ranges", field), "E121",
                                           f"lever_ranges: {field!r} is not a number lever",
                                           did_you_mean(str(field), numbers) or f"number levers: {', '.join(numbers)}",
                                           at_key=True))
            continue
        if not isinstance(limits, dict):
            continue
        low, high = limits.get("low"), limits.get("high")
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)):
            continue
        if low >= high:
            doc.problems.append(doc.locate(("lever_ranges", field), "E104",
                                           f"lever_ranges.{field}: low {low:g} must be below high {high:g}"))
        elif low < control.low or high > control.high:
            doc.problems.append(doc.locate(("lever_ranges", field), "E103",
                                           f"lever_ranges.{field}: {low:g}-{high:g} is outside the model's range "
                                           f"{control.low:g}-{control.high:g}; a scenario may only narrow it"))


def _check_weather(doc: Document, first, last, years_known: bool) -> None:
    """The weather record may reach beyond the scenario's years (it is history, shared by
    scenarios); it must cover every year played, each with every region group of the parameters."""
    weather = doc.data.get("historical_weather")
    if not isinstance(weather, dict):
        return
    if years_known:
        missing = [y for y in range(first, last + 1) if y not in weather]
        if missing:
            doc.problems.append(doc.locate(("historical_weather",), "E131",
                                           f"historical_weather has no entry for {_years(missing)}", at_key=True))
    params = doc.data.get("parameters")
    weather_params = params.get("weather") if isinstance(params, dict) else None
    groups = weather_params.get("groups") if isinstance(weather_params, dict) else None
    if not isinstance(groups, dict):
        return
    for year, entry in weather.items():
        regions = entry.get("regions") if isinstance(entry, dict) else None
        if not isinstance(regions, dict):
            continue
        lacking = [g for g in groups if g not in regions]
        if lacking:
            doc.problems.append(doc.locate(("historical_weather", year, "regions"), "E101",
                                           f"historical_weather.{year}: no category for {', '.join(map(str, lacking))}",
                                           f"region groups: {', '.join(map(str, groups))}"))
        for group in regions:
            if group not in groups:
                doc.problems.append(doc.locate(("historical_weather", year, "regions", group), "E121",
                                               f"historical_weather.{year}: unknown region group {group!r}",
                                               did_you_mean(str(group), [str(g) for g in groups])
                                               or f"region groups: {', '.join(map(str, groups))}", at_key=True))


def _check_plans(doc: Document, first, last, years_known: bool) -> None:
    plans = doc.data.get("plans")
    if not isinstance(plans, list):
        return
    _check_unique_ids(doc, "plans")
    for index, plan in enumerate(plans):
        if not isinstance(plan, dict):
            continue
        start, end = plan.get("start"), plan.get("end")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            doc.problems.append(doc.locate(("plans", index, "end"), "E104",
                                           f"plan {plan.get('id')}: end {end} is before start {start}"))
        if years_known and isinstance(start, int) and not first <= start <= last:
            doc.problems.append(doc.locate(("plans", index, "start"), "E130",
                                           f"plan {plan.get('id')} starts in {start}, outside {first}-{last}"))


def _check_projects(doc: Document, first, last, years_known: bool) -> None:
    projects = doc.data.get("projects")
    if not isinstance(projects, list):
        return
    _check_unique_ids(doc, "projects")
    for index, project in enumerate(projects):
        if not isinstance(project, dict):
            continue
        year = project.get("earliest_year")
        if years_known and isinstance(year, int) and not first <= year <= last:
            doc.problems.append(doc.locate(("projects", index, "earliest_year"), "E130",
                                           f"project {project.get('id')}: earliest_year {year} is outside {first}-{last}"))


def _check_products(doc: Document) -> None:
    """Every product needs parameters and a starting capacity."""
    for path, what in ((("parameters", "industry", "products"), "parameters"),
                       (("initial_state", "capacity"), "a starting capacity")):
        table = _get(doc.data, path)
        if not isinstance(table, dict):
            continue
        missing = [p for p in PRODUCTS if p not in table]
        if missing:
            doc.problems.append(doc.locate(path, "E101", f"{'.'.join(path)}: no {what} for {', '.join(missing)}",
                                           at_key=True))


def _check_sector_shares(doc: Document) -> None:
    sectors = _get(doc.data, ("parameters", "industry", "sectors"))
    if not isinstance(sectors, dict):
        return
    for sector, shares in sectors.items():
        if not isinstance(shares, dict) or not all(isinstance(v, int | float) for v in shares.values()):
            continue
        total = sum(shares.values())
        if abs(total - 1.0) > SHARE_TOLERANCE:
            doc.problems.append(doc.locate(("parameters", "industry", "sectors", sector), "E110",
                                           f"parameters.industry.sectors.{sector}: shares sum to {total:.3f}, not 1",
                                           at_key=True))


def _check_unique_ids(doc: Document, key: str) -> None:
    items = doc.data.get(key)
    if not isinstance(items, list):
        return
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        ident = item["id"]
        if ident in seen:
            first = doc.locate((key, seen[ident], "id"), "E120", "")
            doc.problems.append(doc.locate((key, index, "id"), "E120",
                                           f"{key}: id '{ident}' is used twice (first at {first.file}:{first.line})"))
        else:
            seen[ident] = index


def _check_history_sources(doc: Document) -> None:
    history = doc.data.get("history")
    if not isinstance(history, dict):
        return
    for series_id, series in history.items():
        if isinstance(series, dict) and not str(series.get("source", "")).strip():
            doc.problems.append(doc.locate(("history", series_id), "W300",
                                           f"history.{series_id} has no source", at_key=True))


def _listed(doc: Document, key: str) -> list:
    """The items of a list at `key`, or none: `plans:` left empty is null, not a list (the schema
    reports it; the cross-checks must not fall over it)."""
    items = doc.data.get(key)
    return items if isinstance(items, list) else []


def _check_events(doc: Document, first, last, years_known: bool) -> None:
    events = doc.data.get("events")
    if not isinstance(events, list):
        return
    _check_unique_ids(doc, "events")
    event_ids = {e.get("id") for e in events if isinstance(e, dict)}
    project_ids = {p.get("id") for p in _listed(doc, "projects") if isinstance(p, dict)}
    plan_ids = {p.get("id") for p in _listed(doc, "plans") if isinstance(p, dict)}
    flags = flags_of_raw(events)
    statuses = project_names(p for p in project_ids if isinstance(p, str))
    _check_flag_names(doc, events, statuses)
    known = READABLE | flags | statuses
    suggestions = sorted(known)
    formats = template_formats(known)
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            continue
        where = ("events", index)
        _check_event_years(doc, event, where, first, last, years_known)
        for key in ("trigger", "premise"):
            _check_condition(doc, event, where, key, known, suggestions)
        _check_premise_given(doc, event, where)
        _check_event_texts(doc, event, where, formats)
        for c_index, choice in enumerate(event.get("choices") or []):
            if not isinstance(choice, dict):
                continue
            for e_index, effect in enumerate(choice.get("effects") or []):
                if isinstance(effect, dict):
                    _check_effect(doc, effect, (*where, "choices", c_index, "effects", e_index),
                                  event_ids, project_ids, plan_ids)


def _check_condition(doc: Document, event: dict, where: tuple, key: str, known, suggestions) -> None:
    condition = event.get(key)
    if not isinstance(condition, str) or not condition.strip() or (key == "premise" and condition.strip() == ALWAYS):
        return
    try:
        compile_condition(condition, known.__contains__, suggestions)
    except ExprError as exc:
        code = "E121" if exc.message.startswith("unknown name") else "E140"
        doc.problems.append(doc.locate((*where, key), code,
                                       f"event {event.get('id')}: {key}, at character {exc.column}: {exc.message}",
                                       exc.hint))


def _check_premise_given(doc: Document, event: dict, where: tuple) -> None:
    """A dated card should say what its text assumes of the state (W301)."""
    if event.get("when") is not None and event.get("premise") is None:
        doc.problems.append(doc.locate((*where, "id"), "W301",
                                       f"event {event.get('id')} is dated but has no premise: it will appear in its "
                                       f"years whatever the player did"))


def _check_event_texts(doc: Document, event: dict, where: tuple, formats: dict[str, str]) -> None:
    """A card's text, detailed text and forecasts are templates over the conditions' names (E141)."""
    texts = [((*where, key), key, event.get(key)) for key in ("text", "text_detailed")]
    for c_index, choice in enumerate(event.get("choices") or []):
        if isinstance(choice, dict):
            texts.append(((*where, "choices", c_index, "forecast"), f"choice {choice.get('id')}: forecast",
                          choice.get("forecast")))
    for path, what, text in texts:
        if not isinstance(text, str):
            continue
        try:
            compile_template(" ".join(text.split()), formats)
        except TemplateError as exc:
            doc.problems.append(doc.locate(path, "E141", f"event {event.get('id')}: {what}, at character "
                                                         f"{exc.column}: {exc.message}", exc.hint))


def _check_flag_names(doc: Document, events: list, statuses: frozenset[str]) -> None:
    """A flag may not take a name conditions already read: a model variable, or a project's
    status (started_<id>, built_<id>), which would silently win over the flag."""
    for where, kind, flag in _flag_effects(events):
        if flag in READABLE:
            doc.problems.append(doc.locate((*where, kind), "E120", f"{kind}: '{flag}' is the name of a model variable, "
                                                                   f"not a flag an event can raise",
                                           "Give the flag a name of its own, e.g. 'flag_" + flag + "'."))
        elif flag in statuses:
            prefix, project = flag.split("_", 1)
            doc.problems.append(doc.locate((*where, kind), "E120",
                                           f"{kind}: '{flag}' is the name of project {project}'s status, not a flag "
                                           f"(conditions read {flag} as true once {project} is "
                                           f"{'finished' if prefix == 'built' else 'started'})",
                                           f"Did you mean to test the project? A trigger can read {flag} without any "
                                           f"flag. To raise a flag, give it a name of its own, e.g. '{project}_{prefix}_news'."))


def _flag_effects(events: list):
    """(effect path, 'flag' or 'clear_flag', name) for every effect that raises or lowers a flag."""
    for index, event in enumerate(events):
        choices = event.get("choices") if isinstance(event, dict) else None
        for c_index, choice in enumerate(choices if isinstance(choices, list) else []):
            effects = choice.get("effects") if isinstance(choice, dict) else None
            for e_index, effect in enumerate(effects if isinstance(effects, list) else []):
                for kind in ("flag", "clear_flag"):
                    if isinstance(effect, dict) and isinstance(effect.get(kind), str):
                        yield ("events", index, "choices", c_index, "effects", e_index), kind, effect[kind]


def _check_event_years(doc: Document, event: dict, where: tuple, first, last, years_known: bool) -> None:
    when = event.get("when")
    years = [when] if isinstance(when, int) else (
        [when.get("start"), when.get("end")] if isinstance(when, dict) else [])
    # A window may reach past the scenario (shared decks serve shorter lessons) but must touch it.
    if years_known and years and all(isinstance(y, int) for y in years) and (max(years) < first or min(years) > last):
        span = f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[1]}"
        doc.problems.append(doc.locate((*where, "when"), "E130",
                                       f"event {event.get('id')}: {span} lies outside {first}-{last}"))


def _check_effect(doc: Document, effect: dict, where: tuple, events: set, projects: set, plans: set) -> None:
    for kind in ("add", "multiply", "set"):
        for name in (effect.get(kind) or {}) if isinstance(effect.get(kind), dict) else {}:
            if name not in WRITABLE:
                doc.problems.append(doc.locate((*where, kind, name), "E121",
                                               f"{kind}: '{name}' is not a variable an event can change",
                                               did_you_mean(str(name), sorted(WRITABLE)), at_key=True))
    for kind in ("start_project", "cancel_project"):
        if effect.get(kind) is not None and effect[kind] not in projects:
            doc.problems.append(doc.locate((*where, kind), "E121", f"{kind}: unknown project '{effect[kind]}'",
                                           did_you_mean(str(effect[kind]), sorted(p for p in projects if p))))
    target = effect.get("target")
    if isinstance(target, dict) and target.get("plan") not in plans:
        doc.problems.append(doc.locate((*where, "target", "plan"), "E121", f"target: unknown plan '{target.get('plan')}'",
                                       did_you_mean(str(target.get("plan")), sorted(p for p in plans if p))))
    follow = effect.get("follow_up")
    if isinstance(follow, dict) and follow.get("event") not in events:
        doc.problems.append(doc.locate((*where, "follow_up", "event"), "E121",
                                       f"follow_up: unknown event '{follow.get('event')}'",
                                       did_you_mean(str(follow.get("event")), sorted(e for e in events if e))))


def _get(data: object, path: tuple) -> object:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _years(years: list[int]) -> str:
    if len(years) > 3:
        return f"{years[0]}-{years[-1]} ({len(years)} years)"
    return ", ".join(str(y) for y in years)
