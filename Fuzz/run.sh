#!/usr/bin/env bash
# The parsers under libFuzzer (with AddressSanitizer): builds one fuzzer per target in
# Fuzz/Targets, runs each for SECONDS (default 60) from its seed corpus in Fuzz/Corpus, two
# at a time, and prints executions per target. A crash keeps its input in the work folder,
# prints the reproducer command and fails the run.
#
#   Fuzz/run.sh [SECONDS] [TARGET…]
#
# Needs the package built once (`swift build`): the channel parsers link the swift-crypto
# objects SwiftPM built.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
seconds="${1:-60}"
shift || true
out="${RAPPORT_FUZZ_BUILD:-$root/.build/fuzz}"
mkdir -p "$out/lib" "$out/bin"
bin="$(swift build --show-bin-path)"
checkouts="$root/.build/checkouts"
# -num-threads spreads a module's code generation over the cores; lld links a fuzzer in about a
# second where the default linker takes about twenty.
flags=(-swift-version 6 -parse-as-library -sanitize=fuzzer,address -Onone -wmo -num-threads "$(nproc)" -enable-testing -I "$out/lib" -I "$bin/Modules"
       -Xcc -fmodule-map-file="$checkouts/swift-crypto/Sources/CCryptoBoringSSL/include/module.modulemap"
       -Xcc -fmodule-map-file="$checkouts/swift-crypto/Sources/CCryptoBoringSSLShims/include/module.modulemap")

library() {  # name, sources…
  local name="$1"; shift
  swiftc "${flags[@]}" -module-name "$name" -emit-module -emit-library -static -o "$out/lib/lib$name.a" "$@" 2>&1 \
    | grep -v "warning: Cannot export local symbol" || true
  [ -f "$out/lib/lib$name.a" ] || { echo "building $name failed"; exit 1; }
}

echo "== building the parsers with coverage and AddressSanitizer"
rm -f "$out"/lib/*.a
library RapportLearning $(find Sources/RapportLearning -name '*.swift')
library RapportCore $(find Sources/RapportCore -name '*.swift')
# The channel parsers only: the senders and SMTP client need NIO, which has no parser to fuzz.
library RapportChannels Sources/RapportChannels/Email/{Charsets,EmailAddress,EncodedWords,HeaderParameters,HeaderText,InboundEmail,InboundEmailForm,MIMEParser,MIMEPart,ReplyText,TransferEncoding}.swift \
  Sources/RapportChannels/Messaging/*.swift
crypto_objects=$(find "$bin"/Crypto.build "$bin"/CryptoBoringWrapper.build "$bin"/CCryptoBoringSSL.build "$bin"/CCryptoBoringSSLShims.build -name '*.o')

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=($(ls Fuzz/Targets | sed 's/\.swift$//'))
for target in "${targets[@]}"; do
  swiftc "${flags[@]}" -use-ld=lld -module-name "Fuzz$target" -o "$out/bin/$target" -L "$out/lib" \
    -lRapportChannels -lRapportCore -lRapportLearning $crypto_objects \
    "Fuzz/Targets/$target.swift" Fuzz/Support/*.swift 2>&1 | grep -v "warning: Cannot export local symbol" || true
  [ -x "$out/bin/$target" ] || { echo "building fuzzer $target failed"; exit 1; }
done

echo "== fuzzing ${#targets[@]} parsers for ${seconds} s each"
work="$(mktemp -d /tmp/rapport-fuzz.XXXXXX)"
run_one() {
  local target="$1" corpus="$work/$1/corpus"
  mkdir -p "$corpus" "$work/$1/crashes"
  cp Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
  "$out/bin/$target" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/$1/crashes/" >"$work/$1/log" 2>&1
}
export -f run_one
# Swift's own crash reporter would trip AddressSanitizer while it walks the stack.
export out work seconds SWIFT_BACKTRACE=enable=no
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c 'run_one {} || true'

failed=0
printf '%-16s %12s %10s %8s %8s  %s\n' target executions "per s" edges corpus result
for target in "${targets[@]}"; do
  log="$work/$target/log"
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  edges=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || echo 0)
  units=$(ls "$work/$target/corpus" | wc -l)
  crash=$(ls "$work/$target/crashes" 2>/dev/null | head -n 1)
  if [ -n "$crash" ]; then
    failed=1
    printf '%-16s %12s %10s %8s %8s  %s\n' "$target" "$runs" "$rate" "$edges" "$units" "CRASH"
    grep -m 3 -E 'broken promise|Fatal error|ERROR: AddressSanitizer|SUMMARY' "$log" || tail -n 20 "$log"
    echo "   reproduce: $out/bin/$target $work/$target/crashes/$crash"
  else
    printf '%-16s %12s %10s %8s %8s  %s\n' "$target" "$runs" "$rate" "$edges" "$units" "ok"
  fi
done
exit $failed
