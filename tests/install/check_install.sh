#!/bin/sh
# `cmake --install` into a fresh prefix, then use what it put there as a user would, from
# outside the source and build trees:
#   - the C++ example (examples/cpp/) configured with find_package(corridor), built and run;
#   - the installed corridor binary, whose default scenario must come from PREFIX/share;
#   - the installed Python module, from PREFIX's site directory, when it was built.
# Usage: check_install.sh BUILD_DIR SOURCE_DIR WORK_DIR [PYTHON]
set -eu
build=$1 source=$2 work=$3 python=${4:-}
rm -rf "$work"
mkdir -p "$work"
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > "$work/install.log"

cmake -S "$source/examples/cpp" -B "$work/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" > "$work/example-configure.log"
cmake --build "$work/example" > "$work/example-build.log"
"$work/example/one_berth"

# Nothing below may reach into the source or build tree.
cd "$work"
help=$("$prefix/bin/corridor" run --help)
case "$help" in
  *"$prefix/share/corridor/scenarios/middle-corridor-2025.yaml"*) ;;
  *) echo "installed corridor does not name its own default scenario:" >&2
     echo "$help" >&2
     exit 1 ;;
esac
"$prefix/bin/corridor" run --quiet --json "$work/run.json"
grep -q '"corridor.run/1"' "$work/run.json"

if [ -n "$python" ]; then
  PYTHONPATH="$prefix/lib/python3/dist-packages" "$python" -c "
import corridor, sys
path = corridor.default_scenario_path()
assert path.startswith('$prefix/share/corridor/'), path
assert corridor.__file__.startswith('$prefix/'), corridor.__file__
print('installed module runs', corridor.load().name)
"
fi
echo "install check: ok"
