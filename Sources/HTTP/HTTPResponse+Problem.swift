extension HTTPResponse {
    /// An RFC 9457 problem document, the one error shape every layer answers with, never stored by caches.
    public static func problem(_ status: HTTPStatus, detail: String) -> HTTPResponse {
        var json = #"{"type":"about:blank","title":""#
        json += status.reasonPhrase
        json += #"","status":"#
        json += String(status.code)
        json += #","detail":""#
        for scalar in detail.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\"}\n"
        var response = HTTPResponse(status: status, contentType: "application/problem+json", body: Array(json.utf8))
        // An error describes one exchange, not the resource: no cache may keep it.
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}
