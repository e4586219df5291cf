#!/usr/bin/env python3
"""Scores mtcheck against human error annotations and against clean German text.

    scripts/evaluate.py [--bin target/release/mtcheck] [--mqm FILE.tsv]... [--clean PATH]...

--mqm   MQM annotations as TSV with the columns
        system doc doc_id seg_id rater source target category severity comment
        (one row per marked error, the span wrapped in <v>...</v> inside `target`; rows with
        category No-error mark segments without errors). Every distinct MT target is checked
        once, one segment per line (`check --segments lines`). A finding is correct when its
        character span overlaps a span a human marked in the same segment. Printed: span
        precision per rule and per mtcheck category (with the share whose human category
        agrees at the top level: accuracy, fluency, style, terminology, locale), and span
        recall per human MQM category and severity.
--clean German text written by people, files or directories of *.txt, one segment per line:
        findings per 1,000 words, per rule and for major and critical findings together.

Only the documented report formats are used (`--format json`), so the script works with
any mtcheck binary. Run it before and after a rule change and quote the tables.
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

csv.field_size_limit(1 << 30)


def run_mtcheck(binary, paths, segments):
    """The JSON report of `mtcheck check` over `paths`: {path: file object}."""
    cmd = [binary, "check", "--format", "json", "--fail-on", "never", "--segments", segments]
    proc = subprocess.run(cmd + list(paths), capture_output=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"mtcheck exited with {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    report = json.loads(proc.stdout)
    return {f["path"]: f for f in report["files"]}


def char_span(finding, line_text):
    """The finding's [start, end) in characters of its (first) line."""
    start = finding["column"] - 1
    if finding["end_line"] == finding["line"]:
        end = finding["end_column"] - 1
    else:
        end = len(line_text)
    return start, max(end, start + 1)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def top(category):
    """The top level of an MQM category, lower case: 'Locale convention/...' -> 'locale'."""
    return category.split("/")[0].strip().lower().split(" ")[0]


def table(title, header, rows):
    print(f"\n{title}\n")
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
    fmt = "| " + " | ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths)) + " |"
    print(fmt.format(*header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(fmt.format(*r))


def pct(n, d):
    return f"{100 * n / d:.1f}%" if d else "-"


def load_mqm(path):
    """Segments keyed by (system, doc, seg_id): [target text, [(start, end, category, severity)]]."""
    segs = {}
    unlocated = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            marked = r["target"]
            # one segment per line: line breaks and tabs become spaces (offsets unchanged)
            marked = re.sub(r"[\r\n\t\v\f\x85\u2028\u2029]", " ", marked)
            text = marked.replace("<v>", "").replace("</v>", "")
            seg = segs.setdefault((r["system"], r["doc"], r["seg_id"]), [text, []])
            category = r["category"].strip()
            if category == "No-error" or category.lower().startswith("source"):
                continue
            spans = []
            for m in re.finditer(r"<v>(.*?)</v>", marked):
                start = len(marked[: m.start()].replace("<v>", "").replace("</v>", ""))
                spans.append((start, start + len(m.group(1))))
            if not spans or text != seg[0]:
                unlocated += 1
                continue
            for s, e in spans:
                seg[1].append((s, max(e, s + 1), category, r["severity"].strip()))
    return segs, unlocated


def evaluate_mqm(binary, path):
    segs, unlocated = load_mqm(path)
    # every distinct target once
    texts = sorted({t for t, _ in segs.values()})
    line_of = {t: i + 1 for i, t in enumerate(texts)}
    with tempfile.TemporaryDirectory() as tmp:
        f = os.path.join(tmp, "targets.txt")
        with open(f, "w", encoding="utf-8") as out:
            out.write("".join(t + "\n" for t in texts))
        report = run_mtcheck(binary, [f], "lines")
    findings_by_line = defaultdict(list)
    for fnd in next(iter(report.values()), {"findings": []})["findings"]:
        findings_by_line[fnd["line"]].append(fnd)
    words = sum(len(re.findall(r"\w+", t)) for t in texts)

    by_rule = defaultdict(Counter)
    by_cat = defaultdict(Counter)
    recall = defaultdict(Counter)
    for key, (text, spans) in sorted(segs.items()):
        found = findings_by_line.get(line_of[text], [])
        located = [(char_span(f, text), f) for f in found]
        for span, f in located:
            hits = [h for h in spans if overlaps(span, h[:2])]
            for c in (by_rule[f["rule"]], by_cat[f["category"]]):
                c["findings"] += 1
                c["correct"] += bool(hits)
                c["same top"] += any(top(h[2]) == top(f["category"]) for h in hits)
                c["in marked segment"] += bool(spans)
        for s, e, category, severity in spans:
            caught = any(overlaps(span, (s, e)) for span, _ in located)
            for k in (category, f"{top(category)} (all)", f"severity {severity}", "all"):
                recall[k]["spans"] += 1
                recall[k]["caught"] += caught

    print(f"MQM: {path}")
    print(
        f"{len(segs)} segments ({len(texts)} distinct targets, {words} words), "
        f"{recall['all']['spans']} human error spans ({unlocated} marked errors without a span "
        f"are not counted), {sum(c['findings'] for c in by_rule.values())} findings"
    )
    rows = [
        (
            rule,
            c["findings"],
            pct(c["correct"], c["findings"]),
            pct(c["same top"], c["findings"]),
            pct(c["in marked segment"], c["findings"]),
        )
        for rule, c in sorted(by_rule.items(), key=lambda kv: -kv[1]["findings"])
    ]
    header = ("rule", "findings", "span precision", "same category", "segment precision")
    table("Precision per rule (a finding is correct when it overlaps a human span)", header, rows)
    rows = [
        (
            cat,
            c["findings"],
            pct(c["correct"], c["findings"]),
            pct(c["same top"], c["findings"]),
            pct(c["in marked segment"], c["findings"]),
        )
        for cat, c in sorted(by_cat.items(), key=lambda kv: -kv[1]["findings"])
    ]
    table("Precision per mtcheck MQM category", ("category",) + header[1:], rows)
    group = lambda k: 3 if k == "all" else 2 if k.startswith("severity") else 0 if k.endswith("(all)") else 1
    order = sorted(recall, key=lambda k: (group(k), -recall[k]["spans"], k))
    rows = [(k, recall[k]["spans"], recall[k]["caught"], pct(recall[k]["caught"], recall[k]["spans"])) for k in order]
    table("Recall per human MQM category (a span is caught when a finding overlaps it)",
          ("human category", "spans", "caught", "span recall"), rows)


def text_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".txt")]
        else:
            out.append(p)
    return sorted(out)


def evaluate_clean(binary, paths, segments):
    files = text_files(paths)
    if not files:
        sys.exit(f"no .txt files in {' '.join(paths)}")
    report = run_mtcheck(binary, files, segments)
    words = sum(f["words"] for f in report.values())
    per_rule = Counter()
    per_file = {}
    serious = 0
    for path, f in report.items():
        per_file[path] = (f["words"], len(f["findings"]))
        for fnd in f["findings"]:
            per_rule[fnd["rule"]] += 1
            serious += fnd["severity"] in ("major", "critical")
    total = sum(per_rule.values())
    per_k = lambda n: f"{1000 * n / words:.2f}" if words else "-"
    print(f"\nClean text: {' '.join(paths)}")
    print(f"{len(files)} files, {words} words, {total} findings")
    rows = [(os.path.basename(p), w, n, per_k(n)) for p, (w, n) in sorted(per_file.items())]
    table("Findings per file", ("file", "words", "findings", "per 1,000 words"), rows)
    rows = [(r, n, per_k(n)) for r, n in per_rule.most_common()]
    rows += [("all rules", total, per_k(total)), ("major and critical", serious, per_k(serious))]
    table("Findings per rule on clean text (each is a false positive, or a real typo)",
          ("rule", "findings", "per 1,000 words"), rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "mtcheck"),
                    help="the mtcheck binary (default: target/release/mtcheck; build it first)")
    ap.add_argument("--mqm", action="append", default=[], metavar="TSV", help="MQM annotations (repeatable)")
    ap.add_argument("--clean", action="append", default=[], metavar="PATH",
                    help="clean German text: a file or a directory of .txt files (repeatable)")
    ap.add_argument("--clean-segments", choices=("lines", "paragraphs"), default="lines",
                    help="how clean text is segmented (default: lines, one sentence per line)")
    a = ap.parse_args()
    if not a.mqm and not a.clean:
        ap.error("give --mqm TSV and/or --clean PATH")
    if not os.access(a.bin, os.X_OK):
        sys.exit(f"{a.bin}: no mtcheck binary (run `cargo build --release` or pass --bin)")
    for tsv in a.mqm:
        evaluate_mqm(a.bin, tsv)
    if a.clean:
        evaluate_clean(a.bin, a.clean, a.clean_segments)


if __name__ == "__main__":
    main()
