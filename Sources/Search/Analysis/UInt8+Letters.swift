/// ASCII letters by name, so the stemmer reads like the algorithm's text.
extension UInt8 {
    static let a = UInt8(ascii: "a")
    static let e = UInt8(ascii: "e")
    static let i = UInt8(ascii: "i")
    static let l = UInt8(ascii: "l")
    static let o = UInt8(ascii: "o")
    static let s = UInt8(ascii: "s")
    static let t = UInt8(ascii: "t")
    static let u = UInt8(ascii: "u")
    static let w = UInt8(ascii: "w")
    static let x = UInt8(ascii: "x")
    static let y = UInt8(ascii: "y")
    static let upperY = UInt8(ascii: "Y")
    static let apostrophe = UInt8(ascii: "'")
}
