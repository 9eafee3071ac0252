extension HTTPRequestError {
    /// An RFC 9457 problem document for the error, so a client sees the same error shape from the
    /// protocol layer as from the API.
    public var response: HTTPResponse {
        let status = status
        var json = #"{"type":"about:blank","title":""#
        json += status.reasonPhrase
        json += #"","status":"#
        json += String(status.code)
        json += #","detail":""#
        for scalar in description.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case let s where s.value < 0x20: json += "\\u00" + (s.value < 0x10 ? "0" : "") + String(s.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\"}\n"
        return HTTPResponse(status: status, contentType: "application/problem+json", body: Array(json.utf8))
    }
}
