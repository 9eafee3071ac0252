import HTTP

/// Plain HTTP's answer while HTTPS is on and `tls.plainHTTP` is "redirect": 308 (the method and
/// body are kept, unlike 301) to the same target on the HTTPS port.
struct HTTPSRedirectResponder: HTTPResponder {
    let httpsPort: Int
    /// Used when the request's Host is missing or not a plain host name or address.
    let fallbackHost: String

    func respond(to request: HTTPRequest, context: RequestContext) -> HTTPResponse {
        let host = hostName(request.headers["Host"]) ?? fallbackHost
        let authority = httpsPort == 443 ? host : "\(host):\(httpsPort)"
        let location = "https://\(authority)\(Self.originForm(request.target))"
        var response = HTTPResponse.problem(.permanentRedirect, detail: "this server answers over HTTPS: \(location)")
        response.headers.append(name: "Location", value: location)
        return response
    }

    /// The Host header without its port, when it is a name, an IPv4 address or a bracketed IPv6
    /// address; anything else could steer the redirect somewhere odd and is ignored.
    private func hostName(_ field: String?) -> String? {
        guard let field, !field.isEmpty else { return nil }
        var host = Substring(field)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            host = host[...close]
            let inside = host.dropFirst().dropLast()
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            return String(host)
        }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        guard !host.isEmpty,
            host.utf8.allSatisfy({ byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == 0x2D || byte == 0x2E
            })
        else { return nil }
        return String(host)
    }

    /// `/path?query` of an origin-form or absolute-form target; `/` for anything else (`*`).
    static func originForm(_ target: String) -> String {
        if target.hasPrefix("/") { return target }
        guard let scheme = target.range(of: "://") else { return "/" }
        let rest = target[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
    }
}
