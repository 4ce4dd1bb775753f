#include "internal.h"
void ix_extract_rating(ix_ctx *c) { (void)c; }
