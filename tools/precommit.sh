#!/bin/sh
# Runs one pre-commit hook with the project's own .venv/, so the checks match CI's versions.
# Before `make install` there is no .venv/: say so in one line instead of "executable not found".
if [ ! -x .venv/bin/python ]; then
  echo "pre-commit: the project's checks are not installed yet; run \`make install\` once, then commit again" >&2
  exit 1
fi
tool=$1
shift
exec ".venv/bin/$tool" "$@"
