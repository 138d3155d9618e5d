#!/usr/bin/env python3
"""Writes the protobuf schema burst-sandbox decodes request bodies with.

kubectl 1.33 and later sends the bodies of built-in types as Kubernetes protobuf
(Content-Type: application/vnd.kubernetes.protobuf). This script reads the
generated.proto files of k8s.io/api and k8s.io/apimachinery (field numbers and
types) and the Go types beside them (which JSON name a field has, whether it is
a pointer, whether its JSON tag says omitempty), and writes one small text file:

    G <apiVersion> <proto package>          a group version and where its messages are
    M <message>                             a message, then its fields:
    F <number> <json name> <kind> <type> <flags>
        kind  s: scalar (type string, int32, int64, bool, bytes)
              m: message (type: the message's full name)
              M: map (type: key,value; value a scalar or a message)
        flags r repeated, p a Go pointer (a zero on the wire is kept),
              o omitempty (a zero of a non-pointer scalar is left out),
              i inline (an embedded struct: its fields go into the parent), - none

Usage: scripts/k8s-protobuf-schema.py API_REPO APIMACHINERY_REPO > OUT
where each repository is a git directory (read at HEAD) of
https://github.com/kubernetes/api and https://github.com/kubernetes/apimachinery.
"""
import re
import subprocess
import sys

API_DIRS = {  # directory in k8s.io/api -> apiVersion
    "core/v1": "v1",
    "apps/v1": "apps/v1",
    "batch/v1": "batch/v1",
    "authorization/v1": "authorization.k8s.io/v1",
    "authentication/v1": "authentication.k8s.io/v1",
    "policy/v1": "policy/v1",
}
MACHINERY_DIRS = {
    "pkg/apis/meta/v1": "meta.k8s.io/v1",
    "pkg/api/resource": None,
    "pkg/runtime": None,
    "pkg/runtime/schema": None,
    "pkg/util/intstr": None,
}


def git(repo, *args):
    return subprocess.run(["git", "--git-dir", repo, *args], check=True,
                          capture_output=True, text=True).stdout


def files(repo, directory):
    names = git(repo, "ls-tree", "--name-only", "HEAD", directory + "/").split()
    return names


def strip_comments(text):
    return re.sub(r"//[^\n]*", "", text)


FIELD = re.compile(r"^\s*(optional|repeated|required)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)")
MAP = re.compile(r"^\s*map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)")
SCALARS = {"string", "int32", "int64", "bool", "bytes", "double", "float", "uint32",
           "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64"}


def parse_proto(text):
    package = re.search(r"^package\s+([\w.]+);", text, re.M).group(1)
    messages = {}
    current = None
    depth = 0
    for line in strip_comments(text).splitlines():
        m = re.match(r"^\s*message\s+(\w+)\s*\{", line)
        if m and depth == 0:
            current = m.group(1)
            messages[current] = []
            depth = 1
            continue
        if current is None:
            continue
        depth += line.count("{") - line.count("}")
        if depth <= 0:
            current = None
            depth = 0
            continue
        f = FIELD.match(line)
        if f:
            messages[current].append(("field", f.group(1), f.group(2), f.group(3), int(f.group(4))))
            continue
        f = MAP.match(line)
        if f:
            messages[current].append(("map", f.group(1), f.group(2), f.group(3), int(f.group(4))))
    return package, messages


GOFIELD = re.compile(r'^\s*(?:\w+\s+)?(\*?)(?:\[\]|map\[[^\]]+\])?[\w.*\[\]]+\s+`json:"([^"]*)"[^`]*protobuf:"([^"]*)"')


def parse_go(text):
    """struct -> proto field name -> (json name, pointer, omitempty, inline)"""
    structs = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^type\s+(\w+)\s+struct\s*\{", line)
        if m:
            current = m.group(1)
            structs[current] = {}
            continue
        if current and re.match(r"^\}", line):
            current = None
            continue
        if not current:
            continue
        # An embedded struct with no JSON name: encoding/json writes its fields into the parent.
        inline = re.match(r'^\s*\*?([\w.]+)\s+`json:"(,inline)?"\s+protobuf:"([^"]*)"', line)
        if inline:
            type_name = inline.group(1).split(".")[-1]
            named = re.search(r"name=(\w+)", inline.group(3))
            proto_name = named.group(1) if named else type_name[0].lower() + type_name[1:]
            structs[current][proto_name] = (proto_name, False, False, True)
            continue
        f = GOFIELD.match(line)
        if not f:
            continue
        pointer, json_tag, proto_tag = f.groups()
        name = re.search(r"name=(\w+)", proto_tag)
        if not name:
            continue
        parts = json_tag.split(",")
        structs[current][name.group(1)] = (parts[0] or name.group(1), pointer == "*",
                                           "omitempty" in parts[1:], False)
    return structs


def resolve(type_name, package):
    if type_name in SCALARS:
        return "s", type_name
    if type_name.startswith("."):
        return "m", type_name[1:]
    return "m", package + "." + type_name


def main():
    api, machinery = sys.argv[1], sys.argv[2]
    out = ["# Generated by scripts/k8s-protobuf-schema.py from k8s.io/api " +
           git(api, "rev-parse", "HEAD").strip() + " and k8s.io/apimachinery " +
           git(machinery, "rev-parse", "HEAD").strip() + " (Apache-2.0)."]
    for repo, dirs in ((api, API_DIRS), (machinery, MACHINERY_DIRS)):
        for directory, api_version in dirs.items():
            package, messages = parse_proto(git(repo, "show", "HEAD:" + directory + "/generated.proto"))
            structs = {}
            for name in files(repo, directory):
                if name.endswith(".go") and not name.endswith("_test.go") and "generated" not in name:
                    structs.update(parse_go(git(repo, "show", "HEAD:" + name)))
            if api_version:
                out.append("G %s %s" % (api_version, package))
            for message, fields in sorted(messages.items()):
                out.append("M %s.%s" % (package, message))
                go = structs.get(message, {})
                for kind, label_or_key, type_name, name, number in fields:
                    json_name, pointer, omitempty, inline = go.get(name, (name, False, True, False))
                    if kind == "map":
                        value_kind, value = resolve(type_name, package)
                        key = label_or_key
                        entry = ("M", key + "," + value)
                        flags = ""
                    else:
                        entry = resolve(type_name, package)
                        flags = "r" if label_or_key == "repeated" else ""
                    flags += ("p" if pointer else "") + ("o" if omitempty else "") + ("i" if inline else "")
                    out.append("F %d %s %s %s %s" % (number, json_name, entry[0], entry[1], flags or "-"))
    print("\n".join(out))


if __name__ == "__main__":
    main()
