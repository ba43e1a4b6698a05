"""Saves, autosave, undo, lesson codes, settings and where they live.

- `paths`: the user data and config folders (platformdirs), or one portable folder (--data-dir).
- `atomic`: atomic file writes that keep the previous file as .bak.
- `playthrough`: a Session that knows its scenario and settings, so it can be saved; undo.
- `saves`: the save format, loading with replay verification, autosave, named slots, the list.
- `lessons`: the short codes a teacher writes on the board.
- `settings`: the settings of one game (classroom, content, undo).

Nothing is imported here, so `game.persist.atomic` loads without pydantic or the scenario code.
"""
