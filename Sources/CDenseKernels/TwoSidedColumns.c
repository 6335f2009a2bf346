// The column kernel of LinearAlgebra.TwoSidedProduct (see include/CDenseKernels.h).
//
// Written in C because Swift cannot compile one function for several instruction sets: the
// same body (GCC/Clang vector extensions, eight lanes) is compiled for AVX-512F, for
// AVX2 + FMA and for the baseline, and the widest the CPU supports is called. The
// measurement behind it is in Benchmarks/README.md (IO, "Krylov solves").
#include "CDenseKernels.h"

#include <string.h>

typedef double v8 __attribute__((vector_size(64)));

// Macros rather than functions: a function taking or returning v8 would have a different
// ABI in each variant (and the compiler warns about it), though all of them are inlined.
#define load8(p) ({ v8 v_; memcpy(&v_, (p), sizeof v_); v_; })
#define store8(p, v) do { v8 s_ = (v); memcpy((p), &s_, sizeof s_); } while (0)
#define lanes(v) ({ v8 l_ = (v); ((l_[0] + l_[4]) + (l_[2] + l_[6])) + ((l_[1] + l_[5]) + (l_[3] + l_[7])); })

// Rows per block: the block's slices of w (rows x kt) and y (rows x kf) stay in the level-2
// cache while every column of the range passes through, so m is the only stream from memory.
// While a pair of columns is used, the next pair is prefetched: the hardware prefetcher
// alone left the loop waiting on memory (Benchmarks/README.md, IO, "Krylov solves").
#define ROW_BLOCK 2048

// One trip through two columns a0, a1 (rows [0, len) of the block; p0, p1 are prefetched) for G dot products each
// (w's columns n apart; results added to z0[c·n] and z1[c·n]) and F axpys (y's columns n
// apart, y += a0·t0[c] + a1·t1[c]). Two columns at once halve the loads of w and y per
// multiply-add; 2·G chains of fused multiply-adds hide their latency. G and F are constants
// at every call, so the loops over them unroll and the sums stay in registers. With a1 ==
// a0 and t1 == 0 it serves a last odd column (z1 == z0 is then not written).
static inline __attribute__((always_inline)) void trip(
    const double *a0, const double *a1, const double *p0, const double *p1, int pair, long len,
    long n, const double *w,
    double *z0, double *z1, int G, double *y, const double *t0, const double *t1, int F)
{
    v8 s0[8], s1[8];
    for (int c = 0; c < G; c++) { s0[c] = (v8){0}; s1[c] = (v8){0}; }
    long i = 0;
    for (; i + 8 <= len; i += 8) {
        v8 u = load8(a0 + i);
        __builtin_prefetch(p0 + i, 0, 0);
        __builtin_prefetch(p1 + i, 0, 0);
        if (pair) {
            v8 v = load8(a1 + i);
            for (int c = 0; c < G; c++) {
                v8 wc = load8(w + c * n + i);
                s0[c] += u * wc;
                s1[c] += v * wc;
            }
            for (int c = 0; c < F; c++) store8(y + c * n + i, load8(y + c * n + i) + u * t0[c] + v * t1[c]);
        } else {
            for (int c = 0; c < G; c++) s0[c] += u * load8(w + c * n + i);
            for (int c = 0; c < F; c++) store8(y + c * n + i, load8(y + c * n + i) + u * t0[c]);
        }
    }
    double r0[8], r1[8];
    for (int c = 0; c < G; c++) { r0[c] = lanes(s0[c]); r1[c] = lanes(s1[c]); }
    for (; i < len; i++) {
        for (int c = 0; c < G; c++) {
            r0[c] += a0[i] * w[c * n + i];
            if (pair) r1[c] += a1[i] * w[c * n + i];
        }
        for (int c = 0; c < F; c++) {
            if (pair) y[c * n + i] += a0[i] * t0[c] + a1[i] * t1[c];
            else y[c * n + i] += a0[i] * t0[c];
        }
    }
    for (int c = 0; c < G; c++) {
        z0[c * n] += r0[c];
        if (pair) z1[c * n] += r1[c];
    }
}

static inline __attribute__((always_inline)) void body(
    const double *m, long n, long j0, long j1,
    const double *x, long kf, const double *w, long kt,
    double *y, double *z)
{
    for (long i0 = 0; i0 < n; i0 += ROW_BLOCK) {
        const long len = n - i0 < ROW_BLOCK ? n - i0 : ROW_BLOCK;
        for (long j = j0; j < j1; j += 2) {
            const double *a = m + j * n + i0;
            const int pair = j + 1 < j1;
            // The next pair's rows of this block, to prefetch (this pair's when it is the last).
            const double *p0 = j + 2 < j1 ? a + 2 * n : a;
            const double *p1 = j + 3 < j1 ? a + 3 * n : p0;
            // Up to eight dot products and two axpys per trip through the columns.
            double t0[2], t1[2];
            long c = 0, f = 0;
            while (c < kt || f < kf) {
                const int G = kt - c < 8 ? (int)(kt - c) : 8;
                const int F = kf - f < 2 ? (int)(kf - f) : 2;
                for (int q = 0; q < F; q++) {
                    t0[q] = x[j + (f + q) * n];
                    t1[q] = pair ? x[j + 1 + (f + q) * n] : 0;
                }
                if (pair) {
                    switch (G * 3 + F) {
                    case 1: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 0, y + f * n + i0, t0, t1, 1); break;
                    case 2: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 0, y + f * n + i0, t0, t1, 2); break;
                    case 3: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 1, y + f * n + i0, t0, t1, 0); break;
                    case 4: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 1, y + f * n + i0, t0, t1, 1); break;
                    case 5: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 1, y + f * n + i0, t0, t1, 2); break;
                    case 6: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 2, y + f * n + i0, t0, t1, 0); break;
                    case 7: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 2, y + f * n + i0, t0, t1, 1); break;
                    case 8: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 2, y + f * n + i0, t0, t1, 2); break;
                    case 9: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 3, y + f * n + i0, t0, t1, 0); break;
                    case 10: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 3, y + f * n + i0, t0, t1, 1); break;
                    case 11: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 3, y + f * n + i0, t0, t1, 2); break;
                    case 12: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 4, y + f * n + i0, t0, t1, 0); break;
                    case 13: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 4, y + f * n + i0, t0, t1, 1); break;
                    case 14: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 4, y + f * n + i0, t0, t1, 2); break;
                    case 15: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 5, y + f * n + i0, t0, t1, 0); break;
                    case 16: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 5, y + f * n + i0, t0, t1, 1); break;
                    case 17: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 5, y + f * n + i0, t0, t1, 2); break;
                    case 18: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 6, y + f * n + i0, t0, t1, 0); break;
                    case 19: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 6, y + f * n + i0, t0, t1, 1); break;
                    case 20: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 6, y + f * n + i0, t0, t1, 2); break;
                    case 21: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 7, y + f * n + i0, t0, t1, 0); break;
                    case 22: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 7, y + f * n + i0, t0, t1, 1); break;
                    case 23: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 7, y + f * n + i0, t0, t1, 2); break;
                    case 24: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 8, y + f * n + i0, t0, t1, 0); break;
                    case 25: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 8, y + f * n + i0, t0, t1, 1); break;
                    case 26: trip(a, a + n, p0, p1, 1, len, n, w + c * n + i0, z + j + c * n, z + j + 1 + c * n, 8, y + f * n + i0, t0, t1, 2); break;
                    default: break;
                    }
                } else {
                    switch (G * 3 + F) {
                    case 1: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 0, y + f * n + i0, t0, t1, 1); break;
                    case 2: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 0, y + f * n + i0, t0, t1, 2); break;
                    case 3: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 1, y + f * n + i0, t0, t1, 0); break;
                    case 4: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 1, y + f * n + i0, t0, t1, 1); break;
                    case 5: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 1, y + f * n + i0, t0, t1, 2); break;
                    case 6: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 2, y + f * n + i0, t0, t1, 0); break;
                    case 7: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 2, y + f * n + i0, t0, t1, 1); break;
                    case 8: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 2, y + f * n + i0, t0, t1, 2); break;
                    case 9: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 3, y + f * n + i0, t0, t1, 0); break;
                    case 10: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 3, y + f * n + i0, t0, t1, 1); break;
                    case 11: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 3, y + f * n + i0, t0, t1, 2); break;
                    case 12: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 4, y + f * n + i0, t0, t1, 0); break;
                    case 13: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 4, y + f * n + i0, t0, t1, 1); break;
                    case 14: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 4, y + f * n + i0, t0, t1, 2); break;
                    case 15: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 5, y + f * n + i0, t0, t1, 0); break;
                    case 16: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 5, y + f * n + i0, t0, t1, 1); break;
                    case 17: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 5, y + f * n + i0, t0, t1, 2); break;
                    case 18: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 6, y + f * n + i0, t0, t1, 0); break;
                    case 19: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 6, y + f * n + i0, t0, t1, 1); break;
                    case 20: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 6, y + f * n + i0, t0, t1, 2); break;
                    case 21: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 7, y + f * n + i0, t0, t1, 0); break;
                    case 22: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 7, y + f * n + i0, t0, t1, 1); break;
                    case 23: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 7, y + f * n + i0, t0, t1, 2); break;
                    case 24: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 8, y + f * n + i0, t0, t1, 0); break;
                    case 25: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 8, y + f * n + i0, t0, t1, 1); break;
                    case 26: trip(a, a, p0, p1, 0, len, n, w + c * n + i0, z + j + c * n, z + j + c * n, 8, y + f * n + i0, t0, t1, 2); break;
                    default: break;
                    }
                }
                c += G;
                f += F;
            }
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f,fma")))
static void columns_avx512(const double *m, long n, long j0, long j1, const double *x, long kf,
                           const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z);
}

__attribute__((target("avx2,fma")))
static void columns_avx2(const double *m, long n, long j0, long j1, const double *x, long kf,
                         const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z);
}
#endif

static void columns_baseline(const double *m, long n, long j0, long j1, const double *x, long kf,
                             const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z);
}

typedef void (*kernel_fn)(const double *, long, long, long, const double *, long,
                          const double *, long, double *, double *);

static kernel_fn chosen(const char **name) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) {
        if (name) *name = "avx512f";
        return columns_avx512;
    }
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        if (name) *name = "avx2+fma";
        return columns_avx2;
    }
#endif
    if (name) *name = "baseline";
    return columns_baseline;
}

void binhai_two_sided_columns(const double *m, long n, long j0, long j1, const double *x, long kf,
                              const double *w, long kt, double *y, double *z) {
    // Benign if two threads race to set it: both store the same pointer.
    static kernel_fn kernel = 0;
    kernel_fn k = __atomic_load_n(&kernel, __ATOMIC_ACQUIRE);
    if (!k) {
        k = chosen(0);
        __atomic_store_n(&kernel, k, __ATOMIC_RELEASE);
    }
    k(m, n, j0, j1, x, kf, w, kt, y, z);
}

const char *binhai_two_sided_kernel(void) {
    const char *name = "baseline";
    (void)chosen(&name);
    return name;
}

int binhai_two_sided_columns_variant(int variant, const double *m, long n, long j0, long j1,
                                     const double *x, long kf, const double *w, long kt,
                                     double *y, double *z) {
    kernel_fn k = 0;
    switch (variant) {
    case 0: k = columns_baseline; break;
#if defined(__x86_64__)
    case 1:
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) k = columns_avx2;
        break;
    case 2:
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma")) k = columns_avx512;
        break;
#endif
    default: break;
    }
    if (!k) return -1;
    k(m, n, j0, j1, x, kf, w, kt, y, z);
    return 0;
}
