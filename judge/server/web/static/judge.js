// judge serve's pages: comfort on top of pages that work without it. The editor (line
// numbers, Tab and Shift-Tab, indentation after ':' and on Enter), the draft saved as the
// candidate types, the countdown, live results, sortable tables, copy buttons. No library,
// nothing fetched from elsewhere; text from the server goes in as textContent, never as HTML.
"use strict";
(function () {
  const csrf = (document.querySelector('meta[name="csrf"]') || {}).content || "";
  const INDENT = "    ";

  function editor(ta) {
    const gutter = document.getElementById("gutter");
    const form = ta.form;
    let shown = 0;
    const numbers = () => {
      if (!gutter) return;
      const n = ta.value.split("\n").length;
      if (shown !== n) {
        shown = n;
        const lines = [];
        for (let i = 1; i <= n; i++) lines.push(i);
        gutter.textContent = lines.join("\n");
      }
      gutter.scrollTop = ta.scrollTop;
    };
    const replace = (start, end, text, selStart, selEnd) => {
      ta.setRangeText(text, start, end, "end");
      ta.setSelectionRange(selStart, selEnd);
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    };
    // Tab indents; Escape gives the next Tab back to the page, so the keyboard can leave.
    let release = false;
    ta.addEventListener("keydown", (e) => {
      const v = ta.value, s = ta.selectionStart, t = ta.selectionEnd;
      if (e.key === "Escape") { release = true; return; }
      if (release) { release = false; if (e.key === "Tab") return; }
      if (e.key === "Tab" && !e.ctrlKey && !e.altKey && !e.metaKey) {
        const lineStart = v.lastIndexOf("\n", s - 1) + 1;
        if (!e.shiftKey && s === t) {
          e.preventDefault();
          replace(s, t, INDENT, s + INDENT.length, s + INDENT.length);
          return;
        }
        e.preventDefault();
        const block = v.slice(lineStart, t);
        const lines = block.split("\n");
        let first = 0, total = 0;
        const out = lines.map((l, i) => {
          if (!e.shiftKey) { if (i === 0) first = INDENT.length; total += INDENT.length; return INDENT + l; }
          const m = l.match(/^ {1,4}|^\t/);
          const cut = m ? m[0].length : 0;
          if (i === 0) first = -cut;
          total -= cut;
          return l.slice(cut);
        });
        replace(lineStart, t, out.join("\n"), Math.max(lineStart, s + first), t + total);
      } else if (e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing) {
        const lineStart = v.lastIndexOf("\n", s - 1) + 1;
        const line = v.slice(lineStart, s);
        let indent = line.match(/^[ \t]*/)[0];
        if (/:\s*(#.*)?$/.test(line)) indent += INDENT;
        e.preventDefault();
        const text = "\n" + indent;
        replace(s, t, text, s + text.length, s + text.length);
      }
    });
    ta.addEventListener("input", numbers);
    ta.addEventListener("scroll", () => { if (gutter) gutter.scrollTop = ta.scrollTop; });
    numbers();

    // The draft goes to the server a moment after the last keystroke.
    const state = document.getElementById("draft-state");
    let timer = 0, saved = ta.value;
    const save = () => {
      if (ta.value === saved) return;
      const body = ta.value;
      fetch(ta.dataset.draft, { method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "text/plain; charset=utf-8", "X-CSRF-Token": csrf }, body: body })
        .then((r) => {
          if (!r.ok) throw new Error("status " + r.status);
          saved = body;
          if (state) state.textContent = "Draft saved at " + new Date().toLocaleTimeString() + ".";
        })
        .catch((err) => { if (state) state.textContent = "Draft not saved (" + err.message + "); it is kept in this page."; });
    };
    ta.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(save, 800); });
    if (form) form.addEventListener("submit", () => clearTimeout(timer));
  }

  function countdown(el) {
    const ends = Date.parse(el.dataset.ends);
    if (isNaN(ends)) return;
    const tick = () => {
      const left = Math.max(0, Math.floor((ends - Date.now()) / 1000));
      const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      const pad = (x) => String(x).padStart(2, "0");
      el.textContent = left > 0 ? "Time left " + (h > 0 ? h + ":" : "") + pad(m) + ":" + pad(s) : "Time is up";
      el.classList.toggle("low", left < 300);
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  }

  const words = { AC: "Accepted", WA: "Wrong answer", TLE: "Time limit exceeded", MLE: "Memory limit exceeded",
    RE: "Run-time error", OLE: "Output limit exceeded", CE: "Compile error", IE: "Internal error", NR: "Not run" };
  const classes = { AC: "v-ok", NR: "v-nr", IE: "v-ie" };

  // As the pages' mib: nearly nothing reads "< 0.1 MiB", not "0.0 MiB".
  const mib = (v) => (v < 0.05 ? "< 0.1 MiB" : v.toFixed(1) + " MiB");

  function live(el) {
    const bar = document.getElementById("progress");
    const text = document.getElementById("progress-text");
    const table = document.getElementById("live-tests");
    const es = new EventSource(el.dataset.events);
    es.addEventListener("progress", (ev) => {
      const p = JSON.parse(ev.data);
      bar.max = p.total; bar.value = p.done;
      text.textContent = p.done + " of " + p.total + " tests done";
      if (p.test) {
        table.hidden = false;
        const tr = document.createElement("tr");
        const cell = (s) => { const td = document.createElement("td"); td.textContent = s; tr.appendChild(td); return td; };
        cell(String(p.test.index));
        cell(p.test.name || "hidden");
        const v = document.createElement("span");
        v.className = "verdict " + (classes[p.test.verdict] || "v-bad");
        v.textContent = words[p.test.verdict] || p.test.verdict;
        cell("").appendChild(v);
        // A test that did not run (NR) has no times: 0 ms would say it ran and was fast.
        const ran = p.test.verdict !== "NR";
        cell(ran ? Math.round(p.test.cpu_ms) + " ms" : "—");
        cell(ran ? mib(p.test.memory_mib) : "—");
        table.tBodies[0].appendChild(tr);
      }
    });
    es.addEventListener("result", () => { es.close(); location.reload(); });
    es.onerror = () => { text.textContent = "Connection lost; reload the page to see the result."; es.close(); };
  }

  function sortable(table) {
    const heads = table.tHead ? Array.from(table.tHead.rows[0].cells) : [];
    heads.forEach((th, col) => {
      const b = document.createElement("button");
      b.type = "button"; b.className = "sort"; b.textContent = th.textContent;
      th.textContent = ""; th.appendChild(b);
      b.addEventListener("click", () => {
        const asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach((h) => h.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        const key = (tr) => { const c = tr.cells[col]; return c ? (c.dataset.sort !== undefined ? c.dataset.sort : c.textContent.trim()) : ""; };
        const rows = Array.from(table.tBodies[0].rows);
        rows.sort((x, y) => {
          const a = key(x), b2 = key(y), na = parseFloat(a), nb = parseFloat(b2);
          const c = (!isNaN(na) && !isNaN(nb)) ? na - nb : a.localeCompare(b2);
          return asc ? c : -c;
        });
        rows.forEach((r) => table.tBodies[0].appendChild(r));
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const ta = document.getElementById("source");
    if (ta) editor(ta);
    const cd = document.getElementById("countdown");
    if (cd) countdown(cd);
    const lv = document.getElementById("live");
    if (lv) live(lv);
    document.querySelectorAll("table.sortable").forEach(sortable);
    document.querySelectorAll("form[data-confirm]").forEach((f) =>
      f.addEventListener("submit", (e) => { if (!confirm(f.dataset.confirm)) e.preventDefault(); }));
    document.querySelectorAll("button.copy").forEach((b) => {
      b.hidden = false;
      b.addEventListener("click", () => {
        const input = document.getElementById(b.dataset.target);
        input.select();
        const done = () => { b.textContent = "Copied"; };
        if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(done, () => document.execCommand("copy") && done());
        else if (document.execCommand("copy")) done();
      });
    });
  });
})();
