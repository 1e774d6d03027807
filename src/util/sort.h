/*
** sort.h — sorting without comparisons on the hot paths: a stable LSD
** radix sort of 64-bit keys, and a sort of records into a comparator's
** order driven by integer keys that agree with it.
*/
#ifndef HS_SORT_H
#define HS_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Key number `round` of the element at elem (round 0 most significant);
** ctx is the caller's. */
typedef uint64_t (*hs_sort_key_fn)(const void *elem, int round,
                                   const void *ctx);
typedef int (*hs_sort_cmp_fn)(const void *x, const void *y);

/* The most keys an element may have. */
#define HS_SORT_MAX_ROUNDS 4

/* Sorts base[0..n) (size bytes each) into the order of cmp, stably, so
** the result is what a stable qsort (glibc's merge sort) gives.  The
** elements are radix-sorted on their key tuples (nrounds keys, compared
** in lexicographic order), then each run of equal first keys is put in
** cmp's order.  The first key must agree with cmp: cmp(x, y) < 0 implies
** key0(x) <= key0(y); it may drop information (a truncated hash), the
** runs then grow and cost comparisons.  Later keys only presort those
** runs (the fields cmp reads after key 0's), so that they are found in
** order.  Input that is already in order is found by one scan and left
** alone. */
void hs_sort_keyed(void *base, size_t n, size_t size, int nrounds,
                   hs_sort_key_fn key, const void *ctx, hs_sort_cmp_fn cmp);
/* hs_sort_keyed on up to nthreads threads, with the same result (key and
** cmp are called from several threads at once). */
void hs_sort_keyed_threads(void *base, size_t n, size_t size, int nrounds,
                           hs_sort_key_fn key, const void *ctx,
                           hs_sort_cmp_fn cmp, int nthreads);

/* Sorts v[0..n) ascending. */
void hs_sort_u64(uint64_t *v, size_t n);
/* Sorts v[0..n) ascending on up to nthreads threads (parts of the key
** space sorted side by side; n more keys of scratch). */
void hs_sort_u64_threads(uint64_t *v, size_t n, int nthreads);
/* Sorts v[0..n) by the high halves of the keys, stably, moving carry[i]
** (if not NULL) along with v[i]: ascending when the keys of each high
** half come in ascending order of their low halves (a pass by document
** leaves term << 32 | document so); a short array is sorted whole, with
** the same result. */
void hs_sort_u64_high(uint64_t *v, uint32_t *carry, size_t n);
/* Whether x is in v[0..n), sorted ascending (binary search). */
int hs_u64_sorted_has(const uint64_t *v, size_t n, uint64_t x);
/* Sorts key[0..n) ascending, stably, moving carry[i] (if not NULL) along
** with key[i]: LSD radix, 16 bits a pass, skipping the passes whose digit
** is the same for all keys. */
void hs_sort_u64_carry(uint64_t *key, uint32_t *carry, size_t n);

/* Sorts v[0..n) ascending: by a sorting network and merging up to a few
** hundred (a sentence's words), else by bytes; tmp: scratch of n (unused
** below 8). */
void hs_sort_u32(uint32_t *v, size_t n, uint32_t *tmp);

/* Bits needed to write x (0 for 0). */
int hs_sort_bits(uint64_t x);

/* Integer fields packed into one key, most significant first: as many
** leading fields as fit whole in 64 bits, each in the bits its largest
** value needs.  Field i < nf goes at shift[i]. */
#define HS_SORT_PACK_MAX 4
typedef struct hs_sort_pack {
  int nf;
  int shift[HS_SORT_PACK_MAX];
} hs_sort_pack;

/* Layout for fields whose largest values are max[0..nfields). */
void hs_sort_pack_init(hs_sort_pack *pk, const uint64_t *max, int nfields);

#endif
