extension Array {
    /// A copy whose buffer holds exactly `count` elements. An array grown by `append` keeps up to
    /// twice the room it uses, and one truncated by `removeLast` all of it: over an index's
    /// hundreds of thousands of small lists that slack was a third of the index's memory.
    func withExactCapacity() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
