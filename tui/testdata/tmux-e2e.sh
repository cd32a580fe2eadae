#!/usr/bin/env bash
# End to end: `orgdesign edit` in a real terminal, tmux at 80×24.
#
#   tmux-e2e.sh BINARY DIR
#
# DIR holds a copy of the default scenarios (it is changed). Three sessions:
#   1. open option B, look around, quit: the file is byte-identical and nothing
#      was created beside it;
#   2. edit a staff count, see the headcount change, save, quit: the file
#      changed on that line only;
#   3. edit again and close the terminal: the unsaved text is in
#      FILE.orgdesign-recover, the file untouched.
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
  T new-session -d -s e2e -x 80 -y 24 -e NO_COLOR=1 \
    "cd '$dir' && '$bin' edit $file; echo \"exit \$?\" > '$work/status'"
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
wait_for "undo, redo"
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
echo "PASS"
