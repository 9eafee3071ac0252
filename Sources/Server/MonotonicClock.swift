import CSystem

/// The clock every timeout and duration is measured on: CLOCK_MONOTONIC in nanoseconds, which
/// wall-clock changes do not move.
enum MonotonicClock {
    static func now() -> UInt64 { csystem_monotonic_nanoseconds() }
}
