#!/usr/bin/env bash
# A normal install, as a user without the source tree gets it: build the wheel (`pip wheel .`,
# the project's build backend in an isolated build environment), install it in a fresh virtual
# environment, and from a folder outside the source tree check that the installed game works:
# --help, a headless game, validating the installed scenarios, and the window's first frame
# (SDL's dummy driver).
#
#   bash tools/wheel_smoke.sh            # build the wheel from this checkout, then check it
#   bash tools/wheel_smoke.sh FILE.whl   # check a wheel built elsewhere
set -euo pipefail
source_tree="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

say() { printf 'wheel smoke: %s\n' "$*"; }
fail() { printf 'wheel smoke: FAILED: %s\n' "$*" >&2; exit 1; }

if [ $# -ge 1 ]; then
    wheel="$1"
else
    say "building the wheel"
    "$python" -m pip wheel "$source_tree" --no-deps --quiet -w "$work/dist"
    wheel="$(ls "$work"/dist/pyatiletka-*.whl)"
fi
say "installing $(basename "$wheel") in a fresh virtual environment"
"$python" -m venv "$work/venv"
venv_python="$work/venv/bin/python"
"$venv_python" -m pip install --quiet --upgrade pip
"$venv_python" -m pip install --quiet "$wheel"
pyatiletka="$work/venv/bin/pyatiletka"

# Outside the source tree, with nothing of the user's: no display, no sound, private folders.
mkdir -p "$work/outside"
cd "$work/outside"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1
export XDG_DATA_HOME="$work/xdg/data" XDG_CONFIG_HOME="$work/xdg/config"
unset PYTHONPATH

installed="$("$venv_python" -c 'import game; print(game.__file__)')"
case "$installed" in
    "$work/venv/"*) say "the game is imported from the installed wheel: $installed" ;;
    *) fail "the game is imported from $installed, not from the installed wheel" ;;
esac

"$pyatiletka" --help > help.txt || fail "pyatiletka --help"
grep -q "simulate" help.txt || fail "pyatiletka --help does not list simulate"
say "pyatiletka --help: ok"

"$pyatiletka" --data-dir "$work/data" simulate --scenario great_turn --json out.json > /dev/null \
    || fail "pyatiletka simulate --scenario great_turn --json out.json"
years="$("$venv_python" -c 'import json; print(len(json.load(open("out.json"))["years"]))')"
[ "$years" = 14 ] || fail "simulate played $years years, not 14"
say "pyatiletka simulate --scenario great_turn: 14 years"

scenarios="$("$venv_python" -c 'from game.resources import scenarios_dir; print(scenarios_dir())')"
case "$scenarios" in
    "$work/venv/"*) ;;
    *) fail "the installed game reads its scenarios from $scenarios, not from the wheel" ;;
esac
"$pyatiletka" validate "$scenarios" > validate.txt || { cat validate.txt; fail "pyatiletka validate $scenarios"; }
say "pyatiletka validate <installed scenarios>: $(tail -n 1 validate.txt)"

frame="$("$venv_python" -c "from game.ui.bench_ui import first_frame_probe; first_frame_probe()")"
[ "$(printf '%s\n' "$frame" | tail -n 1)" = ready ] || fail "the window's first frame (got: $frame)"
say "the window's first frame (SDL dummy driver): ready"
say "all passed"
