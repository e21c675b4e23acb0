#!/usr/bin/env python3
"""Share of public, real Zendesk rule sets that `import-zendesk` imports without loss.

Usage: bench/real-rules-share.py DIR [--jar target/quarkus-app/quarkus-run.jar] [--java java] [--json]

DIR holds one directory per source, each with the JSON of Zendesk's list endpoints as the source's
rules would be returned by the API: triggers.json ({"triggers": [...]}), automations.json, and
optionally trigger_categories.json, webhooks.json and targets.json (GET /api/v2/targets). Every source is imported twice with
`import-zendesk --json`:

  1. as is, with an empty mapping;
  2. with ids mapped: a mapping file naming every id the first report lists under unmappedIds
     (groups, users, custom fields, webhooks, categories, ...) with a made-up name, as a team fills in
     zendesk-mapping.yaml before importing for real.

A rule counts as "imported without loss" as in CorpusImportTest.measuredShareOfTheCorpusImportedWithoutLoss:
status IMPORTED and no warning of a folded channel ("also matches") or of Liquid kept as text
("Liquid tag"). The script prints per-source and total counts (without loss / needs mapping /
unsupported, as is and with ids mapped) and the reasons by frequency, normalised so that the same
construct counts once per rule (values and bodies are left out).
Standard library only.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

RULE_KINDS = ("TRIGGER", "AUTOMATION")
PLACEHOLDER_NAMES = {
    "groups": "group-{id}",
    "users": "user-{id}@example.com",
    "organizations": "org-{id}",
    "custom_fields": "field_{id}",
    "webhooks": "webhook-{id}",
    "categories": "category-{id}",
    "schedules": "schedule-{id}",
    "locales": "en",
}


def without_loss(item):
    return item["status"] == "IMPORTED" and not any(
        "Liquid tag" in w or "also matches" in w for w in item["warnings"])


def run_import(java, jar, source_dir, out_dir, mapping=None):
    cmd = [java, "-jar", jar, "import-zendesk", "--out", out_dir, "--json"]
    for opt, name in (("--triggers", "triggers.json"), ("--automations", "automations.json"),
                      ("--categories", "trigger_categories.json"), ("--webhooks", "webhooks.json"),
                      ("--targets", "targets.json")):
        path = os.path.join(source_dir, name)
        if os.path.isfile(path):
            cmd += [opt, path]
    if mapping:
        cmd += ["--mapping", mapping]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 2):
        raise RuntimeError("import-zendesk failed on %s (exit %d):\n%s%s"
                           % (source_dir, proc.returncode, proc.stdout, proc.stderr))
    out = proc.stdout
    start = out.find("{\n")
    if start < 0:
        raise RuntimeError("no JSON report for %s:\n%s" % (source_dir, out))
    report, _ = json.JSONDecoder().raw_decode(out[start:])
    return report


def write_mapping(unmapped_ids, path):
    sections = collections.OrderedDict()
    for entry in unmapped_ids:
        kind, _, zid = entry.partition(" ")
        sections.setdefault(kind, []).append(zid)
    with open(path, "w") as f:
        for kind, ids in sections.items():
            f.write(kind + ":\n")
            for zid in ids:
                name = PLACEHOLDER_NAMES.get(kind, kind + "-{id}").format(id=zid)
                f.write('  "%s": "%s"\n' % (zid, name))


_DECODER = json.JSONDecoder()


def reason_key(reason):
    """'condition via_id is 75: why' -> 'condition via_id is: why', values and bodies left out."""
    m = re.match(r"(condition|action) (\S+) (?:(\S+) )?", reason)
    if not m:
        return re.sub(r"\d{3,}", "N", reason)
    kind, field = m.group(1), m.group(2)
    rest = reason[len(kind) + 1 + len(field) + 1:]
    op = ""
    if kind == "condition":
        op, _, rest = rest.partition(" ")
    try:
        _, end = _DECODER.raw_decode(rest)
        rest = rest[end:]
    except ValueError:
        rest = rest[rest.find(":"):] if ":" in rest else rest
    rest = re.sub(r"^ (?:body )?line \d+", " body", rest)
    rest = re.sub(r"\d{3,}", "N", rest)
    rest = re.sub(r'"[^"]*"', '"…"', rest) if "not in Handoff" not in rest and "is not supported" not in rest else rest
    field = re.sub(r"\d{3,}", "N", field)
    return ("%s %s %s%s" % (kind, field, op, rest)).replace("  ", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--jar", default="target/quarkus-app/quarkus-run.jar")
    ap.add_argument("--java", default="java")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()

    sources = sorted(d for d in os.listdir(args.dir)
                     if os.path.isdir(os.path.join(args.dir, d))
                     and any(os.path.isfile(os.path.join(args.dir, d, f)) for f in ("triggers.json", "automations.json")))
    totals = {p: collections.Counter() for p in ("as_is", "mapped")}
    reasons = {p: collections.Counter() for p in ("as_is", "mapped")}
    examples = {}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sources:
            src = os.path.join(args.dir, name)
            counts = {}
            first = run_import(args.java, args.jar, src, os.path.join(tmp, name, "as-is"))
            mapping = os.path.join(tmp, name, "mapping.yaml")
            write_mapping(first["unmappedIds"], mapping)
            second = run_import(args.java, args.jar, src, os.path.join(tmp, name, "mapped"), mapping)
            for phase, report in (("as_is", first), ("mapped", second)):
                c = collections.Counter()
                for item in report["items"]:
                    if item["kind"] not in RULE_KINDS:
                        continue
                    kind = item["kind"].lower()
                    c[kind] += 1
                    state = "ok" if without_loss(item) else item["status"].lower()
                    c[state] += 1
                    c[kind + "_" + state] += 1
                    for key in sorted({reason_key(r) for r in item["reasons"]}
                                      | {reason_key(w) for w in item["warnings"]
                                         if "Liquid tag" in w or "also matches" in w}):
                        reasons[phase][key] += 1
                        examples.setdefault(key, "%s: %s" % (name, item["title"]))
                counts[phase] = c
                totals[phase].update(c)
            rows.append((name, counts))

    def fmt(c):
        rules = c["trigger"] + c["automation"]
        share = 100.0 * c["ok"] / rules if rules else 0.0
        return "%3d/%-3d %5.1f %%  (needs mapping %d, unsupported %d, imported with loss %d)" % (
            c["ok"], rules, share, c["needs_mapping"], c["unsupported"], c["imported"])

    print("Without loss, as is | with ids mapped, per source:")
    for name, counts in rows:
        print("  %-55s %s | %s" % (name, fmt(counts["as_is"]), fmt(counts["mapped"])))
    for phase, label in (("as_is", "as is"), ("mapped", "with ids mapped")):
        c = totals[phase]
        print("\nTotal %s: %s" % (label, fmt(c)))
        print("  triggers %d/%d, automations %d/%d, sources %d" % (
            c["trigger_ok"], c["trigger"], c["automation_ok"], c["automation"], len(rows)))
    for phase, label in (("as_is", "as is"), ("mapped", "with ids mapped")):
        print("\nReasons %s (rules, by frequency):" % label)
        for key, n in reasons[phase].most_common():
            print("  %3d  %s   [e.g. %s]" % (n, key, examples[key]))
    if args.json:
        print(json.dumps({"totals": totals, "reasons": reasons,
                          "sources": {n: c for n, c in rows}}, indent=2, default=dict))


if __name__ == "__main__":
    sys.exit(main())
