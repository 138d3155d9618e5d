#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (docs/fuzzing.md) into tests/fuzz/corpus/<harness>/
from the repository's own test data: the manifests of tests/data and resources/examples, and the
string literals of each parser's unit test tables. Run once, then tests/fuzz/run.sh minimizes the
corpora with -merge=1; running it again only adds files (named by content hash)."""
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
MAX_SEED = 64 * 1024


def put(harness, data):
    if isinstance(data, str):
        data = data.encode()
    if not data or len(data) > MAX_SEED:
        return
    folder = os.path.join(HERE, "corpus", harness)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def manifests():
    for top in ("tests/data", "resources/examples"):
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            for f in sorted(files):
                if f.endswith((".yaml", ".yml", ".json")):
                    with open(os.path.join(folder, f), "rb") as fh:
                        yield fh.read()


LITERAL = re.compile(r'R"\((.*?)\)"|"((?:[^"\\\n]|\\.)*)"', re.S)


def literals(test):
    """The string literals of a unit test (C++ escapes \\n \\t \\" \\\\ undone)."""
    with open(os.path.join(ROOT, "tests", test), encoding="utf-8") as fh:
        text = fh.read()
    for raw, plain in LITERAL.findall(text):
        if raw:
            yield raw
        elif plain:
            yield re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(
                m.group(1), m.group(1)), plain)


def main():
    # fuzz_manifestloader, _preview, _jsonyaml and _scheduleprofile read tests/data and
    # resources/examples themselves (run.sh passes them as seed folders): nothing to copy.
    docs = list(manifests())
    for d in docs:
        if len(d) <= 2000:
            # yamledit: the manifest, then (object, set/remove, path steps), then a value.
            put("fuzz_yamledit", d + b"\0" + bytes([len(d) % 3, len(d) % 2, 1, 2, 0]) +
                b"\0\"enforce\"")
    for s in literals("core/kube/tst_quantity.cpp"):
        put("fuzz_quantity", s)
    for t in ("core/kube/tst_labelselector.cpp", "core/kube/tst_selectorparser.cpp"):
        for s in literals(t):
            put("fuzz_selectors", s)
    for s in ("status.phase=Running", "metadata.name!=x,spec.nodeName==n1", "a\\,b=c"):
        put("fuzz_selectors", s)
    for s in literals("core/kube/tst_imagereference.cpp"):
        put("fuzz_imagereference", s)
    for s in literals("core/kube/tst_jsonyaml.cpp"):
        put("fuzz_jsonyaml", s)
    for s in literals("core/kube/tst_manifestlimits.cpp"):
        if "\n" in s:
            put("fuzz_manifestloader", s)
    hostile = os.path.join(ROOT, "tests/data/hostile")
    for f in sorted(os.listdir(hostile)):
        if f.endswith(".yaml"):
            with open(os.path.join(hostile, f), "rb") as fh:
                put("fuzz_kubeconfig", fh.read())
    for t in ("core/kube/tst_kubeconfig.cpp", "core/kube/tst_kubeconfigview.cpp"):
        for s in literals(t):
            for part in re.split(r"^=== .*$", s, flags=re.M):
                if ":" in part:
                    put("fuzz_kubeconfig", part.lstrip("\n"))
    for t in ("core/kube/tst_execcredentialprovider.cpp", "core/kube/tst_execpluginlaunch.cpp"):
        for s in literals(t):
            if "ExecCredential" in s or "{" in s:
                for v in range(4):
                    put("fuzz_execcredential", bytes([v]) + s.encode())
    for s in literals("core/kube/tst_execstatus.cpp"):
        if "{" in s:
            put("fuzz_apistatus", bytes([1, 144]) + s.encode())  # 100 + 400
            put("fuzz_execframing", b"\x03" + s.encode())
    for s in literals("core/sandbox/node/tst_execshell.cpp"):
        put("fuzz_execframing", b"\x00" + s.encode())
    put("fuzz_execframing", b'\x04{"Width":80,"Height":24}\0\x00stty size\0\xffexit')
    for s in literals("core/kube/tst_watchstream.cpp"):
        if '"type"' in s:
            put("fuzz_watchstream", bytes([3, 5, 17, 40]) + s.encode())
    for t in ("core/sandbox/store/tst_jsonpatch.cpp", "core/sandbox/store/tst_strategicpatch.cpp"):
        bodies = [s for s in literals(t) if s.lstrip().startswith(("{", "["))]
        for i, b in enumerate(bodies):
            doc = bodies[i - 1] if i else "{}"
            put("fuzz_patch", bytes([i % 24]) + b"\0" + doc.encode() + b"\0" + b.encode())
    protobuf = os.path.join(ROOT, "tests/data/kubectl-protobuf")
    for f in sorted(os.listdir(protobuf)):
        if f.endswith(".pb"):
            with open(os.path.join(protobuf, f), "rb") as fh:
                put("fuzz_k8sprotobuf", fh.read())
    targets = set()
    for t in os.listdir(os.path.join(ROOT, "tests/core/sandbox/apiserver")):
        if t.endswith(".cpp"):
            for s in literals("core/sandbox/apiserver/" + t):
                if s.startswith(("/api", "/apis", "/version", "/openapi")):
                    targets.add(s)
    bodies = [d for d in docs if len(d) < 4096][:20]
    for i, target in enumerate(sorted(targets)):
        method = bytes([i % 7])
        body = bodies[i % len(bodies)] if method in (b"\x01", b"\x02", b"\x03") else b""
        headers = b"Content-Type: application/yaml" if body else b"Accept: application/json"
        put("fuzz_apirouter", method + b"\0" + target.encode() + b"\0" + headers + b"\0" + body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
