import Testing

@testable import Search

@Suite struct ByteListsTests {
    static func contents(of list: ByteLists.List, in arena: ByteLists) -> [UInt8] {
        var bytes: [UInt8] = []
        arena.append(list, to: &bytes)
        return bytes
    }

    /// Random batches of bytes and `VarInt`s to random lists, a few lists written far more than the
    /// others (through every slice size), some never: every list reads back as the plain array
    /// written alongside, whole and without its first `VarInt`.
    @Test func agreesWithAnArrayPerListOnRandomWrites() {
        var generator = SystemRandomNumberGenerator()
        var arena = ByteLists()
        var lists: [ByteLists.List] = []
        var reference: [[UInt8]] = []
        var firstLengths: [Int?] = []
        for _ in 0..<300 {
            for _ in 0..<Int.random(in: 0...20, using: &generator) {
                lists.append(ByteLists.List())
                reference.append([])
                firstLengths.append(nil)
            }
            guard !reference.isEmpty else { continue }
            let writes = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                let list =
                    Bool.random(using: &generator)
                    ? Int.random(in: 0..<min(3, reference.count), using: &generator)
                    : Int.random(in: 0..<reference.count, using: &generator)
                let value: UInt32 = [0, 1, 0x7f, 0x80, 0x3fff, 0x4000, .max, UInt32.random(in: 0...UInt32.max)]
                    .randomElement(using: &generator)!
                return (list: list, value: value, asByte: Bool.random(using: &generator))
            }
            arena.withWriter(bytes: writes.count * 5, lists: Set(writes.map(\.list)).count) { writer in
                for write in writes {
                    let before = reference[write.list].count
                    if write.asByte {
                        writer.append(UInt8(truncatingIfNeeded: write.value), to: &lists[write.list])
                        reference[write.list].append(UInt8(truncatingIfNeeded: write.value))
                    } else {
                        writer.appendVarInt(write.value, to: &lists[write.list])
                        VarInt.append(write.value, to: &reference[write.list])
                    }
                    if before == 0 { firstLengths[write.list] = write.asByte ? nil : reference[write.list].count }
                }
            }
        }
        #expect(reference.contains { $0.count > 5_000 })
        #expect(lists.map { Self.contents(of: $0, in: arena) } == reference)
        for index in reference.indices {
            guard let length = firstLengths[index] else { continue }
            let first = arena.firstVarInt(of: lists[index])
            var offset = 0
            let value = reference[index].withUnsafeBufferPointer { VarInt.read($0, &offset) }
            #expect(first?.value == value && first?.length == length)
            var rest: [UInt8] = []
            arena.append(lists[index], to: &rest, skipping: length)
            #expect(rest == Array(reference[index][length...]))
        }
    }

    /// The arena is shared by copies until one writes: the writer then has its own, and neither
    /// sees the other's later bytes (the arena grows past its first room in between).
    @Test func aCopyWritesToItsOwnArena() {
        var arena = ByteLists()
        var list = ByteLists.List()
        arena.withWriter(bytes: 3, lists: 1) { writer in
            for byte: UInt8 in [1, 2, 3] { writer.append(byte, to: &list) }
        }
        var copy = arena
        var copiedList = list
        copy.withWriter(bytes: 20_000, lists: 1) { writer in
            for index in 0..<20_000 { writer.append(UInt8(truncatingIfNeeded: index), to: &copiedList) }
        }
        arena.withWriter(bytes: 1, lists: 1) { $0.append(4, to: &list) }
        #expect(Self.contents(of: list, in: arena) == [1, 2, 3, 4])
        #expect(
            Self.contents(of: copiedList, in: copy) == [1, 2, 3] + (0..<20_000).map { UInt8(truncatingIfNeeded: $0) })
        #expect(copy.byteCount > arena.byteCount)
    }

    @Test func anEmptyListReadsAsNothing() {
        var arena = ByteLists()
        let empty = ByteLists.List()
        var written = ByteLists.List()
        arena.withWriter(bytes: 1, lists: 1) { $0.append(7, to: &written) }
        #expect(Self.contents(of: empty, in: arena) == [])
        #expect(Self.contents(of: written, in: arena) == [7])
        #expect(arena.firstVarInt(of: empty) == nil)
    }
}
