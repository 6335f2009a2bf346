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

// One trip through C adjacent columns a, a + n, ... (rows [0, len) of the block; p0, p1 and
// p1 + n are prefetched) for G dot products each (w's columns n apart; results added to
// z[q + c·n] for column q) and F axpys (y's columns n apart; y += Σ_q a_q·t[2q + c]). More
// columns per trip mean fewer loads of w and y per multiply-add, and C·G independent chains
// of fused multiply-adds hide their latency. C, G and F are constants at every call, so the
// loops over them unroll and the sums stay in registers (C = 3 only where there are 32 of
// them, AVX-512; 2 otherwise).
static inline __attribute__((always_inline)) void trip(
    const double *a, const double *p0, const double *p1, int C, long len,
    long n, const double *w, double *z, int G, double *y, const double *t, int F)
{
    v8 s[3][8];
    for (int q = 0; q < C; q++)
        for (int c = 0; c < G; c++) s[q][c] = (v8){0};
    long i = 0;
    for (; i + 8 <= len; i += 8) {
        v8 u[3];
        for (int q = 0; q < C; q++) u[q] = load8(a + q * n + i);
        __builtin_prefetch(p0 + i, 0, 0);
        __builtin_prefetch(p1 + i, 0, 0);
        if (C == 3) __builtin_prefetch(p1 + n + i, 0, 0);
        for (int c = 0; c < G; c++) {
            v8 wc = load8(w + c * n + i);
            for (int q = 0; q < C; q++) s[q][c] += u[q] * wc;
        }
        for (int c = 0; c < F; c++) {
            v8 acc = load8(y + c * n + i);
            for (int q = 0; q < C; q++) acc += u[q] * t[2 * q + c];
            store8(y + c * n + i, acc);
        }
    }
    double r[3][8];
    for (int q = 0; q < C; q++)
        for (int c = 0; c < G; c++) r[q][c] = lanes(s[q][c]);
    for (; i < len; i++) {
        for (int c = 0; c < G; c++)
            for (int q = 0; q < C; q++) r[q][c] += a[q * n + i] * w[c * n + i];
        for (int c = 0; c < F; c++) {
            double acc = y[c * n + i];
            for (int q = 0; q < C; q++) acc += a[q * n + i] * t[2 * q + c];
            y[c * n + i] = acc;
        }
    }
    for (int q = 0; q < C; q++)
        for (int c = 0; c < G; c++) z[q + c * n] += r[q][c];
}

// Every (G, F) with G ≤ 8 dot products and F ≤ 2 axpys, for CC columns per trip.
#define TRIPS(CC) switch (G * 3 + F) { \
    case 1: trip(a, p0, p1, CC, len, n, w, z, 0, y, t, 1); break; \
    case 2: trip(a, p0, p1, CC, len, n, w, z, 0, y, t, 2); break; \
    case 3: trip(a, p0, p1, CC, len, n, w, z, 1, y, t, 0); break; \
    case 4: trip(a, p0, p1, CC, len, n, w, z, 1, y, t, 1); break; \
    case 5: trip(a, p0, p1, CC, len, n, w, z, 1, y, t, 2); break; \
    case 6: trip(a, p0, p1, CC, len, n, w, z, 2, y, t, 0); break; \
    case 7: trip(a, p0, p1, CC, len, n, w, z, 2, y, t, 1); break; \
    case 8: trip(a, p0, p1, CC, len, n, w, z, 2, y, t, 2); break; \
    case 9: trip(a, p0, p1, CC, len, n, w, z, 3, y, t, 0); break; \
    case 10: trip(a, p0, p1, CC, len, n, w, z, 3, y, t, 1); break; \
    case 11: trip(a, p0, p1, CC, len, n, w, z, 3, y, t, 2); break; \
    case 12: trip(a, p0, p1, CC, len, n, w, z, 4, y, t, 0); break; \
    case 13: trip(a, p0, p1, CC, len, n, w, z, 4, y, t, 1); break; \
    case 14: trip(a, p0, p1, CC, len, n, w, z, 4, y, t, 2); break; \
    case 15: trip(a, p0, p1, CC, len, n, w, z, 5, y, t, 0); break; \
    case 16: trip(a, p0, p1, CC, len, n, w, z, 5, y, t, 1); break; \
    case 17: trip(a, p0, p1, CC, len, n, w, z, 5, y, t, 2); break; \
    case 18: trip(a, p0, p1, CC, len, n, w, z, 6, y, t, 0); break; \
    case 19: trip(a, p0, p1, CC, len, n, w, z, 6, y, t, 1); break; \
    case 20: trip(a, p0, p1, CC, len, n, w, z, 6, y, t, 2); break; \
    case 21: trip(a, p0, p1, CC, len, n, w, z, 7, y, t, 0); break; \
    case 22: trip(a, p0, p1, CC, len, n, w, z, 7, y, t, 1); break; \
    case 23: trip(a, p0, p1, CC, len, n, w, z, 7, y, t, 2); break; \
    case 24: trip(a, p0, p1, CC, len, n, w, z, 8, y, t, 0); break; \
    case 25: trip(a, p0, p1, CC, len, n, w, z, 8, y, t, 1); break; \
    case 26: trip(a, p0, p1, CC, len, n, w, z, 8, y, t, 2); break; \
    default: break; \
    }

static inline __attribute__((always_inline)) void body(
    const double *m, long n, long j0, long j1,
    const double *x, long kf, const double *w0, long kt,
    double *y0, double *z0, const int columnsPerTrip)
{
    for (long i0 = 0; i0 < n; i0 += ROW_BLOCK) {
        const long len = n - i0 < ROW_BLOCK ? n - i0 : ROW_BLOCK;
        for (long j = j0; j < j1;) {
            const double *a = m + j * n + i0;
            const int C = j1 - j >= columnsPerTrip ? columnsPerTrip : (int)(j1 - j);
            // The next columns' rows of this block, to prefetch (these when they are the last).
            const double *p0 = j + C < j1 ? a + C * n : a;
            const double *p1 = j + C + 1 < j1 ? a + (C + 1) * n : p0;
            // Up to eight dot products and two axpys per trip through the columns.
            double t[6];
            long c = 0, f = 0;
            while (c < kt || f < kf) {
                const int G = kt - c < 8 ? (int)(kt - c) : 8;
                const int F = kf - f < 2 ? (int)(kf - f) : 2;
                for (int q = 0; q < C; q++)
                    for (int e = 0; e < F; e++) t[2 * q + e] = x[j + q + (f + e) * n];
                const double *w = w0 + c * n + i0;
                double *z = z0 + j + c * n, *y = y0 + f * n + i0;
                if (C == 3) { TRIPS(3) } else if (C == 2) { TRIPS(2) } else { TRIPS(1) }
                c += G;
                f += F;
            }
            j += C;
        }
    }
}

#if defined(__x86_64__)
__attribute__((target("avx512f,fma")))
static void columns_avx512(const double *m, long n, long j0, long j1, const double *x, long kf,
                           const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z, 3);
}

__attribute__((target("avx2,fma")))
static void columns_avx2(const double *m, long n, long j0, long j1, const double *x, long kf,
                         const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z, 2);
}
#endif

static void columns_baseline(const double *m, long n, long j0, long j1, const double *x, long kf,
                             const double *w, long kt, double *y, double *z) {
    body(m, n, j0, j1, x, kf, w, kt, y, z, 2);
}

typedef void (*kernel_fn)(const double *, long, long, long, const double *, long,
                          const double *, long, double *, double *);

static const char *const names[] = {"baseline", "avx2+fma", "avx512f"};

// The kernel of a variant (0 baseline, 1 AVX2 + FMA, 2 AVX-512F), or 0 if this CPU lacks it.
static kernel_fn variant_kernel(int variant) {
    if (variant == 0) return columns_baseline;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("fma")) return 0;
    if (variant == 1 && __builtin_cpu_supports("avx2")) return columns_avx2;
    if (variant == 2 && __builtin_cpu_supports("avx512f")) return columns_avx512;
#endif
    return 0;
}

// The widest variant this CPU runs.
static int widest_variant(void) {
    int v = 2;
    while (v > 0 && !variant_kernel(v)) v--;
    return v;
}

void binhai_two_sided_columns(const double *m, long n, long j0, long j1, const double *x, long kf,
                              const double *w, long kt, double *y, double *z) {
    // Benign if two threads race to set it: both store the same pointer.
    static kernel_fn kernel = 0;
    kernel_fn k = __atomic_load_n(&kernel, __ATOMIC_ACQUIRE);
    if (!k) {
        k = variant_kernel(widest_variant());
        __atomic_store_n(&kernel, k, __ATOMIC_RELEASE);
    }
    k(m, n, j0, j1, x, kf, w, kt, y, z);
}

const char *binhai_two_sided_kernel(void) { return names[widest_variant()]; }

int binhai_two_sided_columns_variant(int variant, const double *m, long n, long j0, long j1,
                                     const double *x, long kf, const double *w, long kt,
                                     double *y, double *z) {
    kernel_fn k = variant >= 0 && variant <= 2 ? variant_kernel(variant) : 0;
    if (!k) return -1;
    k(m, n, j0, j1, x, kf, w, kt, y, z);
    return 0;
}
