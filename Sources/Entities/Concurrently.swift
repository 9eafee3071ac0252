import Dispatch
import Synchronization

/// Runs independent computations at once, on as many cores as there are, and returns their
/// results in argument order: the parts of an index that read the same input but not each other.
enum Concurrently {
    static func run<A: Sendable, B: Sendable, C: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
    ) -> (A, B, C) {
        let results = Mutex<(A?, B?, C?)>((nil, nil, nil))
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                let value = first()
                results.withLock { $0.0 = value }
            case 1:
                let value = second()
                results.withLock { $0.1 = value }
            default:
                let value = third()
                results.withLock { $0.2 = value }
            }
        }
        return results.withLock { ($0.0!, $0.1!, $0.2!) }
    }

    /// `transform` of every element, computed in contiguous chunks on all cores, in input order.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], chunk: Int = 256, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let chunks = (elements.count + chunk - 1) / chunk
        let parts = Mutex<[[Result]]>(Array(repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { part in
            let mapped = elements[(part * chunk)..<min(elements.count, (part + 1) * chunk)].map(transform)
            parts.withLock { $0[part] = mapped }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// Frees `value` on a worker thread instead of the caller's: a build's transient structures
    /// (a million small arrays at 100,000 articles) took the thread that goes on with the next
    /// step a second to free while the other core could do it. The worker holds the only reference:
    /// a box the caller still held when the worker's block had already run was freed by the caller.
    static func release<Value: Sendable>(_ value: consuming Value) {
        let box = Unmanaged.passRetained(Box(value))
        DispatchQueue.global().async { box.release() }
    }

    private final class Box<Value: Sendable>: Sendable {
        let value: Value

        init(_ value: consuming Value) {
            self.value = value
        }
    }
}
