extension Article {
    /// The opening words of the body for list views, cut on a word boundary and closed with
    /// an ellipsis when words were left out.
    public func firstWords(_ limit: Int = 30) -> String {
        var count = 0
        var inWord = false
        for index in body.indices {
            let isSpace = body[index].isWhitespace
            if !isSpace && !inWord {
                if count == limit {
                    var cut = body[..<index]
                    while let last = cut.last, last.isWhitespace || ",;:-–—".contains(last) { cut.removeLast() }
                    return cut + "…"
                }
                count += 1
            }
            inWord = !isSpace
        }
        return body
    }
}
