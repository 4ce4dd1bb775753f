/* swar_portable.c — swar.c's tests of the block helpers in internal.h,
 * built without SSE2 (IX_NO_SIMD): the eight-byte words packed into masks
 * that every other processor uses must give the same answers. */
#define IX_NO_SIMD 1
#include "swar.c"
