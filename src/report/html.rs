//! A self-contained HTML report for editors: every article with its findings highlighted by
//! severity, a detail box on click, filters by severity and rule, and a table of files with
//! score, verdict and the number of findings the baseline holds (`--baseline`; they are
//! not listed). Inline CSS and JavaScript only; a Content-Security-Policy forbids any
//! network access. Everything taken from the input is HTML-escaped.
//!
//! The filter can be set from the address: `report.html#severity=major,critical&rule=false-friend`.
//! `#open=f3` opens the detail of the finding with id `f3` (ids count from `f0`: the fourth). `#selftest` runs a small self-test in the page and writes its result into `#selftest`
//! (used by the browser test, `tests/browser/run.sh`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};

use super::{round2, Batch, End, FileError, FileSummary, Report};
use crate::finding::Severity;
use crate::located::{FileReport, LocatedFinding};

const SEVERITIES: [Severity; 3] = [Severity::Critical, Severity::Major, Severity::Minor];

const STYLE: &str = r#"
:root{--critical:#7b1fa2;--critical-bg:#f1dcf7;--major:#c62828;--major-bg:#fde0e0;--minor:#b26a00;--minor-bg:#fff1c2;--pass:#2e7d32;--fail:#c62828;--line:#dde1e6;
 font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1c2430;background:#f4f5f7}
body{margin:0}
header{padding:14px 24px;background:#1f2a37;color:#fff;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:20px;margin:0}
header .summary{opacity:.9}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;letter-spacing:.03em;color:#fff;vertical-align:middle}
.badge.pass{background:var(--pass)}.badge.fail{background:var(--fail)}
.layout{display:grid;grid-template-columns:250px minmax(0,1fr);gap:22px;padding:22px;align-items:start}
#filters{position:sticky;top:12px;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;max-height:calc(100vh - 24px);overflow:auto;font-size:14px}
#filters h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#5b6573;margin:12px 0 6px;display:flex;justify-content:space-between}
#filters h2 button{font-size:11px;border:1px solid var(--line);background:#f7f8fa;border-radius:4px;cursor:pointer;text-transform:none;letter-spacing:0}
#filters label{display:flex;align-items:center;gap:6px;padding:2px 0;cursor:pointer}
#filters label .n{margin-left:auto;color:#5b6573;font-variant-numeric:tabular-nums}
#filters code{font-size:12.5px}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px}
.sw.critical{background:var(--critical)}.sw.major{background:var(--major)}.sw.minor{background:var(--minor)}
#status{margin:12px 0 4px;padding-top:8px;border-top:1px solid var(--line);color:#333}
main h2{margin:0 0 10px;font-size:18px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin-bottom:22px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{padding:6px 10px;border-bottom:1px solid #eceef1;text-align:right;font-variant-numeric:tabular-nums}
th{color:#5b6573;font-weight:600}
th:first-child,td:first-child{text-align:left}
td a{color:#1a56b3;text-decoration:none}
.article h2{display:flex;gap:10px;align-items:center;flex-wrap:wrap;word-break:break-all}
.article h2 small{font-weight:400;color:#5b6573;font-size:13px;word-break:normal}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.75;font-family:Georgia,"Times New Roman",serif;font-size:16.5px;max-width:82ch;padding:4px 0 10px}
mark.f{color:inherit;border-radius:2px;padding:0 1px;cursor:pointer;background:var(--minor-bg);box-shadow:inset 0 -2px 0 var(--minor)}
mark.f.major{background:var(--major-bg);box-shadow:inset 0 -2px 0 var(--major)}
mark.f.critical{background:var(--critical-bg);box-shadow:inset 0 -2px 0 var(--critical)}
mark.f.off{background:none;box-shadow:none;cursor:auto}
mark.f:focus{outline:2px solid #1a56b3;outline-offset:1px}
ol.findings{margin:6px 0 0;padding-left:22px;font-size:14px;border-top:1px solid #eceef1}
li.finding{padding:5px 0;border-bottom:1px dotted #eceef1}
li.finding .loc{color:#5b6573;font-variant-numeric:tabular-nums;text-decoration:none;margin-right:4px}
.sev{font-size:11px;font-weight:700;text-transform:uppercase;color:#fff;border-radius:3px;padding:0 5px;margin-right:4px}
.sev.critical{background:var(--critical)}.sev.major{background:var(--major)}.sev.minor{background:var(--minor)}
.cat{color:#5b6573;font-size:12px}
.msg{margin:2px 0}
.fix b{background:#e3f4e5;padding:0 3px;border-radius:2px}
#detail{position:absolute;z-index:10;width:380px;max-width:calc(100vw - 24px);background:#fff;border:1px solid #b8c0cc;border-radius:8px;box-shadow:0 8px 24px rgba(20,30,50,.18);padding:10px 14px;font-size:14px}
#detail .finding{list-style:none;border:0;padding:4px 0}
#detail ul{margin:0;padding:0}
.errors li{color:var(--fail)}
.none{color:#5b6573}
#selftest{white-space:pre-wrap}
@media (max-width:800px){.layout{grid-template-columns:1fr}#filters{position:static;max-height:none}}
"#;

const SCRIPT: &str = r#"
(function () {
  'use strict';
  var RANK = { minor: 1, major: 2, critical: 3 };
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var boxes = all('#filters input[type=checkbox]');
  var items = all('li.finding');
  var marks = all('mark.f');
  var detail = document.getElementById('detail');
  var status = document.getElementById('status');
  var byId = {};
  items.forEach(function (li) { byId[li.id] = li; });

  function chosen(kind) {
    var s = new Set();
    boxes.forEach(function (b) { if (b.dataset.filter === kind && b.checked) { s.add(b.value); } });
    return s;
  }
  function passes(li, sev, rules) { return sev.has(li.dataset.severity) && rules.has(li.dataset.rule); }
  function shownIds(m) {
    return m.dataset.f.split(' ').filter(function (id) { return byId[id] && !byId[id].hidden; });
  }
  function hideDetail() { detail.hidden = true; detail.textContent = ''; }
  function writeHash(sev, rules) {
    var parts = [];
    ['severity', 'rule'].forEach(function (kind) {
      var mine = boxes.filter(function (b) { return b.dataset.filter === kind; });
      var on = mine.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (on.length !== mine.length) { parts.push(kind + '=' + encodeURIComponent(on.join(','))); }
    });
    var keep = new URLSearchParams(location.hash.replace(/^#/, '')).has('selftest') ? ['selftest'] : [];
    /* the detail of an opened finding is closed by a filter change: drop `open` */
    try { history.replaceState(null, '', '#' + parts.concat(keep).join('&')); } catch (e) { /* file: URLs in some browsers */ }
  }
  function apply(updateHash) {
    var sev = chosen('severity'), rules = chosen('rule'), shown = 0;
    /* mirror the state into the markup, so that a saved page keeps its filter */
    boxes.forEach(function (b) { b.defaultChecked = b.checked; });
    items.forEach(function (li) {
      var v = passes(li, sev, rules);
      li.hidden = !v;
      if (v) { shown += 1; }
    });
    marks.forEach(function (m) {
      var best = '';
      shownIds(m).forEach(function (id) {
        var s = byId[id].dataset.severity;
        if (!best || RANK[s] > RANK[best]) { best = s; }
      });
      m.className = best ? 'f ' + best : 'f off';
      m.tabIndex = best ? 0 : -1;
    });
    all('section.article').forEach(function (sec) {
      var n = all('li.finding:not([hidden])', sec).length;
      var c = sec.querySelector('.shown');
      if (c) { c.textContent = String(n); }
    });
    status.textContent = 'Showing ' + shown + ' of ' + items.length + ' findings';
    status.dataset.shown = String(shown);
    hideDetail();
    if (updateHash) { writeHash(sev, rules); }
  }
  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    ['severity', 'rule'].forEach(function (kind) {
      if (!p.has(kind)) { return; }
      var want = new Set(p.get(kind).split(',').filter(Boolean));
      boxes.forEach(function (b) { if (b.dataset.filter === kind) { b.checked = want.has(b.value); } });
    });
    return p;
  }
  function showDetail(m) {
    var ids = shownIds(m);
    if (!ids.length) { return; }
    detail.textContent = '';
    var ul = document.createElement('ul');
    ids.forEach(function (id) {
      var c = byId[id].cloneNode(true);
      c.removeAttribute('id');
      c.hidden = false;
      var loc = c.querySelector('.loc');
      if (loc) { loc.remove(); }
      ul.appendChild(c);
    });
    detail.appendChild(ul);
    detail.hidden = false;
    var r = m.getBoundingClientRect();
    var width = detail.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 12));
    detail.style.left = left + 'px';
    detail.style.top = (window.scrollY + r.bottom + 6) + 'px';
  }

  document.addEventListener('click', function (e) {
    var m = e.target.closest ? e.target.closest('mark.f') : null;
    if (m && !m.classList.contains('off')) { showDetail(m); e.stopPropagation(); return; }
    var b = e.target.closest ? e.target.closest('button[data-all]') : null;
    if (b) {
      var kind = b.dataset.all, on = b.value === 'on';
      boxes.forEach(function (x) { if (x.dataset.filter === kind) { x.checked = on; } });
      apply(true);
      return;
    }
    if (!detail.contains(e.target)) { hideDetail(); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hideDetail(); }
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('mark.f')) {
      e.preventDefault();
      showDetail(e.target);
    }
  });
  boxes.forEach(function (b) { b.addEventListener('change', function () { apply(true); }); });
  window.addEventListener('hashchange', function () { readHash(); apply(false); });

  function selftest() {
    var fails = [], n = 0;
    function check(ok, what) { n += 1; if (!ok) { fails.push(what); } }
    var sev = chosen('severity'), rules = chosen('rule');
    check(items.length === 0 || marks.length > 0, 'the articles have highlights');
    items.forEach(function (li) { check(li.hidden === !passes(li, sev, rules), li.id + ' follows the filter'); });
    marks.forEach(function (m, i) {
      check(m.classList.contains('off') === (shownIds(m).length === 0), 'highlight ' + i + ' follows the filter');
    });
    var on = marks.filter(function (m) { return !m.classList.contains('off'); });
    if (on.length) {
      on[0].dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var msg = byId[shownIds(on[0])[0]].querySelector('.msg').textContent;
      check(!detail.hidden && detail.textContent.indexOf(msg) >= 0, 'a click on a highlight shows its message');
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      check(detail.hidden, 'a click elsewhere closes the detail');
    }
    var box = boxes.filter(function (b) { return b.dataset.filter === 'severity' && b.checked; })[0];
    if (box) {
      var before = Number(status.dataset.shown);
      var gone = items.filter(function (li) { return !li.hidden && li.dataset.severity === box.value; }).length;
      box.click();
      check(Number(status.dataset.shown) === before - gone, 'unticking ' + box.value + ' hides its findings');
      box.click();
      check(Number(status.dataset.shown) === before, 'ticking ' + box.value + ' again shows them');
    }
    var out = document.getElementById('selftest');
    out.hidden = false;
    out.dataset.result = fails.length ? 'fail' : 'pass';
    out.textContent = 'selftest: ' + (fails.length ? 'FAIL: ' + fails.join('; ') : 'pass') + ' (' + n + ' checks)';
  }

  var params = readHash();
  apply(false);
  if (params.has('open')) {
    var want = params.get('open');
    var target = marks.filter(function (m) { return m.dataset.f.split(' ').indexOf(want) >= 0; })[0];
    if (target) {
      var box = target.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight - 120) { target.scrollIntoView({ block: 'center' }); }
      showDetail(target);
    }
  }
  document.documentElement.dataset.ready = 'yes';
  if (params.has('selftest')) { selftest(); }
})();
"#;

/// The HTML page. Each article is written as its file comes, to a spool (in memory up to
/// [`super::SPOOL_IN_MEMORY`], then a temporary file), because the page shows the totals,
/// the filters and the table of files first; at the end those are written from the
/// summaries and the counts, and the articles copied after them. Memory stays flat for any
/// number of files.
#[derive(Debug, Default)]
pub struct HtmlReport {
    articles: super::Spool,
    /// Findings listed so far (the next finding's number).
    listed: usize,
    /// Listed findings per severity, in the order of [`SEVERITIES`].
    severities: [usize; 3],
    /// Listed findings per rule.
    rules: BTreeMap<&'static str, usize>,
    /// Articles written so far.
    files: usize,
}

impl Report for HtmlReport {
    fn file(&mut self, file: &FileReport, passed: bool, _out: &mut dyn Write) -> io::Result<()> {
        let mut h = String::new();
        let k = self.files;
        for f in &file.findings {
            self.severities[SEVERITIES
                .iter()
                .position(|&s| s == f.severity)
                .unwrap_or(2)] += 1;
            *self.rules.entry(f.rule).or_default() += 1;
        }
        let first = self.listed;
        self.listed += file.findings.len();
        article(&mut h, file, passed, k, first);
        self.articles.write_all(h.as_bytes())?;
        self.files += 1;
        Ok(())
    }

    fn finish(&mut self, end: End<'_>, out: &mut dyn Write) -> io::Result<()> {
        let batch = end.batch;
        let files = end.summaries;
        let failed = files.iter().filter(|f| !f.passed).count();
        let total = self.listed;
        let pass = failed == 0 && batch.errors.is_empty();
        let mut h = String::with_capacity(64 * 1024);
        h.push_str(concat!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<meta name=\"generator\" content=\"mtcheck ",
            env!("CARGO_PKG_VERSION"),
            "\">\n<title>mtcheck report</title>\n<style>"
        ));
        h.push_str(STYLE);
        h.push_str("</style>\n</head>\n<body>\n<header><h1>mtcheck report</h1>");
        let _ = writeln!(
            h,
            "<span class=\"summary\">{} {}, {} findings{}, {} failed the gate{}</span> {}</header>",
            files.len() + batch.errors.len(),
            if files.len() + batch.errors.len() == 1 {
                "file"
            } else {
                "files"
            },
            total,
            match files.iter().map(|f| f.baselined).sum::<usize>() {
                0 => String::new(),
                n => format!(", {n} baselined"),
            },
            failed,
            match batch.errors.len() {
                0 => String::new(),
                n => format!(", {n} could not be read"),
            },
            badge(pass)
        );
        h.push_str("<div class=\"layout\">\n");
        self.filters(&mut h, total);
        h.push_str("<main>\n");
        files_table(&mut h, files, &batch.errors);
        out.write_all(h.as_bytes())?;
        self.articles.copy_to(out)?;
        out.write_all(concat!(
            "</main>\n</div>\n<div id=\"detail\" role=\"dialog\" aria-label=\"finding\" hidden></div>\n",
            "<pre id=\"selftest\" hidden></pre>\n<script>"
        ).as_bytes())?;
        out.write_all(SCRIPT.as_bytes())?;
        out.write_all(b"</script>\n</body>\n</html>\n")
    }
}

impl HtmlReport {
    /// The filters: a box per severity and per rule with its count of listed findings.
    fn filters(&self, h: &mut String, total: usize) {
        h.push_str("<nav id=\"filters\" aria-label=\"filters\">\n");
        h.push_str(concat!(
            "<h2>Severity <span><button type=\"button\" data-all=\"severity\" value=\"on\">all</button> ",
            "<button type=\"button\" data-all=\"severity\" value=\"off\">none</button></span></h2>\n"
        ));
        for (s, n) in SEVERITIES.iter().zip(self.severities) {
            let _ = writeln!(
                h,
                "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{s}\" checked> \
                 <span class=\"sw {s}\"></span> {s} <span class=\"n\">{n}</span></label>"
            );
        }
        h.push_str(concat!(
            "<h2>Rules <span><button type=\"button\" data-all=\"rule\" value=\"on\">all</button> ",
            "<button type=\"button\" data-all=\"rule\" value=\"off\">none</button></span></h2>\n"
        ));
        if self.rules.is_empty() {
            h.push_str("<p class=\"none\">No findings.</p>\n");
        }
        for (rule, n) in &self.rules {
            let r = attr(rule);
            let _ = writeln!(
                h,
                "<label><input type=\"checkbox\" data-filter=\"rule\" value=\"{r}\" checked> \
                 <code>{r}</code> <span class=\"n\">{n}</span></label>"
            );
        }
        let _ = writeln!(
            h,
            "<p id=\"status\" data-shown=\"{total}\">Showing {total} of {total} findings</p>\n</nav>"
        );
    }
}

/// Writes the batch as one self-contained HTML page.
pub fn write(batch: &Batch, out: &mut dyn Write) -> io::Result<()> {
    super::write(
        batch,
        super::OutputFormat::Html,
        &super::ReportOptions::default(),
        out,
    )
}

fn badge(pass: bool) -> &'static str {
    if pass {
        "<span class=\"badge pass\">PASS</span>"
    } else {
        "<span class=\"badge fail\">FAIL</span>"
    }
}

fn files_table(h: &mut String, files: &[FileSummary], errors: &[FileError]) {
    h.push_str("<section class=\"card\" id=\"files\"><h2>Files</h2>\n<table>\n<thead><tr><th>file</th><th>words</th><th>critical</th><th>major</th><th>minor</th><th>suppressed</th><th>baselined</th><th>score</th><th>verdict</th></tr></thead>\n<tbody>\n");
    for (k, f) in files.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td><a href=\"#file-{k}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td></tr>",
            esc(&f.path),
            f.words,
            f.critical,
            f.major,
            f.minor,
            f.suppressed,
            f.baselined,
            f.score,
            badge(f.passed)
        );
    }
    for e in errors {
        let _ = writeln!(
            h,
            "<tr class=\"errors\"><td>{}</td><td colspan=\"7\">{}</td><td><span class=\"badge fail\">ERROR</span></td></tr>",
            esc(&e.path),
            esc(&e.message)
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// What an article's heading says of the findings not listed: silenced by comments, held by
/// the baseline.
fn counted_aside(suppressed: usize, baselined: usize) -> String {
    let mut s = String::new();
    if suppressed > 0 {
        let _ = write!(s, " · {suppressed} suppressed");
    }
    if baselined > 0 {
        let _ = write!(s, " · {baselined} baselined");
    }
    s
}

fn article(h: &mut String, file: &FileReport, passed: bool, k: usize, first: usize) {
    let _ = writeln!(
        h,
        "<section class=\"card article\" id=\"file-{k}\">\n<h2>{} {} <small>score {:.2} · {} words · <span class=\"shown\">{}</span> of {} findings shown{}</small></h2>",
        esc(&file.path),
        badge(passed),
        round2(file.score()),
        file.words,
        file.findings.len(),
        file.findings.len(),
        counted_aside(file.suppressed, file.baselined)
    );
    match file.text.as_deref() {
        Some(text) => {
            h.push_str("<div class=\"text\">");
            highlighted(h, text, &file.text_findings(), first);
            h.push_str("</div>\n");
        }
        None => h.push_str("<p class=\"none\">(The text of this file was not kept.)</p>\n"),
    }
    if file.findings.is_empty() {
        h.push_str("<p class=\"none\">No findings.</p>\n");
    }
    if file.omitted.total() > 0 {
        let _ = writeln!(
            h,
            "<p class=\"none omitted\">{}</p>",
            esc(&super::omitted_note(file.omitted.total()))
        );
    }
    h.push_str("<ol class=\"findings\">\n");
    for (i, f) in file.findings.iter().enumerate() {
        finding_item(h, f, first + i);
    }
    h.push_str("</ol>\n</section>\n");
}

fn finding_item(h: &mut String, f: &LocatedFinding, id: usize) {
    let fix = match f.suggestion.as_deref() {
        Some("") => "<div class=\"fix\">Delete it.</div>".to_string(),
        Some(s) => format!("<div class=\"fix\">Suggestion: <b>{}</b></div>", esc(s)),
        None => String::new(),
    };
    let unit = match &f.segment_id {
        // styled as the category (the page's style stays as it is for monolingual files)
        Some(u) => format!("<span class=\"cat unit\">unit {}</span> ", esc(u)),
        None => String::new(),
    };
    let _ = writeln!(
        h,
        "<li class=\"finding\" id=\"f{id}\" data-severity=\"{sev}\" data-rule=\"{rule}\"><a class=\"loc\" href=\"#m{id}\">{line}:{col}</a> {unit}<span class=\"sev {sev}\">{sev}</span> <code>{rule}</code> <span class=\"cat\">{cat}</span> „{text}“<div class=\"msg\">{msg}</div>{fix}</li>",
        sev = f.severity,
        rule = attr(f.rule),
        line = f.line,
        col = f.column,
        cat = esc(f.category),
        text = esc(&f.text),
        msg = esc(&f.message),
    );
}

/// The text with every finding marked: the text is cut at every start and end of a finding,
/// and each piece covered by findings becomes one `<mark>` naming all of them (overlapping
/// findings therefore never produce crossing tags).
fn highlighted(h: &mut String, text: &str, findings: &[LocatedFinding], first: usize) {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in findings {
        if f.start < f.end && f.end <= text.len() {
            cuts.extend([f.start, f.end]);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| findings[i].start);
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        active.retain(|&i| findings[i].end > a);
        while next < order.len() && findings[order[next]].start <= a {
            let i = order[next];
            if findings[i].end > a && findings[i].end <= text.len() {
                active.push(i);
                if findings[i].start == a {
                    let _ = write!(h, "<span id=\"m{}\"></span>", first + i);
                }
            }
            next += 1;
        }
        if active.is_empty() {
            h.push_str(&esc(piece));
            continue;
        }
        active.sort_unstable();
        let worst = active
            .iter()
            .map(|&i| findings[i].severity)
            .max()
            .unwrap_or(Severity::Minor);
        let ids: Vec<String> = active.iter().map(|&i| format!("f{}", first + i)).collect();
        let title: Vec<String> = active
            .iter()
            .map(|&i| format!("{} {}", findings[i].severity, findings[i].rule))
            .collect();
        let _ = write!(
            h,
            "<mark class=\"f {worst}\" data-f=\"{}\" tabindex=\"0\" title=\"{}\">{}</mark>",
            ids.join(" "),
            attr(&title.join(", ")),
            esc(piece)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Gate;

    fn finding(start: usize, end: usize, text: &str, severity: Severity) -> LocatedFinding {
        LocatedFinding {
            path: "a.txt".into(),
            line: 1,
            column: start + 1,
            end_line: 1,
            end_column: end + 1,
            start,
            end,
            rule: "literal-idiom",
            category: "style/literal",
            severity,
            text: text.into(),
            suggestion: Some("<b>".into()),
            message: "m <script>".into(),
            source_text: None,
            sentence: String::new(),
            segment: 1,
            segment_id: None,
        }
    }

    #[test]
    fn overlapping_findings_give_flat_marks_and_everything_is_escaped() {
        let text = "ab <x> cd";
        let findings = vec![
            finding(0, 6, "ab <x>", Severity::Minor),
            finding(3, 9, "<x> cd", Severity::Major),
        ];
        let mut h = String::new();
        highlighted(&mut h, text, &findings, 0);
        assert_eq!(
            h,
            "<span id=\"m0\"></span><mark class=\"f minor\" data-f=\"f0\" tabindex=\"0\" title=\"minor literal-idiom\">ab </mark>\
             <span id=\"m1\"></span><mark class=\"f major\" data-f=\"f0 f1\" tabindex=\"0\" title=\"minor literal-idiom, major literal-idiom\">&lt;x&gt;</mark>\
             <mark class=\"f major\" data-f=\"f1\" tabindex=\"0\" title=\"major literal-idiom\"> cd</mark>"
        );
        let file = FileReport {
            path: "<a>.txt".into(),
            words: 3,
            findings,
            lines: Vec::new(),
            suppressed: 0,
            has_source: false,
            text: Some(text.into()),
            baselined: 0,
            warnings: Vec::new(),
            transcoded: None,
            omitted: Default::default(),
        };
        let batch = Batch {
            files: vec![file],
            errors: Vec::new(),
            gate: Gate {
                fail_on: Some(Severity::Major),
                max_score: None,
            },
        };
        let mut out = Vec::new();
        write(&batch, &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(!page.contains("<a>.txt") && page.contains("&lt;a&gt;.txt"));
        assert!(!page.contains("m <script>") && page.contains("m &lt;script&gt;"));
        assert!(page.contains("Suggestion: <b>&lt;b&gt;</b>"));
        assert!(!page.contains("http://") && !page.contains("https://"));
    }
}
