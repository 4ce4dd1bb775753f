/* facts.c — one fact, one rating record (ix_rating_facts_keep,
 * extract_rating.c), against the pairwise definition it replaced: record i
 * is dropped when some other record j states the same fact (same grade, same
 * count or both none, shares within 0.005, none being -1) and comes first
 * (in the body before the headline, with a total before without, then in
 * text order); a count without a share is dropped when the same grade
 * and count come with one; and a share without a count when a kept count
 * of the same grade comes with that share (and total). Random sets of records whose shares sit on and around the
 * tolerance, thousands of times; and the windows of equal and near facts
 * that a sort-based version can get wrong. */
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

static bool same_fact(const json_t *a, const json_t *b)
{
    if (strcmp(json_string_value(json_object_get(a, "grade")), json_string_value(json_object_get(b, "grade"))))
        return false;
    json_t *ca = json_object_get(a, "count"), *cb = json_object_get(b, "count");
    if (json_is_integer(ca) != json_is_integer(cb)) return false;
    if (json_is_integer(ca) && json_integer_value(ca) != json_integer_value(cb)) return false;
    json_t *sa = json_object_get(a, "share"), *sb = json_object_get(b, "share");
    double x = json_is_real(sa) ? json_real_value(sa) : -1.0, y = json_is_real(sb) ? json_real_value(sb) : -1.0;
    return fabs(x - y) < 0.005;
}

/* the definition, pairwise */
static void keep_ref(json_t *const *recs, const bool *headline, size_t n, bool *keep)
{
    for (size_t i = 0; i < n; i++) {
        bool dup = false, ti = json_is_integer(json_object_get(recs[i], "total"));
        for (size_t j = 0; j < n && !dup; j++) {
            if (i == j || !same_fact(recs[i], recs[j])) continue;
            bool tj = json_is_integer(json_object_get(recs[j], "total"));
            if (headline[i] != headline[j]) dup = headline[i];
            else if (ti != tj) dup = tj;
            else dup = j < i;
        }
        /* a count without a share, when the same grade and count come
         * with one */
        json_t *ci = json_object_get(recs[i], "count");
        if (json_is_integer(ci) && !json_is_real(json_object_get(recs[i], "share")))
            for (size_t j = 0; j < n && !dup; j++) {
                json_t *cj = json_object_get(recs[j], "count");
                dup = j != i && json_is_integer(cj) && json_integer_value(cj) == json_integer_value(ci) &&
                      json_is_real(json_object_get(recs[j], "share")) &&
                      !strcmp(json_string_value(json_object_get(recs[i], "grade")),
                              json_string_value(json_object_get(recs[j], "grade")));
            }
        keep[i] = !dup;
    }
    /* a share without a count, when a kept count of the same grade comes
     * with that share (and the same total, if the share has one) */
    for (size_t i = 0; i < n; i++) {
        json_t *si = json_object_get(recs[i], "share"), *ti = json_object_get(recs[i], "total");
        if (!keep[i] || json_is_integer(json_object_get(recs[i], "count")) || !json_is_real(si)) continue;
        for (size_t j = 0; j < n && keep[i]; j++) {
            json_t *sj = json_object_get(recs[j], "share");
            if (!keep[j] || !json_is_integer(json_object_get(recs[j], "count")) || !json_is_real(sj)) continue;
            if (strcmp(json_string_value(json_object_get(recs[i], "grade")),
                       json_string_value(json_object_get(recs[j], "grade"))))
                continue;
            if (fabs(json_real_value(si) - json_real_value(sj)) >= 0.005) continue;
            if (json_is_integer(ti) && !json_equal(ti, json_object_get(recs[j], "total"))) continue;
            keep[i] = false;
        }
    }
}

static json_t *rating(const char *grade, int count, double share, bool total)
{
    json_t *o = json_object();
    json_object_set_new(o, "grade", json_string(grade));
    json_object_set_new(o, "count", count >= 0 ? json_integer(count) : json_null());
    json_object_set_new(o, "share", share >= 0 ? json_real(share) : json_null());
    json_object_set_new(o, "total", total ? json_integer(87) : json_null());
    return o;
}

/* Runs both on recs; true when they agree. */
static bool agree(json_t **recs, const bool *headline, size_t n, char *why, size_t whylen)
{
    bool *a = calloc(n + 1, 1), *b = calloc(n + 1, 1);
    ix_rating_facts_keep(recs, headline, n, a);
    keep_ref(recs, headline, n, b);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        if (a[i] != b[i]) {
            ok = false;
            snprintf(why, whylen, "record %zu of %zu: kept %d, should be %d", i, n, a[i], b[i]);
        }
    free(a);
    free(b);
    return ok;
}

int main(void)
{
    static const char *const grades[] = {"good", "inadequate", "outstanding"};
    /* shares on both sides of 0.005 apart, chains of them (0.250, 0.254,
     * 0.258: the ends are not the same fact, each is with the middle) */
    static const double shares[] = {-1, 0.25, 0.254, 0.258, 0.2549, 0.2551, 0.255, 0.26, 0.5, 0.5049, 0.505, 0.0,
                                    0.0049, 0.005, 0.01};
    char why[160];
    srand(20261124);
    int bad = 0;
    for (int trial = 0; trial < 4000; trial++) {
        size_t n = (size_t)(rand() % 40);
        json_t *recs[40];
        bool headline[40];
        for (size_t i = 0; i < n; i++) {
            recs[i] = rating(grades[rand() % 3], rand() % 4 - 1, shares[rand() % (sizeof shares / sizeof *shares)],
                             rand() % 2);
            headline[i] = rand() % 4 == 0;
        }
        if (!agree(recs, headline, n, why, sizeof why) && bad++ < 5) CHECK(0, "random trial %d: %s", trial, why);
        for (size_t i = 0; i < n; i++) json_decref(recs[i]);
    }
    CHECK(bad == 0, "%d of 4000 random sets disagree", bad);

    /* a chain: each with its neighbours only; the later ones kept by
     * nobody before them in their window */
    json_t *chain[4] = {rating("good", -1, 0.250, false), rating("good", -1, 0.254, false),
                        rating("good", -1, 0.258, false), rating("good", -1, 0.262, false)};
    bool h4[4] = {false, false, false, false}, k4[4];
    ix_rating_facts_keep(chain, h4, 4, k4);
    CHECK(k4[0] && !k4[1] && !k4[2] && !k4[3], "chain: %d %d %d %d", k4[0], k4[1], k4[2], k4[3]);
    /* the first in text order is in the headline: the body's is kept */
    h4[0] = true;
    ix_rating_facts_keep(chain, h4, 4, k4);
    CHECK(!k4[0] && k4[1] && !k4[2] && !k4[3], "headline first: %d %d %d %d", k4[0], k4[1], k4[2], k4[3]);
    CHECK(agree(chain, h4, 4, why, sizeof why), "chain: %s", why);
    for (int i = 0; i < 4; i++) json_decref(chain[i]);

    /* with a total beats without, whatever the order */
    json_t *two[2] = {rating("inadequate", 7, -1, false), rating("inadequate", 7, -1, true)};
    bool h2[2] = {false, false}, k2[2];
    ix_rating_facts_keep(two, h2, 2, k2);
    CHECK(!k2[0] && k2[1], "the one with a total: %d %d", k2[0], k2[1]);
    for (int i = 0; i < 2; i++) json_decref(two[i]);

    /* many records: the same answer as the definition */
    size_t n = 3000;
    json_t **many = malloc(n * sizeof *many);
    bool *hm = calloc(n, 1);
    for (size_t i = 0; i < n; i++) {
        many[i] = rating(grades[i % 3], (int)(i % 50), (double)(i % 200) / 400.0, i % 7 == 0);
        hm[i] = i % 11 == 0;
    }
    CHECK(agree(many, hm, n, why, sizeof why), "3000 records: %s", why);
    ix_rating_facts_keep(many, hm, 0, NULL);      /* none: nothing to do */
    for (size_t i = 0; i < n; i++) json_decref(many[i]);
    free(many);
    free(hm);
    return DONE();
}
