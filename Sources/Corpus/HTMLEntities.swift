/// Named character references that turn up in scraped and exported news text: markup
/// escapes, typographic punctuation, currency and the Latin-1 letters. Rarer names are left
/// as written rather than guessed at.
enum HTMLEntities {
    static func scalar(named name: Substring) -> Unicode.Scalar? {
        table[name].flatMap(Unicode.Scalar.init)
    }

    private static let table: [Substring: UInt32] = {
        var table: [Substring: UInt32] = [
            "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0, "ensp": 0x2002,
            "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "shy": 0xAD, "ndash": 0x2013,
            "mdash": 0x2014, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A,
            "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB, "lsaquo": 0x2039,
            "rsaquo": 0x203A, "bull": 0x2022, "middot": 0xB7, "prime": 0x2032, "Prime": 0x2033,
            "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "copy": 0xA9, "reg": 0xAE, "trade": 0x2122,
            "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "minus": 0x2212, "frac12": 0xBD,
            "frac14": 0xBC, "frac34": 0xBE, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
            "curren": 0xA4, "sect": 0xA7, "para": 0xB6, "iexcl": 0xA1, "iquest": 0xBF, "micro": 0xB5,
            "ordf": 0xAA, "ordm": 0xBA, "sup1": 0xB9, "sup2": 0xB2, "sup3": 0xB3, "not": 0xAC, "acute": 0xB4,
            "cedil": 0xB8, "uml": 0xA8, "macr": 0xAF, "brvbar": 0xA6, "OElig": 0x152, "oelig": 0x153,
            "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
            "larr": 0x2190, "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665, "check": 0x2713,
        ]
        let latin1Letters = [
            "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc",
            "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde",
            "Ouml", "", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig",
        ]
        for (offset, name) in latin1Letters.enumerated() where !name.isEmpty {
            table[Substring(name)] = 0xC0 + UInt32(offset)
            if name != "szlig" {
                // The small letters sit 0x20 above their capitals and are named in lower case.
                table[Substring(name.lowercased())] = 0xE0 + UInt32(offset)
            }
        }
        table["yuml"] = 0xFF
        return table
    }()
}
