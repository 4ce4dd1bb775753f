/* normalize.c — decoded UTF-8 -> the folded text every rule matches against.
 *
 * Consumes ix_doc.dec (valid UTF-8). Produces ix_doc.text: paragraphs
 * separated by '\n' ("\n\n" where the source had a blank line), each on one line, and ix_doc.map
 * (normalised offset -> decoded offset). What it folds, and why:
 *   - curly quotes and primes -> ' and ", dashes -> '-', every kind of space
 *     -> ' ': rules then need one spelling of each;
 *   - runs of white space -> one space; zero-width characters and soft
 *     hyphens vanish; control bytes (NUL included) count as space;
 *   - hard-wrapped lines are joined inside a paragraph. A blank line always
 *     breaks a paragraph. When the document is hard-wrapped (most lines 60..100
 *     columns, few longer) a single newline joins, unless the line before it is
 *     short (the end of a paragraph); otherwise each line is a paragraph. A
 *     word hyphenated across a single line break is joined back
 *     (ix_hyphen_break), whatever the line's length;
 *   - inline link annotations "<https://...>" / "<www...>" are skipped;
 *   - the marks of a quoted reply or a Markdown block quote at a line's
 *     start ("> ", ">> ") vanish: the line reads as the text it quotes;
 *   - Markdown's emphasis marks ("**inadequate**", "*requires improvement*")
 *     vanish, so that "was judged **good**" reads as "was judged good"; a
 *     star that emphasises nothing (a bullet "* ", "5 * 3") stays;
 *   - HTML character references left in text saved from a web page
 *     ("&rsquo;", "&nbsp;", "&#8217;", "&amp;") are read as the characters
 *     they stand for, then folded like them: a rule sees "Barking & Dagenham"
 *     and a quotation's "&ldquo;" opens it, while spans and evidence keep
 *     the bytes as written;
 *   - a subtitle file (SRT or WebVTT, known by its first line) reads as
 *     the text of its captions: cue numbers and timing lines vanish, and a
 *     line break, within a cue or between two, is a space, unless the text
 *     before it ends a sentence outside a quotation (then it ends the
 *     paragraph). Captions break sentences anywhere ("seven of" / "the 11
 *     councils are good or better");
 *   - base character + combining marks are composed to NFC with utf8proc.
 * Plain ASCII is copied in runs without looking at utf8proc at all.
 */
#include <stdlib.h>
#include <utf8proc.h>
#include "internal.h"

/* Combining marks composed with one base character (see marks_end). */
#define IX_MAX_MARKS 30

/* Character classes for the bytes of the ASCII range. A constant table:
 * filled lazily it was written by every worker thread at once (a data
 * race, found by ThreadSanitizer with -j 3). */
enum { C_TEXT = 0, C_SPACE, C_NL, C_CR, C_LT, C_AMP, C_STAR, C_GT, C_HI };
#define S4(c) [c] = C_SPACE, [c + 1] = C_SPACE, [c + 2] = C_SPACE, [c + 3] = C_SPACE
#define H8(c) [c] = C_HI, [c + 1] = C_HI, [c + 2] = C_HI, [c + 3] = C_HI, \
              [c + 4] = C_HI, [c + 5] = C_HI, [c + 6] = C_HI, [c + 7] = C_HI
#define H64(c) H8(c), H8(c + 8), H8(c + 16), H8(c + 24), H8(c + 32), H8(c + 40), H8(c + 48), H8(c + 56)
static const unsigned char ascii_class[256] = {
    /* NUL, tab and the other control bytes count as space */
    S4(0x00), S4(0x04), [0x08] = C_SPACE, [0x09] = C_SPACE, ['\n'] = C_NL, [0x0B] = C_SPACE,
    [0x0C] = C_SPACE, ['\r'] = C_CR, [0x0E] = C_SPACE, [0x0F] = C_SPACE,
    S4(0x10), S4(0x14), S4(0x18), S4(0x1C),
    [' '] = C_SPACE, [0x7F] = C_SPACE, ['<'] = C_LT, ['&'] = C_AMP, ['*'] = C_STAR, ['>'] = C_GT,
    H64(0x80), H64(0xC0),
};
#undef S4
#undef H8
#undef H64

/* Folding of non-ASCII code points: one entry per class of character. */
typedef struct { uint32_t lo, hi; const char *to; } fold_range;
static const fold_range folds[] = {
    {0x00A0, 0x00A0, " "},        /* no-break space */
    {0x00AB, 0x00AB, "\""},       /* guillemets used as quotes */
    {0x00AD, 0x00AD, ""},         /* soft hyphen: invisible */
    {0x00BB, 0x00BB, "\""},
    {0x2000, 0x200A, " "},        /* en/em/thin/hair spaces */
    {0x200B, 0x200D, ""},         /* zero-width space/joiners */
    {0x2010, 0x2015, "-"},        /* hyphens, en and em dashes, bar */
    {0x2018, 0x201B, "'"},        /* single curly quotes */
    {0x201C, 0x201F, "\""},       /* double curly quotes */
    {0x2026, 0x2026, "..."},      /* ellipsis */
    {0x2028, 0x2029, " "},        /* line/paragraph separators */
    {0x202F, 0x202F, " "},        /* narrow no-break space */
    {0x2032, 0x2032, "'"},        /* prime, often typed for an apostrophe */
    {0x2033, 0x2033, "\""},       /* double prime */
    {0x205F, 0x205F, " "},
    {0x2060, 0x2060, ""},         /* word joiner */
    {0x2212, 0x2212, "-"},        /* minus sign */
    {0x3000, 0x3000, " "},
    {0xFEFF, 0xFEFF, ""},         /* stray BOM / zero-width no-break space */
    {0xFF02, 0xFF02, "\""},
    {0xFF07, 0xFF07, "'"},
};

static const char *fold_of(uint32_t cp)
{
    size_t lo = 0, hi = sizeof folds / sizeof *folds;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < folds[mid].lo) hi = mid;
        else if (cp > folds[mid].hi) lo = mid + 1;
        else return folds[mid].to;
    }
    return NULL;
}

/* HTML's named character references that text saved from a web page
 * carries (punctuation, spaces, currency, the accented letters of names);
 * any other character comes as a numeric reference ("&#8217;", "&#x2019;").
 * Sorted by name, for bsearch. */
typedef struct { const char *name; uint32_t cp; } entity;
static const entity entities[] = {
    {"Aacute", 0xC1}, {"Eacute", 0xC9}, {"Prime", 0x2033}, {"aacute", 0xE1}, {"acirc", 0xE2},
    {"agrave", 0xE0}, {"amp", '&'}, {"apos", '\''}, {"auml", 0xE4}, {"bdquo", 0x201E},
    {"bull", 0x2022}, {"ccedil", 0xE7}, {"cent", 0xA2}, {"copy", 0xA9}, {"deg", 0xB0},
    {"eacute", 0xE9}, {"ecirc", 0xEA}, {"egrave", 0xE8}, {"emsp", 0x2003}, {"ensp", 0x2002},
    {"euml", 0xEB}, {"euro", 0x20AC}, {"frac12", 0xBD}, {"frac14", 0xBC}, {"frac34", 0xBE},
    {"gt", '>'}, {"hellip", 0x2026}, {"iacute", 0xED}, {"iuml", 0xEF}, {"laquo", 0xAB},
    {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", '<'}, {"mdash", 0x2014}, {"middot", 0xB7},
    {"minus", 0x2212}, {"nbsp", 0xA0}, {"ndash", 0x2013}, {"ntilde", 0xF1}, {"oacute", 0xF3},
    {"ocirc", 0xF4}, {"ouml", 0xF6}, {"pound", 0xA3}, {"prime", 0x2032}, {"quot", '"'},
    {"raquo", 0xBB}, {"rdquo", 0x201D}, {"reg", 0xAE}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"sect", 0xA7}, {"shy", 0xAD}, {"szlig", 0xDF}, {"thinsp", 0x2009}, {"times", 0xD7},
    {"trade", 0x2122}, {"uacute", 0xFA}, {"uuml", 0xFC}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

static int entity_cmp(const void *key, const void *e)
{
    return strcmp((const char *)key, ((const entity *)e)->name);
}

/* The character reference at s[i] ('&'): its length through the ';' and
 * its code point in *cp, or 0 when there is none (a bare "&", "AT&T", an
 * unknown name, a code point that is no character). */
static size_t entity_len(const char *s, size_t n, size_t i, uint32_t *cp)
{
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        bool hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
        j += hex ? 2 : 1;
        uint32_t v = 0;
        size_t d0 = j;
        for (; j < n && j - d0 < 7; j++) {
            unsigned char c = (unsigned char)s[j];
            int x = ix_is_digit(c) ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (x < 0) break;
            v = v * (hex ? 16 : 10) + (uint32_t)x;
        }
        if (j == d0 || j >= n || s[j] != ';' || !utf8proc_codepoint_valid((utf8proc_int32_t)v) || v == 0) return 0;
        *cp = v;
        return j + 1 - i;
    }
    char name[8];
    size_t k = 0;
    while (j < n && k < sizeof name - 1 && ix_is_alnum(s[j]) && (unsigned char)s[j] < 0x80) name[k++] = s[j++];
    if (!k || j >= n || s[j] != ';') return 0;
    name[k] = 0;
    const entity *e = bsearch(name, entities, sizeof entities / sizeof *entities, sizeof *entities, entity_cmp);
    if (!e) return 0;
    *cp = e->cp;
    return j + 1 - i;
}

/* Does a reference to cp stand for white space (or a control, or for
 * nothing, as a soft hyphen or a zero-width joiner does)? */
static bool entity_is_space(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;    /* "&#10;": a control counts as space */
    const char *f = fold_of(cp);
    if (f) return f[0] == ' ' || f[0] == 0;
    return utf8proc_get_property((utf8proc_int32_t)cp)->category == UTF8PROC_CATEGORY_ZS;
}

/* An em dash (or a bar) set close against a word ("good or
 * outstanding—that is 63%—up from 88", as American and Hansard style
 * set it) is a parenthetical dash, not a hyphen: folded to "-" alone it would
 * join "outstanding-that" into one hyphenated word. It reads as " - ", as
 * when spaced. Returns what the dash s[i, i + k) reads as: " - ", or "- "
 * after a space or at the start, or " -" before a space; NULL to fold it
 * as usual (spaced both sides, or between two digits, where it is a
 * range's dash). */
static const char *close_dash(const ix_buf *out, const char *s, size_t n, size_t i, size_t k)
{
    unsigned char prev = out->len ? (unsigned char)out->s[out->len - 1] : ' ';
    bool left = prev != ' ' && prev != '\n';
    bool right = i + k < n;
    if (right) {
        unsigned char c = (unsigned char)s[i + k];
        int cl = ascii_class[c];
        if (cl == C_SPACE || cl == C_NL || cl == C_CR) right = false;
        else if (cl == C_AMP) {
            uint32_t ecp;
            size_t el = entity_len(s, n, i + k, &ecp);
            if (el && entity_is_space(ecp)) right = false;
        } else if (cl == C_HI) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s + i + k, (utf8proc_ssize_t)(n - i - k), &cp);
            if (l > 0 && entity_is_space((uint32_t)cp)) right = false;
        }
    }
    if (left && right && prev >= '0' && prev <= '9' && s[i + k] >= '0' && s[i + k] <= '9') return NULL;
    return left && right ? " - " : left ? " -" : right ? "- " : NULL;
}

/* The length of a quoted reply's marks at s[i] ('>'): the '>'s and the
 * spaces after them, when only spaces or tabs stand between the line's
 * start and s[i]; else 0 ("a > b" is text). */
static size_t reply_marks_len(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
    if (k > 0 && s[k - 1] != '\n' && s[k - 1] != '\r') return 0;
    size_t j = i;
    while (j < n && (s[j] == '>' || s[j] == ' ')) j++;
    return j - i;
}

/* The length of a run of Markdown emphasis marks at s[i] ('*'), or 0 when
 * the stars emphasise nothing. One to three stars open emphasis before a
 * word (a space, a line's start or an opening bracket or quote before
 * them) or close it after one (a space, punctuation or the end after
 * them): CommonMark's flanking rule, cut down to what emphasis in saved
 * text looks like. */
static size_t emphasis_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] == '*') j++;
    if (j - i > 3) return 0;
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ', after = j < n ? (unsigned char)s[j] : ' ';
    bool space_before = ascii_class[before] != C_TEXT && ascii_class[before] != C_HI;
    bool space_after = ascii_class[after] != C_TEXT && ascii_class[after] != C_HI;
    bool opens = !space_after && (space_before || (before && strchr("([\"'", before)));
    bool closes = !space_before && (space_after || (after && strchr(".,;:!?)]\"'", after)));
    return opens || closes ? j - i : 0;
}

/* Length of an inline link annotation at s[i] ("<https://...>"), or 0. */
static size_t link_len(const char *s, size_t n, size_t i)
{
    if (s[i] != '<') return 0;
    const char *p = s + i + 1;
    size_t rest = n - i - 1;
    if (!((rest >= 5 && !memcmp(p, "http:", 5)) || (rest >= 6 && !memcmp(p, "https:", 6)) ||
          (rest >= 4 && !memcmp(p, "www.", 4)) || (rest >= 7 && !memcmp(p, "mailto:", 7))))
        return 0;
    for (size_t j = i + 1; j < n && j < i + 2048; j++) {
        unsigned char c = (unsigned char)s[j];
        if (c == '>') return j + 1 - i;
        if (c == ' ' || c == '\n' || c == '\r' || c == '<') return 0;
    }
    return 0;
}

/* A subtitle file's cue timing ("00:00:56,400 --> 00:01:00,120", SRT; the
 * VTT form has '.' and may drop the hours and add cue settings): the length
 * of the timing at s[i] through the rest of its line (not the newline), or 0. */
static size_t timestamp_len(const char *s, size_t n, size_t i)
{
    size_t j = i, d = 0;
    while (j < n && ix_is_digit(s[j])) j++, d++;
    if (!d || j >= n || s[j] != ':') return 0;
    size_t k = j + 1, d2 = 0;
    while (k < n && ix_is_digit(s[k])) k++, d2++;
    if (d2 == 2 && k < n && s[k] == ':') {      /* hours:minutes:seconds */
        j = k + 1;
        d2 = 0;
        while (j < n && ix_is_digit(s[j])) j++, d2++;
        k = j;
    }
    if (d2 != 2 || k >= n || (s[k] != ',' && s[k] != '.')) return 0;
    j = k + 1;
    while (j < n && ix_is_digit(s[j])) j++;
    return j - k == 4 ? j - i : 0;
}

static size_t cue_timing_len(const char *s, size_t n, size_t i)
{
    size_t j = i, l;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (!(l = timestamp_len(s, n, j))) return 0;
    j += l;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (n - j < 3 || memcmp(s + j, "-->", 3)) return 0;
    j += 3;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (!(l = timestamp_len(s, n, j))) return 0;
    j += l;
    while (j < n && s[j] != '\n' && s[j] != '\r') j++;     /* VTT cue settings */
    return j - i;
}

/* The end of the line at s[i] (its '\n' or '\r', or n) and the start of
 * the next. */
static size_t line_end(const char *s, size_t n, size_t i, size_t *next)
{
    while (i < n && s[i] != '\n' && s[i] != '\r') i++;
    *next = i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? i + 2 : i < n ? i + 1 : n;
    return i;
}

/* A cue's header at the start of a line of a subtitle file: its number
 * (a line of digits; SRT always has one, VTT may) and its timing line, or
 * VTT's "WEBVTT" line. Its length (not the last line's newline), or 0. A
 * subtitle file reads as the text its cues carry, so that a sentence the
 * captions split over two cues is one sentence. */
static size_t cue_header_len(const char *s, size_t n, size_t i)
{
    size_t l = cue_timing_len(s, n, i), next;
    if (l) return l;
    size_t e = line_end(s, n, i, &next), j = i;
    while (j < e && ix_is_digit(s[j])) j++;
    if (j > i && j == e && next < n && (l = cue_timing_len(s, n, next))) return next + l - i;
    if (e - i >= 6 && !memcmp(s + i, "WEBVTT", 6) && (e == i + 6 || s[i + 6] == ' ' || s[i + 6] == '\t'))
        return e - i;
    return 0;
}

/* A cue's header at s[i] when i starts a line, else 0. */
static size_t cue_at(const char *s, size_t n, size_t i)
{
    return i == 0 || s[i - 1] == '\n' || s[i - 1] == '\r' ? cue_header_len(s, n, i) : 0;
}

bool ix_is_subtitles(const char *s, size_t n)
{
    size_t i = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;      /* a BOM */
    size_t i0 = i;
    while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' ' || s[i] == '\t')) i++;
    if (i > i0 && s[i - 1] != '\n' && s[i - 1] != '\r') return false;    /* an indented first line */
    return cue_header_len(s, n, i) > 0;
}

/* Does the text emitted so far end a sentence outside a quotation? Then a
 * subtitle file's line break there is a paragraph break; elsewhere it is a
 * space, since captions break lines and cues mid-sentence. A quotation
 * still open keeps the paragraph going (its '"'s since the last paragraph
 * break, counted over at most 4 kB, are odd). */
static bool ends_sentence(const ix_buf *out)
{
    size_t k = out->len;
    while (k > 0 && (out->s[k - 1] == '"' || out->s[k - 1] == '\'' || out->s[k - 1] == ')')) k--;
    if (k == 0) return false;
    char c = out->s[k - 1];
    if (c != '.' && c != '!' && c != '?' && out->s[out->len - 1] != ']') return false;
    size_t quotes = 0;
    for (size_t j = out->len; j > 0 && out->len - j < 4096 && out->s[j - 1] != '\n'; j--) quotes += out->s[j - 1] == '"';
    return quotes % 2 == 0;
}

/* Pass 1: is the document hard-wrapped, and at what width? */
static void wrap_stats(const char *s, size_t n, bool *wrapped, size_t *width)
{
    size_t nonempty = 0, nlong = 0, nmid = 0, maxw = 0;
    size_t i = 0;
    while (i < n) {
        size_t vis = 0;
        while (i < n && s[i] != '\n' && s[i] != '\r') {
            /* sixteen bytes at a time while none ends the line or may open
             * a link annotation: each byte but a UTF-8 continuation byte
             * (10xxxxxx) is a visible character */
            if (n - i >= 16) {
                ix_v16 v = ix_v16_load(s + i);
                if (!(ix_v16_eq(v, '\n') | ix_v16_eq(v, '\r') | ix_v16_eq(v, '<'))) {
                    vis += 16 - ix_bits16(ix_v16_in(v, 0x80, 0xBF));
                    i += 16;
                    continue;
                }
            }
            size_t l = link_len(s, n, i);
            if (l) { i += l; continue; }
            if (((unsigned char)s[i] & 0xC0) != 0x80) vis++;
            i++;
        }
        if (i < n && s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') i++;
        i++;
        if (vis == 0) continue;
        nonempty++;
        if (vis > 100) nlong++;
        else {
            if (vis >= 60) nmid++;
            if (vis > maxw) maxw = vis;
        }
    }
    *wrapped = nmid >= 3 && nlong * 20 <= nonempty && nmid * 3 >= nonempty;
    *width = maxw;
}

typedef struct {
    ix_buf out;
    ix_offmap *map;
} emit_t;

/* Emits `to` (tlen bytes) for decoded bytes [o, o+olen). */
static void emit(emit_t *em, const char *to, size_t tlen, size_t o, size_t olen)
{
    if (tlen != olen || olen > 1) ix_offmap_add(em->map, em->out.len, tlen, o, olen);
    ix_buf_put(&em->out, to, tlen);
}

/* End of the run of combining marks starting at s[j] (j itself when none). */
/* At most IX_MAX_MARKS marks go into one composition (the limit of
 * Unicode's Stream-Safe Text Format): utf8proc reorders marks with an
 * insertion sort, so "Zalgo" text of thousands of marks on one letter was
 * quadratic. Later marks start a cluster of their own. */
static size_t marks_end(const char *s, size_t n, size_t j)
{
    size_t nmarks = 0;
    while (j < n && (unsigned char)s[j] >= 0x80 && nmarks < IX_MAX_MARKS) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + j, (utf8proc_ssize_t)(n - j), &cp);
        if (k <= 0 || utf8proc_get_property(cp)->combining_class == 0) break;
        j += (size_t)k;
        nmarks++;
    }
    return j;
}

/* Emits the NFC form of the cluster s[a, b) (a base and its marks). */
static void compose(emit_t *em, const char *s, size_t a, size_t b)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(b - a), &nfc,
                                      UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (m > 0) emit(em, (const char *)nfc, (size_t)m, a, b - a);
    else ix_buf_put(&em->out, s + a, b - a);
    free(nfc);
}

/* Is s[i] (after a run of white space / link annotations) punctuation that
 * attaches to the word before it? "the report <https://...>." must read
 * "the report." and not "the report .". */
static bool attaches_left(const char *s, size_t n, size_t i)
{
    return i < n && s[i] && strchr(".,;:!?)]", s[i]);
}

/* Past blocks of sixteen bytes that continue a run of text from j (the
 * byte before j is text): printable ASCII other than '<', spaces single.
 * A space in a block's last byte is left to start the next block, which
 * then tells whether text follows it. In a block with a byte that ends the
 * run, the run goes on to that byte, or to the space before it (a space
 * belongs to a run only when text follows it); the byte loop starts there. */
static inline size_t text_run16(const char *s, size_t j, size_t n)
{
    while (j + 16 <= n) {
        ix_v16 v = ix_v16_load(s + j);
        unsigned sp = ix_v16_eq(v, ' ');
        unsigned stop = (~ix_v16_in(v, 0x20, 0x7E) & 0xFFFFu) | ix_v16_eq(v, '<') | ix_v16_eq(v, '&') | ix_v16_eq(v, '*') |
                        (sp & (sp >> 1));
        if (stop) {
            unsigned k = (unsigned)__builtin_ctz(stop);
            return j + k - (k && (sp >> (k - 1) & 1));
        }
        j += 16 - (sp >> 15);
    }
    return j;
}

size_t ix_hyphen_break(const char *s, size_t n, size_t h)
{
    if (h == 0 || h >= n || s[h] != '-' || !ix_is_alpha(s[h - 1]) || (unsigned char)s[h - 1] >= 0x80) return 0;
    size_t j = h + 1;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (j < n && s[j] == '\r') j++;
    if (j < n && s[j] == '\n') j++;
    else if (j == h + 1 || s[j - 1] != '\r') return 0;      /* no line break */
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    size_t w = j;
    while (w < n && ix_is_lower(s[w])) w++;
    return w > j && (w == n || s[w] != '-') ? j : 0;
}

void ix_normalize(ix_doc *doc)
{
    const char *s = doc->dec.s;
    size_t n = doc->dec.len;
    bool wrapped;
    size_t width;
    wrap_stats(s, n, &wrapped, &width);
    size_t shortline = width * 55 / 100;
    bool subs = doc->subtitles >= 0 ? doc->subtitles > 0 : ix_is_subtitles(s, n);

    emit_t em = {{0}, &doc->map};
    ix_buf_grow(&em.out, n);

    size_t i = 0;
    size_t line_vis = 0;         /* visible characters on the current line */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int cls = ascii_class[c];
        /* a subtitle cue's number and timing: white space (below) */
        if (subs && cls == C_TEXT && cue_at(s, n, i)) cls = C_SPACE;
        if (cls == C_TEXT) {
            /* A run of text, single spaces between words included: they are
             * copied as they are, so the run needs no edit in the map. */
            size_t j = i + 1;
            for (;;) {
                j = text_run16(s, j, n);
                while (j < n && ascii_class[(unsigned char)s[j]] == C_TEXT) j++;
                if (j + 1 < n && s[j] == ' ' && ascii_class[(unsigned char)s[j + 1]] == C_TEXT) { j += 2; continue; }
                break;
            }
            /* Decomposed text ("e" + U+0301): the run's last letter is the
             * base of the marks after it, and composes with them. */
            size_t m = j < n && (unsigned char)s[j] >= 0x80 ? marks_end(s, n, j) : j;
            if (m > j) {
                ix_buf_put(&em.out, s + i, j - 1 - i);
                compose(&em, s, j - 1, m);
                line_vis += j - i;
                i = m;
                continue;
            }
            ix_buf_put(&em.out, s + i, j - i);
            line_vis += j - i;
            i = j;
            continue;
        }
        if (cls == C_LT && !link_len(s, n, i)) {
            ix_buf_putc(&em.out, '<');
            line_vis++;
            i++;
            continue;
        }
        if (cls == C_GT || cls == C_STAR) {
            /* markup that vanishes, or the character as text */
            size_t l = cls == C_GT ? reply_marks_len(s, n, i) : emphasis_len(s, n, i);
            if (l) emit(&em, "", 0, i, l);
            else {
                ix_buf_putc(&em.out, s[i]);
                line_vis++;
            }
            i += l ? l : 1;
            continue;
        }
        uint32_t ecp;
        size_t el = cls == C_AMP ? entity_len(s, n, i, &ecp) : 0;
        if (cls == C_AMP && !(el && entity_is_space(ecp))) {
            if (!el) ix_buf_putc(&em.out, '&');
            else {
                /* the character it stands for, folded as that character
                 * would be ("&rsquo;" -> "'", "&eacute;" -> "é") */
                const char *f = fold_of(ecp);
                utf8proc_uint8_t u[4];
                if (f) emit(&em, f, strlen(f), i, el);
                else emit(&em, (const char *)u, (size_t)utf8proc_encode_char((utf8proc_int32_t)ecp, u), i, el);
            }
            line_vis++;
            i += el ? el : 1;
            continue;
        }
        if (cls == C_HI) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0) { k = 1; cp = 0xFFFD; }            /* cannot happen after decode */
            const char *f = fold_of((uint32_t)cp);
            bool space = f && f[0] == ' ';
            if (!f) {
                const utf8proc_property_t *pr = utf8proc_get_property(cp);
                if (pr->category == UTF8PROC_CATEGORY_ZS) space = true;
            }
            if ((cp == 0x2014 || cp == 0x2015) && marks_end(s, n, i + (size_t)k) == i + (size_t)k) {
                const char *to = close_dash(&em.out, s, n, i, (size_t)k);
                if (to) {
                    emit(&em, to, strlen(to), i, (size_t)k);
                    line_vis++;
                    i += (size_t)k;
                    continue;
                }
            }
            if (!space) {
                /* Gather following combining marks and compose the cluster. */
                size_t j = marks_end(s, n, i + (size_t)k);
                if (f) emit(&em, f, strlen(f), i, (size_t)k);
                else if (j > i + (size_t)k) {
                    compose(&em, s, i, j);
                    k = (utf8proc_ssize_t)(j - i);
                } else ix_buf_put(&em.out, s + i, (size_t)k);
                if (!f || f[0]) line_vis++;
                i += (size_t)k;
                continue;
            }
        }
        /* A run of white space (maybe with newlines and link annotations). */
        size_t start = i, nl = 0;
        bool blank = false, content_since_nl = false, link = false;
        size_t vis_before = line_vis;
        while (i < n) {
            unsigned char d = (unsigned char)s[i];
            int dc = ascii_class[d];
            if (dc == C_SPACE) { i++; continue; }
            size_t cl;
            if (subs && dc == C_TEXT && (cl = cue_at(s, n, i))) {
                i += cl;
                continue;
            }
            if (dc == C_NL || dc == C_CR) {
                if (dc == C_CR && i + 1 < n && s[i + 1] == '\n') i++;
                i++;
                if (nl && !content_since_nl) blank = true;
                nl++;
                content_since_nl = false;
                continue;
            }
            if (dc == C_AMP) {          /* "&nbsp;" */
                size_t l = entity_len(s, n, i, &ecp);
                if (!l || !entity_is_space(ecp)) break;
                i += l;
                continue;
            }
            if (dc == C_LT) {
                size_t l = link_len(s, n, i);
                if (!l) break;
                i += l;
                link = true;
                content_since_nl = true;   /* a link-only line is not a blank line */
                continue;
            }
            if (dc == C_HI) {
                utf8proc_int32_t cp;
                utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
                if (k <= 0) break;
                const char *f = fold_of((uint32_t)cp);
                bool sp = (f && (f[0] == ' ' || f[0] == 0)) ||
                          (!f && utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_ZS);
                if (!sp) break;
                i += (size_t)k;
                continue;
            }
            break;
        }
        size_t olen = i - start;
        if (em.out.len == 0 || i >= n) {            /* leading / trailing white space */
            emit(&em, "", 0, start, olen);
            continue;
        }
        const char *sep = " ";
        if (link && !nl && attaches_left(s, n, i)) sep = "";
        if (nl) {
            /* "\n\n" keeps the blank line: it bounds a block (job adverts) */
            if (subs) sep = ends_sentence(&em.out) ? "\n" : " ";
            else if (blank) sep = "\n\n";
            else if (!wrapped || vis_before < shortline) sep = "\n";
        }
        if (nl) line_vis = 0;          /* a new source line starts */
        else line_vis++;
        /* "inade-\nquate": such a line ends no paragraph however short it
         * is (text pasted from a PDF breaks lines anywhere). A compound
         * broken at its own hyphen ("well-\nbeing") is joined too: nothing
         * tells it from a split word, and no rule looks for that hyphen. */
        if (start > 0 && ix_hyphen_break(s, n, start - 1) == i && em.out.len && em.out.s[em.out.len - 1] == '-') {
            em.out.len--;              /* the hyphen goes with the line break */
            emit(&em, "", 0, start - 1, olen + 1);
            continue;
        }
        emit(&em, sep, strlen(sep), start, olen);
    }
    /* PCRE2's JIT reads a few bytes past the end of the subject (vector
     * loads); zero the buffer's slack so those bytes are defined and
     * valgrind stays quiet about the matcher. */
    ix_buf_grow(&em.out, 16);
    memset(em.out.s + em.out.len, 0, em.out.cap - em.out.len);
    doc->len = em.out.len;
    doc->text = ix_buf_take(&em.out);
    /* The map grew by doubling; give the slack back. */
    if (doc->map.n && doc->map.n < doc->map.cap) {
        doc->map.e = ix_xrealloc(doc->map.e, doc->map.n * sizeof *doc->map.e);
        doc->map.cap = doc->map.n;
    }
}

char *ix_normalize_str(const char *s, size_t n, size_t *len)
{
    ix_doc d;
    memset(&d, 0, sizeof d);
    d.subtitles = -1;
    d.dec.s = (char *)s;        /* read only: ix_normalize copies what it keeps */
    d.dec.len = n;
    ix_normalize(&d);
    ix_offmap_free(&d.map);
    *len = d.len;
    return d.text;
}
