/// Unchecked wrapper so raw pointers can be shared with `concurrentPerform` workers that write
/// disjoint parts of a buffer.
package struct SharedPointer<T>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<T>

    package init(base: UnsafeMutablePointer<T>) { self.base = base }
}
