# Sourced by the command-line tests. Expects $bin (the binary) and $work (a scratch folder), and
# counts into $passes and $failures.
#
# check NAME EXPECTED_EXIT EXPECTED_MESSAGE_PART -- ARGS...: run `$bin ARGS -o FILE`; it passes
# when it exits EXPECTED_EXIT with one stderr line holding EXPECTED_MESSAGE_PART and writes no FILE.
check() {
  local name=$1 want=$2 part=$3
  shift 4
  local out="$work/out.txt"
  rm -f "$out"
  "$bin" "$@" -o "$out" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  local lines
  lines=$(wc -l <"$work/stderr")
  if [[ $got -ne $want ]] || ! grep -qF -- "$part" "$work/stderr" || [[ $lines -ne 1 ]] || [[ -e $out ]]; then
    echo "FAIL $name: exit $got (want $want), $lines stderr line(s), output file $( [[ -e $out ]] && echo exists || echo absent):"
    head -c 600 "$work/stderr"
    failures=$((failures + 1))
  else
    passes=$((passes + 1))
  fi
}
