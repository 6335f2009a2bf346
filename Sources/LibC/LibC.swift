/// The C library of the platform (Glibc, Musl or Darwin), imported in one place: `import LibC`
/// gives `pow`, `exp`, `pthread_*`, `madvise`, … on every platform the package builds on.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
