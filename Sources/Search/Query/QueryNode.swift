/// The syntax tree of a query as the user wrote it, before any analysis: words keep their surface
/// form so the evaluator can decide per node whether to stem (plain words) or not (quoted phrases).
public indirect enum QueryNode: Sendable, Hashable {
    /// A word, optionally restricted to one text field; `prefix` for `word*`, `fuzziness` for `word~N`.
    case word(String, field: String?, prefix: Bool, fuzziness: Int)
    /// Consecutive words in quotes, optionally restricted to one text field.
    case phrase([String], field: String?)
    /// `field:value` over a keyword field (source, category, entity, ...): exact, case-insensitive.
    case keyword(field: String, value: String)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)

    /// A plain word with no field, prefix or typo tolerance: the common case in tests and callers.
    public static func word(_ text: String) -> QueryNode {
        .word(text, field: nil, prefix: false, fuzziness: 0)
    }
}
