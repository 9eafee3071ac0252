import Foundation

/// Many growable byte lists side by side in one arena: an index segment's postings, two lists per
/// term. A list is a chain of slices in the arena, 16 bytes at first and doubling up to 1 KB, each
/// ending in a 4-byte link: the offset of the next slice once there is one, the level of the next
/// slice until then. The caller keeps each list's `List` (12 bytes) where it likes, beside the
/// other per-term state it touches at the same time, so writing a term's postings costs one cache
/// miss for its state; writing goes through `withWriter`, which makes room for a whole batch
/// first, so a byte costs no uniqueness check or allocation (an array per list paid both).
struct ByteLists {
    /// Where a list stands: its first slice (`.max` while empty), the next byte to write and the
    /// end of the current slice's payload, where its link is.
    struct List {
        var head: UInt32 = .max
        var next: UInt32 = 0
        var end: UInt32 = 0
    }

    /// The arena's memory, from `realloc`: growing it neither zero-fills the new room nor (for a
    /// block large enough to be mapped on its own) copies the old bytes, where an array's growth
    /// did both (2.5 % of the start-up's samples without entities). Shared only by copies of a
    /// `ByteLists`, which copy it before they write (`withWriter`). Bytes past `used` are
    /// uninitialized: only `Writer.byte(at:)` reads one, to bring its cache line in, and its value
    /// is never used.
    private final class Arena: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        private(set) var capacity: Int

        init(capacity: Int) {
            base = Self.reallocate(nil, capacity)
            self.capacity = capacity
        }

        deinit { free(base) }

        func grow(to capacity: Int) {
            base = Self.reallocate(base, capacity)
            self.capacity = capacity
        }

        /// A new arena of the same capacity holding the first `count` bytes.
        func copy(count: Int) -> Arena {
            let copy = Arena(capacity: capacity)
            copy.base.update(from: base, count: count)
            return copy
        }

        private static func reallocate(
            _ pointer: UnsafeMutablePointer<UInt8>?, _ capacity: Int
        ) -> UnsafeMutablePointer<UInt8> {
            guard let raw = realloc(pointer, max(capacity, 1)) else { fatalError("ByteLists: out of memory") }
            return raw.bindMemory(to: UInt8.self, capacity: max(capacity, 1))
        }
    }

    /// Nil until the first write, so an empty `ByteLists` costs no allocation.
    private var arena: Arena?
    private var used = 0

    static let linkSize = 4
    static let firstSliceSize = 16
    static let maxLevel: UInt32 = 6

    /// The size of a list's slice at `level` (its first is level 0), the link included.
    @inline(__always)
    static func sliceSize(_ level: UInt32) -> Int { firstSliceSize << Int(min(level, maxLevel)) }

    /// Bytes held by the arena, for the memory figure.
    var byteCount: Int { arena?.capacity ?? 0 }

    /// Runs `body` with a writer that may write at most `bytes` bytes in total to at most `lists`
    /// distinct lists: room for every slice that can take is made first (a list writing `w` bytes
    /// fills slices of at most `w + w / 3` bytes, links included, and opens at most one more).
    mutating func withWriter<Result>(
        bytes: Int, lists: Int, _ body: (inout Writer) throws -> Result
    ) rethrows -> Result {
        let room = used + 2 * bytes + Self.sliceSize(Self.maxLevel) * lists
        if self.arena == nil {
            self.arena = Arena(capacity: max(room, 4_096))
        } else if !isKnownUniquelyReferenced(&self.arena) {
            self.arena = self.arena!.copy(count: used)
        }
        let arena = self.arena!
        if arena.capacity < room { arena.grow(to: max(room, 2 * arena.capacity)) }
        var writer = Writer(storage: UnsafeMutableBufferPointer(start: arena.base, count: arena.capacity), used: used)
        defer { self.used = writer.used }
        return try body(&writer)
    }

    /// Appends to lists within the room `withWriter` made.
    struct Writer {
        fileprivate let storage: UnsafeMutableBufferPointer<UInt8>
        fileprivate var used: Int

        @inline(__always)
        mutating func append(_ byte: UInt8, to list: inout List) {
            if list.next == list.end { openSlice(&list) }
            storage[Int(list.next)] = byte
            list.next += 1
        }

        /// The byte where `list` writes next (the arena's first byte for an empty list): reading it
        /// ahead of a batch of writes brings its cache line in early.
        @inline(__always)
        func byte(at list: List) -> UInt8 { storage[Int(list.next)] }

        /// Appends `value` as a `VarInt`.
        @inline(__always)
        mutating func appendVarInt(_ value: UInt32, to list: inout List) {
            var value = value
            while value >= 0x80 {
                append(UInt8(truncatingIfNeeded: value) | 0x80, to: &list)
                value >>= 7
            }
            append(UInt8(value), to: &list)
        }

        /// Starts the list's next slice at the end of the arena and links the full one to it.
        private mutating func openSlice(_ list: inout List) {
            let level = list.head == .max ? 0 : readLink(at: Int(list.end))
            let size = ByteLists.sliceSize(level)
            precondition(used + size <= storage.count && used + size <= Int(UInt32.max), "ByteLists room")
            let start = UInt32(used)
            if list.head == .max {
                list.head = start
            } else {
                writeLink(start, at: Int(list.end))
            }
            list.next = start
            list.end = start + UInt32(size - ByteLists.linkSize)
            writeLink(level + 1, at: Int(list.end))
            used += size
        }

        private func readLink(at offset: Int) -> UInt32 {
            UnsafeRawPointer(storage.baseAddress! + offset).loadUnaligned(as: UInt32.self)
        }

        private func writeLink(_ value: UInt32, at offset: Int) {
            UnsafeMutableRawPointer(storage.baseAddress! + offset).storeBytes(of: value, as: UInt32.self)
        }
    }

    /// Calls `body` with each run of `list`'s bytes, in order.
    func forEachRun(of list: List, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard list.head != .max, let arena else { return }
        withExtendedLifetime(arena) {
            let storage = UnsafeBufferPointer(start: arena.base, count: used)
            var start = Int(list.head)
            var level: UInt32 = 0
            while true {
                let end = start + Self.sliceSize(level) - Self.linkSize
                // Slices are opened at the end of the arena, so a full slice lies before the cursor.
                if Int(list.next) <= end {
                    body(UnsafeBufferPointer(rebasing: storage[start..<Int(list.next)]))
                    return
                }
                body(UnsafeBufferPointer(rebasing: storage[start..<end]))
                start = Int(UnsafeRawPointer(storage.baseAddress! + end).loadUnaligned(as: UInt32.self))
                level += 1
            }
        }
    }

    /// Appends `list`'s bytes to `output`, leaving out its first `skipping` bytes.
    func append(_ list: List, to output: inout [UInt8], skipping: Int = 0) {
        var skip = skipping
        forEachRun(of: list) { run in
            if skip >= run.count {
                skip -= run.count
                return
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: run[skip...]))
            skip = 0
        }
    }

    /// The list's first `VarInt` and its length in bytes, nil for an empty list: a first slice
    /// holds 12 bytes, more than the longest `VarInt`, so the value lies in it whole.
    func firstVarInt(of list: List) -> (value: UInt32, length: Int)? {
        guard list.head != .max, list.next != list.head, let arena else { return nil }
        return withExtendedLifetime(arena) {
            let storage = UnsafeBufferPointer(start: arena.base, count: used)
            var offset = Int(list.head)
            let value = VarInt.read(storage, &offset)
            return (value, offset - Int(list.head))
        }
    }
}
