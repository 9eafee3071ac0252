/// Per token of a section, its `WordClasses` once asked for: most tokens are never asked about
/// (only names and their neighbours are), so they are looked up on first use rather than all in
/// advance. A class over one allocation, so that the non-mutating detector can fill it in.
final class WordClassMemo {
    private static let unknown = UInt32.max
    private let values: UnsafeMutableBufferPointer<UInt32>

    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: WordClassMemo.unknown)
    }

    deinit { values.deallocate() }

    subscript(index: Int) -> WordClasses? {
        get {
            let value = values[index]
            return value == WordClassMemo.unknown ? nil : WordClasses(rawValue: value)
        }
        set { values[index] = newValue?.rawValue ?? WordClassMemo.unknown }
    }
}
