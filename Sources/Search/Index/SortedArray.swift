extension Array where Element: Comparable {
    /// The position of `value` in this ascending array, found by binary search; nil when absent.
    func sortedIndex(of value: Element) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value ? low : nil
    }
}
