extension String {
    /// The text in a new allocation of exactly its size (none when it is short enough to be stored
    /// inline). Strings made while every core builds are scattered among that work's freed blocks,
    /// each keeping a page of the heap resident; copied once the build is over, they fill free space
    /// densely, and the pages they leave can be handed back to the system whole.
    package func freshCopy() -> String {
        var text = self
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }
}
