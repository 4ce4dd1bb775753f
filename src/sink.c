/* sink.c — dispatch for the sink interface (see inspex.h, "sinks").
 *
 * Every output format implements ix_sink_ops in its own file; callers only
 * see these four functions, so cmd_extract does not know which format it
 * writes. */
#include "internal.h"

int ix_sink_write(ix_sink *s, const ix_result *res, ix_err *e)
{
    return s->ops->write(s, res, e);
}

int ix_sink_lookup(ix_sink *s, const ix_input *in, const char *sha256, ix_err *e)
{
    return s->ops->lookup ? s->ops->lookup(s, in, sha256, e) : IX_SINK_NEW;
}

int ix_sink_close(ix_sink *s, ix_err *e)
{
    return s->ops->close(s, e);
}

void ix_sink_free(ix_sink *s)
{
    if (s) s->ops->free(s);
}

char *ix_sink_render(const ix_sink *s, const ix_result *res, size_t *len)
{
    return s->ops->render ? s->ops->render(s, res, len) : NULL;
}

int ix_sink_write_bytes(ix_sink *s, const char *p, size_t len, ix_err *e)
{
    if (s->ops->write_bytes) return s->ops->write_bytes(s, p, len, e);
    ix_err_set(e, "the %s sink takes records, not bytes", s->ops->name);
    return -1;
}

int ix_sink_flush(ix_sink *s, ix_err *e)
{
    return s->ops->flush ? s->ops->flush(s, e) : 0;
}
