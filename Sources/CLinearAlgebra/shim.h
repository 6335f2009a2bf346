// C view of BLAS and LAPACK for Swift.
// CBLAS comes from Debian's libblas-dev (cblas.h). LAPACK is called through its Fortran ABI:
// every argument by pointer, INTEGER = 32-bit int (LP64), and one hidden `size_t` length per
// CHARACTER argument appended at the end (gfortran's convention; omitting it is undefined
// behaviour with modern gfortran). Linking `-lblas -llapack` lets Debian's alternatives route
// both to OpenBLAS when libopenblas0-pthread is installed.
#ifndef BINHAISIM_CLINEARALGEBRA_SHIM_H
#define BINHAISIM_CLINEARALGEBRA_SHIM_H

#include <stddef.h>
#include <cblas.h>

/// LU factorisation with partial pivoting: A = P·L·U.
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
/// Row interchanges k1…k2 (1-based) of ipiv applied to the n columns of A.
void dlaswp_(const int *n, double *a, const int *lda, const int *k1, const int *k2,
             const int *ipiv, const int *incx);
/// Solve A·X = B or Aᵀ·X = B with the factors of dgetrf.
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda,
             const int *ipiv, double *b, const int *ldb, int *info, size_t trans_len);
/// Cholesky factorisation of a symmetric positive definite matrix: A = L·Lᵀ (uplo = 'L').
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
/// Solve A·X = B with the factors of dpotrf.
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);
/// Inverse of A from the factors of dpotrf (the `uplo` triangle only).
void dpotri_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);
/// Inverse from the factors of dgetrf.
void dgetri_(const int *n, double *a, const int *lda, const int *ipiv, double *work,
             const int *lwork, int *info);
/// Reciprocal condition number estimate from the factors of dgetrf.
void dgecon_(const char *norm, const int *n, const double *a, const int *lda, const double *anorm,
             double *rcond, double *work, int *iwork, int *info, size_t norm_len);
/// Matrix norm (1, infinity, Frobenius or max-abs).
double dlange_(const char *norm, const int *m, const int *n, const double *a, const int *lda,
               double *work, size_t norm_len);
/// Least squares / minimum-norm solution of a full-rank system via QR or LQ.
void dgels_(const char *trans, const int *m, const int *n, const int *nrhs, double *a,
            const int *lda, double *b, const int *ldb, double *work, const int *lwork, int *info,
            size_t trans_len);
/// Equality-constrained least squares: minimise ‖c − A·x‖₂ subject to B·x = d.
void dgglse_(const int *m, const int *n, const int *p, double *a, const int *lda, double *b,
             const int *ldb, double *c, double *d, double *x, double *work, const int *lwork,
             int *info);
/// Eigenvalues (and optionally eigenvectors) of a general real matrix.
void dgeev_(const char *jobvl, const char *jobvr, const int *n, double *a, const int *lda,
            double *wr, double *wi, double *vl, const int *ldvl, double *vr, const int *ldvr,
            double *work, const int *lwork, int *info, size_t jobvl_len, size_t jobvr_len);

#endif
