/* record_put.c — ix_record_put writes exactly what json_dumps(JSON_COMPACT |
 * JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) writes, for every kind of
 * value a record can hold: strings with every control byte, quotes,
 * backslashes, NUL and multi-byte UTF-8; integers at the extremes; reals of
 * every magnitude; nested arrays and objects; key order as inserted. */
#include <math.h>
#include <stdlib.h>
#include "internal.h"
#include "tap.h"

static void same(json_t *v, const char *what)
{
    char *want = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) | JSON_ENCODE_ANY);
    ix_buf b = {0};
    ix_record_put(&b, v);
    ix_buf_grow(&b, 0);
    CHECK(want && !strcmp(want, b.s), "%s: jansson %s, ours %s", what, want, b.s);
    free(want);
    ix_buf_free(&b);
    json_decref(v);
}

int main(void)
{
    char all[160];
    for (int i = 0; i < 128; i++) all[i] = (char)i;
    memcpy(all + 128, "\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80\"\\/", 12);
    same(json_stringn(all, 140), "every ASCII byte and some UTF-8");
    same(json_string(""), "empty string");
    const json_int_t ints[] = {0, 1, -1, 42, -42, 2147483648LL, -9223372036854775807LL - 1, 9223372036854775807LL};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) same(json_integer(ints[i]), "integer");
    json_int_t p = 1;                     /* every length, either side of a power of ten */
    for (int k = 0; k <= 18; k++) {
        same(json_integer(p), "power of ten");
        same(json_integer(p - 1), "power of ten less one");
        same(json_integer(-p), "negative power of ten");
        if (k < 18) p *= 10;              /* 10^18 is the last below 2^63 */
    }
    const double reals[] = {0.0, -0.0, 0.5, 0.25, 1.0 / 3, 2.0 / 3, 1e6, 1e-5, 1e-10, 1e10, 1e21, 1e100, 1e-100,
                            123456789.0, 0.1, 100.0, 0.000123456789, 47.0 / 151, 1.5e300, -2.5e-7, 999999.5,
                            9999995.0, 0.47, 0.44, 1.0, 3.0, 12345.6789};
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) same(json_real(reals[i]), "real");
    srand(7);
    for (int i = 0; i < 2000; i++) {
        double v = ldexp((double)rand() / RAND_MAX, rand() % 200 - 100) * (rand() % 2 ? 1 : -1);
        same(json_real(v), "random real");
    }
    same(json_null(), "null");
    same(json_true(), "true");
    same(json_false(), "false");
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("rating"));
    json_object_set_new(o, "doc", json_string("dump.jsonl:12"));
    json_object_set_new(o, "count", json_integer(7));
    json_object_set_new(o, "share", json_real(0.25));
    json_object_set_new(o, "total", json_null());
    json_object_set_new(o, "span", json_pack("[II]", (json_int_t)812, (json_int_t)857));
    json_object_set_new(o, "mentions", json_pack("[[II],[II]]", (json_int_t)1, (json_int_t)2, (json_int_t)3, (json_int_t)4));
    json_object_set_new(o, "evidence", json_string("Seven \"authorities\"\n were\tfound"));
    json_object_set_new(o, "warnings", json_array());
    json_object_set_new(o, "z", json_object());
    json_object_set_new(o, "a", json_pack("{s:b,s:[]}", "ok", 1, "list"));
    same(o, "a record with keys out of alphabetical order");
    json_t *k = json_object();
    json_object_set_new(k, "key \"quoted\"\n", json_string("v"));
    same(k, "escaped key");
    return DONE();
}
