#include "internal.h"
void ix_extract_council_rating(ix_ctx *c) { (void)c; }
