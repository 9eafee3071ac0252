extension HTTPRequest {
    /// Whether the client lets the connection stay open after this request (RFC 9112 section 9.3):
    /// HTTP/1.1 unless it sent `Connection: close`, HTTP/1.0 only with `Connection: keep-alive`.
    public var wantsKeepAlive: Bool {
        var close = false
        var keepAlive = false
        for field in headers where HTTPFields.namesMatch(field.name, "Connection") {
            for option in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                let token = Substring(option).trimmingASCIIWhitespace()
                if HTTPFields.namesMatch(token, "close") { close = true }
                if HTTPFields.namesMatch(token, "keep-alive") { keepAlive = true }
            }
        }
        if close { return false }
        return version == .http1_1 || keepAlive
    }
}
