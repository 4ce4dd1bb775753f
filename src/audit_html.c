/* audit_html.c — the audit as one self-contained HTML page.
 *
 * Consumes a finished ix_audit. Produces a single file with its style and
 * script inline (no network, no external assets) that opens in any browser:
 *   - a summary of the checks, with a link to every failing record;
 *   - a colour legend for the record types;
 *   - the cross-document agreement table;
 *   - one collapsible <details> section per document: its text with every
 *     record's span highlighted by type (hover: the record's fields; click:
 *     a panel with them), then a table of its records and their verdicts;
 *   - a per-council table: the documents naming it, the ratings they give.
 *
 * Every piece of source text and every record value is HTML-escaped: an
 * article containing <script> renders as text. Spans index the original
 * bytes, so the text is cut at span boundaries in bytes and each piece is
 * decoded on its own with ix_decode_bytes, exactly as `evidence` is.
 * Overlapping spans are drawn as one <mark> per stretch of text, carrying
 * the classes and record numbers of every span that covers it, so the
 * markup always nests. The page stays usable at 1,000 documents: sections
 * are closed unless few documents fail, and links open the section they
 * point into (so does ?open=d0,d3 in the address, for screenshots).
 */
#include <stdarg.h>
#include <stdlib.h>
#include "internal.h"
#include "audit.h"

typedef struct w {
    FILE *f;
} w;

static void put(w *o, const char *s) { fputs(s, o->f); }

static void putf(w *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(w *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(o->f, fmt, ap);
    va_end(ap);
}

/* Escapes text for element content and attribute values alike. */
static void esc(w *o, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\0': rep = "&#xFFFD;"; break;
        default: break;
        }
        if (!rep) continue;
        fwrite(s + run, 1, i - run, o->f);
        fputs(rep, o->f);
        run = i + 1;
    }
    fwrite(s + run, 1, n - run, o->f);
}

static void escs(w *o, const char *s) { if (s) esc(o, s, strlen(s)); }

static const char *jstr(const json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

static const char *const types[] = {"rating", "council_rating", "quote", "council", NULL};

static bool highlighted(const char *t)
{
    for (int k = 0; types[k]; k++)
        if (!strcmp(t, types[k])) return true;
    return false;
}

/* A one-line description of a record's fields, for tooltips and tables. */
static char *describe(const json_t *r, const char *type)
{
    ix_buf b = {0};
    char tmp[256];
    if (!strcmp(type, "rating")) {
        json_t *c = json_object_get(r, "count"), *s = json_object_get(r, "share"), *t = json_object_get(r, "total");
        snprintf(tmp, sizeof tmp, "%s:", jstr(r, "grade") ? jstr(r, "grade") : "?");
        ix_buf_puts(&b, tmp);
        if (jstr(r, "approx")) { ix_buf_puts(&b, " "); ix_buf_puts(&b, jstr(r, "approx")); }
        if (json_is_integer(c)) { snprintf(tmp, sizeof tmp, " %" JSON_INTEGER_FORMAT, json_integer_value(c)); ix_buf_puts(&b, tmp); }
        if (json_is_integer(t)) { snprintf(tmp, sizeof tmp, " of %" JSON_INTEGER_FORMAT, json_integer_value(t)); ix_buf_puts(&b, tmp); }
        if (json_is_number(s)) { snprintf(tmp, sizeof tmp, " share %.4g", json_number_value(s)); ix_buf_puts(&b, tmp); }
        if (jstr(r, "unit")) { ix_buf_puts(&b, " "); ix_buf_puts(&b, jstr(r, "unit")); }
        if (jstr(r, "period")) { ix_buf_puts(&b, " ("); ix_buf_puts(&b, jstr(r, "period")); ix_buf_puts(&b, ")"); }
    } else if (!strcmp(type, "council_rating")) {
        snprintf(tmp, sizeof tmp, "%s: %s (%s)", jstr(r, "council") ? jstr(r, "council") : "?",
                 jstr(r, "grade") ? jstr(r, "grade") : "?", jstr(r, "judgement") ? jstr(r, "judgement") : "?");
        ix_buf_puts(&b, tmp);
    } else if (!strcmp(type, "quote")) {
        ix_buf_puts(&b, jstr(r, "speaker") ? jstr(r, "speaker") : "(no speaker)");
        if (jstr(r, "speaker_role")) { ix_buf_puts(&b, ", "); ix_buf_puts(&b, jstr(r, "speaker_role")); }
        ix_buf_puts(&b, ": ");
        const char *t = jstr(r, "text");
        if (t) {
            size_t l = strlen(t);
            if (l > 120) { ix_buf_put(&b, t, 117); ix_buf_puts(&b, "..."); }
            else ix_buf_puts(&b, t);
        }
    } else if (!strcmp(type, "council")) {
        snprintf(tmp, sizeof tmp, "%s %s", jstr(r, "name") ? jstr(r, "name") : "?", jstr(r, "code") ? jstr(r, "code") : "");
        ix_buf_puts(&b, tmp);
    } else if (!strcmp(type, "doc")) {
        ix_buf_puts(&b, jstr(r, "title") ? jstr(r, "title") : "(no title)");
    } else if (!strcmp(type, "error")) {
        ix_buf_puts(&b, jstr(r, "error") ? jstr(r, "error") : "");
    }
    ix_buf_grow(&b, 0);
    return ix_buf_take(&b);
}

/* ---- style and script --------------------------------------------------------- */

static const char *const css =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d1d1f;background:#fafafa}\n"
    "header{background:#23324a;color:#fff;padding:14px 24px}header h1{margin:0;font-size:22px}\n"
    "header p{margin:4px 0 0}main{padding:8px 24px 80px;max-width:1200px}\n"
    "nav a{color:#cfe0ff;margin-right:14px}h2{margin-top:28px;border-bottom:1px solid #ddd}\n"
    ".badge{display:inline-block;padding:1px 8px;border-radius:9px;font-weight:600;font-size:12px;color:#fff}\n"
    ".v-pass{background:#2e7d32}.v-warn{background:#b26a00}.v-fail{background:#c62828}.v-skip{background:#777}\n"
    "table{border-collapse:collapse;margin:8px 0;background:#fff}td,th{border:1px solid #ddd;padding:3px 8px;"
    "text-align:left;vertical-align:top;font-size:13px}th{background:#f0f0f0}td.n{text-align:right}\n"
    "tr.bad td{background:#fdecea}tr.warn td{background:#fff6e0}\n"
    "details.doc{background:#fff;border:1px solid #ddd;border-radius:6px;margin:8px 0;padding:4px 12px}\n"
    "details.doc>summary{cursor:pointer;padding:4px 0}details.doc>summary .id{font-family:monospace}\n"
    "pre.text{white-space:pre-wrap;word-wrap:break-word;font:14px/1.6 Georgia,serif;background:#fffef8;"
    "border:1px solid #eee;padding:10px;max-height:none}\n"
    "mark.hl{background:none;color:inherit;cursor:pointer;border-radius:2px}\n"
    ".t-quote{background:#dbe9ff!important;box-shadow:inset 0 -2px #5b8def}\n"
    ".t-council{background:#d7f5d3!important;border-bottom:2px solid #2e7d32}\n"
    ".t-council_rating{background:#ffd2a8!important}\n"
    ".t-rating{background:#ffe770!important}\n"
    ".t-speaker{border-bottom:2px dotted #3a63c9}\n"
    "mark.hl.bad{outline:2px solid #d00;outline-offset:1px}mark.hl.warn{outline:1px dashed #b26a00}\n"
    ".legend span{display:inline-block;padding:1px 8px;margin-right:8px;border-radius:3px}\n"
    ".flash{animation:fl 1.5s}@keyframes fl{from{background:#ff0}}\n"
    "#panel{position:fixed;right:12px;bottom:12px;max-width:460px;max-height:45vh;overflow:auto;background:#fff;"
    "border:1px solid #888;box-shadow:0 2px 10px #0004;padding:8px 12px;font-size:13px;display:none}\n"
    "#panel pre{white-space:pre-wrap;margin:4px 0}.reason{color:#8a1c1c}.muted{color:#777}\n"
    "code,.mono{font-family:monospace;font-size:12px}\n";

static const char *const js =
    "(function(){\n"
    "function openTo(id){var el=document.getElementById(id);if(!el)return;\n"
    " for(var p=el;p;p=p.parentElement)if(p.tagName==='DETAILS')p.open=true;\n"
    " el.scrollIntoView({block:el.tagName==='DETAILS'?'start':'center'});el.classList.add('flash');setTimeout(function(){el.classList.remove('flash')},1600);}\n"
    "document.addEventListener('click',function(e){\n"
    " var a=e.target.closest('a[href^=\"#\"]');\n"
    " if(a){var id=a.getAttribute('href').slice(1);if(id){e.preventDefault();history.replaceState(null,'','#'+id);openTo(id);}return;}\n"
    " var m=e.target.closest('mark.hl');var panel=document.getElementById('panel');\n"
    " if(!m){if(!e.target.closest('#panel'))panel.style.display='none';return;}\n"
    " var html='';m.getAttribute('data-r').split(' ').forEach(function(n){\n"
    "  var row=document.getElementById('r'+n);if(!row)return;\n"
    "  html+='<div><b>'+row.getAttribute('data-type')+'</b> <a href=\"#r'+n+'\">line '+row.getAttribute('data-line')+'</a>'+\n"
    "   '<pre>'+row.querySelector('.fields').innerHTML+'</pre>'+row.querySelector('.verdict').innerHTML+'</div><hr>';});\n"
    " panel.innerHTML=html+'<span class=\"muted\">click elsewhere to close</span>';panel.style.display='block';});\n"
    "window.addEventListener('hashchange',function(){openTo(location.hash.slice(1));});\n"
    "if(location.hash)openTo(location.hash.slice(1));\n"
    "var q=/[?&]open=([^&]*)/.exec(location.search);\n"
    "if(q)decodeURIComponent(q[1]).split(',').forEach(function(id){var d=document.getElementById(id);if(d)d.open=true;});\n"
    "var n=document.querySelectorAll('mark.hl').length;document.body.setAttribute('data-highlights',n);\n"
    "var s=document.getElementById('js-status');if(s)s.textContent='script ran: '+n+' highlighted stretches';\n"
    "})();\n";

/* ---- pieces of the page ------------------------------------------------------- */

static void badge(w *o, ix_verdict v)
{
    putf(o, "<span class=\"badge v-%s\">%s</span>", ix_verdict_name(v), ix_verdict_name(v));
}

static void rec_link(w *o, const ix_audit *a, size_t i)
{
    const ix_arec *r = &a->recs[i];
    putf(o, "<a href=\"#r%zu\">", i);
    const char *doc = r->rec ? jstr(r->rec, "doc") : NULL;
    escs(o, doc ? doc : "-");
    putf(o, " line %zu</a>", r->line);
}

static void findings(w *o, const ix_audit *a, size_t i, bool all)
{
    const ix_arec *r = &a->recs[i];
    bool any = false;
    for (size_t k = 0; k < r->nf; k++) {
        const ix_finding *f = &r->f[k];
        if (!all && f->v != IX_V_FAIL && f->v != IX_V_WARN) continue;
        if (!f->reason && f->v == IX_V_PASS) continue;
        put(o, "<div>");
        badge(o, f->v);
        put(o, " <code>");
        escs(o, f->check);
        put(o, "</code> <span class=\"reason\">");
        escs(o, f->reason);
        put(o, "</span>");
        for (size_t j = 0; j < f->nrelated; j++) {
            put(o, j ? ", " : " — see ");
            rec_link(o, a, f->related[j]);
        }
        put(o, "</div>");
        any = true;
    }
    if (!any) put(o, "<span class=\"muted\">all checks passed</span>");
}

static void summary(w *o, const ix_audit *a)
{
    put(o, "<section id=\"summary\"><h2>Checks</h2>\n<table><tr><th>check</th><th>pass</th><th>warn</th><th>fail</th><th>skip</th></tr>\n");
    for (int c = 0; ix_audit_checks[c]; c++) {
        ix_audit_tally t = ix_audit_count(a, ix_audit_checks[c]);
        if (!t.pass && !t.warn && !t.fail && !t.skip) continue;
        putf(o, "<tr class=\"%s\"><td><code>%s</code></td><td class=n>%zu</td><td class=n>%zu</td><td class=n>%zu</td><td class=n>%zu</td></tr>\n",
             t.fail ? "bad" : t.warn ? "warn" : "", ix_audit_checks[c], t.pass, t.warn, t.fail, t.skip);
    }
    put(o, "</table>\n");
    for (int pass = 0; pass < 2; pass++) {
        ix_verdict want = pass == 0 ? IX_V_FAIL : IX_V_WARN;
        size_t n = 0;
        for (size_t i = 0; i < a->nrecs; i++) n += a->recs[i].v == want;
        if (pass == 0) putf(o, "<h3 id=\"failing\">Failing records (%zu)</h3>\n", n);
        else putf(o, "<details><summary>Records with warnings (%zu)</summary>\n", n);
        if (n) {
            put(o, "<ol>\n");
            for (size_t i = 0; i < a->nrecs; i++) {
                if (a->recs[i].v != want) continue;
                put(o, "<li>");
                rec_link(o, a, i);
                putf(o, " <b>%s</b> ", a->recs[i].type);
                findings(o, a, i, false);
                put(o, "</li>\n");
            }
            put(o, "</ol>\n");
        } else if (pass == 0) put(o, "<p>None: every check passed.</p>\n");
        if (pass == 1) put(o, "</details>\n");
    }
    put(o, "</section>\n");
}

static void legend(w *o)
{
    put(o, "<p class=\"legend\" id=\"legend\">Highlights: "
           "<span class=\"t-rating\">rating</span><span class=\"t-council_rating\">council_rating</span>"
           "<span class=\"t-quote\">quote</span><span class=\"t-speaker\">its speaker</span><span class=\"t-council\">council</span>"
           "<span style=\"outline:2px solid #d00\">failed a check</span>"
           "<span style=\"outline:1px dashed #b26a00\">warning</span>"
           " — hover a highlight for its fields, click it for the record and its verdict.</p>\n");
}

static void agreement(w *o, const ix_audit *a)
{
    put(o, "<section id=\"agreement\"><h2>Agreement across documents</h2>\n");
    if (!a->nagree) {
        put(o, "<p>No period's figure is given by two or more documents.</p></section>\n");
        return;
    }
    put(o, "<p>Figures that different documents give for the same period, unit and grade.</p>\n"
           "<table><tr><th>period</th><th>unit</th><th>grade</th><th>total</th><th>documents say</th><th>majority</th><th></th></tr>\n");
    for (size_t i = 0; i < a->nagree; i++) {
        const ix_agree_row *r = &a->agree[i];
        putf(o, "<tr class=\"%s\"><td>", r->ok ? "" : "bad");
        escs(o, r->period);
        put(o, "</td><td>");
        escs(o, r->unit);
        put(o, "</td><td>");
        escs(o, r->grade);
        put(o, "</td><td>");
        escs(o, r->total ? r->total : "—");
        put(o, "</td><td>");
        for (size_t k = 0; k < r->ncells; k++) {
            const ix_agree_cell *c = &r->cells[k];
            putf(o, "<div%s>", c->agrees ? "" : " class=\"reason\"");
            rec_link(o, a, c->rec);
            put(o, ": <b>");
            escs(o, c->value);
            put(o, "</b>");
            if (!c->agrees) put(o, " (disagrees)");
            put(o, "</div>");
        }
        put(o, "</td><td>");
        escs(o, r->majority ? r->majority : "none");
        put(o, "</td><td>");
        badge(o, r->ok ? IX_V_PASS : IX_V_FAIL);
        put(o, "</td></tr>\n");
    }
    put(o, "</table></section>\n");
}

typedef struct cref {
    const char *name;
    size_t rec, doc;
} cref;

static int cmp_cref(const void *x, const void *y)
{
    const cref *p = x, *q = y;
    int c = strcmp(p->name, q->name);
    if (c) return c;
    if (p->doc != q->doc) return p->doc < q->doc ? -1 : 1;
    return p->rec < q->rec ? -1 : p->rec > q->rec;
}

static void councils(w *o, const ix_audit *a)
{
    cref *c = ix_xmalloc((a->nrecs + 1) * sizeof *c);
    size_t n = 0;
    for (size_t i = 0; i < a->nrecs; i++) {
        const ix_arec *r = &a->recs[i];
        if (!r->rec || r->doc == IX_NONE) continue;
        const char *name = !strcmp(r->type, "council") ? jstr(r->rec, "name")
                           : !strcmp(r->type, "council_rating") ? jstr(r->rec, "council") : NULL;
        if (name) c[n++] = (cref){name, i, r->doc};
    }
    qsort(c, n, sizeof *c, cmp_cref);
    put(o, "<section id=\"councils\"><h2>Councils</h2>\n");
    if (!n) { put(o, "<p>No council is named.</p></section>\n"); free(c); return; }
    put(o, "<table><tr><th>council</th><th>code</th><th>documents</th><th>ratings given</th></tr>\n");
    for (size_t k = 0; k < n;) {
        size_t j = k;
        while (j < n && !strcmp(c[j].name, c[k].name)) j++;
        const char *code = NULL;
        size_t ndoc = 0;
        for (size_t i = k; i < j; i++) {
            if (!code) code = jstr(a->recs[c[i].rec].rec, "code");
            if (i == k || c[i].doc != c[i - 1].doc) ndoc++;
        }
        put(o, "<tr><td>");
        escs(o, c[k].name);
        put(o, "</td><td class=mono>");
        escs(o, code ? code : "");
        putf(o, "</td><td>%zu: ", ndoc);
        for (size_t i = k; i < j; i++) {
            if (i != k && c[i].doc == c[i - 1].doc) continue;
            if (i != k) put(o, ", ");
            putf(o, "<a href=\"#d%zu\">", c[i].doc);
            escs(o, a->docs[c[i].doc].id);
            put(o, "</a>");
        }
        put(o, "</td><td>");
        bool any = false;
        for (size_t i = k; i < j; i++) {
            const json_t *r = a->recs[c[i].rec].rec;
            if (strcmp(a->recs[c[i].rec].type, "council_rating")) continue;
            putf(o, "%s<a href=\"#r%zu\">", any ? "<br>" : "", c[i].rec);
            escs(o, jstr(r, "grade"));
            put(o, " (");
            escs(o, jstr(r, "judgement"));
            put(o, ")</a> in ");
            escs(o, a->docs[c[i].doc].id);
            any = true;
        }
        put(o, "</td></tr>\n");
        k = j;
    }
    put(o, "</table></section>\n");
    free(c);
}

/* ---- one document --------------------------------------------------------------- */

typedef struct hspan {
    size_t a, b, rec;
    bool primary;             /* the record's own span (not another mention) */
    const char *cls;          /* the record's type, or "speaker" */
} hspan;

static int cmp_sz(const void *x, const void *y)
{
    size_t p = *(const size_t *)x, q = *(const size_t *)y;
    return p < q ? -1 : p > q;
}

static void tooltip(w *o, const ix_audit *a, size_t i)
{
    const ix_arec *r = &a->recs[i];
    char *d = describe(r->rec, r->type);
    putf(o, "%s (line %zu, %s): ", r->type, r->line, ix_verdict_name(r->v));
    escs(o, d);
    free(d);
    for (size_t k = 0; k < r->nf; k++)
        if (r->f[k].v == IX_V_FAIL || r->f[k].v == IX_V_WARN) {
            put(o, "&#10;");
            escs(o, r->f[k].check);
            put(o, ": ");
            escs(o, r->f[k].reason);
        }
}

static void doc_text(w *o, const ix_audit *a, const ix_adoc *d)
{
    hspan *s = NULL;
    size_t n = 0, cap = 0;
    for (size_t k = 0; k < d->nrecs; k++) {
        size_t i = d->recs[k];
        const ix_arec *r = &a->recs[i];
        if (!r->rec || !highlighted(r->type)) continue;
        json_t *m = json_object_get(r->rec, "mentions");
        size_t extra = json_is_array(m) ? json_array_size(m) : 0;
        if (n + extra + 2 > cap) {
            cap = (n + extra + 2) * 2;
            s = ix_xrealloc(s, cap * sizeof *s);
        }
        if (r->has_span && r->a < r->b && r->b <= d->len) s[n++] = (hspan){r->a, r->b, i, true, r->type};
        for (size_t j = 0; j < extra; j++) {
            json_t *p = json_array_get(m, j);
            json_int_t x = json_integer_value(json_array_get(p, 0)), y = json_integer_value(json_array_get(p, 1));
            if (x >= 0 && y > x && (size_t)y <= d->len && !(r->has_span && (size_t)x == r->a && (size_t)y == r->b))
                s[n++] = (hspan){(size_t)x, (size_t)y, i, false, r->type};
        }
        /* a quote's speaker, where the text names them */
        json_t *sp = json_object_get(r->rec, "speaker_span");
        if (json_is_array(sp)) {
            json_int_t x = json_integer_value(json_array_get(sp, 0)), y = json_integer_value(json_array_get(sp, 1));
            if (x >= 0 && y > x && (size_t)y <= d->len) s[n++] = (hspan){(size_t)x, (size_t)y, i, false, "speaker"};
        }
    }
    size_t *cut = ix_xmalloc((2 * n + 2) * sizeof *cut);
    size_t nc = 0;
    cut[nc++] = 0;
    cut[nc++] = d->len;
    for (size_t k = 0; k < n; k++) { cut[nc++] = s[k].a; cut[nc++] = s[k].b; }
    qsort(cut, nc, sizeof *cut, cmp_sz);
    put(o, "<pre class=\"text\">");
    for (size_t c = 0; c + 1 < nc; c++) {
        size_t x = cut[c], y = cut[c + 1];
        if (x == y) continue;
        /* anchors for the records whose own span starts here */
        for (size_t k = 0; k < n; k++)
            if (s[k].primary && s[k].a == x) putf(o, "<span id=\"h%zu\"></span>", s[k].rec);
        size_t l;
        char *t = ix_decode_bytes((ix_encoding)d->enc, d->bytes + x, y - x, &l);
        bool any = false, bad = false, warn = false;
        const char *seen[8] = {0};
        int ns = 0;
        for (size_t k = 0; k < n; k++) {
            if (s[k].a > x || s[k].b < y) continue;
            const ix_arec *r = &a->recs[s[k].rec];
            any = true;
            bad |= r->v == IX_V_FAIL;
            warn |= r->v == IX_V_WARN;
            bool dup = false;
            for (int q = 0; q < ns; q++) dup |= !strcmp(seen[q], s[k].cls);
            if (!dup && ns < 8) seen[ns++] = s[k].cls;
        }
        if (any) {
            put(o, "<mark class=\"hl");
            for (int q = 0; q < ns; q++) putf(o, " t-%s", seen[q]);
            put(o, bad ? " bad" : warn ? " warn" : "");
            put(o, "\" data-r=\"");
            bool first = true;
            for (size_t k = 0; k < n; k++)
                if (s[k].a <= x && s[k].b >= y) { putf(o, first ? "%zu" : " %zu", s[k].rec); first = false; }
            put(o, "\" title=\"");
            first = true;
            for (size_t k = 0; k < n; k++)
                if (s[k].a <= x && s[k].b >= y) {
                    if (!first) put(o, "&#10;");
                    tooltip(o, a, s[k].rec);
                    first = false;
                }
            put(o, "\">");
            esc(o, t, l);
            put(o, "</mark>");
        } else esc(o, t, l);
        free(t);
    }
    put(o, "</pre>\n");
    free(cut);
    free(s);
}

static void doc_section(w *o, const ix_audit *a, size_t di, bool open)
{
    const ix_adoc *d = &a->docs[di];
    const json_t *dr = a->recs[d->rec].rec;
    putf(o, "<details class=\"doc\" id=\"d%zu\"%s><summary>", di, open ? " open" : "");
    badge(o, d->v);
    put(o, " <span class=\"id\">");
    escs(o, d->id);
    put(o, "</span> — ");
    escs(o, d->is_error ? jstr(dr, "error") : jstr(dr, "title") ? jstr(dr, "title") : "(no title)");
    putf(o, " <span class=\"muted\">(%zu records)</span></summary>\n", d->nrecs);
    put(o, "<p class=\"muted\">source <code>");
    escs(o, d->source);
    put(o, "</code>");
    if (!d->is_error) {
        put(o, ", ");
        escs(o, jstr(dr, "encoding"));
        json_t *by = json_object_get(dr, "bytes");
        if (json_is_integer(by)) putf(o, ", %" JSON_INTEGER_FORMAT " bytes", json_integer_value(by));
        if (jstr(dr, "date")) { put(o, ", dated "); escs(o, jstr(dr, "date")); }
    }
    putf(o, "</p><div id=\"r%zu\" data-type=\"doc\" data-line=\"%zu\"><div class=\"fields\" hidden></div><div class=\"verdict\">",
         d->rec, a->recs[d->rec].line);
    findings(o, a, d->rec, false);
    put(o, "</div></div>\n");
    if (d->bytes) doc_text(o, a, d);
    else if (!d->is_error) put(o, "<p class=\"reason\">The source could not be re-read, so its text is not shown.</p>\n");
    if (d->nrecs) {
        put(o, "<table class=\"recs\"><tr><th>line</th><th>type</th><th>fields</th><th>evidence</th><th>verdict</th></tr>\n");
        for (size_t k = 0; k < d->nrecs; k++) {
            size_t i = d->recs[k];
            const ix_arec *r = &a->recs[i];
            putf(o, "<tr id=\"r%zu\" data-type=\"%s\" data-line=\"%zu\" class=\"%s\"><td>", i, r->type, r->line,
                 r->v == IX_V_FAIL ? "bad" : r->v == IX_V_WARN ? "warn" : "");
            if (r->has_span && r->a < r->b && d->bytes && r->b <= d->len) putf(o, "<a href=\"#h%zu\">%zu</a>", i, r->line);
            else putf(o, "%zu", r->line);
            putf(o, "</td><td>%s</td><td class=\"fields\">", r->type);
            char *desc = r->rec ? describe(r->rec, r->type) : ix_xstrdup("");
            escs(o, desc);
            free(desc);
            if (r->has_span) putf(o, " <span class=\"muted\">[%zu,%zu)</span>", r->a, r->b);
            put(o, "</td><td>");
            escs(o, r->rec ? jstr(r->rec, "evidence") : NULL);
            put(o, "</td><td class=\"verdict\">");
            badge(o, r->v);
            put(o, " ");
            findings(o, a, i, false);
            put(o, "</td></tr>\n");
        }
        put(o, "</table>\n");
    }
    put(o, "</details>\n");
}

int ix_audit_html(const ix_audit *a, FILE *out, ix_err *e)
{
    w o = {out};
    size_t nfail = 0, nwarn = 0, faildocs = 0;
    for (size_t i = 0; i < a->nrecs; i++) {
        nfail += a->recs[i].v == IX_V_FAIL;
        nwarn += a->recs[i].v == IX_V_WARN;
    }
    for (size_t i = 0; i < a->ndocs; i++) faildocs += a->docs[i].v == IX_V_FAIL;
    put(&o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>inspex audit: ");
    escs(&o, a->name);
    putf(&o, "</title>\n<style>\n%s</style>\n</head><body>\n<header><h1>inspex audit ", css);
    badge(&o, nfail ? IX_V_FAIL : IX_V_PASS);
    put(&o, "</h1><p><code>");
    escs(&o, a->name);
    putf(&o, "</code>: %zu documents, %zu records; %zu failed, %zu with warnings.</p>\n", a->ndocs, a->nrecs, nfail, nwarn);
    put(&o, "<nav><a href=\"#summary\">Checks</a><a href=\"#failing\">Failing records</a><a href=\"#agreement\">Agreement</a>"
            "<a href=\"#documents\">Documents</a><a href=\"#councils\">Councils</a></nav>"
            "<p id=\"js-status\" class=\"muted\">script did not run</p></header>\n<main>\n");
    summary(&o, a);
    agreement(&o, a);
    putf(&o, "<section id=\"documents\"><h2>Documents (%zu)</h2>\n", a->ndocs);
    legend(&o);
    for (size_t i = 0; i < a->ndocs; i++)
        doc_section(&o, a, i, a->docs[i].v == IX_V_FAIL && faildocs <= 20);
    put(&o, "</section>\n");
    councils(&o, a);
    put(&o, "</main>\n<div id=\"panel\"></div>\n<script>\n");
    put(&o, js);
    put(&o, "</script>\n</body></html>\n");
    if (ferror(out)) { ix_err_set(e, "write error"); return -1; }
    return 0;
}
