#!/usr/bin/env bash
# End to end: `orgdesign edit` in a real terminal, tmux at 80×24.
#
#   tmux-e2e.sh BINARY DIR
#
# DIR holds a copy of the default scenarios (it is changed). Six sessions:
#   1. open option B, look around, quit: the file is byte-identical and nothing
#      was created beside it;
#   2. edit a staff count, see the headcount change, save, quit: the file
#      changed on that line only;
#   3. edit again and close the terminal: the unsaved text is in
#      FILE.orgdesign-recover, the file untouched;
#   4. a pick-list: the highlight follows the filter, enter takes the row
#      highlighted; a unit's first staff line; renaming a unit that overrides
#      an inherited one asks, then adds the old id to remove:; saving a text
#      with errors saves it and says so;
#   5. a conflict on save: the file changed on disk meanwhile; the lines that
#      differ are shown, esc writes nothing, o keeps this text;
#   6. the language of the locale (LANG=fr_FR.UTF-8): French words.
# Prints what it checks; exits non-zero with the screen on the first failure.
set -euo pipefail

bin=$1
dir=$2
file=anas-deconcentree.yaml
work=$(mktemp -d)
sock="orgdesign-e2e-$$"
T() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

screen() { T capture-pane -p -t e2e 2>/dev/null || true; }

fail() {
  echo "FAIL: $*"
  echo "---- screen ----"
  screen
  exit 1
}

# wait_for TEXT: until the screen shows TEXT (5 s at most).
wait_for() {
  for _ in $(seq 1 100); do
    if screen | grep -qF -- "$1"; then
      echo "ok: the screen shows '$1'"
      return 0
    fi
    sleep 0.05
  done
  fail "the screen does not show '$1'"
}

# wait_re REGEXP: the same with an extended regular expression.
wait_re() {
  for _ in $(seq 1 100); do
    if screen | grep -qE -- "$1"; then
      echo "ok: the screen matches '$1'"
      return 0
    fi
    sleep 0.05
  done
  fail "the screen does not match '$1'"
}

# wait_exit: until the editor has quit and its session is gone.
wait_exit() {
  for _ in $(seq 1 100); do
    T has-session -t e2e 2>/dev/null || { echo "ok: the editor quit ($(cat "$work/status"))"; return 0; }
    sleep 0.05
  done
  fail "the editor did not quit"
}

start() {
  T new-session -d -s e2e -x 80 -y 24 -e NO_COLOR=1 -e LANG=C.UTF-8 \
    "cd '$dir' && '$bin' edit --lang en $file; echo \"exit \$?\" > '$work/status'"
}

# wait_styled REGEXP: until the screen with its styles (SGR sequences, ESC
# written \e) matches the extended regular expression.
wait_styled() {
  for _ in $(seq 1 100); do
    if T capture-pane -e -p -t e2e 2>/dev/null | sed 's/\x1b/\\e/g' | grep -qE -- "$1"; then
      echo "ok: the styled screen matches '$1'"
      return 0
    fi
    sleep 0.05
  done
  T capture-pane -e -p -t e2e | sed 's/\x1b/\\e/g'
  fail "the styled screen does not match '$1'"
}

keys() { T send-keys -t e2e "$@"; }

cp "$dir/$file" "$work/before.yaml"
ls -A "$dir" > "$work/files-before"

# 1. Open, look around, quit: nothing changes.
start
wait_for "842 staff"
wait_for "Délégation rég… ×12"
wait_for "1 Units  2 RACI"
keys '?'
wait_for "move up in the list or the fields"
keys PgDn
wait_re "ctrl\+s +save \(only the edited lines change"
keys q
keys Down Down Right 2 5 6 1 Tab
keys q
wait_exit
grep -qx "exit 0" "$work/status" || fail "exit status: $(cat "$work/status")"
cmp -s "$dir/$file" "$work/before.yaml" || fail "the file changed though nothing was edited"
ls -A "$dir" | diff "$work/files-before" - || fail "files appeared beside the scenario"
echo "ok: file byte-identical, nothing created beside it"

# 2. Edit a count, save, quit.
start
wait_for "842 staff"
keys / dir-prestations Enter Tab
for _ in $(seq 1 9); do keys Down; done
keys Enter
wait_for "editing dir-prestations staff 1 count"
keys BSpace 2 0 Enter
wait_for "861 staff +19"
wait_for "modified"
# wider: the tree has room for whole names; back to 80×24: cut again
T resize-window -t e2e -x 120 -y 40
wait_re "^      Direction des prestations +45│"
[ "$(screen | wc -l)" = 40 ] || fail "not redrawn on 40 lines"
T resize-window -t e2e -x 80 -y 24
wait_re "^      Direction des prestati… 45│"
keys C-s
wait_for "saved"
keys q
wait_exit
grep -qx "exit 0" "$work/status" || fail "exit status: $(cat "$work/status")"
changed=$(diff "$work/before.yaml" "$dir/$file" | grep -c '^>' || true)
[ "$changed" = 1 ] || fail "$changed lines changed, want 1"
grep -qF -- "- { profile: cadre-dirigeant, count: 20 }" "$dir/$file" || fail "the new count is not in the file"
ls -A "$dir" | diff "$work/files-before" - || fail "files appeared beside the scenario"
echo "ok: saved, one line changed"

# 3. The terminal goes away (an SSH connection drops) with unsaved changes:
#    the text is written to FILE.orgdesign-recover, the file is left alone.
cp "$dir/$file" "$work/saved.yaml"
start
wait_for "861 staff"
keys / antenne Enter Tab
for _ in $(seq 1 13); do keys Down; done
keys Enter
wait_for "editing antenne staff 1 count"
keys BSpace 3 Enter
wait_for "modified"
T kill-session -t e2e
for _ in $(seq 1 100); do [ -s "$dir/$file.orgdesign-recover" ] && break; sleep 0.05; done
[ -s "$dir/$file.orgdesign-recover" ] || fail "no recovery file after the terminal was closed"
cmp -s "$dir/$file" "$work/saved.yaml" || fail "the file changed though it was not saved"
changed=$(diff "$dir/$file" "$dir/$file.orgdesign-recover" | grep -c '^>' || true)
[ "$changed" = 1 ] || fail "the recovery file differs on $changed lines, want 1"
grep -qF -- "- { profile: cadre, count: 3 }" "$dir/$file.orgdesign-recover" || fail "the recovery file lacks the edit"
echo "ok: the unsaved edit is in $file.orgdesign-recover"
rm "$dir/$file.orgdesign-recover"

# 4. A pick-list, a first staff line, the rename of an override, a save with errors.
start
wait_for "861 staff"
keys / div-recours Enter m
wait_for "choose div-recours reportsTo"
wait_styled '│ \\e\[7mdg ' # opened on the current value
keys p r e s t
wait_for "filter prest"
wait_styled '│ \\e\[7mdir-prestations ' # the best match, highlighted
keys Enter
wait_for "div-recours now reports to dir-prestations"
keys a p o l e - x Enter
wait_for "unit pole-x added"
keys Tab End Up
wait_re "staff +— \(a adds the first\)"
keys a g e s t i o n n Enter
wait_for "staff line gestionnaire added"
wait_for "862 staff +1"
keys Escape / dir-prestations Enter Tab Enter
wait_for "editing dir-prestations id"
for _ in $(seq 1 15); do keys BSpace; done
keys d i r - p r e s t Enter
wait_for "overrides the unit inherited from common.yaml"
wait_for "(y/n)"
keys y
wait_for "dir-prestations added to remove:"
wait_for "⚠ stale"
keys C-s
wait_for "with 17 errors: work in progress may be"
tail -n 2 "$dir/$file" | diff - <(printf 'remove:\n  - dir-prestations\n') || fail "remove: is not at the end of the file"
grep -qF -- "reportsTo: dir-prestations" "$dir/$file" && fail "the rename left a reference"
grep -qF -- "- { profile: gestionnaire, count: 1 }" "$dir/$file" || fail "the first staff line is not in the file"
keys q
wait_exit
echo "ok: pick-list, first staff line, rename of an override, saved with errors"

# 5. A conflict on save: the file changes on disk while it is edited.
start
wait_for "errors"
keys / pole-x Enter Tab
keys Down Enter
wait_for "editing pole-x name"
keys " bis" Enter
wait_for "modified"
sed -i 's/^  year: 2029$/  year: 2030/' "$dir/$file"
cp "$dir/$file" "$work/theirs.yaml"
keys C-s
wait_for "changed on disk since it was read: not overwritten"
wait_re "^ - +[0-9]+ │   year: 2030"
wait_re "^ \+ +[0-9]+ │   year: 2029"
wait_re "^ \+ +[0-9]+ │     name: New unit bis"
keys Escape
wait_for "not saved: the file on disk is unchanged"
cmp -s "$dir/$file" "$work/theirs.yaml" || fail "esc wrote the file"
keys C-s
wait_for "o keep mine"
keys o
wait_for "saved anas-deconcentree.yaml"
grep -qx "  year: 2029" "$dir/$file" || fail "o did not write this text"
grep -qx "    name: New unit bis" "$dir/$file" || fail "o did not write the edit"
keys q
wait_exit
echo "ok: the conflict showed both versions' lines; esc kept the file, o wrote this text"

# 6. The locale's language.
T new-session -d -s e2e -x 80 -y 24 -e NO_COLOR=1 -e LANG=fr_FR.UTF-8 \
  "cd '$dir' && '$bin' edit $file; echo \"exit \$?\" > '$work/status'"
wait_re "1 Unités +2 RACI"
wait_for "agents"
wait_for "q quitter"
keys q
wait_exit
echo "PASS"
