#include "internal.h"
void ix_extract_quote(ix_ctx *c) { (void)c; }
