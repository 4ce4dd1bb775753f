/* benchgen.c — a reproducible synthetic news dump for `make bench`.
 *
 * Reads the articles of corpus/ and the council gazetteer
 * (patterns/councils.tsv) and writes as many documents as it takes to reach
 * the requested size, each one a corpus article varied so that the dump is
 * not one article repeated:
 *   - every council named is swapped for another authority, consistently
 *     within the document ("Hull" and "Hull City Council" both become the
 *     same new council, in the same form: bare name or council name);
 *   - numbers are redrawn (same number of digits; years stay plausible);
 *   - speakers are renamed (a first name from a list + a capitalised word,
 *     or a title such as Cllr/Dr/Sir + a capitalised word);
 *   - paragraphs after the first three are lightly shuffled, some dropped;
 *   - noise paragraphs (random sentences over the corpus vocabulary minus
 *     the words of the subject: councils, Ofsted, grades, inspections) are
 *     inserted, and a share of the documents (-n, default 25%) are pure
 *     noise, as most of a real news dump is about something else;
 *   - page boilerplate (newsletter blurbs, read-more links, job adverts) is
 *     appended to some documents.
 * The same seed gives the same bytes. Output: a JSON Lines dump (-o), a
 * folder of text files (-d, 1000 per sub-folder) and/or one big text file
 * (-1, the documents separated by blank lines); all get the same documents.
 *
 * Usage: benchgen [-s SEED] [-m MB] [-n NOISE%] [-c CORPUS] [-g COUNCILS.TSV]
 *                 [-o DUMP.jsonl] [-d DIR] [-1 FILE]
 * MB is 10^6 bytes of article text (the documents' own bytes).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- small helpers ------------------------------------------------------- */

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "benchgen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) die("out of memory", NULL);
    return p;
}

typedef struct buf { char *s; size_t len, cap; } buf;

static void put(buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        b->s = xrealloc(b->s, cap);
        b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = 0;
}
static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

/* splitmix64: small, fast, and the same everywhere (unlike rand()). */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static size_t below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }
static int chance(unsigned pct) { return below(100) < pct; }

static int is_up(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lo(int c) { return c >= 'a' && c <= 'z'; }
static int is_dig(int c) { return c >= '0' && c <= '9'; }
static int is_wordc(int c) { return is_up(c) || is_lo(c) || is_dig(c) || (unsigned char)c >= 0x80 || c == '-'; }

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot read", path);
    buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) put(&b, tmp, k);
    if (ferror(f)) die("read error", path);
    fclose(f);
    *len = b.len;
    put(&b, "", 0);
    return b.s;
}

/* ---- the gazetteer ------------------------------------------------------- */

typedef struct council {
    char *name;
    char *bare, *strong;      /* first surface of each form, or NULL */
    int safe;                 /* current, and not an everyday word/surname */
} council;

typedef struct surface {
    char *s;
    size_t len;
    int council;
    int strong;
} surface;

static council *councils;
static size_t ncouncils;
static surface *surfaces;
static size_t nsurfaces;
static int *safe_ids;
static size_t nsafe;

static int by_len_desc(const void *a, const void *b)
{
    const surface *x = a, *y = b;
    if (x->len != y->len) return x->len < y->len ? 1 : -1;
    return strcmp(x->s, y->s);
}

static void load_councils(const char *path)
{
    size_t len;
    char *t = read_all(path, &len);
    for (char *ln = strtok(t, "\n"); ln; ln = strtok(NULL, "\n")) {
        if (ln[0] == '#') continue;
        char *f[6];
        int nf = 0;
        for (char *p = ln; nf < 6;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        if (nf < 6) continue;
        size_t c;
        for (c = 0; c < ncouncils; c++)
            if (!strcmp(councils[c].name, f[1])) break;
        if (c == ncouncils) {
            councils = xrealloc(councils, (ncouncils + 1) * sizeof *councils);
            councils[ncouncils++] = (council){strdup(f[1]), NULL, NULL,
                                              !strcmp(f[3], "current") && f[5][0] == '-'};
        }
        int strong = !strcmp(f[4], "strong");
        if (strong && !councils[c].strong) councils[c].strong = strdup(f[0]);
        if (!strong && !councils[c].bare) councils[c].bare = strdup(f[0]);
        surfaces = xrealloc(surfaces, (nsurfaces + 1) * sizeof *surfaces);
        surfaces[nsurfaces++] = (surface){strdup(f[0]), strlen(f[0]), (int)c, strong};
    }
    free(t);
    qsort(surfaces, nsurfaces, sizeof *surfaces, by_len_desc);
    for (size_t c = 0; c < ncouncils; c++)
        if (councils[c].safe && councils[c].bare && councils[c].strong) {
            safe_ids = xrealloc(safe_ids, (nsafe + 1) * sizeof *safe_ids);
            safe_ids[nsafe++] = (int)c;
        }
    if (!nsafe) die("no usable councils in", path);
}

/* ---- articles as templates ----------------------------------------------- */

/* A paragraph is a list of pieces: literal text, or a slot filled anew in
 * every document. */
enum { P_TEXT, P_COUNCIL, P_NUMBER, P_YEAR, P_PERSON, P_SURNAME };

typedef struct piece {
    int kind;
    size_t off, len;          /* literal bytes in the article (P_TEXT) */
    int council, strong;      /* P_COUNCIL */
    int key;                  /* P_PERSON/P_SURNAME: which person in the article */
} piece;

typedef struct para {
    piece *p;
    size_t n;
} para;

typedef struct article {
    char *s;
    size_t len;
    const char *sep;          /* paragraph separator: "\n\n" or "\r\n\r\n" */
    para *paras;
    size_t npara;
    char **people;            /* distinct speaker strings, for consistency */
    size_t npeople;
} article;

static article *arts;
static size_t narts;

/* Vocabulary for noise sentences. */
static char **vocab;
static size_t nvocab;

static const char *const first_names[] = {
    "John", "David", "Michael", "Paul", "Peter", "Mark", "Andrew", "James", "Richard", "Steve",
    "Sarah", "Sue", "Jane", "Anne", "Helen", "Claire", "Rachel", "Emma", "Julie", "Karen",
    "Alison", "Gemma", "Rosie", "Martin", "Simon", "Graham", "Ian", "Alan", "Chris", "Tom",
    "Lucy", "Kate", "Joanna", "Amanda", "Nick", "Tony", "Matthew", "Eleanor", "Margaret", "Yvette",
};
static const char *const titles[] = {"Cllr", "Councillor", "Sir", "Dame", "Dr", "Mr", "Mrs", "Ms", "Professor", "Lord", "Baroness"};
static const char *const new_first[] = {
    "Alex", "Sam", "Jo", "Robin", "Morgan", "Priya", "Aisha", "Omar", "Nadia", "Callum",
    "Fiona", "Gareth", "Hannah", "Imran", "Keith", "Leanne", "Marcus", "Nicola", "Owen", "Patricia",
    "Rebecca", "Stuart", "Tariq", "Vanessa", "Wendy", "Zoe", "Bernard", "Delia", "Eamon", "Gillian",
};
static const char *const new_last[] = {
    "Ashworth", "Beddows", "Carraway", "Dunmore", "Ellery", "Fairbairn", "Garside", "Hollins",
    "Ingleby", "Jessop", "Kettering", "Lowther", "Marchbank", "Nuttall", "Oakes", "Pendlebury",
    "Quarmby", "Rawcliffe", "Sugden", "Thwaite", "Underwood", "Varley", "Whitlock", "Yardley",
    "Armitage", "Bramhall", "Crossley", "Dewhurst", "Entwistle", "Fawcett", "Greenhalgh", "Haworth",
};

static size_t word_len(const char *s, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && (is_up(s[j]) || is_lo(s[j]) || s[j] == '\'' || s[j] == '-')) j++;
    return j - i;
}

static int starts(const char *s, size_t i, size_t n, const char *w)
{
    size_t l = strlen(w);
    return i + l <= n && !memcmp(s + i, w, l) && (i + l == n || !is_wordc(s[i + l]));
}

static int person_key(article *a, const char *s, size_t len)
{
    for (size_t i = 0; i < a->npeople; i++)
        if (strlen(a->people[i]) == len && !memcmp(a->people[i], s, len)) return (int)i;
    a->people = xrealloc(a->people, (a->npeople + 1) * sizeof *a->people);
    a->people[a->npeople] = strndup(s, len);
    return (int)a->npeople++;
}

static void add_piece(para *p, piece x)
{
    /* Merge adjacent literal text. */
    if (x.kind == P_TEXT && p->n && p->p[p->n - 1].kind == P_TEXT && p->p[p->n - 1].off + p->p[p->n - 1].len == x.off) {
        p->p[p->n - 1].len += x.len;
        return;
    }
    p->p = xrealloc(p->p, (p->n + 1) * sizeof *p->p);
    p->p[p->n++] = x;
}

/* Cuts one paragraph [a, b) of article `A` into pieces. */
static para cut(article *A, size_t a, size_t b)
{
    para P = {0};
    const char *s = A->s;
    size_t i = a;
    while (i < b) {
        int at_word = i == a || !is_wordc(s[i - 1]);
        if (at_word && (is_up(s[i]) || is_dig(s[i]))) {
            /* council surfaces, longest first */
            size_t k;
            for (k = 0; k < nsurfaces; k++) {
                const surface *sf = &surfaces[k];
                if (sf->s[0] == s[i] && i + sf->len <= b && !memcmp(s + i, sf->s, sf->len) &&
                    (i + sf->len == b || !is_wordc(s[i + sf->len])))
                    break;
            }
            if (k < nsurfaces) {
                add_piece(&P, (piece){P_COUNCIL, i, surfaces[k].len, surfaces[k].council, surfaces[k].strong, 0});
                i += surfaces[k].len;
                continue;
            }
            if (is_dig(s[i])) {
                size_t j = i;
                while (j < b && is_dig(s[j])) j++;
                int year = j - i == 4 && (s[i] == '1' || s[i] == '2') && (s[i + 1] == '9' || s[i + 1] == '0');
                add_piece(&P, (piece){year ? P_YEAR : P_NUMBER, i, j - i, 0, 0, 0});
                i = j;
                continue;
            }
            /* Title + Surname: keep the title, vary the surname. */
            size_t t;
            for (t = 0; t < sizeof titles / sizeof *titles; t++)
                if (starts(s, i, b, titles[t])) break;
            if (t < sizeof titles / sizeof *titles) {
                size_t tl = strlen(titles[t]), j = i + tl;
                if (j < b && s[j] == '.') j++;
                if (j + 1 < b && s[j] == ' ' && is_up(s[j + 1])) {
                    size_t w1 = word_len(s, j + 1, b);
                    size_t w2 = (j + 1 + w1 + 1 < b && s[j + 1 + w1] == ' ' && is_up(s[j + 2 + w1])) ? word_len(s, j + 2 + w1, b) : 0;
                    size_t e = j + 1 + w1 + (w2 ? 1 + w2 : 0);
                    add_piece(&P, (piece){P_TEXT, i, j + 1 - i, 0, 0, 0});
                    const char *last = s + e - (w2 ? w2 : w1);
                    add_piece(&P, (piece){w2 ? P_PERSON : P_SURNAME, j + 1, e - j - 1, 0, 0,
                                          person_key(A, last, w2 ? w2 : w1)});
                    i = e;
                    continue;
                }
            }
            size_t f;
            for (f = 0; f < sizeof first_names / sizeof *first_names; f++)
                if (starts(s, i, b, first_names[f])) break;
            if (f < sizeof first_names / sizeof *first_names) {
                size_t j = i + strlen(first_names[f]);
                if (j + 1 < b && s[j] == ' ' && is_up(s[j + 1])) {
                    size_t w = word_len(s, j + 1, b);
                    add_piece(&P, (piece){P_PERSON, i, j + 1 + w - i, 0, 0, person_key(A, s + j + 1, w)});
                    i = j + 1 + w;
                    continue;
                }
            }
        }
        size_t j = i + 1;
        while (j < b && is_wordc(s[j]) && is_wordc(s[j - 1])) j++;
        add_piece(&P, (piece){P_TEXT, i, j - i, 0, 0, 0});
        i = j;
    }
    return P;
}

static int valid_utf8(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) { i++; continue; }
        int k = p[i] >= 0xF0 ? 3 : p[i] >= 0xE0 ? 2 : p[i] >= 0xC2 ? 1 : -1;
        if (k < 0 || i + (size_t)k >= n + 0 || p[i] > 0xF4) return 0;
        for (int j = 1; j <= k; j++)
            if ((p[i + j] & 0xC0) != 0x80) return 0;
        i += (size_t)k + 1;
    }
    return 1;
}

/* Windows-1252 -> UTF-8, so that every article can go into a JSON string. */
static char *from_cp1252(const unsigned char *p, size_t n, size_t *outlen)
{
    static const uint16_t hi[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0xFFFD};
    buf b = {0};
    for (size_t i = 0; i < n; i++) {
        uint32_t c = p[i] < 0x80 ? p[i] : p[i] < 0xA0 ? hi[p[i] - 0x80] : p[i];
        char u[3];
        if (c < 0x80) put(&b, (char[]){(char)c}, 1);
        else if (c < 0x800) { u[0] = (char)(0xC0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3F)); put(&b, u, 2); }
        else { u[0] = (char)(0xE0 | c >> 12); u[1] = (char)(0x80 | ((c >> 6) & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); put(&b, u, 3); }
    }
    *outlen = b.len;
    return b.s;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Words of the subject, kept out of noise text: unrelated news does not
 * talk about council ratings. Stems: any word starting with one is out. */
static const char *const subject[] = {
    "ofsted", "council", "authorit", "inspect", "rated", "rating", "judge", "judgement", "inadequate",
    "outstanding", "good", "requir", "improvement", "adequate", "satisfactory", "poor", "excellent",
    "children", "child", "care", "social", "service", "safeguard", "protection", "leaver", "looked",
    "foster", "adoption", "said", "says", "told", "added", "quarter", "third", "half", "per",
    "judged", "grade", "graded", "watchdog", "report", "director", "cabinet", "borough", "county",
};

static int subject_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof subject / sizeof *subject; i++) {
        size_t l = strlen(subject[i]);
        if (n >= l && !memcmp(w, subject[i], l)) return 1;
    }
    return 0;
}

static void add_vocab(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t w = is_lo(s[i]) && (i == 0 || !is_wordc(s[i - 1])) ? word_len(s, i, n) : 0;
        if (w >= 2 && w < 20 && !subject_word(s + i, w)) {
            vocab = xrealloc(vocab, (nvocab + 1) * sizeof *vocab);
            vocab[nvocab++] = strndup(s + i, w);
        }
        i += w ? w : 1;
    }
}

static void load_corpus(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) die("cannot open corpus folder", dir);
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt")) {
            names = xrealloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(de->d_name);
        }
    }
    closedir(d);
    if (!nn) die("no *.txt articles in", dir);
    qsort(names, nn, sizeof *names, cmpstr);
    arts = calloc(nn, sizeof *arts);
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *s = read_all(path, &len);
        if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { memmove(s, s + 3, len - 2); len -= 3; }
        if (!valid_utf8((unsigned char *)s, len)) {
            size_t l2;
            char *u = from_cp1252((unsigned char *)s, len, &l2);
            free(s);
            s = u;
            len = l2;
        }
        article *A = &arts[narts++];
        A->s = s;
        A->len = len;
        A->sep = strstr(s, "\r\n") ? "\r\n\r\n" : "\n\n";
        size_t sl = strlen(A->sep);
        for (size_t a = 0; a < len;) {
            char *e = strstr(s + a, A->sep);
            size_t b = e ? (size_t)(e - s) : len;
            while (b > a && (s[b - 1] == '\n' || s[b - 1] == '\r')) b--;
            if (b > a) {
                A->paras = xrealloc(A->paras, (A->npara + 1) * sizeof *A->paras);
                A->paras[A->npara++] = cut(A, a, b);
            }
            a = e ? (size_t)(e - s) + sl : len;
            while (a < len && (s[a] == '\n' || s[a] == '\r')) a++;
        }
        add_vocab(s, len);
        free(names[i]);
    }
    free(names);
}

/* ---- documents ----------------------------------------------------------- */

static const char *const boiler[] = {
    "Sign up to our newsletter",
    "Read more: %C children's services rated by Ofsted",
    "Most read",
    "Related jobs\n\nSenior social worker\nRecruiter: %S\n£34,000 - £41,000 per annum",
    "Share this article",
    "Did you enjoy this article?",
    "Archive of more than 60,000 articles. Unlimited access to our online Topic Hubs",
    "Copyright %Y Local News Group. All rights reserved.",
    "Read more: %C council tax to rise again",
    "More on this story",
};

static void noise_sentence(buf *b)
{
    size_t n = 8 + below(18);
    for (size_t i = 0; i < n; i++) {
        const char *w = nvocab ? vocab[below(nvocab)] : "text";
        if (i) put(b, " ", 1);
        if (i == 0) {
            char c = (char)(is_lo(w[0]) ? w[0] - 32 : w[0]);
            put(b, &c, 1);
            puts_(b, w + 1);
        } else puts_(b, w);
        if (i + 1 < n && chance(6)) put(b, ",", 1);
        if (chance(2)) {
            char num[16];
            snprintf(num, sizeof num, " %u", (unsigned)below(1000));
            puts_(b, num);
        }
    }
    put(b, ".", 1);
}

static void noise_para(buf *b)
{
    size_t n = 1 + below(5);
    for (size_t i = 0; i < n; i++) {
        if (i) put(b, " ", 1);
        noise_sentence(b);
    }
}

typedef struct docstate {
    int map[1024];            /* original council -> new council, -1 unset */
    int people[256];          /* article person key -> new name index */
} docstate;

static int new_council(docstate *st, int orig)
{
    if (orig < 1024) {
        if (st->map[orig] < 0) st->map[orig] = safe_ids[below(nsafe)];
        return st->map[orig];
    }
    return safe_ids[below(nsafe)];
}

static void fill(buf *b, const article *A, const piece *x, docstate *st)
{
    char num[32];
    switch (x->kind) {
    case P_TEXT: put(b, A->s + x->off, x->len); break;
    case P_COUNCIL: {
        const council *c = &councils[new_council(st, x->council)];
        puts_(b, x->strong ? c->strong : c->bare);
        break;
    }
    case P_NUMBER:
        for (size_t i = 0; i < x->len; i++) num[i] = (char)('0' + (i == 0 && x->len > 1 ? 1 + below(9) : below(10)));
        put(b, num, x->len < sizeof num ? x->len : sizeof num);
        break;
    case P_YEAR:
        snprintf(num, sizeof num, "%u", 2008 + (unsigned)below(16));
        puts_(b, num);
        break;
    case P_PERSON:
    case P_SURNAME: {
        int k = x->key < 256 ? x->key : 255;
        if (st->people[k] < 0) st->people[k] = (int)below(1u << 20);
        unsigned v = (unsigned)st->people[k];
        if (x->kind == P_PERSON) {
            puts_(b, new_first[v % (sizeof new_first / sizeof *new_first)]);
            put(b, " ", 1);
        }
        puts_(b, new_last[(v / 64) % (sizeof new_last / sizeof *new_last)]);
        break;
    }
    }
}

static void put_para(buf *b, const article *A, const para *P, docstate *st)
{
    for (size_t i = 0; i < P->n; i++) fill(b, A, &P->p[i], st);
}

static void boilerplate(buf *b, docstate *st)
{
    const char *t = boiler[below(sizeof boiler / sizeof *boiler)];
    for (const char *p = t; *p; p++) {
        if (*p != '%') { put(b, p, 1); continue; }
        p++;
        const council *c = &councils[safe_ids[below(nsafe)]];
        char y[8];
        if (*p == 'C') puts_(b, c->bare);
        else if (*p == 'S') puts_(b, c->strong);
        else if (*p == 'Y') { snprintf(y, sizeof y, "%u", 2010 + (unsigned)below(14)); puts_(b, y); }
    }
    (void)st;
}

/* One document into b (cleared first). */
static unsigned noise_pct = 25;

static void make_doc(buf *b)
{
    b->len = 0;
    docstate st;
    memset(st.map, 0xFF, sizeof st.map);
    memset(st.people, 0xFF, sizeof st.people);
    if (chance(noise_pct)) {              /* an article about something else */
        noise_sentence(b);
        b->len--;                         /* a headline has no full stop */
        size_t n = 4 + below(12);
        for (size_t i = 0; i < n; i++) {
            puts_(b, "\n\n");
            noise_para(b);
        }
        puts_(b, "\n");
        return;
    }
    const article *A = &arts[below(narts)];
    size_t np = A->npara;
    size_t *order = malloc((np + 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < np; i++)
        if (i < 3 || !chance(10)) order[n++] = i;
    for (size_t i = 4; i < n; i++)        /* light shuffle after the head */
        if (chance(30)) { size_t t = order[i]; order[i] = order[i - 1]; order[i - 1] = t; }
    size_t nnoise = below(4);
    for (size_t i = 0; i < n; i++) {
        if (i) puts_(b, A->sep);
        put_para(b, A, &A->paras[order[i]], &st);
        if (i >= 2 && nnoise && chance(25)) {
            puts_(b, A->sep);
            noise_para(b);
            nnoise--;
        }
    }
    if (chance(40)) {
        puts_(b, A->sep);
        boilerplate(b, &st);
    }
    puts_(b, A->sep[0] == '\r' ? "\r\n" : "\n");
    free(order);
}

static void json_string(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    fputc('"', f);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        fwrite(s + i - run, 1, run, f);
        run = 0;
        if (c == '"') fputs("\\\"", f);
        else if (c == '\\') fputs("\\\\", f);
        else if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else { char u[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0}; fputs(u, f); }
    }
    fwrite(s + n - run, 1, run, f);
    fputc('"', f);
}

int main(int argc, char **argv)
{
    const char *corpus = "corpus", *gaz = "patterns/councils.tsv", *jsonl = NULL, *dir = NULL, *one = NULL;
    double mb = 100;
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) die("option needs a value", argv[i]);
        if (!strcmp(argv[i], "-s")) seed = strtoull(v, NULL, 10);
        else if (!strcmp(argv[i], "-m")) mb = strtod(v, NULL);
        else if (!strcmp(argv[i], "-n")) noise_pct = (unsigned)strtoul(v, NULL, 10);
        else if (!strcmp(argv[i], "-c")) corpus = v;
        else if (!strcmp(argv[i], "-g")) gaz = v;
        else if (!strcmp(argv[i], "-o")) jsonl = v;
        else if (!strcmp(argv[i], "-d")) dir = v;
        else if (!strcmp(argv[i], "-1")) one = v;
        else die("unknown option (see the header of tools/benchgen.c)", argv[i]);
        i++;
    }
    if (!jsonl && !dir && !one) die("nothing to write: give -o, -d and/or -1", NULL);
    rng_state = seed;
    load_councils(gaz);
    load_corpus(corpus);

    static char jbuf[1 << 20], obuf[1 << 20];
    FILE *fj = NULL, *fo = NULL;
    if (jsonl && !(fj = fopen(jsonl, "wb"))) die("cannot write", jsonl);
    if (one && !(fo = fopen(one, "wb"))) die("cannot write", one);
    if (fj) setvbuf(fj, jbuf, _IOFBF, sizeof jbuf);
    if (fo) setvbuf(fo, obuf, _IOFBF, sizeof obuf);
    if (dir && mkdir(dir, 0777) < 0 && errno != EEXIST) die("cannot create", dir);

    uint64_t target = (uint64_t)(mb * 1e6), total = 0, ndocs = 0, largest = 0;
    buf b = {0};
    while (total < target) {
        make_doc(&b);
        ndocs++;
        total += b.len;
        if (b.len > largest) largest = b.len;
        if (fj) {
            fprintf(fj, "{\"id\":\"bench/%07llu\",\"url\":\"https://news.example/bench/%07llu\",\"text\":",
                    (unsigned long long)ndocs, (unsigned long long)ndocs);
            json_string(fj, b.s, b.len);
            fputs("}\n", fj);
        }
        if (fo) {
            if (ndocs > 1) fputs("\n\n", fo);
            fwrite(b.s, 1, b.len, fo);
        }
        if (dir) {
            char path[4096];
            if ((ndocs - 1) % 1000 == 0) {
                snprintf(path, sizeof path, "%s/%04llu", dir, (unsigned long long)((ndocs - 1) / 1000));
                if (mkdir(path, 0777) < 0 && errno != EEXIST) die("cannot create", path);
            }
            snprintf(path, sizeof path, "%s/%04llu/%07llu.txt", dir, (unsigned long long)((ndocs - 1) / 1000),
                     (unsigned long long)ndocs);
            FILE *f = fopen(path, "wb");
            if (!f) die("cannot write", path);
            if (fwrite(b.s, 1, b.len, f) != b.len || fclose(f) != 0) die("write error", path);
        }
    }
    if (fj && (fflush(fj) != 0 || ferror(fj) || fclose(fj) != 0)) die("write error", jsonl);
    if (fo && (fflush(fo) != 0 || ferror(fo) || fclose(fo) != 0)) die("write error", one);
    if (one) largest = total + 2 * (ndocs - 1);     /* the single file is one document */
    printf("%llu documents, %llu bytes of text, largest %llu\n", (unsigned long long)ndocs,
           (unsigned long long)total, (unsigned long long)largest);
    free(b.s);
    return 0;
}
