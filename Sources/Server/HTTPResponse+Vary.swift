import HTTP

extension HTTPResponse {
    /// Adds `name` to the `Vary` field unless it is already listed (or the field is `*`), so
    /// middleware that each add their own request header never repeat one.
    mutating func addVary(_ name: String) {
        guard let vary = headers["Vary"] else {
            headers["Vary"] = name
            return
        }
        let listed = vary.split(separator: ",").contains { member in
            let member = member.trimmingASCIIWhitespace()
            return member == "*" || HTTPFields.namesMatch(member, name)
        }
        if !listed { headers["Vary"] = vary + ", " + name }
    }
}
