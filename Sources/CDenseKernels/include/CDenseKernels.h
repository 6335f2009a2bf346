#ifndef C_DENSE_KERNELS_H
#define C_DENSE_KERNELS_H

/// Columns [j0, j1) of the column-major n x n matrix m, each read once from memory:
///   z[j + c*n] += sum_i m[i + j*n] * w[i + c*n]   for every c < kt   (z += m^T w, those rows;
///                                                                     z starts at 0)
///   y[i + c*n] += m[i + j*n] * x[j + c*n]         for every c < kf   (y += m x, those columns)
/// Compiled three times (AVX-512F, AVX2 + FMA, baseline x86-64 / any other CPU) and picked
/// at the first call from what the CPU and operating system support.
void binhai_two_sided_columns(
    const double *m, long n, long j0, long j1,
    const double *x, long kf, const double *w, long kt,
    double *y, double *z);

/// The same with a given variant (0 baseline, 1 AVX2 + FMA, 2 AVX-512F), for tests that check
/// every variant the CPU runs; returns -1 (and computes nothing) if the CPU lacks it.
int binhai_two_sided_columns_variant(
    int variant, const double *m, long n, long j0, long j1,
    const double *x, long kf, const double *w, long kt,
    double *y, double *z);

/// The kernel binhai_two_sided_columns uses on this CPU: "avx512f", "avx2+fma" or "baseline".
const char *binhai_two_sided_kernel(void);

#endif
